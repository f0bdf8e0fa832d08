//! What changed in a published schedule since this browser last showed it: the attendee view
//! keeps the last published text it showed, per meeting (by its identity), and on the next
//! visit lists what moved, was retitled, added or removed, and who joined or left a session.

use super::keys;
use super::kv::KeyValue;
use super::published::{decode_published, is_published};
use crate::domain::changes::{changes, Change};

/// Most changes listed; the rest are counted.
pub const MAX_LISTED: usize = 8;

/// The changes from the text this browser last showed for `identity` to `text` (none on a
/// first visit, or when either is not in the published form), as lines for the attendee;
/// then keeps `text` as the one shown. Keeping it may fail (a full storage): the schedule
/// shows all the same, and the next visit lists nothing.
pub fn changes_since_last_visit(store: &dyn KeyValue, identity: &str, text: &str) -> Vec<String> {
    if !is_published(text) {
        return Vec::new();
    }
    let key = keys::seen(identity);
    let before = store.get(&key).ok().flatten();
    if before.as_deref() != Some(text) {
        let _ = store.set(&key, text);
    }
    let Some(before) = before.filter(|b| b != text) else {
        return Vec::new();
    };
    let (Ok(old), Ok(new)) = (decode_published(&before), decode_published(text)) else {
        return Vec::new();
    };
    let found: Vec<String> = changes(&old, &new)
        .into_iter()
        .filter(|c| !matches!(c, Change::PersonAdded { .. } | Change::PersonRemoved { .. }))
        .map(|c| c.to_string())
        .collect();
    let mut lines: Vec<String> = found.iter().take(MAX_LISTED).cloned().collect();
    if found.len() > MAX_LISTED {
        lines.push(format!("…and {} more.", found.len() - MAX_LISTED));
    }
    lines
}
