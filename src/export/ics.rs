//! iCalendar (RFC 5545): one VEVENT per session, times in UTC.
//!
//! Written here rather than with the `icalendar` crate, which would bring a UUID generator,
//! a random source and an ISO 8601 parser into the browser app; that crate's parser reads our
//! output back in the tests. Text values are escaped (RFC 5545 §3.3.11) and lines folded at
//! 75 octets without splitting a character (§3.1).
//!
//! Session times are local to the meeting's IANA timezone; a [`UtcOffsets`] (the timezone
//! port in `domain::time`) turns them into UTC.

use std::fmt::Write;

use chrono::{Duration, NaiveDateTime};

use super::ExportError;
use crate::domain::programme::NameStyle;
use crate::domain::time::UtcOffsets;
use crate::domain::{Meeting, Placement, SessionId};

/// What goes into the calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarOptions {
    /// Only these sessions (e.g. an attendee's starred ones); all when `None`.
    pub sessions: Option<Vec<SessionId>>,
    /// DTSTAMP: when the calendar was made, in UTC.
    pub stamp: NaiveDateTime,
    pub honorifics: bool,
}

/// The meeting (or the chosen sessions) as an iCalendar file, CRLF line endings.
pub fn calendar(
    meeting: &Meeting,
    options: &CalendarOptions,
    offsets: &dyn UtcOffsets,
) -> Result<String, ExportError> {
    let style = NameStyle {
        honorifics: options.honorifics,
        short_organizations: false,
    };
    let mut out = String::with_capacity(1024 + meeting.sessions.len() * 600);
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Agenda planner//Programme//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(
        &mut out,
        &format!("X-WR-CALNAME:{}", escape(&meeting.title)),
    );
    let domain = crate::domain::names::file_stem(meeting);
    let stamp = utc_stamp(options.stamp);
    for (day, session) in meeting.programme_sessions() {
        if let Some(chosen) = &options.sessions {
            if !chosen.contains(&session.id) {
                continue;
            }
        }
        let to_utc = |local: chrono::NaiveDateTime| {
            super::offset_at(meeting, offsets, &session.title, local)
                .map(|offset| local - Duration::seconds(offset as i64))
        };
        let (start, end) = (
            to_utc(day.date.and_time(session.start))?,
            to_utc(session.end_on(day.date))?,
        );
        let entry = meeting.entry(session, style);
        line(&mut out, "BEGIN:VEVENT");
        line(
            &mut out,
            &format!("UID:session-{}@{}.agenda-planner", session.id, domain),
        );
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(&mut out, &format!("DTSTART:{}", utc_stamp(start)));
        line(&mut out, &format!("DTEND:{}", utc_stamp(end)));
        line(&mut out, &format!("SUMMARY:{}", escape(&session.title)));
        let location = match session.placement {
            Placement::AllRooms => vec![meeting.venue.as_str(), meeting.city.as_str()],
            Placement::Room(_) => {
                vec![
                    entry.place.as_str(),
                    meeting.venue.as_str(),
                    meeting.city.as_str(),
                ]
            }
        };
        let location: Vec<&str> = location
            .into_iter()
            .filter(|s| !s.trim().is_empty())
            .collect();
        if !location.is_empty() {
            line(
                &mut out,
                &format!("LOCATION:{}", escape(&location.join(", "))),
            );
        }
        let mut description = String::new();
        for group in &entry.roles {
            let people: Vec<String> = group.people.iter().map(ToString::to_string).collect();
            let _ = writeln!(description, "{}: {}", group.heading, people.join("; "));
        }
        if !session.description.trim().is_empty() {
            if !description.is_empty() {
                description.push('\n');
            }
            description.push_str(session.description.trim());
        }
        if !description.trim().is_empty() {
            line(
                &mut out,
                &format!("DESCRIPTION:{}", escape(description.trim_end())),
            );
        }
        let categories: Vec<String> = std::iter::once(session.kind.label().to_string())
            .chain(entry.themes.iter().map(|t| t.name.clone()))
            .map(|c| escape(&c))
            .collect();
        line(&mut out, &format!("CATEGORIES:{}", categories.join(",")));
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    Ok(out)
}

/// "20220915T130000Z".
fn utc_stamp(at: NaiveDateTime) -> String {
    use chrono::{Datelike, Timelike};
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// Escapes a TEXT value: backslash, semicolon, comma and newline; other control characters,
/// which TEXT may not hold, are dropped.
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for ch in value.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so no physical line exceeds 75 octets, then CRLF.
fn line(out: &mut String, content: &str) {
    let mut octets = 0;
    for ch in content.chars() {
        let width = ch.len_utf8();
        if octets + width > 75 {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(ch);
        octets += width;
    }
    out.push_str("\r\n");
}
