//! The planner's first screen kept in storage (`storage::first_screen`): what it shows, that
//! text in it stays text, and that it is only ever kept for the meeting stored now.

use agenda_planner::domain::generate::generated_meeting;
use agenda_planner::domain::programme::NameStyle;
use agenda_planner::domain::sample::sample_meeting;
use agenda_planner::domain::slots::FIRST_SCREEN;
use agenda_planner::domain::{Edit, Theme, ThemeId};
use agenda_planner::planner::state::AppState;
use agenda_planner::storage::first_screen::{
    encode_record, first_screen_html, keep, record_made, Made,
};
use agenda_planner::storage::keys;
use agenda_planner::storage::kv::{KeyValue, MemoryStore};
use agenda_planner::storage::{encode, read_revision};
use chrono::NaiveDate;
use leptos::prelude::*;

fn made(id: &str) -> Made {
    Made {
        slot: 0,
        id: id.into(),
        build: "b1".into(),
    }
}

fn kept(store: &MemoryStore) -> Option<Made> {
    store
        .get(keys::FIRST_SCREEN)
        .unwrap()
        .as_deref()
        .and_then(record_made)
}

#[test]
fn the_first_screen_shows_the_header_the_days_and_the_first_sessions_of_day_one_in_order() {
    let m = generated_meeting(300, 200, 3, 5);
    let html = first_screen_html(&m);
    assert!(html.starts_with("<header class=\"meeting-header\">"));
    let days = m.days_in_order();
    assert_eq!(html.matches("role=\"tab\"").count(), days.len());
    assert_eq!(html.matches("aria-selected=\"true\"").count(), 1);
    let first_day = m.sessions_on(days[0].id);
    assert!(first_day.len() > FIRST_SCREEN);
    assert_eq!(html.matches("<article ").count(), FIRST_SCREEN);
    // In programme order, each under its own heading id.
    let mut at = 0;
    for s in first_day.iter().take(FIRST_SCREEN) {
        let heading = format!("id=\"session-{}-title\">", s.id);
        let found = html[at..].find(&heading).expect("each session in order") + at;
        at = found + heading.len();
    }
    let next = first_day[FIRST_SCREEN];
    assert!(!html.contains(&format!("session-{}-title", next.id)));
    // A session on another day is not there.
    let other = m.sessions_on(days[1].id)[0];
    assert!(!html.contains(&format!("session-{}-title", other.id)));
}

#[test]
fn the_samples_first_screen_carries_its_people_roles_themes_and_run_of_show() {
    let m = sample_meeting();
    let html = first_screen_html(&m);
    let day = m.days_in_order()[0].id;
    let first = m.entry(m.sessions_on(day)[0], NameStyle::default());
    assert!(html.contains(&format!(
        "<h4 class=\"session__title\" id=\"session-{}-title\">",
        first.id
    )));
    assert!(html.contains("<dl class=\"session__people\">"));
    assert!(html.contains("class=\"theme-tag\" data-colour=\"#"));
    assert!(
        !html.contains("style="),
        "the pages' policy allows no style attribute"
    );
    assert_eq!(
        html.matches("<h1 ").count(),
        1,
        "one title: {}",
        &html[..200]
    );
}

#[test]
fn text_in_the_first_screen_stays_text_in_every_place_it_is_written() {
    let mut m = generated_meeting(30, 20, 2, 2);
    let hostile = "</h1><script>window.ran=1</script>\"><img src=x onerror=alert(1)>&amp;";
    m.title = hostile.into();
    m.edition = hostile.into();
    m.description = hostile.into();
    m.host = hostile.into();
    m.themes = vec![Theme {
        id: ThemeId(90),
        name: hostile.into(),
        colour: "\" onmouseover=\"alert(1)".into(),
        description: hostile.into(),
    }];
    for s in &mut m.sessions {
        s.title = hostile.into();
        s.description = hostile.into();
        s.themes = vec![ThemeId(90)];
    }
    for p in &mut m.people {
        p.given_name = hostile.into();
        p.organization = hostile.into();
    }
    m.days[0].label = hostile.into();
    let html = first_screen_html(&m);
    assert!(!html.contains("<script"));
    assert!(!html.contains("<img"));
    assert!(!html.contains("\" onmouseover"));
    assert!(html.contains("&lt;/h1&gt;&lt;script&gt;"));
    assert!(html.contains("&amp;amp;"));
    // Every tag the writer opens is one of its own.
    for tag in html.split('<').skip(1) {
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(
            [
                "header", "p", "h1", "h2", "h3", "h4", "span", "details", "summary", "section",
                "ul", "li", "div", "button", "ol", "article", "time", "dl", "dt", "dd"
            ]
            .contains(&name.as_str()),
            "unexpected tag <{tag}"
        );
    }
}

#[test]
fn a_record_names_the_meeting_it_was_made_from_and_bad_records_name_none() {
    let record = encode_record(&made("r2 3 tab1 tab1=3"), "<p>\"x\"</p>");
    assert_eq!(record_made(&record), Some(made("r2 3 tab1 tab1=3")));
    assert_eq!(record_made(&record[..record.len() - 1]), None);
    assert_eq!(record_made("{\"slot\":0}"), None);
    assert_eq!(record_made("not json"), None);
    assert_eq!(
        Made::size_id("é𝄞"),
        "size:3",
        "UTF-16 units, as the page counts"
    );
}

#[test]
fn a_first_screen_is_written_once_per_meeting_and_build_and_never_left_stale() {
    let store = MemoryStore::new();
    let m = sample_meeting();
    keep(&store, &made("r2 1 a a=1"), &m);
    assert_eq!(kept(&store), Some(made("r2 1 a a=1")));
    let writes = store.writes();
    keep(&store, &made("r2 1 a a=1"), &m);
    assert_eq!(
        store.writes(),
        writes,
        "the same meeting: not written again"
    );
    keep(&store, &made("r2 2 a a=2"), &m);
    assert_eq!(kept(&store), Some(made("r2 2 a a=2")));
    let newer = Made {
        build: "b2".into(),
        ..made("r2 2 a a=2")
    };
    keep(&store, &newer, &m);
    assert_eq!(
        kept(&store),
        Some(newer),
        "a new build writes its own markup"
    );
    // When it cannot be written, none is kept (not the one of the earlier meeting).
    store.set_quota(Some(store.used() - 1));
    keep(&store, &made("r2 3 a a=3"), &m);
    assert_eq!(kept(&store), None);
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 9, 1).unwrap()
}

#[test]
fn the_planner_keeps_the_first_screen_of_what_is_stored_never_of_unsaved_changes() {
    let owner = Owner::new();
    owner.set();
    let store = MemoryStore::new();
    // Nothing stored: the sample, which the next visit opens too.
    let state = AppState::load(store.clone(), today(), "t1".into());
    state.keep_first_screen("b1");
    assert_eq!(kept(&store).map(|k| k.id), Some("size:0".into()));
    // An edit not yet saved: the kept one stays as it was.
    state.apply(Edit::SetTitle("Renamed".into())).unwrap();
    state.keep_first_screen("b1");
    assert_eq!(kept(&store).map(|k| k.id), Some("size:0".into()));
    // Saved: the new one, named by the stamp stored beside the meeting.
    state.flush();
    state.keep_first_screen("b1");
    let stamp = read_revision(&store, 0).unwrap().unwrap().encode();
    assert_eq!(kept(&store).map(|k| k.id), Some(stamp));
    let record = store.get(keys::FIRST_SCREEN).unwrap().unwrap();
    assert!(record.contains("Renamed"));
}

#[test]
fn a_meeting_stored_without_a_stamp_is_named_by_its_length() {
    let owner = Owner::new();
    owner.set();
    let store = MemoryStore::new();
    let text = encode(&sample_meeting());
    store.set(&keys::meeting(0), &text).unwrap();
    let state = AppState::load(store.clone(), today(), "t1".into());
    state.keep_first_screen("b1");
    assert_eq!(kept(&store).map(|k| k.id), Some(Made::size_id(&text)));
}

#[test]
fn a_full_store_gives_the_first_screens_room_to_the_meeting() {
    let owner = Owner::new();
    owner.set();
    let store = MemoryStore::new();
    let state = AppState::load(store.clone(), today(), "t1".into());
    state.keep_first_screen("b1");
    assert!(kept(&store).is_some());
    // Room for the meeting, not for the meeting and the first screen too.
    state.apply(Edit::SetTitle("Renamed".into())).unwrap();
    let meeting = state.meeting().with_untracked(|m| encode(m).len());
    store.set_quota(Some(meeting + 400));
    state.flush();
    assert!(!state.unsaved(), "saved");
    assert!(kept(&store).is_none(), "its room went to the meeting");
    let text = store.get(&keys::meeting(0)).unwrap().unwrap();
    assert!(text.contains("Renamed"));
}
