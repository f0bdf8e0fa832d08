//! The published form of a meeting: what attendees download (a published file, a share
//! link's payload). Only what the schedule shows — no check settings or dismissals, no
//! availability, capacity, confirmation status or category — in columns (each field of all
//! the days, rooms, themes, people or sessions together, so that like sits next to like and
//! compresses well) and in programme order: days by date, each day's sessions by time, people
//! by family name. Numbers that mostly grow are written as the difference from the one before.
//!
//! ```text
//! { "format": "agenda-published", "version": 1,
//!   "meeting":  [title, short name, edition, host, venue, city, timezone, description],
//!   "preview":  { "edition", "title", "when", "timezone", "date", "count",
//!                 "days": [[label, short date], …], "rooms": [name, …],
//!                 "slots": [[kind, column, rows, time, place, title, [[theme, colour], …],
//!                            people], …] },
//!   "days":     { "id": […], "date": ["YYYY-MM-DD", …], "label": […],
//!                 "start": ["HH:MM", …], "end": ["HH:MM", …] },
//!   "rooms":    { "id": […], "name": […], "description": […] },
//!   "themes":   { "id": […], "name": […], "colour": ["#rrggbb", …], "description": […] },
//!   "people":   { "id": [differences], "honorific": […], "given": […], "family": […],
//!                 "position": […], "organization": […], "short": […], "bio": […] },
//!   "sessions": { "id": [differences], "title": […], "kind": […],
//!                 "day": [index into days], "start": [differences, in minutes from the first
//!                 day's midnight], "length": [minutes], "room": [room id, or -1: all rooms],
//!                 "themes": [[theme id, …], …], "description": […],
//!                 "people": [[person index, role index, …], …],
//!                 "items": [[[minute of the day, title, person index or -1], …], …] } }
//! ```
//!
//! `preview` is the first screen of the schedule resolved to text (`domain::slots`): what the
//! attendee view's page draws while its code loads; readers skip it. Role indexes follow
//! `Role::ALL`; person indexes, the `people` columns. Times are to the
//! minute. The planner reads it too (a copy an attendee saved, a file opened), with what it
//! leaves out at its defaults.

use chrono::{NaiveTime, Timelike};

use super::json::{write_string, JsonError, Reader};
use super::DecodeError;
use crate::domain::schedule::{hh_mm, iso_date, parse_date, parse_time};
use crate::domain::slots::{first_screen, FirstScreen};
use crate::domain::{
    Day, DayId, Meeting, Participant, Person, PersonId, Placement, Role, Room, RoomId, RunItem,
    Session, SessionId, SessionKind, Theme, ThemeId,
};

/// The `format` of the published form.
pub const PUBLISHED_FORMAT: &str = "agenda-published";
/// The version written; this app reads it and every older one.
pub const PUBLISHED_VERSION: u32 = 1;

/// Whether a text is in the published form (by its first bytes).
pub fn is_published(text: &str) -> bool {
    let head = text.get(..text.len().min(64)).unwrap_or(text);
    head.contains(&format!("\"format\":\"{PUBLISHED_FORMAT}\""))
}

fn minutes(t: NaiveTime) -> i64 {
    (t.hour() * 60 + t.minute()) as i64
}

/// Writes `"key":[…]` with each item written by `item`.
fn column<T>(out: &mut String, key: &str, items: &[T], item: impl FnMut(&mut String, &T)) {
    out.push('"');
    out.push_str(key);
    out.push_str("\":");
    column_items(out, items, item);
}

/// Writes `[…]` with each item written by `item`.
fn column_items<T>(out: &mut String, items: &[T], mut item: impl FnMut(&mut String, &T)) {
    out.push('[');
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        item(out, x);
    }
    out.push(']');
}

fn text_column<T>(out: &mut String, key: &str, items: &[T], field: impl Fn(&T) -> &str) {
    column(out, key, items, |out, x| write_string(out, field(x)));
}

/// Numbers written as the difference from the one before.
fn delta_column(out: &mut String, key: &str, numbers: &[i64]) {
    let mut before = 0;
    column(out, key, numbers, |out, &n| {
        out.push_str(&(n - before).to_string());
        before = n;
    });
}

/// The meeting in its published form, as a file: with its first screen (`preview`).
pub fn encode_published(m: &Meeting) -> String {
    write_published(m, true)
}

/// The published form without its first screen: what a share link carries (its page has no
/// loader to draw one, and a link must stay short).
pub fn encode_published_link(m: &Meeting) -> String {
    write_published(m, false)
}

fn write_published(m: &Meeting, preview: bool) -> String {
    let mut out = String::with_capacity(256 + m.sessions.len() * 120 + m.people.len() * 60);
    out.push_str(&format!(
        "{{\"format\":\"{PUBLISHED_FORMAT}\",\"version\":{PUBLISHED_VERSION},\"meeting\":["
    ));
    let fields = [
        &m.title,
        &m.short_name,
        &m.edition,
        &m.host,
        &m.venue,
        &m.city,
        &m.timezone,
        &m.description,
    ];
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_string(&mut out, f);
    }
    out.push(']');
    if let Some(screen) = first_screen(m).filter(|_| preview) {
        write_preview(&mut out, &screen);
    }
    let days = m.days_in_order();
    out.push_str(",\"days\":{");
    column(&mut out, "id", &days, |o, d| o.push_str(&d.id.to_string()));
    out.push(',');
    column(&mut out, "date", &days, |o, d| {
        write_string(o, &iso_date(d.date))
    });
    out.push(',');
    text_column(&mut out, "label", &days, |d| &d.label);
    out.push(',');
    column(&mut out, "start", &days, |o, d| {
        write_string(o, &hh_mm(d.start))
    });
    out.push(',');
    // "01:00+1": the day's programme runs past midnight.
    column(&mut out, "end", &days, |o, d| {
        let next = if d.ends_next_day { "+1" } else { "" };
        write_string(o, &format!("{}{next}", hh_mm(d.end)))
    });
    out.push_str("},\"rooms\":{");
    column(&mut out, "id", &m.rooms, |o, r| {
        o.push_str(&r.id.to_string())
    });
    out.push(',');
    text_column(&mut out, "name", &m.rooms, |r| &r.name);
    out.push(',');
    text_column(&mut out, "description", &m.rooms, |r| &r.description);
    out.push_str("},\"themes\":{");
    column(&mut out, "id", &m.themes, |o, t| {
        o.push_str(&t.id.to_string())
    });
    out.push(',');
    text_column(&mut out, "name", &m.themes, |t| &t.name);
    out.push(',');
    text_column(&mut out, "colour", &m.themes, |t| &t.colour);
    out.push(',');
    text_column(&mut out, "description", &m.themes, |t| &t.description);

    let mut people: Vec<&Person> = m.people.iter().collect();
    crate::domain::order::sort_by_cached_key(&mut people, |p| {
        (
            p.family_name.to_ascii_lowercase(),
            p.given_name.to_ascii_lowercase(),
            p.id,
        )
    });
    let index: std::collections::HashMap<PersonId, usize> =
        people.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
    out.push_str("},\"people\":{");
    let ids: Vec<i64> = people.iter().map(|p| p.id.0 as i64).collect();
    delta_column(&mut out, "id", &ids);
    type Field = for<'a> fn(&'a &Person) -> &'a str;
    let fields: [(&str, Field); 7] = [
        ("honorific", |p| &p.honorific),
        ("given", |p| &p.given_name),
        ("family", |p| &p.family_name),
        ("position", |p| &p.position),
        ("organization", |p| &p.organization),
        ("short", |p| &p.organization_short),
        ("bio", |p| &p.bio),
    ];
    for (key, field) in fields {
        out.push(',');
        text_column(&mut out, key, &people, field);
    }

    let day_at = crate::domain::meeting::day_positions(&days);
    let day_index = |id: DayId| crate::domain::meeting::position_of(&day_at, id).unwrap_or(0);
    let sessions: Vec<&crate::domain::Session> = m.programme_sessions().map(|(_, s)| s).collect();
    out.push_str("},\"sessions\":{");
    let ids: Vec<i64> = sessions.iter().map(|s| s.id.0 as i64).collect();
    delta_column(&mut out, "id", &ids);
    out.push(',');
    text_column(&mut out, "title", &sessions, |s| &s.title);
    out.push(',');
    text_column(&mut out, "kind", &sessions, |s| s.kind.as_str());
    out.push(',');
    column(&mut out, "day", &sessions, |o, s| {
        o.push_str(&day_index(s.day).to_string())
    });
    out.push(',');
    let starts: Vec<i64> = sessions
        .iter()
        .map(|s| day_index(s.day) as i64 * 1440 + minutes(s.start))
        .collect();
    delta_column(&mut out, "start", &starts);
    out.push(',');
    column(&mut out, "length", &sessions, |o, s| {
        o.push_str(&s.duration_minutes().to_string())
    });
    out.push(',');
    column(&mut out, "room", &sessions, |o, s| match s.placement {
        Placement::AllRooms => o.push_str("-1"),
        Placement::Room(r) => o.push_str(&r.to_string()),
    });
    out.push(',');
    column(&mut out, "themes", &sessions, |o, s| {
        let ids: Vec<String> = s.themes.iter().map(|t| t.to_string()).collect();
        o.push('[');
        o.push_str(&ids.join(","));
        o.push(']');
    });
    out.push(',');
    text_column(&mut out, "description", &sessions, |s| &s.description);
    out.push(',');
    column(&mut out, "people", &sessions, |o, s| {
        let mut parts = Vec::new();
        for (_, group) in s.people_by_role() {
            for p in group {
                let Some(&i) = index.get(&p.person) else {
                    continue;
                };
                let role = Role::ALL.iter().position(|r| *r == p.role).unwrap_or(0);
                parts.push(format!("{i},{role}"));
            }
        }
        o.push('[');
        o.push_str(&parts.join(","));
        o.push(']');
    });
    out.push(',');
    column(&mut out, "items", &sessions, |o, s| {
        o.push('[');
        for (i, item) in s.items.iter().enumerate() {
            if i > 0 {
                o.push(',');
            }
            o.push_str(&format!("[{},", minutes(item.time)));
            write_string(o, &item.title);
            let person = item
                .person
                .and_then(|p| index.get(&p))
                .map_or(-1, |&i| i as i64);
            o.push_str(&format!(",{person}]"));
        }
        o.push(']');
    });
    out.push_str("}}");
    out
}

/// Writes `,"preview":{…}`: the first screen, as the page's loader draws it.
fn write_preview(out: &mut String, p: &FirstScreen) {
    let texts =
        |out: &mut String, items: &[&str]| column_items(out, items, |o, t| write_string(o, t));
    out.push_str(",\"preview\":{");
    for (key, value) in [
        ("edition", &p.edition),
        ("title", &p.title),
        ("when", &p.when),
        ("timezone", &p.timezone_note),
        ("date", &p.date),
        ("count", &p.count),
    ] {
        write_string(out, key);
        out.push(':');
        write_string(out, value);
        out.push(',');
    }
    out.push_str("\"days\":");
    column_items(out, &p.days, |o, (label, date)| texts(o, &[label, date]));
    out.push_str(",\"rooms\":");
    column_items(out, &p.rooms, |o, r| write_string(o, r));
    out.push_str(",\"slots\":");
    column_items(out, &p.slots, |o, s| {
        o.push('[');
        for text in [s.kind, &s.column, &s.rows, &s.time, &s.place, &s.title] {
            write_string(o, text);
            o.push(',');
        }
        column_items(o, &s.themes, |o, (name, colour)| texts(o, &[name, colour]));
        o.push(',');
        write_string(o, &s.people);
        o.push(']');
    });
    out.push('}');
}

/// The columns of one table, as read: each key's list of raw values is kept until the rows
/// are put together.
#[derive(Default)]
struct Columns {
    numbers: Vec<(String, Vec<i64>)>,
    texts: Vec<(String, Vec<String>)>,
    lists: Vec<(String, Vec<Vec<i64>>)>,
    items: Vec<Vec<(i64, String, i64)>>,
}

impl Columns {
    fn numbers(&self, key: &str) -> &[i64] {
        self.numbers
            .iter()
            .find(|(k, _)| k == key)
            .map_or(&[], |(_, v)| v)
    }

    fn texts(&self, key: &str) -> &[String] {
        self.texts
            .iter()
            .find(|(k, _)| k == key)
            .map_or(&[], |(_, v)| v)
    }

    fn lists(&self, key: &str) -> &[Vec<i64>] {
        self.lists
            .iter()
            .find(|(k, _)| k == key)
            .map_or(&[], |(_, v)| v)
    }

    /// Sums of the differences: the numbers as they are.
    fn undelta(&self, key: &str) -> Vec<i64> {
        let mut sum = 0;
        self.numbers(key)
            .iter()
            .map(|d| {
                sum += d;
                sum
            })
            .collect()
    }
}

/// Which keys of a table hold what.
struct Shape {
    numbers: &'static [&'static str],
    texts: &'static [&'static str],
    lists: &'static [&'static str],
}

const DAYS: Shape = Shape {
    numbers: &["id"],
    texts: &["date", "label", "start", "end"],
    lists: &[],
};
const ROOMS: Shape = Shape {
    numbers: &["id"],
    texts: &["name", "description"],
    lists: &[],
};
const THEMES: Shape = Shape {
    numbers: &["id"],
    texts: &["name", "colour", "description"],
    lists: &[],
};
const PEOPLE: Shape = Shape {
    numbers: &["id"],
    texts: &[
        "honorific",
        "given",
        "family",
        "position",
        "organization",
        "short",
        "bio",
    ],
    lists: &[],
};
const SESSIONS: Shape = Shape {
    numbers: &["id", "day", "start", "length", "room"],
    texts: &["title", "kind", "description"],
    lists: &["themes", "people"],
};

/// Reads one table's object of columns; keys it does not know are skipped.
fn table(r: &mut Reader, shape: &Shape) -> Result<Columns, JsonError> {
    let mut c = Columns::default();
    r.object(|r, key| {
        if shape.numbers.contains(&key) {
            let values = r.array(|r| r.integer())?;
            c.numbers.push((key.to_string(), values));
        } else if shape.texts.contains(&key) {
            let values = r.array(|r| r.string())?;
            c.texts.push((key.to_string(), values));
        } else if shape.lists.contains(&key) {
            let values = r.array(|r| r.array(|r| r.integer()))?;
            c.lists.push((key.to_string(), values));
        } else if key == "items" && shape.lists.contains(&"people") {
            c.items = r.array(|r| {
                r.array(|r| {
                    r.expect(b'[', "a run-of-show item")?;
                    let minute = r.integer()?;
                    r.expect(b',', "the item's title")?;
                    let title = r.string()?;
                    r.expect(b',', "the item's person")?;
                    let person = r.integer()?;
                    r.expect(b']', "the end of the item")?;
                    Ok((minute, title, person))
                })
            })?;
        } else {
            r.skip()?;
        }
        Ok(())
    })?;
    Ok(c)
}

/// A problem with the columns (they do not fit together).
fn broken(message: impl Into<String>) -> DecodeError {
    DecodeError::BadField {
        message: message.into(),
        line: 1,
        column: 1,
    }
}

/// An id from a column.
fn id(n: i64, what: &str) -> Result<u32, DecodeError> {
    u32::try_from(n).map_err(|_| broken(format!("{n} is not a {what} id")))
}

fn time_text(text: &str) -> Result<NaiveTime, DecodeError> {
    parse_time(text).ok_or_else(|| broken(format!("“{text}” is not a time of day (HH:MM)")))
}

fn minute_of_day(n: i64) -> Result<NaiveTime, DecodeError> {
    u32::try_from(n)
        .ok()
        .filter(|n| *n < 1440)
        .and_then(|n| NaiveTime::from_hms_opt(n / 60, n % 60, 0))
        .ok_or_else(|| broken(format!("{n} is not a minute of a day")))
}

/// Every column of a table has one value per row: how many rows.
fn rows(c: &Columns, shape: &Shape, table: &str) -> Result<usize, DecodeError> {
    let n = c.numbers("id").len();
    let lengths = shape
        .numbers
        .iter()
        .map(|k| c.numbers(k).len())
        .chain(shape.texts.iter().map(|k| c.texts(k).len()))
        .chain(shape.lists.iter().map(|k| c.lists(k).len()));
    for len in lengths {
        if len != n {
            return Err(broken(format!(
                "the {table} columns are not all of the same length"
            )));
        }
    }
    Ok(n)
}

/// Reads a meeting in the published form (any version up to [`PUBLISHED_VERSION`]), then
/// checks that it is consistent.
pub fn decode_published(text: &str) -> Result<Meeting, DecodeError> {
    let bad = |e: JsonError| DecodeError::BadField {
        message: e.message,
        line: e.line,
        column: e.column,
    };
    let mut r = Reader::new(text);
    let mut format_ok = false;
    let mut version = None;
    let mut meeting = Vec::new();
    let mut tables: [Columns; 5] = Default::default();
    r.object(|r, key| {
        match key {
            "format" => format_ok = r.string()? == PUBLISHED_FORMAT,
            "version" => version = Some(r.number()?),
            "meeting" => meeting = r.array(|r| r.string())?,
            "days" => tables[0] = table(r, &DAYS)?,
            "rooms" => tables[1] = table(r, &ROOMS)?,
            "themes" => tables[2] = table(r, &THEMES)?,
            "people" => tables[3] = table(r, &PEOPLE)?,
            "sessions" => tables[4] = table(r, &SESSIONS)?,
            _ => r.skip()?,
        }
        Ok(())
    })
    .map_err(bad)?;
    r.end().map_err(bad)?;
    if !format_ok {
        return Err(DecodeError::WrongFormat {
            found: ", found something else".into(),
        });
    }
    match version {
        None | Some(0) => return Err(DecodeError::MissingVersion),
        Some(v) if v > PUBLISHED_VERSION => {
            return Err(DecodeError::NewerVersion {
                found: v as u64,
                supported: PUBLISHED_VERSION as u64,
            })
        }
        Some(_) => {}
    }
    let [days, rooms, themes, people, sessions] = tables;
    let mut it = meeting.into_iter();
    let mut take = || it.next().unwrap_or_default();
    let mut m = Meeting {
        title: take(),
        short_name: take(),
        edition: take(),
        host: take(),
        venue: take(),
        city: take(),
        timezone: take(),
        description: take(),
        ..Meeting::default()
    };

    for i in 0..rows(&days, &DAYS, "days")? {
        let date_text = &days.texts("date")[i];
        m.days.push(Day {
            id: DayId(id(days.numbers("id")[i], "day")?),
            date: parse_date(date_text)
                .ok_or_else(|| broken(format!("“{date_text}” is not a date (YYYY-MM-DD)")))?,
            label: days.texts("label")[i].clone(),
            start: time_text(&days.texts("start")[i])?,
            end: time_text(days.texts("end")[i].trim_end_matches("+1"))?,
            ends_next_day: days.texts("end")[i].ends_with("+1"),
        });
    }
    for i in 0..rows(&rooms, &ROOMS, "rooms")? {
        m.rooms.push(Room {
            id: RoomId(id(rooms.numbers("id")[i], "room")?),
            name: rooms.texts("name")[i].clone(),
            capacity: None,
            description: rooms.texts("description")[i].clone(),
        });
    }
    for i in 0..rows(&themes, &THEMES, "themes")? {
        m.themes.push(Theme {
            id: ThemeId(id(themes.numbers("id")[i], "theme")?),
            name: themes.texts("name")[i].clone(),
            colour: themes.texts("colour")[i].clone(),
            description: themes.texts("description")[i].clone(),
        });
    }
    let person_ids = people.undelta("id");
    let count = rows(&people, &PEOPLE, "people")?;
    for (i, &person_id) in person_ids.iter().enumerate().take(count) {
        let text = |k: &str| people.texts(k)[i].clone();
        m.people.push(Person {
            id: PersonId(id(person_id, "person")?),
            honorific: text("honorific"),
            given_name: text("given"),
            family_name: text("family"),
            position: text("position"),
            organization: text("organization"),
            organization_short: text("short"),
            bio: text("bio"),
            ..Person::default()
        });
    }
    let person = |index: i64| -> Result<PersonId, DecodeError> {
        usize::try_from(index)
            .ok()
            .and_then(|i| m.people.get(i))
            .map(|p| p.id)
            .ok_or_else(|| broken(format!("{index} is not a person of the list")))
    };
    let session_ids = sessions.undelta("id");
    let starts = sessions.undelta("start");
    let n = rows(&sessions, &SESSIONS, "sessions")?;
    if sessions.items.len() != n {
        return Err(broken(
            "the sessions columns are not all of the same length",
        ));
    }
    let mut list = Vec::with_capacity(n);
    for i in 0..n {
        let day_index = sessions.numbers("day")[i];
        let day = usize::try_from(day_index)
            .ok()
            .and_then(|d| m.days.get(d))
            .ok_or_else(|| broken(format!("{day_index} is not a day of the list")))?;
        let start = starts[i] - day_index * 1440;
        let end = start + sessions.numbers("length")[i];
        let pairs = &sessions.lists("people")[i];
        if pairs.len() % 2 != 0 {
            return Err(broken("a session's people are not in pairs (person, role)"));
        }
        let mut participants: Vec<Participant> = Vec::with_capacity(pairs.len() / 2);
        for pair in pairs.chunks(2) {
            let role = usize::try_from(pair[1])
                .ok()
                .and_then(|r| Role::ALL.get(r).copied())
                .ok_or_else(|| broken(format!("{} is not a role", pair[1])))?;
            let order = participants.iter().filter(|p| p.role == role).count() as u32;
            participants.push(Participant {
                person: person(pair[0])?,
                role,
                status: Default::default(),
                order,
            });
        }
        let mut items = Vec::new();
        for (minute, title, who) in &sessions.items[i] {
            items.push(RunItem {
                time: minute_of_day(*minute)?,
                title: title.clone(),
                person: if *who < 0 { None } else { Some(person(*who)?) },
            });
        }
        let room = sessions.numbers("room")[i];
        list.push(Session {
            id: SessionId(id(session_ids[i], "session")?),
            title: sessions.texts("title")[i].clone(),
            // A kind this version does not know (a newer file) reads as "other".
            kind: SessionKind::parse(&sessions.texts("kind")[i]).unwrap_or_default(),
            day: day.id,
            start: minute_of_day(start)?,
            end: minute_of_day(end % 1440)?,
            ends_next_day: end >= 1440,
            placement: if room < 0 {
                Placement::AllRooms
            } else {
                Placement::Room(RoomId(id(room, "room")?))
            },
            themes: sessions.lists("themes")[i]
                .iter()
                .map(|&t| id(t, "theme").map(ThemeId))
                .collect::<Result<_, _>>()?,
            description: sessions.texts("description")[i].clone(),
            participants,
            items,
            // Not published: only the schedule exports, made by the planner, write it.
            guid: String::new(),
            source_type: String::new(),
            outcomes: String::new(),
            unscheduled: false,
        });
    }
    m.sessions = list;
    let errors = m.validate();
    if errors.is_empty() {
        Ok(m)
    } else {
        Err(DecodeError::Invalid(errors))
    }
}
