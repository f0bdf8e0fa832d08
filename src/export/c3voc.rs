//! The frab/c3voc schedule format (`schedule.json` and `schedule.xml`): how schedules travel
//! to Giggity, EventFahrplan, info screens and recording pipelines.
//!
//! Both files are written from one [`Schedule`] view of the meeting, so they always agree.
//! The schema forbids extra fields on events, so what the format has no place for goes where it
//! may: roles, confirmation, honorifics, positions and organizations on the person objects of
//! the JSON (persons allow extra fields); the meeting's edition, host, venue and city under
//! `conference.meta`. The XML has no such places: there a person is their display name (with
//! honorific). Run-of-show items, themes after a session's first, availability and check
//! settings are not written.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use uuid::Uuid;

use super::{offset_at, ExportError};
use crate::domain::names::{acronym, slugify};
use crate::domain::schedule::{hh_mm, iso_date};
use crate::domain::time::UtcOffsets;
use crate::domain::{Meeting, Placement, Session};

/// The name the files give as their generator; the importer knows its own files by it.
pub const GENERATOR: &str = "agenda-planner";

/// A stable UUID (version 5) for an item of the meeting: the same meeting (by acronym) and
/// id always give the same guid, so apps that stored stars or reminders keep them.
pub fn guid(acronym: &str, kind: &str, id: u32) -> String {
    let name = format!("urn:agenda-planner:{acronym}:{kind}:{id}");
    Uuid::new_v5(&Uuid::NAMESPACE_URL, name.as_bytes())
        .hyphenated()
        .to_string()
}

/// "+02:00", "-04:00", "+05:30".
fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// "2022-09-15T09:00:00-04:00".
fn stamp(local: NaiveDateTime, offset: i32) -> String {
    format!(
        "{}T{}:00{}",
        iso_date(local.date()),
        hh_mm(local.time()),
        offset_text(offset)
    )
}

/// "1:30" style durations, as "01:30".
fn duration_text(minutes: i64) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// A theme as a track: its slug starts with a letter and has two characters or more (the
/// XML schema's pattern, which also fits the JSON one).
#[derive(Serialize)]
pub struct Track {
    pub name: String,
    pub slug: String,
    pub color: String,
}

#[derive(Serialize)]
pub struct Room {
    pub name: String,
    pub slug: String,
    pub guid: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity: Option<u32>,
    pub description: String,
}

/// A person in an event: the pretalx shape (`name`, `guid`, `biography`) plus what the
/// schema has no field for, which persons may carry.
#[derive(Serialize)]
pub struct Person {
    pub name: String,
    pub guid: String,
    pub id: u32,
    pub biography: String,
    pub honorific: String,
    pub given_name: String,
    pub family_name: String,
    pub position: String,
    pub organization: String,
    pub organization_short: String,
    pub category: &'static str,
    pub role: &'static str,
    pub status: &'static str,
}

#[derive(Serialize)]
pub struct Event {
    pub guid: String,
    pub id: u32,
    pub date: String,
    pub end: String,
    pub start: String,
    pub duration: String,
    pub room: String,
    pub slug: String,
    pub url: String,
    pub title: String,
    pub subtitle: String,
    pub track: Option<String>,
    #[serde(rename = "type")]
    pub kind: String,
    pub language: Option<String>,
    #[serde(rename = "abstract")]
    pub summary: String,
    pub description: String,
    pub persons: Vec<Person>,
    pub links: Vec<()>,
    pub attachments: Vec<()>,
}

/// A day's events by room name, in the meeting's room order (a JSON object).
pub struct RoomEvents(pub Vec<(String, Vec<Event>)>);

impl Serialize for RoomEvents {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, events) in &self.0 {
            map.serialize_entry(name, events)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
pub struct Day {
    pub index: usize,
    pub date: String,
    pub day_start: String,
    pub day_end: String,
    pub rooms: RoomEvents,
}

/// What the schema has no field for on the conference.
#[derive(Serialize)]
pub struct Meta {
    pub short_name: String,
    pub edition: String,
    pub host: String,
    pub venue: String,
    pub city: String,
}

#[derive(Serialize)]
pub struct Conference {
    pub acronym: String,
    pub title: String,
    pub description: String,
    pub start: String,
    pub end: String,
    #[serde(rename = "daysCount")]
    pub days_count: usize,
    pub timeslot_duration: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_zone_name: Option<String>,
    pub tracks: Vec<Track>,
    pub rooms: Vec<Room>,
    pub meta: Meta,
    pub days: Vec<Day>,
}

/// The meeting in the schedule format's terms.
#[derive(Serialize)]
pub struct Schedule {
    pub version: String,
    pub conference: Conference,
}

#[derive(Serialize)]
struct Generator {
    name: &'static str,
    version: &'static str,
}

/// The whole `schedule.json` document.
#[derive(Serialize)]
pub struct Document {
    #[serde(rename = "$schema")]
    schema: &'static str,
    generator: Generator,
    schedule: Schedule,
}

/// Whether the schema's `time_zone_name` pattern takes this name ("Europe/Berlin", "UTC");
/// others ("Etc/GMT-2") are left out, the offsets in every date still say the time.
fn schema_timezone(name: &str) -> bool {
    if name == "UTC" {
        return true;
    }
    let word = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(|c| c.is_ascii_uppercase())
            && w.len() > 1
            && w.chars().nth(1).is_some_and(|c| c.is_ascii_lowercase())
    };
    let mut parts = name.splitn(2, '/');
    matches!((parts.next(), parts.next()), (Some(a), Some(b)) if word(a) && word(b))
}

/// The room a session is listed under: its own, or for a session in all rooms the first room.
fn room_name(m: &Meeting, placement: Placement) -> String {
    let room = match placement {
        Placement::Room(id) => m.room(id),
        Placement::AllRooms => m.rooms.first(),
    };
    room.map(|r| r.name.clone())
        .unwrap_or_else(|| "All rooms".to_string())
}

/// A slug that starts with a letter and has two characters or more (fits the XML schema's
/// track pattern and the JSON schema's slug pattern): `kind-…` is put in front when needed.
fn item_slug(kind: &str, name: &str, id: u32) -> String {
    let slug = slugify(name);
    if slug.is_empty() {
        format!("{kind}-{id}")
    } else if slug.len() < 2 || !slug.starts_with(|c: char| c.is_ascii_lowercase()) {
        format!("{kind}-{slug}")
    } else {
        slug
    }
}

/// The meeting as a schedule; times carry their UTC offset in the meeting's timezone.
pub fn schedule(m: &Meeting, offsets: &dyn UtcOffsets) -> Result<Schedule, ExportError> {
    let acronym = acronym(m);
    let days_in_order = m.programme_days();
    let at_moment = |title: &str, local: chrono::NaiveDateTime| -> Result<String, ExportError> {
        Ok(stamp(local, offset_at(m, offsets, title, local)?))
    };
    let at = |title: &str, date: NaiveDate, time: NaiveTime| at_moment(title, date.and_time(time));
    let event = |s: &Session, date: NaiveDate| -> Result<Event, ExportError> {
        // The one other systems know it by (kept from an import), else one made from its id.
        let guid = if s.guid.is_empty() {
            guid(&acronym, "session", s.id.0)
        } else {
            s.guid.clone()
        };
        let title_slug = slugify(&s.title);
        let mut slug = format!(
            "{acronym}-{}-{}",
            s.id,
            if title_slug.is_empty() {
                "session"
            } else {
                &title_slug
            }
        );
        if slug.len() > 80 {
            slug.truncate(80);
            slug = slug.trim_end_matches('-').to_string();
        }
        // In real time: across a change of the clocks it differs from the wall clock's.
        let (start_local, end_local) = (date.and_time(s.start), s.end_on(date));
        let utc = |local: chrono::NaiveDateTime| -> Result<chrono::NaiveDateTime, ExportError> {
            let offset = offset_at(m, offsets, &s.title, local)?;
            Ok(local - chrono::Duration::seconds(offset as i64))
        };
        let minutes = (utc(end_local)? - utc(start_local)?).num_minutes().max(0);
        let persons = s
            .participants
            .iter()
            .filter_map(|p| {
                let person = m.person(p.person)?;
                Some(Person {
                    name: person.display_name(true),
                    guid: guid_for_person(&acronym, person.id.0),
                    id: person.id.0,
                    biography: person.bio.clone(),
                    honorific: person.honorific.clone(),
                    given_name: person.given_name.clone(),
                    family_name: person.family_name.clone(),
                    position: person.position.clone(),
                    organization: person.organization.clone(),
                    organization_short: person.organization_short.clone(),
                    category: person.category.as_str(),
                    role: p.role.as_str(),
                    status: p.status.as_str(),
                })
            })
            .collect();
        Ok(Event {
            url: format!("urn:uuid:{guid}"),
            guid,
            id: s.id.0,
            date: at(&s.title, date, s.start)?,
            end: at_moment(&s.title, s.end_on(date))?,
            start: hh_mm(s.start),
            duration: duration_text(minutes),
            room: room_name(m, s.placement),
            slug,
            title: s.title.clone(),
            subtitle: String::new(),
            track: s
                .themes
                .first()
                .and_then(|t| m.theme(*t))
                .map(|t| t.name.clone()),
            kind: s.type_name().to_string(),
            language: None,
            summary: s.description.clone(),
            description: String::new(),
            persons,
            links: Vec::new(),
            attachments: Vec::new(),
        })
    };
    let mut days = Vec::with_capacity(days_in_order.len());
    for (i, (d, sessions)) in days_in_order.iter().enumerate() {
        let mut rooms: Vec<(String, Vec<Event>)> = m
            .rooms
            .iter()
            .map(|r| (r.name.clone(), Vec::new()))
            .collect();
        for s in sessions {
            let name = room_name(m, s.placement);
            let e = event(s, d.date)?;
            match rooms.iter_mut().find(|(n, _)| *n == name) {
                Some((_, list)) => list.push(e),
                None => rooms.push((name, vec![e])),
            }
        }
        days.push(Day {
            index: i + 1,
            date: iso_date(d.date),
            day_start: at(&d.label, d.date, d.start)?,
            day_end: at_moment(
                &d.label,
                if d.ends_next_day {
                    d.date.succ_opt().unwrap_or(d.date)
                } else {
                    d.date
                }
                .and_time(d.end),
            )?,
            rooms: RoomEvents(rooms),
        });
    }
    let (first, last) = m
        .date_range()
        .map(|(a, b)| (iso_date(a), iso_date(b)))
        .unwrap_or_default();
    Ok(Schedule {
        version: if m.edition.trim().is_empty() {
            "1.0".to_string()
        } else {
            m.edition.clone()
        },
        conference: Conference {
            acronym: acronym.clone(),
            title: m.title.clone(),
            description: m.description.clone(),
            start: first,
            end: last,
            days_count: days.len(),
            timeslot_duration: "00:05".to_string(),
            time_zone_name: schema_timezone(&m.timezone).then(|| m.timezone.clone()),
            tracks: m
                .themes
                .iter()
                .map(|t| Track {
                    name: t.name.clone(),
                    slug: item_slug("track", &t.name, t.id.0),
                    color: t.colour.clone(),
                })
                .collect(),
            rooms: m
                .rooms
                .iter()
                .map(|r| Room {
                    name: r.name.clone(),
                    slug: item_slug("room", &r.name, r.id.0),
                    guid: guid(&acronym, "room", r.id.0),
                    capacity: r.capacity,
                    description: r.description.clone(),
                })
                .collect(),
            meta: Meta {
                short_name: m.short_name.clone(),
                edition: m.edition.clone(),
                host: m.host.clone(),
                venue: m.venue.clone(),
                city: m.city.clone(),
            },
            days,
        },
    })
}

fn guid_for_person(acronym: &str, id: u32) -> String {
    guid(acronym, "person", id)
}

/// The `schedule.json` document, to serialize as wanted.
pub fn json_document(m: &Meeting, offsets: &dyn UtcOffsets) -> Result<Document, ExportError> {
    Ok(Document {
        schema: "https://c3voc.de/schedule/schema.json",
        generator: Generator {
            name: GENERATOR,
            version: env!("CARGO_PKG_VERSION"),
        },
        schedule: schedule(m, offsets)?,
    })
}

/// `schedule.json`: the c3voc schedule JSON, compact (the app indents it with the browser's
/// JSON; the command line serializes [`json_document`] indented).
pub fn schedule_json(m: &Meeting, offsets: &dyn UtcOffsets) -> Result<String, ExportError> {
    Ok(serde_json::to_string(&json_document(m, offsets)?).unwrap_or_default())
}

/// Text for XML.
fn xml(text: &str) -> String {
    escape_xml(text, false)
}

/// An attribute value for XML.
fn attr(text: &str) -> String {
    escape_xml(text, true)
}

fn escape_xml(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Kept as references: a parser turns a raw CR (and, in attributes, tabs and
            // line breaks) into something else.
            '\r' => out.push_str("&#13;"),
            '\n' | '\t' if attribute => out.push_str(if ch == '\n' { "&#10;" } else { "&#9;" }),
            '\t' | '\n' => out.push(ch),
            // Characters XML 1.0 does not allow at all.
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// `schedule.xml`: the frab/pentabarf schedule XML.
pub fn schedule_xml(m: &Meeting, offsets: &dyn UtcOffsets) -> Result<String, ExportError> {
    let s = schedule(m, offsets)?;
    let c = &s.conference;
    let mut out = String::with_capacity(4096 + m.sessions.len() * 1200);
    let el = |out: &mut String, indent: &str, name: &str, text: &str| {
        out.push_str(&format!("{indent}<{name}>{}</{name}>\n", xml(text)));
    };
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule>\n");
    out.push_str(&format!(
        "  <generator name=\"{GENERATOR}\" version=\"{}\"/>\n",
        env!("CARGO_PKG_VERSION")
    ));
    el(&mut out, "  ", "version", &s.version);
    out.push_str("  <conference>\n");
    el(&mut out, "    ", "acronym", &c.acronym);
    el(&mut out, "    ", "title", &c.title);
    if !c.start.is_empty() {
        el(&mut out, "    ", "start", &c.start);
        el(&mut out, "    ", "end", &c.end);
    }
    el(&mut out, "    ", "days", &c.days_count.to_string());
    el(&mut out, "    ", "timeslot_duration", &c.timeslot_duration);
    el(&mut out, "    ", "time_zone_name", &m.timezone);
    for t in &c.tracks {
        out.push_str(&format!(
            "    <track name=\"{}\" color=\"{}\" slug=\"{}\">{}</track>\n",
            attr(&t.name),
            attr(&t.color),
            attr(&t.slug),
            xml(&t.name)
        ));
    }
    out.push_str("  </conference>\n");
    for d in &c.days {
        out.push_str(&format!(
            "  <day index=\"{}\" date=\"{}\" start=\"{}\" end=\"{}\">\n",
            d.index, d.date, d.day_start, d.day_end
        ));
        for (name, events) in &d.rooms.0 {
            let guid = c
                .rooms
                .iter()
                .find(|r| r.name == *name)
                .map(|r| format!(" guid=\"{}\"", r.guid))
                .unwrap_or_default();
            out.push_str(&format!("    <room name=\"{}\"{guid}>\n", attr(name)));
            for e in events {
                out.push_str(&format!(
                    "      <event guid=\"{}\" id=\"{}\">\n",
                    e.guid, e.id
                ));
                let i = "        ";
                el(&mut out, i, "date", &e.date);
                el(&mut out, i, "start", &e.start);
                el(&mut out, i, "duration", &e.duration);
                el(&mut out, i, "room", &e.room);
                el(&mut out, i, "slug", &e.slug);
                el(&mut out, i, "title", &e.title);
                el(&mut out, i, "subtitle", &e.subtitle);
                el(&mut out, i, "track", e.track.as_deref().unwrap_or(""));
                el(&mut out, i, "type", &e.kind);
                el(&mut out, i, "abstract", &e.summary);
                el(&mut out, i, "description", &e.description);
                out.push_str(&format!("{i}<persons>\n"));
                for p in &e.persons {
                    out.push_str(&format!(
                        "{i}  <person id=\"{}\" guid=\"{}\">{}</person>\n",
                        p.id,
                        p.guid,
                        xml(&p.name)
                    ));
                }
                out.push_str(&format!("{i}</persons>\n{i}<links/>\n{i}<attachments/>\n"));
                out.push_str("      </event>\n");
            }
            out.push_str("    </room>\n");
        }
        out.push_str("  </day>\n");
    }
    out.push_str("</schedule>\n");
    Ok(out)
}
