//! Exports: pure functions from a meeting (and options) to the text of a file.
//! The browser glue (download, print) and the command line only call these.

pub mod c3voc;
pub mod changes;
pub mod csv;
pub mod html;
pub mod ics;
pub mod summary;

use thiserror::Error;

use crate::domain::names::file_stem;
use crate::domain::time::{OffsetError, UtcOffsets};
use crate::domain::Meeting;

/// Seconds east of UTC at `local` in the meeting's timezone, or why there is none (the error
/// names the session, `title`).
pub(crate) fn offset_at(
    meeting: &Meeting,
    offsets: &dyn UtcOffsets,
    title: &str,
    local: chrono::NaiveDateTime,
) -> Result<i32, ExportError> {
    offsets
        .utc_offset(&meeting.timezone, local)
        .map_err(|e| match e {
            OffsetError::UnknownTimezone => ExportError::UnknownTimezone(meeting.timezone.clone()),
            OffsetError::NoSuchLocalTime => ExportError::NoSuchLocalTime {
                title: title.to_string(),
                date: crate::domain::schedule::iso_date(local.date()),
                time: crate::domain::schedule::hh_mm(local.time()),
                timezone: meeting.timezone.clone(),
            },
        })
}

/// The formats a meeting can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The printable programme: one self-contained HTML file.
    Html,
    /// The summary report: introduction, each session's speakers and key messages, the
    /// recommendations; one self-contained printable HTML file.
    Summary,
    /// iCalendar (RFC 5545): one event per session.
    Ics,
    /// Our own versioned JSON envelope.
    Json,
    /// The frab/c3voc schedule JSON, for schedule apps and info screens.
    ScheduleJson,
    /// The frab/pentabarf schedule XML.
    ScheduleXml,
    /// The schedule for attendees: the published form (`storage::published`), what the
    /// attendee view opens with `?src=`.
    Published,
    /// Everyone in the meeting, one row each, for badges and mail merge (CSV).
    PeopleCsv,
    /// Who is in which session in which role, one row per person per session (CSV).
    ParticipationCsv,
}

impl Format {
    pub const ALL: [Format; 9] = [
        Format::Html,
        Format::Summary,
        Format::Ics,
        Format::Json,
        Format::Published,
        Format::ScheduleJson,
        Format::ScheduleXml,
        Format::PeopleCsv,
        Format::ParticipationCsv,
    ];

    /// Human-readable name.
    pub fn label(self) -> &'static str {
        match self {
            Format::Html => "Printable programme (HTML)",
            Format::Summary => "Summary report: key messages and recommendations (HTML)",
            Format::Ics => "Calendar (iCalendar .ics)",
            Format::Json => "Meeting file (JSON)",
            Format::ScheduleJson => "Schedule for apps (frab/c3voc schedule.json)",
            Format::ScheduleXml => "Schedule for apps (frab/c3voc schedule.xml)",
            Format::Published => "Schedule for attendees (published file for the attendee view)",
            Format::PeopleCsv => "People, for badges and mail merge (CSV)",
            Format::ParticipationCsv => "Who is in which session, in which role (CSV)",
        }
    }

    /// The token used on the command line and in the UI: "html", "ics", "json".
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Summary => "summary",
            Format::Ics => "ics",
            Format::Json => "json",
            Format::ScheduleJson => "schedule-json",
            Format::ScheduleXml => "schedule-xml",
            Format::Published => "published",
            Format::PeopleCsv => "people-csv",
            Format::ParticipationCsv => "participation-csv",
        }
    }

    /// Parses the command-line token.
    pub fn parse(token: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str() == token)
    }

    /// MIME type of the file.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Html | Format::Summary => "text/html;charset=utf-8",
            Format::Ics => "text/calendar;charset=utf-8",
            Format::Json | Format::ScheduleJson | Format::Published => "application/json",
            Format::ScheduleXml => "application/xml",
            Format::PeopleCsv | Format::ParticipationCsv => "text/csv;charset=utf-8",
        }
    }

    /// "r2p-focal-points-2022-programme.html", "….ics", "….json".
    pub fn file_name(self, meeting: &Meeting) -> String {
        let stem = file_stem(meeting);
        match self {
            Format::Html => format!("{stem}-programme.html"),
            Format::Summary => format!("{stem}-summary.html"),
            Format::Ics => format!("{stem}.ics"),
            Format::Json => format!("{stem}.json"),
            Format::ScheduleJson => format!("{stem}-schedule.json"),
            Format::ScheduleXml => format!("{stem}-schedule.xml"),
            Format::Published => format!("{stem}-published.json"),
            Format::PeopleCsv => format!("{stem}-people.csv"),
            Format::ParticipationCsv => format!("{stem}-participation.csv"),
        }
    }
}

/// Why an export could not be made.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ExportError {
    #[error("the meeting's timezone “{0}” is not a known IANA timezone name")]
    UnknownTimezone(String),
    #[error("session “{title}” starts or ends at {time} on {date}, a time that does not exist in {timezone} (the clocks skip it)")]
    NoSuchLocalTime {
        title: String,
        date: String,
        time: String,
        timezone: String,
    },
}
