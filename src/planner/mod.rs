//! The planner: the organizers' app (`index.html`, bin `agenda-planner`).
//! Rule: stands on the core, `web` and `ui`; never imports `attendee`. Components only map
//! events to core functions and state methods.

pub mod app;
pub mod components;
pub mod live;
pub mod pages;
pub mod route;
pub mod sample;
pub mod state;

pub use app::App;
