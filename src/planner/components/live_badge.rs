//! The top bar's word on a shared meeting: live, offline (changes will sync), or refused.

use leptos::prelude::*;

use crate::planner::state::{use_app_state, Live};

#[component]
pub fn LiveBadge() -> impl IntoView {
    let state = use_app_state();
    move || {
        let (class, text) = match state.live.get() {
            Live::Off => return None,
            Live::Connecting => ("live-badge", "Shared · connecting…".to_string()),
            Live::On { others } => (
                "live-badge live-badge--on",
                match others.len() {
                    0 => "Shared · live".to_string(),
                    1 => "Shared · live · 1 other organizer here".to_string(),
                    n => format!("Shared · live · {n} other organizers here"),
                },
            ),
            Live::Offline => (
                "live-badge live-badge--off",
                "Offline — changes will sync".to_string(),
            ),
            Live::Refused(why) => (
                "live-badge live-badge--off",
                format!("Not shared: the server refused the link ({why})"),
            ),
        };
        Some(view! { <p class=class role="status">{text}</p> })
    }
}
