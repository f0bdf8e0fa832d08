//! Stored bytes go through this module only.
//!
//! A meeting is stored as a versioned envelope:
//! `{ "format": "agenda-planner", "version": N, "meeting": … }`.
//! [`decode`] checks the envelope, migrates older versions, refuses newer ones, and validates
//! the meeting, with an error that says what is wrong and where.
//! Rule: pure but for [`browser`] (localStorage behind the [`kv::KeyValue`] port); stands on
//! `domain` only. Every key is in [`keys`].

pub mod browser;
pub mod build;
pub mod first_screen;
pub mod json;
pub mod keys;
pub mod kv;
pub mod library;
pub mod published;
pub mod revision;
pub mod seen;
pub mod share;
pub mod versions;

use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::domain::{Edit, History, Meeting, ValidationError};
use kv::{KeyValue, StorageError};
use revision::Revision;

/// The `format` field of every file and stored value we write.
pub const FORMAT: &str = "agenda-planner";
/// The envelope version this build writes; it reads this and every older one.
///
/// - 1: the first.
/// - 2: the meeting's record (introduction, recommendations, closing) and each session's
///   outcomes. A build that reads only version 1 refuses these files, instead of opening
///   them and dropping the record on its next save.
pub const VERSION: u64 = 2;

/// A meeting read from an envelope of `version`, as this version has it. Each step upgrades
/// one version to the next; `tests/storage.rs` keeps a fixture of every old version.
fn upgrade(version: u64, meeting: Meeting) -> Meeting {
    // 1 → 2: nothing to convert. Version 1 has no record and no outcomes, which read as
    // empty; everything else is the same.
    let _ = version;
    meeting
}

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
    #[error("the meeting is not consistent: {}", crate::domain::validate::listed(.0))]
    Invalid(Vec<ValidationError>),
}

/// A meeting in the current envelope, ready to serialize.
#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u64,
    /// The stamp of the save, in the browser's storage (`revision`); readers of the file
    /// ignore it.
    #[serde(skip_serializing_if = "Option::is_none")]
    revision: Option<String>,
    meeting: &'a Meeting,
}

/// Wraps a meeting in the current envelope.
fn envelope(meeting: &Meeting) -> Envelope<'_> {
    Envelope {
        format: FORMAT,
        version: VERSION,
        revision: None,
        meeting,
    }
}

/// The meeting as stored text (compact JSON in the current envelope).
pub fn encode(meeting: &Meeting) -> String {
    // Serializing plain structs with string keys cannot fail.
    serde_json::to_string(&envelope(meeting)).unwrap_or_default()
}

/// The meeting as the browser stores it: compact JSON with the save's stamp inside, so that a
/// text and its stamp are always read together.
pub fn encode_saved(meeting: &Meeting, revision: &Revision) -> String {
    let envelope = Envelope {
        revision: Some(revision.encode()),
        ..envelope(meeting)
    };
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// The stamp a stored text carries (read from its first bytes, without decoding the meeting).
pub fn embedded_revision(text: &str) -> Option<Revision> {
    const FIELD: &str = "\"revision\":\"";
    let head = text.get(..text.len().min(512)).unwrap_or(text);
    let start = head.find(FIELD)? + FIELD.len();
    let end = start + head[start..].find('"')?;
    Revision::parse(&head[start..end])
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

/// Reads stored text or a file: envelope, version, fields, then consistency. A file in the
/// published form (`published`) reads too, with what it leaves out at its defaults.
pub fn decode(text: &str) -> Result<Meeting, DecodeError> {
    if published::is_published(text) {
        return published::decode_published(text);
    }
    decode_envelope(text)
}

/// A copy saved in the published form (as the attendee view's *Save a copy* did before it
/// saved meeting files) as our envelope, for the planner, which reads stored text as its own
/// envelope only (`None`: it is not a published file that can be read).
pub fn envelope_of_published(text: &str) -> Option<String> {
    if !published::is_published(text) {
        return None;
    }
    published::decode_published(text).ok().map(|m| encode(&m))
}

/// The whole envelope in one reading: what a good file takes (a file that fails it is read
/// again, step by step, to say what is wrong).
#[derive(Deserialize)]
struct Whole {
    format: Option<String>,
    version: Option<u64>,
    meeting: Option<Meeting>,
}

/// Reads our own envelope (`{ "format": "agenda-planner", … }`).
pub fn decode_envelope(text: &str) -> Result<Meeting, DecodeError> {
    if let Ok(Whole {
        format: Some(format),
        version: Some(version),
        meeting: Some(meeting),
    }) = serde_json::from_str::<Whole>(text)
    {
        if format == FORMAT && (1..=VERSION).contains(&version) {
            let meeting = upgrade(version, meeting);
            let errors = meeting.validate();
            return if errors.is_empty() {
                Ok(meeting)
            } else {
                Err(DecodeError::Invalid(errors))
            };
        }
    }
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
    let body: Body = serde_json::from_str(text).map_err(|e| DecodeError::BadField {
        message: describe(&e),
        line: e.line(),
        column: e.column(),
    })?;
    let meeting = upgrade(version, body.meeting);
    let errors = meeting.validate();
    if errors.is_empty() {
        Ok(meeting)
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
    /// The stored meeting, and its text as stored.
    Loaded { meeting: Meeting, text: String },
    /// Stored text that could not be read. The app shows the sample, keeps `raw` under a
    /// backup key and says why; it never writes over the stored text unseen.
    Unreadable {
        sample: Meeting,
        raw: String,
        error: DecodeError,
    },
}

/// Decides what to start with from the stored text (if any); `sample` gives the meeting shown
/// when there is none to show (the planner loads the sample's data only when it is shown).
pub fn startup(stored: Option<String>, sample: impl FnOnce() -> Meeting) -> Startup {
    match stored {
        None => Startup::Fresh(sample()),
        Some(raw) => match decode_envelope(&raw) {
            Ok(meeting) => Startup::Loaded { meeting, text: raw },
            Err(error) => Startup::Unreadable {
                sample: sample(),
                raw,
                error,
            },
        },
    }
}

/// A short digest of a text (64-bit FNV-1a, hex): names backups.
pub fn digest(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= byte as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// What is stored in one slot of the library: the meeting's text and the stamp inside it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stored {
    pub text: Option<String>,
    pub revision: Option<Revision>,
}

/// Reads the meeting in `slot` with its revision stamp.
pub fn read_slot(store: &dyn KeyValue, slot: u32) -> Result<Stored, StorageError> {
    let text = store.get(&keys::meeting(slot))?;
    let revision = text.as_deref().and_then(embedded_revision);
    Ok(Stored { text, revision })
}

/// The stamp of the meeting in `slot` as its small key says (cheap to read on every edit: a
/// change there means another tab saved; the stamp inside the text is the one to trust).
pub fn read_revision(store: &dyn KeyValue, slot: u32) -> Result<Option<Revision>, StorageError> {
    Ok(store
        .get(&keys::revision(slot))?
        .and_then(|text| Revision::parse(&text)))
}

/// Writes a meeting's stored text (with its stamp inside, `encode_saved`) into `slot`, then
/// the stamp under its own key.
pub fn write_slot(
    store: &dyn KeyValue,
    slot: u32,
    text: &str,
    revision: &Revision,
) -> Result<(), StorageError> {
    store.set(&keys::meeting(slot), text)?;
    if store
        .set(&keys::revision(slot), &revision.encode())
        .is_err()
    {
        // Without the small key, other tabs still see the text change (the key was written).
        let _ = store.remove(&keys::revision(slot));
    }
    Ok(())
}

/// Writes a meeting into `slot` on behalf of `tab`, stamped as made on what is stored there
/// now (a meeting that is not open: a new one, a renamed one).
pub fn store_meeting(
    store: &dyn KeyValue,
    slot: u32,
    meeting: &Meeting,
    tab: &str,
) -> Result<(), StorageError> {
    let previous = read_slot(store, slot)?.revision;
    let revision = Revision::next(previous.as_ref(), &Default::default(), tab);
    write_slot(store, slot, &encode_saved(meeting, &revision), &revision)
}

/// Deletes the meeting in `slot` and what is kept beside it.
pub fn delete_slot(store: &dyn KeyValue, slot: u32) -> Result<(), StorageError> {
    store.remove(&keys::meeting(slot))?;
    let _ = store.remove(&keys::revision(slot));
    let _ = store.remove(&keys::history(slot));
    let _ = store.remove(&keys::versions(slot));
    let _ = store.remove(&keys::live(slot));
    let _ = store.remove(&keys::live_state(slot));
    Ok(())
}

/// Keeps a copy of text that could not be read, once per distinct text; returns its key.
pub fn back_up(store: &dyn KeyValue, raw: &str) -> Result<String, StorageError> {
    let key = keys::backup(&digest(raw));
    if store.get(&key)?.as_deref() != Some(raw) {
        store.set(&key, raw)?;
    }
    Ok(key)
}

/// A copy of unreadable stored text, as the Meetings screen lists it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Backup {
    /// Its storage key.
    pub key: String,
    /// How long the text is, in characters.
    pub chars: usize,
}

impl Backup {
    /// What a download of it is called: the key's digest, so two backups never share a name.
    pub fn file_name(&self) -> String {
        let digest = self.key.strip_prefix(keys::BACKUP_PREFIX).unwrap_or("copy");
        format!("agenda-planner-backup-{digest}.txt")
    }
}

/// Every backup of unreadable text kept in `store`, by key.
pub fn backups(store: &dyn KeyValue) -> Vec<Backup> {
    let mut keys: Vec<String> = store
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter(|k| k.starts_with(keys::BACKUP_PREFIX))
        .collect();
    crate::domain::order::sort(&mut keys);
    keys.into_iter()
        .filter_map(|key| {
            let chars = store.get(&key).ok().flatten()?.chars().count();
            Some(Backup { key, chars })
        })
        .collect()
}

/// The text of a backup (`None`: not a backup key, or no longer stored).
pub fn backup_text(store: &dyn KeyValue, key: &str) -> Option<String> {
    key.starts_with(keys::BACKUP_PREFIX)
        .then(|| store.get(key).ok().flatten())
        .flatten()
}

/// Deletes a backup; a key that is not a backup's is refused, so nothing else can go this way.
pub fn delete_backup(store: &dyn KeyValue, key: &str) -> Result<(), String> {
    if !key.starts_with(keys::BACKUP_PREFIX) {
        return Err("that is not a backup".into());
    }
    store.remove(key).map_err(|e| e.to_string())
}

/// "4.2 MB", "12 KB", "300 characters": a size a person reads.
pub fn size_label(chars: usize) -> String {
    match chars {
        0..1_000 => format!("{chars} characters"),
        1_000..1_000_000 => format!("{} KB", chars.div_ceil(1_000)),
        _ => format!("{:.1} MB", chars as f64 / 1e6),
    }
}

/// The `format` of a stored undo history.
const HISTORY_FORMAT: &str = "agenda-planner-history";

/// Most characters of undo history kept beside a meeting: the oldest steps go first.
pub const MAX_HISTORY_CHARS: usize = 512 * 1024;

/// An undo history as stored beside its meeting, for the meeting of one revision.
#[derive(Serialize)]
struct HistoryOut<'a> {
    format: &'static str,
    version: u64,
    revision: &'a str,
    undo: &'a [Edit],
    redo: &'a [Edit],
}

#[derive(Deserialize)]
struct HistoryIn {
    format: String,
    version: u64,
    revision: String,
    undo: Vec<Edit>,
    redo: Vec<Edit>,
}

/// The history as stored text for the meeting of `revision`, at most [`MAX_HISTORY_CHARS`]
/// (the oldest steps are left out until it fits).
pub fn encode_history(history: &History, revision: &str) -> String {
    let (mut undo, mut redo) = history.steps();
    loop {
        let text = serde_json::to_string(&HistoryOut {
            format: HISTORY_FORMAT,
            version: 1,
            revision,
            undo,
            redo,
        })
        .unwrap_or_default();
        if text.len() <= MAX_HISTORY_CHARS || (undo.is_empty() && redo.is_empty()) {
            return text;
        }
        // Too big: leave out the older half of what is left.
        if undo.is_empty() {
            redo = &redo[redo.len().div_ceil(2)..];
        } else {
            undo = &undo[undo.len().div_ceil(2)..];
        }
    }
}

/// The history stored for the meeting of `revision`; none when it belongs to another
/// revision (another tab saved since) or cannot be read: a history is only ever a convenience.
pub fn decode_history(text: &str, revision: &str) -> Option<History> {
    let h: HistoryIn = serde_json::from_str(text).ok()?;
    (h.format == HISTORY_FORMAT && h.version == 1 && h.revision == revision)
        .then(|| History::from_steps(h.undo, h.redo))
}
