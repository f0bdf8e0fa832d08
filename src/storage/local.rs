//! localStorage glue (browser only): a few lines around the pure functions of the parent.

use gloo_storage::{LocalStorage, Storage};

use super::{envelope, startup, Startup};
use crate::domain::Meeting;

/// Key of the current meeting.
pub const MEETING_KEY: &str = "agenda-planner.meeting";

/// Reads storage and decides what to start with. Unreadable text is first copied to a new
/// backup key (named by the time, so no earlier backup is replaced), whose name is returned.
pub fn load() -> (Startup, Option<String>) {
    let storage = available();
    let stored = storage
        .as_ref()
        .and_then(|s| s.get_item(MEETING_KEY).ok().flatten());
    let outcome = startup(stored);
    let backup = match (&outcome, &storage) {
        (Startup::Unreadable { raw, .. }, Some(s)) => {
            let key = format!("{MEETING_KEY}.backup-{}", js_sys::Date::now() as u64);
            s.set_item(&key, raw).ok().map(|()| key)
        }
        _ => None,
    };
    (outcome, backup)
}

/// Saves the meeting. The error says why (usually that storage is full).
pub fn save(meeting: &Meeting) -> Result<(), String> {
    if available().is_none() {
        return Err("this browser does not allow local storage here".into());
    }
    LocalStorage::set(MEETING_KEY, envelope(meeting)).map_err(|e| e.to_string())
}

/// The browser's localStorage, or None where it is missing or blocked (gloo would panic).
fn available() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}
