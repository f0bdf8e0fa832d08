//! The library of meetings kept in this browser: which stored meetings exist and which one is
//! open.
//!
//! Each meeting is stored whole under its own key (`keys::meeting`); which meetings exist is
//! read from the keys in storage, and the index only says which one is open, so a damaged or
//! stale index loses nothing.

use super::json::Reader;
use super::keys;
use super::kv::{KeyValue, StorageError};

/// Which meetings are stored, and which is open (the index is kept as
/// `{"current":2,"slots":[]}`: only `current` counts).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Library {
    pub current: u32,
    pub slots: Vec<u32>,
}

impl Default for Library {
    fn default() -> Self {
        Library {
            current: 0,
            slots: vec![0],
        }
    }
}

impl Library {
    /// The meetings stored (by their slots in storage; slot 0 when there are none yet) with
    /// the open one from the index (`None` or unreadable, or naming a meeting that is not
    /// stored: the first).
    pub fn read(index: Option<&str>, stored_slots: &[u32]) -> Library {
        let mut slots = stored_slots.to_vec();
        crate::domain::order::sort(&mut slots);
        slots.dedup();
        if slots.is_empty() {
            slots.push(0);
        }
        let current = index
            .and_then(current_of)
            .filter(|c| slots.contains(c))
            .unwrap_or(slots[0]);
        Library { current, slots }
    }

    pub fn encode(&self) -> String {
        let slots: Vec<String> = self.slots.iter().map(u32::to_string).collect();
        format!(
            "{{\"current\":{},\"slots\":[{}]}}",
            self.current,
            slots.join(",")
        )
    }

    /// Adds a slot for a new meeting and makes it current; returns it.
    pub fn add(&mut self) -> u32 {
        let slot = self.slots.iter().max().map_or(0, |m| m + 1);
        self.slots.push(slot);
        self.current = slot;
        slot
    }

    /// Removes a slot. If it was open, another becomes current; the last one cannot go.
    pub fn remove(&mut self, slot: u32) -> bool {
        if self.slots.len() <= 1 || !self.slots.contains(&slot) {
            return false;
        }
        self.slots.retain(|s| *s != slot);
        if self.current == slot {
            self.current = self.slots[0];
        }
        true
    }

    /// The library as the store holds it (nothing stored, or no storage: the default).
    pub fn load(store: &dyn KeyValue) -> Library {
        let slots: Vec<u32> = store
            .keys()
            .unwrap_or_default()
            .iter()
            .filter_map(|key| keys::slot_of(key))
            .collect();
        let index = store.get(keys::LIBRARY).ok().flatten();
        Library::read(index.as_deref(), &slots)
    }

    /// Remembers which meeting is open (for the next start).
    pub fn set_current(store: &dyn KeyValue, slot: u32) -> Result<(), StorageError> {
        let library = Library {
            current: slot,
            slots: Vec::new(),
        };
        store.set(keys::LIBRARY, &library.encode())
    }
}

/// Stores a meeting file's text (already checked) as a new meeting of the planner and makes it
/// the one the planner opens; returns its slot. Nothing stored is overwritten.
pub fn save_copy(store: &dyn KeyValue, text: &str) -> Result<u32, StorageError> {
    let slot = Library::load(store).add();
    store.set(&keys::meeting(slot), text)?;
    Library::set_current(store, slot)?;
    Ok(slot)
}

/// The `current` of an index, if it can be read.
fn current_of(text: &str) -> Option<u32> {
    let mut r = Reader::new(text);
    let mut current = None;
    r.object(|r, key| {
        if key == "current" {
            current = Some(r.number()?);
        } else {
            r.skip()?;
        }
        Ok(())
    })
    .ok()?;
    r.end().ok()?;
    current
}
