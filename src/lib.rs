//! Agenda planner: plan a multi-day meeting's sessions, people, roles, rooms and themes in
//! the browser, and show attendees its schedule.
//!
//! One crate, two apps over one pure core. Data flows one way: the core ([`domain`],
//! [`forms`], [`storage`]'s envelope, [`export`], [`import`]) → the reactive state of each app →
//! its components. Layers, lowest first; each module imports only from those below it
//! (`make lint` checks it):
//!
//! 1. [`domain`]: the meeting model and its rules (pure).
//! 2. [`forms`]: field names, form actions and parsers (pure).
//! 3. [`storage`], [`export`], [`import`]: stored bytes, files out, files in (pure but for
//!    `storage::browser`, the localStorage side of the storage port); [`sync`]: the meeting as
//!    a Yjs document for several organizers at once (pure).
//! 4. [`web`]: browser glue by job (js interop, clock, files, dom).
//! 5. [`ui`]: components both apps use.
//! 6. [`planner`] and [`attendee`]: the two apps; neither imports the other.

pub mod domain;
pub mod export;
pub mod forms;
pub mod import;
pub mod storage;
pub mod sync;

#[cfg(feature = "attendee")]
pub mod attendee;
#[cfg(feature = "planner")]
pub mod planner;
pub mod ui;
pub mod web;
