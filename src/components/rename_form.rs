//! Renaming the meeting: the first edit control, with inline validation.

use leptos::prelude::*;

use crate::domain::Edit;
use crate::state::use_app_state;

/// A form to change the meeting's title; a refused title shows its message beside the field.
#[component]
pub fn RenameForm() -> impl IntoView {
    let state = use_app_state();
    let title = Memo::new(move |_| state.meeting.with(|m| m.title.clone()));
    let draft = RwSignal::new(title.get_untracked());
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    // When the meeting's title changes (a save here, or the whole meeting replaced), follow it.
    Effect::new(move |_| {
        draft.set(title.get());
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match state.apply(Edit::SetTitle(draft.get_untracked())) {
            Ok(()) => {
                error.set(None);
                saved.set(true);
            }
            Err(e) => {
                error.set(Some(e.to_string()));
                saved.set(false);
            }
        }
    };
    view! {
        <details class="edit-panel">
            <summary>"Rename meeting"</summary>
            <form class="field-row" on:submit=on_submit novalidate>
                <label for="meeting-title">"Meeting title"</label>
                <input
                    id="meeting-title"
                    type="text"
                    maxlength="300"
                    bind:value=draft
                    on:input=move |_| saved.set(false)
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    aria-describedby="meeting-title-error"
                />
                <button type="submit">"Save title"</button>
                <p id="meeting-title-error" class="field-error" role="alert">
                    {move || error.get()}
                </p>
                <p class="field-ok" role="status">
                    {move || saved.get().then_some("Title saved.")}
                </p>
            </form>
        </details>
    }
}
