//! Browser glue by job, for both apps: the few things the core cannot do itself. Thin by
//! design; everything decided here is decided elsewhere.
//! Rule: stands on `domain` and `forms`; knows nothing of either app or of `ui`.

pub mod clock;
pub mod dom;
pub mod files;
pub mod js;
pub mod socket;
