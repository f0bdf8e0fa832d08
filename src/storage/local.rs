//! localStorage glue (browser only): a few lines around the pure functions of the parent.

use gloo_storage::{LocalStorage, Storage};

use super::library::{meeting_key, slot_of, Library, LIBRARY_KEY};
use super::{encode, startup, Startup};
use crate::domain::Meeting;

/// Key of the first meeting (slot 0 of the library).
pub const MEETING_KEY: &str = "agenda-planner.meeting";

/// The library: meetings found in storage, and the open one.
pub fn library() -> Library {
    let Some(storage) = available() else {
        return Library::default();
    };
    let slots: Vec<u32> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|key| slot_of(&key))
        .collect();
    let index = storage.get_item(LIBRARY_KEY).ok().flatten();
    Library::read(index.as_deref(), &slots)
}

/// Remembers which meeting is open (for the next start).
pub fn set_current(slot: u32) {
    if let Some(storage) = available() {
        let library = Library {
            current: slot,
            slots: Vec::new(),
        };
        let _ = storage.set_item(LIBRARY_KEY, &library.encode());
    }
}

/// Reads the open meeting and decides what to start with: (what, the slot, a backup key if
/// unreadable text was copied aside, the stored text). The backup key is new each time (named
/// by the time), so no earlier backup is replaced.
pub fn load() -> (Startup, u32, Option<String>, Option<String>) {
    let slot = library().current;
    let stored = read(slot);
    let outcome = startup(stored.clone());
    let backup = match (&outcome, available()) {
        (Startup::Unreadable { raw, .. }, Some(s)) => {
            let key = format!("{MEETING_KEY}.backup-{}", js_sys::Date::now() as u64);
            s.set_item(&key, raw).ok().map(|()| key)
        }
        _ => None,
    };
    (outcome, slot, backup, stored)
}

/// The stored text of the meeting in `slot`, if any.
pub fn read(slot: u32) -> Option<String> {
    available().and_then(|s| s.get_item(&meeting_key(slot)).ok().flatten())
}

/// Saves a meeting in `slot` and returns the text stored. The error says why (usually:
/// storage is full).
pub fn save(slot: u32, meeting: &Meeting) -> Result<String, String> {
    let text = encode(meeting);
    save_text(slot, &text)?;
    Ok(text)
}

/// Stores a meeting file's text, already checked, in `slot`.
fn save_text(slot: u32, text: &str) -> Result<(), String> {
    if available().is_none() {
        return Err("this browser does not allow local storage here".into());
    }
    LocalStorage::raw()
        .set_item(&meeting_key(slot), text)
        .map_err(|e| {
            js_sys::Error::from(e)
                .to_string()
                .as_string()
                .unwrap_or_else(|| "the browser refused to store it".into())
        })
}

/// Deletes the meeting in `slot`.
pub fn delete(slot: u32) {
    if let Some(storage) = available() {
        let _ = storage.remove_item(&meeting_key(slot));
    }
}

/// The browser's localStorage, or None where it is missing or blocked (gloo would panic).
fn available() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The stars an attendee gave in a meeting (by the meeting's identity, see
/// `share::identity`): session ids, kept in this browser only.
pub fn stars(identity: &str) -> Vec<u32> {
    available()
        .and_then(|s| s.get_item(&stars_key(identity)).ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Keeps the stars of a meeting; says why when the browser refuses.
pub fn save_stars(identity: &str, stars: &[u32]) -> Result<(), String> {
    let storage = available().ok_or("this browser does not allow local storage here")?;
    let text = serde_json::to_string(stars).unwrap_or_default();
    storage
        .set_item(&stars_key(identity), &text)
        .map_err(|_| "the browser refused to store the stars".to_string())
}

fn stars_key(identity: &str) -> String {
    format!("agenda-planner.stars.{identity}")
}

/// Stores a meeting file's text (already checked) as a new meeting of the planner in this
/// browser and makes it the one the planner opens; returns its slot. Nothing stored is
/// overwritten.
pub fn save_copy(text: &str) -> Result<u32, String> {
    let mut library = library();
    let slot = library.add();
    save_text(slot, text)?;
    set_current(slot);
    Ok(slot)
}
