//! What the programme shows for each session, resolved from ids to text: the one place that
//! decides how a session reads (names by role, times, room, themes). The agenda screen renders
//! it; later the printable export will too.

use super::ids::{DayId, SessionId};
use super::meeting::Meeting;
use super::schedule::hh_mm;
use super::session::{Role, Session, SessionKind};

/// How people are named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameStyle {
    pub honorifics: bool,
    pub short_organizations: bool,
}

impl Default for NameStyle {
    fn default() -> Self {
        NameStyle {
            honorifics: true,
            short_organizations: false,
        }
    }
}

/// A theme as a session shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ThemeTag {
    pub name: String,
    pub colour: String,
}

/// A person as the programme names them: "H.E. Luis Almagro Lemes" and
/// "Secretary General, Organization of American States".
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PersonLine {
    pub name: String,
    /// Position and organization, joined; may be empty.
    pub affiliation: String,
}

impl std::fmt::Display for PersonLine {
    /// The whole line: "H.E. Luis Almagro Lemes, Secretary General, Organization of American States".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.affiliation.is_empty() {
            f.write_str(&self.name)
        } else {
            write!(f, "{}, {}", self.name, self.affiliation)
        }
    }
}

/// The people of one role: "Panelists" and who they are.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RoleGroup {
    pub role: Role,
    pub heading: &'static str,
    pub people: Vec<PersonLine>,
}

/// A run-of-show line.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ItemLine {
    pub time: String,
    pub title: String,
    pub person: Option<String>,
}

/// One session, ready to show.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SessionEntry {
    pub id: SessionId,
    pub kind: SessionKind,
    /// What the programme prints as the session's kind: "Panel", "Opening ceremony"; for a
    /// session of kind "other", the type its imported file gave (or nothing).
    pub kind_label: String,
    pub title: String,
    pub start: String,
    pub end: String,
    pub place: String,
    pub themes: Vec<ThemeTag>,
    pub description: String,
    pub roles: Vec<RoleGroup>,
    pub items: Vec<ItemLine>,
}

impl Meeting {
    /// One session as the programme shows it. Unknown ids (which validation refuses) are
    /// skipped rather than shown as blanks.
    pub fn entry(&self, session: &Session, style: NameStyle) -> SessionEntry {
        let line = |id| {
            self.person(id).map(|p| PersonLine {
                name: p.display_name(style.honorifics),
                affiliation: p.affiliation(style.short_organizations),
            })
        };
        let mut items: Vec<ItemLine> = session
            .items
            .iter()
            .map(|item| ItemLine {
                time: hh_mm(item.time),
                title: item.title.clone(),
                person: item
                    .person
                    .and_then(|id| self.person(id))
                    .map(|p| p.display_name(style.honorifics)),
            })
            .collect();
        crate::domain::order::sort_by(&mut items, |a, b| a.time.cmp(&b.time));
        SessionEntry {
            id: session.id,
            kind: session.kind,
            kind_label: match session.kind {
                SessionKind::Other => session.source_type.clone(),
                kind => kind.label().to_string(),
            },
            title: session.title.clone(),
            start: hh_mm(session.start),
            end: hh_mm(session.end),
            place: self.placement_label(session.placement),
            themes: session
                .themes
                .iter()
                .filter_map(|&id| self.theme(id))
                .map(|t| ThemeTag {
                    name: t.name.clone(),
                    colour: t.colour.clone(),
                })
                .collect(),
            description: session.description.clone(),
            roles: session
                .people_by_role()
                .into_iter()
                .map(|(role, members)| {
                    let people: Vec<PersonLine> =
                        members.iter().filter_map(|p| line(p.person)).collect();
                    RoleGroup {
                        role,
                        heading: role.heading(people.len()),
                        people,
                    }
                })
                .filter(|group| !group.people.is_empty())
                .collect(),
            items,
        }
    }

    /// The sessions of one day, in order, as the programme shows them.
    pub fn programme_day(&self, day: DayId, style: NameStyle) -> Vec<SessionEntry> {
        self.sessions_on(day)
            .into_iter()
            .map(|s| self.entry(s, style))
            .collect()
    }
}
