//! The sessions an attendee starred, kept in this browser per meeting (by the meeting's
//! identity, so a new share link or publication of the same meeting keeps them).

use crate::domain::SessionId;
use crate::storage::keys;
use crate::storage::kv::KeyValue;

/// The stars given in the meeting with this identity (kept as a JSON list of session ids,
/// `[3,7,12]`; what is not a number is skipped).
pub fn load(store: &dyn KeyValue, identity: &str) -> Vec<SessionId> {
    store
        .get(&keys::stars(identity))
        .ok()
        .flatten()
        .map(|text| {
            text.trim_matches(|c: char| c == '[' || c == ']' || c.is_whitespace())
                .split(',')
                .filter_map(|n| n.trim().parse().ok().map(SessionId))
                .collect()
        })
        .unwrap_or_default()
}

/// Keeps the stars of a meeting; says why when the browser refuses.
pub fn save(store: &dyn KeyValue, identity: &str, stars: &[SessionId]) -> Result<(), String> {
    let ids: Vec<String> = stars.iter().map(|s| s.0.to_string()).collect();
    let text = format!("[{}]", ids.join(","));
    store
        .set(&keys::stars(identity), &text)
        .map_err(|e| format!("the stars could not be kept: {e}"))
}

/// `stars` with `id` added, or taken out when it was there.
pub fn toggled(mut stars: Vec<SessionId>, id: SessionId) -> Vec<SessionId> {
    if let Some(i) = stars.iter().position(|x| *x == id) {
        stars.remove(i);
    } else {
        stars.push(id);
    }
    stars
}
