//! `<App/>`: provides the state and lays out the shell.

use leptos::either::EitherOf4;
use leptos::prelude::*;

use crate::components::{
    check_status::CheckStatus, file_import::FileDrop, meeting_actions::MeetingActions,
    notice_banner::NoticeBanner, undo_redo::UndoRedo,
};
use crate::pages::attendee::ViewSource;
use crate::pages::{
    agenda::AgendaPage, editor::EditorPage, export::ExportPage, meetings::MeetingsPage,
};
use crate::state::{provide_app_state, Screen};

/// The planner. A share link or `?src=` opened at its address goes to the attendee view
/// (`view/`), a page of its own that phones load much faster.
#[component]
pub fn App() -> impl IntoView {
    let opens_view = || ViewSource::from_location().is_some();
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        if opens_view() {
            crate::platform::open_in_view();
        }
    });
    on_cleanup(move || listener.remove());
    if opens_view() {
        crate::platform::open_in_view();
        return view! { <main id="main" class="page"><p role="status">"Opening the schedule…"</p></main> }.into_any();
    }
    view! { <Planner/> }.into_any()
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
