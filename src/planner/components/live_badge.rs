//! The top bar's word on a shared meeting: live, offline (changes will sync), or refused. The
//! words come from the sync layer (`planner::live`), which loads only for a shared meeting.

use leptos::prelude::*;

use crate::planner::state::use_app_state;

#[component]
pub fn LiveBadge() -> impl IntoView {
    let state = use_app_state();
    move || {
        state.live_badge.get().map(|text| {
            let class = if state.live_ok.get() {
                "live-badge live-badge--on"
            } else {
                "live-badge live-badge--off"
            };
            view! { <p class=class role="status">{text}</p> }
        })
    }
}
