"""Writes tests/fixtures/interop/pretalx-widget-democon.json: the DemoCon schedule
(pretalx-democon.json, from pretalx) in the shape of pretalx's widget schedule JSON
(pretalx's Schedule.build_data: talks pointing at rooms, tracks and speakers by id or
code, names as text in several languages), plus one break slot as pretalx writes those
(no code, no speakers). Run from the repository root; the output is committed."""
import json

src = json.load(open('tests/fixtures/interop/pretalx-democon.json'))['schedule']['conference']
rooms, tracks, speakers, talks = {}, {}, {}, []
for day in src['days']:
    for room_name, events in day['rooms'].items():
        rooms.setdefault(room_name, len(rooms) + 1)
        for e in events:
            if e.get('track'):
                tracks.setdefault(e['track'], len(tracks) + 1)
            for p in e['persons']:
                speakers.setdefault(p['code'], {'code': p['code'], 'name': p['public_name'],
                                                'biography': p.get('biography') or '', 'avatar': None})
            h, m = map(int, e['duration'].split(':'))
            start = e['date']
            talks.append({
                'code': e['url'].rstrip('/').split('/')[-1], 'id': e['id'],
                'title': e['title'], 'abstract': e['abstract'],
                'speakers': [p['code'] for p in e['persons']],
                'track': tracks.get(e['track']), 'start': start, 'end': None,
                'room': rooms[room_name], 'duration': h * 60 + m,
                'updated': start, 'state': None,
            })
first = talks[0]
talks.append({'id': 9001, 'title': {'en': 'Lunch break', 'de': 'Mittagspause'},
              'start': '2020-12-14T12:30:00+01:00', 'end': '2020-12-14T13:30:00+01:00',
              'room': first['room']})
out = {
    'talks': talks, 'version': '0.9', 'timezone': 'Europe/Berlin',
    'event_start': src['start'], 'event_end': src['end'],
    'tracks': [{'id': i, 'name': {'en': n}, 'description': {'en': ''}, 'color': c}
               for (n, i), c in zip(tracks.items(), ['#0f766e', '#b91c1c', '#6d28d9', '#a16207'])],
    'rooms': [{'id': i, 'name': {'en': n}, 'description': {'en': ''}} for n, i in rooms.items()],
    'speakers': list(speakers.values()),
}
json.dump(out, open('tests/fixtures/interop/pretalx-widget-democon.json', 'w'), indent=1, ensure_ascii=False)
