//! The attendee view: a read-only schedule opened from a share link (`#s=…`) or a
//! published file (`?src=…`), its own small bundle (`view.html`, bin `attendee`). Day tabs;
//! a list on phones and a time × room grid on wide screens; filters by theme, room, text and
//! stars, kept in the address; stars kept in this browser; now and next; a session's details;
//! the people directory. It never touches the planner's stored meetings, unless the attendee
//! presses "Save a copy".
//! Rule: stands on the core, `web` and `ui`; never imports `planner`.

mod detail;
mod directory;
mod filters;
mod grid;
mod places;
mod root;
mod schedule;
mod shown;
mod stars;

pub use root::{AttendeeRoot, ViewSource};
