//! The published form: what attendees download keeps what the schedule shows, is at most half
//! the size of the meeting file, and refuses what it cannot read, saying where.

mod common;

use agenda_planner::domain::generate::generated_meeting;
use agenda_planner::domain::sample::sample_meeting;
use agenda_planner::domain::slots::first_screen;
use agenda_planner::domain::{Meeting, Status};
use agenda_planner::storage::json::MAX_DEPTH;
use agenda_planner::storage::published::{decode_published, encode_published, is_published};
use agenda_planner::storage::{decode, encode, encode_pretty, DecodeError};
use common::Rng;

/// The meeting as the published form keeps it: planner-only fields at their defaults (the
/// record and the sessions' outcomes are the secretariat's drafts, not the schedule), days,
/// sessions and people in programme order.
fn as_published(m: &Meeting) -> Meeting {
    let mut m = m.clone();
    m.checks = Default::default();
    m.record = Default::default();
    for p in &mut m.people {
        p.category = Default::default();
        p.availability.clear();
    }
    for r in &mut m.rooms {
        r.capacity = None;
    }
    m.days.sort_by_key(|d| d.date);
    let mut sessions = Vec::new();
    for d in m.days_in_order() {
        for s in m.sessions_on(d.id) {
            let mut s = s.clone();
            s.outcomes.clear();
            s.participants.sort_by_key(|p| (p.role, p.order));
            let mut orders: Vec<(agenda_planner::domain::Role, u32)> = Vec::new();
            for p in &mut s.participants {
                p.status = Status::default();
                let n = match orders.iter_mut().find(|(r, _)| *r == p.role) {
                    Some((_, n)) => {
                        *n += 1;
                        *n - 1
                    }
                    None => {
                        orders.push((p.role, 1));
                        0
                    }
                };
                p.order = n;
            }
            sessions.push(s);
        }
    }
    m.sessions = sessions;
    m.people.sort_by_key(|p| {
        (
            p.family_name.to_ascii_lowercase(),
            p.given_name.to_ascii_lowercase(),
            p.id,
        )
    });
    m
}

#[test]
fn the_published_form_keeps_everything_the_schedule_shows() {
    for m in [sample_meeting(), generated_meeting(300, 400, 3, 6)] {
        let text = encode_published(&m);
        assert!(is_published(&text));
        let back = decode_published(&text).expect("reads back");
        assert_eq!(back, as_published(&m));
        // The planner opens it like any meeting file.
        assert_eq!(decode(&text), Ok(back));
    }
}

#[test]
fn a_published_file_carries_its_first_screen_as_the_schedule_draws_it() {
    let m = sample_meeting();
    let text = encode_published(&m);
    let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let preview = &json["preview"];
    let screen = first_screen(&m).expect("the sample has days");
    assert_eq!(preview["title"], m.title.as_str());
    assert_eq!(preview["date"], screen.date.as_str());
    assert_eq!(preview["count"], screen.count.as_str());
    assert_eq!(preview["days"].as_array().map(Vec::len), Some(m.days.len()));
    let slots = preview["slots"].as_array().expect("slots");
    assert_eq!(slots.len(), screen.slots.len());
    for (slot, expected) in slots.iter().zip(&screen.slots) {
        assert_eq!(slot[0], expected.kind);
        assert_eq!(slot[3], expected.time.as_str());
        assert_eq!(slot[5], expected.title.as_str());
        assert_eq!(slot[7], expected.people.as_str());
    }
    // Written before the tables, so that the page's first script finds it in the first bytes.
    assert!(text.find("\"preview\"") < text.find("\"sessions\""));
    // What that script relies on (tools/preview.js): the file starts with its format, and the
    // first `},"days":{` ends the preview, whatever the text in it.
    let mut odd = sample_meeting();
    odd.title = "x},\"days\":{\"y\":1} \\\" ,\"preview\":{".into();
    let odd_text = encode_published(&odd);
    assert!(odd_text.starts_with("{\"format\":\"agenda-published\""));
    let at = odd_text.find(",\"preview\":{").expect("a preview") + ",\"preview\":".len();
    let end = odd_text.find("},\"days\":{").expect("its end") + 1;
    let cut: serde_json::Value =
        serde_json::from_str(&odd_text[at..end]).expect("the preview alone");
    let whole: serde_json::Value = serde_json::from_str(&odd_text).expect("JSON");
    assert_eq!(cut, whole["preview"]);
    assert_eq!(cut["title"], odd.title.as_str());
    // A meeting without days has no first screen to carry.
    assert!(!encode_published(&Meeting::default()).contains("\"preview\""));
}

#[test]
fn odd_text_survives_the_published_form() {
    let mut m = sample_meeting();
    m.title =
        "Quote \" backslash \\ tab \t newline \n nul \u{0} sep \u{2028} 東京 🎉 </script>".into();
    m.people[0].bio = "\u{1f}\u{7f}\u{202e}right-to-left".into();
    let text = encode_published(&m);
    assert!(
        !text.contains('\u{2028}') && !text.contains('\u{0}'),
        "escaped"
    );
    assert_eq!(decode_published(&text).unwrap().title, m.title);
    assert_eq!(
        decode_published(&text)
            .unwrap()
            .person(m.people[0].id)
            .unwrap()
            .bio,
        m.people[0].bio
    );
}

#[test]
fn the_published_form_is_at_most_half_the_meeting_file_raw_and_compressed() {
    let m = generated_meeting(1000, 2000, 3, 10);
    let published = encode_published(&m);
    // Today attendees get the meeting file (the Export screen writes it indented).
    for (what, file) in [("indented", encode_pretty(&m)), ("compact", encode(&m))] {
        assert!(
            published.len() * 2 <= file.len(),
            "{what}: published {} bytes, meeting file {} bytes",
            published.len(),
            file.len()
        );
    }
    let gzip = |t: &str| {
        use std::io::Write;
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(t.as_bytes()).unwrap();
        e.finish().unwrap().len()
    };
    assert!(
        gzip(&published) * 2 <= gzip(&encode_pretty(&m)),
        "compressed: published {} bytes, meeting file {} bytes",
        gzip(&published),
        gzip(&encode_pretty(&m))
    );
}

#[test]
fn what_cannot_be_read_is_refused_saying_what_and_where() {
    let good = encode_published(&sample_meeting());
    let newer = good.replacen("\"version\":1", "\"version\":9", 1);
    assert!(matches!(
        decode_published(&newer),
        Err(DecodeError::NewerVersion { found: 9, .. })
    ));
    let cut = &good[..good.len() / 2];
    match decode_published(cut) {
        Err(DecodeError::BadField { line, column, .. }) => assert!(line >= 1 && column >= 1),
        other => panic!("{other:?}"),
    }
    let one_session = |people: &str, room: &str| {
        format!(
            r#"{{"format":"agenda-published","version":1,"meeting":["T","","","","","","UTC",""],
            "days":{{"id":[1],"date":["2022-09-15"],"label":[""],"start":["09:00"],"end":["17:00"]}},
            "rooms":{{"id":[1],"name":["Hall"],"description":[""]}},
            "people":{{"id":[4],"honorific":[""],"given":["A"],"family":["B"],"position":[""],"organization":[""],"short":[""],"bio":[""]}},
            "sessions":{{"id":[7],"title":["S"],"kind":["panel"],"day":[0],"start":[600],"length":[60],"room":[{room}],
              "themes":[[]],"description":[""],"people":[{people}],"items":[[]]}}}}"#
        )
    };
    let fine = decode_published(&one_session("[0,5]", "1")).expect("a good one reads");
    assert_eq!(fine.sessions[0].participants[0].person.0, 4);
    assert_eq!(fine.sessions[0].start.to_string(), "10:00:00");
    for (people, room, why) in [
        ("[1,5]", "1", "a person who is not in the list"),
        ("[0,99]", "1", "a role that does not exist"),
        ("[0]", "1", "a person without a role"),
        ("[0,5]", "9", "a room that is not in the meeting"),
    ] {
        assert!(
            decode_published(&one_session(people, room)).is_err(),
            "{why}"
        );
    }
    let short = one_session("[0,5]", "1").replace(r#""title":["S"]"#, r#""title":[]"#);
    assert!(
        decode_published(&short).is_err(),
        "columns of different lengths"
    );
    for bad in [
        "",
        "[]",
        "{}",
        r#"{"format":"agenda-published"}"#,
        r#"{"format":"agenda-published","version":1,"days":[[1,"2022-02-30","x","09:00","10:00"]]}"#,
        r#"{"format":"agenda-published","version":1,"days":[[1,"2022-02-03","x","25:00","10:00"]]}"#,
        r#"{"format":"agenda-published","version":1,"rooms":[[-1,"x",""]]}"#,
        r#"{"format":"agenda-published","version":1,"rooms":[[1.5,"x",""]]}"#,
        r#"{"format":"agenda-published","version":1,"rooms":[[1,"x"]]}"#,
        r#"{"format":"agenda-published","version":1,"rooms":[[1,"x","",4]]}"#,
        r#"{"format":"agenda-published","version":1,"meeting":["a\q"]}"#,
        r#"{"format":"agenda-published","version":1} trailing"#,
    ] {
        assert!(decode_published(bad).is_err(), "{bad}");
    }
}

#[test]
fn unknown_fields_of_a_newer_file_are_skipped() {
    let good = encode_published(&sample_meeting());
    let extra = good.replacen(
        "\"days\":",
        r#""later":{"a":[1,2.5e3,true,false,null,{"b":"c"}]},"days":"#,
        1,
    );
    assert_eq!(decode_published(&extra), decode_published(&good));
}

#[test]
fn nesting_deeper_than_the_limit_is_refused_before_it_can_overflow_a_stack() {
    for depth in [MAX_DEPTH as usize + 1, 100_000] {
        let text = format!(
            r#"{{"format":"agenda-published","version":1,"later":{}{}}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        );
        match decode_published(&text) {
            Err(DecodeError::BadField { message, .. }) => {
                assert!(message.contains("nested"), "{message}")
            }
            other => panic!("depth {depth}: {other:?}"),
        }
    }
}

#[test]
fn ten_thousand_mutated_files_never_panic() {
    let good = encode_published(&sample_meeting());
    let bytes = good.as_bytes();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..10_000 {
        let mut b = bytes.to_vec();
        for _ in 0..(1 + rng.below(4)) {
            let at = rng.below(b.len());
            match rng.below(3) {
                0 => {
                    let alphabet = b"[]{},:\"\\0123456789nul ";
                    b[at] = alphabet[rng.below(alphabet.len())];
                }
                1 => {
                    b.remove(at);
                }
                _ => b.insert(at, b"[{\",:0"[rng.below(6)]),
            }
        }
        if let Ok(text) = std::str::from_utf8(&b) {
            let _ = decode_published(text);
        }
    }
}

#[test]
fn a_copy_saved_in_the_published_form_becomes_a_meeting_file_the_planner_reads() {
    use agenda_planner::storage::{
        decode, decode_envelope, envelope_of_published, startup, Startup,
    };
    let m = agenda_planner::domain::sample::sample_meeting();
    let published = agenda_planner::storage::published::encode_published(&m);
    // The planner reads stored text as its own envelope only…
    assert!(matches!(
        startup(Some(published.clone()), || m.clone()),
        Startup::Unreadable { .. }
    ));
    // …so such a copy is rewritten first, as what the published form reads as.
    let envelope = envelope_of_published(&published).unwrap();
    assert_eq!(
        decode_envelope(&envelope).unwrap(),
        decode(&published).unwrap()
    );
    assert!(matches!(
        startup(Some(envelope), || m.clone()),
        Startup::Loaded { .. }
    ));
    // Our own file, or anything else, is left as it is.
    assert_eq!(
        envelope_of_published(&agenda_planner::storage::encode(&m)),
        None
    );
    assert_eq!(
        envelope_of_published("{\"format\":\"agenda-planner-published\""),
        None
    );
}
