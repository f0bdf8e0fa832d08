//! What attendees follow live: a document of its own (`p-…` on the sync server), apart from the
//! organizers' shared meeting, holding only the latest publication: the published file (the
//! compact form attendees download, `storage::published`), when it was published, and what
//! changed since the one before ("Gendering R2P now 16:30–17:45"). Drafts never reach it: it
//! changes only when an organizer publishes, and attendees hold only its read key.

use yrs::{Any, Doc, Map, MapRef, Out, ReadTxn, Transact};

use crate::domain::changes::changes;
use crate::domain::Meeting;
use crate::storage::published::{decode_published, encode_published};

const ROOT: &str = "publication";
const TEXT: &str = "text";
const AT: &str = "at";
const NOTE: &str = "note";

/// At most this many changes are named in a publication's note; the rest are counted.
const NOTE_CHANGES: usize = 3;

/// One publication as an attendee receives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Publication {
    pub meeting: Meeting,
    /// The published file's text (what an attendee keeps for offline use).
    pub text: String,
    /// When it was published, as the organizer's clock said ("2022-09-15 10:42").
    pub at: String,
    /// What changed since the publication before ("" for the first).
    pub note: String,
}

fn root(doc: &Doc) -> MapRef {
    doc.get_or_insert_map(ROOT)
}

fn text_of<T: ReadTxn>(map: &MapRef, txn: &T, key: &str) -> Option<String> {
    match map.get(txn, key) {
        Some(Out::Any(Any::String(s))) => Some(s.to_string()),
        _ => None,
    }
}

/// Publishes `meeting` at `at` into the publication document `doc` (one transaction); returns
/// the note of what changed since the last publication.
pub fn publish(doc: &Doc, meeting: &Meeting, at: &str) -> String {
    let map = root(doc);
    let previous = {
        let txn = doc.transact();
        text_of(&map, &txn, TEXT).and_then(|t| decode_published(&t).ok())
    };
    let text = encode_published(meeting);
    let published = decode_published(&text).unwrap_or_else(|_| meeting.clone());
    let note = previous.map_or_else(String::new, |old| note(&old, &published));
    let mut txn = doc.transact_mut_with(super::doc::LOCAL);
    map.insert(&mut txn, TEXT, Any::from(text));
    map.insert(&mut txn, AT, Any::from(at));
    map.insert(&mut txn, NOTE, Any::from(note.as_str()));
    note
}

/// What changed, in a line: the first few changes, then how many more.
fn note(old: &Meeting, new: &Meeting) -> String {
    let all = changes(old, new);
    let mut parts: Vec<String> = all
        .iter()
        .take(NOTE_CHANGES)
        .map(|c| c.to_string())
        .collect();
    if all.len() > NOTE_CHANGES {
        parts.push(format!("and {} more changes", all.len() - NOTE_CHANGES));
    }
    parts.join("; ")
}

/// The latest publication in `doc`, if there is one that can be read (a damaged or hostile
/// one is not: the attendee keeps the last good one).
pub fn latest(doc: &Doc) -> Option<Publication> {
    let map = root(doc);
    let txn = doc.transact();
    let text = text_of(&map, &txn, TEXT)?;
    let meeting = decode_published(&text).ok()?;
    Some(Publication {
        meeting,
        text,
        at: text_of(&map, &txn, AT).unwrap_or_default(),
        note: text_of(&map, &txn, NOTE).unwrap_or_default(),
    })
}
