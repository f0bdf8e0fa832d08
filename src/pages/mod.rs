//! One file per screen.

pub mod agenda;
