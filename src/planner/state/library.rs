//! The meetings kept in this browser, as the state sees them: open one, create one, delete,
//! rename, and the list the Meetings screen shows.

use leptos::prelude::*;

use super::persist::open_slot;
use super::AppState;
use crate::domain::{Edit, Meeting};
use crate::storage::kv::KeyValue;
use crate::storage::library::Library;
use crate::storage::{decode_envelope, delete_slot, read_slot, store_meeting, Backup};

/// One stored meeting as the Meetings screen lists it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Summary {
    pub slot: u32,
    pub title: String,
    pub dates: String,
    /// Why the stored text cannot be opened, if it cannot.
    pub unreadable: Option<String>,
}

impl<S: KeyValue + 'static> AppState<S> {
    /// The open meeting's library slot (tracked: it changes when another meeting is opened).
    pub fn slot(&self) -> u32 {
        self.slot.get()
    }

    /// The open meeting's slot, untracked.
    pub fn slot_untracked(&self) -> u32 {
        self.slot.get_untracked()
    }

    /// The meeting stored in `slot`, read afresh.
    fn stored(&self, slot: u32) -> Result<Meeting, String> {
        let text = self
            .inner
            .with_value(|i| read_slot(&i.store, slot))
            .map_err(|e| e.to_string())?
            .text
            .ok_or("that meeting is no longer stored")?;
        decode_envelope(&text).map_err(|e| format!("that meeting cannot be opened: {e}"))
    }

    /// Opens the meeting stored in `slot` (the open one is saved first); says why when it
    /// cannot be read.
    pub fn open(&self, slot: u32) -> Result<(), String> {
        self.stored(slot)?;
        self.flush();
        let opened = self.inner.with_value(|i| {
            let _ = Library::set_current(&i.store, slot);
            open_slot(&i.store, slot)
        });
        self.show(slot, opened);
        self.library.update(|n| *n += 1);
        Ok(())
    }

    /// Stores `meeting` as a new meeting in the library and opens it; the open one stays in
    /// the library.
    pub fn create(&self, meeting: Meeting) -> Result<u32, String> {
        if let Some(first) = meeting.validate().first() {
            return Err(first.to_string());
        }
        // The open meeting may not be stored yet (the sample before its first edit): store
        // it, or it would vanish from the library when another is opened.
        let open = self.slot.get_untracked();
        let stored = self
            .inner
            .with_value(|i| read_slot(&i.store, open).map(|s| s.text.is_some()))
            .unwrap_or(false);
        if !stored {
            self.inner.update_value(|i| i.dirty = true);
        }
        self.flush();
        let slot = self.inner.with_value(|i| {
            let slot = Library::load(&i.store).add();
            store_meeting(&i.store, slot, &meeting, &i.tab).map(|()| slot)
        });
        let slot = slot.map_err(|e| e.to_string())?;
        self.open(slot)?;
        Ok(slot)
    }

    /// Deletes a stored meeting; if it is the open one, another is opened.
    pub fn delete(&self, slot: u32) -> Result<(), String> {
        let mut library = self.inner.with_value(|i| Library::load(&i.store));
        if !library.remove(slot) {
            return Err("the last meeting cannot be deleted".into());
        }
        self.inner
            .with_value(|i| delete_slot(&i.store, slot))
            .map_err(|e| e.to_string())?;
        if slot == self.slot.get_untracked() {
            // Nothing of the deleted meeting is left to save.
            self.inner.update_value(|i| {
                i.dirty = false;
                i.pending.clear();
            });
            self.open(library.current)?;
        }
        self.library.update(|n| *n += 1);
        Ok(())
    }

    /// Renames a stored meeting (the open one through the undoable edit stream).
    pub fn rename(&self, slot: u32, title: String) -> Result<(), String> {
        if slot == self.slot.get_untracked() {
            return self.apply(Edit::SetTitle(title)).map_err(|e| e.to_string());
        }
        let mut meeting = self.stored(slot)?;
        Edit::SetTitle(title)
            .apply(&mut meeting)
            .map_err(|e| e.to_string())?;
        self.inner
            .with_value(|i| store_meeting(&i.store, slot, &meeting, &i.tab))
            .map_err(|e| e.to_string())?;
        self.library.update(|n| *n += 1);
        Ok(())
    }

    /// A copy of the stored meeting in `slot` for its next edition (dates moved by `days`,
    /// everyone back to "invited" when asked), added to the library and opened.
    pub fn duplicate(
        &self,
        slot: u32,
        days: Option<i64>,
        new_start: Option<chrono::NaiveDate>,
        reset_statuses: bool,
    ) -> Result<u32, String> {
        let meeting = if slot == self.slot.get_untracked() {
            self.meeting.get_untracked()
        } else {
            self.stored(slot)?
        };
        let days = match (new_start, days) {
            (Some(start), _) => {
                let (first, _) = meeting
                    .date_range()
                    .ok_or("That meeting has no days to move.")?;
                (start - first).num_days()
            }
            (None, Some(days)) => days,
            (None, None) => 0,
        };
        self.create(meeting.duplicated(days, reset_statuses))
    }

    /// The copies of unreadable data kept in this browser (tracked: the list changes when
    /// one is made or deleted).
    pub fn backups(&self) -> Vec<Backup> {
        self.library.track();
        self.inner.with_value(|i| crate::storage::backups(&i.store))
    }

    /// The text of a backup, to download.
    pub fn backup_text(&self, key: &str) -> Result<String, String> {
        self.inner
            .with_value(|i| crate::storage::backup_text(&i.store, key))
            .ok_or_else(|| "that backup is no longer stored".into())
    }

    /// Deletes a backup for good.
    pub fn delete_backup(&self, key: &str) -> Result<(), String> {
        self.inner
            .with_value(|i| crate::storage::delete_backup(&i.store, key))?;
        self.library.update(|n| *n += 1);
        Ok(())
    }

    /// The stored text of a meeting that cannot be opened, as it is, to download.
    pub fn stored_text(&self, slot: u32) -> Result<String, String> {
        self.inner
            .with_value(|i| read_slot(&i.store, slot))
            .map_err(|e| e.to_string())?
            .text
            .ok_or_else(|| "that meeting is no longer stored".into())
    }

    /// Every stored meeting; the open one as it is in memory (it may not be written yet).
    pub fn summaries(&self) -> Vec<Summary> {
        self.library.track();
        let open = self.slot.get();
        let mut library = self.inner.with_value(|i| Library::load(&i.store));
        if !library.slots.contains(&open) {
            library.slots.push(open);
            crate::domain::order::sort(&mut library.slots);
        }
        library
            .slots
            .into_iter()
            .map(|slot| {
                let read = if slot == open {
                    Ok(self.meeting.with(|m| (m.title.clone(), m.dates_label())))
                } else {
                    self.stored(slot)
                        .map(|m| (m.title.clone(), m.dates_label()))
                };
                match read {
                    Ok((title, dates)) => Summary {
                        slot,
                        title,
                        dates,
                        unreadable: None,
                    },
                    Err(why) => Summary {
                        slot,
                        title: format!("Unreadable meeting {slot}"),
                        dates: String::new(),
                        unreadable: Some(why),
                    },
                }
            })
            .collect()
    }
}
