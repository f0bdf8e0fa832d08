//! localStorage glue (browser only): a few lines around the pure functions of the parent.

use gloo_storage::{LocalStorage, Storage};

use super::{encode, startup, Startup};
use crate::domain::Meeting;

/// Key of the current meeting.
pub const MEETING_KEY: &str = "agenda-planner.meeting";

/// Reads storage and decides what to start with, with the stored text itself. Unreadable text
/// is first copied to a new backup key (named by the time, so no earlier backup is replaced),
/// whose name is returned.
pub fn load() -> (Startup, Option<String>, Option<String>) {
    let stored = read();
    let outcome = startup(stored.clone());
    let backup = match (&outcome, available()) {
        (Startup::Unreadable { raw, .. }, Some(s)) => {
            let key = format!("{MEETING_KEY}.backup-{}", js_sys::Date::now() as u64);
            s.set_item(&key, raw).ok().map(|()| key)
        }
        _ => None,
    };
    (outcome, backup, stored)
}

/// The stored text of the meeting, if any.
pub fn read() -> Option<String> {
    available().and_then(|s| s.get_item(MEETING_KEY).ok().flatten())
}

/// Saves the meeting and returns the text stored. The error says why (usually: storage full).
pub fn save(meeting: &Meeting) -> Result<String, String> {
    if available().is_none() {
        return Err("this browser does not allow local storage here".into());
    }
    let text = encode(meeting);
    LocalStorage::raw()
        .set_item(MEETING_KEY, &text)
        .map_err(|e| {
            js_sys::Error::from(e)
                .to_string()
                .as_string()
                .unwrap_or_else(|| "the browser refused to store it".into())
        })?;
    Ok(text)
}

/// The browser's localStorage, or None where it is missing or blocked (gloo would panic).
fn available() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}
