//! Where the attendee view's meeting comes from (a share link's fragment or a published
//! file's address), loading it, and the page for a link that cannot be opened.

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use super::schedule::Schedule;
use crate::domain::attendee::ViewState;
use crate::domain::Meeting;
use crate::storage::browser::BrowserStore;
use crate::storage::build::updated_since_last_visit;
use crate::storage::published::{decode_published, is_published};
use crate::storage::share::{deflated_bytes, LinkData};
use crate::ui::lazy::{flat, NotLoaded};
use crate::web::{dom, files, js};

/// A meeting file of our own (what share links and published files were before the
/// published form): its reader loads only for such a file.
#[wasm_split(decode_meeting_file, wasm_split_path = ::leptos::wasm_split, fallible)]
fn decode_meeting_file(text: String) -> Result<Result<Meeting, String>, NotLoaded> {
    Ok(
        crate::storage::decode_envelope(&crate::storage::json::lone_surrogates_replaced(&text))
            .map_err(|e| e.to_string()),
    )
}

/// The text a share link made before `#s=` carries (lz-string): its reader loads only for
/// such a link.
#[wasm_split(old_link_text, wasm_split_path = ::leptos::wasm_split, fallible)]
fn old_link_text(data: String) -> Result<Result<String, String>, NotLoaded> {
    Ok(crate::storage::share::lz_text(&data).map_err(|e| e.to_string()))
}

/// The text a share link carries, as sent.
async fn link_text(data: LinkData) -> Result<String, String> {
    match data {
        LinkData::Deflated(data) => {
            let bytes = deflated_bytes(&data).map_err(|e| e.to_string())?;
            files::inflate(&bytes).await.map_err(|e| e.to_string())
        }
        LinkData::Lz(data) => flat(old_link_text(data).await),
    }
}

/// The meeting a received text holds: the published form, or our meeting file.
async fn meeting_of(text: &str) -> Result<Meeting, String> {
    if is_published(text) {
        decode_published(text).map_err(|e| e.to_string())
    } else {
        flat(decode_meeting_file(text.to_string()).await)
    }
}

/// Where the attendee view's meeting comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ViewSource {
    /// The data after `#s=` (or `#share=` in links made before).
    Share(LinkData),
    /// The address in `?src=`.
    Published(String),
}

impl ViewSource {
    /// The source the page's address names, if any.
    pub fn from_location() -> Option<ViewSource> {
        ViewSource::parse(&dom::location_hash(), &dom::location_search())
    }

    /// The source an address's fragment and query name, if any: a share link's fragment
    /// wins over a published file's `?src=`.
    pub fn parse(hash: &str, search: &str) -> Option<ViewSource> {
        if let Some(data) = hash.strip_prefix('#').and_then(LinkData::from_fragment) {
            return Some(ViewSource::Share(data));
        }
        ViewState::from_query(search)
            .source
            .map(ViewSource::Published)
    }
}

/// The page for a link that cannot be opened: what is wrong, and what to do.
fn error_page(reason: String) -> AnyView {
    view! {
        <main id="main" class="page attendee-error">
            <h1>"This schedule link cannot be opened"</h1>
            <p role="alert">{reason}</p>
            <p>"Ask the organizer for the link again, or for the published programme (PDF or HTML)."</p>
            <p><a href="../">"Open the agenda planner"</a></p>
        </main>
    }
    .into_any()
}

/// Another share link opened in this tab changes only the fragment: load the page again so
/// it shows what the new address says.
pub fn reload_on_new_source() {
    let shown = ViewSource::from_location();
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        if ViewSource::from_location() != shown {
            dom::reload_page();
        }
    });
    on_cleanup(move || listener.remove());
}

/// The attendee view as a page of its own: the source from the address, or a page saying
/// that there is none.
#[component]
pub fn AttendeeRoot() -> impl IntoView {
    reload_on_new_source();
    let updated = updated_since_last_visit(&BrowserStore, "attendee", &js::app_build());
    let page = match ViewSource::from_location() {
        Some(source) => view! { <AttendeeApp source=source/> }.into_any(),
        None => {
            dom::remove_shell();
            error_page(
                "The address holds no schedule: a share link ends in “#s=…”, a published one has “?src=…”."
                    .to_string(),
            )
        }
    };
    // Over the foot of the page, not above the schedule: the first sessions stay on a
    // phone's first screen.
    let shown = RwSignal::new(updated);
    view! {
        {page}
        <div class="update-notice" role="status" hidden=move || !shown.get()>
            <p>"This schedule view was updated to a new version since your last visit."</p>
            <button type="button" on:click=move |_| shown.set(false)>"Dismiss"</button>
        </div>
    }
}

/// The attendee view: loads the meeting, then shows it or says what is wrong. While it loads,
/// the page's shell stays: "Loading the schedule…", or the first screen of a published file
/// as its loader drew it (tools/preview.js); it goes when the schedule or the error shows.
#[component]
pub fn AttendeeApp(source: ViewSource) -> impl IntoView {
    // The meeting, and its file's text (kept as received for "Save a copy"); taken, not
    // cloned, by the schedule.
    let loaded = RwSignal::new(None::<Result<(), String>>);
    let data = StoredValue::new(None::<(Meeting, String)>);
    let finish = move |result: Result<(Meeting, String), String>| match result {
        Ok(pair) => {
            data.set_value(Some(pair));
            loaded.set(Some(Ok(())));
        }
        Err(e) => loaded.set(Some(Err(e))),
    };
    leptos::task::spawn_local(async move {
        let result = match source {
            ViewSource::Share(data) => match link_text(data).await {
                Err(e) => Err(e),
                Ok(text) => meeting_of(&text)
                    .await
                    .map(|m| (m, text))
                    .map_err(|e| format!("The link's schedule cannot be read: {e}")),
            },
            ViewSource::Published(url) => match files::fetch_text(&url).await {
                Err(e) => Err(format!(
                    "The file at “{url}” could not be fetched ({e}). It must be on this site, or on a server this site allows (its Content-Security-Policy) and that allows this site (CORS)."
                )),
                Ok(text) => meeting_of(&text)
                    .await
                    .map(|m| (m, text))
                    .map_err(|e| format!("The file at “{url}” is not a meeting file that can be shown: {e}")),
            },
        };
        finish(result);
    });
    Effect::new(move || {
        if loaded.with(Option::is_some) {
            dom::remove_shell();
        }
    });
    move || match loaded.get() {
        None => ().into_any(),
        Some(Err(reason)) => error_page(reason),
        Some(Ok(())) => match data.try_update_value(Option::take).flatten() {
            Some((meeting, text)) => view! { <Schedule meeting=meeting text=text/> }.into_any(),
            None => ().into_any(),
        },
    }
}
