//! Saving the open meeting as a file: our JSON, indented for people to keep and compare.

use leptos::prelude::*;

use crate::planner::state::AppState;
use crate::web::files;

/// Downloads the open meeting as our JSON file (the Meetings screen's button, and when the
/// browser could not store it).
pub fn save_as_file(state: AppState) -> Result<(), String> {
    state.meeting().with_untracked(|m| {
        let text = files::pretty_json(&crate::storage::encode(m));
        let format = crate::export::Format::Json;
        files::download(&format.file_name(m), format.mime(), &text)
    })
}
