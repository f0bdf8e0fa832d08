//! People: who speaks, chairs or moderates, and how the programme names them.

use serde::{Deserialize, Serialize};

use super::ids::PersonId;

/// The kind of body a person comes from; used for grouping and filtering.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Government,
    RegionalOrganization,
    UnitedNations,
    CivilSociety,
    Academia,
    #[default]
    Other,
}

impl Category {
    /// Every category, in the order the UI lists them.
    pub const ALL: [Category; 6] = [
        Category::Government,
        Category::RegionalOrganization,
        Category::UnitedNations,
        Category::CivilSociety,
        Category::Academia,
        Category::Other,
    ];

    /// Human-readable name.
    pub fn label(self) -> &'static str {
        match self {
            Category::Government => "Government",
            Category::RegionalOrganization => "Regional organization",
            Category::UnitedNations => "United Nations",
            Category::CivilSociety => "Civil society",
            Category::Academia => "Academia",
            Category::Other => "Other",
        }
    }
}

impl Category {
    /// Stable lower-case token, as stored in files and used in forms.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Government => "government",
            Category::RegionalOrganization => "regional_organization",
            Category::UnitedNations => "united_nations",
            Category::CivilSociety => "civil_society",
            Category::Academia => "academia",
            Category::Other => "other",
        }
    }

    /// Parses the token of [`Category::as_str`].
    pub fn parse(token: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == token)
    }
}

/// A person who takes part in the meeting's sessions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    pub id: PersonId,
    /// Free text: "H.E.", "Hon.", "Amb.", "Dr", "Prof.", "Ms", "Mr"…
    pub honorific: String,
    pub given_name: String,
    pub family_name: String,
    pub position: String,
    pub organization: String,
    /// Short form of the organization, e.g. "OAS"; used when the programme asks for short names.
    pub organization_short: String,
    pub category: Category,
    pub bio: String,
    /// When the person can take part, per day; none for a day means no limit that day.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub availability: Vec<Availability>,
}

/// A window in which a person is available on one day.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Availability {
    pub day: super::ids::DayId,
    #[serde(with = "super::schedule::hhmm")]
    pub from: chrono::NaiveTime,
    #[serde(with = "super::schedule::hhmm")]
    pub to: chrono::NaiveTime,
}

impl Person {
    /// "Luis Almagro Lemes": given and family name, without honorific.
    pub fn name(&self) -> String {
        join_nonempty(&[&self.given_name, &self.family_name], " ")
    }

    /// "H.E. Luis Almagro Lemes" (or without the honorific when `with_honorific` is false).
    pub fn display_name(&self, with_honorific: bool) -> String {
        if with_honorific {
            join_nonempty(&[&self.honorific, &self.given_name, &self.family_name], " ")
        } else {
            self.name()
        }
    }

    /// The name as an index sorts it, family name first: "Al-Qahtani, H.E. Mutlaq" (just the
    /// one name when the other is empty).
    pub fn index_name(&self, with_honorific: bool) -> String {
        let honorific = if with_honorific {
            self.honorific.as_str()
        } else {
            ""
        };
        let rest = join_nonempty(&[honorific, &self.given_name], " ");
        join_nonempty(&[&self.family_name, &rest], ", ")
    }

    /// The organization as the programme shows it: short form when asked and available.
    pub fn organization_label(&self, short: bool) -> &str {
        if short && !self.organization_short.trim().is_empty() {
            &self.organization_short
        } else {
            &self.organization
        }
    }

    /// "Secretary General, Organization of American States": position and organization,
    /// empty parts left out.
    pub fn affiliation(&self, short_organization: bool) -> String {
        join_nonempty(
            &[&self.position, self.organization_label(short_organization)],
            ", ",
        )
    }

    /// "H.E. Luis Almagro Lemes, Secretary General, Organization of American States":
    /// how the printed programme names a person. Empty parts are left out.
    pub fn programme_line(&self, with_honorific: bool, short_organization: bool) -> String {
        join_nonempty(
            &[
                &self.display_name(with_honorific),
                &self.affiliation(short_organization),
            ],
            ", ",
        )
    }

    /// Whether `query` occurs in the name, position or organization, compared after `fold`
    /// (case folding: the browser's own in the app, which
    /// spares the app Unicode tables). `query` is already folded.
    pub fn matches(&self, query: &str, fold: impl Fn(&str) -> String) -> bool {
        [
            &self.honorific,
            &self.given_name,
            &self.family_name,
            &self.position,
            &self.organization,
            &self.organization_short,
        ]
        .iter()
        .any(|field| fold(field).contains(query))
    }
}

fn join_nonempty(parts: &[&str], separator: &str) -> String {
    let mut out = String::new();
    for part in parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push_str(separator);
        }
        out.push_str(part);
    }
    out
}

/// Titles a typed name may begin with ("Dr Jane Doe", "H.E. Amb. Ana Silva"), compared
/// without case and without a final full stop.
const HONORIFICS: &[&str] = &[
    "h.e", "he", "hon", "amb", "dr", "prof", "ms", "mr", "mrs", "mx", "sir", "dame", "rev",
    "judge", "justice", "gen", "col", "sen", "rep", "sheikh", "sheikha",
];

/// Words that belong with the family name that follows them ("Ana de la Cruz").
const PARTICLES: &[&str] = &[
    "al", "bin", "binti", "da", "de", "del", "della", "der", "di", "dos", "du", "el", "la", "le",
    "ten", "ter", "van", "von",
];

fn is_honorific(word: &str) -> bool {
    let bare = word.trim_end_matches('.').to_ascii_lowercase();
    HONORIFICS.contains(&bare.as_str())
}

impl Person {
    /// A new person from a name as typed in a people field: leading titles become the
    /// honorific ("Dr Jane Doe"), the last word (with particles before it, "van der Berg")
    /// the family name and the rest the given name; "Doe, Jane" names the family name first;
    /// a single word is a family name. `None` when no name is left.
    pub fn from_typed_name(id: PersonId, text: &str) -> Option<Person> {
        let (before_comma, after_comma) = match text.split_once(',') {
            Some((family, given)) => (family, Some(given)),
            None => (text, None),
        };
        let mut words: Vec<&str> = match after_comma {
            Some(given) => given.split_whitespace().collect(),
            None => before_comma.split_whitespace().collect(),
        };
        let titles = words.iter().take_while(|w| is_honorific(w)).count();
        // A name that is only a title ("Dr") keeps it as the name.
        let titles = if titles == words.len() && after_comma.is_none() {
            0
        } else {
            titles
        };
        let honorific = words.drain(..titles).collect::<Vec<_>>().join(" ");
        let (given_name, family_name) = match after_comma {
            Some(_) => (
                words.join(" "),
                before_comma
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            None => {
                let mut start = words.len().saturating_sub(1);
                while start > 1
                    && PARTICLES.contains(&words[start - 1].to_ascii_lowercase().as_str())
                {
                    start -= 1;
                }
                (words[..start].join(" "), words[start..].join(" "))
            }
        };
        let person = Person {
            id,
            honorific,
            given_name,
            family_name,
            ..Person::default()
        };
        (!person.name().is_empty()).then_some(person)
    }
}

/// The meeting's people made searchable: each one's name and organization folded once (by
/// the caller's case folding), so that a field that finds people as they are typed reads a
/// list of strings and calls no folding per person per key.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PeopleIndex {
    /// (id, folded "honorific given family", folded "position organization short").
    entries: Vec<(PersonId, String, String)>,
}

impl PeopleIndex {
    /// In `people`'s order: ties in [`PeopleIndex::find`] keep it.
    pub fn new<'a>(
        people: impl IntoIterator<Item = &'a Person>,
        fold: impl Fn(&str) -> String,
    ) -> Self {
        PeopleIndex {
            entries: people
                .into_iter()
                .map(|p| {
                    (
                        p.id,
                        fold(&p.display_name(true)),
                        fold(&join_nonempty(
                            &[&p.position, &p.organization, &p.organization_short],
                            " ",
                        )),
                    )
                })
                .collect(),
        }
    }

    /// Up to `limit` people every word of `query` (already folded) occurs in, by name or
    /// organization: those whose name begins with the query first, then those with a word of
    /// the name beginning with each query word, then the rest.
    pub fn find(&self, query: &str, limit: usize) -> Vec<PersonId> {
        let words: Vec<&str> = query.split_whitespace().collect();
        if words.is_empty() {
            return Vec::new();
        }
        let query = words.join(" ");
        let word_start = |text: &str, w: &str| text.split_whitespace().any(|t| t.starts_with(w));
        let mut found: Vec<(u8, usize, PersonId)> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, (_, name, rest))| {
                words.iter().all(|w| name.contains(w) || rest.contains(w))
            })
            .map(|(i, (id, name, _))| {
                let rank = if name.starts_with(&query) {
                    0
                } else if words.iter().all(|w| word_start(name, w)) {
                    1
                } else {
                    2
                };
                (rank, i, *id)
            })
            .collect();
        super::order::sort(&mut found);
        found.into_iter().take(limit).map(|(.., id)| id).collect()
    }
}
