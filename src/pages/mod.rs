//! One file per screen.

pub mod agenda;
pub mod attendee;
pub mod editor;
pub mod export;
pub mod meetings;
