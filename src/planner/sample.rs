//! The sample meeting in the planner. Its data (the R2P meeting with its whole summary, about
//! 7 KB brotli) is code of its own, loaded only when the sample may be shown: before the app
//! starts when the open slot holds no save of this app (a first visit, damaged or foreign
//! text), and for *Restore the sample*. When a save of the app turns out unreadable all the
//! same, the planner shows a blank meeting instead, and says so. Natively it is always there.

use std::cell::RefCell;

use leptos::wasm_split::wasm_split;

use crate::domain::Meeting;
use crate::ui::lazy::NotLoaded;

thread_local! {
    static LOADED: RefCell<Option<Meeting>> = const { RefCell::new(None) };
}

#[cfg(target_arch = "wasm32")]
#[wasm_split(sample_data, wasm_split_path = ::leptos::wasm_split, fallible)]
fn sample_data() -> Result<Meeting, NotLoaded> {
    Ok(crate::domain::sample::sample_meeting())
}

/// A copy in the published form as a meeting file (`storage::envelope_of_published`).
#[wasm_split(published_as_envelope, wasm_split_path = ::leptos::wasm_split, fallible)]
fn published_as_envelope(text: String) -> Result<Option<String>, NotLoaded> {
    Ok(crate::storage::envelope_of_published(&text))
}

/// The sample, loading its code the first time (which fails without a connection; the next
/// call tries again).
pub async fn load() -> Result<Meeting, NotLoaded> {
    if let Some(m) = LOADED.with(|l| l.borrow().clone()) {
        return Ok(m);
    }
    #[cfg(target_arch = "wasm32")]
    let m = sample_data().await?;
    #[cfg(not(target_arch = "wasm32"))]
    let m = crate::domain::sample::sample_meeting();
    LOADED.with(|l| *l.borrow_mut() = Some(m.clone()));
    Ok(m)
}

/// The sample if its code has loaded (natively: always).
pub fn loaded() -> Option<Meeting> {
    #[cfg(not(target_arch = "wasm32"))]
    return Some(crate::domain::sample::sample_meeting());
    #[cfg(target_arch = "wasm32")]
    LOADED.with(|l| l.borrow().clone())
}

/// Before the app is mounted: loads the sample unless the open meeting's slot carries a
/// revision stamp, which only a save of this app writes. Without one the slot holds nothing
/// (a first visit), text this app did not write (damaged, another program's, a hand-made
/// copy) or a save from before stamps: the sample may be shown, so it is at hand. With one,
/// the text is the app's own; if it proves unreadable after all, a blank meeting stands in.
pub async fn prepare() {
    use crate::storage::browser::BrowserStore;
    use crate::storage::kv::KeyValue;
    use crate::storage::library::Library;
    let store = BrowserStore;
    // Copies the attendee view saved in the published form (before it saved meeting files)
    // become meeting files, once, by code loaded only for them: the planner reads its
    // stored meetings as its own envelope.
    for slot in Library::load(&store).slots {
        let key = crate::storage::keys::meeting(slot);
        let Some(text) = store.get(&key).ok().flatten() else {
            continue;
        };
        if crate::storage::published::is_published(&text) {
            // Without the code (no connection), the copy is converted at the next start.
            if let Ok(Some(envelope)) = published_as_envelope(text).await {
                let _ = store.set(&key, &envelope);
            }
        }
    }
    let slot = Library::load(&store).current;
    let stamped = store
        .get(&crate::storage::keys::revision(slot))
        .ok()
        .flatten()
        .is_some();
    if !stamped {
        // Without the sample's code (no connection on a first visit), a blank meeting
        // stands in (`loaded` is `None`).
        let _ = load().await;
    }
}
