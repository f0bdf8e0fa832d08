//! The attendee view's pure parts: share links, filters in the URL, what a filter keeps, and
//! where the meeting stands now.

mod common;
use common::Rng;

use agenda_planner::domain::attendee::{moment, query_pairs, query_value, Moment, ViewState};
use agenda_planner::domain::sample::sample_meeting;
use agenda_planner::domain::schedule::parse_date;
use agenda_planner::domain::*;
use agenda_planner::storage::share::{
    decode_fragment, fragment, ShareError, FRAGMENT_KEY, LONG_LINK,
};

fn data(m: &Meeting) -> String {
    fragment(m)
        .strip_prefix(FRAGMENT_KEY)
        .expect("starts with share=")
        .to_string()
}

#[test]
fn a_share_link_round_trips_the_sample_exactly_and_its_length_is_reported() {
    let m = sample_meeting();
    let link = fragment(&m);
    let (back, text) = decode_fragment(&data(&m)).unwrap();
    assert_eq!(back, m);
    assert_eq!(
        text,
        agenda_planner::storage::encode(&m),
        "the file's text, as sent"
    );
    // What the organizer sees, and the closing note reports.
    println!("sample share fragment: {} characters", link.len());
    assert!(
        link.len() < LONG_LINK,
        "the sample fits a link ({} characters)",
        link.len()
    );
    assert!(link
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"+-$=".contains(&b)));
}

#[test]
fn odd_text_survives_a_share_link() {
    let mut m = sample_meeting();
    m.title = "Réunion « R2P » — 東京 🌏 <b>&amp;</b>".into();
    assert_eq!(decode_fragment(&data(&m)).unwrap().0.title, m.title);
}

#[test]
fn truncated_garbled_or_foreign_links_give_a_clear_error() {
    let good = data(&sample_meeting());
    assert_eq!(decode_fragment(""), Err(ShareError::Empty));
    for bad in [
        &good[..good.len() / 2],
        &good[..good.len() - 3],
        "not-a-schedule",
        "%%%%",
        "AAAAAAAA",
    ] {
        let e = decode_fragment(bad).unwrap_err();
        assert!(
            matches!(e, ShareError::Damaged | ShareError::Meeting(_)),
            "{bad}: {e:?}"
        );
        assert!(!e.to_string().is_empty());
    }
    // A well-made link of something that is not a meeting.
    let foreign = lz_str::compress_to_encoded_uri_component("{\"hello\": 1}");
    assert!(matches!(
        decode_fragment(&foreign),
        Err(ShareError::Meeting(_))
    ));
    // A tampered meeting: a session pointing at a day that does not exist.
    let text = agenda_planner::storage::encode(&sample_meeting()).replace("\"day\":2", "\"day\":9");
    let tampered = lz_str::compress_to_encoded_uri_component(text.as_str());
    assert!(matches!(
        decode_fragment(&tampered),
        Err(ShareError::Meeting(_))
    ));
}

#[test]
fn ten_thousand_random_and_mutated_fragments_never_panic_the_decoder() {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";
    let mut small = sample_meeting();
    small.sessions.truncate(3);
    small.people.retain(|p| {
        small
            .sessions
            .iter()
            .any(|s| s.participants.iter().any(|x| x.person == p.id))
    });
    let good = data(&small).into_bytes();
    let mut rng = Rng(42);
    let (mut opened, mut refused) = (0, 0);
    for i in 0..10_000 {
        let text: Vec<u8> = if i % 2 == 0 {
            (0..rng.below(400))
                .map(|_| ALPHABET[rng.below(ALPHABET.len())])
                .collect()
        } else {
            let mut t = good.clone();
            for _ in 0..1 + rng.below(3) {
                let at = rng.below(t.len());
                match rng.below(4) {
                    0 => t[at] = ALPHABET[rng.below(ALPHABET.len())],
                    1 => t.truncate(at),
                    2 => {
                        t.remove(at.min(t.len().saturating_sub(1)));
                    }
                    _ => t.insert(at, ALPHABET[rng.below(ALPHABET.len())]),
                }
                if t.is_empty() {
                    break;
                }
            }
            t
        };
        match decode_fragment(&String::from_utf8_lossy(&text)) {
            Ok((m, _)) => {
                assert!(m.validate().is_empty());
                opened += 1;
            }
            Err(e) => {
                assert!(!e.to_string().is_empty());
                refused += 1;
            }
        }
    }
    assert!(refused > 9_000, "{opened} opened, {refused} refused");
}

#[test]
fn filters_go_into_the_url_and_come_back() {
    let view = ViewState {
        day: Some(DayId(2)),
        themes: vec![ThemeId(1), ThemeId(3)],
        rooms: vec![RoomId(2)],
        query: "Wai Wai & Co — 東京".into(),
        starred_only: true,
        session: Some(SessionId(7)),
        people: false,
        my_time: true,
    };
    let query = view.to_query();
    assert!(
        query.starts_with("day=2&theme=1,3&room=2&q=Wai+Wai+%26+Co"),
        "{query}"
    );
    assert_eq!(ViewState::from_query(&query), view);
    assert_eq!(ViewState::from_query(&format!("?{query}")), view);
    assert_eq!(ViewState::default().to_query(), "");
    // Junk is ignored, not fatal.
    let junk = ViewState::from_query("day=x&theme=1,a,3&q=%zz%&starred=yes&what=ever&&=");
    assert_eq!(junk.day, None);
    assert_eq!(junk.themes, vec![ThemeId(1), ThemeId(3)]);
    assert_eq!(junk.query, "%zz%");
    assert!(!junk.starred_only);
    let value = |text: &str| {
        query_pairs(&format!("q={}", query_value(text)))[0]
            .1
            .clone()
    };
    assert_eq!(value("a+b c/é&x=y"), "a+b c/é&x=y");
    assert_eq!(
        query_pairs("q=a+b%20c"),
        [("q".to_string(), "a b c".to_string())]
    );
    // Links written before the form encoding (spaces as %20) read the same.
    assert_eq!(
        ViewState::from_query("q=Wai%20Wai").query,
        ViewState::from_query("q=Wai+Wai").query
    );
}

fn kept(view: &ViewState, starred: &[SessionId]) -> Vec<String> {
    let m = sample_meeting();
    let fold = |s: &str| s.to_ascii_lowercase();
    m.sessions
        .iter()
        .filter(|s| view.keeps(&m, s, starred, &fold))
        .map(|s| s.title.clone())
        .collect()
}

#[test]
fn theme_room_text_and_star_filters_narrow_the_sessions() {
    let m = sample_meeting();
    let all = kept(&ViewState::default(), &[]);
    assert_eq!(all.len(), m.sessions.len());

    let gendering = m
        .themes
        .iter()
        .find(|t| t.name == "Gendering R2P")
        .unwrap()
        .id;
    let by_theme = kept(
        &ViewState {
            themes: vec![gendering],
            ..ViewState::default()
        },
        &[],
    );
    assert_eq!(by_theme, vec!["Gendering R2P".to_string()]);

    // A person's name, in any case, finds their sessions; so does an organization.
    let by_person = kept(
        &ViewState {
            query: "okoth-obbo".into(),
            ..ViewState::default()
        },
        &[],
    );
    assert_eq!(by_person.len(), 2, "{by_person:?}");
    let by_org = kept(
        &ViewState {
            query: "Women's Peace Network".into(),
            ..ViewState::default()
        },
        &[],
    );
    assert!(
        by_org.iter().any(|t| t.contains("Identifying successes")),
        "{by_org:?}"
    );
    let none = kept(
        &ViewState {
            query: "no such words".into(),
            ..ViewState::default()
        },
        &[],
    );
    assert!(none.is_empty());

    let room = m.rooms[1].id;
    let by_room = kept(
        &ViewState {
            rooms: vec![room],
            ..ViewState::default()
        },
        &[],
    );
    let expected: Vec<String> = m
        .sessions
        .iter()
        .filter(|s| {
            matches!(s.placement, Placement::AllRooms) || s.placement == Placement::Room(room)
        })
        .map(|s| s.title.clone())
        .collect();
    assert_eq!(by_room, expected);

    let starred = kept(
        &ViewState {
            starred_only: true,
            ..ViewState::default()
        },
        &[SessionId(2), SessionId(10)],
    );
    assert_eq!(
        starred,
        vec!["Opening ceremony".to_string(), "Gendering R2P".to_string()]
    );
}

fn at(date: &str, time: &str) -> chrono::NaiveDateTime {
    parse_date(date)
        .unwrap()
        .and_time(agenda_planner::domain::schedule::parse_time(time).unwrap())
}

#[test]
fn now_and_next_before_during_and_after_the_meeting() {
    let m = sample_meeting();
    assert_eq!(moment(&m, at("2022-09-14", "12:00")), Moment::Before);
    assert_eq!(moment(&m, at("2022-09-15", "08:29")), Moment::Before);
    // 09:30 on day 1: the opening ceremony (09:00–10:00) is on; the 10:00 panel is next.
    assert_eq!(
        moment(&m, at("2022-09-15", "09:30")),
        Moment::During {
            current: vec![SessionId(2)],
            next: vec![SessionId(3)],
            day: Some(DayId(1)),
        }
    );
    // Back to back: at 10:00 the ceremony has ended and the panel is on.
    let Moment::During { current, .. } = moment(&m, at("2022-09-15", "10:00")) else {
        panic!("during")
    };
    assert_eq!(current, vec![SessionId(3)]);
    // Lunch and the report launch run in parallel at 14:00.
    let Moment::During { current, next, .. } = moment(&m, at("2022-09-15", "14:00")) else {
        panic!("during")
    };
    assert_eq!(current, vec![SessionId(6), SessionId(7)]);
    assert_eq!(next, vec![SessionId(8)]);
    // Overnight: nothing on, the next is day 2's first session.
    assert_eq!(
        moment(&m, at("2022-09-16", "03:00")),
        Moment::During {
            current: vec![],
            next: vec![SessionId(12)],
            day: Some(DayId(2)),
        }
    );
    assert_eq!(moment(&m, at("2022-09-16", "14:00")), Moment::After);
}
