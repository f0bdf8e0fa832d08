//! A meeting as a Yjs document (through `yrs`), the form several organizers edit at once.
//!
//! The document has one map for the meeting's own fields (`meeting`: title, venue, the checks'
//! settings as `checks.…`, the record as `record.…`) and one map per kind of thing (`days`,
//! `rooms`, `themes`, `people`, `sessions`), each keyed by a random id (16 hex digits) with a
//! map of that thing's fields. Every field holds its JSON text, so two organizers changing
//! different fields of one session both keep their change, and the same field: the later one
//! (Yjs's rule). A session's day and times are one field (`when`), and so are a day's date and
//! hours: a merge never makes a time that neither organizer set. References between things (a session's day, room, themes and people; a
//! person's availability days; a recommendation's sessions and themes; a dismissed finding's
//! key) are stored by random id, never by the app's small numbers, which two organizers working
//! offline would both hand out. Order (days, rooms, themes, people) is a fractional key per
//! thing ([`super::keys`]).
//!
//! The app keeps its small numbers: each thing also carries the number it had where it was
//! made, and every client numbers the things of a document the same way from the document
//! alone ([`Ids::of`]), so all organizers see the same numbers unless two of them made a thing
//! with the same number at once (then the thing with the smaller random id keeps it and the
//! other takes the next free one, everywhere alike).
//!
//! A local edit is written as one transaction with the local origin: only the fields that the
//! edit changed, compared with the meeting it started from ([`Shared::write`]), so an edit never
//! writes back a value that another organizer changed in the meantime.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde_json::{Map as Object, Value};
use yrs::{Any, Doc, Map, MapPrelim, MapRef, Out, ReadTxn, Transact, TransactionMut};

use super::keys;
use crate::domain::{Day, Meeting, Person, Room, Session, Theme};

/// The origin of this client's own transactions (what undo and the sync layer tell apart).
pub const LOCAL: &str = "local";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Kind {
    Day,
    Room,
    Theme,
    Person,
    Session,
}

const KINDS: [Kind; 5] = [
    Kind::Day,
    Kind::Room,
    Kind::Theme,
    Kind::Person,
    Kind::Session,
];

impl Kind {
    fn root(self) -> &'static str {
        match self {
            Kind::Day => "days",
            Kind::Room => "rooms",
            Kind::Theme => "themes",
            Kind::Person => "people",
            Kind::Session => "sessions",
        }
    }

    fn at(self) -> usize {
        self as usize
    }

    /// Sessions have no order of their own: the programme orders them by time.
    fn ordered(self) -> bool {
        self != Kind::Session
    }
}

/// The field holding a thing's fractional key, and the one holding the number it was made with.
const ORDER: &str = "order";
const NUMBER: &str = "id";
/// Numbers kept from the document are below this; the others are handed out after them.
const MAX_NUMBER: u32 = 1 << 24;

/// The random id of each thing by its number, and back, for each kind.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ids {
    uids: [BTreeMap<u32, String>; 5],
    numbers: [HashMap<String, u32>; 5],
}

impl Ids {
    fn uid(&self, kind: Kind, number: u32) -> Option<&str> {
        self.uids[kind.at()].get(&number).map(String::as_str)
    }

    fn number(&self, kind: Kind, uid: &str) -> Option<u32> {
        self.numbers[kind.at()].get(uid).copied()
    }

    fn set(&mut self, kind: Kind, number: u32, uid: String) {
        self.numbers[kind.at()].insert(uid.clone(), number);
        self.uids[kind.at()].insert(number, uid);
    }

    /// The numbering of a document's things: each takes the number it was made with unless a
    /// thing with a smaller random id has it; those left over take the next free numbers, in
    /// the order of their random ids. The same on every client for the same document.
    fn of(found: [Vec<(String, u32)>; 5]) -> Ids {
        let mut ids = Ids::default();
        for (kind, mut things) in KINDS.into_iter().zip(found) {
            things.sort_by(|a, b| (a.1, &a.0).cmp(&(b.1, &b.0)));
            let mut left = Vec::new();
            for (uid, number) in things {
                if number == 0 || ids.uid(kind, number).is_some() {
                    left.push(uid);
                } else {
                    ids.set(kind, number, uid);
                }
            }
            left.sort();
            let next = ids.uids[kind.at()].keys().next_back().map_or(1, |n| n + 1);
            for (number, uid) in (next..).zip(left) {
                ids.set(kind, number, uid);
            }
        }
        ids
    }
}

/// What went wrong reading a shared document.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SyncError {
    #[error("The shared meeting could not be read: {0}")]
    Unreadable(String),
    #[error("An update from the sync server could not be read ({0}); nothing was changed.")]
    BadUpdate(String),
}

/// A shared meeting: its Yjs document, the numbering last read from it, and this organizer's
/// undo history (Yjs's: it undoes only this client's own transactions, and leaves a value that
/// someone else wrote since as it is).
pub struct Shared {
    doc: Doc,
    meeting: MapRef,
    roots: [MapRef; 5],
    ids: Ids,
    undo: yrs::UndoManager,
}

/// Every edit its own undo step: the app decides what one step is (one `Edit`).
struct NoClock;

impl yrs::sync::Clock for NoClock {
    fn now(&self) -> yrs::sync::time::Timestamp {
        0
    }
}

impl Default for Shared {
    fn default() -> Self {
        Shared::new()
    }
}

impl Shared {
    /// An empty document (to be filled by [`Shared::share`] or by the server's updates).
    pub fn new() -> Shared {
        let doc = Doc::new();
        let meeting = doc.get_or_insert_map("meeting");
        let roots = KINDS.map(|k| doc.get_or_insert_map(k.root()));
        let mut undo = yrs::UndoManager::with_options(yrs::undo::Options {
            capture_timeout_millis: 0,
            tracked_origins: Default::default(),
            capture_transaction: None,
            timestamp: std::sync::Arc::new(NoClock),
            init_undo_stack: Vec::new(),
            init_redo_stack: Vec::new(),
        });
        undo.expand_scope(&doc, &meeting);
        for root in &roots {
            undo.expand_scope(&doc, root);
        }
        undo.include_origin(LOCAL);
        Shared {
            doc,
            meeting,
            roots,
            ids: Ids::default(),
            undo,
        }
    }

    /// Undoes this organizer's last edit (true), or does nothing (false: none left).
    pub fn undo(&mut self) -> bool {
        self.undo.undo_blocking()
    }

    /// Redoes what [`Shared::undo`] undid last.
    pub fn redo(&mut self) -> bool {
        self.undo.redo_blocking()
    }

    pub fn can_undo(&self) -> bool {
        self.undo.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.undo.can_redo()
    }

    /// `meeting` as a new shared document: every thing gets a random id from `random` (done
    /// once, by the organizer who shares it).
    pub fn share(meeting: &Meeting, random: &mut dyn FnMut() -> u64) -> Shared {
        let mut shared = Shared::new();
        shared.write(&Meeting::default(), meeting, random);
        // Sharing is no step to undo.
        shared.undo.clear_all();
        shared
    }

    pub fn doc(&self) -> &Doc {
        &self.doc
    }

    /// The whole document as one Yjs update (v1), e.g. to keep it offline.
    pub fn state(&self) -> Vec<u8> {
        self.doc
            .transact()
            .encode_state_as_update_v1(&yrs::StateVector::default())
    }

    /// Applies a Yjs update (v1) from elsewhere. A malformed one is refused whole.
    pub fn apply(&mut self, update: &[u8]) -> Result<(), SyncError> {
        use yrs::updates::decoder::Decode;
        let update =
            yrs::Update::decode_v1(update).map_err(|e| SyncError::BadUpdate(e.to_string()))?;
        self.doc
            .transact_mut()
            .apply_update(update)
            .map_err(|e| SyncError::BadUpdate(e.to_string()))
    }

    /// Writes what changed from `base` (the meeting the edit started from, as last read from
    /// or written to this document) to `edited`, as one transaction with the [`LOCAL`] origin.
    /// A thing another organizer removed in the meantime stays removed.
    pub fn write(&mut self, base: &Meeting, edited: &Meeting, random: &mut dyn FnMut() -> u64) {
        let before = Form::of(base, &mut self.ids, random);
        let after = Form::of(edited, &mut self.ids, random);
        let mut txn = self.doc.transact_mut_with(LOCAL);
        write_fields(&self.meeting, &mut txn, &before.meeting, &after.meeting);
        for kind in KINDS {
            let root = &self.roots[kind.at()];
            let (old, new) = (&before.things[kind.at()], &after.things[kind.at()]);
            for (uid, fields) in new {
                match (old.get(uid), root.get(&txn, uid)) {
                    (_, Some(Out::YMap(map))) => {
                        let empty = BTreeMap::new();
                        let old = old.get(uid).unwrap_or(&empty);
                        write_fields(&map, &mut txn, old, fields);
                    }
                    // Removed by someone else since `base`: their removal stands.
                    (Some(_), _) => {}
                    (None, _) => {
                        let prelim: MapPrelim = fields
                            .iter()
                            .map(|(k, v)| (k.as_str(), Any::from(v.as_str())))
                            .collect();
                        root.insert(&mut txn, uid.as_str(), prelim);
                    }
                }
            }
            for uid in old.keys().filter(|uid| !new.contains_key(*uid)) {
                root.remove(&mut txn, uid);
            }
            if kind.ordered() && before.order[kind.at()] != after.order[kind.at()] {
                reorder(
                    root,
                    &mut txn,
                    &before.order[kind.at()],
                    &after.order[kind.at()],
                );
            }
        }
    }

    /// The meeting the document holds now, numbered as every client numbers it. Things that
    /// cannot be read (a hostile or newer client's) are left out and counted; references to
    /// things no longer there are dropped, and a session whose day or room is gone goes to
    /// the Unscheduled tray.
    pub fn meeting(&mut self) -> Result<(Meeting, usize), SyncError> {
        let txn = self.doc.transact();
        let mut found: [Vec<(String, Object<String, Value>)>; 5] = Default::default();
        for kind in KINDS {
            for (uid, out) in self.roots[kind.at()].iter(&txn) {
                if let Out::YMap(map) = out {
                    found[kind.at()].push((uid.to_string(), read_fields(&map, &txn)));
                }
            }
        }
        let numbers = found.each_ref().map(|things| {
            things
                .iter()
                .map(|(uid, fields)| {
                    let n = fields.get(NUMBER).and_then(Value::as_u64).unwrap_or(0);
                    // A number past what any meeting reaches (a hostile peer's) is no hint.
                    let n = u32::try_from(n).ok().filter(|&n| n < MAX_NUMBER);
                    (uid.clone(), n.unwrap_or(0))
                })
                .collect()
        });
        let ids = Ids::of(numbers);
        let mut skipped = 0;
        let mut base = serde_json::to_value(Meeting::default())
            .ok()
            .and_then(|v| v.as_object().cloned())
            .unwrap_or_default();
        for (key, value) in read_fields(&self.meeting, &txn) {
            match key.split_once('.') {
                Some((group @ ("checks" | "record"), field)) => {
                    let entry = base
                        .entry(group)
                        .or_insert_with(|| Value::Object(Object::new()));
                    if let Value::Object(group) = entry {
                        group.insert(field.to_string(), value);
                    }
                }
                _ => {
                    base.insert(key, value);
                }
            }
        }
        refs_of_meeting(&mut base, &|kind, uid| {
            ids.number(kind, uid).map(Value::from)
        });
        for kind in KINDS {
            base.remove(kind.root());
        }
        let mut meeting: Meeting = serde_json::from_value(Value::Object(base))
            .map_err(|e| SyncError::Unreadable(e.to_string()))?;
        let mut sorted = found.map(|mut things| {
            things.sort_by(|a, b| {
                let key = |f: &Object<String, Value>| {
                    f.get(ORDER)
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string()
                };
                (key(&a.1), &a.0).cmp(&(key(&b.1), &b.0))
            });
            things
        });
        let first_day = sorted[Kind::Day.at()]
            .first()
            .and_then(|(uid, _)| ids.number(Kind::Day, uid));
        for kind in KINDS {
            for (uid, mut fields) in std::mem::take(&mut sorted[kind.at()]) {
                fields.remove(ORDER);
                ungroup(kind, &mut fields);
                let Some(number) = ids.number(kind, &uid) else {
                    skipped += 1;
                    continue;
                };
                fields.insert(NUMBER.into(), Value::from(number));
                let lookup = |kind, uid: &str| ids.number(kind, uid).map(Value::from);
                let read = match kind {
                    Kind::Day => typed::<Day>(fields).map(|d| meeting.days.push(d)),
                    Kind::Room => typed::<Room>(fields).map(|r| meeting.rooms.push(r)),
                    Kind::Theme => typed::<Theme>(fields).map(|t| meeting.themes.push(t)),
                    Kind::Person => {
                        refs_of_person(&mut fields, &lookup);
                        typed::<Person>(fields).map(|p| meeting.people.push(p))
                    }
                    Kind::Session => {
                        let lost = refs_of_session(&mut fields, &lookup);
                        typed::<Session>(fields).map(|mut s| {
                            if lost {
                                s.unscheduled = true;
                                s.day = first_day.map_or(s.day, crate::domain::DayId);
                            }
                            meeting.sessions.push(s)
                        })
                    }
                };
                if read.is_none() {
                    skipped += 1;
                }
            }
        }
        meeting.sessions.sort_by_key(|s| s.id.0);
        drop(txn);
        self.ids = ids;
        Ok((meeting, skipped))
    }
}

/// Fields that only make sense together, kept as one entry so that two organizers' changes
/// never mix into a time that neither made (one's start with the other's end).
fn grouped(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Session => &["day", "start", "end", "ends_next_day", "unscheduled"],
        Kind::Day => &["date", "start", "end", "ends_next_day"],
        _ => &[],
    }
}

const WHEN: &str = "when";

fn group(kind: Kind, fields: &mut Object<String, Value>) {
    let names = grouped(kind);
    if names.is_empty() {
        return;
    }
    let when: Object<String, Value> = names
        .iter()
        .filter_map(|&n| fields.remove(n).map(|v| (n.to_string(), v)))
        .collect();
    fields.insert(WHEN.into(), Value::Object(when));
}

fn ungroup(kind: Kind, fields: &mut Object<String, Value>) {
    if let Some(Value::Object(when)) = fields.remove(WHEN) {
        for (name, value) in when {
            if grouped(kind).contains(&name.as_str()) {
                fields.insert(name, value);
            }
        }
    }
}

fn typed<T: serde::de::DeserializeOwned>(fields: Object<String, Value>) -> Option<T> {
    serde_json::from_value(Value::Object(fields)).ok()
}

fn read_fields<T: ReadTxn>(map: &MapRef, txn: &T) -> Object<String, Value> {
    let mut fields = Object::new();
    for (key, out) in map.iter(txn) {
        if let Out::Any(Any::String(text)) = out {
            if let Ok(value) = serde_json::from_str::<Value>(&text) {
                fields.insert(key.to_string(), value);
            }
        }
    }
    fields
}

fn write_fields(
    map: &MapRef,
    txn: &mut TransactionMut,
    old: &BTreeMap<String, String>,
    new: &BTreeMap<String, String>,
) {
    for (key, value) in new {
        // The number a thing was made with is written once: renumbering is each client's own.
        if key == NUMBER && !old.is_empty() {
            continue;
        }
        if old.get(key) != Some(value) {
            map.insert(txn, key.as_str(), Any::from(value.as_str()));
        }
    }
    for key in old.keys().filter(|k| !new.contains_key(*k)) {
        map.remove(txn, key);
    }
}

/// New fractional keys for the things this edit moved or added: those not in the longest run
/// that kept its order from `before` to `after`. The others keep theirs, so that a move
/// another organizer made at the same time stands.
fn reorder(root: &MapRef, txn: &mut TransactionMut, before: &[String], after: &[String]) {
    let was: HashMap<&str, usize> = before
        .iter()
        .enumerate()
        .map(|(i, u)| (u.as_str(), i))
        .collect();
    let kept = longest_increasing(
        &after
            .iter()
            .map(|u| was.get(u.as_str()).copied())
            .collect::<Vec<_>>(),
    );
    let key_of = |txn: &TransactionMut, uid: &str| -> Option<String> {
        match root.get(txn, uid) {
            Some(Out::YMap(map)) => match map.get(txn, ORDER) {
                Some(Out::Any(Any::String(k))) => serde_json::from_str::<String>(&k).ok(),
                _ => None,
            },
            _ => None,
        }
    };
    let mut low: Option<String> = None;
    let mut run: Vec<&str> = Vec::new();
    for (i, uid) in after.iter().enumerate() {
        if kept.contains(&i) {
            let high = key_of(txn, uid);
            place(root, txn, &run, low.as_deref(), high.as_deref());
            run.clear();
            low = high;
        } else {
            run.push(uid);
        }
    }
    place(root, txn, &run, low.as_deref(), None);
}

fn place(
    root: &MapRef,
    txn: &mut TransactionMut,
    uids: &[&str],
    low: Option<&str>,
    high: Option<&str>,
) {
    let high = high.filter(|h| low.is_none_or(|l| l < *h));
    for (uid, key) in uids.iter().zip(keys::spread(low, high, uids.len())) {
        if let Some(Out::YMap(map)) = root.get(txn, uid) {
            let json = Value::String(key).to_string();
            map.insert(txn, ORDER, Any::from(json));
        }
    }
}

/// The positions in `seq` of a longest strictly increasing run of its numbers (None: new).
fn longest_increasing(seq: &[Option<usize>]) -> HashSet<usize> {
    // Patience sorting: tails[k] is the position ending the best run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; seq.len()];
    for (i, v) in seq.iter().enumerate() {
        let Some(v) = *v else { continue };
        let at = tails.partition_point(|&t| seq[t].unwrap_or(0) < v);
        prev[i] = at.checked_sub(1).map(|p| tails[p]);
        if at == tails.len() {
            tails.push(i);
        } else {
            tails[at] = i;
        }
    }
    let mut kept = HashSet::new();
    let mut at = tails.last().copied();
    while let Some(i) = at {
        kept.insert(i);
        at = prev[i];
    }
    kept
}

/// A meeting as the document's fields: JSON text by field name, per thing by random id.
struct Form {
    meeting: BTreeMap<String, String>,
    things: [BTreeMap<String, BTreeMap<String, String>>; 5],
    order: [Vec<String>; 5],
}

impl Form {
    fn of(m: &Meeting, ids: &mut Ids, random: &mut dyn FnMut() -> u64) -> Form {
        // Every thing has a random id first, so that references can name it.
        let numbers: [Vec<u32>; 5] = [
            m.days.iter().map(|d| d.id.0).collect(),
            m.rooms.iter().map(|r| r.id.0).collect(),
            m.themes.iter().map(|t| t.id.0).collect(),
            m.people.iter().map(|p| p.id.0).collect(),
            m.sessions.iter().map(|s| s.id.0).collect(),
        ];
        for (kind, numbers) in KINDS.into_iter().zip(&numbers) {
            for &n in numbers {
                if ids.uid(kind, n).is_none() {
                    ids.set(kind, n, format!("{:016x}", random()));
                }
            }
        }
        let uid = |kind, n: u64| {
            u32::try_from(n)
                .ok()
                .and_then(|n| ids.uid(kind, n))
                .map(|u| Value::String(u.to_string()))
        };
        let to_uid = |kind: Kind, v: &str| v.parse::<u64>().ok().and_then(|n| uid(kind, n));
        let mut form = Form {
            meeting: BTreeMap::new(),
            things: Default::default(),
            order: Default::default(),
        };
        let mut top = match serde_json::to_value(m) {
            Ok(Value::Object(o)) => o,
            _ => Object::new(),
        };
        for kind in KINDS {
            top.remove(kind.root());
        }
        refs_of_meeting(&mut top, &to_uid);
        for (key, value) in top {
            match (key.as_str(), value) {
                ("checks" | "record", Value::Object(group)) => {
                    for (field, value) in group {
                        form.meeting
                            .insert(format!("{key}.{field}"), value.to_string());
                    }
                }
                (_, value) => {
                    form.meeting.insert(key, value.to_string());
                }
            }
        }
        let mut add =
            |kind: Kind, value: Option<Value>, refs: &dyn Fn(&mut Object<String, Value>)| {
                let Some(Value::Object(mut fields)) = value else {
                    return;
                };
                let Some(id) = fields.get(NUMBER).and_then(Value::as_u64) else {
                    return;
                };
                let Some(Value::String(u)) = uid(kind, id) else {
                    return;
                };
                refs(&mut fields);
                group(kind, &mut fields);
                let text = fields
                    .into_iter()
                    .map(|(k, v)| (k, v.to_string()))
                    .collect();
                form.things[kind.at()].insert(u.clone(), text);
                form.order[kind.at()].push(u);
            };
        let none = |_: &mut Object<String, Value>| {};
        for d in &m.days {
            add(Kind::Day, serde_json::to_value(d).ok(), &none);
        }
        for r in &m.rooms {
            add(Kind::Room, serde_json::to_value(r).ok(), &none);
        }
        for t in &m.themes {
            add(Kind::Theme, serde_json::to_value(t).ok(), &none);
        }
        for p in &m.people {
            add(Kind::Person, serde_json::to_value(p).ok(), &|f| {
                refs_of_person(f, &to_uid)
            });
        }
        for s in &m.sessions {
            add(Kind::Session, serde_json::to_value(s).ok(), &|f| {
                refs_of_session(f, &to_uid);
            });
        }
        form
    }
}

// References, one rule per field, used both ways: `map` turns a reference as written (the
// number as text on the way out, the random id on the way in) into its other form, or None
// when the thing is not there (the reference is then dropped).
type Lookup<'a> = &'a dyn Fn(Kind, &str) -> Option<Value>;

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn map_one(v: &mut Value, kind: Kind, map: Lookup) -> bool {
    match text_of(v).and_then(|t| map(kind, &t)) {
        Some(new) => {
            *v = new;
            true
        }
        None => false,
    }
}

fn map_list(v: Option<&mut Value>, kind: Kind, map: Lookup) {
    if let Some(Value::Array(list)) = v {
        list.retain_mut(|x| map_one(x, kind, map));
    }
}

/// A session's references; true when its day or room is gone.
fn refs_of_session(f: &mut Object<String, Value>, map: Lookup) -> bool {
    let mut lost = false;
    if let Some(day) = f.get_mut("day") {
        if !map_one(day, Kind::Day, map) {
            // Given the first day by the reader (see `Shared::meeting`).
            *day = Value::from(0);
            lost = true;
        }
    }
    if let Some(Value::Object(p)) = f.get_mut("placement") {
        if let Some(room) = p.get_mut("room") {
            if !map_one(room, Kind::Room, map) {
                lost = true;
                f.insert("placement".into(), Value::String("all_rooms".into()));
            }
        }
    }
    map_list(f.get_mut("themes"), Kind::Theme, map);
    if let Some(Value::Array(people)) = f.get_mut("participants") {
        people.retain_mut(|p| match p.get_mut("person") {
            Some(person) => map_one(person, Kind::Person, map),
            None => false,
        });
    }
    if let Some(Value::Array(items)) = f.get_mut("items") {
        for item in items {
            if let Some(Value::Object(item)) = Some(item) {
                if let Some(person) = item.get_mut("person") {
                    if !map_one(person, Kind::Person, map) {
                        item.remove("person");
                    }
                }
            }
        }
    }
    lost
}

fn refs_of_person(f: &mut Object<String, Value>, map: Lookup) {
    if let Some(Value::Array(list)) = f.get_mut("availability") {
        list.retain_mut(|a| match a.get_mut("day") {
            Some(day) => map_one(day, Kind::Day, map),
            None => false,
        });
    }
}

/// The kinds of things a dismissed finding's key names, after its first word (check.rs).
fn key_kinds(word: &str) -> Option<&'static [Kind]> {
    use Kind::{Person as P, Session as S};
    Some(match word {
        "times" | "outside-day" | "unscheduled" | "no-moderator" | "unconfirmed"
        | "time-skipped" => &[S],
        "room" | "gap" => &[S, S],
        "person" | "changeover" => &[P, S, S],
        "availability" => &[P, S],
        "declined" | "tbc" => &[S, P],
        "incomplete" => &[P],
        _ => return None,
    })
}

fn map_key(key: &str, map: Lookup) -> Option<String> {
    let mut parts = key.split(':');
    let word = parts.next()?;
    let kinds = key_kinds(word)?;
    let rest: Vec<&str> = parts.collect();
    if rest.len() != kinds.len() {
        return None;
    }
    let mut out = word.to_string();
    for (part, &kind) in rest.iter().zip(kinds) {
        out.push(':');
        out.push_str(&text_of(&map(kind, part)?)?);
    }
    Some(out)
}

fn refs_of_meeting(top: &mut Object<String, Value>, map: Lookup) {
    if let Some(Value::Object(record)) = top.get_mut("record") {
        if let Some(Value::Array(list)) = record.get_mut("recommendations") {
            for r in list.iter_mut().filter_map(Value::as_object_mut) {
                map_list(r.get_mut("sessions"), Kind::Session, map);
                map_list(r.get_mut("themes"), Kind::Theme, map);
            }
        }
    }
    if let Some(Value::Object(checks)) = top.get_mut("checks") {
        if let Some(Value::Array(list)) = checks.get_mut("dismissed") {
            list.retain_mut(|d| {
                let Some(Value::String(key)) = d.get_mut("key") else {
                    return false;
                };
                match map_key(key, map) {
                    Some(new) => {
                        *key = new;
                        true
                    }
                    None => false,
                }
            });
        }
    }
}
