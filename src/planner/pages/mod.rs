//! One file per screen (the Edit screen: one per part).

pub mod edit;
pub mod export;
pub mod meetings;
pub mod programme;
pub mod versions;
