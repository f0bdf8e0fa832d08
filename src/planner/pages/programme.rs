//! The Programme screen: the meeting's details, then its programme one day at a time.

use leptos::prelude::*;

use crate::domain::programme::NameStyle;
use crate::domain::schedule::long_date;
use crate::domain::{DayId, SessionId};
use crate::planner::components::{
    meeting_header::MeetingHeader, rename_form::RenameForm, theme_legend::ThemeLegend,
};
use crate::planner::state::use_app_state;
use crate::ui::day_tabs::DayTabs;
use crate::ui::session_card::SessionCard;
use crate::web::dom::{after_paint, BATCH, FIRST_BATCH};

/// The meeting by day: tabs for the days, the selected day's sessions in time order.
#[component]
pub fn ProgrammePage() -> impl IntoView {
    let state = use_app_state();
    let meeting = state.meeting();
    let chosen = RwSignal::new(None::<DayId>);
    let days = Memo::new(move |_| {
        meeting.with(|m| m.days_in_order().into_iter().cloned().collect::<Vec<_>>())
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
    let selected_id = Signal::derive(move || current.with(|d| d.as_ref().map(|d| d.id)));
    // The day's sessions by id, in programme order; each card reads its own entry.
    let ids = Memo::new(move |_| {
        let Some(day) = selected_id.get() else {
            return Vec::new();
        };
        meeting.with(|m| {
            m.sessions_on(day)
                .iter()
                .map(|s| s.id)
                .collect::<Vec<SessionId>>()
        })
    });
    // A long day is drawn a batch at a time: the first sessions at once, more after each
    // paint, so the page shows quickly whatever the meeting's size.
    let limit = RwSignal::new(FIRST_BATCH);
    fn grow(limit: RwSignal<usize>, ids: Memo<Vec<SessionId>>) {
        after_paint(move || {
            let total = ids.try_with_untracked(Vec::len).unwrap_or(0);
            if let Some(now) = limit.try_update(|l| {
                if *l < total {
                    *l += BATCH;
                }
                *l
            }) {
                if now < total {
                    grow(limit, ids);
                }
            }
        });
    }
    Effect::new(move |_| {
        selected_id.track();
        limit.set(FIRST_BATCH);
        grow(limit, ids);
    });
    let shown = move || ids.with(|ids| ids.iter().take(limit.get()).copied().collect::<Vec<_>>());
    let card = move |id: SessionId| {
        let entry = Memo::new(move |_| {
            meeting.with(|m| m.session(id).map(|s| m.entry(s, NameStyle::default())))
        });
        move || {
            entry
                .get()
                .map(|entry| view! { <SessionCard entry=entry/> })
        }
    };

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
                {move || ids.with(Vec::is_empty).then(|| view! {
                    <p class="empty">"No sessions on this day yet."</p>
                })}
                <ol class="session-list">
                    <For each=shown key=|id| *id let:id>
                        <li>{card(id)}</li>
                    </For>
                </ol>
            </div>
        </section>
    }
}
