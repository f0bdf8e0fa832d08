//! Every storage key the apps use, in one place.
//!
//! Slot 0 is the key the first meeting has always been stored under, so meetings saved before
//! there was a library are its first entry; further meetings get numbered keys. Beside each
//! meeting: its revision stamp (what another tab compares to notice a save cheaply) and its
//! undo history. None of these, nor a backup, reads as a meeting key.

/// Key of the first meeting (slot 0 of the library).
pub const MEETING: &str = "agenda-planner.meeting";

/// Key of the library index (which meeting is open).
pub const LIBRARY: &str = "agenda-planner.library";

/// Key of the open meeting's first screen, drawn while the planner's code loads
/// (`storage::first_screen`).
pub const FIRST_SCREEN: &str = "agenda-planner.first-screen";

/// Prefix of the copies of unreadable stored text.
pub const BACKUP_PREFIX: &str = "agenda-planner.meeting.backup-";

/// Storage key of the meeting in `slot`.
pub fn meeting(slot: u32) -> String {
    if slot == 0 {
        MEETING.to_string()
    } else {
        format!("{MEETING}.{slot}")
    }
}

/// The revision stamp of the meeting in `slot`: changes with every save.
pub fn revision(slot: u32) -> String {
    format!("{}.rev", meeting(slot))
}

/// The undo history of the meeting in `slot`.
pub fn history(slot: u32) -> String {
    format!("{}.history", meeting(slot))
}

/// The named versions (snapshots) of the meeting in `slot` (`storage::versions`).
pub fn versions(slot: u32) -> String {
    format!("{}.versions", meeting(slot))
}

/// The shared meeting in `slot` is live: its edit link, and its publication's (`sync`).
pub fn live(slot: u32) -> String {
    format!("{}.live", meeting(slot))
}

/// The shared meeting's Yjs document as this browser last had it (base64url of its state), so
/// that edits made offline merge when the server is back, also after a reload.
pub fn live_state(slot: u32) -> String {
    format!("{}.live-state", meeting(slot))
}

/// Where a copy of unreadable text is kept: named by the text's digest, so the same text is
/// copied once however often it is found.
pub fn backup(digest: &str) -> String {
    format!("{BACKUP_PREFIX}{digest}")
}

/// The stars an attendee gave in a meeting (by its identity, `domain::names::identity`).
pub fn stars(identity: &str) -> String {
    format!("agenda-planner.stars.{identity}")
}

/// The published schedule of a meeting (by its identity) the attendee view last showed.
pub fn seen(identity: &str) -> String {
    format!("agenda-planner.seen.{identity}")
}

/// The slot a storage key belongs to, if it is a meeting key.
pub fn slot_of(key: &str) -> Option<u32> {
    let rest = key.strip_prefix(MEETING)?;
    if rest.is_empty() {
        return Some(0);
    }
    let digits = rest.strip_prefix('.')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// The build of `app` ("planner", "attendee") this browser last ran.
pub fn build(app: &str) -> String {
    format!("agenda-planner.build.{app}")
}
