//! The links of a shared meeting. They are capabilities: the document's name and a key, in the
//! address's fragment (which browsers never send to a server), nothing else — no meeting in
//! them and no secret of the server's.
//!
//! - `#join=m-<22>.<key>`: an organizer's edit link (opening it adds the meeting to that
//!   browser's Meetings, marked shared);
//! - `#live=p-<22>.<key>`: an attendee's read-only link to what is published.
//!
//! Names and keys are 22 characters of base64url: 128 random bits each.

/// A document's name or a key: 22 base64url characters.
pub const LENGTH: usize = 22;

/// Which link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An organizer's: the shared meeting, with its edit key.
    Join,
    /// An attendee's: the publication, with its read key.
    Live,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub kind: Kind,
    /// The document on the sync server: `m-…` (Join) or `p-…` (Live).
    pub document: String,
    pub key: String,
}

fn is_id(s: &str) -> bool {
    s.len() == LENGTH
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// 22 base64url characters from 16 random bytes (the last character carries 2 bits).
pub fn id(random: [u8; 16]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let bits = u128::from_be_bytes(random);
    (0..LENGTH)
        .map(|i| {
            let shift = 128i32 - 6 * (i as i32 + 1);
            let six = if shift >= 0 {
                (bits >> shift) & 63
            } else {
                (bits << -shift) & 63
            };
            ABC[six as usize] as char
        })
        .collect()
}

impl Link {
    /// The fragment, with its `#`.
    pub fn fragment(&self) -> String {
        let word = match self.kind {
            Kind::Join => "join",
            Kind::Live => "live",
        };
        format!("#{word}={}.{}", self.document, self.key)
    }

    /// Reads a fragment (with or without its `#`); anything else, or a name or key of the wrong
    /// shape, is no link.
    pub fn parse(fragment: &str) -> Option<Link> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        if fragment.len() > 5 + 2 + 2 * LENGTH + 1 {
            return None;
        }
        let (word, rest) = fragment.split_once('=')?;
        let (kind, prefix) = match word {
            "join" => (Kind::Join, "m-"),
            "live" => (Kind::Live, "p-"),
            _ => return None,
        };
        let (document, key) = rest.split_once('.')?;
        let name = document.strip_prefix(prefix)?;
        (is_id(name) && is_id(key)).then(|| Link {
            kind,
            document: document.into(),
            key: key.into(),
        })
    }

    /// The token the sync server takes for this link.
    pub fn token(&self) -> String {
        match self.kind {
            Kind::Join => format!("edit.{}", self.key),
            Kind::Live => format!("read.{}", self.key),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_reads_back_as_made() {
        let link = Link {
            kind: Kind::Join,
            document: format!("m-{}", id([7; 16])),
            key: id([200; 16]),
        };
        assert_eq!(Link::parse(&link.fragment()), Some(link.clone()));
        assert!(link.fragment().starts_with("#join=m-"));
        assert_eq!(link.token(), format!("edit.{}", id([200; 16])));
    }

    #[test]
    fn ids_are_22_characters_and_differ_with_their_bytes() {
        let a = id([0; 16]);
        let b = id([0xff; 16]);
        assert_eq!(a.len(), LENGTH);
        assert_eq!(a, "A".repeat(22));
        assert_eq!(b.len(), LENGTH);
        assert_ne!(id([1; 16]), id([2; 16]));
    }

    #[test]
    fn anything_else_is_no_link() {
        let key = id([9; 16]);
        for bad in [
            String::new(),
            "#".into(),
            format!("#join=p-{key}.{key}"),
            format!("#live=m-{key}.{key}"),
            format!("#join=m-{key}"),
            format!("#join=m-{key}.{key}x"),
            format!("#join=m-{}.{key}", &key[1..]),
            format!("#join=m-{key}.<script>alert(1)</script>"),
            format!("#share=m-{key}.{key}"),
            format!("#join=m-{key}.{}", "é".repeat(11)),
            "#join=".to_string() + &"a".repeat(100_000),
        ] {
            assert_eq!(Link::parse(&bad), None, "{bad:.60}");
        }
    }
}
