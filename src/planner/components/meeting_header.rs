//! The meeting's title block.

use leptos::prelude::*;

use crate::planner::state::use_app_state;

/// Title, edition, dates, venue, host, timezone and description of the meeting. A few nodes,
/// so the block is rebuilt as one when the meeting changes rather than bound field by field.
#[component]
pub fn MeetingHeader() -> impl IntoView {
    let state = use_app_state();
    move || {
        state.meeting().with(|m| {
            let (dates, place) = (m.dates_label(), m.place_label());
            let host = (!m.host.trim().is_empty()).then(|| format!("Hosted by {}", m.host));
            view! {
                <header class="meeting-header">
                    <p class="meeting-header__edition">{m.edition.clone()}</p>
                    <h1 class="meeting-header__title">{m.title.clone()}</h1>
                    <p class="meeting-header__when-where">
                        <span>{dates}</span>
                        <span>{place}</span>
                    </p>
                    <p class="meeting-header__facts">
                        <span>{host}</span>
                        <span>{format!("All times are local to the venue ({})", m.timezone)}</span>
                    </p>
                    <p class="meeting-header__description">{m.description.clone()}</p>
                </header>
            }
        })
    }
}
