//! The planner's components, one per file, named for what they show.

pub mod check_status;
pub mod file_import;
pub mod findings_panel;
pub mod invite;
pub mod live_badge;
pub mod meeting_actions;
pub mod meeting_header;
pub mod person_picker;
pub mod problems;
pub mod rename_form;
pub mod save_file;
pub mod share_link;
pub mod theme_legend;
pub mod undo_redo;
