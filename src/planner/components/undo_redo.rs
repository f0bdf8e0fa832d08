//! Undo and Redo: buttons, and Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y anywhere but in a text
//! field (where the browser's own undo of the typing is what people expect).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::planner::state::use_app_state;

/// Which history step a key press asks for.
fn shortcut(key: &str, command: bool, shift: bool) -> Option<bool> {
    match (command, key, shift) {
        (true, "z" | "Z", false) => Some(false),
        (true, "z" | "Z", true) | (true, "y" | "Y", false) => Some(true),
        _ => None,
    }
}

/// The Undo and Redo buttons, and the keyboard shortcuts for them.
#[component]
pub fn UndoRedo() -> impl IntoView {
    let state = use_app_state();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let in_field = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if in_field {
            return;
        }
        if let Some(redo) = shortcut(&ev.key(), ev.ctrl_key() || ev.meta_key(), ev.shift_key()) {
            ev.prevent_default();
            if redo {
                state.redo();
            } else {
                state.undo();
            }
        }
    });
    on_cleanup(move || handle.remove());
    view! {
        <div class="undo-redo" role="group" aria-label="History">
            <button type="button" on:click=move |_| state.undo() disabled=move || !state.can_undo.get() aria-keyshortcuts="Control+Z Meta+Z">
                "Undo"
            </button>
            <button type="button" on:click=move |_| state.redo() disabled=move || !state.can_redo.get() aria-keyshortcuts="Control+Shift+Z Control+Y Meta+Shift+Z">
                "Redo"
            </button>
        </div>
    }
}
