//! Finding people as a name is typed, and making a new person from a typed name.

use agenda_planner::domain::person::PeopleIndex;
use agenda_planner::domain::sample::sample_meeting;
use agenda_planner::domain::{Person, PersonId};

fn typed(text: &str) -> Option<(String, String, String)> {
    Person::from_typed_name(PersonId(9), text).map(|p| (p.honorific, p.given_name, p.family_name))
}

fn parts(h: &str, g: &str, f: &str) -> Option<(String, String, String)> {
    Some((h.into(), g.into(), f.into()))
}

#[test]
fn a_typed_name_gives_honorific_given_and_family_name() {
    assert_eq!(typed("Dr Jane Doe"), parts("Dr", "Jane", "Doe"));
    assert_eq!(
        typed("  H.E.  Amb. Ana   Silva "),
        parts("H.E. Amb.", "Ana", "Silva")
    );
    assert_eq!(
        typed("Prof. Mary Ann Smith"),
        parts("Prof.", "Mary Ann", "Smith")
    );
    assert_eq!(
        typed("Pieter van der Berg"),
        parts("", "Pieter", "van der Berg")
    );
    assert_eq!(typed("Doe, Dr Jane"), parts("Dr", "Jane", "Doe"));
    assert_eq!(typed("Madonna"), parts("", "", "Madonna"));
    assert_eq!(typed("Dr"), parts("", "", "Dr"), "a lone title is the name");
    assert_eq!(typed("Ms Ñúñez"), parts("Ms", "", "Ñúñez"));
    assert_eq!(typed("   "), None);
    assert_eq!(typed(","), None);
    assert_eq!(typed("Mr"), parts("", "", "Mr"));
}

#[test]
fn people_are_found_by_any_part_of_name_or_organization_best_first() {
    let meeting = sample_meeting();
    let index = PeopleIndex::new(&meeting.people, str::to_lowercase);
    let names = |q: &str| -> Vec<String> {
        index
            .find(q, 5)
            .into_iter()
            .filter_map(|id| meeting.person(id).map(Person::name))
            .collect()
    };
    assert!(names("genser").contains(&"Jared Genser".to_string()));
    assert_eq!(
        names("jared gen"),
        ["Jared Genser"],
        "every word must match"
    );
    assert!(names("zzqx").is_empty());
    assert!(names("").is_empty(), "nothing typed finds no one");
    // By organization.
    let by_org = names("organization of american states");
    assert!(by_org.iter().any(|n| n.contains("Almagro")), "{by_org:?}");
    // A name beginning with the query comes before one that only contains it.
    let people = [
        Person {
            id: PersonId(1),
            given_name: "Anna".into(),
            family_name: "Marlow".into(),
            ..Person::default()
        },
        Person {
            id: PersonId(2),
            given_name: "Joanna".into(),
            family_name: "Ek".into(),
            ..Person::default()
        },
        Person {
            id: PersonId(3),
            given_name: "Li".into(),
            family_name: "Annan".into(),
            ..Person::default()
        },
    ];
    let index = PeopleIndex::new(&people, str::to_lowercase);
    assert_eq!(
        index.find("ann", 10),
        [PersonId(1), PersonId(3), PersonId(2)]
    );
    assert_eq!(index.find("ann", 2).len(), 2, "no more than asked");
}
