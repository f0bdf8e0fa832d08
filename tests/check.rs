//! Conflict and readiness checks: each check finds its case and leaves its near miss alone.

use agenda_planner::domain::check::{check, counts, Severity};
use agenda_planner::domain::generate::generated_meeting;
use agenda_planner::domain::sample::sample_meeting;
use agenda_planner::domain::schedule::{parse_date, parse_time};
use agenda_planner::domain::*;
use agenda_planner::domain::{CheckSettings, Dismissal};

fn t(s: &str) -> chrono::NaiveTime {
    parse_time(s).unwrap()
}

/// The kinds of findings (the key up to its first colon), for one meeting.
fn kinds(m: &Meeting, settings: &CheckSettings) -> Vec<String> {
    check(m, settings)
        .into_iter()
        .map(|f| f.key.split(':').next().unwrap_or_default().to_string())
        .collect()
}

fn has(m: &Meeting, kind: &str) -> bool {
    kinds(m, &CheckSettings::default())
        .iter()
        .any(|k| k == kind)
}

/// The sample with session `id` moved to `start`–`end` on its day, in `placement`.
fn moved(mut m: Meeting, id: u32, start: &str, end: &str, placement: Option<Placement>) -> Meeting {
    let s = m
        .sessions
        .iter_mut()
        .find(|s| s.id == SessionId(id))
        .unwrap();
    s.start = t(start);
    s.end = t(end);
    if let Some(p) = placement {
        s.placement = p;
    }
    m
}

/// The sample with day 2's first panel (Okoth-Obbo speaks in it; he also gives opening
/// remarks 09:00–10:00 on day 1) moved to day 1 at `start`–`end`, in the Simón Bolívar Room.
fn day_two_panel_on_day_one(start: &str, end: &str) -> Meeting {
    let mut m = moved(
        sample_meeting(),
        12,
        start,
        end,
        Some(Placement::Room(RoomId(2))),
    );
    if let Some(s) = m.sessions.iter_mut().find(|s| s.id == SessionId(12)) {
        s.day = DayId(1);
    }
    m
}

#[test]
fn the_sample_has_no_errors() {
    let findings = check(&sample_meeting(), &CheckSettings::default());
    let errors: Vec<_> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| &f.message)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn a_person_in_two_overlapping_sessions_is_found_in_any_roles_but_not_back_to_back_or_on_another_day(
) {
    let m = day_two_panel_on_day_one("09:30", "10:30");
    let found = check(&m, &CheckSettings::default());
    let clash = found
        .iter()
        .find(|f| f.key.starts_with("person:2:"))
        .expect("clash found");
    assert_eq!(clash.severity, Severity::Error);
    assert!(
        clash.message.starts_with(
            "Mr George Okoth-Obbo is in two places at once: “Opening ceremony” (09:00–10:00)"
        ),
        "{}",
        clash.message
    );
    assert_eq!(clash.people, [PersonId(2)]);

    let m = day_two_panel_on_day_one("10:00", "11:00");
    assert!(!has(&m, "person"), "back to back is not a clash");
    assert!(
        !has(&sample_meeting(), "person"),
        "the same person on two days is not a clash"
    );
}

#[test]
fn too_little_changeover_between_rooms_is_a_warning_only_when_asked_for() {
    let m = day_two_panel_on_day_one("10:00", "11:00");
    let ten = CheckSettings {
        changeover_minutes: 10,
        ..Default::default()
    };
    assert!(kinds(&m, &ten).contains(&"changeover".to_string()));
    assert!(
        !kinds(&m, &CheckSettings::default()).contains(&"changeover".to_string()),
        "default changeover is 0"
    );
}

#[test]
fn a_room_booked_twice_is_found_and_a_session_in_all_rooms_clashes_with_everything() {
    let m = moved(
        sample_meeting(),
        7,
        "13:45",
        "14:15",
        Some(Placement::Room(RoomId(3))),
    );
    let clash = check(&m, &CheckSettings::default())
        .into_iter()
        .find(|f| f.key.starts_with("room:"))
        .expect("clash");
    assert_eq!(clash.message, "Patio Azteca is booked twice: “Lunch” (13:15–14:30) and “Launch of the OAS report on R2P and atrocity prevention in the Americas” (13:45–14:15) overlap.");
    assert_eq!(clash.rooms, [RoomId(3), RoomId(3)]);
    assert!(
        !has(&sample_meeting(), "room"),
        "different rooms at once are fine"
    );
    let all = moved(
        sample_meeting(),
        6,
        "13:15",
        "14:30",
        Some(Placement::AllRooms),
    );
    assert!(
        has(&all, "room"),
        "lunch in all rooms clashes with the launch"
    );
    let back_to_back = moved(
        sample_meeting(),
        4,
        "11:30",
        "11:45",
        Some(Placement::Room(RoomId(1))),
    );
    assert!(
        !has(&back_to_back, "room"),
        "back to back in one room is fine"
    );
}

#[test]
fn a_session_outside_its_day_or_not_ending_after_it_starts_is_an_error() {
    assert!(has(
        &moved(sample_meeting(), 15, "13:00", "14:30", None),
        "outside-day"
    ));
    assert!(has(
        &moved(sample_meeting(), 15, "12:00", "12:00", None),
        "times"
    ));
    assert!(
        !has(
            &moved(sample_meeting(), 16, "12:45", "14:00", None),
            "outside-day"
        ),
        "ending exactly at the day's end is fine"
    );
}

#[test]
fn a_panel_without_a_moderator_or_chair_is_a_warning() {
    let m = sample_meeting();
    let f = check(&m, &CheckSettings::default())
        .into_iter()
        .find(|f| f.key == "no-moderator:3")
        .expect("found");
    assert_eq!(f.severity, Severity::Warning);
    let mut chaired = sample_meeting();
    chaired.sessions[2].participants.push(Participant {
        person: PersonId(4),
        role: Role::Chair,
        status: Status::Confirmed,
        order: 0,
    });
    assert!(
        !check(&chaired, &CheckSettings::default())
            .iter()
            .any(|f| f.key == "no-moderator:3"),
        "a chair is enough"
    );
    assert!(
        !check(&m, &CheckSettings::default())
            .iter()
            .any(|f| f.key == "no-moderator:2"),
        "an opening ceremony needs none"
    );
}

#[test]
fn unconfirmed_speakers_declines_and_late_confirmations_are_warnings() {
    let mut m = sample_meeting();
    for p in &mut m.sessions[2].participants {
        p.status = Status::Invited;
    }
    assert!(check(&m, &CheckSettings::default())
        .iter()
        .any(|f| f.key == "unconfirmed:3"));
    m.sessions[2].participants[0].status = Status::Confirmed;
    assert!(
        !check(&m, &CheckSettings::default())
            .iter()
            .any(|f| f.key == "unconfirmed:3"),
        "one confirmed speaker is enough"
    );

    let mut m = sample_meeting();
    m.sessions[2].participants[0].status = Status::Declined;
    let f = check(&m, &CheckSettings::default())
        .into_iter()
        .find(|f| f.key.starts_with("declined:"))
        .expect("declined");
    assert_eq!(f.message, "Mr Jared Genser declined but is still listed in “Regional organizations and the implementation of R2P” (10:00–11:30).");

    let mut m = sample_meeting();
    m.sessions[2].participants[0].status = Status::ToBeConfirmed;
    let soon = CheckSettings {
        today: parse_date("2022-09-05"),
        ..Default::default()
    };
    let months = CheckSettings {
        today: parse_date("2022-06-01"),
        ..Default::default()
    };
    assert!(kinds(&m, &soon).contains(&"tbc".to_string()));
    assert!(!kinds(&m, &months).contains(&"tbc".to_string()));
    assert!(
        !kinds(&m, &CheckSettings::default()).contains(&"tbc".to_string()),
        "no date, no deadline"
    );
}

#[test]
fn a_person_missing_position_or_organization_is_a_note() {
    let mut m = sample_meeting();
    m.people[4].organization.clear();
    let f = check(&m, &CheckSettings::default())
        .into_iter()
        .find(|f| f.key == "incomplete:5")
        .expect("note");
    assert_eq!(
        (f.severity, f.message.as_str()),
        (
            Severity::Note,
            "Mr Jared Genser has no organization for the printed programme."
        )
    );
    assert!(!has(&sample_meeting(), "incomplete"));
}

#[test]
fn long_gaps_are_noted_on_a_single_room_day_only() {
    let mut m = Meeting::blank(parse_date("2026-03-02").unwrap());
    let template = Template::find("plenary").unwrap();
    m.sessions.push(Session::new(
        SessionId(1),
        template,
        DayId(1),
        t("09:00"),
        Placement::Room(RoomId(1)),
    ));
    m.sessions.push(Session::new(
        SessionId(2),
        template,
        DayId(1),
        t("11:30"),
        Placement::Room(RoomId(1)),
    ));
    assert!(has(&m, "gap"), "90 minutes with nothing");
    m.sessions[1].start = t("10:30");
    m.sessions[1].end = t("11:30");
    assert!(!has(&m, "gap"), "30 minutes is fine");
    assert!(
        !has(&sample_meeting(), "gap"),
        "a day in several rooms is not checked"
    );
}

#[test]
fn a_session_outside_a_persons_availability_is_a_warning() {
    let mut m = sample_meeting();
    m.people[0].availability = vec![Availability {
        day: DayId(1),
        from: t("10:00"),
        to: t("18:00"),
    }];
    let f = check(&m, &CheckSettings::default())
        .into_iter()
        .find(|f| f.key.starts_with("availability:1:"))
        .expect("found");
    assert_eq!(
        f.message,
        "H.E. Luis Almagro Lemes is not available for “Opening ceremony” (09:00–10:00)."
    );
    m.people[0].availability[0].from = t("08:30");
    assert!(!has(&m, "availability"));
}

#[test]
fn a_large_generated_meeting_is_checked() {
    let m = generated_meeting(1000, 2000, 3, 10);
    let findings = check(&m, &CheckSettings::default());
    assert!(
        !findings.iter().any(|f| f.key.starts_with("room:")),
        "generated rooms do not clash"
    );
    assert!(
        findings.windows(2).all(|w| w[0].severity <= w[1].severity),
        "errors first"
    );
}

#[test]
fn a_dismissed_warning_stays_dismissed_until_its_situation_changes_and_errors_cannot_be_dismissed()
{
    let m = sample_meeting();
    let findings = check(&m, &CheckSettings::default());
    let warning = findings
        .iter()
        .find(|f| f.severity == Severity::Warning)
        .expect("the sample has panels without a moderator")
        .clone();
    let settings = CheckSettings::default().with_dismissal(&warning, true, &findings);
    let again = check(&m, &settings);
    let same = again.iter().find(|f| f.key == warning.key).unwrap();
    assert!(same.dismissed);
    let (_, open_warnings, _) = counts(&again);
    let (_, before, _) = counts(&findings);
    assert_eq!(open_warnings, before - 1);

    // The same session at other times: a new situation, so the warning is back.
    let session = warning.sessions[0];
    let mut changed = m.clone();
    let s = changed
        .sessions
        .iter_mut()
        .find(|s| s.id == session)
        .unwrap();
    s.end += chrono::Duration::minutes(5);
    let back = check(&changed, &settings);
    assert!(
        !back
            .iter()
            .find(|f| f.key == warning.key)
            .unwrap()
            .dismissed
    );

    // Shown again on request.
    let undone = settings.with_dismissal(&warning, false, &again);
    assert!(undone.dismissed.is_empty());

    // An error stays whatever is asked.
    let clash = day_two_panel_on_day_one("09:30", "10:30");
    let found = check(&clash, &CheckSettings::default());
    let error = found
        .iter()
        .find(|f| f.severity == Severity::Error)
        .unwrap();
    let tried = CheckSettings::default().with_dismissal(error, true, &found);
    assert!(tried.dismissed.is_empty());
    assert!(check(&clash, &tried).iter().all(|f| !f.dismissed));
}

#[test]
fn dismissals_that_match_nothing_any_more_are_dropped_when_another_is_dismissed() {
    let m = sample_meeting();
    let findings = check(&m, &CheckSettings::default());
    let mut settings = CheckSettings::default();
    settings.dismissed.push(Dismissal {
        key: "no-moderator:999".into(),
        message: "gone".into(),
    });
    let warning = findings.iter().find(|f| f.dismissible()).unwrap();
    let next = settings.with_dismissal(warning, true, &findings);
    assert_eq!(next.dismissed.len(), 1);
    assert_eq!(next.dismissed[0].key, warning.key);
}

#[test]
fn check_settings_and_dismissals_are_saved_with_the_meeting_and_defaults_are_not_written() {
    use agenda_planner::storage::{decode, encode};
    let mut m = sample_meeting();
    assert!(!encode(&m).contains("\"checks\""));
    let findings = check(&m, &CheckSettings::default());
    m.checks = CheckSettings {
        changeover_minutes: 10,
        ..CheckSettings::default()
    }
    .with_dismissal(&findings[0], true, &findings);
    let back = decode(&encode(&m)).unwrap();
    assert_eq!(back.checks, m.checks);
    assert_eq!(back.checks.dismissed.len(), 1);

    m.checks.gap_minutes = -1;
    assert!(m
        .validate()
        .iter()
        .any(|e| e.to_string().contains("gap minutes")));
}
