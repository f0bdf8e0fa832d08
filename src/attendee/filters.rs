//! Finding sessions: search, themes, rooms, starred only (all kept in the address), behind a
//! "Filters" button so that on a phone the first sessions are on the first screen; their
//! code loads when the button is first pressed.

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::domain::attendee::ViewState;
use crate::domain::Meeting;
use crate::ui::lazy::{lazy_view, NotLoaded};

/// The "Filters" button (saying how many are on), "Clear filters", and the filters once
/// opened.
pub(super) fn filter_bar(
    meeting: StoredValue<Meeting>,
    view_state: RwSignal<ViewState>,
) -> AnyView {
    let open = RwSignal::new(false);
    view! {
        <div class="filter-bar">
            <button type="button" class="filter-bar__toggle" aria-controls="filters"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || match view_state.with(ViewState::filter_count) {
                    0 => "Filters".to_string(),
                    n => format!("Filters ({n} on)"),
                }}
            </button>
            <button type="button" hidden=move || !view_state.with(ViewState::is_filtered)
                on:click=move |_| view_state.update(ViewState::clear_filters)>
                "Clear filters"
            </button>
        </div>
        {move || open.get().then(|| lazy_view(move || filter_panel(meeting, view_state)))}
    }
    .into_any()
}

/// The filters: loaded when first opened.
#[wasm_split(filter_panel, wasm_split_path = ::leptos::wasm_split, fallible)]
fn filter_panel(
    meeting: StoredValue<Meeting>,
    view_state: RwSignal<ViewState>,
) -> Result<AnyView, NotLoaded> {
    Ok(untrack(|| {
        meeting
            .try_with_value(|m| filters(m, view_state))
            .unwrap_or_else(|| ().into_any())
    }))
}

/// Search, themes, rooms, starred only.
fn filters(m: &Meeting, view_state: RwSignal<ViewState>) -> AnyView {
    let themes = m
        .themes
        .iter()
        .map(|t| {
            let id = t.id;
            view! {
                <label class="check theme-filter" style:--theme-colour=t.colour.clone()>
                    <input type="checkbox"
                        prop:checked=move || view_state.with(|v| v.themes.contains(&id))
                        on:change:target=move |ev| { let on = ev.target().checked(); view_state.update(|v| toggle(&mut v.themes, id, on)); }/>
                    {t.name.clone()}
                </label>
            }
        })
        .collect_view();
    let rooms = m
        .rooms
        .iter()
        .map(|r| {
            let id = r.id;
            view! {
                <label class="check">
                    <input type="checkbox"
                        prop:checked=move || view_state.with(|v| v.rooms.contains(&id))
                        on:change:target=move |ev| { let on = ev.target().checked(); view_state.update(|v| toggle(&mut v.rooms, id, on)); }/>
                    {r.name.clone()}
                </label>
            }
        })
        .collect_view();
    let has_themes = !m.themes.is_empty();
    let has_rooms = m.rooms.len() > 1;
    view! {
        <search class="filters" id="filters" aria-label="Find sessions">
            <div class="field">
                <label for="attendee-search">"Search titles, people and organizations"</label>
                <input id="attendee-search" type="search"
                    prop:value=move || view_state.with(|v| v.query.clone())
                    on:input:target=move |ev| view_state.update(|v| v.query = ev.target().value())/>
            </div>
            {has_themes.then(|| view! { <fieldset><legend>"Themes"</legend>{themes}</fieldset> })}
            {has_rooms.then(|| view! { <fieldset><legend>"Rooms"</legend>{rooms}</fieldset> })}
            <label class="check">
                <input type="checkbox"
                    prop:checked=move || view_state.with(|v| v.starred_only)
                    on:change:target=move |ev| view_state.update(|v| v.starred_only = ev.target().checked())/>
                "Starred only"
            </label>
        </search>
    }
    .into_any()
}

fn toggle<T: PartialEq>(list: &mut Vec<T>, item: T, on: bool) {
    list.retain(|x| *x != item);
    if on {
        list.push(item);
    }
}
