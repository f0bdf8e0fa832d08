//! Reading items from form fields, as an HTML form submits them: the editor's forms are plain
//! HTML read in one place, and these pure functions turn their text into model values or say
//! which field is wrong and why.

use thiserror::Error;

use super::check::{CheckSettings, MAX_SETTING};
use super::edit::Details;
use super::ids::{DayId, PersonId, RoomId, ThemeId};
use super::meeting::{Day, Meeting, Room, Theme};
use super::person::{Availability, Category, Person};
use super::schedule::{hh_mm, iso_date, parse_date, parse_time};
use super::validate::is_hex_colour;

/// A field whose text cannot be used, and why.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{message}")]
pub struct FieldError {
    /// The field's name in the form.
    pub field: &'static str,
    pub message: String,
}

fn error(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
}

/// A form's fields: `get(name)` is the trimmed text of a field, "" when absent.
pub struct Fields<F: Fn(&str) -> Option<String>>(pub F);

impl<F: Fn(&str) -> Option<String>> Fields<F> {
    pub fn text(&self, name: &str) -> String {
        (self.0)(name).unwrap_or_default().trim().to_string()
    }

    fn required(&self, name: &'static str, what: &str) -> Result<String, FieldError> {
        let value = self.text(name);
        if value.is_empty() {
            Err(error(name, format!("{what} is needed.")))
        } else {
            Ok(value)
        }
    }

    fn time(&self, name: &'static str) -> Result<chrono::NaiveTime, FieldError> {
        let value = self.text(name);
        parse_time(&value).ok_or_else(|| {
            error(
                name,
                format!("“{value}” is not a time of day (HH:MM, 24-hour clock)."),
            )
        })
    }
}

impl Details {
    pub fn from_fields<F: Fn(&str) -> Option<String>>(
        f: &Fields<F>,
    ) -> Result<Details, FieldError> {
        Ok(Details {
            title: f.required("title", "A title")?,
            short_name: f.text("short_name"),
            edition: f.text("edition"),
            host: f.text("host"),
            venue: f.text("venue"),
            city: f.text("city"),
            timezone: {
                let tz = f.text("timezone");
                if tz.is_empty() {
                    "UTC".to_string()
                } else {
                    tz
                }
            },
            description: f.text("description"),
        })
    }
}

impl Day {
    pub fn from_fields<F: Fn(&str) -> Option<String>>(
        id: DayId,
        f: &Fields<F>,
    ) -> Result<Day, FieldError> {
        let date_text = f.text("date");
        let date = parse_date(&date_text)
            .ok_or_else(|| error("date", format!("“{date_text}” is not a date (YYYY-MM-DD).")))?;
        let (start, end) = (f.time("start")?, f.time("end")?);
        if end <= start {
            return Err(error("end", "The day must end after it starts."));
        }
        Ok(Day {
            id,
            date,
            label: f.text("label"),
            start,
            end,
        })
    }
}

impl Room {
    pub fn from_fields<F: Fn(&str) -> Option<String>>(
        id: RoomId,
        f: &Fields<F>,
    ) -> Result<Room, FieldError> {
        let capacity_text = f.text("capacity");
        let capacity = if capacity_text.is_empty() {
            None
        } else {
            Some(capacity_text.parse::<u32>().map_err(|_| {
                error(
                    "capacity",
                    format!("“{capacity_text}” is not a whole number of seats."),
                )
            })?)
        };
        Ok(Room {
            id,
            name: f.required("name", "A name")?,
            capacity,
            description: f.text("description"),
        })
    }
}

impl Theme {
    pub fn from_fields<F: Fn(&str) -> Option<String>>(
        id: ThemeId,
        f: &Fields<F>,
    ) -> Result<Theme, FieldError> {
        let colour = f.text("colour").to_ascii_lowercase();
        if !is_hex_colour(&colour) {
            return Err(error(
                "colour",
                format!("“{colour}” is not a colour of the form #rrggbb."),
            ));
        }
        Ok(Theme {
            id,
            name: f.required("name", "A name")?,
            colour,
            description: f.text("description"),
        })
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
}

impl Person {
    pub fn from_fields<F: Fn(&str) -> Option<String>>(
        id: PersonId,
        f: &Fields<F>,
    ) -> Result<Person, FieldError> {
        let person = Person {
            id,
            honorific: f.text("honorific"),
            given_name: f.text("given_name"),
            family_name: f.text("family_name"),
            position: f.text("position"),
            organization: f.text("organization"),
            organization_short: f.text("organization_short"),
            category: {
                let token = f.text("category");
                Category::ALL
                    .into_iter()
                    .find(|c| c.as_str() == token)
                    .unwrap_or_default()
            },
            bio: (f.0)("bio").unwrap_or_default().trim().to_string(),
            availability: Vec::new(),
        };
        if person.name().is_empty() {
            return Err(error("family_name", "A given or family name is needed."));
        }
        Ok(person)
    }
}

/// What the button that submitted a session form asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionAction {
    Save,
    /// Move participant row `i` up or down within the list.
    Up(usize),
    Down(usize),
    RemoveParticipant(usize),
    /// Add the participant of the "new participant" row.
    AddParticipant,
    RemoveItem(usize),
    AddItem,
}

impl SessionAction {
    /// Parses a submit button's value: "save", "up-2", "down-0", "remove-participant-1",
    /// "add-participant", "remove-item-3", "add-item".
    pub fn parse(value: &str) -> SessionAction {
        let index = |prefix: &str| value.strip_prefix(prefix).and_then(|i| i.parse().ok());
        if let Some(i) = index("up-") {
            SessionAction::Up(i)
        } else if let Some(i) = index("down-") {
            SessionAction::Down(i)
        } else if let Some(i) = index("remove-participant-") {
            SessionAction::RemoveParticipant(i)
        } else if let Some(i) = index("remove-item-") {
            SessionAction::RemoveItem(i)
        } else if value == "add-participant" {
            SessionAction::AddParticipant
        } else if value == "add-item" {
            SessionAction::AddItem
        } else {
            SessionAction::Save
        }
    }
}

/// A session read from its form, and a person to create first when the new participant is
/// someone not yet in the meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionForm {
    pub session: super::session::Session,
    pub new_person: Option<Person>,
}

impl SessionForm {
    /// Reads a session form. `all(name)` gives every value of a repeated field in page order
    /// (participant and run-of-show rows); `new_person_id` is the id a new person would get.
    pub fn parse<F: Fn(&str) -> Option<String>>(
        id: super::ids::SessionId,
        f: &Fields<F>,
        all: &dyn Fn(&str) -> Vec<String>,
        action: SessionAction,
        new_person_id: PersonId,
    ) -> Result<SessionForm, FieldError> {
        use super::session::{Participant, Placement, Role, RunItem, SessionKind, Status};
        let title = f.required("title", "A title")?;
        let kind = SessionKind::parse(&f.text("kind")).unwrap_or_default();
        let day = f
            .text("day")
            .parse()
            .map(super::ids::DayId)
            .map_err(|_| error("day", "Choose a day."))?;
        let (start, end) = (f.time("start")?, f.time("end")?);
        if end <= start {
            return Err(error("end", "The session must end after it starts."));
        }
        let placement = match f.text("room").as_str() {
            "" | "all" => Placement::AllRooms,
            room => Placement::Room(RoomId(
                room.parse().map_err(|_| error("room", "Choose a room."))?,
            )),
        };
        let themes = all("themes")
            .iter()
            .filter_map(|t| t.parse().ok().map(ThemeId))
            .collect();
        let (people, roles, statuses) = (
            all("participant_person"),
            all("participant_role"),
            all("participant_status"),
        );
        let mut rows: Vec<(PersonId, Role, Status)> = people
            .iter()
            .zip(&roles)
            .zip(&statuses)
            .filter_map(|((p, r), s)| {
                Some((
                    PersonId(p.parse().ok()?),
                    Role::parse(r)?,
                    Status::parse(s).unwrap_or_default(),
                ))
            })
            .collect();
        let mut new_person = None;
        match action {
            SessionAction::Up(i) if i > 0 && i < rows.len() => rows.swap(i, i - 1),
            SessionAction::Down(i) if i + 1 < rows.len() => rows.swap(i, i + 1),
            SessionAction::RemoveParticipant(i) if i < rows.len() => {
                rows.remove(i);
            }
            SessionAction::AddParticipant => {
                let role = Role::parse(&f.text("new_role")).unwrap_or(Role::Speaker);
                let status = Status::parse(&f.text("new_status")).unwrap_or_default();
                let person = match f.text("new_person").as_str() {
                    "" => {
                        return Err(error(
                            "new_person",
                            "Choose a person, or “New person” and a name.",
                        ))
                    }
                    "new" => {
                        let person = Person {
                            id: new_person_id,
                            honorific: f.text("new_honorific"),
                            given_name: f.text("new_given_name"),
                            family_name: f.text("new_family_name"),
                            ..Person::default()
                        };
                        if person.name().is_empty() {
                            return Err(error("new_family_name", "Give the new person a name."));
                        }
                        new_person = Some(person);
                        new_person_id
                    }
                    id => PersonId(
                        id.parse()
                            .map_err(|_| error("new_person", "Choose a person."))?,
                    ),
                };
                if rows.iter().any(|(p, r, _)| *p == person && *r == role) {
                    return Err(error(
                        "new_person",
                        format!(
                            "Already in this session as {}.",
                            role.heading(1).to_ascii_lowercase()
                        ),
                    ));
                }
                rows.push((person, role, status));
            }
            _ => {}
        }
        // Order within each role follows the rows' order on the page.
        let participants = rows
            .iter()
            .enumerate()
            .map(|(i, &(person, role, status))| Participant {
                person,
                role,
                status,
                order: rows[..i].iter().filter(|(_, r, _)| *r == role).count() as u32,
            })
            .collect();
        let (times, titles, item_people) =
            (all("item_time"), all("item_title"), all("item_person"));
        let mut items = Vec::new();
        for (i, (time, title)) in times.iter().zip(&titles).enumerate() {
            if action == SessionAction::RemoveItem(i) {
                continue;
            }
            let time = parse_time(time.trim()).ok_or_else(|| {
                error(
                    "item_time",
                    format!("“{time}” is not a time of day (HH:MM)."),
                )
            })?;
            let person = item_people
                .get(i)
                .and_then(|p| p.parse().ok())
                .map(PersonId);
            items.push(RunItem {
                time,
                title: title.trim().to_string(),
                person,
            });
        }
        if action == SessionAction::AddItem {
            let time = f.time("new_item_time")?;
            let title = f.required("new_item_title", "A title for the item")?;
            let person = f.text("new_item_person").parse().ok().map(PersonId);
            items.push(RunItem {
                time,
                title,
                person,
            });
        }
        items.sort_by_key(|i| i.time);
        Ok(SessionForm {
            session: super::session::Session {
                id,
                title,
                kind,
                day,
                start,
                end,
                placement,
                themes,
                description: f.text("description"),
                participants,
                items,
            },
            new_person,
        })
    }
}

/// A person's availability as the editor shows it: one line per day,
/// "2022-09-14 09:00–12:00, 14:00–17:00". Empty: available whenever the meeting runs.
pub fn availability_text(windows: &[Availability], m: &Meeting) -> String {
    m.days_in_order()
        .into_iter()
        .filter_map(|d| {
            let ranges: Vec<String> = windows
                .iter()
                .filter(|w| w.day == d.id)
                .map(|w| format!("{}–{}", hh_mm(w.from), hh_mm(w.to)))
                .collect();
            (!ranges.is_empty()).then(|| format!("{} {}", iso_date(d.date), ranges.join(", ")))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads the `availability` field written as [`availability_text`] shows it (lines or `;`
/// between days, `,` between windows, `-` or `–` inside one). Each date must be a day of the
/// meeting and each window must end after it starts.
pub fn availability_from_fields<F: Fn(&str) -> Option<String>>(
    f: &Fields<F>,
    m: &Meeting,
) -> Result<Vec<Availability>, FieldError> {
    const FIELD: &str = "availability";
    let text = (f.0)(FIELD).unwrap_or_default();
    let mut windows = Vec::new();
    for line in text
        .split(['\n', ';'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        let (date_text, ranges) = line.split_once(' ').unwrap_or((line, ""));
        let date = parse_date(date_text).ok_or_else(|| {
            error(
                FIELD,
                format!("“{date_text}” is not a date (YYYY-MM-DD) at the start of “{line}”."),
            )
        })?;
        let day = m.days.iter().find(|d| d.date == date).ok_or_else(|| {
            error(
                FIELD,
                format!("{} is not a day of this meeting.", iso_date(date)),
            )
        })?;
        if ranges.trim().is_empty() {
            return Err(error(
                FIELD,
                format!("Give the times for {date_text}, e.g. “{date_text} 09:00–12:00”."),
            ));
        }
        for range in ranges.split(',').map(str::trim) {
            let window = range
                .split_once(['-', '–'])
                .and_then(|(a, b)| Some((parse_time(a.trim())?, parse_time(b.trim())?)));
            match window {
                Some((from, to)) if to > from => windows.push(Availability {
                    day: day.id,
                    from,
                    to,
                }),
                Some(_) => {
                    return Err(error(
                        FIELD,
                        format!("“{range}” on {date_text} does not end after it starts."),
                    ))
                }
                None => {
                    return Err(error(
                        FIELD,
                        format!("“{range}” is not a time window like 09:00–12:00."),
                    ))
                }
            }
        }
    }
    Ok(windows)
}

impl CheckSettings {
    /// The check settings form; dismissals are kept from `current`.
    pub fn from_fields<F: Fn(&str) -> Option<String>>(
        f: &Fields<F>,
        current: &CheckSettings,
    ) -> Result<CheckSettings, FieldError> {
        let number = |name: &'static str, what: &str| -> Result<i64, FieldError> {
            let text = f.text(name);
            text.parse::<i64>()
                .ok()
                .filter(|n| (0..=MAX_SETTING).contains(n))
                .ok_or_else(|| {
                    error(
                        name,
                        format!(
                            "{what} must be a whole number from 0 to {MAX_SETTING}, not “{text}”."
                        ),
                    )
                })
        };
        Ok(CheckSettings {
            changeover_minutes: number("changeover_minutes", "Changeover time")?,
            confirm_within_days: number("confirm_within_days", "Days before the meeting")?,
            gap_minutes: number("gap_minutes", "Longest gap")?,
            ..current.clone()
        })
    }
}
