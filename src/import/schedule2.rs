//! The c3voc/CCC hub's schedule format version 2 (`schedule2.schema.json`): one flat list of
//! events beside the conference, rooms and tracks referred to by guid and slug, participants
//! with their role.
//!
//! As for version 1, real files are looser than the schema: a reference whose guid is not in
//! the conference's list still gives its name, and an event's `end` may be replaced by the
//! older `duration` (ISO 8601, "PT1H30M").

use serde_json::Value;

use super::schedule_json::{kind, list, stamp_field, text};
use super::{
    ImportError, Problems, Source, SourceDay, SourceEvent, SourceFormat, SourcePerson, SourceRoom,
    SourceTrack,
};
use crate::domain::Role;

/// An ISO 8601 length ("PT1H30M", "P1DT2H", "PT45M30S") in whole minutes; years and months
/// have no fixed length and are refused.
pub(super) fn parse_iso_duration(text: &str) -> Option<i64> {
    let rest = text.trim().strip_prefix('P')?;
    let (date, time) = match rest.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (rest, None),
    };
    if rest.is_empty() || time == Some("") {
        return None;
    }
    let mut minutes: i64 = 0;
    let mut read = |part: &str, units: &[(char, i64)]| -> Option<()> {
        let mut number = String::new();
        let mut last = 0;
        for c in part.chars() {
            if c.is_ascii_digit() || c == '.' {
                number.push(c);
                continue;
            }
            let at = units.iter().position(|(u, _)| *u == c)?;
            // Units in order, each once.
            if at < last || number.is_empty() {
                return None;
            }
            last = at + 1;
            let per = units[at].1;
            let value: f64 = number.parse().ok()?;
            if !(0.0..=1_000_000.0).contains(&value) {
                return None;
            }
            minutes += (value * per as f64 / 60.0).floor() as i64;
            number.clear();
        }
        number.is_empty().then_some(())
    };
    read(date, &[('W', 7 * 86_400), ('D', 86_400)])?;
    if let Some(time) = time {
        read(time, &[('H', 3_600), ('M', 60), ('S', 1)])?;
    }
    Some(minutes)
}

/// The planner's role for a version 2 participant role.
fn role_of(token: &str) -> Option<Role> {
    match token.trim().to_ascii_uppercase().as_str() {
        "" | "SPEAKER" | "CONTRIBUTOR" | "GUEST" => Some(Role::Speaker),
        "MODERATOR" => Some(Role::Moderator),
        "HOST" => Some(Role::Chair),
        _ => None,
    }
}

/// A `{guid, name, slug}` reference: the name from the list it refers to, else its own.
fn reference(
    v: Option<&Value>,
    names: &[(String, String, String)],
    at: &str,
    key: &str,
    problems: &mut Problems,
) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Object(r)) => {
            let guid = text(r, "guid", at, problems);
            let slug = text(r, "slug", at, problems);
            let found = names.iter().find(|(g, s, _)| {
                (!guid.is_empty() && *g == guid) || (!slug.is_empty() && *s == slug)
            });
            match found {
                Some((_, _, name)) => name.clone(),
                None => {
                    let name = text(r, "name", at, problems);
                    if name.trim().is_empty() {
                        slug
                    } else {
                        name
                    }
                }
            }
        }
        Some(other) => {
            problems.add(format!("{at}: “{key}” is {}, not a reference", kind(other)));
            String::new()
        }
    }
}

/// States in which an event does not take place.
const NOT_HAPPENING: [&str; 5] = ["CANCELED", "CANCELLED", "WITHDRAWN", "DELETED", "REJECTED"];

pub(super) fn read(text_in: &str) -> Result<Source, ImportError> {
    const FORMAT: SourceFormat = SourceFormat::Schedule2Json;
    let root: Value = serde_json::from_str(text_in).map_err(|e| ImportError::json(&e))?;
    let shape = |problem: &str| ImportError::Shape {
        format: FORMAT.label(),
        problems: problem.to_string(),
    };
    let schedule = root
        .get("schedule")
        .and_then(Value::as_object)
        .ok_or_else(|| shape("it has no “schedule” object."))?;
    let conference = schedule
        .get("conference")
        .and_then(Value::as_object)
        .ok_or_else(|| shape("its schedule has no “conference” object."))?;
    let mut problems = Problems::default();
    let mut source = Source::default();
    super::schedule_json::conference_header(conference, &mut source, &mut problems);

    // Rooms and tracks: (guid, slug, name), to resolve the events' references.
    let mut rooms: Vec<(String, String, String)> = Vec::new();
    let at = "conference rooms";
    for r in list(conference, "rooms", at, &mut problems) {
        let Some(r) = r.as_object() else {
            problems.add(format!("{at}: a room is {}, not an object", kind(r)));
            continue;
        };
        let name = text(r, "name", at, &mut problems).trim().to_string();
        if name.is_empty() {
            continue;
        }
        rooms.push((
            text(r, "guid", at, &mut problems),
            text(r, "slug", at, &mut problems),
            name.clone(),
        ));
        if !source.rooms.iter().any(|x| x.name == name) {
            source.rooms.push(SourceRoom {
                name,
                capacity: r
                    .get("capacity")
                    .and_then(Value::as_u64)
                    .and_then(|c| u32::try_from(c).ok()),
                description: text(r, "description", at, &mut problems),
            });
        }
    }
    let mut tracks: Vec<(String, String, String)> = Vec::new();
    let at = "conference tracks";
    for t in list(conference, "tracks", at, &mut problems) {
        let Some(t) = t.as_object() else {
            problems.add(format!("{at}: a track is {}, not an object", kind(t)));
            continue;
        };
        let name = text(t, "name", at, &mut problems).trim().to_string();
        let slug = text(t, "slug", at, &mut problems);
        let name = if name.is_empty() { slug.clone() } else { name };
        if name.is_empty() {
            continue;
        }
        let colour = t
            .get("color")
            .and_then(Value::as_str)
            .or_else(|| {
                t.get("colors")
                    .and_then(|c| c.get("light"))
                    .and_then(Value::as_str)
            })
            .map(str::to_string);
        tracks.push((String::new(), slug, name.clone()));
        source.tracks.push(SourceTrack { name, colour });
    }
    for (i, d) in list(conference, "days", "conference", &mut problems)
        .iter()
        .enumerate()
    {
        let Some((d, date, at)) = super::schedule_json::day_entry(d, i, &mut problems) else {
            continue;
        };
        source.days.push(SourceDay {
            date,
            start: stamp_field(d, "start", &at, &mut problems),
            end: stamp_field(d, "end", &at, &mut problems),
        });
    }

    let events = match schedule.get("events") {
        Some(Value::Array(events)) => events.as_slice(),
        Some(other) => {
            return Err(shape(&format!(
                "its schedule “events” is {}, not a list.",
                kind(other)
            )))
        }
        None => &[],
    };
    let mut not_happening = 0;
    for (i, e) in events.iter().enumerate() {
        let Some(e) = e.as_object() else {
            problems.add(format!("event {}: {}, not an object", i + 1, kind(e)));
            continue;
        };
        let title = text(e, "title", "event", &mut problems);
        let at = format!(
            "event {} “{}”",
            i + 1,
            title.chars().take(60).collect::<String>()
        );
        let at = at.as_str();
        let state = text(e, "state", at, &mut problems);
        if NOT_HAPPENING.contains(&state.trim().to_ascii_uppercase().as_str()) {
            not_happening += 1;
            continue;
        }
        let start = stamp_field(e, "start", at, &mut problems);
        let end = stamp_field(e, "end", at, &mut problems);
        let duration_text = text(e, "duration", at, &mut problems);
        let duration_minutes = if duration_text.trim().is_empty() {
            None
        } else {
            let minutes = parse_iso_duration(&duration_text)
                .or_else(|| super::stamp::parse_duration(&duration_text));
            if minutes.is_none() {
                problems.add(format!(
                    "{at}: “duration” “{duration_text}” is not a length such as PT1H30M"
                ));
            }
            minutes
        };
        let mut persons = Vec::new();
        for p in list(e, "participants", at, &mut problems) {
            let Some(p) = p.as_object() else {
                problems.add(format!("{at}: a participant is {}, not an object", kind(p)));
                continue;
            };
            let name = text(p, "name", at, &mut problems).trim().to_string();
            let guid = text(p, "guid", at, &mut problems);
            let role_text = text(p, "role", at, &mut problems);
            persons.push(SourcePerson {
                key: if guid.trim().is_empty() {
                    String::new()
                } else {
                    format!("guid:{}", guid.trim().to_ascii_lowercase())
                },
                name,
                bio: String::new(),
                extras: None,
                role: role_of(&role_text),
            });
        }
        let links = list(e, "links", at, &mut problems).len();
        let attachments = list(e, "attachments", at, &mut problems).len();
        source.drop_count("links", links);
        source.drop_count("attachments", attachments);
        let room = reference(e.get("room"), &rooms, at, "room", &mut problems);
        let track = reference(e.get("track"), &tracks, at, "track", &mut problems);
        source.events.push(SourceEvent {
            guid: text(e, "guid", at, &mut problems),
            id: text(e, "code", at, &mut problems),
            title,
            subtitle: text(e, "subtitle", at, &mut problems),
            kind: text(e, "type", at, &mut problems),
            start,
            end,
            duration_minutes,
            room,
            track: (!track.trim().is_empty()).then_some(track),
            summary: text(e, "abstract", at, &mut problems),
            description: text(e, "description", at, &mut problems),
            persons,
        });
    }
    if not_happening > 0 {
        source.notes.push(format!(
            "{not_happening} event(s) marked cancelled, withdrawn, rejected or deleted were not imported."
        ));
    }
    problems.into_result(FORMAT)?;
    Ok(source)
}
