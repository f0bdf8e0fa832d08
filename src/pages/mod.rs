//! One file per screen.

pub mod agenda;
pub mod editor;
pub mod export;
pub mod meetings;
