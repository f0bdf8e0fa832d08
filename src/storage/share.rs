//! Share links: the whole meeting, compressed into the URL fragment, so a read-only schedule
//! travels without any server of ours. The compression is lz-string's URI-safe form (the
//! `lz-str` crate, compatible with the JavaScript `lz-string`); inside is our meeting file.

use thiserror::Error;

use super::{decode, encode};
use crate::domain::Meeting;

/// What starts the fragment of a share link: `#share=…`.
pub const FRAGMENT_KEY: &str = "share=";

/// Links longer than this (characters) are unsafe in mail and chat: the app warns.
pub const LONG_LINK: usize = 8 * 1024;

/// Fragments longer than this are not read (no meeting file comes near it).
pub const MAX_FRAGMENT: usize = 4 * 1024 * 1024;

/// Why a share link cannot be opened.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ShareError {
    #[error("The link holds no schedule: the part after “#share=” is empty.")]
    Empty,
    #[error("The link is too long to be a schedule link ({0} characters).")]
    TooLong(usize),
    #[error("The link is damaged: it may have been cut short or changed when it was copied. Ask for the link again, or open the complete link.")]
    Damaged,
    #[error("The link's schedule cannot be read: {0}")]
    Meeting(String),
}

/// The fragment (without `#`) that carries `meeting`.
pub fn fragment(meeting: &Meeting) -> String {
    format!(
        "{FRAGMENT_KEY}{}",
        lz_str::compress_to_encoded_uri_component(encode(meeting).as_str())
    )
}

/// The meeting a share fragment carries (the text after `#share=`), with its meeting file's
/// text as received (what "Save a copy" stores).
pub fn decode_fragment(data: &str) -> Result<(Meeting, String), ShareError> {
    let text = fragment_text(data)?;
    decode(&text)
        .map(|meeting| (meeting, text))
        .map_err(|e| ShareError::Meeting(e.to_string()))
}

/// The meeting file a share fragment carries, as text (not yet checked).
fn fragment_text(data: &str) -> Result<String, ShareError> {
    let data = data.trim();
    if data.is_empty() {
        return Err(ShareError::Empty);
    }
    if data.len() > MAX_FRAGMENT {
        return Err(ShareError::TooLong(data.len()));
    }
    // Mail programs sometimes turn the "+" of the alphabet into a space.
    let data = data.replace(' ', "+");
    let wide = lz_str::decompress_from_encoded_uri_component(&data).ok_or(ShareError::Damaged)?;
    let text = String::from_utf16(&wide).map_err(|_| ShareError::Damaged)?;
    if text.trim().is_empty() {
        return Err(ShareError::Damaged);
    }
    Ok(text)
}
