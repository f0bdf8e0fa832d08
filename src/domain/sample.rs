//! The embedded sample: the 10th annual meeting of the Global Network of R2P Focal Points
//! (Washington, D.C., 15–16 September 2022), built from the meeting's published summary
//! (`tests/fixtures/r2p-focal-points-10th-annual-meeting-summary.txt`).
//!
//! Every person the summary names is in `sample.json`, in the session where the summary
//! places them. Times, rooms and breaks are not in the summary: they are illustrative, and the
//! meeting's description says so. The data lives in a JSON file of our own meeting format
//! rather than in code: it is smaller in the app, and `tests/sample.rs` checks it against the
//! summary.

use super::meeting::Meeting;

const SAMPLE: &str = include_str!("sample.json");

/// The sample meeting shown on first start.
pub fn sample_meeting() -> Meeting {
    // The file is part of the build and `tests/sample.rs` proves it reads and is valid;
    // an empty meeting here would only mean the build itself is broken.
    serde_json::from_str(SAMPLE).unwrap_or_default()
}
