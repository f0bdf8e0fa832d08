//! The meeting's title block.

use leptos::prelude::*;

use crate::domain::schedule::date_range_label;
use crate::domain::Meeting;
use crate::state::use_app_state;

/// "15–16 September 2022" and "Venue, City", each left out when empty.
fn when_and_where(m: &Meeting) -> (String, String) {
    let dates = m
        .date_range()
        .map(|(a, b)| date_range_label(a, b))
        .unwrap_or_default();
    let place = [m.venue.trim(), m.city.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    (dates, place)
}

/// Title, edition, dates, venue, host, timezone and description of the meeting. A few nodes,
/// so the block is rebuilt as one when the meeting changes rather than bound field by field.
#[component]
pub fn MeetingHeader() -> impl IntoView {
    let state = use_app_state();
    move || {
        state.meeting.with(|m| {
            let (dates, place) = when_and_where(m);
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
