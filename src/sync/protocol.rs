//! The messages the sync server (Hocuspocus) and its clients exchange over a WebSocket: each is
//! the document's name, a message type and its content, in lib0's encoding (variable-length
//! unsigned integers; texts and byte strings prefixed by their length). Inside, the Yjs sync
//! protocol: step 1 sends a state vector, step 2 and updates send Yjs updates (v1).
//!
//! Reading never trusts a length: one that runs past the message is an error, as is a message
//! type this client does not know (it is then ignored by the caller, not guessed at).

/// What a message from the server says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Incoming {
    /// The token was accepted; `read_only` when it gives no right to change anything.
    Authenticated { read_only: bool },
    /// The token was refused, with the server's reason.
    Denied(String),
    /// The server's state vector: it asks for what it lacks.
    SyncStep1(Vec<u8>),
    /// What this client lacked (a Yjs update).
    SyncStep2(Vec<u8>),
    /// A change another client made (a Yjs update).
    Update(Vec<u8>),
    /// The server applied (true) or refused (false) an update this client sent.
    SyncStatus(bool),
    /// Presence of the other clients (a Yjs awareness update).
    Awareness(Vec<u8>),
    /// The server asks for this client's presence.
    QueryAwareness,
    /// A text message outside the document.
    Stateless(String),
    /// The server closes the document for this client.
    Close(String),
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProtocolError {
    #[error("the message ends too early")]
    Truncated,
    #[error("a text in the message is not UTF-8")]
    NotText,
    #[error("unknown message type {0}")]
    Unknown(u64),
}

const SYNC: u64 = 0;
const AWARENESS: u64 = 1;
const AUTH: u64 = 2;
const QUERY_AWARENESS: u64 = 3;
const SYNC_REPLY: u64 = 4;
const STATELESS: u64 = 5;
const CLOSE: u64 = 7;
const SYNC_STATUS: u64 = 8;

const STEP1: u64 = 0;
const STEP2: u64 = 1;
const UPDATE: u64 = 2;

const TOKEN: u64 = 0;
const DENIED: u64 = 1;
const ACCEPTED: u64 = 2;

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn uint(&mut self) -> Result<u64, ProtocolError> {
        let mut value: u64 = 0;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = self.0.split_first().ok_or(ProtocolError::Truncated)?;
            self.0 = rest;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(ProtocolError::Truncated)
    }

    fn bytes(&mut self) -> Result<Vec<u8>, ProtocolError> {
        let n = usize::try_from(self.uint()?).map_err(|_| ProtocolError::Truncated)?;
        if n > self.0.len() {
            return Err(ProtocolError::Truncated);
        }
        let (bytes, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(bytes.to_vec())
    }

    fn text(&mut self) -> Result<String, ProtocolError> {
        String::from_utf8(self.bytes()?).map_err(|_| ProtocolError::NotText)
    }
}

fn uint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn bytes(out: &mut Vec<u8>, b: &[u8]) {
    uint(out, b.len() as u64);
    out.extend_from_slice(b);
}

fn message(document: &str, kind: u64, body: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let mut out = Vec::new();
    bytes(&mut out, document.as_bytes());
    uint(&mut out, kind);
    body(&mut out);
    out
}

/// Reads a message from the server: the document it is about and what it says.
pub fn decode(message: &[u8]) -> Result<(String, Incoming), ProtocolError> {
    let mut r = Reader(message);
    let document = r.text()?;
    let kind = r.uint()?;
    let incoming = match kind {
        SYNC | SYNC_REPLY => match r.uint()? {
            STEP1 => Incoming::SyncStep1(r.bytes()?),
            STEP2 => Incoming::SyncStep2(r.bytes()?),
            UPDATE => Incoming::Update(r.bytes()?),
            other => return Err(ProtocolError::Unknown(other)),
        },
        AWARENESS => Incoming::Awareness(r.bytes()?),
        AUTH => match r.uint()? {
            ACCEPTED => Incoming::Authenticated {
                read_only: r.text()? == "readonly",
            },
            DENIED => Incoming::Denied(r.text()?),
            other => return Err(ProtocolError::Unknown(other)),
        },
        QUERY_AWARENESS => Incoming::QueryAwareness,
        STATELESS => Incoming::Stateless(r.text()?),
        CLOSE => Incoming::Close(r.text().unwrap_or_default()),
        // lib0's signed integer: 1 (applied) or 0 (refused) in its low bits.
        SYNC_STATUS => Incoming::SyncStatus(r.uint()? & 0x3f == 1),
        other => return Err(ProtocolError::Unknown(other)),
    };
    Ok((document, incoming))
}

/// Asks to open `document` with `token`.
pub fn auth(document: &str, token: &str) -> Vec<u8> {
    message(document, AUTH, |out| {
        uint(out, TOKEN);
        bytes(out, token.as_bytes());
    })
}

/// Sync step 1: this client's state vector (v1).
pub fn sync_step1(document: &str, state_vector: &[u8]) -> Vec<u8> {
    message(document, SYNC, |out| {
        uint(out, STEP1);
        bytes(out, state_vector);
    })
}

/// Sync step 2: what the server lacks, as a Yjs update (v1).
pub fn sync_step2(document: &str, update: &[u8]) -> Vec<u8> {
    message(document, SYNC, |out| {
        uint(out, STEP2);
        bytes(out, update);
    })
}

/// A change made here, as a Yjs update (v1).
pub fn update(document: &str, update: &[u8]) -> Vec<u8> {
    message(document, SYNC, |out| {
        uint(out, UPDATE);
        bytes(out, update);
    })
}

/// This client's presence, as a Yjs awareness update.
pub fn awareness(document: &str, update: &[u8]) -> Vec<u8> {
    message(document, AWARENESS, |out| bytes(out, update))
}

/// Asks the server for everyone's presence.
pub fn query_awareness(document: &str) -> Vec<u8> {
    message(document, QUERY_AWARENESS, |_| {})
}

/// One client's presence in an awareness update: its Yjs client id, a clock that grows with
/// each change of it, and its state as JSON (`None`: it left).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Presence {
    pub client: u64,
    pub clock: u64,
    pub state: Option<String>,
}

/// The awareness update (inside an awareness message) carrying `presences`.
pub fn awareness_update(presences: &[Presence]) -> Vec<u8> {
    let mut out = Vec::new();
    uint(&mut out, presences.len() as u64);
    for p in presences {
        uint(&mut out, p.client);
        uint(&mut out, p.clock);
        bytes(&mut out, p.state.as_deref().unwrap_or("null").as_bytes());
    }
    out
}

/// Reads an awareness update; at most `limit` presences (a hostile count is no reason to
/// allocate).
pub fn decode_awareness(update: &[u8], limit: usize) -> Result<Vec<Presence>, ProtocolError> {
    let mut r = Reader(update);
    let count = r.uint()?;
    let mut out = Vec::new();
    for _ in 0..count.min(limit as u64) {
        let client = r.uint()?;
        let clock = r.uint()?;
        let state = r.text()?;
        out.push(Presence {
            client,
            clock,
            state: (state != "null").then_some(state),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_back_as_written() {
        let m = sync_step2("m-abc", &[1, 2, 3]);
        assert_eq!(
            decode(&m),
            Ok(("m-abc".into(), Incoming::SyncStep2(vec![1, 2, 3])))
        );
        let m = update("m-abc", &vec![7; 300]);
        assert_eq!(
            decode(&m),
            Ok(("m-abc".into(), Incoming::Update(vec![7; 300])))
        );
    }

    #[test]
    fn presences_read_back_as_written_and_a_huge_count_is_cut_short() {
        let ps = vec![
            Presence {
                client: 12345678901,
                clock: 3,
                state: Some(r#"{"name":"Ana"}"#.into()),
            },
            Presence {
                client: 7,
                clock: 9,
                state: None,
            },
        ];
        assert_eq!(decode_awareness(&awareness_update(&ps), 10), Ok(ps));
        let mut huge = Vec::new();
        uint(&mut huge, u64::MAX);
        assert_eq!(decode_awareness(&huge, 10), Err(ProtocolError::Truncated));
    }

    #[test]
    fn a_length_past_the_end_or_an_unknown_type_is_an_error() {
        assert_eq!(decode(&[]), Err(ProtocolError::Truncated));
        assert_eq!(decode(&[200]), Err(ProtocolError::Truncated));
        assert_eq!(
            decode(&[1, b'm', 0, 2, 50, 1]),
            Err(ProtocolError::Truncated)
        );
        assert_eq!(decode(&[1, b'm', 99]), Err(ProtocolError::Unknown(99)));
        assert_eq!(decode(&[2, 0xff, 0xfe, 5, 0]), Err(ProtocolError::NotText));
        assert_eq!(
            decode(&[1, b'm', 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80]),
            Err(ProtocolError::Truncated)
        );
    }
}
