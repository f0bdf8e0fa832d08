//! Share links: the whole meeting inside the URL fragment, so a read-only schedule travels
//! without any server of ours.
//!
//! A link is `…/view/#s=<data>`: the meeting's published form (`published`), compressed
//! with zlib (DEFLATE, whose checksum catches a link changed on the way) and written in
//! base64url. The browser compresses and inflates it with its own `CompressionStream`
//! (`web::js`), so no compressor is in the apps' code. Links made
//! before, `#share=<lz-string>` carrying the published form or our meeting file, still open
//! (their reader loads only for such a link).

use thiserror::Error;

/// What starts the fragment of a share link: `#s=…`.
pub const FRAGMENT_KEY: &str = "s=";

/// What started the fragment of the share links made before (lz-string).
pub const OLD_FRAGMENT_KEY: &str = "share=";

/// Links longer than this (characters) are unsafe in mail and chat: the app warns.
pub const LONG_LINK: usize = 8 * 1024;

/// Fragments longer than this are not read (no meeting file comes near it).
pub const MAX_FRAGMENT: usize = 4 * 1024 * 1024;

/// A link's schedule may not inflate to more than this (bytes): a small link that would
/// fill the memory is refused.
pub const MAX_INFLATED: usize = 64 * 1024 * 1024;

/// The data a share link's fragment carries, by the kind of link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkData {
    /// `#s=`: base64url of zlib.
    Deflated(String),
    /// `#share=`: lz-string, from links made before.
    Lz(String),
}

impl LinkData {
    /// The share data in a page's fragment (without its `#`), if it is a share link.
    pub fn from_fragment(fragment: &str) -> Option<LinkData> {
        if let Some(data) = fragment.strip_prefix(FRAGMENT_KEY) {
            Some(LinkData::Deflated(data.to_string()))
        } else {
            fragment
                .strip_prefix(OLD_FRAGMENT_KEY)
                .map(|data| LinkData::Lz(data.to_string()))
        }
    }
}

/// Why a share link cannot be opened.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ShareError {
    #[error("The link holds no schedule: the part after “#s=” is empty.")]
    Empty,
    #[error("The link is too long to be a schedule link ({0} characters).")]
    TooLong(usize),
    #[error("The link is damaged: it may have been cut short or changed when it was copied. Ask for the link again, or open the complete link.")]
    Damaged,
    #[error("The link's schedule is larger than any meeting this view opens (over {} MB).", MAX_INFLATED / (1024 * 1024))]
    TooLarge,
    #[error("The link's schedule cannot be read: {0}")]
    Meeting(String),
}

/// The fragment (without `#`) of a share link carrying these zlib bytes (what the
/// browser's `CompressionStream("deflate")` made of the published form).
pub fn fragment(deflated: &[u8]) -> String {
    let mut out = String::with_capacity(FRAGMENT_KEY.len() + deflated.len().div_ceil(3) * 4);
    out.push_str(FRAGMENT_KEY);
    base64url_into(&mut out, deflated);
    out
}

/// `bytes` as base64url without padding.
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    base64url_into(&mut out, bytes);
    out
}

fn base64url_into(out: &mut String, deflated: &[u8]) {
    for chunk in deflated.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..chunk.len() + 1 {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
}

/// base64url without padding (RFC 4648 §5): nothing in it needs escaping in a URL.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The zlib bytes of a `#s=` link's data, to inflate. Mail programs break long links
/// over lines: the alphabet has no white space, so it is dropped (a space the browser hands
/// over as `%20` too); anything else outside the alphabet means the link was changed.
pub fn deflated_bytes(data: &str) -> Result<Vec<u8>, ShareError> {
    if data.len() > MAX_FRAGMENT {
        return Err(ShareError::TooLong(data.len()));
    }
    from_base64url(data)
}

/// The bytes of base64url text (white space and `%20` dropped, as in [`deflated_bytes`]).
pub fn from_base64url(data: &str) -> Result<Vec<u8>, ShareError> {
    let data = data.replace("%20", "");
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 2);
    let (mut n, mut bits) = (0u32, 0);
    for b in data.bytes().filter(|b| !b.is_ascii_whitespace()) {
        let value = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return Err(ShareError::Damaged),
        };
        n = n << 6 | value as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((n >> bits) as u8);
            n &= (1 << bits) - 1;
        }
    }
    match (out.is_empty(), bits) {
        (true, 0) => Err(ShareError::Empty),
        // Six bits left over: no base64 text ends so (it was cut).
        (_, 6) => Err(ShareError::Damaged),
        _ => Ok(out),
    }
}

/// The text a `#share=` link (made before `#s=`) carries, not yet checked: the published
/// form, or our meeting file in the oldest links.
pub fn lz_text(data: &str) -> Result<String, ShareError> {
    let data = data.trim();
    if data.is_empty() {
        return Err(ShareError::Empty);
    }
    if data.len() > MAX_FRAGMENT {
        return Err(ShareError::TooLong(data.len()));
    }
    // Mail programs sometimes turn the "+" of the alphabet into a space, which the browser
    // then hands over as "%20"; the alphabet itself has no "%".
    let data = data.replace("%20", "+").replace(' ', "+");
    let wide = lz_inflate(&data, MAX_LZ_UNITS)?;
    let text = String::from_utf16(&wide).map_err(|_| ShareError::Damaged)?;
    if text.trim().is_empty() {
        return Err(ShareError::Damaged);
    }
    Ok(text)
}

/// A `#share=` link may not inflate to more than this many UTF-16 units (16 MB): lz-string
/// builds its output from ever longer repeats, so 20 KB of link could make 50 million
/// characters; reading stops at the limit, long before the memory fills.
pub const MAX_LZ_UNITS: usize = 8 * 1024 * 1024;

/// lz-string's `decompressFromEncodedURIComponent`, stopping with [`ShareError::TooLarge`]
/// once the text would pass `max_units` UTF-16 units. (The dictionary holds each piece
/// once more, so memory stays within about twice the limit.)
pub fn lz_inflate(data: &str, max_units: usize) -> Result<Vec<u16>, ShareError> {
    const KEYS: &[u8; 65] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";
    let values: Vec<u32> = data
        .bytes()
        .map(|b| KEYS.iter().position(|&k| k == b).map(|v| v as u32))
        .collect::<Option<_>>()
        .ok_or(ShareError::Damaged)?;
    // The bits of the input, lowest bit of each 6-bit value first as lz-string reads them
    // (its reset value 32: six bits a character).
    struct Bits<'a> {
        values: &'a [u32],
        index: usize,
        value: u32,
        position: u32,
    }
    impl Bits<'_> {
        fn read(&mut self, n: u32) -> Result<u32, ShareError> {
            let mut bits = 0;
            for i in 0..n {
                if self.position == 0 {
                    self.value = *self.values.get(self.index).ok_or(ShareError::Damaged)?;
                    self.index += 1;
                    self.position = 32;
                }
                if self.value & self.position != 0 {
                    bits |= 1 << i;
                }
                self.position >>= 1;
            }
            Ok(bits)
        }
    }
    let mut bits = Bits {
        values: &values,
        index: 0,
        value: 0,
        position: 0,
    };
    // Codes 0, 1 and 2 are the commands (8-bit character, 16-bit character, end).
    let mut dictionary: Vec<Vec<u16>> = vec![Vec::new(); 3];
    let mut enlarge_in: u32 = 4;
    let mut num_bits: u32 = 3;
    let first = match bits.read(2)? {
        0 => bits.read(8)? as u16,
        1 => bits.read(16)? as u16,
        _ => return Ok(Vec::new()),
    };
    dictionary.push(vec![first]);
    let mut w = vec![first];
    let mut out = vec![first];
    let mut held = 1usize;
    loop {
        let code = match bits.read(num_bits)? {
            command @ (0 | 1) => {
                let c = bits.read(if command == 0 { 8 } else { 16 })? as u16;
                dictionary.push(vec![c]);
                enlarge_in -= 1;
                dictionary.len() - 1
            }
            2 => return Ok(out),
            code => code as usize,
        };
        if enlarge_in == 0 {
            enlarge_in = 1 << num_bits;
            num_bits += 1;
        }
        let entry = match dictionary.get(code) {
            Some(entry) => entry.clone(),
            None if code == dictionary.len() => {
                let mut e = w.clone();
                e.push(w[0]);
                e
            }
            None => return Err(ShareError::Damaged),
        };
        held += entry.len() + w.len() + 1;
        if out.len() + entry.len() > max_units || held > 2 * max_units + 64 {
            return Err(ShareError::TooLarge);
        }
        out.extend_from_slice(&entry);
        let mut next = std::mem::take(&mut w);
        next.push(entry[0]);
        dictionary.push(next);
        enlarge_in -= 1;
        w = entry;
        if enlarge_in == 0 {
            enlarge_in = 1 << num_bits;
            num_bits += 1;
        }
        if num_bits > 31 {
            return Err(ShareError::Damaged);
        }
    }
}
