//! Meeting-wide actions: restore the sample (asks first: it replaces the open meeting) and
//! start a blank meeting (a new one; the open meeting stays in Meetings).

use leptos::prelude::*;

use crate::domain::{Edit, Meeting};
use crate::planner::state::{use_app_state, SaveState};
use crate::ui::notice::Notice;

/// "Restore the sample" (with an inline confirmation: it replaces the open meeting, which
/// *Undo* brings back) and "Start a blank meeting" (a new meeting beside the open one, which
/// stays in Meetings), and the save status.
#[component]
pub fn MeetingActions() -> impl IntoView {
    let state = use_app_state();
    let pending = RwSignal::new(false);
    let confirm = move |_| {
        pending.set(false);
        leptos::task::spawn_local(async move {
            // The sample's code loads the first time, and may fail to without a connection.
            let notice = match crate::planner::sample::load().await {
                Err(e) => Notice::error(format!(
                    "The meeting was not replaced: {e}. Nothing was changed."
                )),
                Ok(meeting) => match state.apply(Edit::Replace(Box::new(meeting))) {
                    Ok(()) => Notice::info(
                        "Now showing the sample meeting; Undo brings back the one before.",
                    ),
                    Err(e) => Notice::error(e.to_string()),
                },
            };
            state.notice.set(Some(notice));
        });
    };
    let start_blank = move |_| {
        let kept = state.meeting().with_untracked(|m| m.title.clone());
        let notice = match state.create(Meeting::blank(crate::web::clock::today())) {
            Ok(_) => Notice::info(format!(
                "Started a blank meeting. “{kept}” is kept in Meetings."
            )),
            Err(e) => Notice::error(format!("No blank meeting was started: {e}.")),
        };
        state.notice.set(Some(notice));
    };
    let save_text = move || match state.save_state.get() {
        SaveState::Saved => "Saved in this browser".to_string(),
        SaveState::Untouched => String::new(),
        SaveState::Failed(reason) => format!("Not saved: {reason}"),
    };
    view! {
        <div class="meeting-actions">
            <p class="save-state" role="status">{save_text}</p>
            <button type="button" on:click=move |_| pending.set(true)>
                "Restore the sample"
            </button>
            <button type="button" on:click=start_blank>
                "Start a blank meeting"
            </button>
            {move || pending.get().then(|| {
                let question = state.meeting().with_untracked(|m| {
                    format!("Replace “{}” with the sample meeting? Undo brings it back.", m.title)
                });
                view! {
                    <div class="confirm" role="group" aria-label="Confirm replacing the meeting">
                        <p>{question}</p>
                        <button type="button" class="button--danger" on:click=confirm>"Replace"</button>
                        <button type="button" on:click=move |_| pending.set(false)>"Cancel"</button>
                    </div>
                }
            })}
        </div>
    }
}
