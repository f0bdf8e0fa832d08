//! Stored bytes go through this module only.
//!
//! A meeting is stored as a versioned envelope:
//! `{ "format": "agenda-planner", "version": N, "meeting": … }`.
//! [`decode`] checks the envelope, migrates older versions, refuses newer ones, and validates
//! the meeting, with an error that says what is wrong and where. The functions here are pure;
//! the browser glue lives in [`local`].

pub mod local;

use serde::Serialize;
use serde_json::Value;
use thiserror::Error;

use crate::domain::{Meeting, ValidationError};

/// The `format` field of every file and stored value we write.
pub const FORMAT: &str = "agenda-planner";
/// The envelope version this build writes; it reads this and every older one.
pub const VERSION: u64 = 1;

/// Why stored text or a file could not be read as a meeting.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error("it is not valid JSON ({message} at line {line}, column {column})")]
    NotJson {
        message: String,
        line: usize,
        column: usize,
    },
    #[error("it is not an agenda-planner file (expected \"format\": \"agenda-planner\"{found})")]
    WrongFormat { found: String },
    #[error("its \"version\" is missing or not a whole number")]
    MissingVersion,
    #[error("it was written by a newer version of the planner (file version {found}, this app reads up to {supported}); update the app to open it")]
    NewerVersion { found: u64, supported: u64 },
    #[error("it has no \"meeting\"")]
    MissingMeeting,
    #[error("the meeting has a wrong value at {path}: {message}")]
    BadField { path: String, message: String },
    #[error("the meeting is not consistent: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<ValidationError>),
}

/// A meeting in the current envelope, ready to serialize.
#[derive(Serialize)]
pub struct Envelope<'a> {
    format: &'static str,
    version: u64,
    meeting: &'a Meeting,
}

/// Wraps a meeting in the current envelope.
pub fn envelope(meeting: &Meeting) -> Envelope<'_> {
    Envelope {
        format: FORMAT,
        version: VERSION,
        meeting,
    }
}

/// The meeting as stored text (compact JSON in the current envelope).
pub fn encode(meeting: &Meeting) -> String {
    // Serializing plain structs with string keys cannot fail.
    serde_json::to_string(&envelope(meeting)).unwrap_or_default()
}

/// The meeting as a pretty-printed file for people to keep and diff.
pub fn encode_pretty(meeting: &Meeting) -> String {
    serde_json::to_string_pretty(&envelope(meeting)).unwrap_or_default()
}

/// Reads stored text or a file: envelope, migration, fields, then consistency.
pub fn decode(text: &str) -> Result<Meeting, DecodeError> {
    let value: Value = serde_json::from_str(text).map_err(|e| DecodeError::NotJson {
        message: describe_json_error(&e),
        line: e.line(),
        column: e.column(),
    })?;
    let Value::Object(mut envelope) = value else {
        return Err(DecodeError::WrongFormat {
            found: ", found something that is not an object".into(),
        });
    };
    match envelope.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => {
            return Err(DecodeError::WrongFormat {
                found: format!(", found {}", short(other)),
            })
        }
        None => {
            return Err(DecodeError::WrongFormat {
                found: ", found no \"format\"".into(),
            })
        }
    }
    let version = envelope
        .get("version")
        .and_then(Value::as_u64)
        .filter(|v| *v >= 1)
        .ok_or(DecodeError::MissingVersion)?;
    if version > VERSION {
        return Err(DecodeError::NewerVersion {
            found: version,
            supported: VERSION,
        });
    }
    let meeting = envelope
        .remove("meeting")
        .ok_or(DecodeError::MissingMeeting)?;
    let meeting = migrate(version, meeting);
    let meeting: Meeting =
        serde_path_to_error::deserialize(meeting).map_err(|e| DecodeError::BadField {
            path: readable_path(&e.path().to_string()),
            message: e.inner().to_string(),
        })?;
    let errors = meeting.validate();
    if errors.is_empty() {
        Ok(meeting)
    } else {
        Err(DecodeError::Invalid(errors))
    }
}

/// Brings a meeting value of an older envelope version up to [`VERSION`].
/// Version 1 is the first: there is nothing older to migrate yet. A new version adds a step
/// here (`if version < 2 { … }`) and a fixture of the old version in `tests/storage.rs`.
fn migrate(_version: u64, meeting: Value) -> Value {
    meeting
}

fn describe_json_error(e: &serde_json::Error) -> String {
    let text = e.to_string();
    // serde_json appends " at line L column C"; we report those separately.
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

fn readable_path(path: &str) -> String {
    if path == "." || path.is_empty() {
        "the top level".into()
    } else {
        format!("meeting.{path}")
    }
}

fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(40).collect::<String>())
    } else {
        text
    }
}

/// What the app starts with, decided from what storage holds.
#[derive(Debug, PartialEq, Eq)]
pub enum Startup {
    /// Nothing stored: show the sample.
    Fresh(Meeting),
    /// The stored meeting.
    Loaded(Meeting),
    /// Stored text that could not be read. The app shows the sample, keeps `raw` under a
    /// backup key and says why; it never writes over the stored text unseen.
    Unreadable {
        sample: Meeting,
        raw: String,
        error: DecodeError,
    },
}

/// Decides what to start with from the stored text (if any).
pub fn startup(stored: Option<String>) -> Startup {
    match stored {
        None => Startup::Fresh(crate::domain::sample::sample_meeting()),
        Some(raw) => match decode(&raw) {
            Ok(meeting) => Startup::Loaded(meeting),
            Err(error) => Startup::Unreadable {
                sample: crate::domain::sample::sample_meeting(),
                raw,
                error,
            },
        },
    }
}
