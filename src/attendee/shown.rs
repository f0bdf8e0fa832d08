//! What every part of a shown schedule works with: the meeting, where the attendee is, their
//! stars, and the message line; and what the parts do with them (star a session, download a
//! calendar file).

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use super::stars;
use crate::domain::attendee::ViewState;
use crate::domain::{Meeting, SessionId};
use crate::export::ics::{calendar, CalendarOptions};
use crate::storage::browser::BrowserStore;
use crate::ui::lazy::{flat, NotLoaded};
use crate::web::clock::{now_utc, BrowserOffsets};
use crate::web::files;

/// The schedule on show, as its parts share it (all handles: copied freely).
#[derive(Clone, Copy)]
pub(super) struct Shown {
    pub meeting: StoredValue<Meeting>,
    pub view_state: RwSignal<ViewState>,
    pub stars: RwSignal<Vec<SessionId>>,
    /// The meeting's identity, that the stars are kept under.
    pub key: StoredValue<String>,
    /// The line that says what went wrong (a refused star, a failed download).
    pub message: RwSignal<Option<String>>,
}

impl Shown {
    /// Stars a session, or takes its star away; kept in this browser.
    pub fn toggle_star(self, id: SessionId) {
        self.stars
            .update(|s| *s = stars::toggled(std::mem::take(s), id));
        let result = self
            .stars
            .with_untracked(|s| self.key.with_value(|k| stars::save(&BrowserStore, k, s)));
        self.message.set(result.err());
    }

    /// Downloads the chosen sessions (all when `None`) as an iCalendar file named `name`.
    pub fn download_calendar(self, only: Option<Vec<SessionId>>, name: String) {
        let message = self.message;
        let meeting = self.meeting;
        leptos::task::spawn_local(async move {
            let result = flat(calendar_text(meeting, only).await)
                .and_then(|text| files::download(&name, "text/calendar;charset=utf-8", &text));
            message.set(result.err().map(|e| format!("No calendar file: {e}.")));
        });
    }
}

/// The calendar writer: loaded when a calendar is first downloaded.
#[wasm_split(calendar_text, wasm_split_path = ::leptos::wasm_split, fallible)]
fn calendar_text(
    meeting: StoredValue<Meeting>,
    only: Option<Vec<SessionId>>,
) -> Result<Result<String, String>, NotLoaded> {
    let options = CalendarOptions {
        sessions: only,
        stamp: now_utc(),
        honorifics: true,
    };
    Ok(meeting
        .try_with_value(|m| calendar(m, &options, &BrowserOffsets).map_err(|e| e.to_string()))
        .unwrap_or_else(|| Err("the schedule is no longer shown".into())))
}
