//! Newtype ids: a session id can never be passed where a person id is expected.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta] $name:ident),* $(,)?) => {$(
        #[$doc]
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    )*};
}

id_type! {
    /// Identifies a [`crate::domain::Day`] within its meeting.
    DayId,
    /// Identifies a [`crate::domain::Room`] within its meeting.
    RoomId,
    /// Identifies a [`crate::domain::Theme`] within its meeting.
    ThemeId,
    /// Identifies a [`crate::domain::Person`] within its meeting.
    PersonId,
    /// Identifies a [`crate::domain::Session`] within its meeting.
    SessionId,
}

/// The next free id for a list of items: one more than the largest in use.
pub fn next_id(ids: impl Iterator<Item = u32>) -> u32 {
    ids.max().map_or(1, |m| m + 1)
}
