//! Spreadsheets for badges and mail merge: the people of a meeting, and who is in which
//! session in which role, as CSV (RFC 4180, by the `csv` crate).
//!
//! A cell that a spreadsheet would run as a formula (one starting with `=`, `+`, `-`, `@`, a
//! tab or a carriage return) is written with a `'` in front, which spreadsheets show as text;
//! the importer takes that `'` off again, so a file read back is what was written.

use crate::domain::{Meeting, Person, Placement};

/// The columns the planner writes and reads, each with its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Honorific,
    GivenName,
    FamilyName,
    /// The whole name in one cell ("H.E. Luis Almagro Lemes" → given and family name).
    FullName,
    Position,
    Organization,
    OrganizationShort,
    Category,
    Biography,
    /// The sessions a person is in (people file), titles joined by "; ": written, not read.
    Sessions,
    Day,
    Start,
    End,
    Room,
    Session,
    Role,
    Status,
}

impl Column {
    /// Every column, in the order the mapping step lists them.
    pub const ALL: [Column; 17] = [
        Column::Honorific,
        Column::GivenName,
        Column::FamilyName,
        Column::FullName,
        Column::Position,
        Column::Organization,
        Column::OrganizationShort,
        Column::Category,
        Column::Biography,
        Column::Sessions,
        Column::Day,
        Column::Start,
        Column::End,
        Column::Room,
        Column::Session,
        Column::Role,
        Column::Status,
    ];

    /// The header the planner writes for this column.
    pub fn header(self) -> &'static str {
        match self {
            Column::Honorific => "Honorific",
            Column::GivenName => "Given name",
            Column::FamilyName => "Family name",
            Column::FullName => "Name",
            Column::Position => "Position",
            Column::Organization => "Organization",
            Column::OrganizationShort => "Organization (short)",
            Column::Category => "Category",
            Column::Biography => "Biography",
            Column::Sessions => "Sessions",
            Column::Day => "Day",
            Column::Start => "Start",
            Column::End => "End",
            Column::Room => "Room",
            Column::Session => "Session",
            Column::Role => "Role",
            Column::Status => "Status",
        }
    }
}

/// `'` in front of a cell a spreadsheet would take for a formula.
pub fn neutralized(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// CSV text written row by row, every cell neutralized; line ends "\r\n" as RFC 4180 has
/// them.
struct Sheet(csv::Writer<Vec<u8>>);

impl Sheet {
    fn new(headers: &[Column]) -> Sheet {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        // Writing to memory cannot fail; a row that did would be left out, not panic.
        let _ = w.write_record(headers.iter().map(|c| c.header()));
        Sheet(w)
    }

    fn row<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) {
        for cell in cells {
            let _ = self.0.write_field(neutralized(cell).as_bytes());
        }
        let _ = self.0.write_record(None::<&[u8]>);
    }

    fn text(self) -> String {
        let bytes = self.0.into_inner().unwrap_or_default();
        String::from_utf8(bytes).unwrap_or_default()
    }
}

fn person_cells(p: &Person) -> [&str; 7] {
    [
        &p.honorific,
        &p.given_name,
        &p.family_name,
        &p.position,
        &p.organization,
        &p.organization_short,
        p.category.label(),
    ]
}

const PERSON: [Column; 7] = [
    Column::Honorific,
    Column::GivenName,
    Column::FamilyName,
    Column::Position,
    Column::Organization,
    Column::OrganizationShort,
    Column::Category,
];

/// Everyone in the meeting, in family-name order, with the sessions they are in (programme
/// order).
pub fn people_csv(m: &Meeting) -> String {
    let mut headers = PERSON.to_vec();
    headers.extend([Column::Biography, Column::Sessions]);
    let mut people: Vec<&Person> = m.people.iter().collect();
    crate::domain::order::sort_by_prefixed(
        &mut people,
        |p| crate::domain::order::prefix(p.family_name.bytes()),
        |a, b| (&a.family_name, &a.given_name, a.id).cmp(&(&b.family_name, &b.given_name, b.id)),
    );
    let in_sessions = m.sessions_by_person();
    let mut sheet = Sheet::new(&headers);
    let mut sessions = String::new();
    for p in people {
        sessions.clear();
        for (i, s) in in_sessions.of(p.id).iter().enumerate() {
            if i > 0 {
                sessions.push_str("; ");
            }
            sessions.push_str(&s.title);
        }
        sheet.row(person_cells(p).into_iter().chain([&*p.bio, &*sessions]));
    }
    sheet.text()
}

/// One row per person per session, in programme order and, within a session, in the order
/// the programme lists its people.
pub fn participation_csv(m: &Meeting) -> String {
    let mut headers = vec![
        Column::Day,
        Column::Start,
        Column::End,
        Column::Room,
        Column::Session,
        Column::Role,
        Column::Status,
    ];
    headers.extend(PERSON);
    let mut sheet = Sheet::new(&headers);
    for (day, s) in m.programme_sessions() {
        let room = match s.placement {
            Placement::AllRooms => String::new(),
            Placement::Room(_) => m.placement_label(s.placement),
        };
        let (date, start, end) = (
            day.date.to_string(),
            crate::domain::schedule::hh_mm(s.start),
            crate::domain::schedule::hh_mm(s.end),
        );
        for (role, people) in s.people_by_role() {
            for p in people {
                let Some(person) = m.person(p.person) else {
                    continue;
                };
                let cells = [
                    &*date,
                    &*start,
                    &*end,
                    &*room,
                    &*s.title,
                    role.heading(1),
                    p.status.label(),
                ];
                sheet.row(cells.into_iter().chain(person_cells(person)));
            }
        }
    }
    sheet.text()
}
