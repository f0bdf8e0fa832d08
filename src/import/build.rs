//! A [`Source`] (any format, read) into a meeting: times into the meeting's timezone, days from
//! the dates used, rooms, themes and people by first appearance, sessions in programme order.
//! The order is fixed (date, start, end, room, title, then file order), so exporting an
//! imported meeting and importing it again gives the same meeting.

use crate::domain::session::{minutes_of, time_of};
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use super::stamp::Stamp;
use super::{ImportError, Imported, Report, Source, SourceEvent, SourceFormat, SourcePerson};
use crate::domain::time::UtcOffsets;
use crate::domain::{
    Category, Day, DayId, Meeting, Participant, Person, PersonId, Placement, Role, Room, RoomId,
    Session, SessionId, SessionKind, Status, Theme, ThemeId,
};

/// Colours given to themes whose file has none (distinct, readable on white).
const PALETTE: [&str; 8] = [
    "#1d4ed8", "#b45309", "#15803d", "#7e22ce", "#be123c", "#0e7490", "#4d7c0f", "#a21caf",
];

/// Converts moments into wall-clock time of one timezone.
struct Clock<'a> {
    timezone: String,
    offsets: &'a dyn UtcOffsets,
    /// How many local times fell in an hour the clocks skip, and were moved past it.
    moved: std::cell::Cell<usize>,
}

impl Clock<'_> {
    /// The local time in the meeting's timezone of a moment a file gives.
    fn local(&self, stamp: Stamp) -> NaiveDateTime {
        let Some(offset) = stamp.offset else {
            return self.shown(stamp.local);
        };
        let Some(utc) = stamp
            .local
            .checked_sub_signed(Duration::seconds(offset as i64))
        else {
            return stamp.local;
        };
        crate::domain::time::wall_clock(self.offsets, &self.timezone, utc).unwrap_or(stamp.local)
    }

    /// A wall-clock time as the meeting's clocks show it. One in the hour the clocks skip
    /// (02:30 on the night summer time begins) is read with the offset in force before the
    /// skip, as a file that added a length on the wall clock meant it: 03:30.
    fn shown(&self, local: NaiveDateTime) -> NaiveDateTime {
        use crate::domain::time::{wall_clock, OffsetError};
        if self.offsets.utc_offset(&self.timezone, local) != Err(OffsetError::NoSuchLocalTime) {
            return local;
        }
        let before = local
            .checked_sub_signed(Duration::hours(3))
            .and_then(|t| self.offsets.utc_offset(&self.timezone, t).ok());
        let moved = before
            .and_then(|o| local.checked_sub_signed(Duration::seconds(o as i64)))
            .and_then(|utc| wall_clock(self.offsets, &self.timezone, utc));
        match moved {
            Some(t) => {
                self.moved.set(self.moved.get() + 1);
                t
            }
            None => local,
        }
    }

    /// The local end of something starting at `start` and lasting `minutes` of real time:
    /// across a change of the clocks it is not `minutes` later on the wall clock.
    fn after(&self, start: NaiveDateTime, minutes: i64) -> Option<NaiveDateTime> {
        let length = Duration::try_minutes(minutes)?;
        match crate::domain::time::to_utc(self.offsets, &self.timezone, start) {
            Ok(utc) => {
                let end = utc.checked_add_signed(length)?;
                crate::domain::time::wall_clock(self.offsets, &self.timezone, end)
            }
            Err(_) => start.checked_add_signed(length),
        }
    }
}

/// The timezone for the meeting: the file's when it is known; else one that fits the offsets
/// the file uses; else UTC (times kept as written). And whether that is a guess the person
/// importing should be asked about: no name the planner could use, and no single offset to
/// go by.
fn choose_timezone(
    source: &Source,
    offsets: &dyn UtcOffsets,
    notes: &mut Vec<String>,
) -> (String, bool) {
    let probe = source
        .events
        .iter()
        .find_map(|e| e.start)
        .map(|s| s.local)
        .unwrap_or_default();
    if let Some(tz) = &source.timezone {
        // (The probe may fall in an hour the clocks skip: the timezone is known all the same.)
        if offsets.utc_offset(tz, probe) != Err(crate::domain::time::OffsetError::UnknownTimezone) {
            return (tz.clone(), false);
        }
        notes.push(format!(
            "The file's timezone “{tz}” is not a known IANA name, so it was not used."
        ));
    }
    let mut used: Vec<i32> = source
        .events
        .iter()
        .filter_map(|e| e.start.and_then(|s| s.offset))
        .collect();
    crate::domain::order::sort(&mut used);
    used.dedup();
    match used.as_slice() {
        [] => {
            notes.push(
                "The file gives no timezone: times are kept as written and the meeting's \
                 timezone is set to UTC. Set the right one under Edit → Meeting details."
                    .to_string(),
            );
            ("UTC".to_string(), true)
        }
        [0] => ("UTC".to_string(), false),
        [one] if one % 3600 == 0 => {
            // IANA's fixed-offset zones have the sign the other way round.
            let hours = one / 3600;
            let name = format!(
                "Etc/GMT{}{}",
                if hours > 0 { '-' } else { '+' },
                hours.abs()
            );
            if offsets.utc_offset(&name, probe).is_ok() {
                notes.push(format!(
                    "The file gives no timezone name; its times are all at UTC{}{}, so the meeting uses {name}.",
                    if hours > 0 { '+' } else { '-' },
                    hours.abs()
                ));
                (name, false)
            } else {
                ("UTC".to_string(), false)
            }
        }
        _ => {
            notes.push(
                "The file gives no timezone name and uses several UTC offsets: times were converted to UTC."
                    .to_string(),
            );
            ("UTC".to_string(), true)
        }
    }
}

/// Line breaks as the planner keeps them: "\n" (files from Windows tools have "\r\n").
fn lines(text: &str) -> String {
    text.trim().replace("\r\n", "\n").replace('\r', "\n")
}

/// "Brian Robinson" → ("Brian", "Robinson"); one word is a family name.
fn split_name(name: &str) -> (String, String) {
    let name = name.trim();
    match name.rsplit_once(' ') {
        Some((given, family)) => (given.trim().to_string(), family.to_string()),
        None => (String::new(), name.to_string()),
    }
}

fn person_from(id: PersonId, p: &SourcePerson) -> Person {
    let mut person = Person {
        id,
        bio: super::text::plain(&p.bio),
        ..Person::default()
    };
    match &p.extras {
        Some(x) if !(x.given_name.is_empty() && x.family_name.is_empty()) => {
            person.honorific = x.honorific.clone();
            person.given_name = x.given_name.clone();
            person.family_name = x.family_name.clone();
            person.position = x.position.clone();
            person.organization = x.organization.clone();
            person.organization_short = x.organization_short.clone();
            person.category = Category::ALL
                .into_iter()
                .find(|c| c.as_str() == x.category)
                .unwrap_or_default();
        }
        _ => {
            let (given, family) = split_name(&p.name);
            person.given_name = given;
            person.family_name = if family.is_empty() && person.given_name.is_empty() {
                format!("Person {id}")
            } else {
                family
            };
        }
    }
    person
}

/// The planner's kind for a file's event type, and the type as the file wrote it when it is
/// not the kind's own token (kept on the session, written back by the exports).
fn kind_of(token: &str) -> (SessionKind, String) {
    let own = token.trim();
    if let Some(kind) = SessionKind::parse(own) {
        return (kind, String::new());
    }
    // "LIGHTNING_TALK", "Lightning-Talk" and "lightning talk" are one type.
    let t: String = own
        .to_ascii_lowercase()
        .split(|c: char| c == '_' || c == '-' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let kind = match t.as_str() {
        "lecture" | "talk" | "lightning talk" | "lightning" | "presentation" | "short talk"
        | "long talk" | "performance" | "concert" => SessionKind::Talk,
        "workshop" | "hands on" | "tutorial" | "training" | "game" => SessionKind::Workshop,
        "keynote" | "keynote talk" => SessionKind::Keynote,
        "panel" | "podium" | "discussion" | "panel discussion" => SessionKind::Panel,
        "roundtable" | "round table" | "bof" | "birds of a feather" | "meetup" | "meeting" => {
            SessionKind::Roundtable
        }
        "plenary" | "plenary session" => SessionKind::Plenary,
        "consultation" => SessionKind::Consultation,
        "break" | "pause" | "coffee break" | "coffee" => SessionKind::Break,
        "lunch" | "dinner" | "meal" | "breakfast" => SessionKind::Meal,
        "reception" | "social" | "party" => SessionKind::Reception,
        "opening" | "opening ceremony" | "welcome" => SessionKind::OpeningCeremony,
        "closing" | "closing ceremony" => SessionKind::Closing,
        _ => SessionKind::Other,
    };
    // The kind's own name in another case ("TALK", "Workshop") says nothing more.
    let plain = t.replace(' ', "-");
    if plain == kind.as_str() || t == kind.label().to_ascii_lowercase() {
        return (kind, String::new());
    }
    (kind, own.to_string())
}

/// Where a name is in a list, adding it at the end when new.
fn index_of(list: &mut Vec<String>, name: &str) -> usize {
    match list.iter().position(|n| n == name) {
        Some(i) => i,
        None => {
            list.push(name.to_string());
            list.len() - 1
        }
    }
}

/// One event, placed: its date, local start and end, and its place in the file.
struct Placed {
    date: NaiveDate,
    start: NaiveTime,
    end: NaiveTime,
    /// It ends after midnight, at `end` on the next date.
    next_day: bool,
    room: usize,
    index: usize,
}

const LAST_MINUTE: NaiveTime = match NaiveTime::from_hms_opt(23, 59, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

/// The guid a session keeps: the file's, when it is a UUID not already taken; else one made
/// from what stays the same when other events change — the file's id for the event (with the
/// schedule's acronym or title), or else its title, date, start and room — so that importing
/// the file again, after events were added or removed, gives every other session the same.
fn session_guid(
    source: &Source,
    e: &SourceEvent,
    p: &Placed,
    room: &str,
    taken: &mut std::collections::HashSet<String>,
) -> String {
    let own = e.guid.trim().to_ascii_lowercase();
    if crate::domain::validate::is_uuid(&own) && taken.insert(own.clone()) {
        return own;
    }
    let scope = if source.acronym.trim().is_empty() {
        source.title.trim()
    } else {
        source.acronym.trim()
    };
    let content = if e.id.trim().is_empty() {
        format!(
            "{}|{}|{}|{room}",
            e.title.trim(),
            p.date,
            crate::domain::schedule::hh_mm(p.start)
        )
    } else {
        format!("event:{}", e.id.trim())
    };
    // The same content twice (or a guid the file gave twice): the next one in line.
    for n in 1.. {
        let name = if n == 1 {
            format!("urn:agenda-planner:import:{scope}:{content}")
        } else {
            format!("urn:agenda-planner:import:{scope}:{content}#{n}")
        };
        let guid = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, name.as_bytes())
            .hyphenated()
            .to_string();
        if taken.insert(guid.clone()) {
            return guid;
        }
    }
    unreachable!("a free guid is always found")
}

/// A name as compared between a file's events: ASCII case and runs of white space do not
/// count (the importer carries no Unicode case tables).
fn folded_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase()
}

pub(crate) fn build(
    source: Source,
    format: SourceFormat,
    offsets: &dyn UtcOffsets,
    chosen: Option<&str>,
) -> Result<Imported, ImportError> {
    let mut notes = source.notes.clone();
    let (timezone, guessed) = match chosen {
        Some(tz) => {
            match source.timezone.as_deref() {
                Some(own) if own != tz => notes.push(format!(
                    "The file gives the timezone “{own}”; the meeting uses {tz}, as chosen: times with an offset were converted into it."
                )),
                Some(_) => {}
                None => notes.push(format!(
                    "The file gives no timezone; the meeting uses {tz}, as chosen: its times without an offset are local times there."
                )),
            }
            (tz.to_string(), false)
        }
        None => choose_timezone(&source, offsets, &mut notes),
    };
    let clock = Clock {
        timezone: timezone.clone(),
        offsets,
        moved: std::cell::Cell::new(0),
    };

    // Rooms: the file's list, then any room only events name.
    let mut room_names: Vec<String> = Vec::new();
    for r in &source.rooms {
        index_of(&mut room_names, &r.name);
    }

    // Events: local times; those without a usable time are skipped with a reason.
    let mut skipped = source.skipped.clone();
    let mut shortened = 0;
    let mut placed: Vec<Placed> = Vec::new();
    for (index, e) in source.events.iter().enumerate() {
        let title = if e.title.trim().is_empty() {
            "(untitled)"
        } else {
            e.title.trim()
        };
        let Some(start) = e.start.map(|s| clock.local(s)) else {
            skipped.push(format!("“{title}” has no start time"));
            continue;
        };
        let end = match (e.end, e.duration_minutes) {
            (Some(end), _) => clock.local(end),
            (None, Some(minutes)) => match clock.after(start, minutes) {
                Some(end) => end,
                None => {
                    skipped.push(format!("“{title}” has a duration out of range"));
                    continue;
                }
            },
            (None, None) => {
                skipped.push(format!("“{title}” has no end or duration"));
                continue;
            }
        };
        let date = start.date();
        let start_time = start.time();
        // Ends after midnight (a night programme) when it ends on the next date, less than a
        // day after it starts; longer ones end on the next date a minute before they started.
        let mut end = end;
        if end <= start {
            // Zero-length or reversed: give it five minutes.
            end = start + Duration::minutes(5);
            shortened += 1;
        } else if end - start >= Duration::days(1) {
            end = start + Duration::days(1) - Duration::minutes(1);
            shortened += 1;
        }
        let next_day = end.date() > date;
        let end_time = end.time();
        let room_name = if e.room.trim().is_empty() {
            "Main room"
        } else {
            e.room.trim()
        };
        let room = index_of(&mut room_names, room_name);
        placed.push(Placed {
            date,
            start: start_time,
            end: end_time,
            next_day,
            room,
            index,
        });
    }
    crate::domain::order::sort_by(&mut placed, |a, b| {
        let ea = &source.events[a.index];
        let eb = &source.events[b.index];
        (a.date, a.start, a.end, a.room, &ea.title, a.index)
            .cmp(&(b.date, b.start, b.end, b.room, &eb.title, b.index))
    });

    // Days: every date the file lists or an event uses.
    let mut dates: Vec<NaiveDate> = source.days.iter().filter_map(|d| d.date).collect();
    dates.extend(placed.iter().map(|p| p.date));
    crate::domain::order::sort(&mut dates);
    dates.dedup();
    let mut days: Vec<Day> = Vec::with_capacity(dates.len());
    for (i, date) in dates.iter().enumerate() {
        // In minutes from the date's midnight; past 1440 after midnight.
        let on_day: Vec<&Placed> = placed.iter().filter(|p| p.date == *date).collect();
        let mut start = on_day.iter().map(|p| minutes_of(p.start)).min();
        let mut end = on_day
            .iter()
            .map(|p| minutes_of(p.end) + if p.next_day { 1440 } else { 0 })
            .max();
        for d in &source.days {
            if let Some(s) = d.start.map(|s| clock.local(s)) {
                if s.date() == *date {
                    let t = minutes_of(s.time());
                    start = Some(start.map_or(t, |x| x.min(t)));
                }
            }
            if let Some(e) = d.end.map(|e| clock.local(e)) {
                let t = if e.date() == *date {
                    Some(minutes_of(e.time()))
                } else if Some(e.date()) == date.succ_opt() && d.date == Some(*date) {
                    // The file's day runs past midnight.
                    Some(minutes_of(e.time()) + 1440)
                } else {
                    None
                };
                if let Some(t) = t {
                    end = Some(end.map_or(t, |x| x.max(t)));
                }
            }
        }
        let start = start.unwrap_or(9 * 60);
        let mut end = end.unwrap_or(17 * 60).min(start + 1439);
        if end <= start {
            end = (start + 60).min(start + 1439);
        }
        days.push(Day {
            id: DayId(i as u32 + 1),
            date: *date,
            label: String::new(),
            start: time_of(start).unwrap_or(NaiveTime::MIN),
            end: time_of(end % 1440).unwrap_or(LAST_MINUTE),
            ends_next_day: end >= 1440,
        });
    }

    // Themes: the file's tracks, then any track only events name.
    let mut theme_names: Vec<String> = Vec::new();
    let mut theme_colours: Vec<Option<String>> = Vec::new();
    let mut add_theme = |name: &str, colour: Option<&String>| {
        let i = index_of(&mut theme_names, name);
        if theme_colours.len() <= i {
            theme_colours.push(None);
        }
        if theme_colours[i].is_none() {
            theme_colours[i] = colour
                .map(|c| c.trim().to_ascii_lowercase())
                .filter(|c| crate::domain::validate::is_hex_colour(c));
        }
        i
    };
    for t in &source.tracks {
        if !t.name.trim().is_empty() {
            add_theme(t.name.trim(), t.colour.as_ref());
        }
    }
    for p in &placed {
        if let Some(track) = &source.events[p.index].track {
            if !track.trim().is_empty() {
                add_theme(track.trim(), None);
            }
        }
    }

    // People, sessions. A person is who the file's guid says, or its id (or pretalx code)
    // together with the name: files merged from several systems reuse ids for different
    // people (one real file gives 253 people the id 0), so an id with another name is
    // another person. Without either, the name alone.
    // Each person's key, to their place in `people` (a file may name tens of thousands).
    let mut person_keys: std::collections::HashMap<String, usize> = Default::default();
    // Each id or code given to more than one name: the names.
    let mut shared: Vec<(String, Vec<String>)> = Vec::new();
    let mut shared_at: std::collections::HashMap<String, usize> = Default::default();
    // The sessions' guids so far (lower case).
    let mut guids: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut people: Vec<Person> = Vec::new();
    let mut sessions: Vec<Session> = Vec::with_capacity(placed.len());
    let mut unknown_roles = 0;
    for (i, p) in placed.iter().enumerate() {
        let e = &source.events[p.index];
        let mut participants: Vec<Participant> = Vec::new();
        // Who is in already, and how many in each role (an event may list thousands).
        let mut present: std::collections::HashSet<PersonId> = Default::default();
        let mut in_role: std::collections::HashMap<Role, u32> = Default::default();
        for sp in &e.persons {
            let name = folded_name(&sp.name);
            let key = if sp.key.is_empty() || sp.key.starts_with("name:") {
                format!("name:{name}")
            } else if sp.key.starts_with("guid:") || name.is_empty() {
                sp.key.clone()
            } else {
                let key = format!("{}\u{1f}{name}", sp.key);
                // A name not seen with this id before is one more person sharing it.
                match shared_at.get(&sp.key) {
                    Some(&i) => {
                        if !person_keys.contains_key(&key) {
                            shared[i].1.push(name.clone());
                        }
                    }
                    None => {
                        shared_at.insert(sp.key.clone(), shared.len());
                        shared.push((sp.key.clone(), vec![name.clone()]));
                    }
                }
                key
            };
            let next = person_keys.len();
            let at = *person_keys.entry(key).or_insert(next);
            if at == people.len() {
                people.push(person_from(PersonId(at as u32 + 1), sp));
            }
            let person = PersonId(at as u32 + 1);
            if !present.insert(person) {
                continue;
            }
            let (role, status) = match &sp.extras {
                Some(x) => {
                    let role = Role::ALL.into_iter().find(|r| r.as_str() == x.role);
                    if role.is_none() {
                        unknown_roles += 1;
                    }
                    (
                        role.unwrap_or(Role::Speaker),
                        Status::ALL
                            .into_iter()
                            .find(|s| s.as_str() == x.status)
                            .unwrap_or(Status::Confirmed),
                    )
                }
                None => (sp.role.unwrap_or(Role::Speaker), Status::Confirmed),
            };
            let count = in_role.entry(role).or_insert(0);
            let order = *count;
            *count += 1;
            participants.push(Participant {
                person,
                role,
                status,
                order,
            });
        }
        let day = days
            .iter()
            .find(|d| d.date == p.date)
            .map(|d| d.id)
            .unwrap_or(DayId(1));
        let title = match (e.title.trim(), e.subtitle.trim()) {
            ("", "") => "(untitled)".to_string(),
            (t, "") => t.to_string(),
            ("", s) => s.to_string(),
            (t, s) => format!("{t} — {s}"),
        };
        let summary = super::text::plain(&e.summary);
        let description = super::text::plain(&e.description);
        let description = if description.is_empty() || description == summary {
            summary
        } else if summary.is_empty() {
            description
        } else {
            format!("{summary}\n\n{description}")
        };
        let themes = e
            .track
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .and_then(|t| theme_names.iter().position(|n| n == t))
            .map(|i| vec![ThemeId(i as u32 + 1)])
            .unwrap_or_default();
        let guid = session_guid(&source, e, p, &room_names[p.room], &mut guids);
        let (kind, source_type) = kind_of(&e.kind);
        sessions.push(Session {
            guid,
            source_type,
            id: SessionId(i as u32 + 1),
            title,
            kind,
            day,
            start: p.start,
            end: p.end,
            ends_next_day: p.next_day,
            placement: Placement::Room(RoomId(p.room as u32 + 1)),
            themes,
            description,
            participants,
            items: Vec::new(),
            outcomes: String::new(),
            unscheduled: false,
        });
    }

    let rooms: Vec<Room> = room_names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let from_file = source.rooms.iter().find(|r| r.name == *name);
            Room {
                id: RoomId(i as u32 + 1),
                name: name.clone(),
                capacity: from_file.and_then(|r| r.capacity),
                description: from_file.map(|r| lines(&r.description)).unwrap_or_default(),
            }
        })
        .collect();
    let themes: Vec<Theme> = theme_names
        .iter()
        .enumerate()
        .map(|(i, name)| Theme {
            id: ThemeId(i as u32 + 1),
            name: name.clone(),
            colour: theme_colours
                .get(i)
                .cloned()
                .flatten()
                .unwrap_or_else(|| PALETTE[i % PALETTE.len()].to_string()),
            description: String::new(),
        })
        .collect();

    if clock.moved.get() > 0 {
        notes.push(format!(
            "{} time(s) fell in the hour the clocks skip in {timezone} and were read as the time the clocks showed then (an hour later).",
            clock.moved.get()
        ));
    }
    if shortened > 0 {
        notes.push(format!(
            "{shortened} session(s) had no length or lasted a day or more: they last five minutes, or end the next day a minute before they started."
        ));
    }
    shared.retain(|(_, names)| names.len() > 1);
    if !shared.is_empty() {
        crate::domain::order::sort_by(&mut shared, |a, b| b.1.len().cmp(&a.1.len()));
        let described: Vec<String> = shared
            .iter()
            .take(3)
            .map(|(key, names)| {
                let (what, value) = key.split_once(':').unwrap_or(("id", key));
                format!("{} people shared the {what} {value}", names.len())
            })
            .collect();
        notes.push(format!(
            "{}{}; they are kept apart by name.",
            described.join(", "),
            if shared.len() > 3 {
                format!(" (and {} more ids)", shared.len() - 3)
            } else {
                String::new()
            }
        ));
    }
    if unknown_roles > 0 {
        notes.push(format!(
            "{unknown_roles} role(s) were not ones the planner knows: those people are listed as speakers."
        ));
    }
    if !skipped.is_empty() {
        notes.push(format!(
            "{} event(s) could not be imported: {}.",
            skipped.len(),
            crate::domain::validate::listed(&skipped)
        ));
    }
    for (what, n) in &source.dropped {
        notes.push(format!("Not kept: {n} {what}."));
    }

    if sessions.is_empty() {
        let why = if skipped.is_empty() {
            String::new()
        } else {
            format!(": {}", crate::domain::validate::listed(&skipped))
        };
        return Err(ImportError::NoSessions {
            format: format.label(),
            why,
        });
    }

    let title = if source.title.trim().is_empty() {
        "Imported schedule".to_string()
    } else {
        source.title.trim().to_string()
    };
    let meeting = Meeting {
        title,
        short_name: source
            .meta
            .short_name
            .clone()
            .unwrap_or_else(|| source.acronym.trim().to_string()),
        edition: source.meta.edition.clone(),
        host: source.meta.host.clone(),
        venue: source.meta.venue.clone(),
        city: source.meta.city.clone(),
        timezone,
        description: super::text::plain(&source.description),
        days,
        rooms,
        themes,
        people,
        sessions,
        checks: Default::default(),
        record: Default::default(),
    };
    if let Some(first) = meeting.validate().into_iter().next() {
        return Err(ImportError::Invalid(first.to_string()));
    }
    let mut report = Report::of(&meeting, format, notes);
    report.timezone_guessed = guessed;
    Ok(Imported { meeting, report })
}
