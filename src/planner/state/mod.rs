//! The planner's one store, reached through [`use_app_state`].
//!
//! The meeting is exposed read-only ([`AppState::meeting`]) and changes only through
//! [`AppState::apply`], [`AppState::undo`] and [`AppState::redo`]: one stream of edits that the
//! history, saving and tab sync all see. UI-only state (the screen, a message, what to bring
//! into view) sits beside it. The state is generic over the storage port
//! ([`KeyValue`]): the browser's localStorage in the app, a [`MemoryStore`] in native tests.
//!
//! What happens after a change is up to the app's named effects (`planner::app`): saving
//! ([`AppState::flush`]) and the checks ([`AppState::run_checks`]) follow the paint of an edit;
//! another tab's save ([`AppState::other_tab_saved`]) is taken when the browser says so.
//! Persistence lives in `persist.rs`, the library of meetings in `library.rs`.

mod library;
mod persist;
mod versions;

pub use library::Summary;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use leptos::prelude::*;
#[cfg(target_arch = "wasm32")]
use leptos::wasm_split::wasm_split;

use super::route::{EditPart, Route};
use crate::domain::check::{check, Finding};
use crate::domain::{Edit, EditError, History, ItemId, Meeting};
use crate::storage::browser::BrowserStore;
use crate::storage::kv::KeyValue;
use crate::storage::revision::Revision;
use crate::ui::notice::Notice;

#[cfg(doc)]
use crate::storage::kv::MemoryStore;

/// Whether the meeting on screen is safely stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    /// Nothing edited yet in this tab (the stored text, if any, is untouched).
    Untouched,
    Failed(String),
}

/// What a shared meeting's sync layer does for the state: undo (false) and redo (true) of
/// this organizer's own changes only, and sending each change made here.
#[derive(Clone, Copy)]
pub struct LiveHooks {
    pub step: Callback<bool>,
    pub edited: Callback<()>,
}

/// One save of this tab: its clock, the text it was made on, and the edits it wrote.
struct Record {
    clock: u64,
    base_text: Option<String>,
    edits: Vec<Edit>,
}

/// What the state keeps out of the reactive graph: the store, the history, and what saving
/// needs to know.
struct Inner<S> {
    store: S,
    history: History,
    /// Edits made since the meeting was last written, in order: what is rebased when another
    /// tab saved meanwhile.
    pending: Vec<Edit>,
    /// Whether the meeting on screen differs from what its slot holds.
    dirty: bool,
    /// The text last read from or written to the slot (what `pending` was made on); `None`:
    /// nothing readable was stored, the meeting shown at start is the base.
    base_text: Option<String>,
    /// The meeting shown at start when nothing readable was stored.
    start: Option<Meeting>,
    /// The stamp of the text this tab last read or wrote.
    revision: Option<Revision>,
    /// The slot's small stamp key as this tab last read it.
    hint: Option<Revision>,
    /// This tab's name in revision stamps (new with every page load).
    tab: String,
    /// For each tab, its latest save that the meeting on screen includes.
    seen: BTreeMap<String, u64>,
    /// This tab's recent saves, until a stamp shows another tab has built on them: what is
    /// made again if another tab wrote over them unseen.
    records: Vec<Record>,
    /// A slot whose unreadable text could not be backed up: never written over in this tab.
    blocked: Option<u32>,
    today: NaiveDate,
}

/// The planner's state: the meeting, and UI-only state beside it.
pub struct AppState<S: KeyValue + 'static = BrowserStore> {
    meeting: RwSignal<Meeting>,
    /// The latest message for the user, if any.
    pub notice: RwSignal<Option<Notice>>,
    pub save_state: RwSignal<SaveState>,
    /// The screen in view (UI-only state; the address follows it).
    pub route: RwSignal<Route>,
    /// The conflict and readiness findings for the meeting as it is now.
    pub findings: RwSignal<Vec<Finding>>,
    /// Whether `findings` are of the open meeting yet: in the app the checks' code loads
    /// after the first paint, and the top bar says "Checking…" until then.
    pub checked: RwSignal<bool>,
    /// An item to bring into view in the editor (a finding was selected).
    pub focus: RwSignal<Option<ItemId>>,
    /// Whether there is something to undo / redo (for the buttons).
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// The open meeting's library slot.
    slot: RwSignal<u32>,
    /// Changes when the library in storage changes (a meeting added, renamed or deleted).
    library: RwSignal<u32>,
    /// What the top bar says of a shared meeting's link to the sync server (none: the meeting
    /// is not shared), set by the sync layer; `live_ok`: whether changes reach the others now.
    pub live_badge: RwSignal<Option<String>>,
    pub live_ok: RwSignal<bool>,
    /// A shared meeting's sync layer, once it is running (`planner::live`).
    pub live_hooks: StoredValue<Option<LiveHooks>>,
    inner: StoredValue<Inner<S>, LocalStorage>,
}

impl<S: KeyValue + 'static> Clone for AppState<S> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<S: KeyValue + 'static> Copy for AppState<S> {}

impl<S: KeyValue + 'static> AppState<S> {
    /// The meeting being planned, read-only: change it through [`AppState::apply`].
    pub fn meeting(&self) -> ReadSignal<Meeting> {
        self.meeting.read_only()
    }

    /// Applies one edit (undoable); saving follows. A refused edit changes nothing and says
    /// why. If another tab saved since this tab last read or wrote, its version is taken
    /// first and the edit is made on top of it (or refused if it would overwrite that tab's
    /// change).
    pub fn apply(&self, edit: Edit) -> Result<(), EditError> {
        let edit = match self.sync(false) {
            Some(old) => {
                let rebased = self
                    .meeting
                    .with_untracked(|newer| edit.rebase(&old, newer));
                if rebased.is_err() {
                    self.notice
                        .set(Some(Notice::error(EditError::ChangedElsewhere.to_string())));
                }
                rebased?
            }
            None => edit,
        };
        let made = edit.clone();
        let mut outcome = Ok(());
        self.meeting.maybe_update(|meeting| {
            self.inner
                .update_value(|i| outcome = i.history.apply(meeting, edit));
            outcome.is_ok()
        });
        if outcome.is_ok() {
            self.changed(made);
        }
        self.show_history();
        outcome
    }

    /// Undoes the last edit, if any.
    /// Removes an item and says what went with it in a notice offering *Undo* ("Day 2
    /// (Fri 16 Sep) removed with its 5 sessions."); the summary, when it worked.
    pub fn remove(&self, id: ItemId) -> Result<String, EditError> {
        let said = self
            .meeting
            .with_untracked(|m| m.removal_summary(id))
            .unwrap_or_default();
        self.apply(Edit::Remove(id))?;
        self.notice
            .set(Some(Notice::info(said.clone()).with_undo()));
        Ok(said)
    }

    pub fn undo(&self) {
        match self.live_hooks.get_value() {
            Some(hooks) => hooks.step.run(false),
            None => self.step(History::undo),
        }
    }

    /// Redoes the last undone edit, if any.
    pub fn redo(&self) {
        match self.live_hooks.get_value() {
            Some(hooks) => hooks.step.run(true),
            None => self.step(History::redo),
        }
    }

    /// Shows the meeting as the shared document now has it (another organizer's change, or an
    /// undo): saved like an edit, but not one of this tab's undo steps.
    pub fn take_live(&self, meeting: Meeting) {
        if self.meeting.with_untracked(|m| *m == meeting) {
            return;
        }
        self.meeting.set(meeting.clone());
        self.changed(Edit::Replace(Box::new(meeting)));
    }

    /// Whether undo and redo are possible in a shared meeting (its sync layer says).
    pub fn show_live_history(&self, undo: bool, redo: bool) {
        self.can_undo.set(undo);
        self.can_redo.set(redo);
    }

    fn step(&self, step: fn(&mut History, &mut Meeting) -> Option<Edit>) {
        self.sync(false);
        let mut made = None;
        self.meeting.maybe_update(|meeting| {
            self.inner
                .update_value(|i| made = step(&mut i.history, meeting));
            made.is_some()
        });
        if let Some(edit) = made {
            self.changed(edit);
        }
        self.show_history();
    }

    /// Notes an edit made on the meeting: to be saved.
    fn changed(&self, made: Edit) {
        self.inner.update_value(|i| {
            i.pending.push(made);
            i.dirty = true;
        });
    }

    fn show_history(&self) {
        let (undo, redo) = self
            .inner
            .with_value(|i| (i.history.can_undo(), i.history.can_redo()));
        self.can_undo.set(undo);
        self.can_redo.set(redo);
    }

    /// Checks the meeting as it is now and shows what changed in the findings. In the app the
    /// checks' code is loaded on first use (after the first paint), so the findings follow a
    /// moment later; natively (tests) at once.
    pub fn run_checks(&self) {
        let today = self.inner.with_value(|i| i.today);
        #[cfg(target_arch = "wasm32")]
        {
            let Some(meeting) = self.meeting.try_get_untracked() else {
                return;
            };
            let this = *self;
            leptos::task::spawn_local(async move {
                match check_meeting(meeting, today).await {
                    Ok(now) => this.show_findings(now),
                    // Said once, without covering another message; the checks run again
                    // with the next change, or when the checks' button is pressed.
                    Err(_) => {
                        if this.notice.try_with_untracked(Option::is_none) == Some(true) {
                            this.notice.set(Some(Notice::error(
                                "The checks could not be loaded (no connection?): they run \
                                 again with your next change, or press “Checking…” in the top \
                                 bar.",
                            )));
                        }
                    }
                }
            });
        }
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(now) = self.meeting.try_with_untracked(|m| findings_of(m, today)) {
            self.show_findings(now);
        }
    }

    fn show_findings(&self, now: Vec<Finding>) {
        if self.findings.try_with_untracked(|old| *old != now) == Some(true) {
            self.findings.set(now);
        }
        if self.checked.try_get_untracked() == Some(false) {
            self.checked.set(true);
        }
    }

    /// Shows `item` in the editor (its part, its form open) and moves the keyboard focus
    /// to it.
    pub fn go_to(&self, item: ItemId) {
        let part = match item {
            ItemId::Person(_) => EditPart::People,
            ItemId::Session(_) => EditPart::Sessions,
            _ => EditPart::Setup,
        };
        self.route.set(Route::Edit(part));
        self.focus.set(Some(item));
    }
}

/// The checks: loaded when first run.
#[cfg(target_arch = "wasm32")]
#[wasm_split(check_meeting, wasm_split_path = ::leptos::wasm_split, fallible)]
fn check_meeting(
    meeting: Meeting,
    today: NaiveDate,
) -> Result<Vec<Finding>, crate::ui::lazy::NotLoaded> {
    Ok(findings_of(&meeting, today))
}

/// The findings for a meeting on `today`, with its own settings.
fn findings_of(m: &Meeting, today: NaiveDate) -> Vec<Finding> {
    let settings = crate::domain::CheckSettings {
        today: Some(today),
        ..m.checks.clone()
    };
    let mut findings = check(m, &settings);
    // The browser's own timezone data in the app; the compiled-in one in native tests.
    #[cfg(target_arch = "wasm32")]
    let offsets = crate::web::clock::BrowserOffsets;
    #[cfg(not(target_arch = "wasm32"))]
    let offsets = crate::domain::time::TzDatabase;
    findings.extend(crate::domain::check::time_findings(m, &offsets));
    findings
}

/// Makes the planner's state available to every component below.
pub fn provide_app_state() -> AppState {
    let state = AppState::load(
        BrowserStore,
        crate::web::clock::today(),
        crate::web::clock::random_id(),
    );
    provide_context(state);
    state
}

/// The planner's state. Panics only if called outside the planner, a programming error.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
