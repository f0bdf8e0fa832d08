//! The meeting's title block.

use leptos::prelude::*;

use crate::domain::schedule::date_range_label;
use crate::state::use_app_state;

/// Title, edition, dates, venue, host, timezone and description of the meeting.
#[component]
pub fn MeetingHeader() -> impl IntoView {
    let state = use_app_state();
    let meeting = state.meeting;
    let field =
        move |f: fn(&crate::domain::Meeting) -> &String| move || meeting.with(|m| f(m).clone());
    let dates = move || {
        meeting.with(|m| {
            m.date_range()
                .map(|(a, b)| date_range_label(a, b))
                .unwrap_or_default()
        })
    };
    let place = move || {
        meeting.with(|m| {
            [m.venue.as_str(), m.city.as_str()]
                .into_iter()
                .filter(|s| !s.trim().is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    view! {
        <header class="meeting-header">
            <p class="meeting-header__edition">{field(|m| &m.edition)}</p>
            <h1 class="meeting-header__title">{field(|m| &m.title)}</h1>
            <p class="meeting-header__when-where">
                <span>{dates}</span>
                <span>{place}</span>
            </p>
            <p class="meeting-header__facts">
                {move || {
                    let host = meeting.with(|m| m.host.clone());
                    (!host.trim().is_empty()).then(|| view! { <span>"Hosted by " {host}</span> })
                }}
                <span>"All times are local to the venue (" {field(|m| &m.timezone)} ")"</span>
            </p>
            <p class="meeting-header__description">{field(|m| &m.description)}</p>
        </header>
    }
}
