//! `<App/>`: provides the state, wires its named effects, and lays out the shell.

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use super::components::live_badge::LiveBadge;
use super::components::{
    check_status::CheckStatus, file_import::FileDrop, meeting_actions::MeetingActions,
    save_file::save_as_file, undo_redo::UndoRedo,
};
use super::live::{self, Action};
use super::pages::{
    edit::EditPage, export::ExportPage, meetings::MeetingsPage, programme::ProgrammePage,
};
use super::route::Route;
use super::state::{provide_app_state, AppState};
use crate::storage::browser::BrowserStore;
use crate::storage::build::updated_since_last_visit;
use crate::storage::share::LinkData;
use crate::ui::lazy::flat;
use crate::ui::lazy::{lazy_view, NotLoaded};
use crate::ui::notice::{Notice, NoticeBanner};
use crate::web::{dom, js};

/// Whether the page's address is a share link or a published file (`?src=`): those are the
/// attendee view's.
fn opens_view() -> bool {
    let hash = dom::location_hash();
    hash.strip_prefix('#')
        .and_then(LinkData::from_fragment)
        .is_some()
        || dom::location_search()
            .trim_start_matches('?')
            .split('&')
            .any(|pair| pair.starts_with("src="))
}

/// The planner. A share link or `?src=` opened at its address goes to the attendee view
/// (`view/`), a page of its own that phones load much faster.
#[component]
pub fn App() -> impl IntoView {
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        if opens_view() {
            js::open_in_view();
        }
    });
    on_cleanup(move || listener.remove());
    if opens_view() {
        js::open_in_view();
        return view! { <main id="main" class="page"><p role="status">"Opening the schedule…"</p></main> }.into_any();
    }
    view! { <Planner/> }.into_any()
}

/// Effect "persist": the meeting is written after each change is painted (at once in a
/// hidden page, which paints nothing: a change another tab's save brought in), and before the
/// page is hidden or left. Then the first screen of what is stored is kept for the next visit
/// (also at the start, for a meeting stored without one).
fn persist(state: AppState) {
    let build = js::app_build();
    Effect::new(move |_| {
        state.meeting().track();
        let build = build.clone();
        dom::after_paint_or_hidden(move || {
            state.flush();
            state.keep_first_screen(&build);
        });
    });
    let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| state.flush());
    let leaving = window_event_listener(leptos::ev::pagehide, move |_| state.flush());
    on_cleanup(move || {
        hidden.remove();
        leaving.remove();
    });
}

/// Effect "tab sync": another tab saved the open meeting.
fn tab_sync(state: AppState) {
    let listener = window_event_listener(leptos::ev::storage, move |ev| {
        let Some(key) = ev.key() else { return };
        if state.watched_keys().contains(&key) {
            state.other_tab_saved();
        }
    });
    on_cleanup(move || listener.remove());
}

/// Effect "checks": the findings follow every change, right after it is painted.
fn checks(state: AppState) {
    Effect::new(move |ran: Option<()>| {
        state.meeting().track();
        // The first time too when the findings are not there yet (the app's first paint).
        if ran.is_some() || !state.checked.get_untracked() {
            dom::after_paint(move || state.run_checks());
        }
    });
}

/// Effect "address": the screen follows the address (Back, Forward, a typed link) and the
/// address and the document title follow the screen.
fn address(state: AppState) {
    state.route.set(Route::parse(&dom::location_hash()));
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let route = Route::parse(&dom::location_hash());
        if state.route.get_untracked() != route {
            state.route.set(route);
        }
    });
    on_cleanup(move || listener.remove());
    Effect::new(move |_| {
        let route = state.route.get();
        if Route::parse(&dom::location_hash()) != route {
            dom::set_hash(&route.href());
        }
    });
    let title = Memo::new(move |_| state.meeting().with(|m| m.title.clone()));
    Effect::new(move |_| dom::set_title(&title.with(|t| state.route.get().title(t))));
}

/// Effect "live": a shared meeting's changes go to the co-organizers as they are made, and
/// the open meeting's link to the sync server follows which meeting is open. The sync code
/// loads only for a shared meeting.
fn live_sync(state: AppState) {
    Effect::new(move |_| {
        state.meeting().track();
        if let Some(hooks) = state.live_hooks.get_value() {
            hooks.edited.run(());
        }
    });
    Effect::new(move |_| {
        let slot = state.slot();
        if live::is_shared(slot) || state.live_hooks.get_value().is_some() {
            live_action(state, Action::Resume);
        }
    });
}

/// Runs a live action once its code is there; a failure is said in the notice.
fn live_action(state: AppState, action: Action) {
    leptos::task::spawn_local(async move {
        if let Err(e) = flat(live::act(state, action).await) {
            state.notice.set(Some(Notice::error(e)));
        }
    });
}

/// The Edit screen: its code loads when it is first shown.
#[wasm_split(edit_screen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn edit_screen() -> Result<AnyView, NotLoaded> {
    Ok(untrack(|| view! { <EditPage/> }.into_any()))
}

/// The Export screen (and the exports): loaded when first shown.
#[wasm_split(export_screen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn export_screen() -> Result<AnyView, NotLoaded> {
    Ok(untrack(|| view! { <ExportPage/> }.into_any()))
}

/// The Meetings screen: loaded when first shown.
#[wasm_split(meetings_screen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn meetings_screen() -> Result<AnyView, NotLoaded> {
    Ok(untrack(|| view! { <MeetingsPage/> }.into_any()))
}

/// The planner: header with navigation and meeting-wide actions, notices, then a screen.
#[component]
fn Planner() -> impl IntoView {
    let state = provide_app_state();
    // An edit link: the shared meeting opens (a new meeting here, filled from the server).
    let join = Some(dom::location_hash()).filter(|h| h.starts_with("#join="));
    if join.is_some() {
        dom::set_hash(&Route::Programme.href());
    }
    persist(state);
    tab_sync(state);
    checks(state);
    address(state);
    live_sync(state);
    if let Some(link) = join {
        live_action(state, Action::Join(link));
    }
    if updated_since_last_visit(&BrowserStore, "planner", &js::app_build())
        && state.notice.with_untracked(Option::is_none)
    {
        state.notice.set(Some(Notice::info(
            "The planner was updated to a new version since your last visit.",
        )));
    }
    provide_context(crate::planner::components::file_import::ImportReview::new());
    let screen = Memo::new(move |_| state.route.get().screen());
    let nav_link = move |target: Route, label: &'static str| {
        view! {
            <a
                href=target.href()
                class="app-bar__nav-button"
                aria-current=move || (screen.get() == target).then_some("page")
            >
                {label}
            </a>
        }
    };
    let save_file = Callback::new(move |()| {
        if let Err(e) = save_as_file(state) {
            state.notice.set(Some(Notice::error(format!(
                "Not saved as a file either: {e}."
            ))));
        }
    });
    view! {
        <a class="skip-link" href="#main" on:click=|ev| {
            ev.prevent_default();
            dom::reveal("main".into());
        }>"Skip to the content"</a>
        <header class="app-bar">
            <p class="app-bar__name">"Agenda planner"</p>
            <nav class="app-bar__nav" aria-label="Screens">
                {nav_link(Route::Programme, "Programme")}
                {nav_link(Route::Edit(Default::default()), "Edit")}
                {nav_link(Route::Export, "Export")}
                {nav_link(Route::Meetings, "Meetings")}
            </nav>
            <button type="button" class="app-bar__nav-button" on:click=move |_| {
                state.route.set(Route::Export);
                dom::reveal("share".into());
            }>"Share"</button>
            <CheckStatus/>
            <LiveBadge/>
            <UndoRedo/>
            <MeetingActions/>
        </header>
        <NoticeBanner notice=state.notice on_save_file=save_file on_undo=move |_| state.undo()/>
        <FileDrop/>
        <main id="main" class="page" tabindex="-1">
            {move || match screen.get() {
                Route::Programme => view! { <ProgrammePage/> }.into_any(),
                Route::Edit(_) => {
                    dom::stylesheet("edit-css", "edit.css");
                    lazy_view(edit_screen)
                }
                Route::Export => lazy_view(export_screen),
                Route::Meetings => lazy_view(meetings_screen),
            }}
        </main>
    }
}
