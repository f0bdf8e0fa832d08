//! The library of meetings kept in this browser: which stored meetings exist and which one is
//! open. Pure; the browser glue is in `local`.
//!
//! Slot 0 is the key the first meeting has always been stored under, so meetings saved before
//! there was a library are its first entry. Each meeting is stored whole under its own key;
//! which meetings exist is read from the keys in storage, and the index only says which one
//! is open, so a damaged or stale index loses nothing.

use serde::{Deserialize, Serialize};

/// Key of the library index.
pub const LIBRARY_KEY: &str = "agenda-planner.library";

/// Storage key of the meeting in `slot`.
pub fn meeting_key(slot: u32) -> String {
    if slot == 0 {
        super::local::MEETING_KEY.to_string()
    } else {
        format!("{}.{slot}", super::local::MEETING_KEY)
    }
}

/// The slot a storage key belongs to, if it is a meeting key.
pub fn slot_of(key: &str) -> Option<u32> {
    let rest = key.strip_prefix(super::local::MEETING_KEY)?;
    if rest.is_empty() {
        return Some(0);
    }
    let digits = rest.strip_prefix('.')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Which meetings are stored, and which is open.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
        slots.sort_unstable();
        slots.dedup();
        if slots.is_empty() {
            slots.push(0);
        }
        let current = index
            .and_then(|text| serde_json::from_str::<Library>(text).ok())
            .map(|l| l.current)
            .filter(|c| slots.contains(c))
            .unwrap_or(slots[0]);
        Library { current, slots }
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
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
}
