//! Finding people as a name is typed, and making a new person from a typed name.
#![allow(
    clippy::disallowed_methods,
    reason = "native tests fold case with std, as the browser's own folding does; the wasm never runs this"
)]

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

mod table {
    use agenda_planner::domain::person::PeopleIndex;
    use agenda_planner::domain::roster::{self, Column, Filter, Sort};
    use agenda_planner::domain::sample::sample_meeting;
    use agenda_planner::domain::{Category, Meeting, PersonId, Status};

    fn names(m: &Meeting, filter: &Filter, sort: Sort) -> Vec<String> {
        let rows = roster::rows(m, str::to_lowercase);
        let index = PeopleIndex::new(&m.people, str::to_lowercase);
        roster::shown(&rows, &index, filter, sort)
            .into_iter()
            .map(|r| r.name.clone())
            .collect()
    }

    #[test]
    fn rows_name_people_family_name_first_with_their_invitations_and_sessions() {
        let m = sample_meeting();
        let rows = roster::rows(&m, str::to_lowercase);
        assert_eq!(rows.len(), m.people.len());
        let kikoler = rows
            .iter()
            .find(|r| r.name.starts_with("Kikoler"))
            .expect("row");
        assert_eq!(kikoler.name, "Kikoler, Ms Naomi");
        assert_eq!(kikoler.sessions, 1);
        assert_eq!(kikoler.status_text(), "1 confirmed");
        let by_name = names(&m, &Filter::default(), Sort::default());
        let mut sorted = by_name.clone();
        sorted.sort_by_key(|n| n.to_lowercase());
        // Honorifics come after the comma, so family names alone decide the order.
        assert_eq!(by_name.first(), sorted.first());
        let reversed = names(
            &m,
            &Filter::default(),
            Sort::default().toggled(Column::Name),
        );
        assert_eq!(
            reversed.first(),
            by_name.last(),
            "a second click sorts the other way"
        );
    }

    #[test]
    fn filters_keep_a_category_an_organization_the_unconfirmed_and_a_search() {
        let mut m = sample_meeting();
        let un = || Filter {
            category: Some(Category::UnitedNations),
            ..Filter::default()
        };
        let un_names = names(&m, &un(), Sort::default());
        assert!(!un_names.is_empty());
        let rows = roster::rows(&m, str::to_lowercase);
        for r in rows.iter().filter(|r| un_names.contains(&r.name)) {
            assert_eq!(r.category, Category::UnitedNations);
        }
        let orgs = roster::organizations(&rows);
        assert!(orgs.windows(2).all(|w| w[0] < w[1]), "each once, in order");
        let oas = Filter {
            organization: Some("Organization of American States".into()),
            ..Filter::default()
        };
        assert!(names(&m, &oas, Sort::default())
            .iter()
            .any(|n| n.starts_with("Almagro")));
        let search = Filter {
            query: "kikoler".into(),
            ..Filter::default()
        };
        assert_eq!(names(&m, &search, Sort::default()), ["Kikoler, Ms Naomi"]);

        // One invitation still open: only that person is unconfirmed.
        let unconfirmed = Filter {
            unconfirmed: true,
            ..Filter::default()
        };
        let before = names(&m, &unconfirmed, Sort::default()).len();
        let id = rows
            .iter()
            .find(|r| r.name.starts_with("Kikoler"))
            .unwrap()
            .id;
        let session = m
            .sessions
            .iter_mut()
            .find(|s| s.participants.iter().any(|p| p.person == id))
            .unwrap();
        session
            .participants
            .iter_mut()
            .find(|p| p.person == id)
            .unwrap()
            .status = Status::Invited;
        let after = names(&m, &unconfirmed, Sort::default());
        assert_eq!(after.len(), before + 1);
        assert!(after.contains(&"Kikoler, Ms Naomi".to_string()));
    }

    #[test]
    fn marking_everyone_invited_as_confirmed_is_one_undoable_step() {
        let mut m = sample_meeting();
        for s in &mut m.sessions {
            for p in &mut s.participants {
                p.status = Status::Invited;
            }
        }
        let everyone: Vec<PersonId> = m.people.iter().map(|p| p.id).collect();
        let invitations: u32 = m.sessions.iter().map(|s| s.participants.len() as u32).sum();
        let (edit, changed) = roster::set_status(&m, &everyone, Status::Invited, Status::Confirmed)
            .expect("a change");
        assert_eq!(changed, invitations);
        let before = m.clone();
        let undo = edit.apply(&mut m).expect("applies");
        assert!(m
            .sessions
            .iter()
            .flat_map(|s| &s.participants)
            .all(|p| p.status == Status::Confirmed));
        undo.apply(&mut m).expect("undoes");
        assert_eq!(m, before);
        assert!(
            roster::set_status(&m, &everyone, Status::Declined, Status::Confirmed).is_none(),
            "nothing to change"
        );
        assert!(roster::set_status(&m, &[], Status::Invited, Status::Confirmed).is_none());
    }
}
