//! Reading items from form fields: good text becomes model values, bad text names its field.

use std::collections::HashMap;

use agenda_planner::domain::schedule::{parse_date, parse_time};
use agenda_planner::domain::*;
use agenda_planner::forms::{FieldError, Fields};

fn form(pairs: &[(&str, &str)]) -> Fields<impl Fn(&str) -> Option<String>> {
    let map: HashMap<String, String> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Fields(move |name: &str| map.get(name).cloned())
}

fn field_of<T: std::fmt::Debug>(result: Result<T, FieldError>) -> &'static str {
    result.expect_err("refused").field
}

#[test]
fn a_day_reads_from_its_fields_and_names_the_bad_one() {
    let day = Day::from_fields(
        DayId(3),
        &form(&[
            ("date", "2023-09-14"),
            ("label", " Day 1 "),
            ("start", "08:30"),
            ("end", "18:00"),
        ]),
    )
    .unwrap();
    assert_eq!(
        day,
        Day {
            id: DayId(3),
            date: parse_date("2023-09-14").unwrap(),
            label: "Day 1".into(),
            start: parse_time("08:30").unwrap(),
            end: parse_time("18:00").unwrap(),
            ends_next_day: false,
        }
    );
    assert_eq!(
        field_of(Day::from_fields(
            DayId(1),
            &form(&[("date", "14/09/2023"), ("start", "08:30"), ("end", "18:00")])
        )),
        "date"
    );
    assert_eq!(
        field_of(Day::from_fields(
            DayId(1),
            &form(&[("date", "2023-09-14"), ("start", "eight"), ("end", "18:00")])
        )),
        "start"
    );
    let backwards = Day::from_fields(
        DayId(1),
        &form(&[("date", "2023-09-14"), ("start", "18:00"), ("end", "08:00")]),
    );
    assert_eq!(
        backwards.unwrap_err(),
        FieldError {
            field: "end",
            message:
                "The day must end after it starts (or, past midnight, tick “Runs past midnight”)."
                    .into()
        }
    );
    // Ticked, the same times are a programme that runs past midnight.
    let night = Day::from_fields(
        DayId(1),
        &form(&[
            ("date", "2023-09-14"),
            ("start", "18:00"),
            ("end", "02:00"),
            ("ends_next_day", "on"),
        ]),
    )
    .unwrap();
    assert_eq!((night.ends(), night.ends_next_day), (26 * 60, true));
    // Near miss: ticked, but ending after its start would last over a day.
    let long = Day::from_fields(
        DayId(1),
        &form(&[
            ("date", "2023-09-14"),
            ("start", "08:00"),
            ("end", "09:00"),
            ("ends_next_day", "on"),
        ]),
    );
    assert_eq!(field_of(long), "end");
}

#[test]
fn rooms_themes_and_people_read_from_their_fields() {
    let room =
        Room::from_fields(RoomId(2), &form(&[("name", "Hall"), ("capacity", "120")])).unwrap();
    assert_eq!((room.name.as_str(), room.capacity), ("Hall", Some(120)));
    assert_eq!(
        Room::from_fields(RoomId(2), &form(&[("name", "Hall"), ("capacity", "")]))
            .unwrap()
            .capacity,
        None
    );
    assert_eq!(
        field_of(Room::from_fields(
            RoomId(2),
            &form(&[("name", "Hall"), ("capacity", "many")])
        )),
        "capacity"
    );
    assert_eq!(
        field_of(Room::from_fields(RoomId(2), &form(&[("name", "  ")]))),
        "name"
    );

    let theme = Theme::from_fields(
        ThemeId(1),
        &form(&[("name", "Early warning"), ("colour", "#0F766E")]),
    )
    .unwrap();
    assert_eq!(theme.colour, "#0f766e");
    assert_eq!(
        field_of(Theme::from_fields(
            ThemeId(1),
            &form(&[("name", "X"), ("colour", "teal")])
        )),
        "colour"
    );

    let person = Person::from_fields(
        PersonId(5),
        &form(&[
            ("honorific", "Amb."),
            ("family_name", "Odhiambo"),
            ("category", "united_nations"),
            ("bio", "Line one.\n\nLine two."),
        ]),
    )
    .unwrap();
    assert_eq!(
        (person.honorific.as_str(), person.category),
        ("Amb.", Category::UnitedNations)
    );
    assert_eq!(person.bio, "Line one.\n\nLine two.");
    assert_eq!(
        Person::from_fields(
            PersonId(5),
            &form(&[("given_name", "Ana"), ("category", "bogus")])
        )
        .unwrap()
        .category,
        Category::Other
    );
    assert_eq!(
        field_of(Person::from_fields(
            PersonId(5),
            &form(&[("position", "Director")])
        )),
        "family_name"
    );
}

#[test]
fn meeting_details_need_a_title_and_default_to_utc() {
    let details =
        Details::from_fields(&form(&[("title", "Consultation"), ("city", "Nairobi")])).unwrap();
    assert_eq!(
        (details.title.as_str(), details.timezone.as_str()),
        ("Consultation", "UTC")
    );
    assert_eq!(
        field_of(Details::from_fields(&form(&[("title", "")]))),
        "title"
    );
}

mod session_form {
    use super::*;
    use agenda_planner::forms::{SessionAction, SessionForm};

    const BASE: &[(&str, &str)] = &[
        ("title", "Panel on early warning"),
        ("kind", "panel"),
        ("day", "1"),
        ("start", "10:00"),
        ("end", "11:30"),
        ("room", "2"),
        ("description", "About signals."),
    ];

    fn rows(extra: &[(&'static str, Vec<&'static str>)]) -> impl Fn(&str) -> Vec<String> {
        let map: HashMap<&'static str, Vec<&'static str>> = extra.iter().cloned().collect();
        move |name: &str| {
            map.get(name)
                .map(|v| v.iter().map(|s| s.to_string()).collect())
                .unwrap_or_default()
        }
    }

    fn parse(
        extra_fields: &[(&str, &str)],
        repeated: &[(&'static str, Vec<&'static str>)],
        action: &str,
    ) -> Result<SessionForm, FieldError> {
        let pairs: Vec<(&str, &str)> = BASE.iter().chain(extra_fields).cloned().collect();
        let all = rows(repeated);
        SessionForm::parse(
            SessionId(7),
            &form(&pairs),
            &all,
            SessionAction::parse(action).expect("an action the form writes"),
            PersonId(40),
        )
    }

    fn panel_rows() -> Vec<(&'static str, Vec<&'static str>)> {
        vec![
            ("participant_person", vec!["1", "2", "3"]),
            (
                "participant_role",
                vec!["moderator", "panelist", "panelist"],
            ),
            (
                "participant_status",
                vec!["confirmed", "invited", "to_be_confirmed"],
            ),
            ("themes", vec!["1", "3"]),
            ("item_time", vec!["10:30", "10:00"]),
            ("item_title", vec!["Questions", "Welcome"]),
            ("item_person", vec!["", "1"]),
        ]
    }

    #[test]
    fn a_session_that_ends_after_midnight_says_so_with_its_checkbox() {
        let night = parse(
            &[
                ("start", "22:30"),
                ("end", "01:00"),
                ("ends_next_day", "on"),
            ],
            &[],
            "save",
        )
        .unwrap()
        .session;
        assert!(night.ends_next_day);
        assert_eq!(night.duration_minutes(), 150);
        // Without the tick, the same times are a mistake, named on the end field.
        let err = parse(&[("start", "22:30"), ("end", "01:00")], &[], "save").unwrap_err();
        assert_eq!(err.field, "end");
        assert!(
            err.message.contains("tick “Runs past midnight”"),
            "{}",
            err.message
        );
        // Near miss: ticked, an end after the start would last over a day.
        let long = parse(&[("ends_next_day", "on")], &[], "save").unwrap_err();
        assert_eq!(long.field, "end");
    }

    #[test]
    fn a_whole_session_reads_from_its_form_with_participants_in_page_order() {
        let s = parse(&[], &panel_rows(), "save").unwrap().session;
        assert_eq!(
            (s.title.as_str(), s.kind, s.day, s.placement),
            (
                "Panel on early warning",
                SessionKind::Panel,
                DayId(1),
                Placement::Room(RoomId(2))
            )
        );
        assert_eq!(s.themes, [ThemeId(1), ThemeId(3)]);
        let people: Vec<(u32, Role, Status, u32)> = s
            .participants
            .iter()
            .map(|p| (p.person.0, p.role, p.status, p.order))
            .collect();
        assert_eq!(
            people,
            [
                (1, Role::Moderator, Status::Confirmed, 0),
                (2, Role::Panelist, Status::Invited, 0),
                (3, Role::Panelist, Status::ToBeConfirmed, 1)
            ]
        );
        let items: Vec<(&str, Option<PersonId>)> = s
            .items
            .iter()
            .map(|i| (i.title.as_str(), i.person))
            .collect();
        assert_eq!(
            items,
            [("Welcome", Some(PersonId(1))), ("Questions", None)],
            "run of show kept in time order"
        );
    }

    #[test]
    fn participants_move_up_and_down_and_are_removed() {
        let order = |action| -> Vec<u32> {
            parse(&[], &panel_rows(), action)
                .unwrap()
                .session
                .participants
                .iter()
                .map(|p| p.person.0)
                .collect()
        };
        assert_eq!(order("down-1"), [1, 3, 2]);
        assert_eq!(order("up-2"), [1, 3, 2]);
        assert_eq!(order("up-0"), [1, 2, 3], "the first cannot move up");
        assert_eq!(order("remove-participant-0"), [2, 3]);
        // A row dropped on another takes its place, the others closing up.
        assert_eq!(order("move-0-to-2"), [2, 3, 1]);
        assert_eq!(order("move-2-to-0"), [3, 1, 2]);
        assert_eq!(order("move-1-to-1"), [1, 2, 3]);
        assert_eq!(order("move-0-to-3"), [1, 2, 3], "no row 3: nothing moves");
        let orders: Vec<u32> = parse(&[], &panel_rows(), "down-1")
            .unwrap()
            .session
            .participants
            .iter()
            .map(|p| p.order)
            .collect();
        assert_eq!(orders, [0, 0, 1], "order within a role follows the rows");
    }

    #[test]
    fn a_participant_is_added_or_created_inline() {
        let added = parse(
            &[
                ("new_person", "4"),
                ("new_role", "rapporteur"),
                ("new_status", "confirmed"),
            ],
            &panel_rows(),
            "add-participant",
        )
        .unwrap();
        assert_eq!(
            added
                .session
                .participants
                .last()
                .map(|p| (p.person, p.role)),
            Some((PersonId(4), Role::Rapporteur))
        );
        assert_eq!(added.new_person, None);

        let created = parse(
            &[
                ("new_person", "new"),
                ("new_person_name", "Amb. Ana Silva"),
                ("new_role", "panelist"),
            ],
            &panel_rows(),
            "add-participant",
        )
        .unwrap();
        let person = created.new_person.expect("a new person");
        assert_eq!(
            (person.id, person.display_name(true).as_str()),
            (PersonId(40), "Amb. Ana Silva")
        );
        assert_eq!(
            created.session.participants.last().unwrap().person,
            PersonId(40)
        );

        let nameless = parse(
            &[("new_person", "new"), ("new_role", "panelist")],
            &panel_rows(),
            "add-participant",
        );
        assert_eq!(nameless.unwrap_err().field, "new_person_name");
        let unchosen = parse(
            &[
                ("new_person", ""),
                ("new_person_name", "Ana"),
                ("new_role", "panelist"),
            ],
            &panel_rows(),
            "add-participant",
        );
        assert_eq!(
            unchosen.unwrap_err().message,
            "Choose someone from the list, or “Create” to add a new person."
        );
        let twice = parse(
            &[("new_person", "2"), ("new_role", "panelist")],
            &panel_rows(),
            "add-participant",
        );
        assert_eq!(
            twice.unwrap_err().message,
            "Already in this session as panelist."
        );
    }

    #[test]
    fn run_of_show_items_are_added_and_removed() {
        let added = parse(
            &[
                ("new_item_time", "10:15"),
                ("new_item_title", "Keynote"),
                ("new_item_person", "2"),
            ],
            &panel_rows(),
            "add-item",
        )
        .unwrap()
        .session;
        let titles: Vec<&str> = added.items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(titles, ["Welcome", "Keynote", "Questions"]);
        let removed = parse(&[], &panel_rows(), "remove-item-0").unwrap().session;
        assert_eq!(removed.items.len(), 1);
        assert_eq!(removed.items[0].title, "Welcome");
        assert_eq!(
            parse(
                &[("new_item_time", "soon"), ("new_item_title", "x")],
                &panel_rows(),
                "add-item"
            )
            .unwrap_err()
            .field,
            "new_item_time"
        );
    }

    #[test]
    fn a_session_ending_before_it_starts_or_without_a_title_is_refused() {
        assert_eq!(
            parse(&[("end", "09:00")], &[], "save").unwrap_err().field,
            "end"
        );
        assert_eq!(
            parse(&[("title", " ")], &[], "save").unwrap_err().field,
            "title"
        );
        assert_eq!(
            parse(&[("room", "all")], &[], "save")
                .unwrap()
                .session
                .placement,
            Placement::AllRooms
        );
    }

    #[test]
    fn a_new_session_takes_the_title_kind_and_usual_length_of_its_template() {
        let lunch = Template::find("lunch").unwrap();
        let s = Session::new(
            SessionId(1),
            lunch,
            DayId(1),
            parse_time("12:30").unwrap(),
            Placement::AllRooms,
        );
        assert_eq!(
            (s.title.as_str(), s.kind, s.duration_minutes()),
            ("Lunch", SessionKind::Meal, 75)
        );
        let panel = Template::find("high-level-panel").unwrap();
        assert_eq!(
            panel.kind.role_slots(),
            [Role::Moderator, Role::Panelist, Role::Rapporteur]
        );
        for slug in [
            "opening-ceremony",
            "high-level-panel",
            "thematic-session",
            "keynote",
            "plenary",
            "consultation",
            "coffee-break",
            "lunch",
            "reception",
            "closing",
        ] {
            let t = Template::find(slug).unwrap_or_else(|| panic!("no template {slug}"));
            assert!(t.minutes >= 15 && !t.title.is_empty());
        }
        for kind in SessionKind::ALL {
            assert_eq!(SessionKind::parse(kind.as_str()), Some(kind));
        }
    }
}

#[test]
fn availability_reads_one_line_per_day_and_shows_the_same_text_back() {
    let m = agenda_planner::domain::sample::sample_meeting();
    use agenda_planner::forms::{availability_from_fields, availability_text};
    let windows = availability_from_fields(
        &form(&[(
            "availability",
            "2022-09-15 09:00-12:00, 14:00–17:00\n2022-09-16 10:00–11:00",
        )]),
        &m,
    )
    .unwrap();
    assert_eq!(windows.len(), 3);
    assert_eq!(windows[2].day, DayId(2));
    assert_eq!(windows[1].from, parse_time("14:00").unwrap());
    assert_eq!(
        availability_text(&windows, &m),
        "2022-09-15 09:00–12:00, 14:00–17:00\n2022-09-16 10:00–11:00"
    );
    assert!(
        availability_from_fields(&form(&[("availability", "  ")]), &m)
            .unwrap()
            .is_empty()
    );
    for bad in [
        "2022-09-20 09:00–12:00",
        "14 Sep 09:00–12:00",
        "2022-09-15",
        "2022-09-15 12:00–09:00",
        "2022-09-15 nine to five",
    ] {
        let err = availability_from_fields(&form(&[("availability", bad)]), &m).unwrap_err();
        assert_eq!(err.field, "availability", "{bad}");
        assert!(!err.message.is_empty());
    }
}

#[test]
fn check_settings_read_whole_minutes_and_keep_dismissals() {
    use agenda_planner::domain::CheckSettings;
    let current = CheckSettings {
        dismissed: vec![agenda_planner::domain::Dismissal {
            key: "k".into(),
            message: "m".into(),
        }],
        ..CheckSettings::default()
    };
    let read = CheckSettings::from_fields(
        &form(&[
            ("changeover_minutes", "15"),
            ("confirm_within_days", "30"),
            ("gap_minutes", "90"),
        ]),
        &current,
    )
    .unwrap();
    assert_eq!(
        (
            read.changeover_minutes,
            read.confirm_within_days,
            read.gap_minutes
        ),
        (15, 30, 90)
    );
    assert_eq!(read.dismissed, current.dismissed);
    for (field, value) in [
        ("changeover_minutes", "-5"),
        ("gap_minutes", "lots"),
        ("confirm_within_days", "99999"),
    ] {
        let mut pairs = vec![
            ("changeover_minutes", "0"),
            ("confirm_within_days", "14"),
            ("gap_minutes", "60"),
        ];
        pairs.retain(|(k, _)| *k != field);
        pairs.push((field, value));
        assert_eq!(
            field_of(CheckSettings::from_fields(&form(&pairs), &current)),
            field
        );
    }
}

/// Repeated fields as a form gives them: every value of a name, in page order.
fn repeated(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Vec<String> {
    move |name: &str| {
        pairs
            .iter()
            .filter(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
            .collect()
    }
}

#[test]
fn a_recommendation_form_adds_saves_moves_and_removes_within_the_record() {
    use agenda_planner::forms::record::{
        recommendation_submitted, record_texts, RecommendationAction as A,
    };
    let record = sample::sample_meeting().record;
    let none = repeated(&[]);
    let fields = form(&[("recommendation", "  Meet every year.  ")]);
    let from = repeated(&[
        ("from_sessions", "3"),
        ("from_sessions", "8"),
        ("themes", "2"),
    ]);

    let added = recommendation_submitted(&record, None, A::Save, &fields, &from)
        .unwrap()
        .unwrap();
    let new = added.recommendations.last().unwrap();
    assert_eq!(added.recommendations.len(), 5);
    assert_eq!(new.text, "Meet every year.");
    assert_eq!(new.sessions, vec![SessionId(3), SessionId(8)]);
    assert_eq!(new.themes, vec![ThemeId(2)]);

    let saved = recommendation_submitted(&record, Some(1), A::Save, &fields, &none)
        .unwrap()
        .unwrap();
    assert_eq!(saved.recommendations[1].text, "Meet every year.");
    assert!(
        saved.recommendations[1].sessions.is_empty(),
        "none ticked: none kept"
    );
    assert_eq!(saved.recommendations[0], record.recommendations[0]);

    let up = recommendation_submitted(&record, Some(2), A::Up, &fields, &none)
        .unwrap()
        .unwrap();
    assert_eq!(up.recommendations[1], record.recommendations[2]);
    let down = recommendation_submitted(&record, Some(0), A::Down, &fields, &none)
        .unwrap()
        .unwrap();
    assert_eq!(down.recommendations[1], record.recommendations[0]);
    assert_eq!(
        recommendation_submitted(&record, Some(0), A::Up, &fields, &none),
        Ok(None),
        "the first has nowhere earlier to go"
    );
    let removed = recommendation_submitted(&record, Some(3), A::Remove, &fields, &none)
        .unwrap()
        .unwrap();
    assert_eq!(removed.recommendations, record.recommendations[..3]);

    // Saving without text names the field; a recommendation gone meanwhile says so.
    let empty = form(&[("recommendation", "   ")]);
    assert_eq!(
        field_of(recommendation_submitted(
            &record,
            None,
            A::Save,
            &empty,
            &none
        )),
        "recommendation"
    );
    assert_eq!(
        field_of(recommendation_submitted(
            &record,
            Some(9),
            A::Save,
            &fields,
            &none
        )),
        "_form"
    );
    assert_eq!(A::parse(""), A::Save, "Enter in a field saves");
    for a in [A::Save, A::Up, A::Down, A::Remove] {
        assert_eq!(A::parse(&a.to_string()), a);
    }

    // The texts' form changes the texts and keeps the recommendations.
    let texts = record_texts(
        &record,
        &form(&[("introduction", " We met. "), ("closing", "Thanks.")]),
    );
    assert_eq!(texts.introduction, "We met.");
    assert_eq!(texts.closing, "Thanks.");
    assert_eq!(texts.recommendations, record.recommendations);
}

#[test]
fn a_timezone_calendars_do_not_know_is_refused_beside_its_field_but_the_current_one_is_kept() {
    use agenda_planner::domain::time::TzDatabase;
    let m = agenda_planner::domain::sample::sample_meeting();
    let mut details = Details::of(&m);
    details.timezone = "Geneva".into();
    let refused = details
        .known_timezone(&m.timezone, &TzDatabase)
        .unwrap_err();
    assert_eq!(refused.field, "timezone");
    assert!(refused.message.contains("“Geneva” is not a timezone name"));
    details.timezone = "Europe/Zurich".into();
    assert!(details.known_timezone(&m.timezone, &TzDatabase).is_ok());
    details.timezone = "UTC".into();
    assert!(details.known_timezone(&m.timezone, &TzDatabase).is_ok());
    // A meeting that came with a bad one can still save its other details.
    details.timezone = "Geneva".into();
    assert!(details.known_timezone("Geneva", &TzDatabase).is_ok());
}

#[test]
fn times_are_read_as_people_type_them_on_the_24_hour_clock() {
    use agenda_planner::forms::typed_time;
    let t = |h, m| Some(chrono::NaiveTime::from_hms_opt(h, m, 0).unwrap());
    for (typed, want) in [
        ("09:30", t(9, 30)),
        ("9:30", t(9, 30)),
        (" 930 ", t(9, 30)),
        ("0930", t(9, 30)),
        ("9.30", t(9, 30)),
        ("9h30", t(9, 30)),
        ("9", t(9, 0)),
        ("17", t(17, 0)),
        ("2:30 pm", t(14, 30)),
        ("12 am", t(0, 0)),
        ("12:15pm", t(12, 15)),
        ("09:30:00", t(9, 30)),
    ] {
        assert_eq!(typed_time(typed), want, "{typed}");
    }
    for refused in ["", "24:00", "9:5", "13 pm", "noon", "9:300", "-1", "12345"] {
        assert_eq!(typed_time(refused), None, "{refused}");
    }
}
