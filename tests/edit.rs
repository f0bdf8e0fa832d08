//! Edit commands: each applies and its inverse gives back exactly the meeting before; refused
//! edits change nothing; the history undoes and redoes long runs of edits.

mod common;

use agenda_planner::domain::generate::generated_meeting;
use agenda_planner::domain::history::HISTORY_STEPS;
use agenda_planner::domain::sample::sample_meeting;
use agenda_planner::domain::schedule::{parse_date, parse_time};
use agenda_planner::domain::*;
use chrono::Datelike;
use common::Rng;

/// Applies `edit`, checks the result with `check`, then undoes it and expects the original.
fn round_trip(edit: Edit, check: impl Fn(&Meeting)) {
    let original = sample_meeting();
    let mut m = original.clone();
    let undo = edit.apply(&mut m).expect("edit applies");
    assert_ne!(m, original, "the edit changed something");
    check(&m);
    let redo = undo.apply(&mut m).expect("undo applies");
    assert_eq!(m, original, "undo gives back the meeting");
    redo.apply(&mut m).expect("redo applies");
    check(&m);
}

fn refused(edit: Edit) -> EditError {
    let original = sample_meeting();
    let mut m = original.clone();
    let error = edit.apply(&mut m).expect_err("edit is refused");
    assert_eq!(m, original, "a refused edit changes nothing");
    error
}

fn session(m: &Meeting, title: &str) -> Session {
    m.sessions
        .iter()
        .find(|s| s.title == title)
        .cloned()
        .expect(title)
}

#[test]
fn set_title_and_details_are_undone() {
    round_trip(Edit::SetTitle("R2P 2023".into()), |m| {
        assert_eq!(m.title, "R2P 2023")
    });
    let mut details = Details::of(&sample_meeting());
    details.city = "Geneva".into();
    details.timezone = "Europe/Zurich".into();
    round_trip(Edit::SetDetails(Box::new(details)), |m| {
        assert_eq!(
            (m.city.as_str(), m.timezone.as_str()),
            ("Geneva", "Europe/Zurich")
        )
    });
    let mut blank_title = Details::of(&sample_meeting());
    blank_title.title = " ".into();
    assert_eq!(
        refused(Edit::SetDetails(Box::new(blank_title))),
        EditError::EmptyTitle
    );
}

#[test]
fn check_settings_are_undone_and_out_of_range_settings_refused() {
    use agenda_planner::domain::CheckSettings;
    let settings = CheckSettings {
        changeover_minutes: 15,
        ..CheckSettings::default()
    };
    round_trip(Edit::SetChecks(Box::new(settings)), |m| {
        assert_eq!(m.checks.changeover_minutes, 15)
    });
    let wrong = CheckSettings {
        gap_minutes: -10,
        ..CheckSettings::default()
    };
    assert!(matches!(
        refused(Edit::SetChecks(Box::new(wrong))),
        EditError::InvalidMeeting(_)
    ));
}

#[test]
fn put_replaces_an_item_or_adds_a_new_one() {
    let m = sample_meeting();
    let mut day = m.days[1].clone();
    day.label = "Closing day".into();
    round_trip(Edit::Put(Box::new(Item::Day(day))), |m| {
        assert_eq!(m.days[1].label, "Closing day")
    });

    let room = Room {
        id: RoomId(9),
        name: "Press room".into(),
        capacity: None,
        description: String::new(),
    };
    round_trip(Edit::Put(Box::new(Item::Room(room))), |m| {
        assert_eq!(m.rooms.len(), 4)
    });

    let theme = Theme {
        id: ThemeId(6),
        name: "Accountability".into(),
        colour: "#334155".into(),
        description: String::new(),
    };
    round_trip(Edit::Put(Box::new(Item::Theme(theme))), |m| {
        assert_eq!(m.themes.len(), 6)
    });

    let mut person = m.people[3].clone();
    person.honorific = "Dr".into();
    round_trip(Edit::Put(Box::new(Item::Person(person))), |m| {
        assert_eq!(m.people[3].honorific, "Dr")
    });

    // A participant added, reordered and confirmed: a Put of the changed session.
    let mut panel = session(&m, "Gendering R2P");
    panel.participants.push(Participant {
        person: PersonId(4),
        role: Role::Moderator,
        status: Status::ToBeConfirmed,
        order: 0,
    });
    panel.participants.swap(0, 1);
    panel.items.push(RunItem {
        time: parse_time("16:20").unwrap(),
        title: "Questions".into(),
        person: None,
    });
    round_trip(Edit::Put(Box::new(Item::Session(panel))), |m| {
        let entry = m
            .programme_day(DayId(1), Default::default())
            .into_iter()
            .find(|e| e.title == "Gendering R2P")
            .unwrap();
        assert_eq!(entry.roles[0].heading, "Moderator");
    });
}

#[test]
fn an_edit_that_would_make_the_meeting_invalid_is_refused() {
    let m = sample_meeting();
    let mut late = session(&m, "Gendering R2P");
    late.end = parse_time("21:00").unwrap();
    assert!(
        matches!(refused(Edit::Put(Box::new(Item::Session(late)))), EditError::InvalidMeeting(msg) if msg.contains("outside its day"))
    );
    let mut ghost = session(&m, "Gendering R2P");
    ghost.participants.push(Participant {
        person: PersonId(77),
        role: Role::Panelist,
        status: Status::Invited,
        order: 9,
    });
    assert!(
        matches!(refused(Edit::Put(Box::new(Item::Session(ghost)))), EditError::InvalidMeeting(msg) if msg.contains("person 77"))
    );
    assert_eq!(refused(Edit::SetTitle("".into())), EditError::EmptyTitle);
}

#[test]
fn removing_a_day_removes_its_sessions_and_undo_brings_all_back_in_place() {
    round_trip(Edit::Remove(ItemId::Day(DayId(1))), |m| {
        assert_eq!(m.days.len(), 1);
        assert!(m.sessions.iter().all(|s| s.day == DayId(2)));
    });
}

#[test]
fn removing_a_person_or_theme_takes_them_out_of_every_session() {
    round_trip(Edit::Remove(ItemId::Person(PersonId(2))), |m| {
        assert!(m.person(PersonId(2)).is_none());
        assert!(m
            .sessions
            .iter()
            .all(|s| s.participants.iter().all(|p| p.person != PersonId(2))));
        assert!(m
            .sessions
            .iter()
            .flat_map(|s| &s.items)
            .all(|i| i.person != Some(PersonId(2))));
    });
    round_trip(Edit::Remove(ItemId::Theme(ThemeId(5))), |m| {
        assert!(m.sessions.iter().all(|s| !s.themes.contains(&ThemeId(5))));
    });
    round_trip(Edit::Remove(ItemId::Session(SessionId(3))), |m| {
        assert!(m.session(SessionId(3)).is_none())
    });
}

#[test]
fn a_room_in_use_cannot_be_removed_but_an_empty_one_can() {
    let error = refused(Edit::Remove(ItemId::Room(RoomId(1))));
    assert!(
        matches!(&error, EditError::RoomInUse { room, sessions } if room == "Hall of the Americas" && *sessions > 5),
        "{error}"
    );
    let mut m = sample_meeting();
    let extra = Room {
        id: RoomId(4),
        name: "Spare".into(),
        capacity: None,
        description: String::new(),
    };
    Edit::Put(Box::new(Item::Room(extra)))
        .apply(&mut m)
        .unwrap();
    let before = m.clone();
    let undo = Edit::Remove(ItemId::Room(RoomId(4))).apply(&mut m).unwrap();
    assert_eq!(m.rooms.len(), 3);
    undo.apply(&mut m).unwrap();
    assert_eq!(m, before);
    assert!(matches!(
        refused(Edit::Remove(ItemId::Session(SessionId(99)))),
        EditError::NotFound(_)
    ));
}

#[test]
fn shifting_later_sessions_moves_only_those_of_that_day_from_that_time() {
    let m = sample_meeting();
    let edit = Edit::shift_from(&m, DayId(1), parse_time("14:30").unwrap(), 15);
    round_trip(edit, |after| {
        let before = sample_meeting();
        for (a, b) in after.sessions.iter().zip(&before.sessions) {
            let moved = b.day == DayId(1) && b.start >= parse_time("14:30").unwrap();
            let by = (a.start - b.start).num_minutes();
            assert_eq!(by, if moved { 15 } else { 0 }, "{}", b.title);
        }
    });
    // Earlier by 30 minutes, run-of-show items with it.
    let opening = Edit::Shift(vec![SessionId(2)], -30);
    round_trip(opening, |m| {
        let s = m.session(SessionId(2)).unwrap();
        assert_eq!(
            (s.start, s.items[0].time),
            (parse_time("08:30").unwrap(), parse_time("08:30").unwrap())
        );
    });
}

#[test]
fn a_shift_past_midnight_or_out_of_the_day_is_refused() {
    // Its start would be on the next date.
    assert!(matches!(
        refused(Edit::Shift(vec![SessionId(11)], 60 * 10)),
        EditError::PastMidnight { .. }
    ));
    // Ending after midnight, outside a day that ends at its evening.
    assert!(matches!(
        refused(Edit::Shift(vec![SessionId(11)], 60 * 5)),
        EditError::InvalidMeeting(_)
    ));
    assert!(matches!(
        refused(Edit::Shift(vec![SessionId(11)], 60)),
        EditError::InvalidMeeting(_)
    ));
    assert!(matches!(
        refused(Edit::Shift(vec![SessionId(500)], 5)),
        EditError::NotFound(_)
    ));
}

#[test]
fn a_batch_applies_whole_or_not_at_all() {
    let batch = Edit::Batch(vec![
        Edit::SetTitle("Step 1".into()),
        Edit::Remove(ItemId::Session(SessionId(1))),
    ]);
    round_trip(batch, |m| {
        assert_eq!((m.title.as_str(), m.sessions.len()), ("Step 1", 15))
    });
    let failing = Edit::Batch(vec![
        Edit::SetTitle("Step 1".into()),
        Edit::Remove(ItemId::Room(RoomId(1))),
    ]);
    assert!(matches!(refused(failing), EditError::RoomInUse { .. }));
}

#[test]
fn replacing_the_meeting_is_undone() {
    let blank = Meeting::blank(parse_date("2026-03-01").unwrap());
    round_trip(Edit::Replace(Box::new(blank)), |m| {
        assert_eq!(m.title, "Untitled meeting")
    });
}

fn random_edit(m: &Meeting, rng: &mut Rng) -> Edit {
    let pick = |rng: &mut Rng, n: usize| rng.below(n.max(1));
    match rng.below(8) {
        0 => Edit::SetTitle(format!("Title {}", rng.below(1000))),
        1 => Edit::Shift(
            vec![m.sessions[pick(rng, m.sessions.len())].id],
            rng.below(61) as i64 - 30,
        ),
        2 => Edit::Remove(ItemId::Session(m.sessions[pick(rng, m.sessions.len())].id)),
        3 => Edit::Remove(ItemId::Person(m.people[pick(rng, m.people.len())].id)),
        4 => Edit::Remove(ItemId::Theme(ThemeId(rng.below(7) as u32))),
        5 => {
            let mut s = m.sessions[pick(rng, m.sessions.len())].clone();
            s.title = format!("{} (edited)", s.title);
            s.participants.reverse();
            Edit::Put(Box::new(Item::Session(s)))
        }
        // Removing a day takes a third of the sessions with it: keep it rare.
        6 if rng.below(6) == 0 => Edit::Remove(ItemId::Day(DayId(rng.below(3) as u32 + 1))),
        _ => Edit::shift_from(
            m,
            DayId(1),
            parse_time("12:00").unwrap(),
            rng.below(21) as i64 - 10,
        ),
    }
}

#[test]
fn any_sequence_of_edits_undoes_back_to_the_start_and_redoes_to_the_end() {
    for seed in 1..=20 {
        let original = generated_meeting(60, 80, 3, 4);
        let mut m = original.clone();
        let mut history = History::default();
        let mut rng = Rng(seed);
        let mut applied = 0;
        for _ in 0..200 {
            if m.sessions.is_empty() || m.people.is_empty() {
                break;
            }
            let edit = random_edit(&m, &mut rng);
            let before = m.clone();
            match history.apply(&mut m, edit) {
                Ok(()) => applied += 1,
                Err(_) => assert_eq!(m, before, "seed {seed}: a refused edit changed the meeting"),
            }
        }
        assert!(applied > 20, "seed {seed}: only {applied} edits applied");
        let end = m.clone();
        while history.undo(&mut m).is_some() {}
        assert_eq!(m, original, "seed {seed}: undo all");
        while history.redo(&mut m).is_some() {}
        assert_eq!(m, end, "seed {seed}: redo all");
    }
}

#[test]
fn history_keeps_many_steps_and_a_new_edit_clears_redo() {
    let original = sample_meeting();
    let mut m = original.clone();
    let mut history = History::default();
    for i in 0..(HISTORY_STEPS + 20) {
        history
            .apply(&mut m, Edit::SetTitle(format!("Title {i}")))
            .unwrap();
    }
    let mut undone = 0;
    while history.undo(&mut m).is_some() {
        undone += 1;
    }
    assert_eq!(undone, HISTORY_STEPS);
    const {
        assert!(
            HISTORY_STEPS >= 200,
            "the editor promises at least 200 undo steps"
        )
    };
    assert_eq!(m.title, "Title 19", "the oldest steps fall off the end");
    history.redo(&mut m);
    assert!(history.can_redo());
    history
        .apply(&mut m, Edit::SetTitle("New branch".into()))
        .unwrap();
    assert!(!history.can_redo());
    assert!(history.redo(&mut m).is_none());
}

#[test]
fn duplicating_for_next_year_shifts_every_date_and_can_reset_confirmations() {
    let m = sample_meeting();
    let next = m.duplicated(364, true);
    assert_eq!(next.days[0].date, parse_date("2023-09-14").unwrap());
    assert_eq!(
        next.days[0].date.weekday(),
        m.days[0].date.weekday(),
        "364 days keeps the weekday"
    );
    assert!(next
        .sessions
        .iter()
        .flat_map(|s| &s.participants)
        .all(|p| p.status == Status::Invited));
    assert_eq!(next.validate(), vec![]);
    assert_eq!(next.sessions.len(), m.sessions.len());
    let kept = m.duplicated(7, false);
    assert_eq!(kept.days[1].date, parse_date("2022-09-23").unwrap());
    assert!(kept
        .sessions
        .iter()
        .flat_map(|s| &s.participants)
        .all(|p| p.status == Status::Confirmed));
    assert_eq!(m, sample_meeting(), "the original is untouched");
}

mod rebase {
    use super::*;

    fn room(id: u32, name: &str) -> Item {
        Item::Room(Room {
            id: RoomId(id),
            name: name.into(),
            capacity: None,
            description: String::new(),
        })
    }

    /// The sample, and the same meeting after another tab's edit.
    fn base_and_newer(other_tab: Edit) -> (Meeting, Meeting) {
        let base = sample_meeting();
        let mut newer = base.clone();
        other_tab.apply(&mut newer).expect("the other tab's edit");
        (base, newer)
    }

    #[test]
    fn an_addition_whose_id_was_taken_elsewhere_gets_the_next_free_id() {
        let (base, newer) = base_and_newer(Edit::Put(Box::new(room(4, "Their room"))));
        let mine = Edit::Put(Box::new(room(4, "My room")))
            .rebase(&base, &newer)
            .unwrap();
        let mut m = newer.clone();
        mine.apply(&mut m).unwrap();
        let names: Vec<&str> = m.rooms.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(
            &names[3..],
            ["Their room", "My room"],
            "both additions kept"
        );
    }

    #[test]
    fn a_change_to_something_changed_elsewhere_is_refused_but_other_changes_go_through() {
        let mut theirs = sample_meeting().sessions[1].clone();
        theirs.title = "Opening (their title)".into();
        let (base, newer) = base_and_newer(Edit::Put(Box::new(Item::Session(theirs))));
        let mut mine = base.sessions[1].clone();
        mine.title = "Opening (my title)".into();
        assert_eq!(
            Edit::Put(Box::new(Item::Session(mine))).rebase(&base, &newer),
            Err(EditError::ChangedElsewhere)
        );
        assert_eq!(
            Edit::Remove(ItemId::Session(SessionId(2))).rebase(&base, &newer),
            Err(EditError::ChangedElsewhere)
        );
        assert_eq!(
            Edit::Shift(vec![SessionId(2)], 5).rebase(&base, &newer),
            Err(EditError::ChangedElsewhere)
        );
        // Something else entirely still applies on top of their change.
        let other = Edit::Shift(vec![SessionId(12)], 5)
            .rebase(&base, &newer)
            .unwrap();
        let mut m = newer.clone();
        other.apply(&mut m).unwrap();
        assert_eq!(m.sessions[1].title, "Opening (their title)");
    }

    #[test]
    fn details_changed_elsewhere_are_not_overwritten() {
        let (base, newer) = base_and_newer(Edit::SetTitle("Their title".into()));
        assert_eq!(
            Edit::SetTitle("Mine".into()).rebase(&base, &newer),
            Err(EditError::ChangedElsewhere)
        );
        let (base, newer) = base_and_newer(Edit::Put(Box::new(room(4, "Theirs"))));
        assert!(Edit::SetTitle("Mine".into()).rebase(&base, &newer).is_ok());
    }

    #[test]
    fn a_person_created_inline_keeps_their_place_in_the_session_when_renumbered() {
        let theirs = Person {
            id: PersonId(21),
            given_name: "Their".into(),
            family_name: "Person".into(),
            ..Person::default()
        };
        let (base, newer) = base_and_newer(Edit::Put(Box::new(Item::Person(theirs))));
        let mine = Person {
            id: PersonId(21),
            given_name: "My".into(),
            family_name: "Guest".into(),
            ..Person::default()
        };
        let mut session = base.sessions[2].clone();
        session.participants.push(Participant {
            person: PersonId(21),
            role: Role::Moderator,
            status: Status::Invited,
            order: 0,
        });
        let batch = Edit::Batch(vec![
            Edit::Put(Box::new(Item::Person(mine))),
            Edit::Put(Box::new(Item::Session(session))),
        ]);
        let mut m = newer.clone();
        batch.rebase(&base, &newer).unwrap().apply(&mut m).unwrap();
        let moderator = m.sessions[2]
            .participants
            .iter()
            .find(|p| p.role == Role::Moderator)
            .unwrap();
        assert_eq!(m.person(moderator.person).unwrap().name(), "My Guest");
        assert_eq!(m.person(PersonId(21)).unwrap().name(), "Their Person");
    }
}

#[test]
fn two_additions_in_one_batch_get_distinct_free_ids_when_another_tab_took_theirs() {
    let base = sample_meeting();
    let room = |id: u32, name: &str| Room {
        id: RoomId(id),
        name: name.into(),
        capacity: None,
        description: String::new(),
    };
    let mine = Edit::Batch(vec![
        Edit::Put(Box::new(Item::Room(room(4, "Mine 1")))),
        Edit::Put(Box::new(Item::Room(room(5, "Mine 2")))),
    ]);
    let mut theirs = base.clone();
    theirs.rooms.push(room(4, "Theirs 1"));
    theirs.rooms.push(room(5, "Theirs 2"));
    let mut merged = theirs.clone();
    mine.rebase(&base, &theirs)
        .unwrap()
        .apply(&mut merged)
        .unwrap();
    let names: Vec<&str> = merged.rooms.iter().map(|r| r.name.as_str()).collect();
    for name in ["Mine 1", "Mine 2", "Theirs 1", "Theirs 2"] {
        assert_eq!(names.iter().filter(|n| **n == name).count(), 1, "{name}");
    }
    assert!(merged.validate().is_empty());
}

/// The editor's commands: what a control asks for becomes one edit (one undo step).
mod commands {
    use super::*;

    #[test]
    fn new_items_get_the_next_free_id_of_their_kind() {
        let m = sample_meeting();
        let max = |ids: Vec<u32>| ids.into_iter().max().unwrap_or(0) + 1;
        assert_eq!(
            m.new_session_id().0,
            max(m.sessions.iter().map(|s| s.id.0).collect())
        );
        assert_eq!(
            m.new_person_id().0,
            max(m.people.iter().map(|p| p.id.0).collect())
        );
        assert_eq!(m.new_room_id(), RoomId(4));
        assert_eq!(Meeting::default().new_day_id(), DayId(1));
    }

    #[test]
    fn adding_a_session_from_a_template_uses_its_title_kind_and_length() {
        let m = sample_meeting();
        let template = Template::find("lunch").unwrap();
        let start = parse_time("12:30").unwrap();
        let (edit, id) = Edit::add_session(&m, template, DayId(2), start, Placement::AllRooms);
        round_trip(edit, |after| {
            let s = after.session(id).expect("added");
            assert_eq!(
                (s.title.as_str(), s.kind, s.day),
                ("Lunch", SessionKind::Meal, DayId(2))
            );
            assert_eq!(s.duration_minutes(), 75);
        });
    }

    #[test]
    fn saving_a_session_can_move_every_later_session_of_its_day_by_as_much() {
        let m = sample_meeting();
        let mut s = session(&m, "Gendering R2P");
        let old_start = s.start;
        s.start = old_start + chrono::Duration::minutes(15);
        s.end += chrono::Duration::minutes(15);
        let edit = Edit::save_session(&m, s.clone(), None, true);
        round_trip(edit, |after| {
            for (a, b) in after.sessions.iter().zip(&m.sessions) {
                let later = b.day == s.day && b.start >= old_start;
                let by = (a.start - b.start).num_minutes();
                assert_eq!(by, if later { 15 } else { 0 }, "{}", b.title);
            }
        });
        // Without the box ticked only the session moves.
        let alone = Edit::save_session(&m, s.clone(), None, false);
        assert!(matches!(alone, Edit::Put(_)), "{alone:?}");
    }

    #[test]
    fn a_person_created_in_the_session_form_is_added_in_the_same_step() {
        let m = sample_meeting();
        let newcomer = Person {
            id: m.new_person_id(),
            given_name: "Jane".into(),
            family_name: "Doe".into(),
            ..Person::default()
        };
        let mut s = m.sessions[2].clone();
        s.participants.push(Participant {
            person: newcomer.id,
            role: Role::Panelist,
            status: Status::Invited,
            order: 9,
        });
        let edit = Edit::save_session(&m, s.clone(), Some(newcomer.clone()), false);
        round_trip(edit, |after| {
            assert_eq!(after.person(newcomer.id).unwrap().name(), "Jane Doe");
            assert_eq!(after.session(s.id), Some(&s));
        });
    }

    #[test]
    fn duplicating_a_session_copies_it_under_a_new_id() {
        let m = sample_meeting();
        let s = session(&m, "Gendering R2P");
        let (edit, copy) = Edit::duplicate_session(&m, s.clone(), None);
        assert_eq!(copy, m.new_session_id());
        round_trip(edit, |after| {
            let c = after.session(copy).unwrap();
            assert_eq!(c.title, "Gendering R2P (copy)");
            assert_eq!(
                (c.start, c.end, &c.participants),
                (s.start, s.end, &s.participants)
            );
            assert!(after.session(s.id).is_some(), "the original stays");
        });
    }

    #[test]
    fn saving_a_session_form_keeps_the_guid_other_systems_know_it_by_and_a_copy_gets_none() {
        let mut m = sample_meeting();
        let guid = "5f0c3b1e-2a4d-5e6f-8a9b-0c1d2e3f4a5b";
        m.sessions[3].guid = guid.into();
        // What the form gives: everything but the guid.
        let mut form = m.sessions[3].clone();
        form.guid.clear();
        form.title = "Renamed".into();
        let mut after = m.clone();
        Edit::save_session(&m, form.clone(), None, false)
            .apply(&mut after)
            .unwrap();
        let s = after.session(form.id).unwrap();
        assert_eq!((s.title.as_str(), s.guid.as_str()), ("Renamed", guid));
        let (edit, copy) = Edit::duplicate_session(&m, m.sessions[3].clone(), None);
        let mut after = m.clone();
        edit.apply(&mut after).unwrap();
        assert_eq!(after.session(copy).unwrap().guid, "");
        assert_eq!(after.session(m.sessions[3].id).unwrap().guid, guid);
    }

    #[test]
    fn moving_a_session_keeps_its_length_and_its_run_of_show_with_it() {
        let m = sample_meeting();
        let s = m
            .sessions
            .iter()
            .find(|s| !s.items.is_empty())
            .expect("a run of show")
            .clone();
        let start = s.start + chrono::Duration::minutes(30);
        let edit = Edit::move_session(&m, s.id, s.day, start, Placement::Room(RoomId(2))).unwrap();
        round_trip(edit, |after| {
            let moved = after.session(s.id).unwrap();
            assert_eq!(moved.start, start);
            assert_eq!(moved.duration_minutes(), s.duration_minutes());
            assert_eq!(moved.placement, Placement::Room(RoomId(2)));
            for (a, b) in moved.items.iter().zip(&s.items) {
                assert_eq!((a.time - b.time).num_minutes(), 30, "{}", b.title);
            }
        });
        let late = parse_time("23:50").unwrap();
        assert!(matches!(
            Edit::move_session(&m, s.id, s.day, late, s.placement),
            Err(EditError::PastMidnight { .. })
        ));
        assert!(matches!(
            Edit::move_session(&m, SessionId(999), s.day, start, s.placement),
            Err(EditError::NotFound(_))
        ));
    }

    #[test]
    fn dropping_a_session_on_another_gives_it_that_start_and_day() {
        let m = sample_meeting();
        let source = session(&m, "Gendering R2P");
        let target = m
            .sessions
            .iter()
            .find(|s| s.day != source.day)
            .unwrap()
            .clone();
        let edit = Edit::move_onto(&m, source.id, target.id).unwrap();
        let mut after = m.clone();
        edit.apply(&mut after).unwrap();
        let moved = after.session(source.id).unwrap();
        assert_eq!((moved.day, moved.start), (target.day, target.start));
        assert_eq!(moved.placement, source.placement);
        assert_eq!(moved.duration_minutes(), source.duration_minutes());
    }
}

/// Edits not yet saved when another tab saved, moved onto what it saved one by one.
mod rebase_pending {
    use super::*;
    use agenda_planner::domain::rebase::rebase_all;

    fn room(id: u32, name: &str) -> Edit {
        Edit::Put(Box::new(Item::Room(Room {
            id: RoomId(id),
            name: name.into(),
            capacity: None,
            description: String::new(),
        })))
    }

    #[test]
    fn every_edit_that_still_applies_is_kept_in_order() {
        let base = sample_meeting();
        let mut newer = base.clone();
        room(4, "Theirs").apply(&mut newer).unwrap();
        let s = base.sessions[3].id;
        // Mine: a room (id taken meanwhile), then the same session moved twice: the second
        // move is made against the first, not against the base.
        let mine = vec![room(4, "Mine"), Edit::nudge(s, 5), Edit::nudge(s, 5)];
        let r = rebase_all(mine, base.clone(), newer);
        assert_eq!(r.refused, 0);
        assert_eq!(r.kept.len(), 3);
        let names: Vec<&str> = r.meeting.rooms.iter().map(|r| r.name.as_str()).collect();
        assert!(
            names.contains(&"Theirs") && names.contains(&"Mine"),
            "{names:?}"
        );
        let moved = r.meeting.session(s).unwrap();
        assert_eq!(
            (moved.start - base.session(s).unwrap().start).num_minutes(),
            10
        );
        assert!(r.meeting.validate().is_empty());
    }

    #[test]
    fn an_edit_of_what_changed_elsewhere_is_refused_and_the_rest_kept() {
        let base = sample_meeting();
        let s = base.sessions[3].clone();
        let mut theirs = s.clone();
        theirs.title = "Their title".into();
        let mut newer = base.clone();
        Edit::Put(Box::new(Item::Session(theirs)))
            .apply(&mut newer)
            .unwrap();
        let mut mine = s.clone();
        mine.title = "My title".into();
        let edits = vec![Edit::Put(Box::new(Item::Session(mine))), room(9, "Mine")];
        let r = rebase_all(edits, base, newer);
        assert_eq!(r.refused, 1);
        assert_eq!(r.meeting.session(s.id).unwrap().title, "Their title");
        assert!(r.meeting.rooms.iter().any(|r| r.name == "Mine"));
    }

    #[test]
    fn an_edit_whose_result_would_not_be_valid_is_refused() {
        let base = sample_meeting();
        // They removed a room that is free; I put a session into it.
        let mut newer = base.clone();
        let free = Room {
            id: RoomId(7),
            name: "Spare".into(),
            capacity: None,
            description: String::new(),
        };
        let mut base = base;
        base.rooms.push(free.clone());
        let mut s = base.sessions[3].clone();
        s.placement = Placement::Room(RoomId(7));
        newer.rooms.retain(|r| r.id != RoomId(7));
        let r = rebase_all(
            vec![Edit::Put(Box::new(Item::Session(s)))],
            base,
            newer.clone(),
        );
        assert_eq!(r.refused, 1);
        assert_eq!(r.meeting, newer);
    }
}

#[test]
fn a_shift_out_of_its_day_is_refused_like_any_invalid_edit() {
    let m = sample_meeting();
    let day = m.days_in_order()[0].clone();
    let last = m
        .sessions_on(day.id)
        .last()
        .map(|s| (s.id, (day.end - s.end).num_minutes()))
        .unwrap();
    assert!(matches!(
        refused(Edit::Shift(vec![last.0], last.1 + 5)),
        EditError::InvalidMeeting(message) if message.contains("outside its day")
    ));
    // Up to the end of the day is fine.
    round_trip(Edit::Shift(vec![last.0], last.1), |after| {
        assert_eq!(after.session(last.0).unwrap().end, day.end)
    });
}

mod stale_forms {
    use agenda_planner::domain::edit::Item;
    use agenda_planner::domain::rebase::{clash_message, clashes};
    use agenda_planner::domain::sample::sample_meeting;

    fn room() -> agenda_planner::domain::Room {
        sample_meeting().rooms[0].clone()
    }

    #[test]
    fn a_field_changed_in_the_form_and_in_another_tab_is_a_clash_named_with_its_value_now() {
        let drawn = room();
        let mut now = drawn.clone();
        now.name = "Renamed in the other tab".into();
        let mut submitted = drawn.clone();
        submitted.name = "Renamed here".into();
        let found = clashes(&Item::Room(drawn), &Item::Room(submitted), &Item::Room(now));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].field, "name");
        let message = clash_message(&found);
        assert!(
            message.contains("name (now “Renamed in the other tab”)"),
            "{message}"
        );
        assert!(message.contains("not saved"), "{message}");
    }

    #[test]
    fn fields_changed_on_one_side_only_or_to_the_same_value_are_no_clash() {
        let drawn = room();
        let mut now = drawn.clone();
        now.name = "Renamed in the other tab".into();
        // The form shows the other tab's name (it follows), and changes the description.
        let mut submitted = now.clone();
        submitted.description = "Changed here".into();
        assert!(clashes(&drawn, &submitted, &now).is_empty());
        // Both made the same change.
        let mut same = drawn.clone();
        same.name = "Renamed in the other tab".into();
        assert!(clashes(&drawn, &same, &now).is_empty());
        // Nothing changed elsewhere.
        assert!(clashes(&drawn, &submitted, &drawn).is_empty());
    }
}

#[test]
fn a_removal_says_what_goes_with_it_before_it_goes() {
    let m = sample_meeting();
    assert_eq!(
        m.removal_summary(ItemId::Day(DayId(2))).as_deref(),
        Some("Day 2 (Fri 16 Sep) removed with its 5 sessions.")
    );
    assert_eq!(
        m.removal_summary(ItemId::Person(PersonId(2))).as_deref(),
        Some("Mr George Okoth-Obbo removed and taken out of 2 sessions.")
    );
    assert_eq!(
        m.removal_summary(ItemId::Session(SessionId(10))).as_deref(),
        Some("“Gendering R2P” removed.")
    );
    let mut blank = Meeting::blank(parse_date("2022-09-15").unwrap());
    blank.days[0].label.clear();
    assert_eq!(
        blank.removal_summary(ItemId::Day(DayId(1))).as_deref(),
        Some("Thu 15 Sep removed.")
    );
    assert_eq!(m.removal_summary(ItemId::Day(DayId(99))), None);
}
