//! A day's sessions as the attendee's schedule shows them, resolved to text (in the meeting's
//! time), and the first screen of a schedule: what the attendee view draws first, and what a
//! published file carries so that its page can show it before the app's code has loaded.

use chrono::NaiveTime;

use super::ids::SessionId;
use super::meeting::{Day, Meeting};
use super::programme::NameStyle;
use super::schedule::{hh_mm, long_date, short_date};
use super::session::{Placement, Session};

/// How many sessions a schedule draws at once before the first paint (a phone's first
/// screen and more; a wide screen's grid shows about this many).
pub const FIRST_SCREEN: usize = 24;

/// Minutes per grid row on wide screens.
pub const GRID_STEP: u32 = 5;

/// A session as the schedule shows it, resolved to text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlotText {
    pub id: SessionId,
    /// The session's kind (`SessionKind::as_str`), for its class.
    pub kind: &'static str,
    /// `grid-column` on wide screens: the room's column, or every column.
    pub column: String,
    /// `grid-row` on wide screens: rows of [`GRID_STEP`] minutes from the day's start.
    pub rows: String,
    /// "09:00–10:00", in the meeting's time.
    pub time: String,
    pub place: String,
    pub title: String,
    /// Theme names and colours.
    pub themes: Vec<(String, String)>,
    /// "Moderator: H.E. X · Panelists: A, B".
    pub people: String,
}

/// "Moderator: H.E. X · Panelists: A, B".
pub fn people_line(m: &Meeting, s: &Session) -> String {
    m.entry(s, NameStyle::default())
        .roles
        .into_iter()
        .map(|g| {
            let names: Vec<String> = g.people.into_iter().map(|p| p.name).collect();
            format!("{}: {}", g.heading, names.join(", "))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Session `s` of a day whose grid starts at `day_start`.
pub fn slot_text(m: &Meeting, day_start: NaiveTime, s: &Session) -> SlotText {
    let row = |minutes: i64| {
        (minutes - super::session::minutes_of(day_start)).max(0) as u32 / GRID_STEP + 2
    };
    SlotText {
        id: s.id,
        kind: s.kind.as_str(),
        column: match s.placement {
            Placement::AllRooms => "1 / -1".to_string(),
            Placement::Room(id) => {
                let i = m.rooms.iter().position(|r| r.id == id).unwrap_or(0);
                (i + 1).to_string()
            }
        },
        rows: format!(
            "{} / {}",
            row(s.starts()),
            row(s.ends()).max(row(s.starts()) + 1)
        ),
        time: format!("{}–{}", hh_mm(s.start), hh_mm(s.end)),
        place: m.placement_label(s.placement),
        title: s.title.clone(),
        themes: s
            .themes
            .iter()
            .filter_map(|t| m.theme(*t))
            .map(|t| (t.name.clone(), t.colour.clone()))
            .collect(),
        people: people_line(m, s),
    }
}

/// The line under the title: when the times are.
pub fn venue_time_note(timezone: &str) -> String {
    format!("All times are local to the venue ({timezone}).")
}

/// "12 sessions", or "3 of 12 sessions" when a filter is on.
pub fn session_count(shown: usize, total: usize, filtered: bool) -> String {
    let noun = if total == 1 { "session" } else { "sessions" };
    if filtered {
        format!("{shown} of {total} {noun}")
    } else {
        format!("{total} {noun}")
    }
}

/// The meeting's dates, and its place when it has one: "19–20 September 2022 · New York".
pub fn when_line(m: &Meeting) -> String {
    let place = m.place_label();
    if place.is_empty() {
        m.dates_label()
    } else {
        format!("{} · {place}", m.dates_label())
    }
}

/// The first screen of the schedule as an attendee opens it (the first day, no filter, the
/// meeting's time), resolved to text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FirstScreen {
    pub edition: String,
    pub title: String,
    pub when: String,
    pub timezone_note: String,
    /// Each day's tab: its label and short date.
    pub days: Vec<(String, String)>,
    /// The first day's date as its heading says it.
    pub date: String,
    pub count: String,
    pub rooms: Vec<String>,
    /// The first [`FIRST_SCREEN`] sessions of the first day.
    pub slots: Vec<SlotText>,
}

/// The first day and its sessions in programme order.
pub fn first_day(m: &Meeting) -> Option<(&Day, Vec<&Session>)> {
    let day = *m.days_in_order().first()?;
    Some((day, m.sessions_on(day.id)))
}

/// The first screen of `m`'s schedule, or `None` for a meeting without days.
pub fn first_screen(m: &Meeting) -> Option<FirstScreen> {
    let (day, sessions) = first_day(m)?;
    Some(FirstScreen {
        edition: m.edition.clone(),
        title: m.title.clone(),
        when: when_line(m),
        timezone_note: venue_time_note(&m.timezone),
        days: m
            .days_in_order()
            .into_iter()
            .map(|d| (d.label.clone(), short_date(d.date)))
            .collect(),
        date: long_date(day.date),
        count: session_count(sessions.len(), sessions.len(), false),
        rooms: m.rooms.iter().map(|r| r.name.clone()).collect(),
        slots: sessions
            .iter()
            .take(FIRST_SCREEN)
            .map(|s| slot_text(m, day.start, s))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::sample_meeting;

    #[test]
    fn the_first_screen_is_the_first_days_first_sessions_in_programme_order() {
        let m = sample_meeting();
        let screen = first_screen(&m).expect("the sample has days");
        let (_, day) = first_day(&m).expect("a first day");
        assert_eq!(screen.slots.len(), day.len().min(FIRST_SCREEN));
        let titles: Vec<&str> = screen.slots.iter().map(|s| s.title.as_str()).collect();
        let expected: Vec<&str> = day
            .iter()
            .take(FIRST_SCREEN)
            .map(|s| s.title.as_str())
            .collect();
        assert_eq!(titles, expected);
        assert_eq!(screen.title, m.title);
        assert_eq!(screen.days.len(), m.days.len());
        assert_eq!(screen.count, format!("{} sessions", day.len()));
    }

    #[test]
    fn a_slot_spans_its_rows_and_an_all_rooms_session_every_column() {
        let m = sample_meeting();
        let (first, day) = first_day(&m).expect("a first day");
        let start = first.start;
        let s = day[0];
        let slot = slot_text(&m, start, s);
        let minutes = (s.start - start).num_minutes() as u32;
        assert!(slot
            .rows
            .starts_with(&format!("{} / ", minutes / GRID_STEP + 2)));
        assert_eq!(slot.time, format!("{}–{}", hh_mm(s.start), hh_mm(s.end)));
        if let Some(all) = day.iter().find(|s| s.placement == Placement::AllRooms) {
            assert_eq!(slot_text(&m, start, all).column, "1 / -1");
        }
    }

    #[test]
    fn a_meeting_without_days_has_no_first_screen() {
        assert_eq!(first_screen(&Meeting::default()), None);
    }

    #[test]
    fn one_session_is_counted_in_the_singular() {
        assert_eq!(session_count(1, 1, false), "1 session");
        assert_eq!(session_count(2, 5, true), "2 of 5 sessions");
    }
}
