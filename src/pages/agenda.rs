//! The agenda screen: the meeting's details, then its programme one day at a time.

use leptos::prelude::*;

use crate::components::{
    day_tabs::DayTabs, meeting_header::MeetingHeader, rename_form::RenameForm,
    session_card::SessionCard, theme_legend::ThemeLegend,
};
use crate::domain::programme::{NameStyle, SessionEntry};
use crate::domain::schedule::long_date;
use crate::domain::DayId;
use crate::platform::{self, BATCH, FIRST_BATCH};
use crate::state::use_app_state;

/// The meeting by day: tabs for the days, the selected day's sessions in time order.
#[component]
pub fn AgendaPage() -> impl IntoView {
    let state = use_app_state();
    let chosen = RwSignal::new(None::<DayId>);
    let days = Memo::new(move |_| {
        state
            .meeting
            .with(|m| m.days_in_order().into_iter().cloned().collect::<Vec<_>>())
    });
    // The chosen day while it exists, else the first day.
    let current = Memo::new(move |_| {
        days.with(|days| {
            chosen
                .get()
                .and_then(|id| days.iter().find(|d| d.id == id))
                .or(days.first())
                .cloned()
        })
    });
    let entries = Memo::new(move |_| {
        current
            .with(|day| day.as_ref().map(|d| d.id))
            .map(|id| {
                state
                    .meeting
                    .with(|m| m.programme_day(id, NameStyle::default()))
            })
            .unwrap_or_default()
    });
    let selected_id = Signal::derive(move || current.with(|d| d.as_ref().map(|d| d.id)));
    // A long day is drawn a batch at a time: the first sessions at once, more after each
    // paint, so the page shows quickly whatever the meeting's size.
    let limit = RwSignal::new(FIRST_BATCH);
    fn grow(limit: RwSignal<usize>, entries: Memo<Vec<SessionEntry>>) {
        platform::after_paint(move || {
            let total = entries.try_with_untracked(Vec::len).unwrap_or(0);
            if let Some(now) = limit.try_update(|l| {
                if *l < total {
                    *l += BATCH;
                }
                *l
            }) {
                if now < total {
                    grow(limit, entries);
                }
            }
        });
    }
    Effect::new(move |_| {
        current.track();
        limit.set(FIRST_BATCH);
        grow(limit, entries);
    });
    let shown = move || entries.with(|e| e.iter().take(limit.get()).cloned().collect::<Vec<_>>());

    view! {
        <MeetingHeader/>
        <RenameForm/>
        <ThemeLegend/>
        <section class="programme" aria-labelledby="programme-heading">
            <h2 id="programme-heading">"Programme"</h2>
            {move || current.with(Option::is_none).then(|| view! {
                <p class="empty">"This meeting has no days yet."</p>
            })}
            <DayTabs
                days=days
                selected=selected_id
                on_select=move |id| chosen.set(Some(id))
            />
            <div
                class="day-panel"
                role="tabpanel"
                id="day-panel"
                tabindex="0"
                hidden=move || current.with(Option::is_none)
                aria-labelledby=move || {
                    selected_id.get().map(|id| format!("day-tab-{id}")).unwrap_or_default()
                }
            >
                <h3 class="day-panel__date">
                    {move || current.with(|d| d.as_ref().map(|d| long_date(d.date)))}
                </h3>
                {move || entries.with(Vec::is_empty).then(|| view! {
                    <p class="empty">"No sessions on this day yet."</p>
                })}
                <ol class="session-list">
                    <For
                        each=shown
                        key=|entry| entry.clone()
                        children=move |entry| view! { <li><SessionCard entry=entry/></li> }
                    />
                </ol>
            </div>
        </section>
    }
}
