//! Named versions of a meeting ("Draft 1", "Sent to the OAS"): a snapshot of the whole meeting
//! with a name, a date and a note, kept beside the meeting in its slot
//! (`{ "format": "agenda-planner-versions", "version": 1, "versions": [ … ] }`), oldest first.
//! Unreadable stored versions are reported and never written over.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::keys;
use super::kv::{KeyValue, StorageError};
use crate::domain::schedule::ymd;
use crate::domain::Meeting;

const FORMAT: &str = "agenda-planner-versions";

/// One saved version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Version {
    pub name: String,
    #[serde(with = "ymd")]
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub meeting: Meeting,
}

/// Longest version name accepted.
pub const MAX_NAME_CHARS: usize = 120;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum VersionError {
    #[error("a version needs a name (e.g. “Draft 2”)")]
    NoName,
    #[error("the name is too long ({0} characters; at most {MAX_NAME_CHARS})")]
    NameTooLong(usize),
    #[error("there is already a version named “{0}”: choose another name")]
    NameTaken(String),
    #[error("the versions kept for this meeting cannot be read ({0}); they are left as they are, and no version is saved over them")]
    Unreadable(String),
    #[error("there is no version number {0}")]
    NoSuchVersion(usize),
    #[error(transparent)]
    Storage(#[from] StorageError),
}

#[derive(Serialize, Deserialize)]
struct Stored {
    format: String,
    version: u64,
    versions: Vec<Version>,
}

/// The versions kept for the meeting in `slot`, oldest first.
pub fn load(store: &dyn KeyValue, slot: u32) -> Result<Vec<Version>, VersionError> {
    let Some(text) = store.get(&keys::versions(slot))? else {
        return Ok(Vec::new());
    };
    let stored: Stored =
        serde_json::from_str(&text).map_err(|e| VersionError::Unreadable(e.to_string()))?;
    if stored.format != FORMAT || stored.version != 1 {
        return Err(VersionError::Unreadable(format!(
            "format “{}” version {}",
            stored.format, stored.version
        )));
    }
    for v in &stored.versions {
        if let Some(first) = v.meeting.validate().into_iter().next() {
            return Err(VersionError::Unreadable(format!("“{}”: {first}", v.name)));
        }
    }
    Ok(stored.versions)
}

fn write(store: &dyn KeyValue, slot: u32, versions: Vec<Version>) -> Result<(), VersionError> {
    let text = serde_json::to_string(&Stored {
        format: FORMAT.into(),
        version: 1,
        versions,
    })
    .map_err(|e| VersionError::Unreadable(e.to_string()))?;
    store.set(&keys::versions(slot), &text)?;
    Ok(())
}

/// Keeps `meeting` as a new version named `name`; returns every version, the new one last.
pub fn save(
    store: &dyn KeyValue,
    slot: u32,
    name: &str,
    date: NaiveDate,
    note: &str,
    meeting: &Meeting,
) -> Result<Vec<Version>, VersionError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(VersionError::NoName);
    }
    let chars = name.chars().count();
    if chars > MAX_NAME_CHARS {
        return Err(VersionError::NameTooLong(chars));
    }
    let mut versions = load(store, slot)?;
    if versions.iter().any(|v| v.name.eq_ignore_ascii_case(name)) {
        return Err(VersionError::NameTaken(name.to_string()));
    }
    versions.push(Version {
        name: name.to_string(),
        date,
        note: note.trim().to_string(),
        meeting: meeting.clone(),
    });
    write(store, slot, versions.clone())?;
    Ok(versions)
}

/// Deletes the version at `index`; returns the versions left.
pub fn delete(store: &dyn KeyValue, slot: u32, index: usize) -> Result<Vec<Version>, VersionError> {
    let mut versions = load(store, slot)?;
    if index >= versions.len() {
        return Err(VersionError::NoSuchVersion(index + 1));
    }
    versions.remove(index);
    if versions.is_empty() {
        store.remove(&keys::versions(slot))?;
    } else {
        write(store, slot, versions.clone())?;
    }
    Ok(versions)
}
