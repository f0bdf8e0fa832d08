//! The attendee view's pure parts: share links, filters in the URL, what a filter keeps, and
//! where the meeting stands now.

mod common;
use common::Rng;

use agenda_planner::domain::attendee::{moment, query_pairs, query_value, Moment, ViewState};
use agenda_planner::domain::sample::sample_meeting;
use agenda_planner::domain::schedule::parse_date;
use agenda_planner::domain::*;
use agenda_planner::storage::published::{decode_published, encode_published_link};
use agenda_planner::storage::share::{
    deflated_bytes, fragment, lz_text, LinkData, ShareError, FRAGMENT_KEY, LONG_LINK,
};
use std::io::{Read, Write};

/// What the browser's `CompressionStream("deflate")` makes of a text: zlib at its default
/// level, as Chromium, Firefox and Safari run it.
fn deflate(text: &str) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(text.as_bytes()).unwrap();
    e.finish().unwrap()
}

/// What the attendee view does with a link's fragment (the browser inflating).
fn open(fragment: &str) -> Result<(Meeting, String), ShareError> {
    let text = match LinkData::from_fragment(fragment).expect("a share link") {
        LinkData::Deflated(data) => {
            let mut text = String::new();
            flate2::read::ZlibDecoder::new(&deflated_bytes(&data)?[..])
                .read_to_string(&mut text)
                .map_err(|_| ShareError::Damaged)?;
            text
        }
        LinkData::Lz(data) => lz_text(&data)?,
    };
    agenda_planner::storage::decode(&text)
        .map(|m| (m, text))
        .map_err(|e| ShareError::Meeting(e.to_string()))
}

/// The share link's fragment for a meeting, as the planner makes it.
fn link(m: &Meeting) -> String {
    fragment(&deflate(&encode_published_link(m)))
}

/// The fragment of the links made before: lz-string of our meeting file.
fn old_link(m: &Meeting) -> String {
    format!(
        "share={}",
        lz_str::compress_to_encoded_uri_component(agenda_planner::storage::encode(m).as_str())
    )
}

#[test]
fn a_share_link_round_trips_the_sample_exactly_and_its_length_is_reported() {
    let m = sample_meeting();
    let link = link(&m);
    assert!(link.starts_with(FRAGMENT_KEY));
    let (back, text) = open(&link).unwrap();
    assert_eq!(
        text,
        encode_published_link(&m),
        "the published form, as sent"
    );
    assert_eq!(back, decode_published(&text).unwrap());
    assert_eq!(back.sessions.len(), m.sessions.len());
    assert_eq!(back.people.len(), m.people.len());
    // What the organizer sees, and the closing note reports.
    println!("sample share fragment: {} characters", link.len());
    assert!(
        link.len() < LONG_LINK,
        "the sample fits a link ({} characters)",
        link.len()
    );
    // Nothing in it is escaped in a URL, nor taken apart by mail programs.
    assert!(link[FRAGMENT_KEY.len()..]
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-_".contains(&b)));
}

#[test]
fn a_share_link_is_at_most_half_as_long_as_one_carrying_the_meeting_file() {
    for m in [
        sample_meeting(),
        agenda_planner::domain::generate::generated_meeting(300, 400, 3, 6),
    ] {
        let (new, old) = (link(&m), old_link(&m));
        println!(
            "share link: {} characters (with the meeting file: {})",
            new.len(),
            old.len()
        );
        assert!(new.len() * 2 <= old.len(), "{} vs {}", new.len(), old.len());
    }
}

#[test]
fn base64url_round_trips_every_length_and_byte() {
    for len in 0..70usize {
        let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
        let data = fragment(&bytes)[FRAGMENT_KEY.len()..].to_string();
        assert_eq!(data.len(), (len * 4).div_ceil(3), "no padding");
        if len == 0 {
            assert_eq!(deflated_bytes(&data), Err(ShareError::Empty));
        } else {
            assert_eq!(deflated_bytes(&data).unwrap(), bytes, "{len} bytes");
        }
    }
    let all: Vec<u8> = (0..=255).collect();
    assert_eq!(deflated_bytes(&fragment(&all)[2..]).unwrap(), all);
}

#[test]
fn links_made_before_still_open() {
    let m = sample_meeting();
    assert_eq!(
        open(&old_link(&m)).unwrap().0,
        m,
        "our meeting file, lz-string"
    );
    let published = format!(
        "share={}",
        lz_str::compress_to_encoded_uri_component(encode_published_link(&m).as_str())
    );
    assert_eq!(
        open(&published).unwrap().0,
        decode_published(&encode_published_link(&m)).unwrap()
    );
}

#[test]
fn a_link_that_mail_broke_over_lines_or_whose_plus_signs_became_spaces_opens() {
    let m = sample_meeting();
    let good = link(&m);
    let want = open(&good).unwrap().0;
    let broken: String = good
        .chars()
        .enumerate()
        .flat_map(|(i, c)| {
            (i > 0 && i % 76 == 0)
                .then_some("\r\n ")
                .into_iter()
                .flat_map(str::chars)
                .chain([c])
        })
        .collect();
    assert_eq!(open(&broken).unwrap().0, want, "broken over lines");
    assert_eq!(
        open(&format!("{}%20{}", &good[..40], &good[40..]))
            .unwrap()
            .0,
        want
    );
    // The old alphabet has "+", which mail programs turn into spaces.
    let old = old_link(&m);
    assert!(old.contains('+'), "the sample's old link has a + to lose");
    assert_eq!(open(&old.replace('+', " ")).unwrap().0, m, "as spaces");
    assert_eq!(open(&old.replace('+', "%20")).unwrap().0, m, "as %20");
}

#[test]
fn odd_text_survives_a_share_link() {
    let mut m = sample_meeting();
    m.title = "Réunion « R2P » — 東京 🌏 <b>&amp;</b>\u{0}\u{202e}".into();
    assert_eq!(open(&link(&m)).unwrap().0.title, m.title);
}

#[test]
fn truncated_garbled_or_foreign_links_give_a_clear_error() {
    let good = link(&sample_meeting());
    assert_eq!(open("s="), Err(ShareError::Empty));
    assert_eq!(open("share="), Err(ShareError::Empty));
    for bad in [
        &good[..good.len() / 2],
        &good[..good.len() - 3],
        "s=not-a-schedule",
        "s=%%%%",
        "s=AAAAAAAA",
        "s=A",
        "s=ab+c/d==",
        "share=not-a-schedule",
    ] {
        let e = open(bad).unwrap_err();
        assert!(
            matches!(e, ShareError::Damaged | ShareError::Meeting(_)),
            "{bad}: {e:?}"
        );
        assert!(!e.to_string().is_empty());
    }
    assert!(matches!(
        deflated_bytes(&"A".repeat(5 * 1024 * 1024)),
        Err(ShareError::TooLong(_))
    ));
    // A well-made link of something that is not a meeting.
    assert!(matches!(
        open(&fragment(&deflate("{\"hello\": 1}"))),
        Err(ShareError::Meeting(_))
    ));
    // A tampered meeting: a session pointing at a day that does not exist.
    let text = agenda_planner::storage::encode(&sample_meeting()).replace("\"day\":2", "\"day\":9");
    assert!(matches!(
        open(&fragment(&deflate(&text))),
        Err(ShareError::Meeting(_))
    ));
}

#[test]
fn ten_thousand_random_and_mutated_fragments_never_panic_the_decoders() {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$_";
    let mut small = sample_meeting();
    small.sessions.truncate(3);
    small.people.retain(|p| {
        small
            .sessions
            .iter()
            .any(|s| s.participants.iter().any(|x| x.person == p.id))
    });
    let mut rng = Rng(42);
    let (mut opened, mut refused) = (0, 0);
    for (key, good) in [("s=", link(&small)), ("share=", old_link(&small))] {
        let good = good.as_bytes()[key.len()..].to_vec();
        for i in 0..5_000 {
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
            match open(&format!("{key}{}", String::from_utf8_lossy(&text))) {
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
        source: None,
    };
    let query = view.to_query();
    assert!(
        query.starts_with("day=2&theme=1,3&room=2&q=Wai+Wai+%26+Co"),
        "{query}"
    );
    // A published file's address stays in the address as the view changes (a reload opens
    // the same schedule).
    let published = ViewState {
        source: Some("../files/schedule.json?v=2&x=1".into()),
        ..view.clone()
    };
    let q = published.to_query();
    assert!(
        q.starts_with("src=..%2Ffiles%2Fschedule.json%3Fv%3D2%26x%3D1&day=2"),
        "{q}"
    );
    assert_eq!(ViewState::from_query(&q), published);
    assert_eq!(
        ViewState::from_query("src=a.json&day=1&src=b.json")
            .source
            .as_deref(),
        Some("a.json"),
        "the first src, as the loader reads it"
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

#[test]
fn links_made_before_read_back_as_lz_string_wrote_them_whatever_their_text() {
    use agenda_planner::storage::share::lz_inflate;
    let sample = agenda_planner::storage::encode(&sample_meeting());
    let texts = [
        "a".to_string(),
        "ab".repeat(5000),
        "Zürich · 東京 · القاهرة 🎉 \u{202e}reversed\u{202c}".into(),
        sample,
    ];
    for text in texts {
        let data = lz_str::compress_to_encoded_uri_component(text.as_str());
        let wide = lz_inflate(&data, usize::MAX / 4).unwrap();
        assert_eq!(String::from_utf16(&wide).unwrap(), text);
        let expected: Vec<u16> = lz_str::decompress_from_encoded_uri_component(&data).unwrap();
        assert_eq!(wide, expected);
    }
}

#[test]
fn a_small_old_link_that_would_inflate_to_millions_of_characters_is_refused_at_the_limit() {
    use agenda_planner::storage::share::{lz_inflate, MAX_LZ_UNITS};
    // 20 million characters of title in a link of 14 KB (tests/fixtures/lz-bomb.txt, made
    // with lz_str::compress_to_encoded_uri_component).
    let data = include_str!("fixtures/lz-bomb.txt").trim();
    assert!(data.len() < 20_000, "{} characters", data.len());
    assert_eq!(lz_inflate(data, MAX_LZ_UNITS), Err(ShareError::TooLarge));
    assert_eq!(lz_text(data), Err(ShareError::TooLarge));
    // The same kind of text within the limit reads back whole.
    let small = format!("{{\"title\":\"{}\"}}", "x".repeat(100_000));
    let data = lz_str::compress_to_encoded_uri_component(small.as_str());
    assert_eq!(lz_inflate(&data, 100_000), Err(ShareError::TooLarge));
    assert_eq!(lz_inflate(&data, 200_000).map(|w| w.len()), Ok(small.len()));
    // A cut or changed link is damaged, never a panic.
    for bad in [&data[..data.len() / 2], "$$$$", "not base64 ~"] {
        assert_eq!(
            lz_inflate(bad, MAX_LZ_UNITS),
            Err(ShareError::Damaged),
            "{bad}"
        );
    }
}

#[test]
#[ignore = "writes the fixture"]
fn write_lz_bomb() {
    let bomb = format!("{{\"title\":\"{}\"}}", "x".repeat(20_000_000));
    let data = lz_str::compress_to_encoded_uri_component(bomb.as_str());
    std::fs::write("tests/fixtures/lz-bomb.txt", format!("{data}\n")).unwrap();
}
