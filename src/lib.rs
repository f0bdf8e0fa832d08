//! Agenda planner: plan a multi-day meeting's sessions, people, roles, rooms and themes in
//! the browser.
//!
//! Data flows one way: [`domain`] (pure rules) → [`state`] (the reactive store) →
//! [`pages`] and [`components`]. [`storage`] sits at the edge: pure encode/decode of the
//! versioned envelope, plus a thin localStorage glue in the browser.

pub mod domain;
pub mod export;
pub mod import;
pub mod share;
pub mod storage;

mod app;
pub mod components;
pub mod pages;
pub mod platform;
pub mod state;

pub use app::App;
