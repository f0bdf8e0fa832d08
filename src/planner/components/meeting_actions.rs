//! Meeting-wide actions: restore the sample, start blank; each asks before replacing.

use leptos::prelude::*;

use crate::domain::{Edit, Meeting};
use crate::planner::state::{use_app_state, SaveState};
use crate::ui::lazy::NotLoaded;
use crate::ui::notice::Notice;

/// Which replacement is waiting for confirmation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Replacement {
    Sample,
    Blank,
}

impl Replacement {
    fn describe(self) -> &'static str {
        match self {
            Replacement::Sample => "the sample meeting",
            Replacement::Blank => "a blank meeting",
        }
    }

    /// The meeting that replaces the open one (the sample's code loads the first time, and
    /// may fail to without a connection).
    async fn meeting(self) -> Result<Meeting, NotLoaded> {
        match self {
            Replacement::Sample => crate::planner::sample::load().await,
            Replacement::Blank => Ok(Meeting::blank(crate::web::clock::today())),
        }
    }
}

/// "Restore the sample" and "Start a blank meeting", with an inline confirmation, and the
/// save status.
#[component]
pub fn MeetingActions() -> impl IntoView {
    let state = use_app_state();
    let pending = RwSignal::new(None::<Replacement>);
    let confirm = move |_| {
        let Some(choice) = pending.get_untracked() else {
            return;
        };
        pending.set(None);
        leptos::task::spawn_local(async move {
            let notice = match choice.meeting().await {
                Err(e) => Notice::error(format!(
                    "The meeting was not replaced: {e}. Nothing was changed."
                )),
                Ok(meeting) => match state.apply(Edit::Replace(Box::new(meeting))) {
                    Ok(()) => Notice::info(format!("Now showing {}.", choice.describe())),
                    Err(e) => Notice::error(e.to_string()),
                },
            };
            state.notice.set(Some(notice));
        });
    };
    let save_text = move || match state.save_state.get() {
        SaveState::Saved => "Saved in this browser".to_string(),
        SaveState::Untouched => String::new(),
        SaveState::Failed(reason) => format!("Not saved: {reason}"),
    };
    view! {
        <div class="meeting-actions">
            <p class="save-state" role="status">{save_text}</p>
            <button type="button" on:click=move |_| pending.set(Some(Replacement::Sample))>
                "Restore the sample"
            </button>
            <button type="button" on:click=move |_| pending.set(Some(Replacement::Blank))>
                "Start a blank meeting"
            </button>
            {move || pending.get().map(|choice| {
                let question = state.meeting().with_untracked(|m| {
                    format!("Replace “{}” with {}? The current meeting will be lost.", m.title, choice.describe())
                });
                view! {
                    <div class="confirm" role="group" aria-label="Confirm replacing the meeting">
                        <p>{question}</p>
                        <button type="button" class="button--danger" on:click=confirm>"Replace"</button>
                        <button type="button" on:click=move |_| pending.set(None)>"Cancel"</button>
                    </div>
                }
            })}
        </div>
    }
}
