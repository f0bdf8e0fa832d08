//! Renaming the meeting: the first edit control, with inline validation.

use leptos::prelude::*;

use crate::domain::Edit;
use crate::forms::names::TITLE;
use crate::planner::state::use_app_state;
use crate::web::dom::Submitted;

/// A form to change the meeting's title; a refused title shows its message beside the field.
#[component]
pub fn RenameForm() -> impl IntoView {
    let state = use_app_state();
    // None: nothing tried yet; Some(Ok): saved; Some(Err(message)): refused.
    let outcome = RwSignal::new(None::<Result<(), String>>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        let Some(form) = Submitted::from_event(&ev) else {
            return;
        };
        let title = form.field(TITLE).unwrap_or_default();
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
                    name=TITLE
                    type="text"
                    maxlength="300"
                    prop:value=move || state.meeting().with(|m| m.title.clone())
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
