//! The meeting and its frame: days, rooms and themes.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::ids::{DayId, PersonId, RoomId, SessionId, ThemeId};
use super::person::Person;
use super::record::Record;
use super::schedule::{hhmm, ymd};
use super::session::{Placement, Session};
use super::settings::CheckSettings;

/// A whole meeting: its details and everything scheduled in it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meeting {
    pub title: String,
    /// Short name used for file names and links, e.g. "r2p-focal-points-2022".
    pub short_name: String,
    /// Edition or subtitle, e.g. "Tenth annual meeting".
    pub edition: String,
    pub host: String,
    pub venue: String,
    pub city: String,
    /// IANA timezone name of the venue, e.g. "America/New_York". All times are local to it.
    pub timezone: String,
    pub description: String,
    pub days: Vec<Day>,
    pub rooms: Vec<Room>,
    pub themes: Vec<Theme>,
    pub people: Vec<Person>,
    pub sessions: Vec<Session>,
    /// Settings of the conflict checks and the findings dismissed as intended.
    #[serde(skip_serializing_if = "CheckSettings::is_default")]
    pub checks: CheckSettings,
    /// What the meeting concluded: the summary's introduction, recommendations and closing.
    #[serde(skip_serializing_if = "Record::is_empty")]
    pub record: Record,
}

/// One programme day.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Day {
    pub id: DayId,
    #[serde(with = "ymd")]
    pub date: NaiveDate,
    /// Optional label, e.g. "Day 1" or "Pre-conference".
    #[serde(default)]
    pub label: String,
    /// When the programme day starts and ends; sessions must fit inside.
    #[serde(with = "hhmm")]
    pub start: NaiveTime,
    #[serde(with = "hhmm")]
    pub end: NaiveTime,
    /// The programme runs past midnight, to `end` on the next date.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ends_next_day: bool,
}

impl Day {
    /// Minutes from midnight to the day's start.
    pub fn starts(&self) -> i64 {
        super::session::minutes_of(self.start)
    }

    /// Minutes from the day's midnight to its end: past 1440 when it runs past midnight.
    pub fn ends(&self) -> i64 {
        super::session::minutes_of(self.end) + if self.ends_next_day { 1440 } else { 0 }
    }
}

/// A room at the venue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Room {
    pub id: RoomId,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<u32>,
    #[serde(default)]
    pub description: String,
}

/// A theme (track): groups sessions by topic, shown by colour.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    pub id: ThemeId,
    pub name: String,
    /// CSS colour as "#rrggbb".
    pub colour: String,
    #[serde(default)]
    pub description: String,
}

/// The item with this id: where ids are 1, 2, 3… (as the planner gives them) at once, where
/// they are in order (after removals) by halving, and otherwise by looking at every item. So
/// the checks and exports, which look people and days up for every session, stay linear in the
/// meeting.
/// Each day's id with its place in `days`, by id (to find a day's place by halving: no hash
/// table code in the apps for it).
pub fn day_positions(days: &[&Day]) -> Vec<(DayId, usize)> {
    let mut at: Vec<(DayId, usize)> = days.iter().enumerate().map(|(i, d)| (d.id, i)).collect();
    crate::domain::order::sort_by_key(&mut at, |(id, _)| *id);
    at
}

/// The place of day `id` in [`day_positions`].
pub fn position_of(at: &[(DayId, usize)], id: DayId) -> Option<usize> {
    at.binary_search_by_key(&id, |(d, _)| *d)
        .ok()
        .map(|k| at[k].1)
}

/// Start, then end, then title, then id: the order of a day's programme.
fn in_programme_order(sessions: &mut [&Session]) {
    crate::domain::order::sort_by(sessions, |a, b| {
        (a.start, a.end, &a.title, a.id).cmp(&(b.start, b.end, &b.title, b.id))
    });
}

fn by_id<T>(items: &[T], id: u32, key: impl Fn(&T) -> u32) -> Option<&T> {
    position_by_id(items, id, key).map(|at| &items[at])
}

/// Where the item with this id is: ids are usually 1, 2, 3… in order, so the guess is tried
/// first, then a binary search, then every item.
fn position_by_id<T>(items: &[T], id: u32, key: impl Fn(&T) -> u32) -> Option<usize> {
    let guess = (id as usize).wrapping_sub(1);
    if items.get(guess).is_some_and(|x| key(x) == id) {
        return Some(guess);
    }
    // Verified after: on items out of order the search may land anywhere.
    if let Ok(at) = items.binary_search_by_key(&id, &key) {
        if key(&items[at]) == id {
            return Some(at);
        }
    }
    items.iter().position(|x| key(x) == id)
}

impl Meeting {
    /// A new meeting with one day (on `date`, 09:00–17:00), one room and nothing scheduled.
    pub fn blank(date: NaiveDate) -> Meeting {
        let time = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap_or_default();
        Meeting {
            title: "Untitled meeting".into(),
            short_name: "meeting".into(),
            timezone: "UTC".into(),
            days: vec![Day {
                id: DayId(1),
                date,
                label: String::new(),
                start: time(9),
                end: time(17),
                ends_next_day: false,
            }],
            rooms: vec![Room {
                id: RoomId(1),
                name: "Main room".into(),
                capacity: None,
                description: String::new(),
            }],
            ..Meeting::default()
        }
    }

    pub fn day(&self, id: DayId) -> Option<&Day> {
        by_id(&self.days, id.0, |x| x.id.0)
    }

    pub fn room(&self, id: RoomId) -> Option<&Room> {
        by_id(&self.rooms, id.0, |x| x.id.0)
    }

    pub fn theme(&self, id: ThemeId) -> Option<&Theme> {
        by_id(&self.themes, id.0, |x| x.id.0)
    }

    pub fn person(&self, id: PersonId) -> Option<&Person> {
        by_id(&self.people, id.0, |x| x.id.0)
    }

    pub fn session(&self, id: SessionId) -> Option<&Session> {
        by_id(&self.sessions, id.0, |x| x.id.0)
    }

    /// The days in date order.
    pub fn days_in_order(&self) -> Vec<&Day> {
        let mut days: Vec<&Day> = self.days.iter().collect();
        crate::domain::order::sort_by_key(&mut days, |d| (d.date, d.start));
        days
    }

    /// The sessions of one day in programme order (start, then end, then title).
    pub fn sessions_on(&self, day: DayId) -> Vec<&Session> {
        let mut sessions: Vec<&Session> = self
            .sessions
            .iter()
            .filter(|s| s.day == day && !s.unscheduled)
            .collect();
        in_programme_order(&mut sessions);
        sessions
    }

    /// Every day in order with its sessions in programme order, gathered in one pass over the
    /// sessions: what a check or an export walks (asking [`Meeting::sessions_on`] for each day
    /// would look at every session once per day). Sessions of an unknown day are left out, as
    /// there.
    pub fn programme_days(&self) -> Vec<(&Day, Vec<&Session>)> {
        let days = self.days_in_order();
        let at = day_positions(&days);
        let mut lists: Vec<Vec<&Session>> = vec![Vec::new(); days.len()];
        for s in self.sessions.iter().filter(|s| !s.unscheduled) {
            if let Some(i) = position_of(&at, s.day) {
                lists[i].push(s);
            }
        }
        for list in &mut lists {
            in_programme_order(list);
        }
        days.into_iter().zip(lists).collect()
    }

    /// The sessions with no time yet (the timetable's *Unscheduled* tray), by title.
    pub fn unscheduled(&self) -> Vec<&Session> {
        let mut list: Vec<&Session> = self.sessions.iter().filter(|s| s.unscheduled).collect();
        crate::domain::order::sort_by_key(&mut list, |s| (s.title.to_ascii_lowercase(), s.id.0));
        list
    }

    /// Every session of a known day with its day, in programme order.
    pub fn programme_sessions(&self) -> impl Iterator<Item = (&Day, &Session)> {
        self.programme_days()
            .into_iter()
            .flat_map(|(d, list)| list.into_iter().map(move |s| (d, s)))
    }

    /// Where a session is, as the programme says it: a room name or "All rooms".
    pub fn placement_label(&self, placement: Placement) -> String {
        match placement {
            Placement::AllRooms => "All rooms".into(),
            Placement::Room(id) => self
                .room(id)
                .map_or_else(|| format!("Unknown room {id}"), |r| r.name.clone()),
        }
    }

    /// For each person, the sessions they take part in (any role), in programme order, each
    /// once.
    pub fn sessions_by_person(&self) -> ByPerson<&Session> {
        ByPerson::new(
            self,
            self.programme_sessions().flat_map(|(_, s)| {
                // Each session once per person, who may hold two roles in it.
                let people = &s.participants;
                people
                    .iter()
                    .enumerate()
                    .filter(|(i, p)| !people[..*i].iter().any(|q| q.person == p.person))
                    .map(move |(_, p)| (p.person, s))
            }),
        )
    }

    /// "15–16 September 2022" (empty without days).
    pub fn dates_label(&self) -> String {
        self.date_range()
            .map(|(a, b)| super::schedule::date_range_label(a, b))
            .unwrap_or_default()
    }

    /// "Venue, City", leaving out what is empty.
    pub fn place_label(&self) -> String {
        [self.venue.trim(), self.city.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// First and last date of the meeting, if it has days.
    pub fn date_range(&self) -> Option<(NaiveDate, NaiveDate)> {
        let first = self.days.iter().map(|d| d.date).min()?;
        let last = self.days.iter().map(|d| d.date).max()?;
        Some((first, last))
    }
}

/// Things grouped by person, for every person at once: one list cut into runs, one run per
/// person in the meeting's order, each run in the order the things came (no map and no list
/// per person: a meeting of 200,000 people costs two passes and a few allocations).
pub struct ByPerson<T> {
    /// The people's ids in the meeting's order: finding a person here reads 4 bytes each
    /// (800 KB for 200,000 people, held in the processor's cache), not a person's record.
    ids: Vec<u32>,
    /// `starts[i]..starts[i + 1]` is the run of person `i` in `items`.
    starts: Vec<u32>,
    items: Vec<T>,
}

impl<T: Copy> ByPerson<T> {
    /// Groups `items` by their person; things of a person not in the meeting are left out.
    pub fn new(meeting: &Meeting, items: impl IntoIterator<Item = (PersonId, T)>) -> Self {
        let ids: Vec<u32> = meeting.people.iter().map(|p| p.id.0).collect();
        let tagged: Vec<(usize, T)> = items
            .into_iter()
            .filter_map(|(id, item)| Some((position_by_id(&ids, id.0, |x| *x)?, item)))
            .collect();
        // A counting sort: how many each person has, where each run starts, then each thing
        // into the next free place of its run.
        let mut starts = vec![0u32; ids.len() + 1];
        for (at, _) in &tagged {
            starts[at + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut next = starts.clone();
        let mut from = vec![0u32; tagged.len()];
        for (i, (at, _)) in tagged.iter().enumerate() {
            from[next[*at] as usize] = i as u32;
            next[*at] += 1;
        }
        let items = from.iter().map(|&i| tagged[i as usize].1).collect();
        ByPerson { ids, starts, items }
    }

    /// The things of the person with this id, in the order they came (none for an unknown id).
    pub fn of(&self, id: PersonId) -> &[T] {
        position_by_id(&self.ids, id.0, |x| *x)
            .and_then(|i| {
                let (a, b) = (*self.starts.get(i)?, *self.starts.get(i + 1)?);
                self.items.get(a as usize..b as usize)
            })
            .unwrap_or_default()
    }
}
