//! The meeting's themes with their colours.

use leptos::prelude::*;

use crate::planner::state::use_app_state;

/// A legend of the themes, so colours on sessions can be read.
#[component]
pub fn ThemeLegend() -> impl IntoView {
    let state = use_app_state();
    let themes = Memo::new(move |_| state.meeting().with(|m| m.themes.clone()));
    view! {
        <section class="theme-legend" aria-labelledby="themes-heading" hidden=move || themes.with(Vec::is_empty)>
                <h2 id="themes-heading">"Themes"</h2>
                <ul class="theme-tags">
                    {move || themes.get().into_iter().map(|t| view! {
                        <li
                            class="theme-tag"
                            style:--theme-colour=t.colour.clone()
                            title=t.description
                        >
                            {t.name}
                        </li>
                    }).collect_view()}
                </ul>
        </section>
    }
}
