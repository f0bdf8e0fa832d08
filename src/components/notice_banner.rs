//! The latest message for the user.

use leptos::prelude::*;

use crate::state::{use_app_state, NoticeKind};

/// Downloads the open meeting as our JSON file (the Meetings screen's button, and when the
/// browser could not store it).
pub fn save_as_file(state: crate::state::AppState) -> Result<(), String> {
    state.meeting.with_untracked(|m| {
        let text = crate::platform::pretty_json(&crate::storage::encode(m));
        let format = crate::export::Format::Json;
        crate::platform::download(&format.file_name(m), format.mime(), &text)
    })
}

/// The notice's button: if even the download fails, say so.
fn save_as_file_or_say(state: crate::state::AppState) {
    if let Err(e) = save_as_file(state) {
        state.notice.set(Some(crate::state::Notice::error(format!(
            "Not saved as a file either: {e}."
        ))));
    }
}

/// Shows the current notice (an alert for errors, a status for information) until dismissed.
#[component]
pub fn NoticeBanner() -> impl IntoView {
    let state = use_app_state();
    move || {
        state.notice.get().map(|notice| {
            let role = match notice.kind {
                NoticeKind::Error => "alert",
                NoticeKind::Info => "status",
            };
            view! {
                <div class=format!("notice notice--{}", notice.kind.as_str()) role=role>
                    <p>{notice.text}</p>
                    {notice.offer_file.then(|| view! {
                        <button type="button" on:click=move |_| save_as_file_or_say(state)>"Save as file"</button>
                    })}
                    <button type="button" on:click=move |_| state.notice.set(None)>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    }
}
