//! Commands the UI applies to a meeting. Every change goes through [`Edit::apply`], which
//! either applies the whole edit and returns the edit that undoes it exactly, or refuses it and
//! leaves the meeting as it was. Undo, saving and tab sync all see this one stream of changes.
//!
//! The set is small on purpose: put (insert or replace) or remove any item by id, shift
//! sessions in time, change the meeting's details, replace the whole meeting, and batches of
//! these. Finer changes (a participant added, an item reordered) are a `Put` of the changed
//! session, so each has an exact inverse without a command of its own.

use chrono::Duration;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::ids::{DayId, PersonId, RoomId, SessionId, ThemeId};
use super::meeting::{Day, Meeting, Room, Theme};
use super::person::Person;
use super::record::Record;
use super::session::{Placement, Session};
use super::settings::CheckSettings;

/// Anything in a meeting that has an id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Item {
    Day(Day),
    Room(Room),
    Theme(Theme),
    Person(Person),
    Session(Session),
}

/// The id of an [`Item`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemId {
    Day(DayId),
    Room(RoomId),
    Theme(ThemeId),
    Person(PersonId),
    Session(SessionId),
}

impl Item {
    pub fn id(&self) -> ItemId {
        match self {
            Item::Day(x) => ItemId::Day(x.id),
            Item::Room(x) => ItemId::Room(x.id),
            Item::Theme(x) => ItemId::Theme(x.id),
            Item::Person(x) => ItemId::Person(x.id),
            Item::Session(x) => ItemId::Session(x.id),
        }
    }
}

/// The meeting's own fields (everything but its lists).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Details {
    pub title: String,
    pub short_name: String,
    pub edition: String,
    pub host: String,
    pub venue: String,
    pub city: String,
    pub timezone: String,
    pub description: String,
}

impl Details {
    /// The details of a meeting.
    pub fn of(m: &Meeting) -> Details {
        Details {
            title: m.title.clone(),
            short_name: m.short_name.clone(),
            edition: m.edition.clone(),
            host: m.host.clone(),
            venue: m.venue.clone(),
            city: m.city.clone(),
            timezone: m.timezone.clone(),
            description: m.description.clone(),
        }
    }

    pub(super) fn swap_into(self, m: &mut Meeting) -> Details {
        let old = Details::of(m);
        m.title = self.title;
        m.short_name = self.short_name;
        m.edition = self.edition;
        m.host = self.host;
        m.venue = self.venue;
        m.city = self.city;
        m.timezone = self.timezone;
        m.description = self.description;
        old
    }
}

/// One change to a meeting (serializable: the undo history is kept with the meeting).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Edit {
    /// Rename the meeting.
    SetTitle(String),
    /// Change the meeting's own fields.
    SetDetails(Box<Details>),
    /// Replace the item with this id, or add it at the end when there is none.
    Put(Box<Item>),
    /// Add the item at a position in its list (how a removal is undone).
    Insert(usize, Box<Item>),
    /// Remove an item. Removing a day removes its sessions; removing a person or theme takes
    /// them out of every session; a room still in use is refused.
    Remove(ItemId),
    /// Move these sessions earlier (negative) or later by a number of minutes.
    Shift(Vec<SessionId>, i64),
    /// Change the check settings and dismissals.
    SetChecks(Box<CheckSettings>),
    /// Change the meeting's record: its introduction, recommendations and closing text.
    SetRecord(Box<Record>),
    /// Replace the whole meeting (restore the sample, start blank, open a file).
    Replace(Box<Meeting>),
    /// Several edits as one step (for undo): all apply, or none.
    Batch(Vec<Edit>),
}

/// Why an edit was refused; the meeting is left as it was.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum EditError {
    #[error("The meeting needs a title.")]
    EmptyTitle,
    #[error("The title is too long ({0} characters; at most 300).")]
    TitleTooLong(usize),
    #[error("There is nothing with that id to change ({0:?}).")]
    NotFound(ItemId),
    #[error("Room “{room}” is used by {sessions} session(s); move them to another room first.")]
    RoomInUse { room: String, sessions: usize },
    #[error("Moving by {minutes} minutes would take “{title}” past midnight.")]
    PastMidnight { title: String, minutes: i64 },
    #[error("No room is free for {minutes} minutes on this day for “{title}”: drag it onto the timetable, or give it a time in its form.")]
    NoFreeSlot { title: String, minutes: i64 },
    #[error("That change would make the meeting invalid: {0}")]
    InvalidMeeting(String),
    #[error("This was changed in another tab meanwhile, so your change was not applied. The newer version is shown; make your change again if it still applies.")]
    ChangedElsewhere,
}

/// Longest meeting title accepted.
pub const MAX_TITLE_CHARS: usize = super::validate::MAX_LINE_CHARS;

impl Edit {
    /// Applies the edit, or refuses it and leaves `meeting` untouched. The result must be a
    /// valid meeting. On success returns the edit that undoes this one exactly.
    pub fn apply(self, meeting: &mut Meeting) -> Result<Edit, EditError> {
        // A shift changes nothing but its sessions' times: only those need checking.
        let shifted = match &self {
            Edit::Shift(ids, _) => Some(ids.clone()),
            _ => None,
        };
        let inverse = self.apply_unchecked(meeting)?;
        let errors = match shifted {
            Some(ids) => meeting.time_errors(&ids),
            None => meeting.validate(),
        };
        if let Some(first) = errors.into_iter().next() {
            // Put everything back as it was before saying no.
            let _ = inverse.apply_unchecked(meeting);
            return Err(EditError::InvalidMeeting(first.to_string()));
        }
        Ok(inverse)
    }

    /// The change itself, without the final validity check. On error nothing has changed.
    pub(super) fn apply_unchecked(self, m: &mut Meeting) -> Result<Edit, EditError> {
        match self {
            Edit::SetTitle(title) => {
                let title = title.trim().to_string();
                if title.is_empty() {
                    return Err(EditError::EmptyTitle);
                }
                let chars = title.chars().count();
                if chars > MAX_TITLE_CHARS {
                    return Err(EditError::TitleTooLong(chars));
                }
                Ok(Edit::SetTitle(std::mem::replace(&mut m.title, title)))
            }
            Edit::SetDetails(details) => {
                if details.title.trim().is_empty() {
                    return Err(EditError::EmptyTitle);
                }
                Ok(Edit::SetDetails(Box::new(details.swap_into(m))))
            }
            Edit::SetChecks(checks) => Ok(Edit::SetChecks(Box::new(std::mem::replace(
                &mut m.checks,
                *checks,
            )))),
            Edit::SetRecord(record) => Ok(Edit::SetRecord(Box::new(std::mem::replace(
                &mut m.record,
                *record,
            )))),
            Edit::Put(item) => {
                let id = item.id();
                Ok(match put(m, *item) {
                    Some(old) => Edit::Put(Box::new(old)),
                    None => Edit::Remove(id),
                })
            }
            Edit::Insert(index, item) => {
                let id = item.id();
                insert(m, index, *item);
                Ok(Edit::Remove(id))
            }
            Edit::Remove(id) => remove(m, id),
            Edit::Shift(ids, minutes) => {
                let by = Duration::minutes(minutes);
                // Check every session first, so a refusal changes nothing.
                for id in &ids {
                    let s = m
                        .session(*id)
                        .ok_or(EditError::NotFound(ItemId::Session(*id)))?;
                    if s.shifted(minutes).is_none() {
                        return Err(EditError::PastMidnight {
                            title: s.title.clone(),
                            minutes,
                        });
                    }
                }
                for s in m.sessions.iter_mut().filter(|s| ids.contains(&s.id)) {
                    if let Some(moved) = s.shifted(minutes) {
                        *s = moved;
                    }
                    for item in &mut s.items {
                        item.time += by;
                    }
                }
                Ok(Edit::Shift(ids, -minutes))
            }
            Edit::Replace(new) => Ok(Edit::Replace(Box::new(std::mem::replace(m, *new)))),
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply_unchecked(m) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(e) => {
                            for inverse in inverses.into_iter().rev() {
                                let _ = inverse.apply_unchecked(m);
                            }
                            return Err(e);
                        }
                    }
                }
                inverses.reverse();
                Ok(Edit::Batch(inverses))
            }
        }
    }
}

impl Item {
    /// The item with this id in a meeting, if any.
    pub fn find(meeting: &Meeting, id: ItemId) -> Option<Item> {
        match id {
            ItemId::Day(id) => meeting.day(id).cloned().map(Item::Day),
            ItemId::Room(id) => meeting.room(id).cloned().map(Item::Room),
            ItemId::Theme(id) => meeting.theme(id).cloned().map(Item::Theme),
            ItemId::Person(id) => meeting.person(id).cloned().map(Item::Person),
            ItemId::Session(id) => meeting.session(id).cloned().map(Item::Session),
        }
    }

    /// The item with another id (an addition whose id was taken meanwhile).
    pub(super) fn with_id(self, n: u32) -> Item {
        match self {
            Item::Day(x) => Item::Day(Day { id: DayId(n), ..x }),
            Item::Room(x) => Item::Room(Room { id: RoomId(n), ..x }),
            Item::Theme(x) => Item::Theme(Theme {
                id: ThemeId(n),
                ..x
            }),
            Item::Person(x) => Item::Person(Person {
                id: PersonId(n),
                ..x
            }),
            Item::Session(x) => Item::Session(Session {
                id: SessionId(n),
                ..x
            }),
        }
    }

    /// The next free id for an item of this kind in a meeting.
    pub(super) fn free_id(&self, m: &Meeting) -> u32 {
        use super::ids::next_id;
        match self {
            Item::Day(_) => next_id(m.days.iter().map(|x| x.id.0)),
            Item::Room(_) => next_id(m.rooms.iter().map(|x| x.id.0)),
            Item::Theme(_) => next_id(m.themes.iter().map(|x| x.id.0)),
            Item::Person(_) => next_id(m.people.iter().map(|x| x.id.0)),
            Item::Session(_) => next_id(m.sessions.iter().map(|x| x.id.0)),
        }
    }
}

/// Replaces the item with the same id (returning the old one) or appends it.
fn put(m: &mut Meeting, item: Item) -> Option<Item> {
    fn swap<T, K: PartialEq>(list: &mut Vec<T>, new: T, key: impl Fn(&T) -> K) -> Option<T> {
        let id = key(&new);
        match list.iter_mut().find(|x| key(x) == id) {
            Some(slot) => Some(std::mem::replace(slot, new)),
            None => {
                list.push(new);
                None
            }
        }
    }
    match item {
        Item::Day(x) => swap(&mut m.days, x, |d| d.id).map(Item::Day),
        Item::Room(x) => swap(&mut m.rooms, x, |r| r.id).map(Item::Room),
        Item::Theme(x) => swap(&mut m.themes, x, |t| t.id).map(Item::Theme),
        Item::Person(x) => swap(&mut m.people, x, |p| p.id).map(Item::Person),
        Item::Session(x) => swap(&mut m.sessions, x, |s| s.id).map(Item::Session),
    }
}

fn insert(m: &mut Meeting, index: usize, item: Item) {
    fn at<T>(list: &mut Vec<T>, index: usize, x: T) {
        list.insert(index.min(list.len()), x);
    }
    match item {
        Item::Day(x) => at(&mut m.days, index, x),
        Item::Room(x) => at(&mut m.rooms, index, x),
        Item::Theme(x) => at(&mut m.themes, index, x),
        Item::Person(x) => at(&mut m.people, index, x),
        Item::Session(x) => at(&mut m.sessions, index, x),
    }
}

fn take<T>(list: &mut Vec<T>, found: impl Fn(&T) -> bool) -> Option<(usize, T)> {
    let index = list.iter().position(found)?;
    Some((index, list.remove(index)))
}

/// Takes out of the record what a removal took from the meeting (`without` gives the record
/// left), adding the edit that puts it back to `restore` when anything changed.
fn tidy_record(m: &mut Meeting, restore: &mut Vec<Edit>, without: impl FnOnce(&Record) -> Record) {
    let record = without(&m.record);
    if record != m.record {
        restore.push(Edit::SetRecord(Box::new(std::mem::replace(
            &mut m.record,
            record,
        ))));
    }
}

/// Removes an item and what depends on it; returns the edit that puts all of it back.
fn remove(m: &mut Meeting, id: ItemId) -> Result<Edit, EditError> {
    let missing = || EditError::NotFound(id);
    // Sessions changed or removed along with the item, restored by the inverse.
    let mut restore: Vec<Edit> = Vec::new();
    let removed = match id {
        ItemId::Day(day) => {
            let (index, x) = take(&mut m.days, |d| d.id == day).ok_or_else(missing)?;
            // Sessions with no time yet are on no day's programme: they stay on the tray, on
            // the first day left (with the last day, they go with it).
            if let Some(other) = m.days_in_order().first().map(|d| d.id) {
                for s in m
                    .sessions
                    .iter_mut()
                    .filter(|s| s.day == day && s.unscheduled)
                {
                    restore.push(Edit::Put(Box::new(Item::Session(s.clone()))));
                    s.day = other;
                }
            }
            let mut gone = Vec::new();
            while let Some((i, s)) = take(&mut m.sessions, |s| s.day == day) {
                gone.push(s.id);
                restore.push(Edit::Insert(i, Box::new(Item::Session(s))));
            }
            restore.reverse();
            tidy_record(m, &mut restore, |r| r.without_sessions(&gone));
            Edit::Insert(index, Box::new(Item::Day(x)))
        }
        ItemId::Room(room) => {
            let used = m
                .sessions
                .iter()
                .filter(|s| s.placement == Placement::Room(room))
                .count();
            let name = m.room(room).ok_or_else(missing)?.name.clone();
            if used > 0 {
                return Err(EditError::RoomInUse {
                    room: name,
                    sessions: used,
                });
            }
            let (index, x) = take(&mut m.rooms, |r| r.id == room).ok_or_else(missing)?;
            Edit::Insert(index, Box::new(Item::Room(x)))
        }
        ItemId::Theme(theme) => {
            let (index, x) = take(&mut m.themes, |t| t.id == theme).ok_or_else(missing)?;
            for s in m.sessions.iter_mut().filter(|s| s.themes.contains(&theme)) {
                restore.push(Edit::Put(Box::new(Item::Session(s.clone()))));
                s.themes.retain(|t| *t != theme);
            }
            tidy_record(m, &mut restore, |r| r.without_theme(theme));
            Edit::Insert(index, Box::new(Item::Theme(x)))
        }
        ItemId::Person(person) => {
            let (index, x) = take(&mut m.people, |p| p.id == person).ok_or_else(missing)?;
            for s in m.sessions.iter_mut().filter(|s| {
                s.participants.iter().any(|p| p.person == person)
                    || s.items.iter().any(|i| i.person == Some(person))
            }) {
                restore.push(Edit::Put(Box::new(Item::Session(s.clone()))));
                s.participants.retain(|p| p.person != person);
                for item in s.items.iter_mut().filter(|i| i.person == Some(person)) {
                    item.person = None;
                }
            }
            Edit::Insert(index, Box::new(Item::Person(x)))
        }
        ItemId::Session(session) => {
            let (index, x) = take(&mut m.sessions, |s| s.id == session).ok_or_else(missing)?;
            tidy_record(m, &mut restore, |r| r.without_sessions(&[session]));
            Edit::Insert(index, Box::new(Item::Session(x)))
        }
    };
    if restore.is_empty() {
        Ok(removed)
    } else {
        // The item first, then the sessions that refer to it.
        let mut all = vec![removed];
        all.extend(restore);
        Ok(Edit::Batch(all))
    }
}

impl Meeting {
    /// A copy for the next edition: every date moved by `days` (e.g. 364 keeps the weekday a
    /// year on), and, when asked, every participation set back to "invited".
    pub fn duplicated(&self, days: i64, reset_statuses: bool) -> Meeting {
        let mut copy = self.clone();
        for day in &mut copy.days {
            day.date += Duration::days(days);
        }
        if reset_statuses {
            for p in copy
                .sessions
                .iter_mut()
                .flat_map(|s| s.participants.iter_mut())
            {
                p.status = super::session::Status::Invited;
            }
        }
        copy
    }
}
