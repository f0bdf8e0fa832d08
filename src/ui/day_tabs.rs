//! Day tabs: one tab per programme day, with arrow-key navigation (ARIA tabs pattern).

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use crate::domain::schedule::short_date;
use crate::domain::{Day, DayId};

/// A tab list of the meeting's days.
#[component]
pub fn DayTabs(
    /// The days, in order.
    #[prop(into)]
    days: Signal<Vec<Day>>,
    /// The day whose sessions are shown.
    #[prop(into)]
    selected: Signal<Option<DayId>>,
    /// Called with the day the user picks.
    #[prop(into)]
    on_select: Callback<DayId>,
) -> impl IntoView {
    // Arrow keys, Home and End move between tabs and select the one they land on.
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let ids: Vec<DayId> = days.with(|d| d.iter().map(|d| d.id).collect());
        let Some(at) = selected
            .get()
            .and_then(|s| ids.iter().position(|&id| id == s))
        else {
            return;
        };
        let target = match ev.key().as_str() {
            "ArrowRight" => (at + 1) % ids.len(),
            "ArrowLeft" => (at + ids.len() - 1) % ids.len(),
            "Home" => 0,
            "End" => ids.len() - 1,
            _ => return,
        };
        ev.prevent_default();
        on_select.run(ids[target]);
        if let Some(tab) = document()
            .get_element_by_id(&format!("day-tab-{}", ids[target]))
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = tab.focus();
        }
    };

    view! {
        <div class="day-tabs" role="tablist" aria-label="Days" on:keydown=on_keydown>
            {move || days.get().into_iter().map(|day| {
                let id = day.id;
                let is_selected = move || selected.get() == Some(id);
                view! {
                    <button
                        type="button"
                        role="tab"
                        class="day-tabs__tab"
                        id=format!("day-tab-{id}")
                        aria-controls="day-panel"
                        aria-selected=move || is_selected().to_string()
                        tabindex=move || if is_selected() { "0" } else { "-1" }
                        on:click=move |_| on_select.run(id)
                    >
                        <span class="day-tabs__label">{day.label}</span>
                        <span class="day-tabs__date">{short_date(day.date)}</span>
                    </button>
                }
            }).collect_view()}
        </div>
    }
}
