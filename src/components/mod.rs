//! One component per file, named for what it shows.

pub mod check_status;
pub mod day_tabs;
pub mod file_import;
pub mod findings_panel;
pub mod form_fields;
pub mod meeting_actions;
pub mod meeting_header;
pub mod notice_banner;
pub mod rename_form;
pub mod session_card;
pub mod session_editor;
pub mod share_link;
pub mod theme_legend;
pub mod undo_redo;
