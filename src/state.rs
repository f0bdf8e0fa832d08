//! The one store at the root of the app, reached through [`use_app_state`].

use leptos::prelude::*;

use crate::domain::check::{check, CheckSettings, Finding};
use crate::domain::{Edit, EditError, History, ItemId, Meeting};
use crate::storage::{self, Startup};

/// A message for the person using the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
    /// Offer to download the meeting as a file (when it could not be saved in the browser).
    pub offer_file: bool,
}

impl Notice {
    pub fn error(text: impl Into<String>) -> Notice {
        Notice {
            kind: NoticeKind::Error,
            text: text.into(),
            offer_file: false,
        }
    }

    pub fn info(text: impl Into<String>) -> Notice {
        Notice {
            kind: NoticeKind::Info,
            text: text.into(),
            offer_file: false,
        }
    }
}

/// How serious a [`Notice`] is; `as_str` is its CSS modifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Error,
}

impl NoticeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeKind::Info => "info",
            NoticeKind::Error => "error",
        }
    }
}

/// The screen in view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Programme,
    Edit,
    Export,
    Meetings,
}

/// Whether the meeting on screen is safely stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    /// Nothing edited yet in this tab (the stored text, if any, is untouched).
    Untouched,
    Failed(String),
}

/// The app's state: the meeting, plus UI-only state beside it.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The meeting being planned. Change it only through [`AppState::apply`].
    pub meeting: RwSignal<Meeting>,
    /// The latest message for the user, if any.
    pub notice: RwSignal<Option<Notice>>,
    pub save_state: RwSignal<SaveState>,
    /// The screen in view (UI-only state).
    pub screen: RwSignal<Screen>,
    /// The conflict and readiness findings for the meeting as it is now.
    pub findings: RwSignal<Vec<Finding>>,
    /// An item to bring into view in the editor (a finding was selected).
    pub focus: RwSignal<Option<ItemId>>,
    /// Undo and redo steps for the meeting.
    history: StoredValue<History>,
    /// Whether there is something to undo / redo (for the buttons).
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// Set when unreadable stored text could not be backed up: then saving would destroy it.
    saving_blocked: StoredValue<bool>,
    /// The stored text this tab last read or wrote: anything else in storage was saved by
    /// another tab since.
    last_saved: StoredValue<Option<String>>,
    /// Where the open meeting is stored (its library slot).
    slot: StoredValue<u32>,
}

impl AppState {
    /// Loads the meeting from storage (or the sample) and explains anything unusual.
    pub fn load() -> AppState {
        let (startup, slot, backup, stored) = storage::local::load();
        let loaded = matches!(startup, Startup::Loaded(_));
        let mut notice = None;
        let mut saving_blocked = false;
        let meeting = match startup {
            Startup::Fresh(meeting) | Startup::Loaded(meeting) => meeting,
            Startup::Unreadable { sample, error, .. } => {
                let kept = match backup {
                    Some(key) => {
                        format!("The stored text has been kept, unchanged, under the key “{key}”.")
                    }
                    None => {
                        saving_blocked = true;
                        "It could not be backed up, so nothing will be saved over it in this tab."
                            .to_string()
                    }
                };
                notice = Some(Notice::error(format!(
                        "The meeting stored in this browser could not be opened: {error}. {kept} You are looking at the sample meeting."
                    )));
                sample
            }
        };
        let meeting = RwSignal::new(meeting);
        let run_check = |m: &Meeting| {
            let settings = CheckSettings {
                today: Some(crate::platform::today()),
                ..m.checks.clone()
            };
            check(m, &settings)
        };
        // Checked at once on start; after an edit, right after the edit is on screen (an
        // edit paints first, its findings follow a frame later).
        let findings = RwSignal::new(meeting.with_untracked(run_check));
        let check_pending = StoredValue::new(false);
        Effect::new(move |ran: Option<()>| {
            meeting.track();
            if ran.is_none() || check_pending.get_value() {
                return;
            }
            check_pending.set_value(true);
            crate::platform::after_paint(move || {
                check_pending.set_value(false);
                let Some(now) = meeting.try_with_untracked(run_check) else {
                    return;
                };
                if findings.with_untracked(|old| *old != now) {
                    findings.set(now);
                }
            });
        });
        AppState {
            meeting,
            findings,
            focus: RwSignal::new(None),
            notice: RwSignal::new(notice),
            save_state: RwSignal::new(SaveState::Untouched),
            screen: RwSignal::new(Screen::Programme),
            history: StoredValue::new(History::default()),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            saving_blocked: StoredValue::new(saving_blocked),
            last_saved: StoredValue::new(stored.filter(|_| loaded)),
            slot: StoredValue::new(slot),
        }
    }

    /// Applies one edit (undoable) and saves. A refused edit changes nothing and returns why.
    /// If another tab saved since this tab last did, its version is taken first and the edit
    /// is made on top of it (or refused if it would overwrite that tab's change).
    pub fn apply(&self, edit: Edit) -> Result<(), EditError> {
        let edit = match self.newer_elsewhere() {
            Some((text, newer)) => {
                let rebased = self
                    .meeting
                    .with_untracked(|base| edit.rebase(base, &newer));
                self.adopt(text, newer);
                if rebased.is_err() {
                    self.notice
                        .set(Some(Notice::error(EditError::ChangedElsewhere.to_string())));
                }
                rebased?
            }
            None => edit,
        };
        let mut outcome = Ok(());
        self.meeting.maybe_update(|meeting| {
            self.history
                .update_value(|h| outcome = h.apply(meeting, edit));
            outcome.is_ok()
        });
        self.after_change(outcome.is_ok());
        outcome
    }

    /// Undoes the last edit, if any.
    pub fn undo(&self) {
        self.step(History::undo);
    }

    /// Redoes the last undone edit, if any.
    pub fn redo(&self) {
        self.step(History::redo);
    }

    fn step(&self, step: fn(&mut History, &mut Meeting) -> bool) {
        let mut changed = false;
        self.meeting.maybe_update(|meeting| {
            self.history.update_value(|h| changed = step(h, meeting));
            changed
        });
        self.after_change(changed);
    }

    fn after_change(&self, changed: bool) {
        self.history.with_value(|h| {
            self.can_undo.set(h.can_undo());
            self.can_redo.set(h.can_redo());
        });
        if changed {
            self.persist();
        }
    }

    /// What another tab saved since this one last read or wrote, if anything (and readable).
    fn newer_elsewhere(&self) -> Option<(String, Meeting)> {
        let text = storage::local::read(self.slot.get_value())?;
        if self
            .last_saved
            .with_value(|last| last.as_deref() == Some(text.as_str()))
        {
            return None;
        }
        let meeting = storage::decode(&text).ok()?;
        Some((text, meeting))
    }

    /// Shows a meeting another tab saved; this tab's undo steps no longer apply to it.
    fn adopt(&self, text: String, newer: Meeting) {
        self.last_saved.set_value(Some(text));
        self.history.update_value(History::clear);
        self.meeting.set(newer);
        self.after_change(false);
    }

    /// Where the open meeting is stored.
    pub fn storage_key(&self) -> String {
        storage::library::meeting_key(self.slot.get_value())
    }

    /// The open meeting's library slot.
    pub fn slot(&self) -> u32 {
        self.slot.get_value()
    }

    /// Opens the meeting stored in `slot`; says why when it cannot be read.
    pub fn open(&self, slot: u32) -> Result<(), String> {
        let text = storage::local::read(slot).ok_or("that meeting is no longer stored")?;
        let meeting =
            storage::decode(&text).map_err(|e| format!("that meeting cannot be opened: {e}"))?;
        self.slot.set_value(slot);
        storage::local::set_current(slot);
        self.adopt(text, meeting);
        Ok(())
    }

    /// Stores `meeting` as a new meeting in the library and opens it.
    pub fn create(&self, meeting: Meeting) -> Result<u32, String> {
        if let Some(first) = meeting.validate().first() {
            return Err(first.to_string());
        }
        // The open meeting may not be stored yet (the sample before its first edit): store
        // it, or it would vanish from the library when another is opened.
        if storage::local::read(self.slot.get_value()).is_none() {
            self.persist();
        }
        let slot = storage::local::library().add();
        storage::local::save(slot, &meeting)?;
        self.open(slot)?;
        Ok(slot)
    }

    /// Deletes a stored meeting; if it is the open one, another is opened.
    pub fn delete(&self, slot: u32) -> Result<(), String> {
        let mut library = storage::local::library();
        if !library.remove(slot) {
            return Err("the last meeting cannot be deleted".into());
        }
        storage::local::delete(slot);
        if slot == self.slot.get_value() {
            self.open(library.current)?;
        }
        Ok(())
    }

    /// Called when another tab saved: show its version (a storage event).
    pub fn other_tab_saved(&self) {
        if let Some((text, newer)) = self.newer_elsewhere() {
            self.adopt(text, newer);
            self.notice.set(Some(Notice::info(
                "Updated with changes saved in another tab.",
            )));
        }
    }

    /// Writes the meeting to storage and reports the result.
    fn persist(&self) {
        if self.saving_blocked.get_value() {
            self.save_state.set(SaveState::Failed(
                "unreadable stored data could not be backed up".into(),
            ));
            return;
        }
        let slot = self.slot.get_value();
        let result = self
            .meeting
            .with_untracked(|m| storage::local::save(slot, m));
        match result {
            Ok(text) => {
                self.last_saved.set_value(Some(text));
                self.save_state.set(SaveState::Saved);
            }
            Err(reason) => {
                self.notice.set(Some(Notice {
                    offer_file: true,
                    ..Notice::error(format!(
                        "Your change could not be saved in this browser: {reason}. It is kept in this tab while it stays open; save it as a file to be safe."
                    ))
                }));
                self.save_state.set(SaveState::Failed(reason));
            }
        }
    }
}

/// Makes the app state available to every component below.
pub fn provide_app_state() -> AppState {
    let state = AppState::load();
    provide_context(state);
    state
}

impl AppState {
    /// Shows `item` in the editor (its day, its form open) and moves the keyboard focus to it.
    pub fn go_to(&self, item: ItemId) {
        self.screen.set(Screen::Edit);
        self.focus.set(Some(item));
    }
}

/// The app state. Panics only if called outside `<App/>`, which is a programming error.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
