//! pretalx's widget schedule JSON (`/schedule/widgets/schedule.json`): talks that point at
//! rooms, tracks and speakers by id or code; names may be text in several languages.
//!
//! The shape is the one pretalx's own `Schedule.build_data` writes
//! (`src/pretalx/schedule/models/schedule.py`): each talk has `code`, `id`, `title`,
//! `abstract`, `description`, `speakers` (codes), `track` and `room` (ids), `start`, `end`,
//! `duration` (minutes), `session_type` (the submission type's name), `state` (only in an
//! unreleased schedule), `tags`, `do_not_record`; a slot without a submission (a break) has
//! only `id`, `title`, `start`, `end` and `room`. Tracks have `id`, `name`, `description` and
//! `color`; speakers `code`, `name`, `biography` and avatar addresses.

use serde_json::{Map, Value};

use super::schedule_json::{kind, short, stamp_field, text};
use super::{
    ImportError, Problems, Source, SourceEvent, SourceFormat, SourcePerson, SourceRoom, SourceTrack,
};

/// An id as the widget writes it (a number, sometimes text), as a lookup key.
fn id_key(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        _ => None,
    }
}

fn objects<'a>(
    root: &'a Map<String, Value>,
    key: &str,
    problems: &mut Problems,
) -> Vec<&'a Map<String, Value>> {
    match root.get(key) {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| {
                let o = v.as_object();
                if o.is_none() {
                    problems.add(format!("“{key}”: an entry is {}, not an object", kind(v)));
                }
                o
            })
            .collect(),
        Some(other) => {
            problems.add(format!("“{key}” is {}, not a list", kind(other)));
            Vec::new()
        }
    }
}

pub(super) fn read(text_in: &str) -> Result<Source, ImportError> {
    const FORMAT: SourceFormat = SourceFormat::PretalxWidget;
    let root: Value = serde_json::from_str(text_in).map_err(|e| ImportError::json(&e))?;
    let Some(root) = root.as_object() else {
        return Err(ImportError::Unknown(
            "its JSON is not an object".to_string(),
        ));
    };
    let mut problems = Problems::default();
    let mut source = Source::default();
    let timezone = text(root, "timezone", "schedule", &mut problems);
    source.timezone = (!timezone.trim().is_empty()).then(|| timezone.trim().to_string());
    source.title = text(root, "event_name", "schedule", &mut problems);
    source.acronym = text(root, "event", "schedule", &mut problems);

    let rooms: Vec<(String, String)> = objects(root, "rooms", &mut problems)
        .into_iter()
        .filter_map(|r| {
            let name = text(r, "name", "rooms", &mut problems).trim().to_string();
            let description = text(r, "description", "rooms", &mut problems);
            let id = id_key(r.get("id"))?;
            if !name.is_empty() && !source.rooms.iter().any(|x| x.name == name) {
                source.rooms.push(SourceRoom {
                    name: name.clone(),
                    capacity: None,
                    description,
                });
            }
            Some((id, name))
        })
        .collect();
    let tracks: Vec<(String, String)> = objects(root, "tracks", &mut problems)
        .into_iter()
        .filter_map(|t| {
            let name = text(t, "name", "tracks", &mut problems).trim().to_string();
            let id = id_key(t.get("id"))?;
            source.tracks.push(SourceTrack {
                name: name.clone(),
                colour: t.get("color").and_then(Value::as_str).map(str::to_string),
            });
            let _ = text(t, "description", "tracks", &mut problems);
            Some((id, name))
        })
        .collect();
    let speakers: Vec<(String, SourcePerson)> = objects(root, "speakers", &mut problems)
        .into_iter()
        .filter_map(|s| {
            let code = id_key(s.get("code"))?;
            let name = text(s, "name", "speakers", &mut problems);
            Some((
                code.clone(),
                SourcePerson {
                    key: format!("code:{code}"),
                    name: name.trim().to_string(),
                    bio: text(s, "biography", "speakers", &mut problems),
                    extras: None,
                    role: None,
                },
            ))
        })
        .collect();

    let talks = match root.get("talks") {
        Some(Value::Array(talks)) => talks.as_slice(),
        Some(other) => {
            return Err(ImportError::Shape {
                format: FORMAT.label(),
                problems: format!("“talks” is {}, not a list.", kind(other)),
            })
        }
        None => &[],
    };
    let (mut not_happening, mut avatars, mut tags) = (0, 0, 0);
    avatars += objects(root, "speakers", &mut problems)
        .iter()
        .filter(|s| {
            s.get("avatar")
                .and_then(Value::as_str)
                .is_some_and(|a| !a.is_empty())
        })
        .count();
    for (i, t) in talks.iter().enumerate() {
        let Some(t) = t.as_object() else {
            problems.add(format!("talk {}: {}, not an object", i + 1, kind(t)));
            continue;
        };
        // An unreleased schedule lists every submission with its state.
        let state = t.get("state").and_then(Value::as_str).unwrap_or_default();
        if ["canceled", "withdrawn", "rejected", "deleted"].contains(&state) {
            not_happening += 1;
            continue;
        }
        if t.get("tags")
            .is_some_and(|v| v.as_array().is_some_and(|a| !a.is_empty()))
        {
            tags += 1;
        }
        let title = text(t, "title", "talk", &mut problems);
        let at = format!(
            "talk {} “{}”",
            i + 1,
            title.chars().take(60).collect::<String>()
        );
        let start = stamp_field(t, "start", &at, &mut problems);
        let end = stamp_field(t, "end", &at, &mut problems);
        let duration_minutes = match t.get("duration") {
            None | Some(Value::Null) => None,
            Some(v) => match v.as_i64().filter(|m| (0..=100_000).contains(m)) {
                Some(m) => Some(m),
                None => {
                    problems.add(format!(
                        "{at}: “duration” is {} ({}), not minutes",
                        kind(v),
                        short(v)
                    ));
                    None
                }
            },
        };
        let lookup = |list: &[(String, String)], key: Option<String>| {
            key.and_then(|k| list.iter().find(|(id, _)| *id == k).map(|(_, n)| n.clone()))
        };
        let room = lookup(&rooms, id_key(t.get("room"))).unwrap_or_default();
        let track = lookup(&tracks, id_key(t.get("track")));
        let persons = match t.get("speakers") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(codes)) => codes
                .iter()
                .filter_map(|c| {
                    let code = id_key(Some(c))?;
                    Some(
                        speakers
                            .iter()
                            .find(|(k, _)| *k == code)
                            .map(|(_, p)| p.clone())
                            .unwrap_or(SourcePerson {
                                key: format!("code:{code}"),
                                name: code,
                                ..SourcePerson::default()
                            }),
                    )
                })
                .collect(),
            Some(other) => {
                problems.add(format!("{at}: “speakers” is {}, not a list", kind(other)));
                Vec::new()
            }
        };
        // A slot without a submission (no code) is a break; a talk's kind is its session
        // type's name ("Talk", "Workshop").
        let is_break = t.get("code").is_none_or(Value::is_null) && persons.is_empty();
        let session_type = text(t, "session_type", &at, &mut problems);
        source.events.push(SourceEvent {
            guid: String::new(),
            // A talk's submission code, else its slot's id.
            id: id_key(t.get("code"))
                .or_else(|| id_key(t.get("id")))
                .unwrap_or_default(),
            title,
            subtitle: String::new(),
            kind: if is_break {
                "break".to_string()
            } else if session_type.trim().is_empty() {
                "talk".to_string()
            } else {
                session_type
            },
            start,
            end,
            duration_minutes,
            room,
            track,
            summary: text(t, "abstract", &at, &mut problems),
            description: text(t, "description", &at, &mut problems),
            persons,
        });
    }
    if not_happening > 0 {
        source.notes.push(format!(
            "{not_happening} talk(s) cancelled, withdrawn, rejected or deleted were not imported."
        ));
    }
    source.drop_count("speaker pictures", avatars);
    source.drop_count("talks' tags", tags);
    problems.into_result(FORMAT)?;
    Ok(source)
}
