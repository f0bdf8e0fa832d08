//! Names made from a meeting's text: file stems, the schedule acronym, slugs, and the identity
//! an attendee's stars are kept under. ASCII only, so that they are safe in file names, URLs
//! and the c3voc schema's patterns.

use super::meeting::Meeting;
use super::schedule::iso_date;

/// Lower-case ASCII letters and digits, one `separator` between words; may be empty.
pub fn ascii_words(text: &str, separator: char) -> String {
    let mut out = String::new();
    for ch in text.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with(separator) {
            out.push(separator);
        }
    }
    out.trim_end_matches(separator).to_string()
}

/// The meeting's short name, or its title when it has none: what file names and the schedule's
/// acronym are made from.
pub fn meeting_name(meeting: &Meeting) -> &str {
    if meeting.short_name.trim().is_empty() {
        &meeting.title
    } else {
        &meeting.short_name
    }
}

/// A file-name-safe stem from the meeting's short name (or title): lower-case ASCII letters,
/// digits and single dashes; "meeting" when nothing usable is left.
pub fn file_stem(meeting: &Meeting) -> String {
    let stem = ascii_words(meeting_name(meeting), '-');
    if stem.is_empty() {
        "meeting".into()
    } else {
        stem.chars().take(60).collect()
    }
}

/// The conference acronym: lower-case ASCII letters, digits and `_`, at least four characters
/// (the c3voc schema's pattern), from the short name or else the title.
pub fn acronym(m: &Meeting) -> String {
    let out = ascii_words(meeting_name(m), '_');
    match out.len() {
        0 => "meeting".to_string(),
        1..=3 => format!("{out}_meeting"),
        _ => out,
    }
}

/// Lower-case ASCII letters and digits with single dashes between words; may be empty.
pub fn slugify(text: &str) -> String {
    ascii_words(text, '-')
}

/// What identifies a meeting across share links and published files (for keeping an
/// attendee's stars): its acronym and first date, e.g. "r2p_focal_points_2022.2022-09-15".
pub fn identity(meeting: &Meeting) -> String {
    let first = meeting
        .date_range()
        .map(|(a, _)| iso_date(a))
        .unwrap_or_default();
    format!("{}.{first}", acronym(meeting))
}
