//! A new build of an app is announced once, on the visit that takes it.

use agenda_planner::storage::build::updated_since_last_visit;
use agenda_planner::storage::kv::{KeyValue, MemoryStore};

#[test]
fn a_new_build_is_announced_once_and_the_first_visit_is_not() {
    let store = MemoryStore::new();
    assert!(
        !updated_since_last_visit(&store, "planner", "aaaa"),
        "first visit"
    );
    assert!(
        !updated_since_last_visit(&store, "planner", "aaaa"),
        "same build"
    );
    assert!(
        updated_since_last_visit(&store, "planner", "bbbb"),
        "new build"
    );
    assert!(
        !updated_since_last_visit(&store, "planner", "bbbb"),
        "announced once"
    );
    // Each app on its own.
    assert!(!updated_since_last_visit(&store, "attendee", "bbbb"));
    // No build named (a development page): nothing said, nothing stored.
    assert!(!updated_since_last_visit(&store, "planner", ""));
    assert_eq!(
        store
            .get("agenda-planner.build.planner")
            .unwrap()
            .as_deref(),
        Some("bbbb")
    );
}

#[test]
fn a_store_that_refuses_writes_never_announces() {
    let store = MemoryStore::with_quota(0);
    assert!(!updated_since_last_visit(&store, "planner", "aaaa"));
    assert!(!updated_since_last_visit(&store, "planner", "bbbb"));
}
