//! The meeting model and its rules: pure Rust, tested natively.
//! Rule: nothing here imports a browser or UI crate (leptos, web-sys, js-sys, gloo) or another
//! layer of this crate; everything else stands on it.

pub mod attendee;
pub mod changes;
pub mod check;
pub mod commands;
pub mod edit;
pub mod generate;
pub mod history;
pub mod ids;
pub mod meeting;
pub mod names;
pub mod order;
pub mod person;
pub mod programme;
pub mod rebase;
pub mod record;
pub mod roster;
pub mod sample;
pub mod schedule;
pub mod session;
pub mod settings;
pub mod slots;
pub mod text;
pub mod time;
pub mod timetable;
pub mod validate;

pub use edit::{Details, Edit, EditError, Item, ItemId};
pub use history::History;
pub use ids::{DayId, PersonId, RoomId, SessionId, ThemeId};
pub use meeting::{ByPerson, Day, Meeting, Room, Theme};
pub use person::{Availability, Category, Person};
pub use record::{Recommendation, Record};
pub use session::{
    Participant, Placement, Role, RunItem, Session, SessionKind, Status, Template, TEMPLATES,
};
pub use settings::{CheckSettings, Dismissal};
pub use validate::ValidationError;
