//! The one store at the root of the app, reached through [`use_app_state`].

use leptos::prelude::*;

use crate::domain::{Edit, EditError, History, Meeting};
use crate::storage::{self, Startup};

/// A message for the person using the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
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
    /// Undo and redo steps for the meeting.
    history: StoredValue<History>,
    /// Whether there is something to undo / redo (for the buttons).
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// Set when unreadable stored text could not be backed up: then saving would destroy it.
    saving_blocked: StoredValue<bool>,
}

impl AppState {
    /// Loads the meeting from storage (or the sample) and explains anything unusual.
    pub fn load() -> AppState {
        let (startup, backup) = storage::local::load();
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
                notice = Some(Notice {
                    kind: NoticeKind::Error,
                    text: format!(
                        "The meeting stored in this browser could not be opened: {error}. {kept} You are looking at the sample meeting."
                    ),
                });
                sample
            }
        };
        AppState {
            meeting: RwSignal::new(meeting),
            notice: RwSignal::new(notice),
            save_state: RwSignal::new(SaveState::Untouched),
            screen: RwSignal::new(Screen::Programme),
            history: StoredValue::new(History::default()),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            saving_blocked: StoredValue::new(saving_blocked),
        }
    }

    /// Applies one edit (undoable) and saves. A refused edit changes nothing and returns why.
    pub fn apply(&self, edit: Edit) -> Result<(), EditError> {
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

    /// Writes the meeting to storage and reports the result.
    fn persist(&self) {
        if self.saving_blocked.get_value() {
            self.save_state.set(SaveState::Failed(
                "unreadable stored data could not be backed up".into(),
            ));
            return;
        }
        let result = self.meeting.with_untracked(storage::local::save);
        match result {
            Ok(()) => self.save_state.set(SaveState::Saved),
            Err(reason) => {
                self.notice.set(Some(Notice {
                    kind: NoticeKind::Error,
                    text: format!(
                        "Your change could not be saved in this browser: {reason}. It is kept in this tab while it stays open."
                    ),
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

/// The app state. Panics only if called outside `<App/>`, which is a programming error.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
