//! c3voc/frab `schedule.json`, as frab, pretalx and our own export write it.
//!
//! Real files are looser than the schema (frab's acronyms and slugs often break its patterns),
//! so patterns are not enforced: we make our own slugs. Types are: a field the schema says is a
//! whole number, a text, a list or an object must be one, or the file is refused with where
//! and what.

use serde_json::{Map, Value};

use super::stamp::{parse_duration, parse_stamp, stamp_on};
use super::{
    ImportError, PersonExtras, Problems, Source, SourceDay, SourceEvent, SourceFormat, SourceMeta,
    SourcePerson, SourceRoom, SourceTrack,
};
use crate::domain::schedule::parse_date;

/// What a JSON value is, for messages.
pub(super) fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A text field (absent or null: empty); text in several languages (`{"en": …}`) gives its
/// English, else its first, text. Anything else is a problem.
pub(super) fn text(
    obj: &Map<String, Value>,
    key: &str,
    at: &str,
    problems: &mut Problems,
) -> String {
    match obj.get(key) {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Object(translations)) => translations
            .get("en")
            .or_else(|| translations.values().next())
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        Some(other) => {
            problems.add(format!("{at}: “{key}” is {}, not text", kind(other)));
            String::new()
        }
    }
}

/// A date-and-time field ("2019-08-21T11:00:00+02:00"); absent or null: none.
pub(super) fn stamp_field(
    obj: &Map<String, Value>,
    key: &str,
    at: &str,
    problems: &mut Problems,
) -> Option<super::stamp::Stamp> {
    match obj.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => {
            let stamp = parse_stamp(s);
            if stamp.is_none() {
                problems.add(format!("{at}: “{key}” “{s}” is not a date and time"));
            }
            stamp
        }
        Some(other) => {
            problems.add(format!(
                "{at}: “{key}” is {}, not a date and time",
                kind(other)
            ));
            None
        }
    }
}

/// A length "H:MM" as text; empty: none.
pub(super) fn duration_field(text: &str, at: &str, problems: &mut Problems) -> Option<i64> {
    if text.is_empty() {
        return None;
    }
    let minutes = parse_duration(text);
    if minutes.is_none() {
        problems.add(format!("{at}: duration “{text}” is not a length H:MM"));
    }
    minutes
}

/// A whole-number field that must be one when present.
fn check_integer(obj: &Map<String, Value>, key: &str, at: &str, problems: &mut Problems) {
    if let Some(v) = obj.get(key) {
        if !(v.is_i64() || v.is_u64()) {
            problems.add(format!(
                "{at}: “{key}” is {} ({}), not a whole number",
                kind(v),
                short(v)
            ));
        }
    }
}

/// A value, shortened for a message.
pub(super) fn short(v: &Value) -> String {
    let mut s = v.to_string();
    if s.chars().count() > 40 {
        s = s.chars().take(40).collect::<String>() + "…";
    }
    s
}

/// A list field (absent or null: empty); anything else is a problem.
pub(super) fn list<'a>(
    obj: &'a Map<String, Value>,
    key: &str,
    at: &str,
    problems: &mut Problems,
) -> &'a [Value] {
    match obj.get(key) {
        None | Some(Value::Null) => &[],
        Some(Value::Array(items)) => items,
        Some(other) => {
            problems.add(format!("{at}: “{key}” is {}, not a list", kind(other)));
            &[]
        }
    }
}

fn person(v: &Value, at: &str, problems: &mut Problems) -> Option<SourcePerson> {
    let Some(p) = v.as_object() else {
        problems.add(format!("{at}: a person is {}, not an object", kind(v)));
        return None;
    };
    let name = {
        let name = text(p, "name", at, problems);
        if name.trim().is_empty() {
            text(p, "public_name", at, problems)
        } else {
            name
        }
    };
    check_integer(p, "id", &format!("{at}, person “{name}”"), problems);
    let key = match (p.get("guid"), p.get("code"), p.get("id")) {
        (Some(Value::String(g)), _, _) if !g.is_empty() => format!("guid:{g}"),
        (_, Some(Value::String(c)), _) if !c.is_empty() => format!("code:{c}"),
        (_, _, Some(id)) if id.is_i64() || id.is_u64() => format!("id:{id}"),
        _ => format!("name:{name}"),
    };
    let ours = p.contains_key("given_name") || p.contains_key("family_name");
    let extras = ours.then(|| PersonExtras {
        honorific: text(p, "honorific", at, problems),
        given_name: text(p, "given_name", at, problems),
        family_name: text(p, "family_name", at, problems),
        position: text(p, "position", at, problems),
        organization: text(p, "organization", at, problems),
        organization_short: text(p, "organization_short", at, problems),
        category: text(p, "category", at, problems),
        role: text(p, "role", at, problems),
        status: text(p, "status", at, problems),
    });
    Some(SourcePerson {
        key,
        name: name.trim().to_string(),
        bio: text(p, "biography", at, problems),
        extras,
        role: None,
    })
}

fn event(
    v: &Value,
    date: Option<chrono::NaiveDate>,
    room_key: &str,
    at: &str,
    source: &mut Source,
    problems: &mut Problems,
) {
    let Some(e) = v.as_object() else {
        problems.add(format!("{at}: an event is {}, not an object", kind(v)));
        return;
    };
    let title = text(e, "title", at, problems);
    let at = format!(
        "{at}, event “{}”",
        title.chars().take(60).collect::<String>()
    );
    let at = at.as_str();
    check_integer(e, "id", at, problems);
    let mut start = stamp_field(e, "date", at, problems);
    let end = stamp_field(e, "end", at, problems);
    let start_text = text(e, "start", at, problems);
    if start.is_none() && !start_text.is_empty() {
        start = date.and_then(|d| stamp_on(d, &start_text));
        if start.is_none() {
            problems.add(format!("{at}: “start” “{start_text}” is not a time HH:MM"));
        }
    }
    let duration_minutes = duration_field(&text(e, "duration", at, problems), at, problems);
    let persons = match e.get("persons") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(|p| person(p, at, problems))
            .collect(),
        Some(other) => {
            problems.add(format!("{at}: “persons” is {}, not a list", kind(other)));
            Vec::new()
        }
    };
    let links = list(e, "links", at, problems).len();
    let attachments = list(e, "attachments", at, problems).len();
    source.drop_count("links", links);
    source.drop_count("attachments", attachments);
    let room = text(e, "room", at, problems);
    let track = text(e, "track", at, problems);
    source.events.push(SourceEvent {
        guid: text(e, "guid", at, problems),
        id: match e.get("id") {
            Some(id) if id.is_i64() || id.is_u64() => id.to_string(),
            _ => String::new(),
        },
        title,
        subtitle: text(e, "subtitle", at, problems),
        kind: text(e, "type", at, problems),
        start,
        end,
        duration_minutes,
        room: if room.trim().is_empty() {
            room_key.to_string()
        } else {
            room
        },
        track: (!track.trim().is_empty()).then_some(track),
        summary: text(e, "abstract", at, problems),
        description: text(e, "description", at, problems),
        persons,
    });
}

/// The `i`th entry of a conference's `days`: the object, its date, and "day 2 (2024-02-03)"
/// for messages; a problem is said when it is not an object or its date not a date.
pub(super) fn day_entry<'a>(
    d: &'a Value,
    i: usize,
    problems: &mut Problems,
) -> Option<(&'a Map<String, Value>, Option<chrono::NaiveDate>, String)> {
    let at = format!("day {}", i + 1);
    let Some(d) = d.as_object() else {
        problems.add(format!("{at} is {}, not an object", kind(d)));
        return None;
    };
    let date_text = text(d, "date", &at, problems);
    let date = parse_date(date_text.trim());
    if date.is_none() {
        problems.add(format!(
            "{at}: “date” “{date_text}” is not a date YYYY-MM-DD"
        ));
    }
    Some((d, date, format!("{at} ({date_text})")))
}

/// The conference's title, acronym, description and timezone (versions 1 and 2 alike).
pub(super) fn conference_header(
    conference: &Map<String, Value>,
    source: &mut Source,
    problems: &mut Problems,
) {
    let at = "conference";
    source.title = text(conference, "title", at, problems);
    source.acronym = text(conference, "acronym", at, problems);
    source.description = text(conference, "description", at, problems);
    let timezone = text(conference, "time_zone_name", at, problems);
    source.timezone = (!timezone.trim().is_empty()).then(|| timezone.trim().to_string());
}

pub(super) fn read(text_in: &str) -> Result<Source, ImportError> {
    const FORMAT: SourceFormat = SourceFormat::ScheduleJson;
    let root: Value = serde_json::from_str(text_in).map_err(|e| ImportError::json(&e))?;
    let shape = |problem: &str| ImportError::Shape {
        format: FORMAT.label(),
        problems: problem.to_string(),
    };
    let conference = root
        .get("schedule")
        .and_then(|s| s.get("conference"))
        .and_then(Value::as_object)
        .ok_or_else(|| shape("it has no “schedule” with a “conference” object in it."))?;
    let mut problems = Problems::default();
    let mut source = Source::default();
    conference_header(conference, &mut source, &mut problems);
    if let Some(meta) = conference.get("meta").and_then(Value::as_object) {
        let at = "conference meta";
        let short_name = text(meta, "short_name", at, &mut problems);
        source.meta = SourceMeta {
            short_name: meta.contains_key("short_name").then_some(short_name),
            edition: text(meta, "edition", at, &mut problems),
            host: text(meta, "host", at, &mut problems),
            venue: text(meta, "venue", at, &mut problems),
            city: text(meta, "city", at, &mut problems),
        };
    }
    for r in conference
        .get("rooms")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(r) = r.as_object() else {
            problems.add(format!(
                "conference rooms: a room is {}, not an object",
                kind(r)
            ));
            continue;
        };
        let name = text(r, "name", "conference rooms", &mut problems);
        if name.trim().is_empty() {
            continue;
        }
        source.rooms.push(SourceRoom {
            name: name.trim().to_string(),
            capacity: r
                .get("capacity")
                .and_then(Value::as_u64)
                .and_then(|c| u32::try_from(c).ok()),
            description: text(r, "description", "conference rooms", &mut problems),
        });
    }
    for t in conference
        .get("tracks")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(t) = t.as_object() else { continue };
        source.tracks.push(SourceTrack {
            name: text(t, "name", "conference tracks", &mut problems),
            colour: t.get("color").and_then(Value::as_str).map(str::to_string),
        });
    }
    let days = match conference.get("days") {
        Some(Value::Array(days)) => days.as_slice(),
        Some(other) => {
            return Err(shape(&format!(
                "its conference “days” is {}, not a list.",
                kind(other)
            )))
        }
        None => return Err(shape("its conference has no “days”.")),
    };
    for (i, d) in days.iter().enumerate() {
        let Some((d, date, at)) = day_entry(d, i, &mut problems) else {
            continue;
        };
        source.days.push(SourceDay {
            date,
            start: d
                .get("day_start")
                .and_then(Value::as_str)
                .and_then(parse_stamp),
            end: d
                .get("day_end")
                .and_then(Value::as_str)
                .and_then(parse_stamp),
        });
        let rooms = match d.get("rooms") {
            None | Some(Value::Null) => continue,
            Some(Value::Object(rooms)) => rooms,
            Some(other) => {
                problems.add(format!("{at}: “rooms” is {}, not an object", kind(other)));
                continue;
            }
        };
        for (room, events) in rooms {
            let at = format!("{at}, room “{room}”");
            if !source.rooms.iter().any(|r| r.name == room.trim()) && !room.trim().is_empty() {
                source.rooms.push(SourceRoom {
                    name: room.trim().to_string(),
                    ..SourceRoom::default()
                });
            }
            let Some(events) = events.as_array() else {
                problems.add(format!("{at} is {}, not a list of events", kind(events)));
                continue;
            };
            for e in events {
                event(e, date, room, &at, &mut source, &mut problems);
            }
        }
    }
    problems.into_result(FORMAT)?;
    Ok(source)
}
