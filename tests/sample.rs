//! The embedded sample is faithful to the meeting's published summary.

use agenda_planner::domain::sample::sample_meeting;
use agenda_planner::domain::{Role, SessionKind};

const SEED: &str = include_str!("fixtures/r2p-focal-points-10th-annual-meeting-summary.txt");

/// Every person the summary names, with the organization as the summary writes it.
const NAMED: &[(&str, &str, &str)] = &[
    ("H.E.", "Luis Almagro Lemes", "OAS"),
    ("", "George Okoth-Obbo", "UN"),
    ("", "Anne Witkowsky", "Department of State"),
    (
        "",
        "Savita Pawnday",
        "Global Centre for the Responsibility to Protect",
    ),
    ("", "Jared Genser", "OAS"),
    ("", "Alexandre Polack", "European Union"),
    ("H.E.", "Uzra Zeya", "Department of State"),
    ("H.E.", "Oksana Markarova", "Ukraine"),
    ("", "Beatriz Borges", "Centro de Justicia y Paz"),
    ("", "Wai Wai Nu", "Women's Peace Network"),
    (
        "",
        "Maria Eugenia Carbone",
        "Auschwitz Institute for the Prevention of Genocide and Mass Atrocities",
    ),
    ("", "Naomi Kikoler", "Holocaust Memorial Museum"),
    ("", "Kate Ferguson", "Protection Approaches"),
    ("", "Andrei Serbin Pont", "CRIES"),
    ("", "Hilary Anderson", "Inter-American Commission of Women"),
    ("", "Katrina Fotovat", "Department of State"),
    (
        "",
        "Jaclyn Streitfeld-Hall",
        "Global Centre for the Responsibility to Protect",
    ),
    ("H.E.", "Mutlaq Al-Qahtani", "Qatar"),
    ("", "Martin Mennecke", "University of Southern Denmark"),
    (
        "",
        "Rebecca Barber",
        "Asia-Pacific Centre for the Responsibility to Protect",
    ),
];

#[test]
fn every_named_person_of_the_summary_is_in_the_sample_with_organization() {
    let meeting = sample_meeting();
    for (honorific, name, organization) in NAMED {
        assert!(
            SEED.contains(name),
            "{name} is not named in the seed summary"
        );
        let person = meeting
            .people
            .iter()
            .find(|p| p.name() == *name)
            .unwrap_or_else(|| panic!("{name} is missing from the sample"));
        let shown = format!(
            "{} {} {}",
            person.position, person.organization, person.organization_short
        );
        assert!(
            shown.contains(organization),
            "{name}: organization {organization:?} not in {shown:?}"
        );
        assert!(!person.position.is_empty(), "{name} has no position");
        if !honorific.is_empty() {
            assert_eq!(person.honorific, *honorific, "{name}'s honorific");
        }
    }
    assert_eq!(
        meeting.people.len(),
        NAMED.len(),
        "the sample invents no one"
    );
}

#[test]
fn every_sample_person_appears_in_a_session() {
    let meeting = sample_meeting();
    for person in &meeting.people {
        assert!(
            meeting
                .sessions
                .iter()
                .any(|s| s.participants.iter().any(|p| p.person == person.id)),
            "{} is in no session",
            person.name()
        );
    }
}

#[test]
fn the_sample_is_valid_and_spans_15_and_16_september_2022_in_washington() {
    let meeting = sample_meeting();
    assert_eq!(meeting.validate(), vec![]);
    let (first, last) = meeting.date_range().expect("days");
    assert_eq!(first.to_string(), "2022-09-15");
    assert_eq!(last.to_string(), "2022-09-16");
    assert_eq!(meeting.timezone, "America/New_York");
    assert!(meeting.city.contains("Washington"));
    assert!(meeting.venue.contains("Organization of American States"));
    assert!(meeting.description.contains("illustrative"));
}

#[test]
fn the_sample_has_the_summarys_sessions_and_five_distinct_themes() {
    let meeting = sample_meeting();
    for title in [
        "Opening ceremony",
        "Regional organizations and the implementation of R2P",
        "Identifying successes and challenges in preventing atrocities",
        "The role of civil society in mobilizing action to uphold R2P",
        "Gendering R2P",
        "Atrocity prevention in practice: mechanisms for implementing R2P",
        "Framework for Implementation",
    ] {
        assert!(
            meeting.sessions.iter().any(|s| s.title.contains(title)),
            "no session titled {title:?}"
        );
    }
    assert_eq!(meeting.themes.len(), 5);
    let mut colours: Vec<&str> = meeting.themes.iter().map(|t| t.colour.as_str()).collect();
    colours.sort();
    colours.dedup();
    assert_eq!(colours.len(), 5, "theme colours are distinct");
    assert!(meeting
        .sessions
        .iter()
        .any(|s| s.kind == SessionKind::Break));
    assert!(meeting.sessions.iter().any(|s| s.kind == SessionKind::Meal));
}

#[test]
fn the_oas_secretary_general_chairs_the_opening_and_zeya_opens_the_country_session() {
    let meeting = sample_meeting();
    let role_of = |name: &str, title: &str| {
        let person = meeting
            .people
            .iter()
            .find(|p| p.name() == name)
            .expect(name);
        let session = meeting
            .sessions
            .iter()
            .find(|s| s.title.contains(title))
            .expect(title);
        session
            .participants
            .iter()
            .find(|p| p.person == person.id)
            .map(|p| p.role)
    };
    assert_eq!(
        role_of("Luis Almagro Lemes", "Opening ceremony"),
        Some(Role::Chair)
    );
    assert_eq!(
        role_of("Uzra Zeya", "Identifying successes"),
        Some(Role::OpeningRemarks)
    );
    assert_eq!(
        role_of("Wai Wai Nu", "Identifying successes"),
        Some(Role::Panelist)
    );
    assert_eq!(
        role_of("George Okoth-Obbo", "mechanisms"),
        Some(Role::Speaker)
    );
}
