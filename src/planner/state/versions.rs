//! The open meeting's named versions, as the state sees them: read, save the meeting as it is
//! now under a name, delete. Kept beside the meeting in its slot (`storage::versions`).

use chrono::NaiveDate;
use leptos::prelude::*;

use super::AppState;
use crate::storage::kv::KeyValue;
use crate::storage::versions::{self, Version};

impl<S: KeyValue + 'static> AppState<S> {
    /// The open meeting's versions, oldest first, or why they cannot be read.
    pub fn versions(&self) -> Result<Vec<Version>, String> {
        let slot = self.slot.get_untracked();
        self.inner
            .with_value(|i| versions::load(&i.store, slot))
            .map_err(|e| e.to_string())
    }

    /// Keeps the meeting as it is now as a version named `name`.
    pub fn save_version(
        &self,
        name: &str,
        date: NaiveDate,
        note: &str,
    ) -> Result<Vec<Version>, String> {
        let slot = self.slot.get_untracked();
        let meeting = self.meeting().get_untracked();
        self.inner
            .with_value(|i| versions::save(&i.store, slot, name, date, note, &meeting))
            .map_err(|e| e.to_string())
    }

    /// Deletes the version at `index` (0: the oldest).
    pub fn delete_version(&self, index: usize) -> Result<Vec<Version>, String> {
        let slot = self.slot.get_untracked();
        self.inner
            .with_value(|i| versions::delete(&i.store, slot, index))
            .map_err(|e| e.to_string())
    }
}
