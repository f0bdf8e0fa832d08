//! One organizer's (or attendee's) link to a shared document on the sync server, without the
//! socket: the app's sync layer and the tests hand it what arrives and send what it returns.
//!
//! On each connection: send the token; once accepted, send this copy's state vector (sync step
//! 1); the server answers with what this copy lacks (step 2) and its own state vector, to which
//! this copy answers with what the server lacks — that is how edits made offline reach it.
//! After that, each local edit is sent as one update and each remote one applied as it comes.
//! The server acknowledges every update it applied ([`Client::unsaved`] counts the others).

use super::doc::Shared;
use super::protocol::{self, Incoming};
use crate::domain::Meeting;
use yrs::updates::decoder::Decode;
use yrs::{ReadTxn, StateVector, Transact};

/// What a message changed, for the app to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// The server accepted the token (read-only or not).
    Opened { read_only: bool },
    /// The server refused the token: the link is wrong or was replaced.
    Refused(String),
    /// This copy now has everything the server had when it connected.
    Synced,
    /// Another client's change was applied: read the meeting again.
    Changed,
    /// Who else is here changed: read [`Client::others`] again.
    Presence,
    /// The server refused an update of ours (a read-only link), or one of theirs could not be
    /// applied: nothing was changed.
    Rejected(String),
}

/// Who an organizer is and what they have open, as the others see it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Here {
    pub name: String,
    /// The session whose panel they have open.
    #[serde(default)]
    pub session: Option<u32>,
}

/// Longest name shown for another organizer, and most organizers listed.
const NAME: usize = 80;
const OTHERS: usize = 100;

pub struct Client {
    document: String,
    token: String,
    pub shared: Shared,
    open: bool,
    read_only: bool,
    synced: bool,
    sent: u64,
    acknowledged: u64,
    /// This client's presence and its clock.
    here: Option<Here>,
    clock: u64,
    /// The others' presence by their Yjs client id, with its clock.
    others: std::collections::BTreeMap<u64, (u64, Here)>,
}

impl Client {
    pub fn new(document: &str, token: &str, shared: Shared) -> Client {
        Client {
            document: document.into(),
            token: token.into(),
            shared,
            open: false,
            read_only: false,
            synced: false,
            sent: 0,
            acknowledged: 0,
            here: None,
            clock: 0,
            others: Default::default(),
        }
    }

    /// Says who this organizer is and what they have open; returns the message for the others.
    pub fn present(&mut self, here: Here) -> Option<Vec<u8>> {
        self.here = Some(here);
        self.clock += 1;
        self.open.then(|| self.presence_message())
    }

    fn presence_message(&self) -> Vec<u8> {
        let state = self
            .here
            .as_ref()
            .and_then(|h| serde_json::to_string(h).ok());
        protocol::awareness(
            &self.document,
            &protocol::awareness_update(&[protocol::Presence {
                client: self.shared.doc().client_id().get(),
                clock: self.clock,
                state,
            }]),
        )
    }

    /// The other clients here now (organizers who said who they are), in no particular order.
    pub fn others(&self) -> Vec<Here> {
        self.others.values().map(|(_, h)| h.clone()).collect()
    }

    fn take_presence(&mut self, update: &[u8]) -> bool {
        let Ok(presences) = protocol::decode_awareness(update, OTHERS) else {
            return false;
        };
        let me = self.shared.doc().client_id().get();
        let mut changed = false;
        for p in presences.into_iter().filter(|p| p.client != me) {
            let here = p
                .state
                .as_deref()
                .and_then(|s| serde_json::from_str::<Here>(s).ok())
                .map(|mut h| {
                    h.name = h
                        .name
                        .chars()
                        .filter(|c| !c.is_control())
                        .take(NAME)
                        .collect();
                    h
                });
            match here {
                None => changed |= self.others.remove(&p.client).is_some(),
                Some(h) => {
                    let newer = self
                        .others
                        .get(&p.client)
                        .is_none_or(|(c, _)| p.clock >= *c);
                    if newer && (self.others.len() < OTHERS || self.others.contains_key(&p.client))
                    {
                        self.others.insert(p.client, (p.clock, h));
                        changed = true;
                    }
                }
            }
        }
        changed
    }

    /// The token sent on the next connection (a claim becomes the edit key once it worked).
    pub fn set_token(&mut self, token: &str) {
        self.token = token.into();
    }

    /// The socket opened: what to send first.
    pub fn connected(&mut self) -> Vec<Vec<u8>> {
        self.open = false;
        self.synced = false;
        self.sent = 0;
        self.acknowledged = 0;
        vec![protocol::auth(&self.document, &self.token)]
    }

    /// The socket closed: edits go on locally and are sent on the next connection.
    pub fn disconnected(&mut self) {
        self.open = false;
        self.synced = false;
        self.others.clear();
    }

    pub fn is_synced(&self) -> bool {
        self.synced
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Updates the server has acknowledged on this connection (they are in order: the first
    /// this many sent).
    pub fn acknowledged(&self) -> u64 {
        self.acknowledged
    }

    /// Updates sent on this connection that the server has not acknowledged yet.
    pub fn unsaved(&self) -> u64 {
        self.sent.saturating_sub(self.acknowledged)
    }

    /// A message from the server: what to send back and what it changed. A message that cannot
    /// be read, or is about another document, changes nothing.
    pub fn receive(&mut self, message: &[u8]) -> (Vec<Vec<u8>>, Vec<Event>) {
        let (mut out, mut events) = (Vec::new(), Vec::new());
        let Ok((document, incoming)) = protocol::decode(message) else {
            return (out, events);
        };
        if document != self.document {
            return (out, events);
        }
        let answer = matches!(incoming, Incoming::SyncStep2(_));
        match incoming {
            Incoming::Authenticated { read_only } => {
                self.open = true;
                self.read_only = read_only;
                let sv = self.shared.doc().transact().state_vector();
                out.push(protocol::sync_step1(
                    &self.document,
                    &yrs::updates::encoder::Encode::encode_v1(&sv),
                ));
                if self.here.is_some() {
                    out.push(self.presence_message());
                }
                out.push(protocol::query_awareness(&self.document));
                events.push(Event::Opened { read_only });
            }
            Incoming::Denied(reason) => {
                self.open = false;
                events.push(Event::Refused(reason));
            }
            Incoming::SyncStep1(sv) => match StateVector::decode_v1(&sv) {
                Ok(sv) if !self.read_only => {
                    let update = self.shared.doc().transact().encode_diff_v1(&sv);
                    out.push(protocol::sync_step2(&self.document, &update));
                    self.sent += 1;
                }
                Ok(_) => {}
                Err(e) => events.push(Event::Rejected(e.to_string())),
            },
            Incoming::SyncStep2(update) | Incoming::Update(update) => {
                let first = answer && !self.synced;
                match self.shared.apply(&update) {
                    Ok(()) => events.push(Event::Changed),
                    Err(e) => events.push(Event::Rejected(e.to_string())),
                }
                if first {
                    self.synced = true;
                    events.push(Event::Synced);
                }
            }
            Incoming::SyncStatus(applied) => {
                self.acknowledged += 1;
                if !applied {
                    events.push(Event::Rejected(
                        "The server did not take a change: this link can only read.".into(),
                    ));
                }
            }
            Incoming::Close(reason) => {
                self.open = false;
                events.push(Event::Refused(reason));
            }
            Incoming::Awareness(update) => {
                if self.take_presence(&update) {
                    events.push(Event::Presence);
                }
            }
            Incoming::QueryAwareness => {
                if self.here.is_some() {
                    out.push(self.presence_message());
                }
            }
            Incoming::Stateless(_) => {}
        }
        (out, events)
    }

    /// Writes a local edit (from `base` to `edited`) and returns the message that sends it,
    /// when connected (offline, it is sent on the next connection's sync).
    pub fn edit(
        &mut self,
        base: &Meeting,
        edited: &Meeting,
        random: &mut dyn FnMut() -> u64,
    ) -> Option<Vec<u8>> {
        self.change(|shared| {
            shared.write(base, edited, random);
            true
        })
    }

    /// Any local change of the document (a publication, an edit): made by `change` (which
    /// says whether it changed anything), returned as the message that sends it when connected.
    pub fn change(&mut self, change: impl FnOnce(&mut Shared) -> bool) -> Option<Vec<u8>> {
        let before = self.shared.doc().transact().state_vector();
        if !change(&mut self.shared) || !self.open || self.read_only {
            return None;
        }
        let update = self.shared.doc().transact().encode_diff_v1(&before);
        self.sent += 1;
        Some(protocol::update(&self.document, &update))
    }

    /// Undoes (`redo`: false) or redoes this organizer's last edit; returns whether there was
    /// one, and the message that sends it when connected.
    pub fn undo(&mut self, redo: bool) -> (bool, Option<Vec<u8>>) {
        let mut done = false;
        let message = self.change(|shared| {
            done = if redo { shared.redo() } else { shared.undo() };
            done
        });
        (done, message)
    }
}
