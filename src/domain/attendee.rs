//! What the attendee view decides, as pure functions: which sessions a filter keeps, how a
//! filter reads from and writes to the URL (so a filtered view can be shared), and where the
//! meeting stands now (before, during with the current and next sessions, after).

use chrono::NaiveDateTime;

use super::ids::{DayId, RoomId, SessionId, ThemeId};
use super::meeting::Meeting;
use super::session::{Placement, Session};

/// The attendee's view: day, filters, the open session and page. Written into the URL's query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    pub day: Option<DayId>,
    pub themes: Vec<ThemeId>,
    pub rooms: Vec<RoomId>,
    /// Free text over titles, people and organizations (as typed).
    pub query: String,
    pub starred_only: bool,
    /// The session whose details are open.
    pub session: Option<SessionId>,
    /// The people directory instead of the schedule.
    pub people: bool,
    /// Times in the viewer's own timezone instead of the meeting's.
    pub my_time: bool,
    /// The published file shown (`src=`): kept in the address with the rest, so that a
    /// reload (or a bookmark) opens the same schedule.
    pub source: Option<String>,
}

/// A query value percent-encoded as forms and `URLSearchParams` write it (a space is "+").
pub fn query_value(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// The `key=value` pairs of a query string (with or without its "?"), decoded: "+" is a space,
/// malformed escapes are kept as written.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn ids(text: &str) -> Vec<u32> {
    text.split(',')
        .filter_map(|t| t.trim().parse().ok())
        .collect()
}

impl ViewState {
    /// "day=2&theme=1,3&room=2&q=early%20warning&starred=1&session=7&people=1&mytime=1",
    /// leaving out what is at its default.
    pub fn to_query(&self) -> String {
        let join = |list: &[u32]| {
            list.iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(",")
        };
        let mut parts = Vec::new();
        if let Some(src) = &self.source {
            parts.push(format!("src={}", query_value(src)));
        }
        if let Some(d) = self.day {
            parts.push(format!("day={d}"));
        }
        if !self.themes.is_empty() {
            let list: Vec<u32> = self.themes.iter().map(|t| t.0).collect();
            parts.push(format!("theme={}", join(&list)));
        }
        if !self.rooms.is_empty() {
            let list: Vec<u32> = self.rooms.iter().map(|r| r.0).collect();
            parts.push(format!("room={}", join(&list)));
        }
        if !self.query.trim().is_empty() {
            parts.push(format!("q={}", query_value(self.query.trim())));
        }
        if self.starred_only {
            parts.push("starred=1".into());
        }
        if let Some(s) = self.session {
            parts.push(format!("session={s}"));
        }
        if self.people {
            parts.push("people=1".into());
        }
        if self.my_time {
            parts.push("mytime=1".into());
        }
        parts.join("&")
    }

    /// Reads a query string (with or without its "?"); what it does not know is ignored.
    pub fn from_query(query: &str) -> ViewState {
        let mut view = ViewState::default();
        for (key, value) in query_pairs(query) {
            let value = value.as_str();
            match key.as_str() {
                "day" => view.day = value.parse().ok().map(DayId),
                "theme" => view.themes = ids(value).into_iter().map(ThemeId).collect(),
                "room" => view.rooms = ids(value).into_iter().map(RoomId).collect(),
                "q" => view.query = value.to_string(),
                "starred" => view.starred_only = value == "1",
                "session" => view.session = value.parse().ok().map(SessionId),
                "people" => view.people = value == "1",
                "mytime" => view.my_time = value == "1",
                // The first, as the page's loader (URLSearchParams.get) reads it.
                "src" if view.source.is_none() => view.source = Some(value.to_string()),
                _ => {}
            }
        }
        view
    }

    /// Where the attendee is (a day, a session's details, the people): a change of place is a
    /// step Back can return from; a change of filters is not.
    pub fn place(&self) -> (Option<DayId>, Option<SessionId>, bool) {
        (self.day, self.session, self.people)
    }

    /// Whether any filter narrows the schedule.
    pub fn is_filtered(&self) -> bool {
        !self.themes.is_empty()
            || !self.rooms.is_empty()
            || !self.query.trim().is_empty()
            || self.starred_only
    }

    /// How many filters narrow the schedule (each theme, each room, the search, starred only).
    pub fn filter_count(&self) -> usize {
        self.themes.len()
            + self.rooms.len()
            + usize::from(!self.query.trim().is_empty())
            + usize::from(self.starred_only)
    }

    /// Drops every filter.
    pub fn clear_filters(&mut self) {
        self.themes.clear();
        self.rooms.clear();
        self.query.clear();
        self.starred_only = false;
    }

    /// Whether the filters keep this session. `fold` is the case folding used for `query`.
    pub fn keeps(
        &self,
        m: &Meeting,
        s: &Session,
        starred: &[SessionId],
        fold: &dyn Fn(&str) -> String,
    ) -> bool {
        if self.starred_only && !starred.contains(&s.id) {
            return false;
        }
        if !self.themes.is_empty() && !s.themes.iter().any(|t| self.themes.contains(t)) {
            return false;
        }
        if !self.rooms.is_empty() {
            let in_room = match s.placement {
                Placement::AllRooms => true,
                Placement::Room(r) => self.rooms.contains(&r),
            };
            if !in_room {
                return false;
            }
        }
        let query = fold(self.query.trim());
        if query.is_empty() {
            return true;
        }
        fold(&s.title).contains(&query)
            || s.participants.iter().any(|p| {
                m.person(p.person)
                    .is_some_and(|person| person.matches(&query, fold))
            })
    }
}

/// Where the meeting stands at a moment (local time at the venue).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Moment {
    /// Nothing has started yet.
    Before,
    /// Between the first start and the last end: what is on and what comes next (several
    /// sessions when they run in parallel; `next` may be on a later day).
    During {
        current: Vec<SessionId>,
        next: Vec<SessionId>,
        /// The day of the current session, or else of the next one.
        day: Option<DayId>,
    },
    /// Everything has ended.
    After,
}

/// The meeting's state at `now` (local time at the venue).
pub fn moment(m: &Meeting, now: NaiveDateTime) -> Moment {
    let mut all: Vec<(NaiveDateTime, NaiveDateTime, &Session)> = m
        .sessions
        .iter()
        .filter_map(|s| {
            let date = m.day(s.day)?.date;
            Some((date.and_time(s.start), s.end_on(date), s))
        })
        .collect();
    if all.is_empty() {
        return Moment::After;
    }
    crate::domain::order::sort_by_key(&mut all, |(start, end, s)| (*start, *end, s.id));
    let first = all.iter().map(|(start, _, _)| *start).min();
    let last = all.iter().map(|(_, end, _)| *end).max();
    if first.is_some_and(|f| now < f) {
        return Moment::Before;
    }
    if last.is_some_and(|l| now >= l) {
        return Moment::After;
    }
    let current: Vec<&Session> = all
        .iter()
        .filter(|(start, end, _)| *start <= now && now < *end)
        .map(|(_, _, s)| *s)
        .collect();
    let next_start = all
        .iter()
        .map(|(start, _, _)| *start)
        .find(|start| *start > now);
    let next: Vec<&Session> = all
        .iter()
        .filter(|(start, _, _)| Some(*start) == next_start)
        .map(|(_, _, s)| *s)
        .collect();
    let day = current.first().or(next.first()).map(|s| s.day);
    Moment::During {
        current: current.iter().map(|s| s.id).collect(),
        next: next.iter().map(|s| s.id).collect(),
        day,
    }
}
