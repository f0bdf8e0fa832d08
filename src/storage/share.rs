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
    for chunk in deflated.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..chunk.len() + 1 {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
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
    let wide = lz_str::decompress_from_encoded_uri_component(&data).ok_or(ShareError::Damaged)?;
    let text = String::from_utf16(&wide).map_err(|_| ShareError::Damaged)?;
    if text.trim().is_empty() {
        return Err(ShareError::Damaged);
    }
    Ok(text)
}
