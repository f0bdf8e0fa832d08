//! `agenda`: the planner's command-line companion. It uses the same pure functions as the app.
//!
//! ```text
//! agenda export --format html|summary|ics|json|published|schedule-json|schedule-xml|people-csv|participation-csv [options] MEETING.json [-o OUT]
//! agenda import FILE [--timezone ZONE] [-o MEETING.json]
//! agenda import SHEET.csv --into MEETING.json [-o MEETING.json]
//! agenda check MEETING.json
//! agenda sample [-o FILE]
//! ```
//! Exit status: 0 success; 1 the file could not be read, is not valid, has scheduling errors
//! (`check`), or could not be written; 2 the command line is wrong.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use agenda_planner::domain::check::{check, counts};
use agenda_planner::domain::generate::generated_meeting;
use agenda_planner::domain::sample::sample_meeting;
use agenda_planner::domain::schedule::parse_date;
use agenda_planner::domain::time::TzDatabase;
use agenda_planner::domain::Meeting;
use agenda_planner::export::c3voc::{json_document, schedule_xml};
use agenda_planner::export::html::{programme, Paper, ProgrammeOptions};
use agenda_planner::export::ics::{calendar, CalendarOptions};
use agenda_planner::export::Format;
use agenda_planner::import::{import_bytes, ImportError, Options, MAX_BYTES};
use agenda_planner::storage::{decode, encode_pretty};

const USAGE: &str = "\
Usage:
  agenda export --format FORMAT [options] MEETING.json [-o OUT]
  agenda import FILE [--timezone ZONE] [-o MEETING.json]
  agenda import SHEET.csv --into MEETING.json [-o MEETING.json]
  agenda check MEETING.json
  agenda sample [-o FILE]
  agenda generate [--sessions N] [--people N] [--days N] [--rooms N] [-o FILE]

Generate writes a made-up meeting of that size (default 1000 sessions, 2000 people,
3 days, 10 rooms), for trying the planner or measuring it. Sessions are at least
15 minutes long, so a room's day holds at most 48: a meeting that would not fit gets
more days.

Formats: html (printable programme), summary (the summary report: key messages and
recommendations), ics (iCalendar), json (meeting file),
published (the schedule for attendees: the attendee view opens it with ?src=),
schedule-json and schedule-xml (frab/c3voc schedule for apps), people-csv (everyone,
for badges and mail merge) and participation-csv (who is in which session, as what).

Import reads a frab/c3voc schedule.json or schedule.xml, a pretalx widget schedule
JSON or a meeting file, and writes a new meeting file; a report goes to standard error.
--timezone ZONE (an IANA name, such as Europe/Brussels) sets the meeting's timezone for a
file that gives none (pentabarf XML): its times without an offset are local times there.
A spreadsheet (.csv or .tsv: a header row, then one row per person, or per person and
session with Day, Start, End, Room, Session and Role columns) adds its people, and their
roles in sessions, to the meeting given with --into; the columns are recognized by their
headers and the report says which were read.

Export and import write to OUT, or to standard output when -o is missing or '-'.

Programme (html) options:
  --no-honorifics          leave out honorifics (H.E., Dr…)
  --short-organizations    use short organization names where given
  --no-descriptions        leave out session descriptions
  --no-run-of-show         leave out run-of-show items
  --no-people-index        leave out the index of people
  --no-biographies         leave out the biographies annex
  --draft                  mark every page DRAFT
  --version-label TEXT     e.g. \"Draft 2\"
  --version-date YYYY-MM-DD
  --paper a4|letter        (default a4)
  --schedule-url URL       the attendee schedule's address: a QR code of it on page 1

`check` also lists conflicts and readiness findings (errors, warnings, notes).

Exit status: 0 done; 1 bad or unreadable file, scheduling errors (check), or failed write;
2 wrong command line.";

/// How big a generated meeting is (`agenda generate`); the defaults are the benchmark's.
struct Size {
    sessions: usize,
    people: usize,
    days: usize,
    rooms: usize,
}

impl Default for Size {
    fn default() -> Self {
        Size {
            sessions: 1000,
            people: 2000,
            days: 3,
            rooms: 10,
        }
    }
}

/// A failure, with the exit status it maps to.
enum Failure {
    Usage(String),
    File(String),
}

fn main() -> ExitCode {
    match run(std::env::args_os().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("agenda: {}\n\n{USAGE}", terminal(&message));
            ExitCode::from(2)
        }
        Err(Failure::File(message)) => {
            eprintln!("agenda: {}", terminal(&message));
            ExitCode::from(1)
        }
    }
}

/// A spreadsheet's people (and their roles in sessions) added to the meeting `into`.
fn import_sheet(
    path: &std::path::Path,
    bytes: &[u8],
    into: Option<PathBuf>,
    output: Option<PathBuf>,
) -> Result<(), Failure> {
    use agenda_planner::import::csv::{apply, guess_columns, read_table};
    let cannot = |e: ImportError| Failure::File(format!("cannot import {}: {e}", path.display()));
    let into = into.ok_or_else(|| {
        usage("a spreadsheet adds people to a meeting: give the meeting with --into MEETING.json")
    })?;
    let meeting = read_meeting(Some(into))?;
    let text = std::str::from_utf8(bytes).map_err(|_| cannot(ImportError::NotText))?;
    let table = read_table(text).map_err(cannot)?;
    let columns = guess_columns(&table.headers);
    let read: Vec<String> = table
        .headers
        .iter()
        .zip(&columns)
        .filter_map(|(h, c)| c.map(|c| format!("{h} → {}", c.header())))
        .collect();
    let outcome = apply(&meeting, &table, &columns).map_err(cannot)?;
    eprintln!("{}", terminal(&outcome.summary()));
    eprintln!("  Columns read: {}.", terminal(&read.join(", ")));
    for note in &outcome.notes {
        eprintln!("  {}", terminal(&note.to_string()));
    }
    let mut meeting = meeting;
    if let Some(edit) = outcome.edit {
        edit.apply(&mut meeting)
            .map_err(|e| Failure::File(format!("cannot import {}: {e}", path.display())))?;
    }
    write_output(output, &encode_pretty(&meeting))
}

fn usage(e: impl std::fmt::Display) -> Failure {
    Failure::Usage(e.to_string())
}

fn run(args: Vec<OsString>) -> Result<(), Failure> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let command = match parser.next().map_err(usage)? {
        Some(Value(command)) => command.string().map_err(usage)?,
        Some(Long("help")) | Some(Short('h')) => {
            println!("{USAGE}");
            return Ok(());
        }
        Some(other) => return Err(usage(other.unexpected())),
        None => return Err(usage("no command given")),
    };
    let mut format = None;
    let mut input: Option<PathBuf> = None;
    let mut output: Option<PathBuf> = None;
    let mut options = ProgrammeOptions::default();
    let mut size = Size::default();
    let mut import_options = Options::default();
    let mut into: Option<PathBuf> = None;
    while let Some(arg) = parser.next().map_err(usage)? {
        match arg {
            Short('o') | Long("output") => output = Some(parser.value().map_err(usage)?.into()),
            Long("format") if command == "export" => {
                let token = parser.value().map_err(usage)?.string().map_err(usage)?;
                format = Some(Format::parse(&token).ok_or_else(|| {
                    usage(format!("unknown format “{token}” (use html, summary, ics, json, published, schedule-json, schedule-xml, people-csv or participation-csv)"))
                })?);
            }
            Long("no-honorifics") if command == "export" => options.honorifics = false,
            Long("short-organizations") if command == "export" => {
                options.short_organizations = true
            }
            Long("no-descriptions") if command == "export" => options.descriptions = false,
            Long("no-run-of-show") if command == "export" => options.run_of_show = false,
            Long("no-people-index") if command == "export" => options.people_index = false,
            Long("no-biographies") if command == "export" => options.biographies = false,
            Long("draft") if command == "export" => options.draft = true,
            Long("schedule-url") if command == "export" => {
                options.schedule_url = parser.value().map_err(usage)?.string().map_err(usage)?
            }
            Long("version-label") if command == "export" => {
                options.version_label = parser.value().map_err(usage)?.string().map_err(usage)?
            }
            Long("version-date") if command == "export" => {
                let text = parser.value().map_err(usage)?.string().map_err(usage)?;
                options.version_date = Some(parse_date(&text).ok_or_else(|| {
                    usage(format!("--version-date “{text}” is not a date YYYY-MM-DD"))
                })?);
            }
            Long("paper") if command == "export" => {
                options.paper = match parser
                    .value()
                    .map_err(usage)?
                    .string()
                    .map_err(usage)?
                    .as_str()
                {
                    "a4" | "A4" => Paper::A4,
                    "letter" | "Letter" => Paper::Letter,
                    other => {
                        return Err(usage(format!("unknown paper “{other}” (use a4 or letter)")))
                    }
                }
            }
            Long(name @ ("sessions" | "people" | "days" | "rooms")) if command == "generate" => {
                let name = name.to_string();
                let text = parser.value().map_err(usage)?.string().map_err(usage)?;
                let n: usize = text
                    .parse()
                    .ok()
                    .filter(|n| (1..=100_000).contains(n))
                    .ok_or_else(|| {
                        usage(format!(
                            "--{name} “{text}” is not a number from 1 to 100000"
                        ))
                    })?;
                match name.as_str() {
                    "sessions" => size.sessions = n,
                    "people" => size.people = n,
                    "days" => size.days = n,
                    _ => size.rooms = n,
                }
            }
            Long("into") if command == "import" => {
                into = Some(parser.value().map_err(usage)?.into())
            }
            Long("timezone") if command == "import" => {
                import_options.timezone =
                    Some(parser.value().map_err(usage)?.string().map_err(usage)?)
            }
            Long("help") | Short('h') => {
                println!("{USAGE}");
                return Ok(());
            }
            Value(path)
                if input.is_none() && !matches!(command.as_str(), "sample" | "generate") =>
            {
                input = Some(path.into())
            }
            other => return Err(usage(other.unexpected())),
        }
    }
    match command.as_str() {
        "export" => {
            let format = format.ok_or_else(|| {
                usage("export needs --format html, summary, ics, json, published, schedule-json, schedule-xml, people-csv or participation-csv")
            })?;
            let meeting = read_meeting(input)?;
            let text = match format {
                Format::Html => programme(&meeting, &options),
                Format::Summary => agenda_planner::export::summary::summary(&meeting),
                Format::Json => encode_pretty(&meeting),
                Format::Published => agenda_planner::storage::published::encode_published(&meeting),
                Format::PeopleCsv => agenda_planner::export::csv::people_csv(&meeting),
                Format::ParticipationCsv => {
                    agenda_planner::export::csv::participation_csv(&meeting)
                }
                Format::ScheduleJson => json_document(&meeting, &TzDatabase)
                    .map_err(|e| Failure::File(format!("cannot export: {e}")))
                    .map(|doc| serde_json::to_string_pretty(&doc).unwrap_or_default())?,
                Format::ScheduleXml => schedule_xml(&meeting, &TzDatabase)
                    .map_err(|e| Failure::File(format!("cannot export: {e}")))?,
                Format::Ics => {
                    let stamp = std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .ok()
                        .and_then(|d| chrono::DateTime::from_timestamp(d.as_secs() as i64, 0))
                        .map(|t| t.naive_utc())
                        .unwrap_or_default();
                    let options = CalendarOptions {
                        sessions: None,
                        stamp,
                        honorifics: options.honorifics,
                    };
                    calendar(&meeting, &options, &TzDatabase)
                        .map_err(|e| Failure::File(format!("cannot export: {e}")))?
                }
            };
            write_output(output, &text)
        }
        "check" => {
            let path = input.clone();
            let meeting = read_meeting(input)?;
            let display = path.map(|p| p.display().to_string()).unwrap_or_default();
            println!(
                "{}: valid — “{}”, {} days, {} sessions, {} people",
                terminal(&display),
                terminal(&meeting.title),
                meeting.days.len(),
                meeting.sessions.len(),
                meeting.people.len()
            );
            // The meeting's own settings and dismissals; without a clock, the "still to be
            // confirmed close to the meeting" check is left to the app.
            let mut findings = check(&meeting, &meeting.checks);
            findings.extend(agenda_planner::domain::check::time_findings(
                &meeting,
                &TzDatabase,
            ));
            for f in &findings {
                let dismissed = if f.dismissed { " (dismissed)" } else { "" };
                println!(
                    "{}: {}{dismissed}",
                    f.severity.as_str(),
                    terminal(&f.message)
                );
            }
            let (errors, warnings, notes) = counts(&findings);
            println!("{errors} error(s), {warnings} warning(s), {notes} note(s)");
            if errors > 0 {
                return Err(Failure::File(format!(
                    "{display} has {errors} scheduling error(s)"
                )));
            }
            Ok(())
        }
        "sample" => write_output(output, &encode_pretty(&sample_meeting())),
        "generate" => write_output(
            output,
            &encode_pretty(&generated_meeting(
                size.sessions,
                size.people,
                size.days,
                size.rooms,
            )),
        ),
        "import" => {
            let path = input.ok_or_else(|| usage("no file to import given"))?;
            // Refused before reading when too large.
            let size = std::fs::metadata(&path)
                .map_err(|e| Failure::File(format!("cannot read {}: {e}", path.display())))?
                .len();
            if size > MAX_BYTES as u64 {
                return Err(Failure::File(format!(
                    "cannot import {}: {}",
                    path.display(),
                    ImportError::TooLarge(size as usize)
                )));
            }
            let bytes = std::fs::read(&path)
                .map_err(|e| Failure::File(format!("cannot read {}: {e}", path.display())))?;
            let sheet = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("tsv"));
            if sheet {
                return import_sheet(&path, &bytes, into, output);
            }
            if into.is_some() {
                return Err(usage(
                    "--into is for spreadsheets (.csv, .tsv); a schedule file makes a new meeting",
                ));
            }
            let imported = import_bytes(&bytes, &TzDatabase, &import_options)
                .map_err(|e| Failure::File(format!("cannot import {}: {e}", path.display())))?;
            eprintln!("{}", terminal(&imported.report.summary()));
            for note in &imported.report.notes {
                eprintln!("  {}", terminal(&note.to_string()));
            }
            // Indented unless that would make it larger than the planner reads back.
            let pretty = encode_pretty(&imported.meeting);
            if pretty.len() > MAX_BYTES {
                write_output(output, &agenda_planner::storage::encode(&imported.meeting))
            } else {
                write_output(output, &pretty)
            }
        }
        other => Err(usage(format!("unknown command “{other}”"))),
    }
}

/// Text from a meeting or a file as a terminal should show it: control characters (which
/// could move the cursor, clear the screen or retitle the window) and the bidi controls (which
/// could show a line in another order than it is) written as `\u{…}` escapes; line breaks are
/// kept.
fn terminal(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

fn read_meeting(path: Option<PathBuf>) -> Result<Meeting, Failure> {
    let path = path.ok_or_else(|| usage("no meeting file given"))?;
    let text = std::fs::read_to_string(&path)
        .map_err(|e| Failure::File(format!("cannot read {}: {e}", path.display())))?;
    // A file may escape half a surrogate pair (JSON allows it): U+FFFD in its place.
    let text = agenda_planner::storage::json::lone_surrogates_replaced(&text);
    decode(&text).map_err(|e| Failure::File(format!("{} cannot be opened: {e}", path.display())))
}

fn write_output(path: Option<PathBuf>, text: &str) -> Result<(), Failure> {
    match path {
        Some(path) if path.as_os_str() != "-" => std::fs::write(&path, text)
            .map_err(|e| Failure::File(format!("cannot write {}: {e}", path.display()))),
        _ => {
            use std::io::Write;
            std::io::stdout()
                .write_all(text.as_bytes())
                .map_err(|e| Failure::File(format!("cannot write to standard output: {e}")))
        }
    }
}
