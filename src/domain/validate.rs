//! Structural validation: what makes a meeting unusable, with typed errors that say where.
//!
//! These are hard rules (a session must end after it starts, ids must point somewhere).
//! Scheduling advice (clashes, missing moderators) is a separate, softer check.

use std::collections::HashSet;

use chrono::{NaiveDate, NaiveTime};
use thiserror::Error;

use super::ids::{DayId, PersonId, RoomId, SessionId, ThemeId};
use super::meeting::Meeting;
use super::schedule::hh_mm;
use super::session::{Placement, Role, Session};

/// One reason a meeting is not valid.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ValidationError {
    #[error("the meeting has no title")]
    EmptyMeetingTitle,
    #[error("two {kind} share the id {id}")]
    DuplicateId { kind: &'static str, id: u32 },
    #[error("day {date} ends at {}, which is not after its start at {}", hh_mm(*.end), hh_mm(*.start))]
    DayEndNotAfterStart {
        date: NaiveDate,
        start: NaiveTime,
        end: NaiveTime,
    },
    #[error(
        "the check setting “{setting}” is {value}; it must be between 0 and {}",
        super::settings::MAX_SETTING
    )]
    CheckSettingOutOfRange { setting: &'static str, value: i64 },
    #[error("two days have the same date, {date}")]
    DuplicateDate { date: NaiveDate },
    #[error("a room has no name (room {room})")]
    EmptyRoomName { room: RoomId },
    #[error("a theme has no name (theme {theme})")]
    EmptyThemeName { theme: ThemeId },
    #[error("theme “{name}” has colour “{colour}”, which is not of the form #rrggbb")]
    InvalidColour { name: String, colour: String },
    #[error("a person has neither a given nor a family name (person {person})")]
    EmptyPersonName { person: PersonId },
    #[error("session {session} has no title")]
    EmptySessionTitle { session: SessionId },
    #[error("session “{title}” ends at {}, which is not after its start at {}", hh_mm(*.end), hh_mm(*.start))]
    EndNotAfterStart {
        session: SessionId,
        title: String,
        start: NaiveTime,
        end: NaiveTime,
    },
    #[error("session “{title}” ({}–{}) is outside its day ({}–{})", hh_mm(*.start), hh_mm(*.end), hh_mm(*.day_start), hh_mm(*.day_end))]
    OutsideDay {
        session: SessionId,
        title: String,
        start: NaiveTime,
        end: NaiveTime,
        day_start: NaiveTime,
        day_end: NaiveTime,
    },
    #[error("session “{title}” is on day {day}, which does not exist")]
    UnknownDay {
        session: SessionId,
        title: String,
        day: DayId,
    },
    #[error("session “{title}” is in room {room}, which does not exist")]
    UnknownRoom {
        session: SessionId,
        title: String,
        room: RoomId,
    },
    #[error("session “{title}” has theme {theme}, which does not exist")]
    UnknownTheme {
        session: SessionId,
        title: String,
        theme: ThemeId,
    },
    #[error("session “{title}” lists person {person}, who does not exist")]
    UnknownPerson {
        session: SessionId,
        title: String,
        person: PersonId,
    },
    #[error("session “{title}” has the guid “{guid}”, which is not a UUID")]
    InvalidGuid {
        session: SessionId,
        title: String,
        guid: String,
    },
    #[error("sessions “{title}” and “{other}” have the same guid, {guid}")]
    DuplicateGuid {
        session: SessionId,
        title: String,
        other: String,
        guid: String,
    },
    #[error("recommendation {number} has no text")]
    EmptyRecommendation { number: usize },
    #[error("recommendation {number} names session {session}, which does not exist")]
    UnknownRecommendationSession { number: usize, session: SessionId },
    #[error("recommendation {number} names theme {theme}, which does not exist")]
    UnknownRecommendationTheme { number: usize, theme: ThemeId },
    #[error("{field} is {chars} characters long; at most {limit} are allowed")]
    TooLong {
        field: String,
        chars: usize,
        limit: usize,
    },
    #[error("session “{title}” lists {name} twice as {role}")]
    DuplicateParticipant {
        session: SessionId,
        title: String,
        name: String,
        role: &'static str,
    },
}

/// Most characters of a one-line field: a title, a name, a label, a position.
pub const MAX_LINE_CHARS: usize = 300;
/// Most characters of a field of paragraphs: a description, a biography, key messages.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// `text` as a message names it: at most 60 characters, then "…" (so no message carries a
/// field in full, however long it is).
pub fn brief(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// How many items a list of errors or problems shows: the rest are counted.
pub const SHOWN: usize = 10;

/// The first [`SHOWN`] of `items` joined by "; ", each at most 300 characters, then
/// "…and N more": an error message stays short however much is wrong.
pub fn listed<T: std::fmt::Display>(items: &[T]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().take(SHOWN).enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        let text = item.to_string();
        match text.char_indices().nth(300) {
            Some((at, _)) => {
                out.push_str(&text[..at]);
                out.push('…');
            }
            None => out.push_str(&text),
        }
    }
    if items.len() > SHOWN {
        out.push_str(&format!("; …and {} more", items.len() - SHOWN));
    }
    out
}

/// The error for a field longer than `limit` characters, if it is; `field` names it.
fn too_long(text: &str, limit: usize, field: impl FnOnce() -> String) -> Option<ValidationError> {
    // Bytes are at least characters: only a long text is counted.
    if text.len() <= limit {
        return None;
    }
    let chars = text.chars().count();
    (chars > limit).then(|| ValidationError::TooLong {
        field: field(),
        chars,
        limit,
    })
}

/// Whether `text` is a UUID as the schedule formats write it ("8-4-4-4-12" hex digits).
pub fn is_uuid(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 36
        && bytes.iter().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => *b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

/// Whether `colour` is a CSS hex colour "#rrggbb".
pub fn is_hex_colour(colour: &str) -> bool {
    let bytes = colour.as_bytes();
    bytes.len() == 7 && bytes[0] == b'#' && bytes[1..].iter().all(u8::is_ascii_hexdigit)
}

fn duplicate_ids(
    kind: &'static str,
    ids: impl Iterator<Item = u32>,
    errors: &mut Vec<ValidationError>,
) {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            errors.push(ValidationError::DuplicateId { kind, id });
        }
    }
}

impl Meeting {
    /// Every structural error in the meeting, in a stable order; empty when valid.
    pub fn validate(&self) -> Vec<ValidationError> {
        use ValidationError as E;
        let mut errors = Vec::new();
        if self.title.trim().is_empty() {
            errors.push(E::EmptyMeetingTitle);
        }
        duplicate_ids("days", self.days.iter().map(|d| d.id.0), &mut errors);
        duplicate_ids("rooms", self.rooms.iter().map(|r| r.id.0), &mut errors);
        duplicate_ids("themes", self.themes.iter().map(|t| t.id.0), &mut errors);
        duplicate_ids("people", self.people.iter().map(|p| p.id.0), &mut errors);
        duplicate_ids(
            "sessions",
            self.sessions.iter().map(|s| s.id.0),
            &mut errors,
        );

        for (setting, value) in [
            ("changeover minutes", self.checks.changeover_minutes),
            ("confirm within days", self.checks.confirm_within_days),
            ("gap minutes", self.checks.gap_minutes),
        ] {
            if !(0..=super::settings::MAX_SETTING).contains(&value) {
                errors.push(E::CheckSettingOutOfRange { setting, value });
            }
        }
        let mut dates = HashSet::new();
        for day in &self.days {
            if day.ends() <= day.starts() || day.ends() - day.starts() >= 1440 {
                errors.push(E::DayEndNotAfterStart {
                    date: day.date,
                    start: day.start,
                    end: day.end,
                });
            }
            if !dates.insert(day.date) {
                errors.push(E::DuplicateDate { date: day.date });
            }
        }
        for room in self.rooms.iter().filter(|r| r.name.trim().is_empty()) {
            errors.push(E::EmptyRoomName { room: room.id });
        }
        for theme in &self.themes {
            if theme.name.trim().is_empty() {
                errors.push(E::EmptyThemeName { theme: theme.id });
            }
            if !is_hex_colour(&theme.colour) {
                errors.push(E::InvalidColour {
                    name: brief(&theme.name),
                    colour: brief(&theme.colour),
                });
            }
        }
        for person in self
            .people
            .iter()
            .filter(|p| p.given_name.trim().is_empty() && p.family_name.trim().is_empty())
        {
            errors.push(E::EmptyPersonName { person: person.id });
        }

        let people: HashSet<PersonId> = self.people.iter().map(|p| p.id).collect();
        // Sessions with a guid, by guid (lower case), to find any given twice.
        let mut guids: Vec<(String, &Session)> = Vec::new();
        for session in &self.sessions {
            let title = || brief(&session.title);
            if !session.guid.is_empty() {
                if is_uuid(&session.guid) {
                    guids.push((session.guid.to_ascii_lowercase(), session));
                } else {
                    errors.push(E::InvalidGuid {
                        session: session.id,
                        title: title(),
                        guid: brief(&session.guid),
                    });
                }
            }
            if session.title.trim().is_empty() {
                errors.push(E::EmptySessionTitle {
                    session: session.id,
                });
            }
            self.session_time_errors(session, &mut errors);
            if let Placement::Room(room) = session.placement {
                if self.room(room).is_none() {
                    errors.push(E::UnknownRoom {
                        session: session.id,
                        title: title(),
                        room,
                    });
                }
            }
            for &theme in &session.themes {
                if self.theme(theme).is_none() {
                    errors.push(E::UnknownTheme {
                        session: session.id,
                        title: title(),
                        theme,
                    });
                }
            }
            let mut seen: HashSet<(PersonId, Role)> = HashSet::new();
            for participant in &session.participants {
                if !people.contains(&participant.person) {
                    errors.push(E::UnknownPerson {
                        session: session.id,
                        title: title(),
                        person: participant.person,
                    });
                } else if !seen.insert((participant.person, participant.role)) {
                    errors.push(E::DuplicateParticipant {
                        session: session.id,
                        title: title(),
                        name: self
                            .person(participant.person)
                            .map(|p| p.name())
                            .unwrap_or_default(),
                        role: participant.role.heading(1),
                    });
                }
            }
            for item in &session.items {
                if let Some(person) = item.person.filter(|p| !people.contains(p)) {
                    errors.push(E::UnknownPerson {
                        session: session.id,
                        title: title(),
                        person,
                    });
                }
            }
        }
        crate::domain::order::sort_by(&mut guids, |a, b| a.0.cmp(&b.0));
        for pair in guids.windows(2) {
            if pair[0].0 == pair[1].0 {
                errors.push(E::DuplicateGuid {
                    session: pair[1].1.id,
                    title: brief(&pair[1].1.title),
                    other: brief(&pair[0].1.title),
                    guid: pair[1].1.guid.clone(),
                });
            }
        }
        self.record_errors(&mut errors);
        self.length_errors(&mut errors);
        errors
    }

    /// The fields longer than their limit ([`MAX_LINE_CHARS`], [`MAX_TEXT_CHARS`]).
    fn length_errors(&self, errors: &mut Vec<ValidationError>) {
        const LINE: usize = MAX_LINE_CHARS;
        const TEXT: usize = MAX_TEXT_CHARS;
        let mut check = |text: &str, limit: usize, field: &dyn Fn() -> String| {
            errors.extend(too_long(text, limit, field));
        };
        for (text, limit, name) in [
            (&self.title, LINE, "title"),
            (&self.short_name, LINE, "short name"),
            (&self.edition, LINE, "edition"),
            (&self.host, LINE, "host"),
            (&self.venue, LINE, "venue"),
            (&self.city, LINE, "city"),
            (&self.timezone, LINE, "timezone"),
            (&self.description, TEXT, "description"),
            (&self.record.introduction, TEXT, "introduction"),
            (&self.record.closing, TEXT, "closing text"),
        ] {
            check(text, limit, &|| format!("the meeting's {name}"));
        }
        for day in &self.days {
            check(&day.label, LINE, &|| {
                format!("the label of day {}", day.date)
            });
        }
        for room in &self.rooms {
            let of = |what: &str| format!("the {what} of room {}", room.id);
            check(&room.name, LINE, &|| of("name"));
            check(&room.description, TEXT, &|| of("description"));
        }
        for theme in &self.themes {
            let of = |what: &str| format!("the {what} of theme {}", theme.id);
            check(&theme.name, LINE, &|| of("name"));
            check(&theme.description, TEXT, &|| of("description"));
        }
        for p in &self.people {
            let of = |what: &str| format!("the {what} of person {}", p.id);
            for (text, limit, what) in [
                (&p.honorific, LINE, "honorific"),
                (&p.given_name, LINE, "given name"),
                (&p.family_name, LINE, "family name"),
                (&p.position, LINE, "position"),
                (&p.organization, LINE, "organization"),
                (&p.organization_short, LINE, "short organization"),
                (&p.bio, TEXT, "biography"),
            ] {
                check(text, limit, &|| of(what));
            }
        }
        for s in &self.sessions {
            let of = |what: &str| format!("the {what} of session {}", s.id);
            for (text, limit, what) in [
                (&s.title, LINE, "title"),
                (&s.description, TEXT, "description"),
                (&s.guid, LINE, "guid"),
                (&s.source_type, LINE, "type"),
                (&s.outcomes, TEXT, "key messages"),
            ] {
                check(text, limit, &|| of(what));
            }
            for (i, item) in s.items.iter().enumerate() {
                check(&item.title, LINE, &|| {
                    format!("run-of-show item {} of session {}", i + 1, s.id)
                });
            }
        }
        for (i, rec) in self.record.recommendations.iter().enumerate() {
            check(&rec.text, TEXT, &|| format!("recommendation {}", i + 1));
        }
        for d in &self.checks.dismissed {
            check(&d.key, TEXT, &|| "a dismissed finding's key".to_string());
            check(&d.message, TEXT, &|| {
                "a dismissed finding's message".to_string()
            });
        }
    }

    /// The errors in the record: a recommendation without text, or naming a session or theme
    /// the meeting does not have.
    fn record_errors(&self, errors: &mut Vec<ValidationError>) {
        use ValidationError as E;
        if self.record.recommendations.is_empty() {
            return;
        }
        let sessions: HashSet<SessionId> = self.sessions.iter().map(|s| s.id).collect();
        let themes: HashSet<ThemeId> = self.themes.iter().map(|t| t.id).collect();
        for (i, rec) in self.record.recommendations.iter().enumerate() {
            let number = i + 1;
            if rec.text.trim().is_empty() {
                errors.push(E::EmptyRecommendation { number });
            }
            for &session in rec.sessions.iter().filter(|s| !sessions.contains(s)) {
                errors.push(E::UnknownRecommendationSession { number, session });
            }
            for &theme in rec.themes.iter().filter(|t| !themes.contains(t)) {
                errors.push(E::UnknownRecommendationTheme { number, theme });
            }
        }
    }

    /// The errors in a session's times: not ending after it starts, on no day of the meeting,
    /// or (when it has a time) outside its day.
    fn session_time_errors(&self, session: &Session, errors: &mut Vec<ValidationError>) {
        use ValidationError as E;
        let title = || brief(&session.title);
        if session.duration_minutes() <= 0 || session.duration_minutes() >= 1440 {
            errors.push(E::EndNotAfterStart {
                session: session.id,
                title: title(),
                start: session.start,
                end: session.end,
            });
        }
        match self.day(session.day) {
            None => errors.push(E::UnknownDay {
                session: session.id,
                title: title(),
                day: session.day,
            }),
            // A session with no time yet keeps only its length: its times are no day's.
            Some(day)
                if !session.unscheduled
                    && (session.starts() < day.starts() || session.ends() > day.ends()) =>
            {
                errors.push(E::OutsideDay {
                    session: session.id,
                    title: title(),
                    start: session.start,
                    end: session.end,
                    day_start: day.start,
                    day_end: day.end,
                })
            }
            Some(_) => {}
        }
    }

    /// The errors in the times of these sessions only: what an edit that changes nothing but
    /// their times can break (so such an edit need not check the whole meeting).
    pub fn time_errors(&self, sessions: &[SessionId]) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        for s in self.sessions.iter().filter(|s| sessions.contains(&s.id)) {
            self.session_time_errors(s, &mut errors);
        }
        errors
    }
}
