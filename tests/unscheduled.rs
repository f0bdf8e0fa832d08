//! Sessions with no time yet (`Session::unscheduled`): they wait on the timetable's
//! Unscheduled tray, are in no day's list, no programme, export, published schedule or clash
//! check, are named by a warning, and a drop on the timetable gives them a time again.

use agenda_planner::domain::check::{check, Severity};
use agenda_planner::domain::sample::sample_meeting;
use agenda_planner::domain::time::TzDatabase;
use agenda_planner::domain::timetable::{dropped, Grid};
use agenda_planner::domain::{CheckSettings, Edit, ItemId, Meeting, Session};
use agenda_planner::export::c3voc::{schedule_json, schedule_xml};
use agenda_planner::export::csv::participation_csv;
use agenda_planner::export::html::{programme, ProgrammeOptions};
use agenda_planner::export::ics::{calendar, CalendarOptions};
use agenda_planner::export::summary::summary;
use agenda_planner::storage::published::encode_published;
use agenda_planner::storage::{decode, encode_pretty};

const TITLE: &str = "Side event still looking for a slot";

/// The sample with one more session, a copy of its first panel put in the same room at the
/// same time (a clash if it had a time), taken off the timetable.
fn with_unscheduled() -> (Meeting, Session) {
    let mut m = sample_meeting();
    let panel = m
        .sessions
        .iter()
        .find(|s| !s.participants.is_empty())
        .cloned()
        .unwrap();
    let mut s = panel.clone();
    s.id = m.new_session_id();
    s.title = TITLE.into();
    s.guid = String::new();
    s.unscheduled = true;
    m.sessions.push(s.clone());
    (m, s)
}

#[test]
fn a_session_with_no_time_is_on_no_day_and_listed_as_unscheduled() {
    let (m, s) = with_unscheduled();
    assert!(m
        .days
        .iter()
        .all(|d| m.sessions_on(d.id).iter().all(|x| x.id != s.id)));
    assert!(m.programme_sessions().all(|(_, x)| x.id != s.id));
    let waiting: Vec<_> = m.unscheduled().iter().map(|x| x.id).collect();
    assert_eq!(waiting, vec![s.id]);
    assert!(Grid::of(&m, s.day)
        .unwrap()
        .blocks
        .iter()
        .all(|b| b.id != s.id));
}

#[test]
fn it_is_in_no_export_and_not_published() {
    let (m, _) = with_unscheduled();
    let options = CalendarOptions {
        sessions: None,
        stamp: chrono::NaiveDate::from_ymd_opt(2022, 9, 1)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap(),
        honorifics: true,
    };
    let outputs = [
        ("programme", programme(&m, &ProgrammeOptions::default())),
        ("summary", summary(&m)),
        ("iCalendar", calendar(&m, &options, &TzDatabase).unwrap()),
        ("schedule.json", schedule_json(&m, &TzDatabase).unwrap()),
        ("schedule.xml", schedule_xml(&m, &TzDatabase).unwrap()),
        ("participation CSV", participation_csv(&m)),
        ("published", encode_published(&m)),
    ];
    for (name, text) in outputs {
        assert!(
            !text.contains(TITLE),
            "{name} lists the unscheduled session"
        );
    }
}

#[test]
fn it_clashes_with_nothing_and_a_warning_names_it() {
    let (m, s) = with_unscheduled();
    let findings = check(&m, &CheckSettings::default());
    let about: Vec<_> = findings
        .iter()
        .filter(|f| f.sessions.contains(&s.id))
        .collect();
    assert_eq!(about.len(), 1, "{about:?}");
    assert_eq!(about[0].severity, Severity::Warning);
    assert_eq!(about[0].key, format!("unscheduled:{}", s.id));
    assert!(
        about[0].message.contains("has no time yet"),
        "{}",
        about[0].message
    );
}

#[test]
fn a_drop_on_the_timetable_gives_it_a_time_and_room() {
    let (mut m, s) = with_unscheduled();
    let day = m.days_in_order()[1].id;
    let grid = Grid::of(&m, day).unwrap();
    let edit = dropped(&m, &grid, s.id, 12 * 60 + 2, 1).unwrap();
    edit.apply(&mut m).unwrap();
    let now = m.session(s.id).unwrap();
    assert!(!now.unscheduled);
    assert_eq!((now.day, now.start.to_string().as_str()), (day, "12:00:00"));
    assert_eq!(now.placement, grid.columns[1].placement);
    assert_eq!(
        now.duration_minutes(),
        s.duration_minutes(),
        "its length kept"
    );
    assert!(m.unscheduled().is_empty());
    assert!(m.sessions_on(day).iter().any(|x| x.id == s.id));
}

#[test]
fn the_flag_is_kept_in_the_meeting_file_and_absent_when_false() {
    let (m, s) = with_unscheduled();
    let text = encode_pretty(&m);
    assert_eq!(
        text.matches("\"unscheduled\"").count(),
        1,
        "written for the one session only"
    );
    let back = decode(&text).unwrap();
    assert!(back.session(s.id).unwrap().unscheduled);
    assert!(back
        .sessions
        .iter()
        .filter(|x| x.id != s.id)
        .all(|x| !x.unscheduled));
}

#[test]
fn its_kept_times_may_lie_outside_its_day_until_it_is_given_a_time() {
    let (mut m, s) = with_unscheduled();
    let x = m.sessions.iter_mut().find(|x| x.id == s.id).unwrap();
    x.start = chrono::NaiveTime::from_hms_opt(22, 0, 0).unwrap();
    x.end = chrono::NaiveTime::from_hms_opt(23, 0, 0).unwrap();
    assert_eq!(m.validate(), vec![]);
    let grid = Grid::of(&m, s.day).unwrap();
    let at_night = dropped(&m, &grid, s.id, 22 * 60, 0).and_then(|e| e.apply(&mut m));
    assert!(
        at_night.is_err(),
        "a time outside the day is refused as for any session"
    );
}

#[test]
fn add_to_this_day_puts_it_where_a_room_is_first_free_or_says_none_is() {
    use agenda_planner::domain::timetable::placed_where_free;
    use agenda_planner::domain::EditError;
    let (mut m, s) = with_unscheduled();
    let day = m.days_in_order()[0].id;
    let grid = Grid::of(&m, day).unwrap();
    placed_where_free(&m, &grid, s.id)
        .unwrap()
        .apply(&mut m)
        .unwrap();
    let now = m.session(s.id).unwrap().clone();
    assert!(!now.unscheduled);
    assert_eq!(now.day, day);
    // Its room is free then: nothing else there overlaps it.
    assert!(m
        .sessions_on(day)
        .iter()
        .filter(|x| x.id != s.id && x.placement == now.placement)
        .all(|x| x.ends() <= now.starts() || now.ends() <= x.starts()));
    // A session longer than the day fits nowhere: refused with why, nothing changed.
    let (mut m, s) = with_unscheduled();
    let x = m.sessions.iter_mut().find(|x| x.id == s.id).unwrap();
    x.start = chrono::NaiveTime::from_hms_opt(0, 5, 0).unwrap();
    x.end = chrono::NaiveTime::from_hms_opt(23, 50, 0).unwrap();
    let grid = Grid::of(&m, day).unwrap();
    let refused = placed_where_free(&m, &grid, s.id).unwrap_err();
    assert!(matches!(refused, EditError::NoFreeSlot { .. }), "{refused}");
    assert!(
        refused
            .to_string()
            .contains("No room is free for 1425 minutes"),
        "{refused}"
    );
}

#[test]
fn removing_a_day_keeps_its_sessions_with_no_time_on_the_tray_and_undo_puts_all_back() {
    let (mut m, s) = with_unscheduled();
    let before = encode_pretty(&m);
    let day = s.day;
    let programme = m.sessions_on(day).len();
    let summary = m.removal_summary(ItemId::Day(day)).unwrap();
    assert!(
        summary.ends_with(&format!("removed with its {programme} sessions.")),
        "{summary}"
    );
    let undo = Edit::Remove(ItemId::Day(day)).apply(&mut m).unwrap();
    let kept = m.session(s.id).expect("still in the meeting");
    assert!(kept.unscheduled);
    assert_ne!(kept.day, day);
    assert_eq!(m.unscheduled().len(), 1);
    undo.apply(&mut m).unwrap();
    assert_eq!(encode_pretty(&m), before);
}

#[test]
fn the_change_note_says_a_session_given_no_time_left_the_programme_and_came_back() {
    use agenda_planner::domain::changes::{changes, Change};
    let before = sample_meeting();
    let mut after = before.clone();
    let id = after.sessions[3].id;
    after.sessions[3].unscheduled = true;
    let gone = changes(&before, &after);
    assert!(
        matches!(gone.as_slice(), [Change::SessionRemoved { id: x, .. }] if *x == id),
        "{gone:?}"
    );
    let back = changes(&after, &before);
    assert!(
        matches!(back.as_slice(), [Change::SessionAdded { id: x, .. }] if *x == id),
        "{back:?}"
    );
}

#[test]
fn a_persons_sessions_list_the_ones_with_no_time_last() {
    use agenda_planner::domain::roster::person_sessions;
    let (m, s) = with_unscheduled();
    let p = &s.participants[0];
    let role = p.role.heading(1);
    let lines = &person_sessions(&m)[&p.person];
    assert_eq!(
        lines.last().unwrap(),
        &format!("No time yet · {TITLE} · {role}")
    );
    assert!(
        lines[..lines.len() - 1]
            .iter()
            .all(|l| !l.starts_with("No time yet")),
        "{lines:?}"
    );
    assert!(
        lines.len() >= 2,
        "their session with a time is listed first: {lines:?}"
    );
}
