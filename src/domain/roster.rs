//! The People part's table: a row per person with what the table shows (family name first,
//! organization, category, where their invitations stand, how many sessions they are in),
//! the filters and sort orders it offers, and the bulk change of invitation status.

use std::collections::HashMap;

use super::edit::{Edit, Item};
use super::order::sort_by;
use super::person::PeopleIndex;
use super::{Category, Meeting, PersonId, Status};

/// A column the table sorts by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Column {
    #[default]
    Name,
    Organization,
    Category,
    Status,
    Sessions,
}

impl Column {
    pub const ALL: [Column; 5] = [
        Column::Name,
        Column::Organization,
        Column::Category,
        Column::Status,
        Column::Sessions,
    ];

    /// The column's heading.
    pub fn label(self) -> &'static str {
        match self {
            Column::Name => "Name (family name first)",
            Column::Organization => "Organization",
            Column::Category => "Category",
            Column::Status => "Status",
            Column::Sessions => "Sessions",
        }
    }
}

/// The order the table is in: a column, and whether from the top down (A–Z, fewest first).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sort {
    pub column: Column,
    pub descending: bool,
}

impl Sort {
    /// Asked for by the column's heading: the other way round when it is already the order.
    pub fn toggled(self, column: Column) -> Sort {
        Sort {
            column,
            descending: self.column == column && !self.descending,
        }
    }
}

/// What the table keeps.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Words of a name or organization, already case-folded; empty keeps everyone.
    pub query: String,
    pub category: Option<Category>,
    /// The organization exactly as a person's reads.
    pub organization: Option<String>,
    /// Only people with an invitation not yet confirmed (invited, or to be confirmed).
    pub unconfirmed: bool,
}

impl Filter {
    /// Whether the filter keeps everyone.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

/// One person's row.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Row {
    pub id: PersonId,
    /// "Kikoler, Ms Naomi".
    pub name: String,
    pub organization: String,
    pub category: Category,
    /// Invitations by status, in [`Status::ALL`]'s order (one per session and role).
    pub statuses: [u32; 4],
    /// Sessions they are in.
    pub sessions: u32,
    /// The name as sorted: family name first, case-folded.
    sort_name: String,
}

impl Row {
    /// "2 confirmed · 1 invited"; "—" for no invitations.
    pub fn status_text(&self) -> String {
        let parts: Vec<String> = Status::ALL
            .iter()
            .zip(self.statuses)
            .filter(|(_, n)| *n > 0)
            .map(|(s, n)| format!("{n} {}", s.label().to_ascii_lowercase()))
            .collect();
        if parts.is_empty() {
            "—".into()
        } else {
            parts.join(" · ")
        }
    }

    /// Invitations not yet confirmed.
    pub fn unconfirmed(&self) -> u32 {
        self.statuses[0] + self.statuses[3]
    }
}

/// Every person's row, in the meeting's order; `fold` is the case folding names sort by.
pub fn rows(m: &Meeting, fold: impl Fn(&str) -> String) -> Vec<Row> {
    let mut statuses: HashMap<PersonId, [u32; 4]> = HashMap::new();
    let mut sessions: HashMap<PersonId, u32> = HashMap::new();
    for s in &m.sessions {
        for (i, p) in s.participants.iter().enumerate() {
            let slot = Status::ALL.iter().position(|x| *x == p.status).unwrap_or(0);
            statuses.entry(p.person).or_default()[slot] += 1;
            if !s.participants[..i].iter().any(|q| q.person == p.person) {
                *sessions.entry(p.person).or_default() += 1;
            }
        }
    }
    m.people
        .iter()
        .map(|p| Row {
            id: p.id,
            name: p.index_name(true),
            organization: p.organization.clone(),
            category: p.category,
            statuses: statuses.get(&p.id).copied().unwrap_or_default(),
            sessions: sessions.get(&p.id).copied().unwrap_or_default(),
            sort_name: fold(&p.index_name(false)),
        })
        .collect()
}

/// The organizations people come from, each once, A–Z: what the organization filter offers.
pub fn organizations(rows: &[Row]) -> Vec<String> {
    let mut all: Vec<String> = rows
        .iter()
        .map(|r| r.organization.trim().to_string())
        .filter(|o| !o.is_empty())
        .collect();
    super::order::sort(&mut all);
    all.dedup();
    all
}

/// The rows `filter` keeps, in `sort`'s order (ties by name, then as in the meeting).
pub fn shown<'a>(
    rows: &'a [Row],
    index: &PeopleIndex,
    filter: &Filter,
    sort: Sort,
) -> Vec<&'a Row> {
    let found: Option<std::collections::HashSet<PersonId>> = (!filter.query.trim().is_empty())
        .then(|| index.find(&filter.query, usize::MAX).into_iter().collect());
    let mut kept: Vec<&Row> = rows
        .iter()
        .filter(|r| found.as_ref().is_none_or(|f| f.contains(&r.id)))
        .filter(|r| filter.category.is_none_or(|c| r.category == c))
        .filter(|r| {
            filter
                .organization
                .as_ref()
                .is_none_or(|o| r.organization.trim() == o)
        })
        .filter(|r| !filter.unconfirmed || r.unconfirmed() > 0)
        .collect();
    let category_rank = |c: Category| Category::ALL.iter().position(|x| *x == c);
    sort_by(&mut kept, |a, b| {
        let by = match sort.column {
            Column::Name => std::cmp::Ordering::Equal,
            Column::Organization => a.organization.cmp(&b.organization),
            Column::Category => category_rank(a.category).cmp(&category_rank(b.category)),
            Column::Status => a.unconfirmed().cmp(&b.unconfirmed()),
            Column::Sessions => a.sessions.cmp(&b.sessions),
        }
        .then_with(|| a.sort_name.cmp(&b.sort_name));
        if sort.descending {
            by.reverse()
        } else {
            by
        }
    });
    kept
}

/// Every invitation of `people` with status `from` set to `to`, as one step, with how many
/// changed; `None` when none would.
pub fn set_status(
    m: &Meeting,
    people: &[PersonId],
    from: Status,
    to: Status,
) -> Option<(Edit, u32)> {
    let people: std::collections::HashSet<PersonId> = people.iter().copied().collect();
    let mut changed = 0;
    let mut edits = Vec::new();
    for s in &m.sessions {
        let mut session = s.clone();
        let mut here = 0;
        for p in &mut session.participants {
            if p.status == from && people.contains(&p.person) {
                p.status = to;
                here += 1;
            }
        }
        if here > 0 {
            changed += here;
            edits.push(Edit::Put(Box::new(Item::Session(session))));
        }
    }
    (changed > 0 && from != to).then_some((Edit::Batch(edits), changed))
}

/// Each person's sessions as the panel lists them: "Thu 15 Sep, 14:30–16:00 · The role of
/// civil society… · Panelist", in programme order.
/// Then those with no time yet: "No time yet · Side event · Speaker".
pub fn person_sessions(m: &Meeting) -> HashMap<PersonId, Vec<String>> {
    let by_person = m.sessions_by_person();
    let waiting = m.unscheduled();
    m.people
        .iter()
        .map(|p| {
            let roles = |s: &super::Session| {
                s.participants
                    .iter()
                    .filter(|x| x.person == p.id)
                    .map(|x| x.role.heading(1))
                    .collect::<Vec<&str>>()
                    .join(", ")
            };
            let lines = by_person.of(p.id).iter().map(|s| {
                let day = m
                    .day(s.day)
                    .map(|d| super::schedule::short_date(d.date))
                    .unwrap_or_default();
                format!(
                    "{day}, {}–{} · {} · {}",
                    super::schedule::hh_mm(s.start),
                    super::schedule::hh_mm(s.end),
                    s.title,
                    roles(s)
                )
            });
            let later = waiting
                .iter()
                .filter(|s| s.participants.iter().any(|x| x.person == p.id))
                .map(|s| format!("No time yet · {} · {}", s.title, roles(s)));
            (p.id, lines.chain(later).collect())
        })
        .collect()
}
