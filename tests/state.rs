//! The planner's state, natively: an in-memory store stands in for localStorage (two states
//! on one store are two tabs), and a reactive owner for the app. What the app's effects do
//! after a paint (`flush`, `run_checks`) or on a storage event (`other_tab_saved`), the
//! tests call themselves.

mod common;

use agenda_planner::domain::sample::sample_meeting;
use agenda_planner::domain::{Edit, Item, Meeting, Room, RoomId};
use agenda_planner::planner::state::{AppState, SaveState};
use agenda_planner::storage::kv::{KeyValue, MemoryStore};
use agenda_planner::storage::{decode, encode, keys};
use agenda_planner::ui::notice::NoticeKind;
use chrono::NaiveDate;
use common::Rng;
use leptos::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 9, 1).unwrap()
}

/// A reactive owner for the test's signals (the app has one at its root).
fn owner() -> Owner {
    let owner = Owner::new();
    owner.set();
    owner
}

fn tab(store: &MemoryStore) -> AppState<MemoryStore> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static TABS: AtomicUsize = AtomicUsize::new(0);
    let name = format!("tab{}", TABS.fetch_add(1, Ordering::Relaxed));
    AppState::load(store.clone(), today(), name)
}

fn room(id: u32, name: &str) -> Edit {
    Edit::Put(Box::new(Item::Room(Room {
        id: RoomId(id),
        name: name.into(),
        capacity: None,
        description: String::new(),
    })))
}

fn stored(store: &MemoryStore) -> Meeting {
    decode(
        &store
            .get(&keys::meeting(0))
            .unwrap()
            .expect("a meeting is stored"),
    )
    .unwrap()
}

fn room_names(m: &Meeting) -> Vec<String> {
    let mut names: Vec<String> = m.rooms.iter().map(|r| r.name.clone()).collect();
    names.sort();
    names
}

fn title(state: &AppState<MemoryStore>) -> String {
    state.meeting().with_untracked(|m| m.title.clone())
}

#[test]
fn the_sample_shows_and_nothing_is_written_before_an_edit() {
    let _owner = owner();
    let store = MemoryStore::new();
    let state = tab(&store);
    assert_eq!(state.meeting().get_untracked(), sample_meeting());
    assert_eq!(state.save_state.get_untracked(), SaveState::Untouched);
    state.flush();
    assert_eq!(store.writes(), 0, "showing the sample writes nothing");
    assert!(!state.findings.get_untracked().is_empty() || sample_meeting().sessions.is_empty());
}

#[test]
fn an_edit_is_shown_at_once_and_saved_when_flushed() {
    let _owner = owner();
    let store = MemoryStore::new();
    let state = tab(&store);
    state.apply(Edit::SetTitle("Renamed".into())).unwrap();
    assert_eq!(
        title(&state),
        "Renamed",
        "the edit shows before it is saved"
    );
    assert!(state.unsaved());
    assert_eq!(
        store.get(&keys::meeting(0)).unwrap(),
        None,
        "saving follows the paint"
    );
    state.flush();
    assert!(!state.unsaved());
    assert_eq!(stored(&store).title, "Renamed");
    assert_eq!(state.save_state.get_untracked(), SaveState::Saved);
    assert!(
        store.get(&keys::revision(0)).unwrap().is_some(),
        "a revision stamp is written beside the meeting"
    );
}

#[test]
fn a_refused_edit_changes_nothing_and_is_not_saved() {
    let _owner = owner();
    let store = MemoryStore::new();
    let state = tab(&store);
    assert!(state.apply(Edit::SetTitle("   ".into())).is_err());
    assert_eq!(title(&state), sample_meeting().title);
    assert!(!state.unsaved());
    assert!(!state.can_undo.get_untracked());
}

#[test]
fn another_tabs_save_is_taken_and_the_next_edit_is_made_on_top_of_it() {
    let _owner = owner();
    let store = MemoryStore::new();
    let a = tab(&store);
    a.apply(room(10, "A1")).unwrap();
    a.flush();
    let b = tab(&store);
    a.apply(room(11, "A2")).unwrap();
    a.flush();
    // b has not seen A2; its next edit (an addition under the same free id) lands on top.
    b.apply(room(11, "B1")).unwrap();
    b.flush();
    let expected: Vec<String> = {
        let mut names = room_names(&sample_meeting());
        names.extend(["A1", "A2", "B1"].map(String::from));
        names.sort();
        names
    };
    assert_eq!(room_names(&stored(&store)), expected);
    assert_eq!(room_names(&b.meeting().get_untracked()), expected);
    // a learns of b's save when the browser tells it.
    a.other_tab_saved();
    assert_eq!(room_names(&a.meeting().get_untracked()), expected);
    let notice = a.notice.get_untracked().expect("a says it was updated");
    assert_eq!(notice.kind, NoticeKind::Info);
}

#[test]
fn edits_not_yet_saved_when_another_tab_saves_are_rebased_not_lost() {
    let _owner = owner();
    let store = MemoryStore::new();
    let a = tab(&store);
    let b = tab(&store);
    // Both edit before either saves (the other tab's save lands between an edit and its
    // save).
    for i in 0..5 {
        a.apply(room(20 + i, &format!("A{i}"))).unwrap();
        b.apply(room(20 + i, &format!("B{i}"))).unwrap();
    }
    a.flush();
    b.flush();
    a.other_tab_saved();
    let m = stored(&store);
    for i in 0..5 {
        for who in ["A", "B"] {
            let name = format!("{who}{i}");
            assert!(m.rooms.iter().any(|r| r.name == name), "{name} is stored");
        }
    }
    assert_eq!(a.meeting().get_untracked(), m);
    assert_eq!(b.meeting().get_untracked(), m);
    assert!(m.validate().is_empty());
}

#[test]
fn a_change_to_what_another_tab_changed_meanwhile_is_refused_with_a_message() {
    let _owner = owner();
    let store = MemoryStore::new();
    let a = tab(&store);
    a.apply(Edit::SetTitle("Shared".into())).unwrap();
    a.flush();
    let b = tab(&store);
    let session = a.meeting().with_untracked(|m| m.sessions[0].clone());
    let retitled = |t: &str| {
        let mut s = session.clone();
        s.title = t.into();
        Edit::Put(Box::new(Item::Session(s)))
    };
    a.apply(retitled("From A")).unwrap();
    a.flush();
    assert!(
        b.apply(retitled("From B")).is_err(),
        "b would overwrite a's change unseen"
    );
    let notice = b.notice.get_untracked().expect("b says why");
    assert_eq!(notice.kind, NoticeKind::Error);
    assert!(notice.text.contains("another tab"), "{}", notice.text);
    assert_eq!(
        b.meeting().with_untracked(|m| m.sessions[0].title.clone()),
        "From A"
    );
    b.flush();
    assert_eq!(stored(&store).sessions[0].title, "From A");
}

#[test]
fn unreadable_stored_text_is_kept_aside_and_the_slot_is_written_only_after() {
    let _owner = owner();
    let store = MemoryStore::new();
    let raw = r#"{"format":"agenda-planner","version":99,"meeting":{}}"#;
    store.set(&keys::meeting(0), raw).unwrap();
    let state = tab(&store);
    let notice = state.notice.get_untracked().expect("the app says why");
    assert!(notice.text.contains("newer version"), "{}", notice.text);
    assert_eq!(state.meeting().get_untracked(), sample_meeting());
    let backups: Vec<String> = store
        .keys()
        .unwrap()
        .into_iter()
        .filter(|k| k.starts_with(keys::BACKUP_PREFIX))
        .collect();
    assert_eq!(backups.len(), 1);
    assert_eq!(store.get(&backups[0]).unwrap().as_deref(), Some(raw));
    assert_eq!(
        store.get(&keys::meeting(0)).unwrap().as_deref(),
        Some(raw),
        "untouched until an edit"
    );
    // Loading it again does not copy it again.
    let again = tab(&store);
    let count = store
        .keys()
        .unwrap()
        .iter()
        .filter(|k| k.starts_with(keys::BACKUP_PREFIX))
        .count();
    assert_eq!(count, 1, "one backup per distinct text");
    again.apply(Edit::SetTitle("Mine now".into())).unwrap();
    again.flush();
    assert_eq!(stored(&store).title, "Mine now");
    assert_eq!(
        store.get(&backups[0]).unwrap().as_deref(),
        Some(raw),
        "the backup stays"
    );
}

#[test]
fn unreadable_text_that_cannot_be_backed_up_is_never_written_over() {
    let _owner = owner();
    let raw = "{not json at all, but precious".repeat(20);
    let store = MemoryStore::with_quota(raw.len() + 40);
    store.set(&keys::meeting(0), &raw).unwrap();
    let state = tab(&store);
    assert!(state
        .notice
        .get_untracked()
        .unwrap()
        .text
        .contains("could not be backed up"));
    state.apply(Edit::SetTitle("Edited".into())).unwrap();
    state.flush();
    assert_eq!(
        store.get(&keys::meeting(0)).unwrap(),
        Some(raw.clone()),
        "never overwritten"
    );
    assert!(matches!(
        state.save_state.get_untracked(),
        SaveState::Failed(_)
    ));
    let notice = state.notice.get_untracked().unwrap();
    assert!(notice.offer_file, "the work can be saved as a file");
    assert_eq!(title(&state), "Edited", "the work is kept in the tab");
    // Another meeting opened in this tab saves normally.
    store.set_quota(None);
    let slot = state.create(Meeting::blank(today())).unwrap();
    state
        .apply(Edit::SetTitle("A healthy meeting".into()))
        .unwrap();
    state.flush();
    assert_eq!(state.save_state.get_untracked(), SaveState::Saved);
    let text = store.get(&keys::meeting(slot)).unwrap().unwrap();
    assert_eq!(decode(&text).unwrap().title, "A healthy meeting");
    assert_eq!(
        store.get(&keys::meeting(0)).unwrap(),
        Some(raw),
        "still untouched"
    );
}

#[test]
fn a_full_store_warns_and_keeps_the_work_in_memory() {
    let _owner = owner();
    let store = MemoryStore::with_quota(1000);
    let state = tab(&store);
    state
        .apply(Edit::SetTitle("Too big to keep".into()))
        .unwrap();
    state.flush();
    match state.save_state.get_untracked() {
        SaveState::Failed(reason) => assert!(reason.contains("full"), "{reason}"),
        other => panic!("{other:?}"),
    }
    let notice = state.notice.get_untracked().unwrap();
    assert_eq!(notice.kind, NoticeKind::Error);
    assert!(notice.offer_file);
    assert_eq!(title(&state), "Too big to keep");
    assert!(state.unsaved(), "still to be saved");
    // Room again: the next save writes it.
    store.set_quota(None);
    state.flush();
    assert_eq!(stored(&store).title, "Too big to keep");
    assert_eq!(state.save_state.get_untracked(), SaveState::Saved);
}

#[test]
fn undo_and_redo_survive_a_reload() {
    let _owner = owner();
    let store = MemoryStore::new();
    let first = tab(&store);
    first.apply(Edit::SetTitle("One".into())).unwrap();
    first.apply(Edit::SetTitle("Two".into())).unwrap();
    first.flush();
    let reloaded = tab(&store);
    assert_eq!(title(&reloaded), "Two");
    assert!(
        reloaded.can_undo.get_untracked(),
        "the history came back with the meeting"
    );
    reloaded.undo();
    assert_eq!(title(&reloaded), "One");
    reloaded.flush();
    let again = tab(&store);
    assert_eq!(title(&again), "One");
    assert!(again.can_redo.get_untracked());
    again.redo();
    assert_eq!(title(&again), "Two");
    again.undo();
    again.undo();
    assert_eq!(title(&again), sample_meeting().title);
}

#[test]
fn a_history_saved_for_another_revision_is_not_used() {
    let _owner = owner();
    let store = MemoryStore::new();
    let a = tab(&store);
    a.apply(Edit::SetTitle("One".into())).unwrap();
    a.flush();
    // Something else writes the meeting without its history (an older app, a restore).
    let mut m = stored(&store);
    m.title = "Written elsewhere".into();
    store.set(&keys::meeting(0), &encode(&m)).unwrap();
    store.set(&keys::revision(0), "something else").unwrap();
    let reloaded = tab(&store);
    assert_eq!(title(&reloaded), "Written elsewhere");
    assert!(
        !reloaded.can_undo.get_untracked(),
        "a step made on another meeting cannot apply"
    );
}

#[test]
fn undo_reverts_only_through_the_edit_stream_and_is_saved() {
    let _owner = owner();
    let store = MemoryStore::new();
    let state = tab(&store);
    let id = state.meeting().with_untracked(|m| m.sessions[0].id);
    state.apply(Edit::nudge(id, 5)).unwrap();
    state.flush();
    state.undo();
    state.flush();
    assert_eq!(stored(&store).session(id), sample_meeting().session(id));
    assert!(state.can_redo.get_untracked());
}

#[test]
fn creating_a_meeting_keeps_the_open_one_in_the_library() {
    let _owner = owner();
    let store = MemoryStore::new();
    let state = tab(&store);
    let slot = state.create(Meeting::blank(today())).unwrap();
    assert_ne!(slot, 0);
    assert_eq!(title(&state), "Untitled meeting");
    let titles: Vec<String> = state.summaries().into_iter().map(|s| s.title).collect();
    assert_eq!(
        titles,
        [sample_meeting().title, "Untitled meeting".to_string()]
    );
    state.open(0).unwrap();
    assert_eq!(title(&state), sample_meeting().title);
    state.delete(slot).unwrap();
    assert_eq!(state.summaries().len(), 1);
    assert!(state.delete(0).is_err(), "the last meeting stays");
}

#[test]
fn checks_follow_the_meeting_when_run() {
    let _owner = owner();
    let store = MemoryStore::new();
    let state = tab(&store);
    let before = state.findings.get_untracked();
    let (a, b) = state.meeting().with_untracked(|m| {
        let day1: Vec<_> = m
            .sessions_on(m.days_in_order()[0].id)
            .iter()
            .map(|s| s.id)
            .collect();
        (day1[1], day1[2])
    });
    // Put the second session's room and time on the first's: a room booked twice (or a
    // clash with an all-rooms session).
    let edit = state
        .meeting()
        .with_untracked(|m| Edit::move_onto(m, b, a))
        .unwrap();
    state.apply(edit).unwrap();
    assert_eq!(
        state.findings.get_untracked(),
        before,
        "checks run after the paint"
    );
    state.run_checks();
    let after = state.findings.get_untracked();
    assert!(
        after
            .iter()
            .any(|f| f.sessions.contains(&b) && f.sessions.contains(&a)),
        "{after:?}"
    );
}

/// A tab's view of a browser's localStorage that another tab's writes reach late, as in real
/// browsers: reads see this tab's own writes and whatever has been delivered; writes go to the
/// shared store at once (the last one wins there).
#[derive(Clone)]
struct Lagging {
    shared: MemoryStore,
    view: MemoryStore,
}

impl Lagging {
    fn new(shared: &MemoryStore) -> Lagging {
        let view = MemoryStore::new();
        for key in shared.keys().unwrap() {
            view.set(&key, &shared.get(&key).unwrap().unwrap()).unwrap();
        }
        Lagging {
            shared: shared.clone(),
            view,
        }
    }

    /// Another tab's write of one key reaches this one (a browser may deliver one key's
    /// change and hold back another's, e.g. while this tab's own write of it is on its way).
    fn deliver_key(&self, key: &str) {
        match self.shared.get(key).unwrap() {
            Some(value) => self.view.set(key, &value).unwrap(),
            None => self.view.remove(key).unwrap(),
        }
    }

    /// Every write of the other tabs reaches this one (the browser's storage event).
    fn deliver(&self) {
        for key in self.view.keys().unwrap() {
            self.view.remove(&key).unwrap();
        }
        for key in self.shared.keys().unwrap() {
            self.view
                .set(&key, &self.shared.get(&key).unwrap().unwrap())
                .unwrap();
        }
    }
}

impl KeyValue for Lagging {
    fn get(&self, key: &str) -> Result<Option<String>, agenda_planner::storage::kv::StorageError> {
        self.view.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), agenda_planner::storage::kv::StorageError> {
        self.view.set(key, value)?;
        self.shared.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), agenda_planner::storage::kv::StorageError> {
        self.view.remove(key)?;
        self.shared.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, agenda_planner::storage::kv::StorageError> {
        self.view.keys()
    }
}

fn lagging_tab(view: &Lagging, name: &str) -> AppState<Lagging> {
    AppState::load(view.clone(), today(), name.to_string())
}

/// Both tabs' rooms "A1" and "B1" are stored, and both tabs show what is stored.
fn both_kept_and_agreed(shared: &MemoryStore, a: &AppState<Lagging>, b: &AppState<Lagging>) {
    let m = stored(shared);
    for name in ["A1", "B1"] {
        assert!(
            room_names(&m).contains(&name.to_string()),
            "{name} is stored"
        );
    }
    assert_eq!(names_of(a), room_names(&m));
    assert_eq!(names_of(b), room_names(&m));
}

fn names_of(state: &AppState<Lagging>) -> Vec<String> {
    room_names(&state.meeting().get_untracked())
}

#[test]
fn a_save_written_over_by_a_tab_that_had_not_seen_it_is_made_again() {
    let _owner = owner();
    let shared = MemoryStore::new();
    let (va, vb) = (Lagging::new(&shared), Lagging::new(&shared));
    let (a, b) = (lagging_tab(&va, "a"), lagging_tab(&vb, "b"));
    a.apply(room(30, "A1")).unwrap();
    a.flush();
    // b has not received a's save: it writes over it.
    b.apply(room(30, "B1")).unwrap();
    b.flush();
    assert!(
        !room_names(&stored(&shared)).contains(&"A1".to_string()),
        "a's save was written over"
    );
    // a hears of b's save, finds its own save missing, and makes it again on top.
    va.deliver();
    a.other_tab_saved();
    assert!(a.unsaved());
    a.flush();
    vb.deliver();
    b.other_tab_saved();
    both_kept_and_agreed(&shared, &a, &b);
}

#[test]
fn a_stamp_that_arrives_before_its_text_is_not_taken_for_it() {
    let _owner = owner();
    let shared = MemoryStore::new();
    let (va, vb) = (Lagging::new(&shared), Lagging::new(&shared));
    let (a, b) = (lagging_tab(&va, "a"), lagging_tab(&vb, "b"));
    b.apply(room(40, "B1")).unwrap();
    b.flush();
    // a has its own edit on the way, and hears of b's stamp but not yet of b's text.
    a.apply(room(41, "A1")).unwrap();
    va.deliver_key(&keys::revision(0));
    a.other_tab_saved();
    a.flush();
    // a wrote over b's save without having seen it: b finds its save missing and makes it
    // again; then a takes that.
    vb.deliver();
    b.other_tab_saved();
    b.flush();
    va.deliver();
    a.other_tab_saved();
    both_kept_and_agreed(&shared, &a, &b);
}

#[test]
fn two_tabs_adding_at_the_same_time_in_any_order_lose_nothing() {
    let _owner = owner();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut next = move |n: usize| rng.below(n);
    for round in 0..30 {
        let shared = MemoryStore::new();
        let views = [Lagging::new(&shared), Lagging::new(&shared)];
        let tabs = [lagging_tab(&views[0], "a"), lagging_tab(&views[1], "b")];
        let mut expected = room_names(&sample_meeting());
        let mut counts = [0, 0];
        for _ in 0..120 {
            let t = next(2);
            match next(4) {
                // An addition, made on what this tab sees (a new id: the next free one).
                0 | 1 => {
                    let name = format!("{}{}", ["A", "B"][t], counts[t]);
                    counts[t] += 1;
                    let id = tabs[t].meeting().with_untracked(|m| m.new_room_id().0);
                    tabs[t].apply(room(id, &name)).unwrap();
                    expected.push(name);
                }
                2 => tabs[t].flush(),
                // Sometimes one key's change arrives before the other's.
                _ if next(3) == 0 => {
                    let key = if next(2) == 0 {
                        keys::revision(0)
                    } else {
                        keys::meeting(0)
                    };
                    views[t].deliver_key(&key);
                    tabs[t].other_tab_saved();
                }
                _ => {
                    views[t].deliver();
                    tabs[t].other_tab_saved();
                }
            }
        }
        // Quiet: every save reaches every tab, until nothing is left to save.
        for _ in 0..6 {
            for t in 0..2 {
                tabs[t].flush();
                views[1 - t].deliver();
                tabs[1 - t].other_tab_saved();
            }
        }
        expected.sort();
        let stored = room_names(&stored(&shared));
        assert_eq!(stored, expected, "round {round}: every addition is stored");
        for t in &tabs {
            assert_eq!(names_of(t), expected, "round {round}: every tab shows them");
            assert!(!t.unsaved());
        }
    }
}
