//! frab/pentabarf `schedule.xml` (with or without guids). Document type declarations are
//! refused (roxmltree's default), so a file cannot expand into something huge.

use roxmltree::{Document, Node};

use super::stamp::{parse_stamp, stamp_on};
use super::{
    ImportError, Problems, Source, SourceDay, SourceEvent, SourceFormat, SourcePerson, SourceRoom,
    SourceTrack,
};
use crate::domain::schedule::parse_date;

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

fn children<'a, 'i>(node: Node<'a, 'i>, name: &'static str) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children()
        .filter(move |c| c.is_element() && c.tag_name().name() == name)
}

/// The text of a child element, trimmed ("" when absent).
fn text(node: Node, name: &str) -> String {
    child(node, name)
        .map(|c| {
            c.descendants()
                .filter(|d| d.is_text())
                .filter_map(|d| d.text())
                .collect::<String>()
        })
        .unwrap_or_default()
        .trim()
        .to_string()
}

pub(super) fn read(text_in: &str) -> Result<Source, ImportError> {
    const FORMAT: SourceFormat = SourceFormat::ScheduleXml;
    let doc = Document::parse(text_in).map_err(|e| ImportError::Xml(e.to_string()))?;
    let root = doc.root_element();
    if root.tag_name().name() != "schedule" {
        return Err(ImportError::Unknown(format!(
            "its XML starts with <{}>, not <schedule>",
            root.tag_name().name()
        )));
    }
    let mut problems = Problems::default();
    let mut source = Source::default();
    if let Some(conference) = child(root, "conference") {
        source.title = text(conference, "title");
        source.acronym = text(conference, "acronym");
        source.description = text(conference, "description");
        // Pentabarf (FOSDEM) and older frab files name the venue and its city.
        source.meta.venue = text(conference, "venue");
        source.meta.city = text(conference, "city");
        let tz = text(conference, "time_zone_name");
        source.timezone = (!tz.is_empty()).then_some(tz);
        for t in children(conference, "track") {
            let name = t
                .attribute("name")
                .map(str::to_string)
                .or_else(|| t.text().map(|s| s.trim().to_string()))
                .unwrap_or_default();
            if !name.is_empty() {
                source.tracks.push(SourceTrack {
                    name,
                    colour: t.attribute("color").map(str::to_string),
                });
            }
        }
    }
    for (i, day) in children(root, "day").enumerate() {
        let date_text = day.attribute("date").unwrap_or_default();
        let day_start = day.attribute("start").and_then(parse_stamp);
        let date = parse_date(date_text.trim()).or_else(|| day_start.map(|s| s.local.date()));
        let at = format!("day {} ({date_text})", i + 1);
        if date.is_none() {
            problems.add(format!("{at}: no date (a “date” or “start” attribute)"));
        }
        source.days.push(SourceDay {
            date,
            start: day_start,
            end: day.attribute("end").and_then(parse_stamp),
        });
        for room in children(day, "room") {
            let room_name = room
                .attribute("name")
                .unwrap_or_default()
                .trim()
                .to_string();
            if !room_name.is_empty() && !source.rooms.iter().any(|r| r.name == room_name) {
                source.rooms.push(SourceRoom {
                    name: room_name.clone(),
                    ..SourceRoom::default()
                });
            }
            for e in children(room, "event") {
                let title = text(e, "title");
                let at = format!("{at}, room “{room_name}”, event “{title}”");
                if let Some(id) = e.attribute("id") {
                    if id.trim().parse::<u64>().is_err() {
                        problems.add(format!("{at}: id “{id}” is not a whole number"));
                    }
                }
                let date_field = text(e, "date");
                let mut start = if date_field.is_empty() {
                    None
                } else {
                    let stamp = parse_stamp(&date_field);
                    if stamp.is_none() {
                        problems.add(format!("{at}: date “{date_field}” is not a date and time"));
                    }
                    stamp
                };
                let start_text = text(e, "start");
                if start.is_none() && !start_text.is_empty() {
                    start = date.and_then(|d| stamp_on(d, &start_text)).map(|mut s| {
                        // Pentabarf days run past midnight: a time before the day's start
                        // is on the next date.
                        if let Some(ds) = day_start {
                            if s.local.time() < ds.local.time() {
                                if let Some(next) = s.local.date().succ_opt() {
                                    s.local = next.and_time(s.local.time());
                                }
                            }
                            s.offset = ds.offset;
                        }
                        s
                    });
                    if start.is_none() {
                        problems.add(format!("{at}: start “{start_text}” is not a time HH:MM"));
                    }
                }
                let duration_minutes =
                    super::schedule_json::duration_field(&text(e, "duration"), &at, &mut problems);
                let persons = child(e, "persons")
                    .into_iter()
                    .flat_map(|p| children(p, "person"))
                    .map(|p| {
                        let name = p.text().unwrap_or_default().trim().to_string();
                        let key = match (p.attribute("guid"), p.attribute("id")) {
                            (Some(g), _) if !g.is_empty() => format!("guid:{g}"),
                            (_, Some(id)) if !id.is_empty() => format!("id:{id}"),
                            _ => format!("name:{name}"),
                        };
                        SourcePerson {
                            key,
                            name,
                            ..SourcePerson::default()
                        }
                    })
                    .collect();
                let count = |list: &str, item: &'static str| {
                    child(e, list).map_or(0, |l| children(l, item).count())
                };
                let (links, attachments) =
                    (count("links", "link"), count("attachments", "attachment"));
                source.drop_count("links", links);
                source.drop_count("attachments", attachments);
                let room_text = text(e, "room");
                let track = text(e, "track");
                source.events.push(SourceEvent {
                    guid: e.attribute("guid").unwrap_or_default().to_string(),
                    id: e.attribute("id").unwrap_or_default().to_string(),
                    title,
                    subtitle: text(e, "subtitle"),
                    kind: text(e, "type"),
                    start,
                    end: None,
                    duration_minutes,
                    room: if room_text.is_empty() {
                        room_name.clone()
                    } else {
                        room_text
                    },
                    track: (!track.is_empty()).then_some(track),
                    summary: text(e, "abstract"),
                    description: text(e, "description"),
                    persons,
                });
            }
        }
    }
    problems.into_result(FORMAT)?;
    Ok(source)
}
