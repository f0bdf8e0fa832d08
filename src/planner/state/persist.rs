//! Loading and saving the open meeting, and taking what another tab saved.
//!
//! Saving follows the paint of an edit (`flush`, from the app's persist effect), so an edit
//! shows within a frame however big the meeting is. Nothing is lost on the way: before it
//! writes, and before every edit, the state compares the slot's revision stamp (a small key,
//! `storage::revision`) with the one it last read or wrote; when another tab saved
//! meanwhile, its meeting is taken and this tab's unsaved edits are rebased onto it (an edit
//! that would overwrite the other tab's change is refused with a message). A browser may show
//! one tab's save to another late, so a tab can write over a save it had not seen: the stamp
//! of every text says whose saves it includes, and a tab that finds one of its own saves
//! missing makes those edits again on top. The undo history is kept beside the meeting for
//! its revision, so an edit made just before a reload can still be undone.

use chrono::NaiveDate;
use leptos::prelude::*;

#[cfg(not(target_arch = "wasm32"))]
use super::findings_of;
use super::{AppState, Inner, Record, SaveState};
use crate::domain::rebase::rebase_all;
use crate::domain::{Edit, History, Meeting};
use crate::planner::route::Route;
use crate::storage::first_screen::{self, Made};
use crate::storage::kv::KeyValue;
use crate::storage::library::Library;
use crate::storage::revision::{merge, Revision};
use crate::storage::{
    back_up, decode_envelope, decode_history, encode, encode_history, encode_saved, keys,
    read_revision, read_slot, startup, write_slot, Startup,
};

/// How many of its recent saves a tab keeps, to make again if another tab wrote over them
/// before this one noticed (two tabs editing at full speed can each save dozens of times in
/// that while: with 4, a test of 200 quick edits in each of two tabs lost some in one run of
/// three; with 64, none in six). Each keeps the text it was made on, so they are also kept
/// to [`RECORDS_BYTES`] in all, and never fewer than [`RECORDS_MIN`].
const RECORDS: usize = 64;
const RECORDS_BYTES: usize = 16 * 1024 * 1024;
const RECORDS_MIN: usize = 4;
use crate::ui::notice::Notice;

/// The open meeting as read from its slot, with what the state needs beside it.
pub(super) struct Opened {
    pub meeting: Meeting,
    pub base_text: Option<String>,
    pub revision: Option<Revision>,
    /// The slot's small stamp key as read.
    pub hint: Option<Revision>,
    pub history: History,
    /// Why the stored text could not be opened, if it could not.
    pub notice: Option<Notice>,
    /// The unreadable text could not be backed up: the slot must not be written.
    pub blocked: bool,
}

/// The meeting shown when there is none to show, and what the notices call it: the sample, or
/// (its code not yet loaded in the app) a blank meeting.
fn stand_in() -> (Meeting, &'static str) {
    match crate::planner::sample::loaded() {
        Some(m) => (m, "the sample meeting"),
        None => (
            Meeting::blank(crate::web::clock::today()),
            "a blank meeting",
        ),
    }
}

/// Reads the meeting in `slot`: the stored one, the sample when nothing is stored, or the
/// sample and an explanation when the stored text cannot be read (it is then copied to a
/// backup key first; if even that fails, the slot is never written over).
pub(super) fn open_slot(store: &dyn KeyValue, slot: u32) -> Opened {
    let hint = read_revision(store, slot).ok().flatten();
    let stored = match read_slot(store, slot) {
        Ok(stored) => stored,
        Err(e) => {
            let (meeting, called) = stand_in();
            return Opened {
                meeting,
                base_text: None,
                revision: None,
                hint,
                history: History::default(),
                notice: Some(Notice::error(format!(
                    "The meetings stored in this browser cannot be read: {e}. You are looking at {called}; changes stay in this tab."
                ))),
                blocked: false,
            };
        }
    };
    let revision = stored.revision.clone();
    let mut called = "the sample meeting";
    match startup(stored.text, || {
        let (meeting, name) = stand_in();
        called = name;
        meeting
    }) {
        Startup::Fresh(meeting) => Opened {
            meeting,
            base_text: None,
            revision,
            hint,
            history: History::default(),
            notice: None,
            blocked: false,
        },
        Startup::Loaded { meeting, text } => {
            let history = store
                .get(&keys::history(slot))
                .ok()
                .flatten()
                .and_then(|h| {
                    decode_history(&h, &revision.as_ref().map(Revision::id).unwrap_or_default())
                })
                .unwrap_or_default();
            Opened {
                meeting,
                base_text: Some(text),
                revision,
                hint,
                history,
                notice: None,
                blocked: false,
            }
        }
        Startup::Unreadable { sample, raw, error } => {
            let (kept, blocked) = match back_up(store, &raw) {
                Ok(key) => (
                    format!("The stored text has been kept, unchanged, under the key “{key}”."),
                    false,
                ),
                Err(_) => (
                    "It could not be backed up, so nothing will be saved over it in this tab; save your work as a file.".to_string(),
                    true,
                ),
            };
            Opened {
                meeting: sample,
                base_text: None,
                revision,
                hint,
                history: History::default(),
                notice: Some(Notice::error(format!(
                    "The meeting stored in this browser could not be opened: {error}. {kept} You are looking at {called}."
                ))),
                blocked,
            }
        }
    }
}

impl<S: KeyValue + 'static> AppState<S> {
    /// Opens the meeting the library says is open (or the sample) and explains anything
    /// unusual. `today` is the date the checks count from.
    /// `tab` names this tab in revision stamps: new with every page load.
    pub fn load(store: S, today: NaiveDate, tab: String) -> AppState<S> {
        let slot = Library::load(&store).current;
        let opened = open_slot(&store, slot);
        // Natively at once; in the app after the first paint (`AppState::run_checks`).
        #[cfg(not(target_arch = "wasm32"))]
        let findings = findings_of(&opened.meeting, today);
        #[cfg(target_arch = "wasm32")]
        let findings = Vec::new();
        let (can_undo, can_redo) = (opened.history.can_undo(), opened.history.can_redo());
        let start = opened.base_text.is_none().then(|| opened.meeting.clone());
        AppState {
            meeting: RwSignal::new(opened.meeting),
            notice: RwSignal::new(opened.notice),
            save_state: RwSignal::new(SaveState::Untouched),
            route: RwSignal::new(Route::default()),
            findings: RwSignal::new(findings),
            checked: RwSignal::new(cfg!(not(target_arch = "wasm32"))),
            focus: RwSignal::new(None),
            can_undo: RwSignal::new(can_undo),
            can_redo: RwSignal::new(can_redo),
            slot: RwSignal::new(slot),
            library: RwSignal::new(0),
            live_badge: RwSignal::new(None),
            live_ok: RwSignal::new(false),
            live_hooks: StoredValue::new(None),
            inner: StoredValue::new_local(Inner {
                store,
                history: opened.history,
                pending: Vec::new(),
                dirty: false,
                base_text: opened.base_text,
                start,
                seen: opened
                    .revision
                    .as_ref()
                    .map(|r| r.seen.clone())
                    .unwrap_or_default(),
                revision: opened.revision,
                hint: opened.hint,
                tab,
                records: Vec::new(),
                blocked: opened.blocked.then_some(slot),
                today,
            }),
        }
    }

    /// Shows a freshly opened slot.
    pub(super) fn show(&self, slot: u32, opened: Opened) {
        let start = opened.base_text.is_none().then(|| opened.meeting.clone());
        self.inner.update_value(|i| {
            i.history = opened.history;
            i.pending.clear();
            i.dirty = false;
            i.base_text = opened.base_text;
            i.start = start;
            i.seen = opened
                .revision
                .as_ref()
                .map(|r| r.seen.clone())
                .unwrap_or_default();
            i.revision = opened.revision;
            i.hint = opened.hint;
            i.records.clear();
            if opened.blocked {
                i.blocked = Some(slot);
            }
        });
        self.slot.set(slot);
        self.meeting.set(opened.meeting);
        self.save_state.set(SaveState::Untouched);
        if let Some(notice) = opened.notice {
            self.notice.set(Some(notice));
        }
        self.show_history();
        self.run_checks();
    }

    /// Whether the meeting on screen has changes not yet written.
    pub fn unsaved(&self) -> bool {
        self.inner.with_value(|i| i.dirty)
    }

    /// Writes the meeting (if it changed) and its undo history, and says how it went. Called
    /// after an edit is painted, and before the page is left.
    pub fn flush(&self) {
        if !self.unsaved() {
            return;
        }
        let slot = self.slot.get_untracked();
        if self.inner.with_value(|i| i.blocked == Some(slot)) {
            let reason = "the stored text it would replace could not be backed up".to_string();
            if self.save_state.get_untracked() != SaveState::Failed(reason.clone()) {
                self.notice.set(Some(
                    Notice::error(format!(
                        "Your change is not saved in this browser: {reason}. It is kept in this tab while it stays open; save it as a file to be safe."
                    ))
                    .with_file(),
                ));
                self.save_state.set(SaveState::Failed(reason));
            }
            return;
        }
        self.sync(false);
        let revision = self
            .inner
            .with_value(|i| Revision::next(i.revision.as_ref(), &i.seen, &i.tab));
        let text = self.meeting.with_untracked(|m| encode_saved(m, &revision));
        let written = self.inner.with_value(|i| {
            write_slot(&i.store, slot, &text, &revision).or_else(|_| {
                // The kept first screen gives its room to the meeting.
                first_screen::forget(&i.store);
                write_slot(&i.store, slot, &text, &revision)
            })
        });
        match written {
            Ok(()) => {
                let history = self
                    .inner
                    .with_value(|i| encode_history(&i.history, &revision.id()));
                self.inner.update_value(|i| {
                    if i.store.set(&keys::history(slot), &history).is_err() {
                        // A history is a convenience: never keep one of another revision.
                        let _ = i.store.remove(&keys::history(slot));
                    }
                    i.records.push(Record {
                        clock: revision.clock,
                        base_text: i.base_text.take().or_else(|| i.start.as_ref().map(encode)),
                        edits: std::mem::take(&mut i.pending),
                    });
                    let excess = i.records.len().saturating_sub(RECORDS);
                    i.records.drain(..excess);
                    let size = |r: &Record| r.base_text.as_ref().map_or(0, String::len);
                    let mut total: usize = i.records.iter().map(size).sum();
                    while i.records.len() > RECORDS_MIN && total > RECORDS_BYTES {
                        total -= size(&i.records[0]);
                        i.records.remove(0);
                    }
                    i.seen = revision.seen.clone();
                    i.hint = Some(revision.clone());
                    i.revision = Some(revision);
                    i.base_text = Some(text);
                    i.start = None;
                    i.dirty = false;
                });
                if self.save_state.get_untracked() != SaveState::Saved {
                    self.save_state.set(SaveState::Saved);
                }
            }
            Err(e) => {
                self.notice.set(Some(
                    Notice::error(format!(
                        "Your change could not be saved in this browser: {e}. It is kept in this tab while it stays open; save it as a file to be safe."
                    ))
                    .with_file(),
                ));
                self.save_state.set(SaveState::Failed(e.to_string()));
            }
        }
    }

    /// Keeps the first screen of the meeting as stored (not while it has unsaved changes, nor
    /// when what is shown is not what the slot holds), for the next visit to show while the
    /// code loads (`storage::first_screen`). `build` is the app's.
    pub fn keep_first_screen(&self, build: &str) {
        if self.unsaved() {
            return;
        }
        let slot = self.slot.get_untracked();
        let id = self.inner.with_value(|i| {
            if i.blocked == Some(slot) {
                return None;
            }
            match (&i.base_text, &i.hint) {
                (Some(_), Some(stamp)) => Some(stamp.encode()),
                (Some(text), None) => Some(Made::size_id(text)),
                // Nothing stored: the sample, as the next visit opens it too.
                (None, _) => {
                    matches!(i.store.get(&keys::meeting(slot)), Ok(None)).then(|| Made::size_id(""))
                }
            }
        });
        let Some(id) = id else { return };
        let made = Made {
            slot,
            id,
            build: build.to_string(),
        };
        self.meeting.with_untracked(|m| {
            self.inner
                .with_value(|i| first_screen::keep(&i.store, &made, m))
        });
    }

    /// Takes what another tab saved meanwhile, if it saved (before a form reads what it
    /// changes, so that it compares with the newest).
    pub fn refresh(&self) {
        self.take_other_tab(false);
    }

    /// Another tab saved (the browser said so): show its version.
    pub fn other_tab_saved(&self) {
        self.take_other_tab(true);
    }

    /// Shows what another tab saved, and says so (`force`: the browser said it saved).
    fn take_other_tab(&self, force: bool) {
        if self.sync(force).is_some() {
            self.notice.set(Some(Notice::info(
                "Updated with changes saved in another tab.",
            )));
        }
    }

    /// The storage keys whose change means another tab saved the open meeting.
    pub fn watched_keys(&self) -> [String; 2] {
        let slot = self.slot.get_untracked();
        [keys::meeting(slot), keys::revision(slot)]
    }

    /// Takes what another tab saved in the open slot since this tab last read or wrote it,
    /// with this tab's unsaved edits rebased onto it, and this tab's own saves that it
    /// does not include made again on top. Returns the meeting it replaced, if it replaced one
    /// (so an edit made on that one can be rebased too).
    pub(super) fn sync(&self, force: bool) -> Option<Meeting> {
        let slot = self.slot.get_untracked();
        // The small key first (cheap); unless the browser said the text changed, a stamp
        // there already seen means nothing new.
        let hint = self
            .inner
            .with_value(|i| read_revision(&i.store, slot).ok().flatten());
        let seen_hint = self.inner.with_value(|i| i.hint == hint);
        if seen_hint && !force {
            return None;
        }
        self.inner.update_value(|i| i.hint = hint);
        let stored = self.inner.with_value(|i| read_slot(&i.store, slot)).ok()?;
        // The stamp inside the text says what it is (this tab's view of one key may lag behind
        // the other).
        let same = self.inner.with_value(|i| match &stored.revision {
            Some(r) => i.revision.as_ref() == Some(r),
            None => stored.text == i.base_text,
        });
        if same {
            return None;
        }
        let newer = stored
            .text
            .as_deref()
            .and_then(|text| decode_envelope(text).ok());
        let Some(newer) = newer else {
            // Gone, or not readable: keep what is on screen (saved over it on the next
            // write, after a backup of what is there).
            self.inner.update_value(|i| {
                if let Some(raw) = &stored.text {
                    let _ = back_up(&i.store, raw);
                }
                i.revision = stored.revision;
                i.dirty = true;
            });
            // The Meetings screen lists the backup.
            self.library.update(|n| *n += 1);
            return None;
        };
        let revision = stored.revision.clone();
        // This tab's saves the newer text does not include, then its unsaved edits: all
        // made again on the newer text, from the text the first of them was made on. (A text
        // without a stamp was written by an older app: it cannot say, and is taken to
        // include them.)
        let (edits, base_text) = self
            .inner
            .try_update_value(|i| {
                let tab = i.tab.clone();
                let (confirmed, lost): (Vec<Record>, Vec<Record>) =
                    std::mem::take(&mut i.records).into_iter().partition(|r| {
                        revision
                            .as_ref()
                            .is_none_or(|rev| rev.includes(&tab, r.clock))
                    });
                drop(confirmed);
                let base = match lost.first() {
                    Some(first) => first.base_text.clone(),
                    None => i.base_text.clone(),
                };
                let mut edits: Vec<Edit> = lost.into_iter().flat_map(|r| r.edits).collect();
                edits.append(&mut i.pending);
                (edits, base)
            })
            .unwrap_or_default();
        let (merged, kept, refused) = if edits.is_empty() {
            (newer, Vec::new(), 0)
        } else {
            let base = self.inner.with_value(|i| {
                base_text
                    .as_deref()
                    .and_then(|t| decode_envelope(t).ok())
                    .or_else(|| i.start.clone())
                    .unwrap_or_default()
            });
            let r = rebase_all(edits, base, newer);
            (r.meeting, r.kept, r.refused)
        };
        self.inner.update_value(|i| {
            i.base_text = stored.text;
            i.start = None;
            if let Some(r) = &revision {
                merge(&mut i.seen, &r.seen);
            }
            i.revision = stored.revision;
            i.dirty = !kept.is_empty();
            i.pending = kept;
            // This tab's steps were made on a meeting that is gone.
            i.history.clear();
        });
        let mut old = Meeting::default();
        self.meeting.update(|m| old = std::mem::replace(m, merged));
        if refused > 0 {
            self.notice.set(Some(Notice::error(format!(
                "Another tab saved changes to the same things as {refused} of your change(s), which were not applied. The newer version is shown; make them again if they still apply."
            ))));
        }
        self.show_history();
        Some(old)
    }
}
