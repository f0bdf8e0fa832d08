//! The findings count in the top bar: always visible, coloured by the worst open finding;
//! pressing it opens the checks panel in the editor.

use leptos::prelude::*;

use crate::domain::check::{counts, summary};
use crate::planner::route::{EditPart, Route};
use crate::planner::state::use_app_state;

#[component]
pub fn CheckStatus() -> impl IntoView {
    let state = use_app_state();
    let tally = Memo::new(move |_| state.findings.with(|f| counts(f)));
    let class = move || {
        let (errors, warnings, _) = tally.get();
        if errors > 0 {
            "check-status check-status--error"
        } else if warnings > 0 {
            "check-status check-status--warning"
        } else {
            "check-status"
        }
    };
    view! {
        <button
            type="button"
            class=class
            aria-label=move || if state.checked.get() {
                format!("Checks: {}", summary(tally.get()))
            } else {
                "Checks: checking…".to_string()
            }
            on:click=move |_| {
                // Checks whose code could not be loaded yet are tried again.
                if !state.checked.get_untracked() {
                    state.run_checks();
                }
                state.route.set(Route::Edit(EditPart::Checks));
            }
        >
            {move || if state.checked.get() { summary(tally.get()) } else { "Checking…".to_string() }}
        </button>
    }
}
