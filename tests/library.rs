//! The library of stored meetings: slots, the open one, and recovery from a damaged index.

use agenda_planner::storage::keys::{self, meeting as meeting_key, slot_of};
use agenda_planner::storage::library::Library;

#[test]
fn the_first_meeting_keeps_its_old_key_and_others_get_numbered_keys() {
    assert_eq!(meeting_key(0), "agenda-planner.meeting");
    assert_eq!(meeting_key(3), "agenda-planner.meeting.3");
    assert_eq!(slot_of("agenda-planner.meeting"), Some(0));
    assert_eq!(slot_of("agenda-planner.meeting.12"), Some(12));
    // What is kept beside a meeting never reads as a meeting of its own.
    for slot in [0, 3] {
        assert_eq!(slot_of(&keys::revision(slot)), None);
        assert_eq!(slot_of(&keys::history(slot)), None);
    }
    assert_eq!(slot_of(&keys::backup("0123abcd")), None);
    for other in [
        "agenda-planner.meeting.backup-1700",
        "agenda-planner.meeting.backup-00ab12",
        "agenda-planner.meeting.rev",
        "agenda-planner.meeting.3.rev",
        "agenda-planner.meeting.3.history",
        "agenda-planner.meeting.",
        "agenda-planner.library",
        "x.meeting.1",
    ] {
        assert_eq!(slot_of(other), None, "{other}");
    }
}

#[test]
fn adding_and_removing_meetings_keeps_one_open() {
    let mut library = Library::default();
    assert_eq!(library.add(), 1);
    assert_eq!(library.add(), 2);
    assert_eq!((library.current, library.slots.clone()), (2, vec![0, 1, 2]));
    assert!(library.remove(2));
    assert_eq!(library.current, 0, "removing the open one opens another");
    assert!(library.remove(0));
    assert!(!library.remove(1), "the last meeting stays");
    assert_eq!(library.slots, [1]);
}

#[test]
fn a_damaged_or_missing_index_loses_no_stored_meeting() {
    let library = Library::read(Some("{not json"), &[0, 4, 2]);
    assert_eq!(
        library,
        Library {
            current: 0,
            slots: vec![0, 2, 4]
        }
    );
    let stale = Library::read(Some(r#"{"current":7,"slots":[7]}"#), &[1]);
    assert_eq!(
        stale,
        Library {
            current: 1,
            slots: vec![1]
        },
        "the index cannot name a meeting that is gone"
    );
    let pointing_nowhere = Library::read(Some(r#"{"current":9,"slots":[]}"#), &[]);
    assert_eq!(pointing_nowhere, Library::default());
    let round = Library {
        current: 2,
        slots: vec![0, 2],
    };
    assert_eq!(Library::read(Some(&round.encode()), &[0, 2]), round);
}
