//! Components both apps use: day tabs, a session as the programme shows it, notices, form
//! fields.
//! Rule: stands on the core and `web`; knows nothing of either app (no app state here: what a
//! component needs comes in as props).

pub mod day_tabs;
pub mod form_fields;
pub mod lazy;
pub mod notice;
pub mod session_card;
