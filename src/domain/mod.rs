//! The meeting model and its rules: pure Rust, no browser or UI crates, tested natively.

pub mod attendee;
pub mod check;
pub mod edit;
pub mod fields;
pub mod generate;
pub mod ids;
pub mod meeting;
pub mod person;
pub mod programme;
pub mod sample;
pub mod schedule;
pub mod session;
pub mod validate;

pub use edit::{Details, Edit, EditError, History, Item, ItemId};
pub use ids::{DayId, PersonId, RoomId, SessionId, ThemeId};
pub use meeting::{Day, Meeting, Room, Theme};
pub use person::{Availability, Category, Person};
pub use session::{
    Participant, Placement, Role, RunItem, Session, SessionKind, Status, Template, TEMPLATES,
};
pub use validate::ValidationError;
