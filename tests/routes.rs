//! Addresses: every planner screen has one, and the attendee view's places are in its query.

use agenda_planner::attendee::ViewSource;
use agenda_planner::domain::attendee::ViewState;
use agenda_planner::domain::{DayId, SessionId};
use agenda_planner::planner::route::{EditPart, Route};
use agenda_planner::storage::share::LinkData;

#[test]
fn every_planner_screen_has_an_address_that_reads_back() {
    let mut all = vec![Route::Programme, Route::Export, Route::Meetings];
    all.extend(EditPart::ALL.map(Route::Edit));
    assert_eq!(
        Route::parse("#/edit"),
        Route::Edit(EditPart::Timetable),
        "the timetable is the Edit screen's first part"
    );
    let mut hrefs: Vec<String> = all.iter().map(|r| r.href()).collect();
    for &route in &all {
        assert_eq!(Route::parse(&route.href()), route, "{}", route.href());
    }
    hrefs.sort();
    hrefs.dedup();
    assert_eq!(hrefs.len(), all.len(), "no two screens share an address");
    assert_eq!(Route::parse("#/export/"), Route::Export, "a trailing slash");
    for other in ["", "#", "#/nowhere", "#main", "#share=abc", "#s=abc"] {
        assert_eq!(Route::parse(other), Route::Programme, "{other}");
    }
}

#[test]
fn document_titles_name_the_screen_and_the_meeting() {
    assert_eq!(
        Route::Edit(EditPart::People).title("R2P Focal Points"),
        "Edit: people — R2P Focal Points — Agenda planner"
    );
    assert_eq!(Route::Export.title("  "), "Export — Agenda planner");
    assert_eq!(
        Route::Edit(EditPart::Checks).screen(),
        Route::Edit(EditPart::Timetable)
    );
}

#[test]
fn a_new_place_in_the_attendee_view_is_a_history_step_a_filter_is_not() {
    let list = ViewState {
        day: Some(DayId(1)),
        ..ViewState::default()
    };
    let filtered = ViewState {
        query: "Ukraine".into(),
        starred_only: true,
        ..list.clone()
    };
    assert_eq!(list.place(), filtered.place());
    let detail = ViewState {
        session: Some(SessionId(7)),
        ..filtered.clone()
    };
    assert_ne!(detail.place(), filtered.place());
    let people = ViewState {
        people: true,
        ..list.clone()
    };
    assert_ne!(people.place(), list.place());
    assert_eq!(ViewState::from_query(&detail.to_query()), detail);
}

#[test]
fn the_attendee_view_reads_its_source_from_the_address() {
    assert_eq!(
        ViewSource::parse("#s=q1YqS8wpTVWyUlAqzi9KUajlAgA", ""),
        Some(ViewSource::Share(LinkData::Deflated(
            "q1YqS8wpTVWyUlAqzi9KUajlAgA".into()
        )))
    );
    assert_eq!(
        ViewSource::parse("#share=N4Ig", ""),
        Some(ViewSource::Share(LinkData::Lz("N4Ig".into()))),
        "links made before"
    );
    assert_eq!(
        ViewSource::parse("", "?day=2&src=https%3A%2F%2Fexample.org%2Fm.json"),
        Some(ViewSource::Published("https://example.org/m.json".into()))
    );
    assert_eq!(
        ViewSource::parse("#s=abc", "?src=x.json"),
        Some(ViewSource::Share(LinkData::Deflated("abc".into()))),
        "a share link wins"
    );
    assert_eq!(ViewSource::parse("#other", "?day=1"), None);
}
