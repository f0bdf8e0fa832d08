//! Generated meetings of any size, for benchmarks and tests: deterministic (same arguments,
//! same meeting) and valid.

use chrono::{Duration, NaiveDate, NaiveTime};

use super::ids::{DayId, PersonId, RoomId, SessionId, ThemeId};
use super::meeting::{Day, Meeting, Room, Theme};
use super::person::{Category, Person};
use super::session::{Participant, Placement, Role, Session, SessionKind, Status};

/// A small, fixed pseudo-random sequence (64-bit LCG), so generated meetings are repeatable.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const GIVEN: [&str; 12] = [
    "Amina", "Bruno", "Chen", "Dalia", "Erik", "Fatima", "Gabriel", "Hana", "Ivan", "Joana",
    "Kofi", "Lucía",
];
const FAMILY: [&str; 12] = [
    "Okafor", "Silva", "Wang", "Haddad", "Larsen", "Rahman", "Moreau", "Sato", "Petrov", "Costa",
    "Mensah", "García",
];
const ORGS: [&str; 6] = [
    "Ministry of Foreign Affairs",
    "African Union",
    "United Nations",
    "Centre for Atrocity Prevention",
    "University of Geneva",
    "Organization of American States",
];
const COLOURS: [&str; 6] = [
    "#1d4ed8", "#c2410c", "#15803d", "#a21caf", "#0f766e", "#b45309",
];

/// The shortest session a generated meeting has (minutes): a room's day holds at most
/// [`MAX_PER_TRACK`] of them.
pub const MIN_SESSION_MINUTES: i64 = 15;
/// Most sessions a room's day (08:00–20:00) holds in a generated meeting.
pub const MAX_PER_TRACK: usize = (12 * 60 / MIN_SESSION_MINUTES) as usize;

/// How many days a generated meeting needs: `days`, or more when its sessions would not fit
/// `rooms` rooms of [`MAX_PER_TRACK`] sessions a day.
pub fn days_needed(sessions: usize, days: usize, rooms: usize) -> usize {
    days.max(1)
        .max(sessions.div_ceil(rooms.max(1) * MAX_PER_TRACK))
}

/// A valid meeting of `sessions` sessions and `people` people over `days` days and `rooms`
/// rooms, starting on 1 June 2026 in Geneva (Europe/Zurich). Sessions fill each room's day back to back;
/// sessions that would not fit the days (at least [`MIN_SESSION_MINUTES`] each) get more
/// days ([`days_needed`]).
pub fn generated_meeting(sessions: usize, people: usize, days: usize, rooms: usize) -> Meeting {
    let rooms = rooms.max(1);
    let days = days_needed(sessions, days, rooms);
    let mut rng = Lcg(0x5eed);
    let start = NaiveTime::from_hms_opt(8, 0, 0).unwrap_or_default();
    let end = NaiveTime::from_hms_opt(20, 0, 0).unwrap_or_default();
    let first = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_default();
    let per_track = sessions.div_ceil(days * rooms).max(1) as i64;
    let slot = ((end - start).num_minutes() / per_track).max(1);

    let themes: Vec<Theme> = (0..6)
        .map(|i| Theme {
            id: ThemeId(i as u32 + 1),
            name: format!("Theme {}", i + 1),
            colour: COLOURS[i].into(),
            description: String::new(),
        })
        .collect();
    let people: Vec<Person> = (0..people)
        .map(|i| Person {
            id: PersonId(i as u32 + 1),
            honorific: ["Ms", "Mr", "Dr", "H.E."][i % 4].into(),
            given_name: GIVEN[i % GIVEN.len()].into(),
            family_name: format!("{} {}", FAMILY[(i / GIVEN.len()) % FAMILY.len()], i + 1),
            position: "Director".into(),
            organization: ORGS[i % ORGS.len()].into(),
            organization_short: String::new(),
            category: Category::ALL[i % Category::ALL.len()],
            bio: String::new(),
            availability: Vec::new(),
        })
        .collect();
    let kinds = [
        SessionKind::Panel,
        SessionKind::Plenary,
        SessionKind::Roundtable,
        SessionKind::Keynote,
        SessionKind::Consultation,
    ];
    let sessions: Vec<Session> = (0..sessions)
        .map(|i| {
            let track = i / per_track as usize;
            let (day, room) = (track / rooms, track % rooms);
            let at = start + Duration::minutes(slot * (i as i64 % per_track));
            let kind = kinds[rng.below(kinds.len())];
            let mut participants = Vec::new();
            let mut used = Vec::new();
            for (order, role) in [
                Role::Moderator,
                Role::Panelist,
                Role::Panelist,
                Role::Speaker,
            ]
            .into_iter()
            .take(1 + rng.below(4))
            .enumerate()
            {
                let person = PersonId(rng.below(people.len()) as u32 + 1);
                if people.is_empty() || used.contains(&person) {
                    continue;
                }
                used.push(person);
                participants.push(Participant {
                    person,
                    role,
                    status: Status::Confirmed,
                    order: order as u32,
                });
            }
            Session {
                id: SessionId(i as u32 + 1),
                title: format!("Session {} on prevention and response", i + 1),
                kind,
                day: DayId(day.min(days - 1) as u32 + 1),
                start: at,
                end: at + Duration::minutes(slot),
                ends_next_day: false,
                placement: Placement::Room(RoomId(room as u32 + 1)),
                themes: vec![ThemeId(rng.below(themes.len()) as u32 + 1)],
                description: "A generated session for measuring speed.".into(),
                participants,
                items: Vec::new(),
                guid: String::new(),
                source_type: String::new(),
                outcomes: String::new(),
                unscheduled: false,
            }
        })
        .collect();
    Meeting {
        title: format!("Generated meeting of {} sessions", sessions.len()),
        short_name: "generated".into(),
        edition: "Benchmark".into(),
        host: "Agenda planner".into(),
        venue: "Conference centre".into(),
        city: "Geneva".into(),
        timezone: "Europe/Zurich".into(),
        description: String::new(),
        days: (0..days)
            .map(|d| Day {
                id: DayId(d as u32 + 1),
                date: first + Duration::days(d as i64),
                label: format!("Day {}", d + 1),
                start,
                end,
                ends_next_day: false,
            })
            .collect(),
        rooms: (0..rooms)
            .map(|r| Room {
                id: RoomId(r as u32 + 1),
                name: format!("Room {}", r + 1),
                capacity: Some(100),
                description: String::new(),
            })
            .collect(),
        themes,
        people,
        sessions,
        checks: Default::default(),
        record: Default::default(),
    }
}
