//! The latest message for the user.

use leptos::prelude::*;

use crate::state::{use_app_state, NoticeKind};

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
                    <button type="button" on:click=move |_| state.notice.set(None)>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    }
}
