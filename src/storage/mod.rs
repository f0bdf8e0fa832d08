//! Stored bytes go through this module only.
//!
//! A meeting is stored as a versioned envelope:
//! `{ "format": "agenda-planner", "version": N, "meeting": … }`.
//! [`decode`] checks the envelope, migrates older versions, refuses newer ones, and validates
//! the meeting, with an error that says what is wrong and where. The functions here are pure;
//! the browser glue lives in [`local`].

pub mod library;
pub mod local;

use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
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
    #[error("the meeting has a wrong value at line {line}, column {column}: {message}")]
    BadField {
        message: String,
        line: usize,
        column: usize,
    },
    #[error("the meeting is not consistent: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<ValidationError>),
}

/// A meeting in the current envelope, ready to serialize.
#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u64,
    meeting: &'a Meeting,
}

/// Wraps a meeting in the current envelope.
fn envelope(meeting: &Meeting) -> Envelope<'_> {
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

/// The envelope's `format`, read first (unknown fields, the meeting among them, are skipped).
#[derive(Deserialize)]
struct FormatField {
    format: Option<String>,
}

/// The envelope's `version` and whether it has a meeting, read once the format is ours.
#[derive(Deserialize)]
struct VersionField {
    version: Option<u64>,
    meeting: Option<IgnoredAny>,
}

/// The meeting, read in full once the envelope is known to be ours.
#[derive(Deserialize)]
struct Body {
    meeting: Meeting,
}

/// Reads stored text or a file: envelope, version, fields, then consistency.
pub fn decode(text: &str) -> Result<Meeting, DecodeError> {
    let not_json = |e: serde_json::Error| DecodeError::NotJson {
        message: describe(&e),
        line: e.line(),
        column: e.column(),
    };
    // Syntax first, so a broken file is reported as such wherever the break is.
    let format = match serde_json::from_str::<FormatField>(text) {
        Ok(header) => header.format,
        Err(e) if e.is_syntax() || e.is_eof() => return Err(not_json(e)),
        Err(_) => {
            return Err(DecodeError::WrongFormat {
                found: ", found something else".into(),
            })
        }
    };
    match format {
        Some(f) if f == FORMAT => {}
        Some(f) => {
            return Err(DecodeError::WrongFormat {
                found: format!(", found \"{}\"", short(&f)),
            })
        }
        None => {
            return Err(DecodeError::WrongFormat {
                found: ", found no \"format\"".into(),
            })
        }
    }
    let header =
        serde_json::from_str::<VersionField>(text).map_err(|_| DecodeError::MissingVersion)?;
    let version = header
        .version
        .filter(|v| *v >= 1)
        .ok_or(DecodeError::MissingVersion)?;
    if version > VERSION {
        return Err(DecodeError::NewerVersion {
            found: version,
            supported: VERSION,
        });
    }
    if header.meeting.is_none() {
        return Err(DecodeError::MissingMeeting);
    }
    // Version 1 is the first: there is nothing older to migrate yet. A version 2 reads
    // older files into a `serde_json::Value`, upgrades them step by step, and keeps a
    // fixture of every old version in `tests/storage.rs`.
    let body: Body = serde_json::from_str(text).map_err(|e| DecodeError::BadField {
        message: describe(&e),
        line: e.line(),
        column: e.column(),
    })?;
    let errors = body.meeting.validate();
    if errors.is_empty() {
        Ok(body.meeting)
    } else {
        Err(DecodeError::Invalid(errors))
    }
}

/// serde_json's message in plain words, without its trailing " at line L column C"
/// (reported separately).
fn describe(e: &serde_json::Error) -> String {
    if e.is_eof() {
        return "the text ends before the JSON is complete".into();
    }
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

fn short(text: &str) -> String {
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(40).collect::<String>())
    } else {
        text.to_string()
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
