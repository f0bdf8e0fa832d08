//! Which build of an app this browser ran last, so that a new one is announced once ("updated
//! to a new version") on the visit that takes it.

use super::keys;
use super::kv::KeyValue;

/// Notes that this browser runs `build` of `app`; whether that is a new build since its last
/// visit (not the first visit, and not when nothing can be stored or no build is named).
pub fn updated_since_last_visit(store: &dyn KeyValue, app: &str, build: &str) -> bool {
    if build.is_empty() {
        return false;
    }
    let key = keys::build(app);
    let before = store.get(&key).ok().flatten();
    if before.as_deref() == Some(build) {
        return false;
    }
    // Not stored (full, or forbidden): nothing to compare with next time, no harm done.
    let _ = store.set(&key, build);
    before.is_some_and(|b| !b.is_empty())
}
