//! `<App/>`: provides the state and lays out the shell.

use leptos::either::EitherOf4;
use leptos::prelude::*;

use crate::components::{
    check_status::CheckStatus, file_import::FileDrop, meeting_actions::MeetingActions,
    notice_banner::NoticeBanner, undo_redo::UndoRedo,
};
use crate::pages::attendee::{AttendeeApp, ViewSource};
use crate::pages::{
    agenda::AgendaPage, editor::EditorPage, export::ExportPage, meetings::MeetingsPage,
};
use crate::state::{provide_app_state, Screen};

/// The whole app: the attendee view when the address carries a schedule (a share link or
/// `?src=`), else the planner.
#[component]
pub fn App() -> impl IntoView {
    // A share link opened in a tab already showing the app changes only the fragment: load
    // the page again so it opens as the link says.
    let shown = ViewSource::from_location();
    let hash_listener = window_event_listener(leptos::ev::hashchange, move |_| {
        if ViewSource::from_location() != shown {
            crate::platform::reload_page();
        }
    });
    on_cleanup(move || hash_listener.remove());
    match ViewSource::from_location() {
        Some(source) => view! { <AttendeeApp source=source/> }.into_any(),
        None => view! { <Planner/> }.into_any(),
    }
}

/// The planner: header with navigation and meeting-wide actions, notices, then a screen.
#[component]
fn Planner() -> impl IntoView {
    let state = provide_app_state();
    let screen = state.screen;
    // Another tab saved the meeting: show its version.
    let storage_listener = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key() == Some(state.storage_key()) {
            state.other_tab_saved();
        }
    });
    on_cleanup(move || storage_listener.remove());
    let nav_button = move |target: Screen, label: &'static str| {
        view! {
            <button
                type="button"
                class="app-bar__nav-button"
                aria-current=move || (screen.get() == target).then_some("page")
                on:click=move |_| screen.set(target)
            >
                {label}
            </button>
        }
    };
    view! {
        <header class="app-bar">
            <p class="app-bar__name">"Agenda planner"</p>
            <nav class="app-bar__nav" aria-label="Screens">
                {nav_button(Screen::Programme, "Programme")}
                {nav_button(Screen::Edit, "Edit")}
                {nav_button(Screen::Export, "Export")}
                {nav_button(Screen::Meetings, "Meetings")}
            </nav>
            <button type="button" class="app-bar__nav-button" on:click=move |_| {
                screen.set(Screen::Export);
                crate::platform::reveal("share".into());
            }>"Share"</button>
            <CheckStatus/>
            <UndoRedo/>
            <MeetingActions/>
        </header>
        <NoticeBanner/>
        <FileDrop/>
        <main id="main" class="page">
            {move || match screen.get() {
                Screen::Programme => EitherOf4::A(view! { <AgendaPage/> }),
                Screen::Edit => EitherOf4::B(view! { <EditorPage/> }),
                Screen::Export => EitherOf4::C(view! { <ExportPage/> }),
                Screen::Meetings => EitherOf4::D(view! { <MeetingsPage/> }),
            }}
        </main>
    }
}
