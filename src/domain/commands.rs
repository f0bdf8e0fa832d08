//! The changes the editor's controls ask for, made into [`Edit`]s: ids for new items, adding a
//! session from a template, saving a session from its form (optionally moving every later
//! session of its day by the same amount), duplicating, moving a session onto another slot.
//! The views only map events to these.

use chrono::NaiveTime;

use super::edit::{Edit, EditError, Item, ItemId};
use super::ids::{next_id, DayId, PersonId, RoomId, SessionId, ThemeId};
use super::meeting::Meeting;
use super::person::Person;
use super::session::{Placement, Session, Template};

impl Meeting {
    /// The id a new day gets: one more than the largest in use.
    pub fn new_day_id(&self) -> DayId {
        DayId(next_id(self.days.iter().map(|x| x.id.0)))
    }

    pub fn new_room_id(&self) -> RoomId {
        RoomId(next_id(self.rooms.iter().map(|x| x.id.0)))
    }

    pub fn new_theme_id(&self) -> ThemeId {
        ThemeId(next_id(self.themes.iter().map(|x| x.id.0)))
    }

    pub fn new_person_id(&self) -> PersonId {
        PersonId(next_id(self.people.iter().map(|x| x.id.0)))
    }

    pub fn new_session_id(&self) -> SessionId {
        SessionId(next_id(self.sessions.iter().map(|x| x.id.0)))
    }
}

/// Several edits as one undo step; one edit as itself.
fn one_step(mut edits: Vec<Edit>) -> Edit {
    if edits.len() == 1 {
        edits.remove(0)
    } else {
        Edit::Batch(edits)
    }
}

impl Edit {
    /// Adds a session from a template (its title, kind and usual length) on `day` at `start`;
    /// returns the edit and the new session's id.
    pub fn add_session(
        m: &Meeting,
        template: Template,
        day: DayId,
        start: NaiveTime,
        placement: Placement,
    ) -> (Edit, SessionId) {
        let id = m.new_session_id();
        let session = Session::new(id, template, day, start, placement);
        (Edit::Put(Box::new(Item::Session(session))), id)
    }

    /// Saves a session as its form gives it, creating `new_person` first (someone added to the
    /// session who is not yet in the meeting). With `shift_later`, every other session of the
    /// session's former day that started at or after its former start moves by as much as
    /// its start moved. One undo step.
    pub fn save_session(
        m: &Meeting,
        session: Session,
        new_person: Option<Person>,
        shift_later: bool,
    ) -> Edit {
        let mut edits = Vec::new();
        if let Some(person) = new_person {
            edits.push(Edit::Put(Box::new(Item::Person(person))));
        }
        let shift = m
            .session(session.id)
            .filter(|_| shift_later)
            .map(|old| {
                let by = (session.start - old.start).num_minutes();
                match Edit::shift_from(m, old.day, old.start, by) {
                    Edit::Shift(mut later, by) => {
                        later.retain(|id| *id != old.id);
                        (later, by)
                    }
                    _ => (Vec::new(), 0),
                }
            })
            .filter(|(later, by)| *by != 0 && !later.is_empty())
            .map(|(later, by)| Edit::Shift(later, by));
        // The form does not show the id other systems know the session by: it stays; so does
        // the type an imported file gave it, unless its kind was changed.
        let session = match m.session(session.id) {
            Some(old) => Session {
                guid: if session.guid.is_empty() {
                    old.guid.clone()
                } else {
                    session.guid
                },
                source_type: if session.source_type.is_empty() && session.kind == old.kind {
                    old.source_type.clone()
                } else {
                    session.source_type
                },
                ..session
            },
            None => session,
        };
        edits.push(Edit::Put(Box::new(Item::Session(session))));
        edits.extend(shift);
        one_step(edits)
    }

    /// A copy of `session` (as its form gives it, `new_person` created first) under a new id,
    /// titled "… (copy)"; returns the edit and the copy's id.
    pub fn duplicate_session(
        m: &Meeting,
        session: Session,
        new_person: Option<Person>,
    ) -> (Edit, SessionId) {
        let id = m.new_session_id();
        // A new session: other systems know it by an id of its own.
        let copy = Session {
            id,
            title: format!("{} (copy)", session.title),
            guid: String::new(),
            ..session
        };
        let mut edits = Vec::new();
        if let Some(person) = new_person {
            edits.push(Edit::Put(Box::new(Item::Person(person))));
        }
        edits.push(Edit::Put(Box::new(Item::Session(copy))));
        (one_step(edits), id)
    }

    /// Moves a session to another day, start and place, keeping its length and the times of
    /// its run of show relative to its start.
    pub fn move_session(
        m: &Meeting,
        id: SessionId,
        day: DayId,
        start: NaiveTime,
        placement: Placement,
    ) -> Result<Edit, EditError> {
        let s = m
            .session(id)
            .ok_or(EditError::NotFound(ItemId::Session(id)))?;
        let by = start.signed_duration_since(s.start);
        let moved = |t: NaiveTime| -> Result<NaiveTime, EditError> {
            let (time, wrapped) = t.overflowing_add_signed(by);
            if wrapped != 0 {
                return Err(EditError::PastMidnight {
                    title: s.title.clone(),
                    minutes: by.num_minutes(),
                });
            }
            Ok(time)
        };
        let mut session = s
            .shifted(by.num_minutes())
            .ok_or_else(|| EditError::PastMidnight {
                title: s.title.clone(),
                minutes: by.num_minutes(),
            })?;
        session.day = day;
        session.placement = placement;
        session.unscheduled = false;
        for item in &mut session.items {
            item.time = moved(item.time)?;
        }
        Ok(Edit::Put(Box::new(Item::Session(session))))
    }

    /// Moves the session `source` to the start (and day) of the session `target`, keeping its
    /// place and length: what dropping one session on another does.
    pub fn move_onto(m: &Meeting, source: SessionId, target: SessionId) -> Result<Edit, EditError> {
        let s = m
            .session(source)
            .ok_or(EditError::NotFound(ItemId::Session(source)))?;
        let t = m
            .session(target)
            .ok_or(EditError::NotFound(ItemId::Session(target)))?;
        Edit::move_session(m, source, t.day, t.start, s.placement)
    }

    /// An edit that moves every session of `day` starting at or after `from` by `minutes`:
    /// "shift every later session of that day by the same amount".
    pub fn shift_from(meeting: &Meeting, day: DayId, from: NaiveTime, minutes: i64) -> Edit {
        let ids = meeting
            .sessions
            .iter()
            .filter(|s| s.day == day && s.start >= from)
            .map(|s| s.id)
            .collect();
        Edit::Shift(ids, minutes)
    }

    /// Moves sessions by `minutes` (negative: earlier).
    pub fn nudge(id: SessionId, minutes: i64) -> Edit {
        Edit::Shift(vec![id], minutes)
    }
}

/// Minutes a keyboard nudge moves a session.
pub const NUDGE_MINUTES: i64 = 5;

/// "1 session", "5 sessions".
fn sessions(n: usize) -> String {
    if n == 1 {
        "1 session".into()
    } else {
        format!("{n} sessions")
    }
}

impl Meeting {
    /// What removing `id` takes away, said before it goes ("Day 2 (Fri 16 Sep) removed with
    /// its 5 sessions."), for the notice that offers to undo it; `None` when there is no such
    /// item.
    pub fn removal_summary(&self, id: ItemId) -> Option<String> {
        let uses = |f: &dyn Fn(&Session) -> bool| self.sessions.iter().filter(|s| f(s)).count();
        let from = |n: usize| {
            if n == 0 {
                String::new()
            } else {
                format!(" and taken out of {}", sessions(n))
            }
        };
        Some(match id {
            ItemId::Day(d) => {
                let day = self.day(d)?;
                let date = super::schedule::short_date(day.date);
                let name = if day.label.trim().is_empty() {
                    date
                } else {
                    format!("{} ({date})", day.label.trim())
                };
                // Sessions with no time yet stay (on another day) while one is left.
                let stays = |s: &Session| s.unscheduled && self.days.len() > 1;
                match uses(&|s| s.day == d && !stays(s)) {
                    0 => format!("{name} removed."),
                    n => format!("{name} removed with its {}.", sessions(n)),
                }
            }
            ItemId::Session(s) => format!("“{}” removed.", self.session(s)?.title),
            ItemId::Person(p) => {
                let name = self.person(p)?.display_name(true);
                let n = uses(&|s| s.participants.iter().any(|x| x.person == p));
                format!("{name} removed{}.", from(n))
            }
            ItemId::Theme(t) => {
                let theme = self.themes.iter().find(|x| x.id == t)?;
                let n = uses(&|s| s.themes.contains(&t));
                format!("Theme “{}” removed{}.", theme.name, from(n))
            }
            ItemId::Room(r) => format!("Room “{}” removed.", self.room(r)?.name),
        })
    }
}
