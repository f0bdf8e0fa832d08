//! Renaming the meeting: the first edit control, with inline validation.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::Edit;
use crate::state::use_app_state;

/// A form to change the meeting's title; a refused title shows its message beside the field.
#[component]
pub fn RenameForm() -> impl IntoView {
    let state = use_app_state();
    // None: nothing tried yet; Some(Ok): saved; Some(Err(message)): refused.
    let outcome = RwSignal::new(None::<Result<(), String>>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let title = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
            .and_then(|form| web_sys::FormData::new_with_form(&form).ok())
            .and_then(|data| data.get("title").as_string())
            .unwrap_or_default();
        outcome.set(Some(
            state
                .apply(Edit::SetTitle(title))
                .map_err(|e| e.to_string()),
        ));
    };
    let invalid = move || matches!(outcome.get(), Some(Err(_)));
    view! {
        <details class="edit-panel">
            <summary>"Rename meeting"</summary>
            <form class="field-row" on:submit=on_submit novalidate>
                <label for="meeting-title">"Meeting title"</label>
                <input
                    id="meeting-title"
                    name="title"
                    type="text"
                    maxlength="300"
                    prop:value=move || state.meeting.with(|m| m.title.clone())
                    aria-invalid=move || invalid().to_string()
                    aria-describedby="meeting-title-message"
                />
                <button type="submit">"Save title"</button>
                <p
                    id="meeting-title-message"
                    class=move || if invalid() { "field-error" } else { "field-ok" }
                    role="status"
                >
                    {move || match outcome.get() {
                        Some(Ok(())) => "Title saved.".to_string(),
                        Some(Err(message)) => message,
                        None => String::new(),
                    }}
                </p>
            </form>
        </details>
    }
}
