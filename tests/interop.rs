//! Interop: our schedule.json and schedule.xml validate against the c3voc JSON schema and XSD;
//! frab, pretalx (schedule and widget) and our own files import with everything kept; wrong
//! files are refused with a message; import → export → import gives the same meeting; times
//! are converted from the file's offsets and timezone.

mod common;
use common::Rng;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use agenda_planner::domain::generate::generated_meeting;
use agenda_planner::domain::sample::sample_meeting;
use agenda_planner::domain::schedule::{hh_mm, parse_time};
use agenda_planner::domain::time::TzDatabase;
use agenda_planner::domain::{Meeting, Placement, Role, SessionKind};
use agenda_planner::export::c3voc::{schedule_json, schedule_xml};
use agenda_planner::import::{
    import, import_with, ImportError, Imported, Options, SourceFormat, MAX_BYTES, MAX_DEPTH,
};
use agenda_planner::storage::encode;
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/interop")
        .join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).unwrap()
}

fn imported(text: &str) -> Imported {
    import(text, &TzDatabase).unwrap_or_else(|e| panic!("imports: {e}"))
}

fn scratch(name: &str, text: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("interop");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Validates with Python `jsonschema` (installed by `make test`), formats checked strictly.
fn assert_valid_json(name: &str, text: &str) {
    let path = scratch(name, text);
    let out = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/validate_schedule.py"))
        .arg(fixture("c3voc-schedule.schema.json"))
        .arg(&path)
        .output()
        .expect("python3 runs (make test installs jsonschema)");
    assert!(
        out.status.success(),
        "{name} does not validate against the c3voc schema:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Validates with `xmllint --schema` (installed by `make test`).
fn assert_valid_xml(name: &str, text: &str) {
    let path = scratch(name, text);
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(fixture("c3voc-schedule.xml.xsd"))
        .arg(&path)
        .output()
        .expect("xmllint runs (make test installs libxml2-utils)");
    assert!(
        out.status.success(),
        "{name} does not validate against the XSD:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_validators_refuse_a_file_the_schema_rejects() {
    // The checks above can fail: the shared invalid example does.
    let out = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/validate_schedule.py"))
        .arg(fixture("c3voc-schedule.schema.json"))
        .arg(fixture("invalid-example.json"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let bad_xml = "<?xml version=\"1.0\"?><schedule><version>1</version><conference/><day index=\"0\"/></schedule>";
    let path = scratch("bad.xml", bad_xml);
    let out = Command::new("xmllint")
        .args(["--noout", "--schema"])
        .arg(fixture("c3voc-schedule.xml.xsd"))
        .arg(&path)
        .output()
        .unwrap();
    assert!(!out.status.success());
}

#[test]
fn the_sample_and_a_generated_300_session_meeting_export_schema_valid_json_and_xml() {
    for (name, meeting) in [
        ("sample", sample_meeting()),
        ("generated", generated_meeting(300, 600, 3, 6)),
    ] {
        let json = schedule_json(&meeting, &TzDatabase).unwrap();
        assert_valid_json(&format!("{name}.schedule.json"), &json);
        let xml = schedule_xml(&meeting, &TzDatabase).unwrap();
        assert_valid_xml(&format!("{name}.schedule.xml"), &xml);
        let events = serde_json::from_str::<Value>(&json).unwrap()["schedule"]["conference"]
            ["days"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|d| d["rooms"].as_object().unwrap().values())
            .map(|list| list.as_array().unwrap().len())
            .sum::<usize>();
        assert_eq!(
            events,
            meeting.sessions.len(),
            "{name}: every session is an event"
        );
        assert_eq!(xml.matches("<event ").count(), meeting.sessions.len());
    }
}

#[test]
fn the_json_export_keeps_roles_and_honorifics_on_persons_and_uses_stable_guids() {
    let m = sample_meeting();
    let first = schedule_json(&m, &TzDatabase).unwrap();
    assert_eq!(
        first,
        schedule_json(&m, &TzDatabase).unwrap(),
        "same meeting, same file"
    );
    let doc: Value = serde_json::from_str(&first).unwrap();
    let conf = &doc["schedule"]["conference"];
    assert_eq!(conf["acronym"], "r2p_focal_points_2022");
    assert_eq!(conf["time_zone_name"], "America/New_York");
    let opening = conf["days"][0]["rooms"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|l| l.as_array().unwrap())
        .find(|e| e["title"] == "Opening ceremony")
        .unwrap();
    assert_eq!(opening["date"], "2022-09-15T09:00:00-04:00");
    assert_eq!(opening["duration"], "01:00");
    let chair = &opening["persons"][0];
    assert_eq!(chair["name"], "H.E. Luis Almagro Lemes");
    assert_eq!(chair["role"], "chair");
    assert_eq!(chair["honorific"], "H.E.");
    assert!(
        chair.get("public_name").is_none(),
        "one person shape, not both"
    );
    // Renaming the session keeps its guid.
    let mut renamed = m.clone();
    renamed.sessions[1].title = "Welcome".into();
    let again: Value =
        serde_json::from_str(&schedule_json(&renamed, &TzDatabase).unwrap()).unwrap();
    let guid_of = |d: &Value, id: u64| {
        d["schedule"]["conference"]["days"][0]["rooms"]
            .as_object()
            .unwrap()
            .values()
            .flat_map(|l| l.as_array().unwrap().clone())
            .find(|e| e["id"] == id)
            .unwrap()["guid"]
            .clone()
    };
    assert_eq!(guid_of(&doc, 2), guid_of(&again, 2));
    assert_ne!(guid_of(&doc, 2), guid_of(&doc, 3));
}

/// What a c3voc file holds, counted straight from its JSON.
struct Counts {
    events: usize,
    rooms: BTreeSet<String>,
    tracks: BTreeSet<String>,
    persons: BTreeSet<String>,
}

fn counts(text: &str) -> Counts {
    let doc: Value = serde_json::from_str(text).unwrap();
    let mut c = Counts {
        events: 0,
        rooms: BTreeSet::new(),
        tracks: BTreeSet::new(),
        persons: BTreeSet::new(),
    };
    for day in doc["schedule"]["conference"]["days"].as_array().unwrap() {
        for (room, events) in day["rooms"].as_object().unwrap() {
            c.rooms.insert(room.clone());
            for e in events.as_array().unwrap() {
                c.events += 1;
                if let Some(t) = e["track"].as_str().filter(|t| !t.is_empty()) {
                    c.tracks.insert(t.to_string());
                }
                for p in e["persons"].as_array().unwrap() {
                    let key = p
                        .get("guid")
                        .or(p.get("code"))
                        .or(p.get("id"))
                        .unwrap()
                        .to_string();
                    c.persons.insert(key);
                }
            }
        }
    }
    c
}

fn names(m: &Meeting) -> (BTreeSet<String>, BTreeSet<String>) {
    (
        m.rooms.iter().map(|r| r.name.clone()).collect(),
        m.themes.iter().map(|t| t.name.clone()).collect(),
    )
}

#[test]
fn the_frab_and_pretalx_examples_import_with_every_session_room_track_and_person() {
    for name in ["frab-camp2019.json", "pretalx-democon.json"] {
        let text = read(name);
        let c = counts(&text);
        let Imported { meeting, report } = imported(&text);
        assert_eq!(report.format, Some(SourceFormat::ScheduleJson));
        assert_eq!(meeting.sessions.len(), c.events, "{name}: sessions");
        assert_eq!(meeting.people.len(), c.persons.len(), "{name}: people");
        let (rooms, themes) = names(&meeting);
        assert_eq!(rooms, c.rooms, "{name}: rooms");
        assert_eq!(themes, c.tracks, "{name}: tracks");
        assert_eq!(report.sessions, c.events);
        assert!(report.summary().contains(&format!("{} sessions", c.events)));
        let participants: usize = meeting.sessions.iter().map(|s| s.participants.len()).sum();
        assert!(participants >= c.persons.len());
    }
}

#[test]
fn the_pretalx_widget_schedule_imports_with_talks_breaks_tracks_and_speakers() {
    let text = read("pretalx-widget-democon.json");
    let widget: Value = serde_json::from_str(&text).unwrap();
    let Imported { meeting, report } = imported(&text);
    assert_eq!(report.format, Some(SourceFormat::PretalxWidget));
    assert_eq!(
        meeting.sessions.len(),
        widget["talks"].as_array().unwrap().len()
    );
    assert_eq!(
        meeting.people.len(),
        widget["speakers"].as_array().unwrap().len()
    );
    assert_eq!(meeting.rooms.len(), 2);
    assert_eq!(
        meeting.themes.len(),
        widget["tracks"].as_array().unwrap().len()
    );
    assert_eq!(meeting.themes[0].colour, "#0f766e");
    assert_eq!(meeting.timezone, "Europe/Berlin");
    let lunch = meeting
        .sessions
        .iter()
        .find(|s| s.title == "Lunch break")
        .expect("the break slot, by its English name");
    assert_eq!(lunch.kind, SessionKind::Break);
    assert_eq!(
        (hh_mm(lunch.start), hh_mm(lunch.end)),
        ("12:30".into(), "13:30".into())
    );
    let talk = meeting
        .sessions
        .iter()
        .find(|s| s.title == "Focused 5thgeneration hardware")
        .unwrap();
    assert_eq!(talk.kind, SessionKind::Talk);
    assert_eq!(hh_mm(talk.start), "09:00");
    assert_eq!(hh_mm(talk.end), "09:30");
    let speaker = meeting.person(talk.participants[0].person).unwrap();
    assert_eq!(speaker.name(), "Brian Robinson");
    assert_eq!(talk.participants[0].role, Role::Speaker);
}

#[test]
fn the_invalid_example_and_other_wrong_files_are_refused_with_a_message() {
    let err = import(&read("invalid-example.json"), &TzDatabase).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("“id” is text (\"2814\"), not a whole number"),
        "{message}"
    );
    assert!(
        message.contains("Internal Penetration Testing Basics"),
        "{message}"
    );

    type Expect = fn(&ImportError) -> bool;
    let cases: [(&str, Expect); 9] = [
        ("", |e| *e == ImportError::Empty),
        ("   \n", |e| *e == ImportError::Empty),
        ("hello", |e| matches!(e, ImportError::Unknown(_))),
        (
            "[1, 2]",
            |e| matches!(e, ImportError::Unknown(m) if m.contains("a list")),
        ),
        ("{\"title\": \"x\"}", |e| {
            matches!(e, ImportError::Unknown(_))
        }),
        ("{\"schedule\": ", |e| {
            matches!(e, ImportError::Json { line: 1, .. })
        }),
        ("{\"schedule\": {\"version\": \"1\"}}", |e| {
            matches!(e, ImportError::Shape { .. })
        }),
        ("<html><body/></html>", |e| {
            matches!(e, ImportError::Unknown(_))
        }),
        ("<schedule><day", |e| matches!(e, ImportError::Xml(_))),
    ];
    for (text, expected) in cases {
        let e = import(text, &TzDatabase).unwrap_err();
        assert!(expected(&e), "{text:?} gave {e:?}");
        assert!(!e.to_string().is_empty());
    }
    // A document type declaration (entity expansion) is refused, not expanded.
    let dtd = "<?xml version=\"1.0\"?><!DOCTYPE schedule [<!ENTITY a \"aaaaaaaaaa\">]><schedule>&a;</schedule>";
    assert!(matches!(import(dtd, &TzDatabase), Err(ImportError::Xml(_))));
    // Our own format's errors come through with their reason.
    let newer = encode(&sample_meeting()).replace(
        &format!("\"version\":{}", agenda_planner::storage::VERSION),
        "\"version\":99",
    );
    assert!(
        matches!(import(&newer, &TzDatabase), Err(ImportError::Ours(m)) if m.contains("newer"))
    );
}

/// XML whose elements nest `levels` deep under `<schedule>`.
fn nested_xml(levels: usize) -> String {
    format!(
        "<schedule>{}{}</schedule>",
        "<a>".repeat(levels - 1),
        "</a>".repeat(levels - 1)
    )
}

/// A schedule JSON whose arrays nest `levels` deep (the top object is one).
fn nested_json(levels: usize) -> String {
    format!(
        "{{\"schedule\": {}{}}}",
        "[".repeat(levels - 1),
        "]".repeat(levels - 1)
    )
}

#[test]
fn nesting_deeper_than_the_limit_is_refused_before_any_parser_reads_it() {
    // 100,000 levels (a parser reading it would run out of stack): refused, with a message.
    for text in [nested_xml(100_000), nested_json(100_000)] {
        let e = import(&text, &TzDatabase).unwrap_err();
        assert_eq!(e, ImportError::TooDeep { line: 1 });
        assert!(e.to_string().contains("more than 100 levels deep"), "{e}");
    }
    // The line is named.
    let later = format!("\n\n{}", nested_xml(MAX_DEPTH + 1));
    assert_eq!(
        import(&later, &TzDatabase),
        Err(ImportError::TooDeep { line: 3 })
    );
    // At the limit the file goes on to be read (and is refused for what it is).
    for text in [nested_xml(MAX_DEPTH), nested_json(MAX_DEPTH)] {
        let e = import(&text, &TzDatabase).unwrap_err();
        assert!(!matches!(e, ImportError::TooDeep { .. }), "{e:?}");
    }
    // What only looks like nesting does not count: self-closing elements, comments, CDATA,
    // quoted attribute values, and brackets inside JSON strings.
    let flat_xml = format!(
        "<schedule a=\"{}\">{}<!--{}--><![CDATA[{}]]></schedule>",
        "<b>".repeat(200),
        "<c/>".repeat(200),
        "<d>".repeat(200),
        "<e>".repeat(200)
    );
    let flat_json = format!(
        "{{\"schedule\": \"{}\\\"{}\"}}",
        "[".repeat(200),
        "{".repeat(200)
    );
    for text in [flat_xml, flat_json] {
        let e = import(&text, &TzDatabase).unwrap_err();
        assert!(!matches!(e, ImportError::TooDeep { .. }), "{text}: {e:?}");
    }
}

#[test]
fn a_schedule_with_no_session_that_can_be_read_is_an_error_that_says_why() {
    let empty = "<schedule><conference><title>Nothing yet</title></conference></schedule>";
    let e = import(empty, &TzDatabase).unwrap_err();
    assert!(matches!(e, ImportError::NoSessions { .. }), "{e:?}");
    assert_eq!(
        e.to_string(),
        "This frab/pentabarf schedule XML holds no session the planner could read."
    );
    // Every event skipped: the reasons are given.
    let untimed = "<schedule><conference><title>T</title></conference><day index=\"1\" date=\"2024-05-01\"><room name=\"A\"><event id=\"1\"><title>Keynote</title><duration>01:00</duration></event></room></day></schedule>";
    let e = import(untimed, &TzDatabase).unwrap_err();
    assert!(e.to_string().contains("“Keynote” has no start time"), "{e}");
    // Its near miss: one event with a time imports.
    let timed = untimed.replace(
        "<title>Keynote</title>",
        "<title>Keynote</title><date>2024-05-01T10:00:00+02:00</date>",
    );
    let imported = import(&timed, &TzDatabase).unwrap();
    assert_eq!(imported.meeting.sessions.len(), 1);
}

/// Each session's people by name, in a meeting.
fn people_by_session(m: &Meeting) -> BTreeSet<(String, BTreeSet<String>)> {
    m.sessions
        .iter()
        .map(|s| {
            let names = s
                .participants
                .iter()
                .filter_map(|p| m.person(p.person))
                .map(|p| p.display_name(true))
                .collect();
            (s.title.clone(), names)
        })
        .collect()
}

/// Our schedule JSON of `m` with every person's guid taken away and `id` made by `id_of`
/// (the shape of a file merged from several systems, whose ids clash).
fn with_person_ids(m: &Meeting, id_of: impl Fn(&Value) -> Value) -> String {
    let mut v: Value = serde_json::from_str(&schedule_json(m, &TzDatabase).unwrap()).unwrap();
    for day in v["schedule"]["conference"]["days"].as_array_mut().unwrap() {
        for events in day["rooms"].as_object_mut().unwrap().values_mut() {
            for e in events.as_array_mut().unwrap() {
                for p in e["persons"].as_array_mut().unwrap() {
                    let id = id_of(p);
                    let p = p.as_object_mut().unwrap();
                    p.remove("guid");
                    p.remove("code");
                    p.insert("id".into(), id);
                }
            }
        }
    }
    v.to_string()
}

#[test]
fn people_who_share_an_id_in_a_merged_file_are_kept_apart_by_name_and_reported() {
    let m = generated_meeting(40, 30, 2, 3);
    let involved: BTreeSet<_> = m
        .sessions
        .iter()
        .flat_map(|s| s.participants.iter().map(|p| p.person))
        .collect();
    // Every person given the id 0, as one real merged file does.
    let merged = import(&with_person_ids(&m, |_| Value::from(0)), &TzDatabase).unwrap();
    assert_eq!(merged.meeting.people.len(), involved.len());
    assert_eq!(people_by_session(&merged.meeting), people_by_session(&m));
    let note = merged
        .report
        .notes
        .iter()
        .find(|n| n.contains("shared"))
        .expect("a note on the shared id");
    assert_eq!(
        note,
        &format!(
            "{} people shared the id 0; they are kept apart by name.",
            involved.len()
        )
    );
    // No false clash: nobody is in two sessions at once who was not before.
    assert_eq!(
        merged.meeting.validate().len(),
        0,
        "the merged import is a valid meeting"
    );
    // The near miss: each person's own id (the same in every event) is one person, no note.
    let own = import(&with_person_ids(&m, |p| p["id"].clone()), &TzDatabase).unwrap();
    assert_eq!(own.meeting.people.len(), involved.len());
    assert_eq!(people_by_session(&own.meeting), people_by_session(&m));
    assert!(!own.report.notes.iter().any(|n| n.contains("shared")));
    // Without ids, the name: its case and spacing do not make another person.
    let xml = "<schedule><day index=\"1\" date=\"2024-02-03\"><room name=\"A\">\
        <event id=\"1\"><title>One</title><date>2024-02-03T10:00:00</date><duration>00:30</duration><persons><person>Jane  Doe</person></persons></event>\
        <event id=\"2\"><title>Two</title><date>2024-02-03T11:00:00</date><duration>00:30</duration><persons><person>jane doe</person><person>John Roe</person></persons></event>\
        </room></day></schedule>";
    let by_name = import(xml, &TzDatabase).unwrap().meeting;
    assert_eq!(by_name.people.len(), 2, "{:?}", by_name.people);
}

#[test]
fn rooms_keep_the_order_the_file_gives_them_when_it_has_no_room_list() {
    let mut m = generated_meeting(24, 10, 2, 3);
    for (room, name) in m
        .rooms
        .iter_mut()
        .zip(["Zeta Hall", "Alpha Room", "Main Stage"])
    {
        room.name = name.into();
    }
    let mut v: Value = serde_json::from_str(&schedule_json(&m, &TzDatabase).unwrap()).unwrap();
    v["schedule"]["conference"]
        .as_object_mut()
        .unwrap()
        .remove("rooms");
    let text = v.to_string();
    let at = |name: &str| text.find(name).unwrap();
    assert!(at("Zeta Hall") < at("Alpha Room") && at("Alpha Room") < at("Main Stage"));
    let imported = import(&text, &TzDatabase).unwrap();
    let names: Vec<&str> = imported
        .meeting
        .rooms
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(names, ["Zeta Hall", "Alpha Room", "Main Stage"]);
}

/// A pentabarf-style schedule: no timezone, one event at 10:00 written without an offset.
const NAIVE_XML: &str = "<schedule><conference><title>FOSDEM-like</title></conference><day index=\"1\" date=\"2024-02-03\"><room name=\"Janson\"><event id=\"7\"><title>Opening</title><date>2024-02-03T10:00:00</date><duration>00:30</duration></event></room></day></schedule>";

#[test]
fn a_chosen_timezone_is_the_meetings_and_times_without_an_offset_are_local_there() {
    let chosen = Options {
        timezone: Some("Europe/Brussels".into()),
    };
    let imported = import_with(NAIVE_XML, &TzDatabase, &chosen).unwrap();
    assert_eq!(imported.meeting.timezone, "Europe/Brussels");
    let s = &imported.meeting.sessions[0];
    assert_eq!(
        (hh_mm(s.start), hh_mm(s.end)),
        ("10:00".into(), "10:30".into())
    );
    assert!(
        imported
            .report
            .notes
            .iter()
            .any(|n| n.contains("gives no timezone; the meeting uses Europe/Brussels")),
        "{:?}",
        imported.report.notes
    );
    // Its near miss, without the choice: UTC, and the report says so.
    let plain = import(NAIVE_XML, &TzDatabase).unwrap();
    assert_eq!(plain.meeting.timezone, "UTC");
    assert!(
        plain.report.timezone_guessed,
        "the app asks for the timezone"
    );
    assert!(!imported.report.timezone_guessed, "not once it is chosen");
    assert!(
        !crate::imported(&read("hub-schedule2.json"))
            .report
            .timezone_guessed
    );
    // A time with an offset is converted into the chosen timezone.
    let offset = NAIVE_XML.replace("T10:00:00<", "T10:00:00+01:00<");
    let in_new_york = Options {
        timezone: Some("America/New_York".into()),
    };
    let imported = import_with(&offset, &TzDatabase, &in_new_york).unwrap();
    assert_eq!(hh_mm(imported.meeting.sessions[0].start), "04:00");
    // A name that is not a timezone is refused before anything is read.
    let e = import_with(
        NAIVE_XML,
        &TzDatabase,
        &Options {
            timezone: Some("Geneva".into()),
        },
    )
    .unwrap_err();
    assert_eq!(e, ImportError::UnknownTimezone("Geneva".into()));
    assert!(e.to_string().contains("IANA name"), "{e}");
}

/// Each event's guid in a schedule JSON, by title.
fn guids_by_title(schedule: &str) -> Vec<(String, String)> {
    let v: Value = serde_json::from_str(schedule).unwrap();
    let mut out = Vec::new();
    for day in v["schedule"]["conference"]["days"].as_array().unwrap() {
        for events in day["rooms"].as_object().unwrap().values() {
            for e in events.as_array().unwrap() {
                out.push((
                    e["title"].as_str().unwrap().to_string(),
                    e["guid"].as_str().unwrap().to_string(),
                ));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn session_guids_in_a_file_are_kept_and_exported_back_unchanged() {
    let mut m = generated_meeting(30, 20, 2, 3);
    m.short_name = "OTHER".into();
    // Guids another system gave: here ours for the acronym OTHER, which an export of the
    // imported meeting (acronym NEW, new ids) would not make again.
    let text = schedule_json(&m, &TzDatabase).unwrap();
    let theirs = text.clone();
    let given = guids_by_title(&theirs);
    let imported = import(&theirs, &TzDatabase).unwrap();
    for s in &imported.meeting.sessions {
        assert!(
            given.contains(&(s.title.clone(), s.guid.clone())),
            "{} keeps its guid",
            s.title
        );
    }
    // Exported again: the same guids, though the new meeting's ids and acronym differ.
    let mut again = imported.meeting.clone();
    again.short_name = "NEW".into();
    assert_eq!(
        guids_by_title(&schedule_json(&again, &TzDatabase).unwrap()),
        given
    );
    // A guid that is not a UUID, or one given twice, is replaced by one of ours.
    let mut v: Value = serde_json::from_str(&text).unwrap();
    let events = v["schedule"]["conference"]["days"][0]["rooms"]
        .as_object_mut()
        .unwrap()
        .values_mut()
        .next()
        .unwrap()
        .as_array_mut()
        .unwrap();
    events[0]["guid"] = Value::from("abc");
    let first = events[1]["guid"].clone();
    events[2]["guid"] = first;
    let fixed = import(&v.to_string(), &TzDatabase).unwrap();
    assert_eq!(
        fixed.meeting.validate(),
        vec![],
        "every guid a UUID, none twice"
    );
}

#[test]
fn an_event_removed_from_a_file_without_guids_leaves_every_other_sessions_guid_as_it_was() {
    let m = generated_meeting(30, 20, 2, 3);
    let xml = schedule_xml(&m, &TzDatabase).unwrap();
    // Pentabarf-style: no guids; then the same without one event.
    let strip = |text: &str| {
        let mut out = String::new();
        let mut rest = text;
        while let Some(at) = rest.find(" guid=\"") {
            out.push_str(&rest[..at]);
            let end = rest[at + 7..].find('"').unwrap() + at + 8;
            rest = &rest[end..];
        }
        out.push_str(rest);
        out
    };
    let before = strip(&xml);
    let removed = m.sessions_on(m.days_in_order()[0].id)[1];
    let start = before
        .find(&format!("<title>{}</title>", removed.title))
        .unwrap();
    let from = before[..start].rfind("<event ").unwrap();
    let to = before[start..].find("</event>").unwrap() + start + "</event>".len();
    let after = format!("{}{}", &before[..from], &before[to..]);
    let a = import(&before, &TzDatabase).unwrap().meeting;
    let b = import(&after, &TzDatabase).unwrap().meeting;
    assert_eq!(b.sessions.len(), a.sessions.len() - 1);
    let guid_a = guids_by_title(&schedule_json(&a, &TzDatabase).unwrap());
    let guid_b = guids_by_title(&schedule_json(&b, &TzDatabase).unwrap());
    for pair in &guid_b {
        assert!(guid_a.contains(pair), "{} kept its guid", pair.0);
    }
    // Without event ids either, a session's guid comes from its title, date, time and room.
    let no_ids = |text: &str| {
        let mut out = String::new();
        let mut rest = text;
        while let Some(at) = rest.find("<event id=\"") {
            out.push_str(&rest[..at]);
            out.push_str("<event");
            let end = rest[at + 11..].find('"').unwrap() + at + 12;
            rest = &rest[end..];
        }
        out.push_str(rest);
        out
    };
    let a = import(&no_ids(&before), &TzDatabase).unwrap().meeting;
    let b = import(&no_ids(&after), &TzDatabase).unwrap().meeting;
    let guid_a = guids_by_title(&schedule_json(&a, &TzDatabase).unwrap());
    for pair in guids_by_title(&schedule_json(&b, &TzDatabase).unwrap()) {
        assert!(guid_a.contains(&pair), "{} kept its guid", pair.0);
    }
}

#[test]
fn files_over_the_size_limit_are_refused_before_reading() {
    let big = format!("{{\"schedule\": \"{}\"}}", "x".repeat(MAX_BYTES));
    assert_eq!(
        import(&big, &TzDatabase),
        Err(ImportError::TooLarge(big.len()))
    );
    let bytes = vec![b'<'; MAX_BYTES + 1];
    assert_eq!(
        agenda_planner::import::import_bytes(&bytes, &TzDatabase, &Default::default()),
        Err(ImportError::TooLarge(MAX_BYTES + 1))
    );
}

/// import → export (JSON, and XML) → import gives the same meeting.
fn assert_round_trip(name: &str, first: &Meeting) {
    let json = schedule_json(first, &TzDatabase).unwrap();
    let again = imported(&json).meeting;
    assert_eq!(&again, first, "{name}: through schedule.json");
    let xml = schedule_xml(first, &TzDatabase).unwrap();
    let mut via_xml = imported(&xml).meeting;
    // The XML has no place for the meeting's short name, edition, host, venue or city.
    via_xml.short_name = first.short_name.clone();
    via_xml.edition = first.edition.clone();
    via_xml.host = first.host.clone();
    via_xml.venue = first.venue.clone();
    via_xml.city = first.city.clone();
    // Nor for room capacities and descriptions, or biographies.
    for (r, f) in via_xml.rooms.iter_mut().zip(&first.rooms) {
        r.capacity = f.capacity;
        r.description = f.description.clone();
    }
    for (p, f) in via_xml.people.iter_mut().zip(&first.people) {
        p.bio = f.bio.clone();
    }
    assert_eq!(&via_xml, first, "{name}: through schedule.xml");
}

#[test]
fn import_export_import_of_each_example_gives_the_same_meeting() {
    for name in [
        "frab-camp2019.json",
        "pretalx-democon.json",
        "pretalx-widget-democon.json",
    ] {
        let first = imported(&read(name)).meeting;
        assert_round_trip(name, &first);
        // And our own file of it.
        assert_eq!(imported(&encode(&first)).meeting, first);
    }
}

#[test]
fn our_meeting_through_schedule_json_keeps_people_roles_and_details() {
    let original = sample_meeting();
    let back = imported(&schedule_json(&original, &TzDatabase).unwrap()).meeting;
    assert_eq!(back.title, original.title);
    assert_eq!(back.short_name, original.short_name);
    assert_eq!(back.edition, original.edition);
    assert_eq!(back.venue, original.venue);
    assert_eq!(back.timezone, original.timezone);
    assert_eq!(back.people.len(), original.people.len());
    for (b, o) in back.sessions.iter().zip(&original.sessions) {
        assert_eq!(
            (&b.title, b.kind, b.start, b.end),
            (&o.title, o.kind, o.start, o.end)
        );
        let who = |m: &Meeting, s: &agenda_planner::domain::Session| {
            s.participants
                .iter()
                .map(|p| {
                    (
                        m.person(p.person).unwrap().display_name(true),
                        p.role,
                        p.status,
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(who(&back, b), who(&original, o), "{}", o.title);
    }
}

#[test]
fn times_are_converted_from_the_files_offsets_into_its_timezone() {
    // UTC times in a Berlin schedule: 09:00Z is 11:00 in summer, 10:00 in winter.
    let json = r#"{"schedule": {"version": "1", "conference": {"title": "T", "acronym": "tttt",
      "time_zone_name": "Europe/Berlin", "days": [
        {"index": 1, "date": "2024-07-01", "day_start": "2024-07-01T06:00:00Z", "day_end": "2024-07-01T18:00:00Z",
         "rooms": {"Hall": [{"id": 1, "title": "Summer", "date": "2024-07-01T09:00:00Z", "duration": "00:45", "room": "Hall", "persons": []}]}},
        {"index": 2, "date": "2024-12-02", "day_start": "2024-12-02T07:00:00+00:00", "day_end": "2024-12-02T17:00:00+00:00",
         "rooms": {"Hall": [{"id": 2, "title": "Winter", "date": "2024-12-02T09:00:00+0000", "end": "2024-12-02T10:30:00Z", "room": "Hall", "persons": []}]}}
      ]}}}"#;
    let m = imported(json).meeting;
    let time_of = |title: &str| {
        let s = m.sessions.iter().find(|s| s.title == title).unwrap();
        (hh_mm(s.start), hh_mm(s.end))
    };
    assert_eq!(time_of("Summer"), ("11:00".into(), "11:45".into()));
    assert_eq!(time_of("Winter"), ("10:00".into(), "11:30".into()));
    assert_eq!(m.days[0].start, parse_time("08:00").unwrap());

    // pretalx's DemoCon says UTC but writes +01:00: 09:00+01:00 is 08:00 UTC.
    let democon = imported(&read("pretalx-democon.json")).meeting;
    assert_eq!(democon.timezone, "UTC");
    let first = democon
        .sessions
        .iter()
        .find(|s| s.title == "Focused 5thgeneration hardware")
        .unwrap();
    assert_eq!(hh_mm(first.start), "08:00");

    // XML without guids or a timezone name, frab/pentabarf style: times as written, and an
    // event after midnight belongs to the next date.
    let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
      <schedule><version>1</version>
        <conference><title>Night &amp; Day</title><acronym>night</acronym></conference>
        <day index="1" date="2019-08-21" start="2019-08-21T10:00:00+02:00" end="2019-08-22T04:00:00+02:00">
          <room name="Curie">
            <event id="7"><start>22:00</start><duration>01:00</duration><room>Curie</room>
              <title>Late</title><type>lecture</type><track>CCC</track>
              <persons><person id="3">jinxx</person><person id="4">Ada Lovelace</person></persons>
              <links><link href="https://example.org">x</link></links></event>
            <event id="8"><start>01:30</start><duration>00:30</duration><room>Curie</room>
              <title>After midnight</title><type>lecture</type><track>CCC</track>
              <persons><person id="4">Ada Lovelace</person></persons></event>
          </room>
        </day>
      </schedule>"#;
    let Imported { meeting, report } = imported(xml);
    assert_eq!(report.format, Some(SourceFormat::ScheduleXml));
    assert_eq!(meeting.title, "Night & Day");
    assert_eq!(meeting.timezone, "Etc/GMT-2");
    let late = meeting.sessions.iter().find(|s| s.title == "Late").unwrap();
    let after = meeting
        .sessions
        .iter()
        .find(|s| s.title == "After midnight")
        .unwrap();
    assert_eq!(hh_mm(late.start), "22:00");
    assert_eq!(
        meeting.day(late.day).unwrap().date.to_string(),
        "2019-08-21"
    );
    assert_eq!(
        meeting.day(after.day).unwrap().date.to_string(),
        "2019-08-22"
    );
    assert_eq!(meeting.people.len(), 2, "Ada is one person in both events");
    assert_eq!(meeting.people[1].family_name, "Lovelace");
    assert_eq!(late.kind, SessionKind::Talk);
    assert!(matches!(late.placement, Placement::Room(_)));
    assert!(
        report.notes.iter().any(|n| n.contains("1 links")),
        "{:?}",
        report.notes
    );
}

const TOKENS: [&str; 16] = [
    "null",
    "-1",
    "0",
    "1e400",
    "18446744073709551616",
    "\"\"",
    "\"99:99\"",
    "[]",
    "{}",
    "\"2020-13-45T25:61:00+99:99\"",
    "true",
    "\"\u{1F600}\"",
    "<",
    "&amp;",
    "\"\\u0000\"",
    "\"-00:01\"",
];

/// Changes a document's bytes: flips, cuts, repeats and inserts tokens.
fn mutate_text(rng: &mut Rng, text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..1 + rng.below(4) {
        let len = bytes.len().max(1);
        let at = rng.below(len);
        match rng.below(6) {
            0 if !bytes.is_empty() => {
                let i = at.min(bytes.len() - 1);
                bytes[i] ^= 1 << rng.below(8);
            }
            1 => bytes.truncate(at),
            2 => {
                let end = (at + rng.below(64)).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            3 => {
                let end = (at + rng.below(64)).min(bytes.len());
                let copy = bytes[at.min(end)..end].to_vec();
                let to = rng.below(bytes.len().max(1));
                bytes.splice(to..to, copy);
            }
            _ => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let at = at.min(bytes.len());
                bytes.splice(at..at, token.iter().copied());
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Replaces a random node of a JSON document with a value of another type.
fn mutate_value(rng: &mut Rng, v: &mut Value, depth: usize) {
    let replace = |rng: &mut Rng| match rng.below(9) {
        0 => Value::Null,
        1 => Value::from(-7),
        2 => Value::from(u64::MAX),
        3 => Value::from(1e300),
        4 => Value::from("2024-02-30T24:00:00+25:00"),
        5 => Value::from("not a time"),
        6 => Value::Array(vec![Value::Null, Value::from(1)]),
        7 => serde_json::json!({"en": 5}),
        _ => Value::from(""),
    };
    let children: usize = match v {
        Value::Array(a) => a.len(),
        Value::Object(o) => o.len(),
        _ => 0,
    };
    if children == 0 || depth > 8 || rng.below(4) == 0 {
        *v = replace(rng);
        return;
    }
    let i = rng.below(children);
    match v {
        Value::Array(a) => mutate_value(rng, &mut a[i], depth + 1),
        Value::Object(o) => {
            if rng.below(5) == 0 {
                let key = o.keys().nth(i).cloned().unwrap_or_default();
                o.remove(&key);
            } else if let Some((_, child)) = o.iter_mut().nth(i) {
                mutate_value(rng, child, depth + 1);
            }
        }
        _ => {}
    }
}

/// At least 10,000 mutated inputs: half changed bytes, half changed structure (JSON) or
/// further byte changes (XML). None may panic; each gives a meeting or a message.
fn never_panics(seed_text: &str, json: bool, seed: u64) {
    let mut rng = Rng(seed);
    let base: Option<Value> = json.then(|| serde_json::from_str(seed_text).unwrap());
    let (mut ok, mut refused) = (0, 0);
    for i in 0..10_000 {
        let text = match (&base, i % 2) {
            (Some(base), 0) => {
                let mut v = base.clone();
                for _ in 0..1 + rng.below(3) {
                    mutate_value(&mut rng, &mut v, 0);
                }
                v.to_string()
            }
            _ => mutate_text(&mut rng, seed_text),
        };
        match import(&text, &TzDatabase) {
            Ok(m) => {
                assert!(m.meeting.validate().is_empty());
                ok += 1;
            }
            Err(e) => {
                assert!(!e.to_string().is_empty());
                refused += 1;
            }
        }
    }
    assert!(
        ok > 0 && refused > 0,
        "both outcomes seen: {ok} imported, {refused} refused"
    );
}

/// A small schedule of each kind to mutate: fast enough for 10,000 runs each.
fn small_meeting() -> Meeting {
    generated_meeting(8, 10, 2, 2)
}

#[test]
fn mutated_schedule_json_never_panics_the_importer() {
    never_panics(
        &schedule_json(&small_meeting(), &TzDatabase).unwrap(),
        true,
        1,
    );
}

#[test]
fn mutated_schedule_xml_never_panics_the_importer() {
    never_panics(
        &schedule_xml(&small_meeting(), &TzDatabase).unwrap(),
        false,
        2,
    );
}

#[test]
fn mutated_pretalx_widget_json_never_panics_the_importer() {
    let mut widget: Value = serde_json::from_str(&read("pretalx-widget-democon.json")).unwrap();
    widget["talks"].as_array_mut().unwrap().truncate(6);
    never_panics(&widget.to_string(), true, 3);
}

#[test]
fn mutated_meeting_files_never_panic_the_importer() {
    never_panics(&encode(&small_meeting()), true, 4);
}

/// The moments files write: RFC 3339 and the looser forms real files carry.
#[test]
fn stamps_read_in_every_form_real_files_use() {
    use agenda_planner::import::stamp::parse_stamp;
    let at = |text: &str| parse_stamp(text).map(|s| (s.local.to_string(), s.offset));
    let local = "2019-08-21 11:00:00".to_string();
    for (text, offset) in [
        ("2019-08-21T11:00:00+02:00", Some(7200)),
        ("2019-08-21T11:00:00.123+02:00", Some(7200)),
        ("2019-08-21T11:00:00Z", Some(0)),
        ("2019-08-21 11:00:00-04:00", Some(-14400)),
        ("2019-08-21T11:00:00+0200", Some(7200)),
        ("2019-08-21T11:00+02", Some(7200)),
        ("2019-08-21T11:00:45+05:30", Some(19800)),
        (" 2019-08-21T11:00 ", None),
        ("2019-08-21 11:00", None),
        ("2019-08-21T11:00:00.5", None),
    ] {
        assert_eq!(at(text), Some((local.clone(), offset)), "{text}");
    }
    for bad in [
        "2019-08-21",
        "2019-02-30T11:00:00Z",
        "2019-08-21T25:00:00Z",
        "11:00",
        "",
        "2019-08-21T11:00:00+2x",
    ] {
        assert_eq!(at(bad), None, "{bad}");
    }
}

fn session<'a>(m: &'a Meeting, title: &str) -> &'a agenda_planner::domain::Session {
    m.sessions
        .iter()
        .find(|s| s.title.starts_with(title))
        .unwrap_or_else(|| panic!("a session “{title}”"))
}

#[test]
fn the_hub_fixture_is_valid_schedule_version_2() {
    let out = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/validate_schedule.py"))
        .arg(fixture("c3voc-schedule2.schema.json"))
        .arg(fixture("hub-schedule2.json"))
        .output()
        .expect("python3 runs (make test installs jsonschema)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn a_schedule_version_2_file_imports_its_events_rooms_tracks_and_participants() {
    let Imported { meeting, report } = imported(&read("hub-schedule2.json"));
    assert_eq!(report.format, Some(SourceFormat::Schedule2Json));
    // Five events, one of them cancelled.
    assert_eq!(meeting.sessions.len(), 4);
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("1 event(s) marked cancelled")),
        "{:?}",
        report.notes
    );
    assert!(!meeting
        .sessions
        .iter()
        .any(|s| s.title.contains("not happen")));
    let rooms: Vec<&str> = meeting.rooms.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(rooms, ["Saal 1", "Saal GLITCH", "Stage HUFF"]);
    assert_eq!(meeting.rooms[0].capacity, Some(3000));
    // Tracks by slug, with their colours (a `colors.light` too).
    assert_eq!(meeting.themes[0].name, "Ethics, Society & Politics");
    assert_eq!(meeting.themes[0].colour, "#00b3ff");
    assert_eq!(meeting.themes[1].colour, "#d8412f");
    assert_eq!(meeting.timezone, "Europe/Berlin");
    assert_eq!(meeting.description, "The Congress.");
    // A room referred to by guid alone.
    let hardware = session(&meeting, "Hardware hacking");
    assert_eq!(
        hardware.placement,
        Placement::Room(meeting.rooms[1].id),
        "the room its guid names"
    );
    assert_eq!(hardware.themes, vec![meeting.themes[1].id]);
    assert_eq!(
        hardware.description, "We solder.",
        "English of a translated abstract"
    );
    // Participants with their roles; the same guid is one person.
    let opening = session(&meeting, "38C3: Opening");
    assert_eq!(opening.guid, "0a6f1f4b-8b7c-5b8e-9a53-1d2f3e4a5b6c");
    let roles: Vec<(String, Role)> = opening
        .participants
        .iter()
        .map(|p| (meeting.person(p.person).unwrap().name(), p.role))
        .collect();
    assert_eq!(
        roles,
        [
            ("Sara Example".to_string(), Role::Chair),
            ("Ben Other".to_string(), Role::Speaker)
        ]
    );
    assert_eq!(meeting.people.len(), 2);
    assert_eq!(hardware.participants[0].role, Role::Moderator);
    let lunch = session(&meeting, "Lunch");
    assert_eq!(lunch.kind, SessionKind::Break);
}

#[test]
fn a_schedule_version_2_event_without_an_end_takes_its_iso_duration() {
    let mut v: Value = serde_json::from_str(&read("hub-schedule2.json")).unwrap();
    let event = &mut v["schedule"]["events"][1];
    event.as_object_mut().unwrap().remove("end");
    event["duration"] = Value::from("PT1H15M");
    let m = imported(&v.to_string()).meeting;
    let s = session(&m, "Hardware hacking");
    assert_eq!(
        (hh_mm(s.start), hh_mm(s.end)),
        ("11:00".into(), "12:15".into())
    );
    // Near miss: a length in months has no fixed length.
    v["schedule"]["events"][1]["duration"] = Value::from("P1M");
    let err = import(&v.to_string(), &TzDatabase).unwrap_err().to_string();
    assert!(err.contains("“duration” “P1M” is not a length"), "{err}");
}

#[test]
fn a_version_1_file_is_not_taken_for_version_2() {
    let report = imported(&read("frab-camp2019.json")).report;
    assert_eq!(report.format, Some(SourceFormat::ScheduleJson));
}

#[test]
fn event_types_map_to_kinds_and_the_files_own_type_is_kept_and_exported_back() {
    let m = imported(&read("hub-schedule2.json")).meeting;
    let lightning = session(&m, "Lightning talks");
    assert_eq!(lightning.kind, SessionKind::Talk);
    assert_eq!(lightning.source_type, "LIGHTNING_TALK");
    let workshop = session(&m, "Hardware hacking");
    assert_eq!(workshop.kind, SessionKind::Workshop);
    let json: Value = serde_json::from_str(&schedule_json(&m, &TzDatabase).unwrap()).unwrap();
    let mut types: Vec<String> = Vec::new();
    for day in json["schedule"]["conference"]["days"].as_array().unwrap() {
        for events in day["rooms"].as_object().unwrap().values() {
            for e in events.as_array().unwrap() {
                types.push(e["type"].as_str().unwrap().to_string());
            }
        }
    }
    types.sort();
    assert_eq!(types, ["LIGHTNING_TALK", "break", "talk", "workshop"]);
    // And back: the same kinds, the same types.
    let again = imported(&schedule_json(&m, &TzDatabase).unwrap()).meeting;
    let back = session(&again, "Lightning talks");
    assert_eq!(
        (back.kind, back.source_type.as_str()),
        (SessionKind::Talk, "LIGHTNING_TALK")
    );
    // Near miss: a kind of ours is not kept as a type of its own.
    assert_eq!(session(&again, "Lunch").source_type, "");
}

#[test]
fn saving_a_session_keeps_its_imported_type_unless_its_kind_changes() {
    use agenda_planner::domain::Edit;
    let m = imported(&read("hub-schedule2.json")).meeting;
    let s = session(&m, "Lightning talks").clone();
    let as_form = agenda_planner::domain::Session {
        source_type: String::new(),
        guid: String::new(),
        ..s.clone()
    };
    let mut kept = m.clone();
    Edit::save_session(&m, as_form.clone(), None, false)
        .apply(&mut kept)
        .unwrap();
    assert_eq!(kept.session(s.id).unwrap().source_type, "LIGHTNING_TALK");
    let changed = agenda_planner::domain::Session {
        kind: SessionKind::Panel,
        ..as_form
    };
    let mut other = m.clone();
    Edit::save_session(&m, changed, None, false)
        .apply(&mut other)
        .unwrap();
    assert_eq!(other.session(s.id).unwrap().source_type, "");
}

#[test]
fn html_in_descriptions_becomes_paragraphs_and_lists_in_the_meeting_and_the_programme() {
    let m = imported(&read("hub-schedule2.json")).meeting;
    let opening = session(&m, "38C3: Opening");
    assert_eq!(
        opening.description,
        "Welcome to the 38th Congress.\n\nThe opening.\n\n- What is new\n- Where to go"
    );
    let html = agenda_planner::export::html::programme(&m, &Default::default());
    assert!(
        html.contains("<div class=\"description\"><p>Welcome to the 38th Congress.</p><p>The opening.</p><ul><li>What is new</li><li>Where to go</li></ul></div>"),
        "{}",
        &html[html.find("Welcome").unwrap_or(0).saturating_sub(80)..][..300]
    );
    assert!(!html.contains("&lt;p&gt;"), "no literal tags");
    // Near miss: a description that only mentions a comparison is text, kept as written.
    let mut v: Value = serde_json::from_str(&read("hub-schedule2.json")).unwrap();
    v["schedule"]["events"][0]["description"] = Value::from("Costs < 5 € and > 2 €");
    let m = imported(&v.to_string()).meeting;
    assert!(session(&m, "38C3: Opening")
        .description
        .ends_with("Costs < 5 € and > 2 €"));
}

#[test]
fn mutated_schedule_version_2_json_never_panics_the_importer() {
    never_panics(&read("hub-schedule2.json"), true, 5);
}

/// In the shape of FOSDEM's pentabarf export: venue and city, no timezone, HTML abstracts.
const PENTABARF_XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference>
    <title>FOSDEM 2024</title>
    <subtitle/>
    <venue>ULB (Université Libre de Bruxelles)</venue>
    <city>Brussels</city>
    <start>2024-02-03</start>
    <end>2024-02-04</end>
    <days>2</days>
    <day_change>09:00:00</day_change>
    <timeslot_duration>00:05:00</timeslot_duration>
  </conference>
  <day index="1" date="2024-02-03">
    <room name="Janson">
      <event id="15789">
        <start>09:30</start>
        <duration>00:25</duration>
        <room>Janson</room>
        <slug>welcome</slug>
        <title>Welcome to FOSDEM 2024</title>
        <subtitle/>
        <track>Keynotes</track>
        <type>keynote</type>
        <language/>
        <abstract>&lt;p&gt;FOSDEM welcome and opening talk.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Rules&lt;/li&gt;&lt;li&gt;Rooms&lt;/li&gt;&lt;/ul&gt;</abstract>
        <description/>
        <persons><person id="6">FOSDEM Staff</person></persons>
        <links/>
      </event>
    </room>
  </day>
</schedule>"#;

#[test]
fn a_pentabarf_file_keeps_its_venue_and_city_and_reads_its_html_abstracts() {
    let Imported { meeting, .. } = imported(PENTABARF_XML);
    assert_eq!(meeting.venue, "ULB (Université Libre de Bruxelles)");
    assert_eq!(meeting.city, "Brussels");
    let welcome = session(&meeting, "Welcome to FOSDEM");
    assert_eq!(welcome.kind, SessionKind::Keynote);
    assert_eq!(
        welcome.description,
        "FOSDEM welcome and opening talk.\n\n- Rules\n- Rooms"
    );
    // Near miss: a file without them leaves the meeting's empty.
    let bare = PENTABARF_XML
        .replace("<venue>ULB (Université Libre de Bruxelles)</venue>", "")
        .replace("<city>Brussels</city>", "");
    let m = imported(&bare).meeting;
    assert_eq!((m.venue.as_str(), m.city.as_str()), ("", ""));
}

/// A pentabarf-style event in Europe/Brussels on `date` at `start`, `duration` long.
fn brussels_event(date: &str, start: &str, duration: &str) -> Meeting {
    let xml = format!("<schedule><conference><title>DST</title><time_zone_name>Europe/Brussels</time_zone_name></conference><day index=\"1\" date=\"{date}\"><room name=\"Janson\"><event id=\"1\"><title>Night talk</title><date>{date}T{start}:00</date><duration>{duration}</duration></event></room></day></schedule>");
    imported(&xml).meeting
}

fn times(m: &Meeting) -> (String, String) {
    let s = &m.sessions[0];
    (hh_mm(s.start), hh_mm(s.end))
}

#[test]
fn a_length_is_real_time_across_a_change_of_the_clocks() {
    // Summer time begins at 02:00 on 31 March 2024: an hour from 01:30 ends at 03:30.
    let spring = brussels_event("2024-03-31", "01:30", "01:00");
    assert_eq!(times(&spring), ("01:30".into(), "03:30".into()));
    // It ends on 27 October at 03:00 (back to 02:00): two hours from 01:30 end at 02:30.
    let autumn = brussels_event("2024-10-27", "01:30", "02:00");
    assert_eq!(times(&autumn), ("01:30".into(), "02:30".into()));
    // Near miss: the night before, nothing changes.
    let before = brussels_event("2024-03-30", "01:30", "01:00");
    assert_eq!(times(&before), ("01:30".into(), "02:30".into()));
    // And the schedule exports write the real length back.
    let json: Value = serde_json::from_str(&schedule_json(&spring, &TzDatabase).unwrap()).unwrap();
    let event = &json["schedule"]["conference"]["days"][0]["rooms"]["Janson"][0];
    assert_eq!(event["duration"], "01:00");
    assert_eq!(event["date"], "2024-03-31T01:30:00+01:00");
}

#[test]
fn a_time_in_the_hour_the_clocks_skip_is_read_as_the_clocks_showed_it() {
    let m = brussels_event("2024-03-31", "02:30", "00:30");
    assert_eq!(times(&m), ("03:30".into(), "04:00".into()));
    let xml = "<schedule><conference><title>DST</title><time_zone_name>Europe/Brussels</time_zone_name></conference><day index=\"1\" date=\"2024-03-31\"><room name=\"Janson\"><event id=\"1\"><title>Night talk</title><date>2024-03-31T02:30:00</date><duration>00:30</duration></event></room></day></schedule>";
    let report = imported(xml).report;
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("1 time(s) fell in the hour the clocks skip")),
        "{:?}",
        report.notes
    );
    // The exports can write it.
    assert!(agenda_planner::export::ics::calendar(
        &m,
        &agenda_planner::export::ics::CalendarOptions {
            sessions: None,
            stamp: Default::default(),
            honorifics: true,
        },
        &TzDatabase
    )
    .is_ok());
}

#[test]
fn check_flags_a_time_the_exports_cannot_write_and_a_timezone_no_calendar_knows() {
    use agenda_planner::domain::check::{time_findings, Severity};
    let mut m = brussels_event("2024-03-30", "01:30", "01:00");
    assert!(
        time_findings(&m, &TzDatabase).is_empty(),
        "the night before: nothing"
    );
    // Moved onto the night summer time begins, at 02:15: no such time.
    m.days[0].date = chrono::NaiveDate::from_ymd_opt(2024, 3, 31).unwrap();
    m.sessions[0].start = parse_time("02:15").unwrap();
    m.sessions[0].end = parse_time("03:30").unwrap();
    let found = time_findings(&m, &TzDatabase);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].severity, Severity::Error);
    assert!(
        found[0].message.contains(
            "starts at 02:15, a time that does not exist on 2024-03-31 in Europe/Brussels"
        ),
        "{}",
        found[0].message
    );
    assert_eq!(found[0].sessions, vec![m.sessions[0].id]);
    assert!(
        schedule_json(&m, &TzDatabase).is_err(),
        "the export it protects refuses it"
    );
    m.timezone = "Geneva".into();
    let found = time_findings(&m, &TzDatabase);
    assert_eq!(found[0].key, "timezone-unknown");
    assert!(found[0]
        .message
        .contains("“Geneva” is not one calendars know"));
}

#[test]
fn a_session_past_midnight_is_kept_whole_and_exported_with_its_real_end() {
    // The hub fixture's lightning talks run 23:30–00:45, on a day that ends at 02:00.
    let Imported { meeting, report } = imported(&read("hub-schedule2.json"));
    let lt = session(&meeting, "Lightning talks");
    assert_eq!(
        (hh_mm(lt.start), hh_mm(lt.end)),
        ("23:30".into(), "00:45".into())
    );
    assert!(lt.ends_next_day);
    assert_eq!(lt.duration_minutes(), 75);
    let day = meeting.day(lt.day).unwrap();
    assert_eq!((hh_mm(day.end), day.ends_next_day), ("02:00".into(), true));
    assert!(
        !report.notes.iter().any(|n| n.contains("lasted a day")),
        "{:?}",
        report.notes
    );
    assert!(
        agenda_planner::domain::check::check(&meeting, &meeting.checks)
            .iter()
            .all(|f| !f.key.starts_with("outside-day") && !f.key.starts_with("times:"))
    );
    // Exports: the end on the next date, the real length.
    let json: Value = serde_json::from_str(&schedule_json(&meeting, &TzDatabase).unwrap()).unwrap();
    let day1 = &json["schedule"]["conference"]["days"][0];
    assert_eq!(day1["day_end"], "2024-12-28T02:00:00+01:00");
    let event = day1["rooms"]["Stage HUFF"][0].clone();
    assert_eq!(event["end"], "2024-12-28T00:45:00+01:00");
    assert_eq!(event["duration"], "01:15");
    assert_valid_json(
        "past-midnight.json",
        &schedule_json(&meeting, &TzDatabase).unwrap(),
    );
    assert_valid_xml(
        "past-midnight.xml",
        &schedule_xml(&meeting, &TzDatabase).unwrap(),
    );
    let ics = agenda_planner::export::ics::calendar(
        &meeting,
        &agenda_planner::export::ics::CalendarOptions {
            sessions: None,
            stamp: Default::default(),
            honorifics: true,
        },
        &TzDatabase,
    )
    .unwrap();
    assert!(
        ics.contains("DTEND:20241227T234500Z"),
        "00:45 CET is 23:45 UTC"
    );
    // The attendees' published file carries it whole too.
    use agenda_planner::storage::published::{decode_published, encode_published};
    let published = decode_published(&encode_published(&meeting)).unwrap();
    let p = session(&published, "Lightning talks");
    assert_eq!((hh_mm(p.end), p.ends_next_day), ("00:45".into(), true));
    assert!(published.day(p.day).unwrap().ends_next_day);
    // And back: the same session, still whole.
    let again = imported(&schedule_json(&meeting, &TzDatabase).unwrap()).meeting;
    let back = session(&again, "Lightning talks");
    assert_eq!(
        (hh_mm(back.end), back.ends_next_day),
        ("00:45".into(), true)
    );
    // Near miss: the same talk ending before midnight does not end the next day.
    let mut v: Value = serde_json::from_str(&read("hub-schedule2.json")).unwrap();
    v["schedule"]["events"][2]["end"] = Value::from("2024-12-27T23:55:00+01:00");
    let m = imported(&v.to_string()).meeting;
    assert!(!session(&m, "Lightning talks").ends_next_day);
}

#[test]
fn sessions_past_midnight_clash_and_move_like_any_other() {
    use agenda_planner::domain::Edit;
    let mut m = imported(&read("hub-schedule2.json")).meeting;
    let lt = session(&m, "Lightning talks").clone();
    // Another session in the same room from 23:50 to 01:30: a clash, past midnight.
    let mut late = lt.clone();
    late.id = agenda_planner::domain::SessionId(99);
    late.title = "Late show".into();
    late.guid = String::new();
    late.start = parse_time("23:50").unwrap();
    late.end = parse_time("01:30").unwrap();
    late.ends_next_day = true;
    m.sessions.push(late);
    assert!(m.validate().is_empty(), "{:?}", m.validate());
    let findings = agenda_planner::domain::check::check(&m, &m.checks);
    assert!(
        findings
            .iter()
            .any(|f| f.key.starts_with("room:") || f.message.contains("Late show")),
        "{findings:?}"
    );
    // Moving it by 20 minutes keeps it whole; a start at midnight would be the next day's.
    let mut later = m.clone();
    Edit::Shift(vec![lt.id], 20).apply(&mut later).unwrap();
    let s = later.session(lt.id).unwrap();
    assert_eq!(
        (hh_mm(s.start), hh_mm(s.end), s.ends_next_day),
        ("23:50".into(), "01:05".into(), true)
    );
    assert!(Edit::Shift(vec![lt.id], 30).apply(&mut m.clone()).is_err());
    // And back before midnight, it no longer ends the next day.
    let mut earlier = m.clone();
    Edit::Shift(vec![lt.id], -90).apply(&mut earlier).unwrap();
    let s = earlier.session(lt.id).unwrap();
    assert_eq!((hh_mm(s.end), s.ends_next_day), ("23:15".into(), false));
}

#[test]
fn the_pretalx_widget_reader_takes_what_pretalxs_own_build_data_writes() {
    // Fields as pretalx's Schedule.build_data writes them (an unreleased schedule, with states).
    let mut widget: Value = serde_json::from_str(&read("pretalx-widget-democon.json")).unwrap();
    let talks = widget["talks"].as_array_mut().unwrap();
    talks[0]["session_type"] = serde_json::json!({"en": "Workshop", "de": "Werkstatt"});
    talks[0]["description"] = Value::from("**Bring** a laptop.");
    talks[0]["tags"] = serde_json::json!(["hardware"]);
    talks[0]["do_not_record"] = Value::from(true);
    talks[1]["state"] = Value::from("canceled");
    talks[2]["state"] = Value::from("confirmed");
    let cancelled = talks[1]["title"].as_str().unwrap_or_default().to_string();
    let title = talks[0]["title"].as_str().unwrap().to_string();
    let count = talks.len();
    let Imported { meeting, report } = imported(&widget.to_string());
    assert_eq!(
        meeting.sessions.len(),
        count - 1,
        "the cancelled talk is left out"
    );
    assert!(!meeting.sessions.iter().any(|s| s.title == cancelled));
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("1 talk(s) cancelled")),
        "{:?}",
        report.notes
    );
    assert!(
        report.notes.iter().any(|n| n == "Not kept: 1 talks' tags."),
        "{:?}",
        report.notes
    );
    let s = session(&meeting, &title);
    assert_eq!(
        (s.kind, s.source_type.as_str()),
        (SessionKind::Workshop, "")
    );
    assert_eq!(s.description, "Brand back-end models!\n\nBring a laptop.");
    // Near miss: a type of its own is kept as written.
    let talks = widget["talks"].as_array_mut().unwrap();
    talks[0]["session_type"] = serde_json::json!({"en": "Lightning Talk"});
    let m = imported(&widget.to_string()).meeting;
    let s = session(&m, &title);
    assert_eq!(
        (s.kind, s.source_type.as_str()),
        (SessionKind::Talk, "Lightning Talk")
    );
}

#[test]
fn an_import_that_would_make_a_meeting_file_over_the_limit_is_refused_and_one_under_it_is_not() {
    // Fifty thousand people in one event: a 2 MB file, a meeting file of over 10 MB.
    let xml = |people: usize| {
        let persons: String = (0..people)
            .map(|i| format!("<person id=\"{i}\">Person Number{i}</person>"))
            .collect();
        format!("<schedule><conference><title>Big</title><time_zone_name>UTC</time_zone_name></conference><day index=\"1\" date=\"2024-02-03\"><room name=\"A\"><event id=\"1\"><title>All</title><date>2024-02-03T10:00:00</date><duration>00:30</duration><persons>{persons}</persons></event></room></day></schedule>")
    };
    let big = xml(50_000);
    assert!(big.len() < MAX_BYTES);
    let err = import(&big, &TzDatabase).unwrap_err();
    assert!(matches!(err, ImportError::ResultTooLarge(_)), "{err}");
    assert!(
        err.to_string()
            .contains("over the 10 MB the planner reads back"),
        "{err}"
    );
    // Near miss: a thousand people import, and the meeting file reads back.
    let m = imported(&xml(1_000)).meeting;
    assert_eq!(m.people.len(), 1_000);
    assert!(agenda_planner::storage::decode(&encode(&m)).is_ok());
}
