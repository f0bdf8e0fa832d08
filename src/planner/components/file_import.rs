//! Importing a file as a new meeting: from the Meetings screen's file button, or dropped
//! anywhere on the page. Meeting files, frab/c3voc schedule JSON and XML, and pretalx's
//! widget JSON are recognised by their content; the report says what came in and what not.

use leptos::prelude::*;

use crate::import::{import, ImportError, Imported, MAX_BYTES};
use crate::planner::state::{use_app_state, AppState};
use crate::ui::notice::Notice;
use crate::web::clock::BrowserOffsets;
use crate::web::files::read_text;

/// Reads `file` and opens what it holds as a new meeting, or says why not (nothing stored
/// changes then).
pub fn import_file(state: AppState, file: web_sys::File) {
    let name = file.name();
    if file.size() > MAX_BYTES as f64 {
        state.notice.set(Some(Notice::error(format!(
            "“{name}” is too large to import (over 10 MB); nothing was changed."
        ))));
        return;
    }
    leptos::task::spawn_local(async move {
        let imported = match read_text(&file).await {
            Some(text) => Some(import_text(text).await),
            None => None,
        };
        let notice = match imported {
            None => Notice::error(format!("“{name}” could not be read; nothing was changed.")),
            Some(Err(e)) => Notice::error(format!(
                "“{name}” cannot be opened: {e} Nothing was changed."
            )),
            Some(Ok(Imported { meeting, report })) => match state.create(meeting) {
                Ok(_) => {
                    let mut text =
                        format!("Opened “{name}” as a new meeting. {}", report.summary());
                    for note in &report.notes {
                        text.push(' ');
                        text.push_str(note);
                    }
                    Notice::info(text)
                }
                Err(e) => Notice::error(format!("“{name}” could not be stored: {e}.")),
            },
        };
        state.notice.set(Some(notice));
    });
}

/// The importers: loaded when a file is first imported.
#[lazy]
fn import_text(text: String) -> Result<Imported, ImportError> {
    import(&text, &BrowserOffsets)
}

/// Whether a drag carries files (not a session being moved in the editor).
fn has_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer()
        .is_some_and(|dt| dt.types().includes(&"Files".into(), 0))
}

/// Drop a file anywhere on the page to import it; a hint covers the page while dragging.
#[component]
pub fn FileDrop() -> impl IntoView {
    let state = use_app_state();
    let dragging = RwSignal::new(false);
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        if has_files(&ev) {
            ev.prevent_default();
            dragging.set(true);
        }
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |ev| {
        // Left the window (no element under the pointer any more).
        if ev.related_target().is_none() {
            dragging.set(false);
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        dragging.set(false);
        let file = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            ev.prevent_default();
            import_file(state, file);
        }
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
    });
    move || {
        dragging.get().then(|| {
            view! {
                <div class="drop-hint" aria-hidden="true">
                    <p>"Drop the file to import it as a new meeting"</p>
                    <p class="drop-hint__formats">"Meeting file, frab/c3voc schedule.json or schedule.xml, pretalx schedule JSON"</p>
                </div>
            }
        })
    }
}
