//! A meeting as a Yjs document: written and read back, and organizers' concurrent edits merged
//! (documents exchanging updates directly; tests/sync_server.rs does it through the server).

use agenda_planner::domain::generate::generated_meeting;
use agenda_planner::domain::sample::sample_meeting;
use agenda_planner::domain::{Meeting, Room, RoomId};
use agenda_planner::sync::doc::Shared;

/// A seeded random source (splitmix64), so that every run makes the same ids.
fn random(seed: u64) -> impl FnMut() -> u64 {
    let mut state = seed;
    move || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// An organizer: their copy of the document and the meeting they last read from it.
struct Organizer {
    shared: Shared,
    meeting: Meeting,
    random: Box<dyn FnMut() -> u64>,
}

impl Organizer {
    fn sharing(meeting: &Meeting, seed: u64) -> Organizer {
        let mut random = random(seed);
        let mut shared = Shared::share(meeting, &mut random);
        let (meeting, skipped) = shared.meeting().expect("readable");
        assert_eq!(skipped, 0);
        Organizer {
            shared,
            meeting,
            random: Box::new(random),
        }
    }

    fn joining(other: &Organizer, seed: u64) -> Organizer {
        let mut shared = Shared::new();
        shared.apply(&other.shared.state()).expect("a valid update");
        let (meeting, _) = shared.meeting().expect("readable");
        Organizer {
            shared,
            meeting,
            random: Box::new(random(seed)),
        }
    }

    fn edit(&mut self, change: impl FnOnce(&mut Meeting)) {
        let mut edited = self.meeting.clone();
        change(&mut edited);
        self.shared.write(&self.meeting, &edited, &mut self.random);
        self.meeting = self.shared.meeting().expect("readable").0;
        assert_eq!(
            self.meeting, edited,
            "what was written reads back as it was"
        );
    }

    fn undo(&mut self) {
        assert!(self.shared.undo(), "there was something to undo");
        self.meeting = self.shared.meeting().expect("readable").0;
    }

    fn redo(&mut self) {
        assert!(self.shared.redo(), "there was something to redo");
        self.meeting = self.shared.meeting().expect("readable").0;
    }

    fn receive(&mut self, from: &Organizer) {
        self.shared
            .apply(&from.shared.state())
            .expect("a valid update");
        self.meeting = self.shared.meeting().expect("readable").0;
    }
}

fn room(id: u32, name: &str) -> Room {
    Room {
        id: RoomId(id),
        name: name.into(),
        capacity: None,
        description: String::new(),
    }
}

fn merge(a: &mut Organizer, b: &mut Organizer) {
    a.receive(b);
    b.receive(a);
    assert_eq!(a.meeting, b.meeting, "both organizers see the same meeting");
}

#[test]
fn the_sample_reads_back_from_its_document_exactly() {
    let sample = sample_meeting();
    let a = Organizer::sharing(&sample, 1);
    assert_eq!(a.meeting, sample);
    let b = Organizer::joining(&a, 2);
    assert_eq!(
        b.meeting, sample,
        "a second organizer sees the same meeting and numbers"
    );
}

#[test]
fn two_organizers_changing_different_fields_of_one_session_both_keep_their_change() {
    let mut a = Organizer::sharing(&sample_meeting(), 1);
    let mut b = Organizer::joining(&a, 2);
    let id = a.meeting.sessions[3].id;
    a.edit(|m| m.sessions[3].title = "Renamed by A".into());
    b.edit(|m| {
        let s = &mut m.sessions[3];
        s.description = "Described by B".into();
    });
    merge(&mut a, &mut b);
    let s = a.meeting.session(id).unwrap();
    assert_eq!(s.title, "Renamed by A");
    assert_eq!(s.description, "Described by B");
}

#[test]
fn rooms_added_at_once_by_two_organizers_are_both_kept_and_numbered_alike() {
    let mut a = Organizer::sharing(&sample_meeting(), 1);
    let mut b = Organizer::joining(&a, 2);
    let next = a.meeting.rooms.iter().map(|r| r.id.0).max().unwrap() + 1;
    let room = |name: &str| room(next, name);
    a.edit(|m| m.rooms.push(room("Room of A")));
    b.edit(|m| m.rooms.push(room("Room of B")));
    merge(&mut a, &mut b);
    let names: Vec<&str> = a.meeting.rooms.iter().map(|r| r.name.as_str()).collect();
    assert!(
        names.contains(&"Room of A") && names.contains(&"Room of B"),
        "{names:?}"
    );
    let mut ids: Vec<u32> = a.meeting.rooms.iter().map(|r| r.id.0).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(
        ids.len(),
        a.meeting.rooms.len(),
        "no two rooms share a number"
    );
    assert_eq!(a.meeting.validate(), vec![]);
}

#[test]
fn a_person_removed_while_another_organizer_adds_them_to_a_session_leaves_a_valid_meeting() {
    let mut a = Organizer::sharing(&sample_meeting(), 1);
    let mut b = Organizer::joining(&a, 2);
    let person = a.meeting.people[0].id;
    a.edit(|m| {
        m.people.retain(|p| p.id != person);
        for s in &mut m.sessions {
            s.participants.retain(|p| p.person != person);
            for item in &mut s.items {
                if item.person == Some(person) {
                    item.person = None;
                }
            }
        }
    });
    b.edit(|m| {
        let mut p = m.sessions[1].participants[0].clone();
        p.person = person;
        p.order = 99;
        m.sessions[1].participants.push(p);
    });
    merge(&mut a, &mut b);
    assert!(a.meeting.person(person).is_none());
    assert_eq!(a.meeting.validate(), vec![]);
}

#[test]
fn a_session_moved_onto_a_day_another_organizer_removed_goes_to_the_tray() {
    let mut a = Organizer::sharing(&sample_meeting(), 1);
    let mut b = Organizer::joining(&a, 2);
    let last = a.meeting.days.last().unwrap().id;
    let moved = a.meeting.sessions[0].id;
    a.edit(|m| {
        m.days.retain(|d| d.id != last);
        let gone: Vec<_> = m
            .sessions
            .iter()
            .filter(|s| s.day == last)
            .map(|s| s.id)
            .collect();
        m.sessions.retain(|s| s.day != last);
        for r in &mut m.record.recommendations {
            r.sessions.retain(|s| !gone.contains(s));
        }
    });
    b.edit(|m| {
        let s = m.sessions.iter_mut().find(|s| s.id == moved).unwrap();
        s.day = last;
    });
    merge(&mut a, &mut b);
    let s = a.meeting.session(moved).unwrap();
    assert!(s.unscheduled, "kept on the tray, not lost");
    assert_eq!(a.meeting.validate(), vec![]);
}

#[test]
fn reordering_rooms_and_adding_one_at_once_keeps_both() {
    let mut a = Organizer::sharing(&sample_meeting(), 1);
    while a.meeting.rooms.len() < 3 {
        let next = a.meeting.rooms.iter().map(|r| r.id.0).max().unwrap_or(0) + 1;
        a.edit(|m| m.rooms.push(room(next, &format!("Room {next}"))));
    }
    let mut b = Organizer::joining(&a, 2);
    let order: Vec<RoomId> = a.meeting.rooms.iter().map(|r| r.id).collect();
    a.edit(|m| m.rooms.rotate_left(1));
    let next = order.iter().map(|r| r.0).max().unwrap() + 1;
    b.edit(|m| m.rooms.push(room(next, "Added by B")));
    merge(&mut a, &mut b);
    let now: Vec<RoomId> = a.meeting.rooms.iter().map(|r| r.id).collect();
    let at = |id: RoomId| now.iter().position(|&r| r == id).unwrap();
    // A's move: the first room after the others it had. B's room: after those it followed.
    assert!(
        at(order[1]) < at(order[2]) && at(order[2]) < at(order[0]),
        "{now:?}"
    );
    assert!(at(order[2]) < at(RoomId(next)), "{now:?}");
    assert_eq!(now.len(), 4);
}

#[test]
fn dismissed_findings_keep_naming_the_same_sessions() {
    let mut m = sample_meeting();
    let (s1, s2) = (m.sessions[0].id, m.sessions[1].id);
    let p = m.people[0].id;
    m.checks.dismissed = vec![
        agenda_planner::domain::Dismissal {
            key: format!("person:{p}:{s1}:{s2}"),
            message: "Intended".into(),
        },
        agenda_planner::domain::Dismissal {
            key: format!("no-moderator:{s2}"),
            message: "Intended too".into(),
        },
    ];
    let a = Organizer::sharing(&m, 1);
    let b = Organizer::joining(&a, 2);
    assert_eq!(b.meeting.checks.dismissed, m.checks.dismissed);
}

#[test]
fn a_garbled_update_is_refused_and_changes_nothing() {
    let mut a = Organizer::sharing(&sample_meeting(), 1);
    for garbage in [
        vec![0xff; 64],
        b"<script>alert(1)</script>".to_vec(),
        vec![1, 200, 200, 200, 200, 200, 200, 200, 200, 1],
    ] {
        assert!(a.shared.apply(&garbage).is_err(), "{garbage:?} was taken");
        assert_eq!(a.shared.meeting().unwrap().0, a.meeting);
    }
}

#[test]
fn a_generated_meeting_of_1000_sessions_reads_back_exactly() {
    let m = generated_meeting(1000, 2000, 3, 10);
    let a = Organizer::sharing(&m, 7);
    assert_eq!(a.meeting, m);
}

#[test]
fn a_session_moved_by_one_organizer_and_resized_by_another_keeps_one_of_their_times() {
    // Which organizer's write wins depends on their documents' random client ids: ten tries
    // see both.
    for _ in 0..10 {
        moved_and_resized();
    }
}

fn moved_and_resized() {
    use chrono::{Duration, NaiveTime};
    let mut a = Organizer::sharing(&sample_meeting(), 1);
    let mut b = Organizer::joining(&a, 2);
    let id = a.meeting.sessions[2].id;
    let at = |m: &Meeting| m.sessions.iter().position(|s| s.id == id).unwrap();
    let (start, end) = {
        let s = &a.meeting.sessions[at(&a.meeting)];
        (s.start, s.end)
    };
    a.edit(|m| {
        let i = at(m);
        m.sessions[i].start = start + Duration::minutes(30);
        m.sessions[i].end = end + Duration::minutes(30);
    });
    b.edit(|m| {
        let i = at(m);
        m.sessions[i].start = start - Duration::minutes(15);
    });
    merge(&mut a, &mut b);
    let s = a.meeting.session(id).unwrap();
    let times: (NaiveTime, NaiveTime) = (s.start, s.end);
    assert!(
        times == (start + Duration::minutes(30), end + Duration::minutes(30))
            || times == (start - Duration::minutes(15), end),
        "{times:?} is neither organizer's"
    );
}

#[test]
fn undo_takes_back_only_this_organizers_change() {
    let mut a = Organizer::sharing(&sample_meeting(), 1);
    let mut b = Organizer::joining(&a, 2);
    let id = a.meeting.sessions[4].id;
    let original = a.meeting.session(id).unwrap().clone();
    a.edit(|m| m.sessions[4].title = "Renamed by A".into());
    b.edit(|m| m.sessions[4].description = "Described by B".into());
    merge(&mut a, &mut b);
    a.undo();
    merge(&mut a, &mut b);
    let s = a.meeting.session(id).unwrap();
    assert_eq!(s.title, original.title, "A's rename is undone");
    assert_eq!(s.description, "Described by B", "B's change stands");
    a.redo();
    merge(&mut a, &mut b);
    assert_eq!(a.meeting.session(id).unwrap().title, "Renamed by A");
}

#[test]
fn undo_never_overwrites_a_value_someone_else_wrote_since() {
    let mut a = Organizer::sharing(&sample_meeting(), 1);
    let mut b = Organizer::joining(&a, 2);
    a.edit(|m| m.title = "Title by A".into());
    merge(&mut a, &mut b);
    b.edit(|m| m.title = "Title by B".into());
    merge(&mut a, &mut b);
    // A's change was written over: undoing it changes nothing (Yjs keeps the newer value).
    a.shared.undo();
    a.meeting = a.shared.meeting().unwrap().0;
    merge(&mut a, &mut b);
    assert_eq!(a.meeting.title, "Title by B");
}

#[test]
fn sharing_is_not_a_step_to_undo() {
    let a = Organizer::sharing(&sample_meeting(), 1);
    assert!(!a.shared.can_undo());
}
