//! Several organizers on one meeting: the meeting as a Yjs document ([`doc`]), ordered by
//! fractional keys ([`keys`]). Pure: no browser and no network here (the app's sync layer and
//! the tests bring the socket).

pub mod client;
pub mod doc;
pub mod keys;
pub mod links;
pub mod protocol;
pub mod publication;
