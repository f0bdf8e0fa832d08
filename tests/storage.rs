//! The stored envelope: encode/decode, migrations, and refusing what cannot be read.

use agenda_planner::domain::sample::sample_meeting;
use agenda_planner::domain::{Placement, Role, RoomId};
use agenda_planner::storage::{
    decode, encode, encode_pretty, startup, DecodeError, Startup, VERSION,
};

const V1: &str = include_str!("fixtures/meeting-v1.json");

#[test]
fn encode_then_decode_gives_back_the_same_meeting() {
    let sample = sample_meeting();
    assert_eq!(decode(&encode(&sample)), Ok(sample.clone()));
    assert_eq!(decode(&encode_pretty(&sample)), Ok(sample));
}

#[test]
fn the_envelope_names_format_and_version() {
    let text = encode(&sample_meeting());
    assert!(
        text.starts_with(r#"{"format":"agenda-planner","version":2,"meeting":{"#),
        "{}",
        &text[..60]
    );
    assert!(
        text.contains(r#""start":"09:00""#),
        "times are stored as HH:MM"
    );
}

#[test]
fn a_version_1_file_written_by_hand_still_opens() {
    let meeting = decode(V1).expect("version 1 opens");
    assert_eq!(
        meeting.title,
        "Regional Consultation on Atrocity Prevention"
    );
    assert_eq!(meeting.sessions[0].placement, Placement::Room(RoomId(1)));
    assert_eq!(meeting.sessions[1].placement, Placement::AllRooms);
    assert_eq!(
        meeting.sessions[0].participants[0].role,
        Role::OpeningRemarks
    );
    assert_eq!(meeting.sessions[0].items[0].time.to_string(), "09:05:00");
    assert_eq!(meeting.rooms[0].capacity, Some(80));
    assert!(
        meeting.record.is_empty() && meeting.sessions.iter().all(|s| s.outcomes.is_empty()),
        "a version 1 file has no record and no outcomes"
    );
    let saved = encode(&meeting);
    assert!(saved.contains(r#""version":2"#), "saved again as version 2");
    assert_eq!(decode(&saved), Ok(meeting), "re-saving keeps everything");
}

#[test]
fn a_version_2_file_keeps_the_record_and_outcomes() {
    use agenda_planner::domain::{Recommendation, Record, SessionId};
    let mut meeting = decode(V1).expect("version 1 opens");
    meeting.sessions[0].outcomes = "Key message.\n\n- one\n- two".into();
    meeting.record = Record {
        introduction: "The meeting met.".into(),
        recommendations: vec![Recommendation {
            text: "Do more.".into(),
            sessions: vec![SessionId(meeting.sessions[0].id.0)],
            themes: Vec::new(),
        }],
        closing: "Thanks.".into(),
    };
    assert_eq!(decode(&encode(&meeting)), Ok(meeting));
}

#[test]
fn text_that_is_not_json_says_where() {
    match decode("{\"format\": \"agenda-planner\",\n  \"version\": 1,, }") {
        Err(DecodeError::NotJson { line, column, .. }) => {
            assert_eq!((line, column), (2, 16), "the second comma");
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(decode(""), Err(DecodeError::NotJson { .. })));
    assert!(matches!(
        decode(&encode(&sample_meeting())[..500]),
        Err(DecodeError::NotJson { .. })
    ));
}

#[test]
fn json_of_another_shape_is_not_taken_for_a_meeting() {
    for text in [
        "[]",
        "42",
        r#"{"schedule": {}}"#,
        r#"{"format": "frab", "version": 1}"#,
    ] {
        assert!(
            matches!(decode(text), Err(DecodeError::WrongFormat { .. })),
            "{text}"
        );
    }
    let missing = decode(r#"{"format": "agenda-planner", "version": "one", "meeting": {}}"#);
    assert_eq!(missing, Err(DecodeError::MissingVersion));
    let no_meeting = decode(r#"{"format": "agenda-planner", "version": 1}"#);
    assert_eq!(no_meeting, Err(DecodeError::MissingMeeting));
}

#[test]
fn a_newer_version_is_refused_and_says_so() {
    let newer = V1.replacen("\"version\": 1", "\"version\": 7", 1);
    let error = decode(&newer).unwrap_err();
    assert_eq!(
        error,
        DecodeError::NewerVersion {
            found: 7,
            supported: VERSION
        }
    );
    assert!(error.to_string().contains("newer version"), "{error}");
}

#[test]
fn a_wrong_value_is_reported_with_its_line_and_what_is_wrong() {
    let bad_time = V1.replacen(
        "\"start\": \"09:00\", \"end\": \"09:30\"",
        "\"start\": \"9 o'clock\", \"end\": \"09:30\"",
        1,
    );
    match decode(&bad_time) {
        Err(DecodeError::BadField { message, line, .. }) => {
            assert_eq!(line, 28, "the line of the bad start time");
            assert!(message.contains("9 o'clock"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    let bad_date = V1.replacen("2023-03-01", "2023-02-30", 1);
    match decode(&bad_date) {
        Err(e @ DecodeError::BadField { line: 14, .. }) => {
            assert!(
                e.to_string()
                    .contains("“2023-02-30” is not a calendar date"),
                "{e}"
            )
        }
        other => panic!("{other:?}"),
    }
    let bad_role = V1.replacen("opening_remarks", "juggler", 1);
    match decode(&bad_role) {
        Err(e @ DecodeError::BadField { line: 29, .. }) => {
            assert!(e.to_string().contains("unknown variant `juggler`"), "{e}")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_meeting_whose_ids_point_nowhere_is_refused() {
    let dangling = V1.replacen("\"person\": 1, \"role\"", "\"person\": 9, \"role\"", 1);
    match decode(&dangling) {
        Err(DecodeError::Invalid(errors)) => {
            assert!(errors[0].to_string().contains("person 9"), "{}", errors[0]);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn startup_shows_the_sample_when_nothing_is_stored() {
    assert_eq!(
        startup(None, sample_meeting),
        Startup::Fresh(sample_meeting())
    );
}

#[test]
fn startup_loads_what_is_stored() {
    let stored = decode(V1).unwrap();
    assert_eq!(
        startup(Some(V1.to_string()), sample_meeting),
        Startup::Loaded {
            meeting: stored,
            text: V1.to_string()
        }
    );
}

#[test]
fn startup_keeps_corrupt_or_newer_stored_text_for_backup_and_shows_the_sample() {
    for raw in [
        "{not json",
        r#"{"format":"agenda-planner","version":99,"meeting":{}}"#,
        "\u{0}\u{ffff}",
    ] {
        match startup(Some(raw.to_string()), sample_meeting) {
            Startup::Unreadable {
                sample, raw: kept, ..
            } => {
                assert_eq!(kept, raw, "the stored text is handed back unchanged");
                assert_eq!(sample, sample_meeting());
            }
            other => panic!("{raw}: {other:?}"),
        }
    }
}

#[test]
fn odd_text_in_fields_round_trips_unchanged() {
    let mut m = sample_meeting();
    m.title = "<script>alert(1)</script> & \"Co\" 'x' — ünïcødé 🎉\n\ttab".into();
    m.people[0].bio = "\u{202e}right-to-left override".into();
    assert_eq!(decode(&encode(&m)), Ok(m));
}

mod history {
    use agenda_planner::domain::sample::sample_meeting;
    use agenda_planner::domain::{Edit, History};
    use agenda_planner::storage::{decode_history, encode_history, MAX_HISTORY_CHARS};

    fn history_of(titles: usize) -> History {
        let mut m = sample_meeting();
        let mut h = History::default();
        for i in 0..titles {
            h.apply(&mut m, Edit::SetTitle(format!("Title {i}")))
                .unwrap();
        }
        h
    }

    #[test]
    fn a_history_comes_back_for_its_revision_only() {
        let h = history_of(30);
        let text = encode_history(&h, "rev-1");
        assert_eq!(decode_history(&text, "rev-1"), Some(h));
        assert_eq!(
            decode_history(&text, "rev-2"),
            None,
            "another revision's steps"
        );
        assert_eq!(decode_history("{broken", "rev-1"), None);
        assert_eq!(
            decode_history(
                r#"{"format":"x","version":1,"revision":"rev-1","undo":[],"redo":[]}"#,
                "rev-1"
            ),
            None
        );
    }

    #[test]
    fn a_large_history_keeps_its_newest_steps_within_the_limit() {
        let mut m = sample_meeting();
        let mut h = History::default();
        for i in 0..80 {
            let mut big = m.clone();
            big.description = format!("{i} {}", "x".repeat(19_000));
            h.apply(&mut m, Edit::Replace(Box::new(big))).unwrap();
        }
        let text = encode_history(&h, "r");
        assert!(text.len() <= MAX_HISTORY_CHARS, "{}", text.len());
        let back = decode_history(&text, "r").unwrap();
        let (undo, _) = back.steps();
        assert!(!undo.is_empty(), "some steps are kept");
        assert_eq!(
            undo.last(),
            h.steps().0.last(),
            "the newest step is among them"
        );
    }
}

mod revision {
    use agenda_planner::domain::sample::sample_meeting;
    use agenda_planner::storage::revision::Revision;
    use agenda_planner::storage::{decode, embedded_revision, encode_saved};

    #[test]
    fn a_stamp_reads_back_and_counts_past_everything_it_was_made_on() {
        let first = Revision::next(None, &Default::default(), "a1");
        assert_eq!((first.clock, first.seen.get("a1")), (1, Some(&1)));
        let mut seen = first.seen.clone();
        seen.insert("b2".into(), 7);
        let second = Revision::next(Some(&first), &seen, "a1");
        assert_eq!(second.clock, 8, "after every clock it was made on");
        assert!(second.includes("b2", 7) && second.includes("a1", 8) && !second.includes("b2", 8));
        assert_eq!(Revision::parse(&second.encode()), Some(second.clone()));
        assert_eq!(second.id(), "a1.8");
    }

    #[test]
    fn a_damaged_stamp_or_the_first_versions_digest_is_no_stamp() {
        for damaged in [
            "0123456789abcdef",
            "r1 0123 4 t t=4",
            "r2 x t",
            "r2 5 t a=x",
            "r2 5 t a=1 extra",
            "",
        ] {
            assert_eq!(Revision::parse(damaged), None, "{damaged}");
        }
    }

    #[test]
    fn a_stamp_remembers_the_most_recent_tabs_only() {
        let mut r = Revision::next(None, &Default::default(), "t0");
        for i in 1..20 {
            r = Revision::next(Some(&r), &r.seen.clone(), &format!("t{i}"));
        }
        assert_eq!(r.seen.len(), agenda_planner::storage::revision::MAX_TABS);
        assert!(
            r.seen.contains_key("t19") && r.seen.contains_key("t12") && !r.seen.contains_key("t11")
        );
    }

    #[test]
    fn a_stored_text_carries_its_stamp_and_still_reads_as_a_meeting_file() {
        let r = Revision::next(None, &Default::default(), "tab9");
        let text = encode_saved(&sample_meeting(), &r);
        assert_eq!(embedded_revision(&text), Some(r));
        assert_eq!(
            decode(&text),
            Ok(sample_meeting()),
            "readers of the file ignore the stamp"
        );
        assert_eq!(
            embedded_revision(&agenda_planner::storage::encode(&sample_meeting())),
            None
        );
    }
}

mod backups {
    use agenda_planner::storage::kv::{KeyValue, MemoryStore};
    use agenda_planner::storage::{back_up, backup_text, backups, delete_backup, keys, size_label};

    #[test]
    fn each_distinct_unreadable_text_is_kept_once_and_listed_with_its_size() {
        let store = MemoryStore::new();
        let damaged = "{\"format\":\"agenda-planner\",".repeat(1000);
        for _ in 0..5 {
            back_up(&store, &damaged).unwrap();
        }
        back_up(&store, "other damage").unwrap();
        let list = backups(&store);
        assert_eq!(list.len(), 2, "{list:?}");
        let big = list.iter().find(|b| b.chars == damaged.len()).unwrap();
        assert_eq!(backup_text(&store, &big.key).as_deref(), Some(&*damaged));
        assert!(big.file_name().starts_with("agenda-planner-backup-"));
        assert!(big.file_name().ends_with(".txt"));
        assert_eq!(size_label(damaged.len()), "27 KB");
    }

    #[test]
    fn deleting_a_backup_removes_it_and_nothing_else_can_be_deleted_that_way() {
        let store = MemoryStore::new();
        let key = back_up(&store, "damaged").unwrap();
        store.set(keys::MEETING, "the meeting").unwrap();
        assert!(delete_backup(&store, keys::MEETING).is_err());
        assert_eq!(backup_text(&store, keys::MEETING), None, "not a backup");
        delete_backup(&store, &key).unwrap();
        assert!(backups(&store).is_empty());
        assert_eq!(
            store.get(keys::MEETING).unwrap().as_deref(),
            Some("the meeting")
        );
    }

    #[test]
    fn sizes_read_as_characters_kilobytes_or_megabytes() {
        assert_eq!(size_label(300), "300 characters");
        assert_eq!(size_label(1_500), "2 KB");
        assert_eq!(size_label(4_200_000), "4.2 MB");
    }
}

mod surrogates {
    use agenda_planner::domain::sample::sample_meeting;
    use agenda_planner::storage::json::lone_surrogates_replaced;
    use agenda_planner::storage::{decode, encode};

    #[test]
    fn an_escaped_lone_surrogate_opens_as_a_replacement_character_and_pairs_stay() {
        assert_eq!(lone_surrogates_replaced(r#""a\ud800b""#), r#""a\ufffdb""#);
        assert_eq!(lone_surrogates_replaced(r#""\udfff""#), r#""\ufffd""#);
        assert_eq!(
            lone_surrogates_replaced(r#""\ud83c\udf89""#),
            r#""\ud83c\udf89""#
        );
        assert_eq!(
            lone_surrogates_replaced(r#""\\ud800""#),
            r#""\\ud800""#,
            "an escaped backslash"
        );
        assert_eq!(
            lone_surrogates_replaced(r#""\ud800\u0041""#),
            r#""\ufffd\u0041""#
        );
        // A meeting file with one, imported: it opens, with U+FFFD in its place.
        let text = encode(&sample_meeting()).replacen("Gendering R2P", r"Gendering \ud800R2P", 1);
        assert!(decode(&text).is_err(), "serde_json alone refuses it");
        let imported =
            agenda_planner::import::import(&text, &agenda_planner::domain::time::TzDatabase)
                .unwrap();
        assert!(encode(&imported.meeting).contains("Gendering \u{fffd}R2P"));
        assert!(encode(&decode(&lone_surrogates_replaced(&text)).unwrap())
            .contains("Gendering \u{fffd}R2P"));
    }
}
