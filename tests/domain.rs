//! Validation, edits and how the programme names people: the domain's rules, natively.

use agenda_planner::domain::programme::NameStyle;
use agenda_planner::domain::sample::sample_meeting;
use agenda_planner::domain::schedule::{date_range_label, hhmm};
use agenda_planner::domain::*;
use chrono::NaiveDate;

fn time(text: &str) -> chrono::NaiveTime {
    hhmm::parse(text).expect("time")
}

fn first_session(meeting: &mut Meeting) -> &mut Session {
    let id = meeting.sessions_on(DayId(1))[1].id; // the opening ceremony
    meeting
        .sessions
        .iter_mut()
        .find(|s| s.id == id)
        .expect("session")
}

#[test]
fn a_valid_meeting_has_no_errors() {
    assert!(sample_meeting().validate().is_empty());
    let blank = Meeting::blank(NaiveDate::from_ymd_opt(2026, 1, 5).unwrap());
    assert!(blank.validate().is_empty());
}

#[test]
fn a_session_ending_before_it_starts_is_refused() {
    let mut m = sample_meeting();
    let s = first_session(&mut m);
    s.end = s.start;
    let id = s.id;
    assert!(matches!(
        m.validate().as_slice(),
        [ValidationError::EndNotAfterStart { session, .. }] if *session == id
    ));
}

#[test]
fn a_session_outside_its_day_is_refused_but_one_touching_the_edges_is_not() {
    let mut m = sample_meeting();
    let day_end = m.days[0].end;
    let day_start = m.days[0].start;
    let s = first_session(&mut m);
    s.start = day_start;
    s.end = day_end;
    assert!(m.validate().is_empty(), "exactly filling the day is fine");
    let s = first_session(&mut m);
    s.end = time("20:01");
    assert!(matches!(
        m.validate().as_slice(),
        [ValidationError::OutsideDay { .. }]
    ));
    let s = first_session(&mut m);
    s.start = time("08:00");
    s.end = time("09:00");
    let errors = m.validate();
    assert!(matches!(
        errors.as_slice(),
        [ValidationError::OutsideDay { .. }]
    ));
    assert!(
        errors[0].to_string().contains("Opening ceremony"),
        "{}",
        errors[0]
    );
}

#[test]
fn ids_that_point_nowhere_are_refused_each_with_its_own_error() {
    let mut m = sample_meeting();
    first_session(&mut m).day = DayId(99);
    assert!(matches!(
        m.validate().as_slice(),
        [ValidationError::UnknownDay { day: DayId(99), .. }]
    ));

    let mut m = sample_meeting();
    first_session(&mut m).placement = Placement::Room(RoomId(42));
    assert!(matches!(
        m.validate().as_slice(),
        [ValidationError::UnknownRoom {
            room: RoomId(42),
            ..
        }]
    ));

    let mut m = sample_meeting();
    first_session(&mut m).themes.push(ThemeId(7));
    assert!(matches!(
        m.validate().as_slice(),
        [ValidationError::UnknownTheme {
            theme: ThemeId(7),
            ..
        }]
    ));

    let mut m = sample_meeting();
    first_session(&mut m).participants[0].person = PersonId(500);
    assert!(matches!(
        m.validate().as_slice(),
        [ValidationError::UnknownPerson {
            person: PersonId(500),
            ..
        }]
    ));

    let mut m = sample_meeting();
    first_session(&mut m).items[0].person = Some(PersonId(501));
    assert!(matches!(
        m.validate().as_slice(),
        [ValidationError::UnknownPerson {
            person: PersonId(501),
            ..
        }]
    ));
}

#[test]
fn a_session_guid_must_be_a_uuid_and_no_two_sessions_share_one() {
    let mut m = sample_meeting();
    m.sessions[0].guid = "not-a-uuid".into();
    assert!(matches!(
        m.validate().as_slice(),
        [ValidationError::InvalidGuid { guid, .. }] if guid == "not-a-uuid"
    ));
    let guid = "5F0C3B1E-2A4D-5E6F-8A9B-0C1D2E3F4A5B";
    m.sessions[0].guid = guid.into();
    assert_eq!(m.validate(), vec![], "a UUID in capitals is one");
    m.sessions[1].guid = guid.to_ascii_lowercase();
    let errors = m.validate();
    assert!(
        matches!(errors.as_slice(), [ValidationError::DuplicateGuid { .. }]),
        "{errors:?}"
    );
    assert!(errors[0].to_string().contains("have the same guid"));
}

#[test]
fn an_empty_title_anywhere_is_refused() {
    let mut m = sample_meeting();
    m.title = "   ".into();
    first_session(&mut m).title = String::new();
    let errors = m.validate();
    assert!(errors.contains(&ValidationError::EmptyMeetingTitle));
    assert!(errors
        .iter()
        .any(|e| matches!(e, ValidationError::EmptySessionTitle { .. })));
}

#[test]
fn the_same_person_twice_in_one_role_is_refused_but_in_two_roles_is_not() {
    let mut m = sample_meeting();
    let s = first_session(&mut m);
    let mut again = s.participants[1].clone();
    let original_role = again.role;
    again.role = Role::Speaker;
    s.participants.push(again.clone());
    assert!(
        m.validate().is_empty(),
        "one person in two roles is allowed"
    );
    again.role = original_role;
    first_session(&mut m).participants.push(again);
    let errors = m.validate();
    assert!(matches!(
        errors.as_slice(),
        [ValidationError::DuplicateParticipant { .. }]
    ));
    assert!(
        errors[0].to_string().contains("George Okoth-Obbo"),
        "{}",
        errors[0]
    );
}

#[test]
fn duplicate_ids_dates_bad_colours_and_unnamed_things_are_refused() {
    let mut m = sample_meeting();
    m.people[1].id = m.people[0].id;
    assert!(m.validate().contains(&ValidationError::DuplicateId {
        kind: "people",
        id: 1
    }));

    let mut m = sample_meeting();
    m.days[1].date = m.days[0].date;
    assert!(matches!(
        m.validate().as_slice(),
        [ValidationError::DuplicateDate { .. }]
    ));

    let mut m = sample_meeting();
    m.days[1].end = m.days[1].start;
    assert!(m
        .validate()
        .iter()
        .any(|e| matches!(e, ValidationError::DayEndNotAfterStart { .. })));

    for bad in ["red", "#12345", "#12345g", "1234567", "javascript:x"] {
        let mut m = sample_meeting();
        m.themes[0].colour = bad.into();
        assert!(
            matches!(
                m.validate().as_slice(),
                [ValidationError::InvalidColour { .. }]
            ),
            "{bad} accepted"
        );
    }

    let mut m = sample_meeting();
    m.rooms[0].name = " ".into();
    m.themes[0].name = String::new();
    m.people[0].given_name = String::new();
    m.people[0].family_name = String::new();
    let errors = m.validate();
    assert!(errors.contains(&ValidationError::EmptyRoomName { room: RoomId(1) }));
    assert!(errors.contains(&ValidationError::EmptyThemeName { theme: ThemeId(1) }));
    assert!(errors.contains(&ValidationError::EmptyPersonName {
        person: PersonId(1)
    }));
}

#[test]
fn renaming_returns_the_edit_that_undoes_it() {
    let mut m = sample_meeting();
    let before = m.clone();
    let undo = Edit::SetTitle("  R2P Focal Points 2023 ".into())
        .apply(&mut m)
        .expect("applies");
    assert_eq!(m.title, "R2P Focal Points 2023", "the title is trimmed");
    undo.apply(&mut m).expect("undo applies");
    assert_eq!(m, before);
}

#[test]
fn a_refused_rename_changes_nothing() {
    let mut m = sample_meeting();
    let before = m.clone();
    assert_eq!(
        Edit::SetTitle("   ".into()).apply(&mut m),
        Err(EditError::EmptyTitle)
    );
    assert_eq!(
        Edit::SetTitle("x".repeat(301)).apply(&mut m),
        Err(EditError::TitleTooLong(301))
    );
    assert_eq!(m, before);
}

#[test]
fn replacing_the_meeting_is_undoable_and_an_invalid_replacement_is_refused() {
    let mut m = sample_meeting();
    let before = m.clone();
    let blank = Meeting::blank(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
    let undo = Edit::Replace(Box::new(blank.clone()))
        .apply(&mut m)
        .expect("applies");
    assert_eq!(m, blank);
    undo.apply(&mut m).expect("undo");
    assert_eq!(m, before);

    let mut broken = blank;
    broken.title.clear();
    assert!(matches!(
        Edit::Replace(Box::new(broken)).apply(&mut m),
        Err(EditError::InvalidMeeting(_))
    ));
    assert_eq!(m, before);
}

#[test]
fn the_programme_names_people_by_role_as_honorific_name_position_organization() {
    let m = sample_meeting();
    let day = m.programme_day(DayId(1), NameStyle::default());
    let opening = day
        .iter()
        .find(|e| e.title == "Opening ceremony")
        .expect("opening");
    assert_eq!(opening.start, "09:00");
    assert_eq!(opening.end, "10:00");
    assert_eq!(opening.place, "Hall of the Americas");
    let headings: Vec<&str> = opening.roles.iter().map(|g| g.heading).collect();
    assert_eq!(headings, ["Chair", "Opening remarks"]);
    assert_eq!(
        opening.roles[0].people[0].to_string(),
        "H.E. Luis Almagro Lemes, Secretary General, Organization of American States"
    );
    assert_eq!(opening.roles[0].people[0].name, "H.E. Luis Almagro Lemes");
    assert_eq!(opening.roles[1].people.len(), 3);
    let panel = day
        .iter()
        .find(|e| e.title.starts_with("The role of civil society"))
        .unwrap();
    assert_eq!(panel.roles[0].heading, "Panelists");
    assert_eq!(panel.themes[0].name, "Civil society");

    let short = m.programme_day(
        DayId(1),
        NameStyle {
            honorifics: false,
            short_organizations: true,
        },
    );
    let opening = short
        .iter()
        .find(|e| e.title == "Opening ceremony")
        .unwrap();
    assert_eq!(
        opening.roles[0].people[0].to_string(),
        "Luis Almagro Lemes, Secretary General, OAS"
    );
}

#[test]
fn a_day_lists_its_sessions_in_time_order_and_no_other_days() {
    let m = sample_meeting();
    let day2 = m.programme_day(DayId(2), NameStyle::default());
    assert!(day2.windows(2).all(|w| w[0].start <= w[1].start));
    let on_day2 = m.sessions.iter().filter(|s| s.day == DayId(2)).count();
    assert_eq!(day2.len(), on_day2);
    assert!(day2.iter().all(|e| e.title != "Opening ceremony"));
}

#[test]
fn programme_lines_leave_out_empty_parts() {
    let p = Person {
        given_name: "Ana".into(),
        family_name: "Silva".into(),
        organization: "Ministry".into(),
        ..Person::default()
    };
    assert_eq!(p.programme_line(true, false), "Ana Silva, Ministry");
    assert_eq!(
        p.programme_line(true, true),
        "Ana Silva, Ministry",
        "no short name: full one"
    );
}

#[test]
fn date_ranges_read_naturally() {
    let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_eq!(
        date_range_label(d(2022, 9, 15), d(2022, 9, 16)),
        "15–16 September 2022"
    );
    assert_eq!(
        date_range_label(d(2022, 9, 15), d(2022, 9, 15)),
        "15 September 2022"
    );
    assert_eq!(
        date_range_label(d(2022, 9, 30), d(2022, 10, 2)),
        "30 September – 2 October 2022"
    );
    assert_eq!(
        date_range_label(d(2022, 12, 31), d(2023, 1, 2)),
        "31 December 2022 – 2 January 2023"
    );
}

#[test]
fn times_and_dates_parse_only_in_their_stored_forms() {
    use agenda_planner::domain::schedule::{hh_mm, iso_date, parse_date, parse_time};
    assert_eq!(parse_time("09:05").map(hh_mm).as_deref(), Some("09:05"));
    assert_eq!(
        parse_time("23:59:30").map(|t| t.to_string()).as_deref(),
        Some("23:59:30")
    );
    for bad in [
        "9:05",
        "24:00",
        "12:60",
        "12:00:",
        "12:00:00:00",
        "aa:bb",
        "",
        "١٢:٠٠",
        "+1:00",
    ] {
        assert_eq!(parse_time(bad), None, "{bad:?} accepted");
    }
    let date = parse_date("2024-02-29").expect("leap day");
    assert_eq!(iso_date(date), "2024-02-29");
    for bad in [
        "2023-02-29",
        "2023-2-01",
        "2023/02/01",
        "20230201",
        "2023-02-01T00",
        "",
        "२०२३-०२-०१",
    ] {
        assert_eq!(parse_date(bad), None, "{bad:?} accepted");
    }
}

#[test]
fn long_and_short_dates_name_the_weekday() {
    use agenda_planner::domain::schedule::{long_date, short_date};
    let d = NaiveDate::from_ymd_opt(2022, 9, 15).unwrap();
    assert_eq!(long_date(d), "Thursday 15 September 2022");
    assert_eq!(short_date(d), "Thu 15 Sep");
}

#[test]
fn generated_meetings_are_valid_repeatable_and_of_the_asked_size() {
    use agenda_planner::domain::generate::generated_meeting;
    let m = generated_meeting(1000, 2000, 3, 10);
    assert_eq!(m.sessions.len(), 1000);
    assert_eq!(m.people.len(), 2000);
    assert_eq!((m.days.len(), m.rooms.len()), (3, 10));
    assert_eq!(m.validate(), vec![]);
    assert_eq!(m, generated_meeting(1000, 2000, 3, 10));
    let small = generated_meeting(7, 3, 2, 2);
    assert_eq!(small.validate(), vec![]);
}

#[test]
fn a_field_over_its_length_limit_is_an_error_that_names_the_field_and_the_limit() {
    use agenda_planner::domain::validate::{MAX_LINE_CHARS, MAX_TEXT_CHARS};
    use agenda_planner::domain::ValidationError;
    let mut meeting = sample_meeting();
    let id = meeting.sessions[3].id;
    meeting.sessions[3].title = "x".repeat(MAX_LINE_CHARS + 1);
    meeting.people[0].bio = "é".repeat(MAX_TEXT_CHARS + 5);
    let errors = meeting.validate();
    assert!(errors.contains(&ValidationError::TooLong {
        field: format!("the title of session {id}"),
        chars: MAX_LINE_CHARS + 1,
        limit: MAX_LINE_CHARS,
    }));
    let bio = errors
        .iter()
        .map(ToString::to_string)
        .find(|e| e.contains("biography"))
        .expect("the biography is reported");
    assert!(
        bio.contains(&format!("{}", MAX_TEXT_CHARS + 5)) && bio.contains("at most 20000"),
        "{bio}"
    );
    // At the limit (counted in characters, not bytes) is fine.
    meeting.sessions[3].title = "é".repeat(MAX_LINE_CHARS);
    meeting.people[0].bio = "é".repeat(MAX_TEXT_CHARS);
    assert_eq!(meeting.validate(), vec![]);
}

#[test]
fn a_message_about_a_long_title_quotes_only_its_beginning() {
    let mut meeting = sample_meeting();
    meeting.sessions[0].title = "t".repeat(5_000);
    meeting.sessions[0].end = meeting.sessions[0].start;
    let message = meeting
        .validate()
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(message.len() < 1_000, "{} characters", message.len());
    assert!(message.contains(&format!("{}…", "t".repeat(60))));
}

#[test]
fn a_list_of_errors_shows_the_first_ten_and_counts_the_rest() {
    use agenda_planner::domain::validate::listed;
    let items: Vec<String> = (1..=25).map(|i| format!("problem {i}")).collect();
    let text = listed(&items);
    assert!(text.starts_with("problem 1; problem 2;"));
    assert!(text.contains("problem 10; …and 15 more"), "{text}");
    assert!(!text.contains("problem 11"));
    assert_eq!(listed(&items[..2]), "problem 1; problem 2");
    let long = vec!["y".repeat(10_000)];
    assert!(listed(&long).chars().count() <= 301);
}

#[test]
fn an_unreadable_file_with_thousands_of_errors_gets_a_short_message() {
    let mut meeting = sample_meeting();
    for s in &mut meeting.sessions {
        s.end = s.start;
        s.title = "z".repeat(2_000);
    }
    let text = agenda_planner::storage::encode(&meeting);
    let message = agenda_planner::storage::decode(&text)
        .unwrap_err()
        .to_string();
    assert!(
        message.len() < 2_000,
        "{} characters: {message}",
        message.len()
    );
    assert!(message.contains("more"), "{message}");
}

#[test]
fn items_are_found_by_id_whatever_order_their_ids_are_in() {
    let mut meeting = sample_meeting();
    meeting.people.reverse();
    meeting.people.swap(0, 3);
    for p in meeting.people.clone() {
        assert_eq!(meeting.person(p.id).map(|x| x.id), Some(p.id));
    }
    meeting.sessions.remove(2);
    for s in meeting.sessions.clone() {
        assert_eq!(meeting.session(s.id).map(|x| x.id), Some(s.id));
    }
    assert!(meeting.person(PersonId(999_999)).is_none());
}

#[test]
fn each_persons_sessions_come_in_programme_order_each_once_whatever_the_order_of_ids() {
    let mut meeting = sample_meeting();
    meeting.people.reverse();
    meeting.people.swap(0, 3);
    // Someone in two roles of one session is in it once.
    let at = meeting
        .sessions
        .iter()
        .position(|s| !s.participants.is_empty())
        .unwrap();
    let twice = meeting.sessions[at].participants[0].clone();
    let other = if twice.role == Role::Panelist {
        Role::Rapporteur
    } else {
        Role::Panelist
    };
    meeting.sessions[at].participants.push(Participant {
        role: other,
        ..twice.clone()
    });
    let by_person = meeting.sessions_by_person();
    let programme: Vec<_> = meeting.programme_sessions().map(|(_, s)| s.id).collect();
    for p in &meeting.people {
        let got: Vec<_> = by_person.of(p.id).iter().map(|s| s.id).collect();
        let expected: Vec<_> = programme
            .iter()
            .copied()
            .filter(|id| {
                let s = meeting.session(*id).unwrap();
                s.participants.iter().any(|x| x.person == p.id)
            })
            .collect();
        assert_eq!(got, expected, "{}", p.family_name);
    }
    assert!(by_person.of(PersonId(999_999)).is_empty());
    // Things of someone not in the meeting are left out; the rest keep their order.
    let some = meeting.people[1].id;
    let grouped = ByPerson::new(
        &meeting,
        [(some, 1), (PersonId(999_999), 2), (some, 3), (some, 0)],
    );
    assert_eq!(grouped.of(some), &[1, 3, 0]);
    assert!(grouped.of(meeting.people[0].id).is_empty());
}

#[test]
fn the_programme_days_hold_each_days_sessions_in_order_and_drop_unknown_days() {
    let mut meeting = sample_meeting();
    meeting.days.reverse();
    meeting.sessions.reverse();
    let orphan = meeting.sessions[0].id;
    meeting.sessions[0].day = DayId(999);
    let days = meeting.programme_days();
    assert_eq!(days.len(), meeting.days.len());
    for (day, sessions) in &days {
        let ids: Vec<_> = sessions.iter().map(|s| s.id).collect();
        let expected: Vec<_> = meeting.sessions_on(day.id).iter().map(|s| s.id).collect();
        assert_eq!(ids, expected, "day {}", day.id);
    }
    let dates: Vec<_> = days.iter().map(|(d, _)| d.date).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "days in date order");
    let all: Vec<_> = meeting.programme_sessions().map(|(_, s)| s.id).collect();
    assert_eq!(all.len(), meeting.sessions.len() - 1);
    assert!(
        !all.contains(&orphan),
        "a session of an unknown day is left out"
    );
}
