//! `<App/>`: provides the state and lays out the shell.

use leptos::prelude::*;

use crate::components::{meeting_actions::MeetingActions, notice_banner::NoticeBanner};
use crate::pages::agenda::AgendaPage;
use crate::state::provide_app_state;

/// The whole app: header with meeting-wide actions, notices, then the agenda.
#[component]
pub fn App() -> impl IntoView {
    provide_app_state();
    view! {
        <header class="app-bar">
            <p class="app-bar__name">"Agenda planner"</p>
            <MeetingActions/>
        </header>
        <NoticeBanner/>
        <main id="main" class="page">
            <AgendaPage/>
        </main>
    }
}
