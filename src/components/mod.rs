//! One component per file, named for what it shows.

pub mod day_tabs;
pub mod meeting_actions;
pub mod meeting_header;
pub mod notice_banner;
pub mod rename_form;
pub mod session_card;
pub mod theme_legend;
pub mod undo_redo;
