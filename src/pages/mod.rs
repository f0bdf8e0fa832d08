//! One file per screen.

pub mod agenda;
pub mod export;
