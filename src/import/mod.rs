//! Importing schedules made elsewhere into a new meeting, with a report of what was brought in
//! and what could not be.
//!
//! Each reader (`schedule_json` for c3voc/frab/pretalx `schedule.json`, `schedule_xml` for the
//! frab/pentabarf XML, `pretalx` for pretalx's widget JSON) turns its file into one
//! [`Source`]; [`build`] makes the meeting from it, converting every time into the meeting's
//! timezone. Our own meeting files go through `storage::decode`. Nothing here touches what is
//! stored: the caller decides where the new meeting goes.

mod build;
pub mod csv;
mod pretalx;
mod schedule2;
mod schedule_json;
mod schedule_xml;
pub mod stamp;
mod text;

use chrono::NaiveDate;
use thiserror::Error;

use crate::domain::time::UtcOffsets;
use crate::domain::Meeting;
use stamp::Stamp;

/// Files larger than this are refused before they are read.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

/// Deepest nesting read (XML elements, or JSON arrays and objects): schedule files need fewer
/// than ten levels. Deeper files are refused before a parser sees them, so that no parser can
/// run out of stack (the browser's is small).
pub const MAX_DEPTH: usize = 100;

/// The kinds of file the importer reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceFormat {
    /// Our own meeting file.
    Ours,
    /// c3voc/frab `schedule.json` (as frab and pretalx write it).
    ScheduleJson,
    /// The c3voc/CCC hub's schedule format version 2 (one list of events, rooms by guid).
    Schedule2Json,
    /// frab/pentabarf `schedule.xml`.
    ScheduleXml,
    /// pretalx's widget schedule JSON (talks, rooms, tracks, speakers by id).
    PretalxWidget,
}

impl SourceFormat {
    pub fn label(self) -> &'static str {
        match self {
            SourceFormat::Ours => "agenda planner meeting file",
            SourceFormat::ScheduleJson => "frab/c3voc schedule JSON",
            SourceFormat::Schedule2Json => "c3voc schedule version 2 JSON",
            SourceFormat::ScheduleXml => "frab/pentabarf schedule XML",
            SourceFormat::PretalxWidget => "pretalx widget schedule JSON",
        }
    }
}

/// Why a file could not be imported. Nothing has been changed.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ImportError {
    #[error("The file is {0} bytes; files over 10 MB are not read.")]
    TooLarge(usize),
    #[error("The file is empty.")]
    Empty,
    #[error("The file is not text (UTF-8), so it is not a schedule file.")]
    NotText,
    #[error("The file is not a schedule the planner knows ({0}). It reads its own meeting files, frab/c3voc schedule.json and schedule.xml, and pretalx's widget schedule JSON.")]
    Unknown(String),
    #[error("The file is not valid JSON: {message} (line {line}, column {column}).")]
    Json {
        message: String,
        line: usize,
        column: usize,
    },
    #[error("The file is not well-formed XML: {0}.")]
    Xml(String),
    #[error("The file nests more than {} levels deep (line {line}); no schedule file does, so it is not read.", MAX_DEPTH)]
    TooDeep { line: usize },
    #[error("This {format} holds no session the planner could read{why}.")]
    NoSessions { format: &'static str, why: String },
    #[error("The imported meeting would be a {} MB meeting file, over the 10 MB the planner reads back; import a smaller part of the schedule.", .0 / (1024 * 1024) + 1)]
    ResultTooLarge(usize),
    #[error("“{0}” is not a timezone the planner knows: give its IANA name, such as Europe/Brussels or America/New_York.")]
    UnknownTimezone(String),
    #[error("This {format} cannot be imported: {problems}")]
    Shape {
        format: &'static str,
        problems: String,
    },
    #[error("The spreadsheet cannot be imported: {0}.")]
    Csv(String),
    #[error("{0}")]
    Ours(String),
    #[error("The imported meeting would not be valid: {0}.")]
    Invalid(String),
}

impl ImportError {
    fn json(e: &serde_json::Error) -> ImportError {
        let message = e.to_string();
        // serde_json appends " at line L column C"; the numbers are given separately.
        let message = match message.find(" at line ") {
            Some(i) => message[..i].to_string(),
            None => message,
        };
        ImportError::Json {
            message,
            line: e.line(),
            column: e.column(),
        }
    }
}

/// What an import brought in, and what it could not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub format: Option<SourceFormat>,
    pub days: usize,
    pub rooms: usize,
    pub themes: usize,
    pub people: usize,
    pub sessions: usize,
    /// Plain-language notes: what was changed to fit, skipped or not kept.
    pub notes: Vec<String>,
    /// The file gives no timezone the planner could use (nor one UTC offset to go by): the
    /// meeting's is a guess, which the person importing should be asked to set
    /// ([`Options::timezone`]).
    pub timezone_guessed: bool,
}

impl Report {
    /// What a new meeting holds, with the notes of how it was made.
    pub fn of(meeting: &Meeting, format: SourceFormat, notes: Vec<String>) -> Report {
        Report {
            format: Some(format),
            days: meeting.days.len(),
            rooms: meeting.rooms.len(),
            themes: meeting.themes.len(),
            people: meeting.people.len(),
            sessions: meeting.sessions.len(),
            notes,
            timezone_guessed: false,
        }
    }

    /// "Imported a frab/c3voc schedule JSON: 5 days, 2 rooms, 12 themes, 90 people, 79 sessions."
    pub fn summary(&self) -> String {
        format!(
            "Imported {}: {} days, {} rooms, {} themes, {} people, {} sessions.",
            self.format.map_or("a file", |f| f.label()),
            self.days,
            self.rooms,
            self.themes,
            self.people,
            self.sessions
        )
    }
}

/// A new meeting and the report of how it was made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    pub meeting: Meeting,
    pub report: Report,
}

/// A person as a file names them. `extras` are the fields our own schedule export adds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct SourcePerson {
    /// What identifies them across events: guid, code, id or name.
    pub key: String,
    pub name: String,
    pub bio: String,
    pub extras: Option<PersonExtras>,
    /// The role the file gives them in this event, when it gives one (and no `extras`).
    pub role: Option<crate::domain::Role>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct PersonExtras {
    pub honorific: String,
    pub given_name: String,
    pub family_name: String,
    pub position: String,
    pub organization: String,
    pub organization_short: String,
    pub category: String,
    pub role: String,
    pub status: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct SourceEvent {
    /// The file's guid for the event, as written (may be empty or not a UUID).
    pub guid: String,
    /// The file's own id for the event (empty when it gives none).
    pub id: String,
    pub title: String,
    pub subtitle: String,
    pub kind: String,
    pub start: Option<Stamp>,
    pub end: Option<Stamp>,
    pub duration_minutes: Option<i64>,
    pub room: String,
    pub track: Option<String>,
    pub summary: String,
    pub description: String,
    pub persons: Vec<SourcePerson>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct SourceDay {
    pub date: Option<NaiveDate>,
    pub start: Option<Stamp>,
    pub end: Option<Stamp>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct SourceRoom {
    pub name: String,
    pub capacity: Option<u32>,
    pub description: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct SourceTrack {
    pub name: String,
    pub colour: Option<String>,
}

/// The meeting fields only our own export writes (`conference.meta`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct SourceMeta {
    pub short_name: Option<String>,
    pub edition: String,
    pub host: String,
    pub venue: String,
    pub city: String,
}

/// A schedule file read into one shape, whatever its format.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Source {
    pub title: String,
    pub acronym: String,
    pub description: String,
    pub timezone: Option<String>,
    pub meta: SourceMeta,
    pub days: Vec<SourceDay>,
    pub rooms: Vec<SourceRoom>,
    pub tracks: Vec<SourceTrack>,
    pub events: Vec<SourceEvent>,
    /// What the file had that the planner does not keep, counted: ("links", 3).
    pub dropped: Vec<(&'static str, usize)>,
    /// Events that could not be read, each with why.
    pub skipped: Vec<String>,
    /// What the reader has to say about the file as a whole.
    pub notes: Vec<String>,
}

impl Source {
    pub(crate) fn drop_count(&mut self, what: &'static str, n: usize) {
        if n == 0 {
            return;
        }
        match self.dropped.iter_mut().find(|(w, _)| *w == what) {
            Some((_, count)) => *count += n,
            None => self.dropped.push((what, n)),
        }
    }
}

/// Collects what is wrong with a file's shape; a few are enough to say.
#[derive(Default)]
pub(crate) struct Problems(Vec<String>);

impl Problems {
    pub fn add(&mut self, problem: String) {
        self.0.push(problem);
    }

    pub fn into_result(self, format: SourceFormat) -> Result<(), ImportError> {
        if self.0.is_empty() {
            return Ok(());
        }
        Err(ImportError::Shape {
            format: format.label(),
            problems: crate::domain::validate::listed(&self.0) + ".",
        })
    }
}

/// Which format a file's text is in, from its first significant characters and keys.
pub fn detect(text: &str) -> Result<SourceFormat, ImportError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.is_empty() {
        return Err(ImportError::Empty);
    }
    if trimmed.starts_with('<') {
        check_depth(text, true)?;
        return Ok(SourceFormat::ScheduleXml);
    }
    if trimmed.starts_with('[') {
        return Err(ImportError::Unknown(
            "its JSON is a list (it starts with “[”), where a schedule file is an object (“{”)"
                .to_string(),
        ));
    }
    if !trimmed.starts_with('{') {
        return Err(ImportError::Unknown(
            "it is neither JSON nor XML".to_string(),
        ));
    }
    check_depth(text, false)?;
    let value: serde_json::Value =
        serde_json::from_str(trimmed).map_err(|e| ImportError::json(&e))?;
    let Some(object) = value.as_object() else {
        return Err(ImportError::Unknown(
            "its JSON is not an object".to_string(),
        ));
    };
    if object.get("format").and_then(|f| f.as_str()) == Some("agenda-planner") {
        Ok(SourceFormat::Ours)
    } else if object
        .get("schedule")
        .and_then(|s| s.get("events"))
        .is_some_and(serde_json::Value::is_array)
    {
        Ok(SourceFormat::Schedule2Json)
    } else if object.contains_key("schedule") {
        Ok(SourceFormat::ScheduleJson)
    } else if object.contains_key("talks") {
        Ok(SourceFormat::PretalxWidget)
    } else {
        Err(ImportError::Unknown(
            "its JSON has none of “format”, “schedule” or “talks” at the top".to_string(),
        ))
    }
}

/// Refuses text nested deeper than [`MAX_DEPTH`], in one pass before any parser reads it:
/// XML elements (comments, CDATA, processing instructions, declarations and quoted attribute
/// values are passed over; a self-closing element does not nest), or JSON arrays and objects
/// (strings are passed over). Malformed text is left to the parser to name.
fn check_depth(text: &str, xml: bool) -> Result<(), ImportError> {
    let bytes = text.as_bytes();
    let too_deep = |at: usize| ImportError::TooDeep {
        line: bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1,
    };
    let mut depth = 0usize;
    let mut i = 0;
    let skip_past = |from: usize, end: &[u8]| {
        bytes[from..]
            .windows(end.len())
            .position(|w| w == end)
            .map_or(bytes.len(), |p| from + p + end.len())
    };
    while i < bytes.len() {
        let b = bytes[i];
        if xml {
            if b != b'<' {
                i += 1;
                continue;
            }
            let rest = &bytes[i..];
            if rest.starts_with(b"<!--") {
                i = skip_past(i + 4, b"-->");
            } else if rest.starts_with(b"<![CDATA[") {
                i = skip_past(i + 9, b"]]>");
            } else if rest.starts_with(b"<?") {
                i = skip_past(i + 2, b"?>");
            } else if rest.starts_with(b"</") {
                depth = depth.saturating_sub(1);
                i = skip_past(i + 2, b">");
            } else if rest.starts_with(b"<!") {
                i = skip_past(i + 2, b">");
            } else {
                // An element's start tag: to its `>`, past quoted values.
                let mut j = i + 1;
                let mut quote = None;
                while j < bytes.len() {
                    match (quote, bytes[j]) {
                        (Some(q), c) if c == q => quote = None,
                        (None, c @ (b'"' | b'\'')) => quote = Some(c),
                        (None, b'>') => break,
                        _ => {}
                    }
                    j += 1;
                }
                if j < bytes.len() && bytes[j - 1] != b'/' {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Err(too_deep(i));
                    }
                }
                i = j + 1;
            }
        } else {
            match b {
                b'"' => {
                    // To the closing quote, past escapes.
                    i += 1;
                    while i < bytes.len() && bytes[i] != b'"' {
                        i += if bytes[i] == b'\\' { 2 } else { 1 };
                    }
                }
                b'[' | b'{' => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Err(too_deep(i));
                    }
                }
                b']' | b'}' => depth = depth.saturating_sub(1),
                _ => {}
            }
            i += 1;
        }
    }
    Ok(())
}

/// What the person importing says about the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The meeting's timezone (an IANA name), for a file that gives none or the wrong one:
    /// times the file writes without an offset are read as local times there, times with an
    /// offset are converted into it.
    pub timezone: Option<String>,
}

/// Imports a file's bytes: refused before reading when over [`MAX_BYTES`].
pub fn import_bytes(
    bytes: &[u8],
    offsets: &dyn UtcOffsets,
    options: &Options,
) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge(bytes.len()));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    import_with(text, offsets, options)
}

/// Imports a file's text in any known format into a new meeting.
pub fn import(text: &str, offsets: &dyn UtcOffsets) -> Result<Imported, ImportError> {
    import_with(text, offsets, &Options::default())
}

/// [`import`], with what the person importing says about the file.
pub fn import_with(
    text: &str,
    offsets: &dyn UtcOffsets,
    options: &Options,
) -> Result<Imported, ImportError> {
    if let Some(tz) = &options.timezone {
        let noon = NaiveDate::from_ymd_opt(2000, 1, 1)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .unwrap_or_default();
        if offsets.utc_offset(tz, noon).is_err() {
            return Err(ImportError::UnknownTimezone(tz.clone()));
        }
    }
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooLarge(text.len()));
    }
    let text = text.trim_start_matches('\u{feff}');
    // JSON may escape half a surrogate pair, which no text can hold: U+FFFD in its place,
    // once, for every JSON format (in XML a backslash is only a backslash).
    let repaired;
    let text = if text.trim_start().starts_with('{') {
        repaired = crate::storage::json::lone_surrogates_replaced(text);
        &*repaired
    } else {
        text
    };
    let format = detect(text)?;
    let source = match format {
        SourceFormat::Ours => {
            let meeting =
                crate::storage::decode(text).map_err(|e| ImportError::Ours(e.to_string()))?;
            let report = Report::of(&meeting, format, Vec::new());
            return Ok(Imported { meeting, report });
        }
        SourceFormat::ScheduleJson => schedule_json::read(text)?,
        SourceFormat::Schedule2Json => schedule2::read(text)?,
        SourceFormat::ScheduleXml => schedule_xml::read(text)?,
        SourceFormat::PretalxWidget => pretalx::read(text)?,
    };
    let imported = build::build(source, format, offsets, options.timezone.as_deref())?;
    // What is imported can be saved as a file and read back.
    let size = crate::storage::encode(&imported.meeting).len();
    if size > MAX_BYTES {
        return Err(ImportError::ResultTooLarge(size));
    }
    Ok(imported)
}
