//! People (and, when the sheet has them, the sessions they are in and their roles) from the
//! spreadsheet every secretariat keeps, added to the open meeting.
//!
//! Three steps, as the app shows them: [`read_table`] reads the file (comma, semicolon or tab
//! separated; the first row names the columns); [`guess_columns`] proposes what each column
//! is, which the person importing can change; [`apply`] makes one edit of it — people matched
//! by name with those already in the meeting are updated rather than added twice, sessions
//! matched by title (and day), or created when the row gives their day and times.

use std::collections::HashMap;

use chrono::NaiveTime;

use super::ImportError;
use crate::domain::schedule::{parse_date, parse_time};
use crate::domain::{
    Category, Day, DayId, Edit, Item, Meeting, Participant, Person, PersonId, Placement, Role,
    Room, RoomId, Session, SessionId, SessionKind, Status,
};
pub use crate::export::csv::Column;

/// Rows read at most: more than any meeting's list of people.
pub const MAX_ROWS: usize = 50_000;
/// Columns read at most.
pub const MAX_COLUMNS: usize = 100;
/// Longest cell kept, in characters (a biography fits).
pub const MAX_CELL: usize = 10_000;

/// A sheet: the first row's names, then the rows (each as long as the header).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// What was changed to read it (cells cut, rows padded).
    pub notes: Vec<String>,
}

/// The separator the first line uses most: comma, semicolon (spreadsheets in many European
/// languages) or tab.
fn separator(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    let mut best = (b',', 0);
    for sep in [b',', b';', b'\t'] {
        let mut n = 0;
        let mut quoted = false;
        for b in first.bytes() {
            if b == b'"' {
                quoted = !quoted;
            } else if b == sep && !quoted {
                n += 1;
            }
        }
        if n > best.1 {
            best = (sep, n);
        }
    }
    best.0
}

/// The `'` the exports put in front of a formula-like cell, taken off again.
fn unneutralized(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

/// Reads a CSV file's text into a [`Table`]; refuses a file with no header or no rows.
pub fn read_table(text: &str) -> Result<Table, ImportError> {
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if text.len() > super::MAX_BYTES {
        return Err(ImportError::TooLarge(text.len()));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut table = Table::default();
    let (mut cut, mut padded) = (0, 0);
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(i + 1, |p| p.line() as usize);
            ImportError::Csv(format!("row {line} cannot be read ({})", csv_reason(&e)))
        })?;
        if i > MAX_ROWS {
            return Err(ImportError::Csv(format!(
                "it has more than {MAX_ROWS} rows; split it into smaller files"
            )));
        }
        if record.len() > MAX_COLUMNS {
            return Err(ImportError::Csv(format!(
                "row {} has {} columns; at most {MAX_COLUMNS} are read",
                i + 1,
                record.len()
            )));
        }
        let cells: Vec<String> = record
            .iter()
            .map(|c| {
                let c = unneutralized(c.trim());
                if c.chars().count() > MAX_CELL {
                    cut += 1;
                    c.chars().take(MAX_CELL).collect()
                } else {
                    c.to_string()
                }
            })
            .collect();
        if i == 0 {
            table.headers = cells;
            continue;
        }
        if cells.iter().all(String::is_empty) {
            continue;
        }
        let mut cells = cells;
        if cells.len() != table.headers.len() {
            padded += 1;
            cells.resize(table.headers.len(), String::new());
        }
        table.rows.push(cells);
    }
    if table.headers.iter().all(String::is_empty) {
        return Err(ImportError::Csv(
            "its first row names no column".to_string(),
        ));
    }
    if table.rows.is_empty() {
        return Err(ImportError::Csv(
            "it has a header row but no rows under it".to_string(),
        ));
    }
    if cut > 0 {
        table.notes.push(format!(
            "{cut} cell(s) longer than {MAX_CELL} characters were cut."
        ));
    }
    if padded > 0 {
        table.notes.push(format!(
            "{padded} row(s) had more or fewer cells than the header; extra cells were left out and missing ones left empty."
        ));
    }
    Ok(table)
}

fn csv_reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "it is not UTF-8 text".to_string(),
        _ => {
            let text = e.to_string();
            text.split(": ").last().unwrap_or(&text).to_string()
        }
    }
}

/// A header folded for comparison: ASCII lower case, letters and digits only.
fn fold(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// What a column with this header most likely holds (the planner's own headers, and the
/// names spreadsheets commonly use, in English, Spanish, French and Portuguese).
pub fn guess(header: &str) -> Option<Column> {
    let h = fold(header);
    if let Some(c) = Column::ALL.into_iter().find(|c| fold(c.header()) == h) {
        return Some(c);
    }
    let column = match h.as_str() {
        "title" | "salutation" | "prefix" | "tratamiento" | "titre" | "civilite" | "civilité"
        | "tratamento" | "honorifics" => Column::Honorific,
        "firstname" | "first" | "givennames" | "forename" | "nombre" | "prenom" | "prénom"
        | "primeironome" => Column::GivenName,
        "lastname" | "last" | "surname" | "familyname" | "apellido" | "apellidos" | "nom"
        | "nomdefamille" | "sobrenome" | "apelido" => Column::FamilyName,
        "fullname" | "person" | "participant" | "speaker" | "nombrecompleto" | "nomcomplet"
        | "nomecompleto" => Column::FullName,
        "jobtitle" | "function" | "cargo" | "fonction" | "poste" | "função" | "funcao" => {
            Column::Position
        }
        "organisation" | "org" | "institution" | "affiliation" | "company" | "ministry"
        | "organizacion" | "organización" | "organização" | "organizacao" | "entity"
        | "delegation" => Column::Organization,
        "acronym" | "organizationacronym" | "organisationshort" | "shortorganization" => {
            Column::OrganizationShort
        }
        "bio" | "biography" | "about" | "biografia" | "biografía" | "biographie" => {
            Column::Biography
        }
        "date" | "fecha" | "dia" | "día" | "jour" => Column::Day,
        "from" | "begin" | "starttime" | "inicio" | "début" | "debut" | "início" => Column::Start,
        "to" | "until" | "endtime" | "fin" | "fim" => Column::End,
        "venue" | "location" | "sala" | "salle" => Column::Room,
        "sessiontitle" | "event" | "talk" | "panel" | "sesion" | "sesión" | "séance" | "seance"
        | "sessão" | "sessao" => Column::Session,
        "rol" | "rôle" | "papel" | "part" => Column::Role,
        "state" | "estado" | "statut" | "confirmation" => Column::Status,
        _ => return None,
    };
    Some(column)
}

/// A proposal for every column: each guessed column once, the first that fits.
pub fn guess_columns(headers: &[String]) -> Vec<Option<Column>> {
    let mut taken: Vec<Column> = Vec::new();
    headers
        .iter()
        .map(|h| {
            let c = guess(h).filter(|c| !taken.contains(c) && *c != Column::Sessions)?;
            taken.push(c);
            Some(c)
        })
        .collect()
}

/// What [`apply`] did, to be shown before and after.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// One undo step: every person, day, room and session added or changed.
    pub edit: Option<Edit>,
    pub people_added: usize,
    pub people_updated: usize,
    pub sessions_added: usize,
    pub roles_added: usize,
    pub notes: Vec<String>,
}

impl Outcome {
    pub fn summary(&self) -> String {
        let mut parts = vec![format!(
            "{} people added, {} updated",
            self.people_added, self.people_updated
        )];
        if self.sessions_added > 0 {
            parts.push(format!("{} sessions added", self.sessions_added));
        }
        if self.roles_added > 0 {
            parts.push(format!("{} roles in sessions", self.roles_added));
        }
        parts.join(", ") + "."
    }
}

/// A name folded for matching people and sessions: white space runs and ASCII case do not
/// count.
fn folded(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase()
}

/// Honorifics a full name may start with.
const HONORIFICS: [&str; 14] = [
    "H.E.",
    "HE",
    "Amb.",
    "Ambassador",
    "Dr.",
    "Dr",
    "Prof.",
    "Mr.",
    "Ms.",
    "Mrs.",
    "Sr.",
    "Sra.",
    "Mme",
    "M.",
];

/// "H.E. Luis Almagro Lemes" → ("H.E.", "Luis Almagro", "Lemes").
fn split_full_name(name: &str) -> (String, String, String) {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    let mut honorific = Vec::new();
    while words.len() > 1 && HONORIFICS.iter().any(|h| h.eq_ignore_ascii_case(words[0])) {
        honorific.push(words.remove(0));
    }
    let family = words.pop().unwrap_or_default().to_string();
    (honorific.join(" "), words.join(" "), family)
}

fn role_of(cell: &str) -> Option<Role> {
    let c = folded(cell);
    Role::ALL.into_iter().find(|r| {
        c == r.as_str()
            || c == r.heading(1).to_ascii_lowercase()
            || c == r.heading(2).to_ascii_lowercase()
    })
}

fn status_of(cell: &str) -> Option<Status> {
    let c = folded(cell);
    Status::ALL
        .into_iter()
        .find(|s| c == s.as_str() || c == s.label().to_ascii_lowercase())
}

fn category_of(cell: &str) -> Option<Category> {
    let c = folded(cell);
    Category::ALL
        .into_iter()
        .find(|x| c == x.as_str() || c == x.label().to_ascii_lowercase())
}

/// Adds the sheet's people (and roles in sessions) to `m`, as one edit. `columns` says what
/// each column of `table` is (`None`: not read). Nothing is changed when it fails.
pub fn apply(
    m: &Meeting,
    table: &Table,
    columns: &[Option<Column>],
) -> Result<Outcome, ImportError> {
    let at = |c: Column| columns.iter().position(|x| *x == Some(c));
    let has = |c: Column| at(c).is_some();
    if !(has(Column::FullName) || has(Column::GivenName) || has(Column::FamilyName)) {
        return Err(ImportError::Csv(
            "no column is marked as a name (Name, Given name or Family name)".to_string(),
        ));
    }
    let cell = |row: &Vec<String>, c: Column| -> String {
        at(c).and_then(|i| row.get(i)).cloned().unwrap_or_default()
    };
    let mut next = m.clone();
    let mut outcome = Outcome::default();
    let (mut unknown_sessions, mut unknown_roles, mut bad_times) = (Vec::new(), 0, 0);
    let mut unscheduled: Vec<String> = Vec::new();
    // Where each person (by folded name) and each session (by folded title) is in `next`: a
    // sheet may have tens of thousands of rows.
    let mut people_at: HashMap<String, usize> = next
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| (folded(&p.name()), i))
        .collect();
    let mut sessions_at: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, s) in next.sessions.iter().enumerate() {
        sessions_at.entry(folded(&s.title)).or_default().push(i);
    }
    let (mut next_person, mut next_session) = (m.new_person_id().0, m.new_session_id().0);
    for row in &table.rows {
        // Who.
        let (mut honorific, mut given, mut family) = (
            cell(row, Column::Honorific),
            cell(row, Column::GivenName),
            cell(row, Column::FamilyName),
        );
        let full = cell(row, Column::FullName);
        if given.is_empty() && family.is_empty() && !full.is_empty() {
            let (h, g, f) = split_full_name(&full);
            if honorific.is_empty() {
                honorific = h;
            }
            (given, family) = (g, f);
        }
        if given.is_empty() && family.is_empty() {
            continue;
        }
        let name = folded(&format!("{given} {family}"));
        let at_person = *people_at.entry(name).or_insert_with(|| {
            next.people.push(Person {
                id: PersonId(next_person),
                given_name: given.clone(),
                family_name: family.clone(),
                ..Person::default()
            });
            next_person += 1;
            next.people.len() - 1
        });
        let id = next.people[at_person].id;
        {
            let p = &mut next.people[at_person];
            let fill = |field: &mut String, value: String| {
                if !value.is_empty() {
                    *field = value;
                }
            };
            fill(&mut p.honorific, honorific);
            fill(&mut p.position, cell(row, Column::Position));
            fill(&mut p.organization, cell(row, Column::Organization));
            fill(
                &mut p.organization_short,
                cell(row, Column::OrganizationShort),
            );
            fill(&mut p.bio, cell(row, Column::Biography));
            if let Some(c) = category_of(&cell(row, Column::Category)) {
                p.category = c;
            }
        }

        // In which session, as what.
        let title = cell(row, Column::Session);
        if title.is_empty() {
            continue;
        }
        let date = parse_date(cell(row, Column::Day).trim());
        let start = parse_time(cell(row, Column::Start).trim());
        let end = parse_time(cell(row, Column::End).trim());
        let wanted = folded(&title);
        let found = sessions_at.get(&wanted).and_then(|list| {
            list.iter().copied().find(|&i| {
                let s = &next.sessions[i];
                date.is_none_or(|d| next.day(s.day).is_some_and(|day| day.date == d))
                    && start.is_none_or(|t| s.start == t)
            })
        });
        let session = match found {
            Some(i) => i,
            None => {
                // Where a session not in the meeting goes: at the row's day, start and end, or
                // (when it gives no whole time) on the timetable's Unscheduled tray.
                let when = match (date, start, end) {
                    (Some(date), Some(start), Some(end)) if end != start => {
                        // An end before the start is after midnight.
                        let ends_next_day = end < start;
                        let day = day_for(&mut next, date, start, end, ends_next_day);
                        Some((day, start, end, ends_next_day, false))
                    }
                    (Some(_), Some(_), Some(_)) => {
                        bad_times += 1;
                        continue;
                    }
                    _ => tray_slot(&next, date, start, end).map(|(d, s, e)| (d, s, e, false, true)),
                };
                let Some((day, start, end, ends_next_day, waits)) = when else {
                    if !unknown_sessions.contains(&title) {
                        unknown_sessions.push(title);
                    }
                    continue;
                };
                let room = cell(row, Column::Room);
                let placement = if room.trim().is_empty() || folded(&room) == "all rooms" {
                    Placement::AllRooms
                } else {
                    Placement::Room(room_for(&mut next, room.trim()))
                };
                next.sessions.push(Session {
                    id: SessionId(next_session),
                    title: title.clone(),
                    kind: SessionKind::Other,
                    day,
                    start,
                    end,
                    ends_next_day,
                    placement,
                    themes: Vec::new(),
                    description: String::new(),
                    participants: Vec::new(),
                    items: Vec::new(),
                    guid: String::new(),
                    source_type: String::new(),
                    outcomes: String::new(),
                    unscheduled: waits,
                });
                next_session += 1;
                outcome.sessions_added += 1;
                if waits && !unscheduled.contains(&title) {
                    unscheduled.push(title);
                }
                let i = next.sessions.len() - 1;
                sessions_at.entry(wanted).or_default().push(i);
                i
            }
        };
        let role_cell = cell(row, Column::Role);
        let role = match role_of(&role_cell) {
            Some(r) => r,
            None => {
                if !role_cell.is_empty() {
                    unknown_roles += 1;
                }
                Role::Speaker
            }
        };
        let status = status_of(&cell(row, Column::Status)).unwrap_or(Status::Confirmed);
        {
            let s = &mut next.sessions[session];
            match s.participants.iter_mut().find(|p| p.person == id) {
                Some(p) => {
                    p.role = role;
                    p.status = status;
                }
                None => {
                    let order = s.participants.iter().filter(|p| p.role == role).count() as u32;
                    s.participants.push(Participant {
                        person: id,
                        role,
                        status,
                        order,
                    });
                    outcome.roles_added += 1;
                }
            }
        }
    }

    outcome.people_added = next.people.len() - m.people.len();
    outcome.notes.extend(table.notes.iter().cloned());
    if !unknown_sessions.is_empty() {
        let shown: Vec<String> = unknown_sessions
            .iter()
            .take(3)
            .map(|t| format!("“{t}”"))
            .collect();
        outcome.notes.push(format!(
            "{} session(s) named in the sheet are not in the meeting and the rows give no day, start and end to add them: {}{}. Those people were added without the session.",
            unknown_sessions.len(),
            shown.join(", "),
            if unknown_sessions.len() > 3 { ", …" } else { "" }
        ));
    }
    if !unscheduled.is_empty() {
        let shown: Vec<String> = unscheduled
            .iter()
            .take(3)
            .map(|t| format!("“{t}”"))
            .collect();
        outcome.notes.push(format!(
            "{} session(s) named in the sheet had no time there: they wait on the timetable's Unscheduled tray, with their people: {}{}.",
            unscheduled.len(),
            shown.join(", "),
            if unscheduled.len() > 3 { ", …" } else { "" }
        ));
    }
    if bad_times > 0 {
        outcome.notes.push(format!(
            "{bad_times} row(s) give a session the same start and end; it was not added."
        ));
    }
    if unknown_roles > 0 {
        outcome.notes.push(format!(
            "{unknown_roles} role(s) were not ones the planner knows: those people are listed as speakers."
        ));
    }
    let unread: Vec<&str> = table
        .headers
        .iter()
        .zip(columns.iter().chain(std::iter::repeat(&None)))
        .filter(|(h, c)| c.is_none() && !h.is_empty())
        .map(|(h, _)| h.as_str())
        .collect();
    if !unread.is_empty() {
        outcome
            .notes
            .push(format!("Columns not read: {}.", unread.join(", ")));
    }

    if let Some(first) = next.validate().into_iter().next() {
        return Err(ImportError::Invalid(first.to_string()));
    }
    // The edit: every room, day, person and session that is new or differs from before.
    let mut edits: Vec<Edit> = Vec::new();
    let put = |item: Item| Edit::Put(Box::new(item));
    for r in next.rooms.iter().filter(|r| m.room(r.id) != Some(r)) {
        edits.push(put(Item::Room(r.clone())));
    }
    for d in next.days.iter().filter(|d| m.day(d.id) != Some(d)) {
        edits.push(put(Item::Day(d.clone())));
    }
    let before: HashMap<PersonId, &Person> = m.people.iter().map(|p| (p.id, p)).collect();
    for p in &next.people {
        match before.get(&p.id) {
            Some(old) if *old == p => continue,
            Some(_) => outcome.people_updated += 1,
            None => {}
        }
        edits.push(put(Item::Person(p.clone())));
    }
    let before: HashMap<SessionId, &Session> = m.sessions.iter().map(|s| (s.id, s)).collect();
    for s in next
        .sessions
        .iter()
        .filter(|s| before.get(&s.id) != Some(s))
    {
        edits.push(put(Item::Session(s.clone())));
    }
    outcome.edit = match edits.len() {
        0 => None,
        1 => edits.pop(),
        _ => Some(Edit::Batch(edits)),
    };
    Ok(outcome)
}

/// The meeting's day on `date`, widened to hold `start`–`end` (the next date's `end` when
/// `next_day`); added when there is none.
/// The day and times of a session a sheet names without a whole time (for the Unscheduled
/// tray): the day the row names (or the meeting's first), an hour from the start given (or
/// 09:00) unless the row says when it ends. `None` when the meeting has no day.
fn tray_slot(
    m: &Meeting,
    date: Option<chrono::NaiveDate>,
    start: Option<NaiveTime>,
    end: Option<NaiveTime>,
) -> Option<(DayId, NaiveTime, NaiveTime)> {
    let day = date
        .and_then(|d| m.days.iter().find(|x| x.date == d))
        .or_else(|| m.days_in_order().first().copied())?;
    let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default();
    let start = start.unwrap_or(nine);
    let (start, end) = match (
        end,
        start.overflowing_add_signed(chrono::Duration::hours(1)),
    ) {
        (Some(end), _) if end > start => (start, end),
        (_, (later, 0)) => (start, later),
        _ => (nine, nine + chrono::Duration::hours(1)),
    };
    Some((day.id, start, end))
}

fn day_for(
    m: &mut Meeting,
    date: chrono::NaiveDate,
    start: NaiveTime,
    end: NaiveTime,
    next_day: bool,
) -> DayId {
    use crate::domain::session::minutes_of;
    let ends = minutes_of(end) + if next_day { 1440 } else { 0 };
    let id = match m.days.iter().find(|d| d.date == date) {
        Some(d) => d.id,
        None => {
            let id = m.new_day_id();
            let nine = parse_time("09:00").unwrap_or(start);
            let five = parse_time("17:00").unwrap_or(end);
            m.days.push(Day {
                id,
                date,
                label: String::new(),
                start: nine.min(start),
                end: if next_day { end } else { five.max(end) },
                ends_next_day: next_day,
            });
            id
        }
    };
    if let Some(d) = m.days.iter_mut().find(|d| d.id == id) {
        d.start = d.start.min(start);
        if ends > d.ends() {
            d.end = end;
            d.ends_next_day = next_day;
        }
    }
    id
}

/// The room of this name (ASCII case aside); added when there is none.
fn room_for(m: &mut Meeting, name: &str) -> RoomId {
    let wanted = folded(name);
    if let Some(r) = m.rooms.iter().find(|r| folded(&r.name) == wanted) {
        return r.id;
    }
    let id = m.new_room_id();
    m.rooms.push(Room {
        id,
        name: name.to_string(),
        capacity: None,
        description: String::new(),
    });
    id
}

#[cfg(test)]
mod tests {
    use super::{guess_columns, split_full_name, Column};

    #[test]
    fn full_names_lose_their_honorifics_to_the_honorific() {
        assert_eq!(
            split_full_name("H.E. Luis Almagro Lemes"),
            ("H.E.".into(), "Luis Almagro".into(), "Lemes".into())
        );
        assert_eq!(
            split_full_name("Dr"),
            (String::new(), String::new(), "Dr".into())
        );
    }

    #[test]
    fn common_headers_are_guessed_each_once() {
        let headers: Vec<String> = [
            "First name",
            "Surname",
            "Organisation",
            "Email",
            "Last name",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            guess_columns(&headers),
            vec![
                Some(Column::GivenName),
                Some(Column::FamilyName),
                Some(Column::Organization),
                None,
                None
            ]
        );
    }
}
