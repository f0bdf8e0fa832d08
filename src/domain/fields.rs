//! Reading items from form fields, as an HTML form submits them: the editor's forms are plain
//! HTML read in one place, and these pure functions turn their text into model values or say
//! which field is wrong and why.

use thiserror::Error;

use super::edit::Details;
use super::ids::{DayId, PersonId, RoomId, ThemeId};
use super::meeting::{Day, Room, Theme};
use super::person::{Category, Person};
use super::schedule::{parse_date, parse_time};
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
        };
        if person.name().is_empty() {
            return Err(error("family_name", "A given or family name is needed."));
        }
        Ok(person)
    }
}
