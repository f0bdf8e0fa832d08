//! Named versions and what changed between them: the diff lists exactly the changes made
//! (moves, retitles, role and status changes, additions and removals) and nothing else;
//! versions are kept beside the meeting, and unreadable ones are never written over.

use agenda_planner::domain::changes::{changes, Change};
use agenda_planner::domain::generate::generated_meeting;
use agenda_planner::domain::sample::sample_meeting;
use agenda_planner::domain::*;
use agenda_planner::export::changes::change_note;
use agenda_planner::storage::kv::{KeyValue, MemoryStore};
use agenda_planner::storage::versions::{self, VersionError};
use chrono::NaiveDate;

fn session<'a>(m: &'a mut Meeting, title: &str) -> &'a mut Session {
    m.sessions
        .iter_mut()
        .find(|s| s.title.starts_with(title))
        .unwrap()
}

#[test]
fn the_same_meeting_has_no_changes() {
    let m = sample_meeting();
    assert_eq!(changes(&m, &m), Vec::new());
    let big = generated_meeting(300, 400, 3, 6);
    assert_eq!(changes(&big, &big.clone()), Vec::new());
}

#[test]
fn the_changes_are_exactly_those_made() {
    let old = sample_meeting();
    let mut new = old.clone();
    // A move (15 minutes later), a retitle, a role and a status change, a person added to a
    // session, a session added and one removed, a person added.
    Edit::Shift(vec![SessionId(10)], 15)
        .apply(&mut new)
        .unwrap();
    session(&mut new, "Regional organizations").title = "Regional organizations and R2P".into();
    {
        let s = session(&mut new, "Opening ceremony");
        let p = s
            .participants
            .iter_mut()
            .find(|p| p.role == Role::OpeningRemarks)
            .unwrap();
        p.role = Role::Keynote;
        let last = s.participants.last_mut().unwrap();
        last.status = Status::Declined;
    }
    let removed = new
        .sessions
        .iter()
        .position(|s| s.title == "Evening reception")
        .unwrap();
    new.sessions.remove(removed);
    let mut added = new.sessions[0].clone();
    added.id = SessionId(99);
    added.title = "Press conference".into();
    new.sessions.push(added);
    let person = Person {
        id: PersonId(99),
        given_name: "Ana".into(),
        family_name: "Ruiz".into(),
        ..Person::default()
    };
    new.people.push(person);
    session(&mut new, "Gendering R2P")
        .participants
        .push(Participant {
            person: PersonId(99),
            role: Role::Rapporteur,
            status: Status::Invited,
            order: 0,
        });
    assert!(new.validate().is_empty(), "{:?}", new.validate());

    let found = changes(&old, &new);
    let lines: Vec<String> = found.iter().map(|c| c.to_string()).collect();
    assert_eq!(
        lines,
        [
            "New session: Press conference (Thu 15 Sep 08:30–09:00 · Patio Azteca)",
            "Mr George Okoth-Obbo in Opening ceremony: Keynote speaker instead of Opening remarks",
            "Ms Savita Pawnday (Opening remarks in Opening ceremony): Declined instead of Confirmed",
            "Retitled: “Regional organizations and the implementation of R2P” is now “Regional organizations and R2P”",
            "Moved: Gendering R2P, from Thu 15 Sep 16:15–17:30 · Hall of the Americas to Thu 15 Sep 16:30–17:45 · Hall of the Americas",
            "Ana Ruiz joins Gendering R2P as Rapporteur",
            "Session removed: Evening reception (was Thu 15 Sep 18:00–19:30 · Patio Azteca)",
            "New person: Ana Ruiz",
        ]
        .map(String::from),
        "{lines:#?}"
    );
    assert!(matches!(
        found[0],
        Change::SessionAdded {
            id: SessionId(99),
            ..
        }
    ));

    // Backwards, each change the other way round.
    let back: Vec<String> = changes(&new, &old).iter().map(|c| c.to_string()).collect();
    assert_eq!(back.len(), lines.len(), "{back:#?}");
    assert!(back.contains(&"Person removed: Ana Ruiz".to_string()));
    assert!(back.contains(&"Ana Ruiz no longer in Gendering R2P (was Rapporteur)".to_string()));
}

#[test]
fn the_change_note_prints_every_change_escaped() {
    let old = sample_meeting();
    let mut new = old.clone();
    session(&mut new, "Gendering R2P").title = "Gendering <script>alert(1)</script> R2P".into();
    let note = change_note(&new, "Draft 1", "Draft 2", &changes(&old, &new));
    assert!(note.contains("<h1>Changes since Draft 1</h1>"));
    assert!(note.contains("Retitled: “Gendering R2P” is now “Gendering &lt;script&gt;"));
    assert!(!note.contains("<script"));
    assert!(note.contains("counter(pages)"), "numbered pages");
    let none = change_note(&old, "Draft 1", "now", &[]);
    assert!(none.contains("Nothing changed."));
}

#[test]
fn versions_are_kept_beside_the_meeting_with_their_names_dates_and_notes() {
    let store = MemoryStore::new();
    let date = NaiveDate::from_ymd_opt(2022, 8, 12).unwrap();
    let m = sample_meeting();
    assert_eq!(versions::load(&store, 2), Ok(Vec::new()));
    versions::save(&store, 2, " Draft 1 ", date, "to the co-hosts", &m).unwrap();
    let mut moved = m.clone();
    Edit::Shift(vec![SessionId(10)], 15)
        .apply(&mut moved)
        .unwrap();
    let all = versions::save(&store, 2, "Draft 2", date, "", &moved).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].name, "Draft 1");
    assert_eq!(all[0].note, "to the co-hosts");
    assert_eq!(versions::load(&store, 2).unwrap(), all);
    assert_eq!(changes(&all[0].meeting, &all[1].meeting).len(), 1);
    // Another slot has its own; names are unique (ignoring case) and needed.
    assert_eq!(versions::load(&store, 3), Ok(Vec::new()));
    assert_eq!(
        versions::save(&store, 2, "draft 2", date, "", &m),
        Err(VersionError::NameTaken("draft 2".into()))
    );
    assert_eq!(
        versions::save(&store, 2, "  ", date, "", &m),
        Err(VersionError::NoName)
    );
    let left = versions::delete(&store, 2, 0).unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].name, "Draft 2");
    assert_eq!(
        versions::delete(&store, 2, 5),
        Err(VersionError::NoSuchVersion(6))
    );
    // Deleting the meeting deletes its versions.
    agenda_planner::storage::delete_slot(&store, 2).unwrap_or(());
    assert_eq!(versions::load(&store, 2), Ok(Vec::new()));
}

#[test]
fn unreadable_versions_are_reported_and_never_written_over() {
    let store = MemoryStore::new();
    let key = agenda_planner::storage::keys::versions(0);
    let date = NaiveDate::from_ymd_opt(2022, 8, 12).unwrap();
    for broken in [
        "{\"format\":\"agenda-planner-versions\",\"version\":1,\"versions\":[{\"name\":",
        "{\"format\":\"something-else\",\"version\":1,\"versions\":[]}",
        "{\"format\":\"agenda-planner-versions\",\"version\":1,\"versions\":[{\"name\":\"x\",\"date\":\"2022-01-01\",\"meeting\":{\"title\":\"\"}}]}",
    ] {
        store.set(&key, broken).unwrap();
        assert!(matches!(versions::load(&store, 0), Err(VersionError::Unreadable(_))));
        let refused = versions::save(&store, 0, "Draft 3", date, "", &sample_meeting());
        assert!(matches!(refused, Err(VersionError::Unreadable(_))), "{refused:?}");
        assert_eq!(store.get(&key).unwrap().as_deref(), Some(broken), "left as it was");
    }
}

#[test]
fn an_attendee_sees_what_changed_since_their_last_visit_and_only_then() {
    use agenda_planner::storage::published::encode_published;
    use agenda_planner::storage::seen::{changes_since_last_visit, MAX_LISTED};
    let store = MemoryStore::new();
    let old = sample_meeting();
    let v1 = encode_published(&old);
    assert!(
        changes_since_last_visit(&store, "r2p.2022-09-15", &v1).is_empty(),
        "a first visit"
    );
    assert!(
        changes_since_last_visit(&store, "r2p.2022-09-15", &v1).is_empty(),
        "nothing new"
    );
    let mut new = old.clone();
    Edit::Shift(vec![SessionId(10)], 15)
        .apply(&mut new)
        .unwrap();
    new.people[0].bio = "Changed, but not a change to the schedule.".into();
    let v2 = encode_published(&new);
    assert_eq!(
        changes_since_last_visit(&store, "r2p.2022-09-15", &v2),
        ["Moved: Gendering R2P, from Thu 15 Sep 16:15–17:30 · Hall of the Americas to Thu 15 Sep 16:30–17:45 · Hall of the Americas"]
    );
    assert!(
        changes_since_last_visit(&store, "r2p.2022-09-15", &v2).is_empty(),
        "said once"
    );
    // Another meeting is its own; many changes are counted past the first few.
    assert!(changes_since_last_visit(&store, "other", &v2).is_empty());
    let ids: Vec<SessionId> = new.sessions.iter().map(|s| s.id).collect();
    let mut many = new.clone();
    for s in &mut many.sessions {
        s.title.push_str(" (revised)");
    }
    let lines = changes_since_last_visit(&store, "r2p.2022-09-15", &encode_published(&many));
    assert_eq!(lines.len(), MAX_LISTED + 1);
    assert_eq!(
        lines[MAX_LISTED],
        format!("…and {} more.", ids.len() - MAX_LISTED)
    );
    // What is not in the published form (an old link's meeting file), or damaged, lists
    // nothing and does not stop the schedule.
    assert!(changes_since_last_visit(&store, "x", "{\"format\":\"agenda-planner\"}").is_empty());
    store
        .set(&agenda_planner::storage::keys::seen("y"), "{broken")
        .unwrap();
    assert!(changes_since_last_visit(&store, "y", &v1).is_empty());
    assert!(
        changes_since_last_visit(&store, "y", &v2).len() == 1,
        "kept after the damaged one"
    );
}
