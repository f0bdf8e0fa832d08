//! The simple items' forms: meeting details, days, rooms, themes, people, check settings.

use super::names::*;
use super::{error, FieldError, Fields};
use chrono::NaiveDate;

use crate::domain::schedule::parse_date;
use crate::domain::settings::MAX_SETTING;
use crate::domain::time::{OffsetError, UtcOffsets};
use crate::domain::validate::is_hex_colour;
use crate::domain::{
    Category, CheckSettings, Day, DayId, Details, Person, PersonId, Room, RoomId, Theme, ThemeId,
};

impl Details {
    pub fn from_fields<F: Fn(&str) -> Option<String>>(
        f: &Fields<F>,
    ) -> Result<Details, FieldError> {
        Ok(Details {
            title: f.required(TITLE, "A title")?,
            short_name: f.text(SHORT_NAME),
            edition: f.text(EDITION),
            host: f.text(HOST),
            venue: f.text(VENUE),
            city: f.text(CITY),
            timezone: {
                let tz = f.text(TIMEZONE);
                if tz.is_empty() {
                    "UTC".to_string()
                } else {
                    tz
                }
            },
            description: f.text(DESCRIPTION),
        })
    }
}

impl Details {
    /// Refuses a new timezone that no calendar knows ("Geneva"): the time port is asked for
    /// its offset. The meeting's own timezone (`current`) is never refused here, so a meeting
    /// imported with a bad one can still save its other details (the checks name it).
    pub fn known_timezone(
        &self,
        current: &str,
        offsets: &dyn UtcOffsets,
    ) -> Result<(), FieldError> {
        if self.timezone == current {
            return Ok(());
        }
        let noon = NaiveDate::from_ymd_opt(2024, 1, 1)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .unwrap_or_default();
        match offsets.utc_offset(&self.timezone, noon) {
            Err(OffsetError::UnknownTimezone) => Err(error(
                TIMEZONE,
                format!(
                    "“{}” is not a timezone name calendars know: give an IANA name such as Europe/Zurich or America/New_York.",
                    self.timezone
                ),
            )),
            _ => Ok(()),
        }
    }
}

impl Day {
    pub fn from_fields<F: Fn(&str) -> Option<String>>(
        id: DayId,
        f: &Fields<F>,
    ) -> Result<Day, FieldError> {
        let date_text = f.text(DATE);
        let date = parse_date(&date_text)
            .ok_or_else(|| error(DATE, format!("“{date_text}” is not a date (YYYY-MM-DD).")))?;
        let (start, end, ends_next_day) = f.span("day")?;
        Ok(Day {
            id,
            date,
            label: f.text(LABEL),
            start,
            end,
            ends_next_day,
        })
    }
}

impl Room {
    pub fn from_fields<F: Fn(&str) -> Option<String>>(
        id: RoomId,
        f: &Fields<F>,
    ) -> Result<Room, FieldError> {
        let capacity_text = f.text(CAPACITY);
        let capacity = if capacity_text.is_empty() {
            None
        } else {
            Some(capacity_text.parse::<u32>().map_err(|_| {
                error(
                    CAPACITY,
                    format!("“{capacity_text}” is not a whole number of seats."),
                )
            })?)
        };
        Ok(Room {
            id,
            name: f.required(NAME, "A name")?,
            capacity,
            description: f.text(DESCRIPTION),
        })
    }
}

impl Theme {
    pub fn from_fields<F: Fn(&str) -> Option<String>>(
        id: ThemeId,
        f: &Fields<F>,
    ) -> Result<Theme, FieldError> {
        let colour = f.text(COLOUR).to_ascii_lowercase();
        if !is_hex_colour(&colour) {
            return Err(error(
                COLOUR,
                format!("“{colour}” is not a colour of the form #rrggbb."),
            ));
        }
        Ok(Theme {
            id,
            name: f.required(NAME, "A name")?,
            colour,
            description: f.text(DESCRIPTION),
        })
    }
}

impl Person {
    pub fn from_fields<F: Fn(&str) -> Option<String>>(
        id: PersonId,
        f: &Fields<F>,
    ) -> Result<Person, FieldError> {
        let person = Person {
            id,
            honorific: f.text(HONORIFIC),
            given_name: f.text(GIVEN_NAME),
            family_name: f.text(FAMILY_NAME),
            position: f.text(POSITION),
            organization: f.text(ORGANIZATION),
            organization_short: f.text(ORGANIZATION_SHORT),
            category: {
                let token = f.text(CATEGORY);
                Category::parse(&token).unwrap_or_default()
            },
            bio: (f.0)(BIO).unwrap_or_default().trim().to_string(),
            availability: Vec::new(),
        };
        if person.name().is_empty() {
            return Err(error(FAMILY_NAME, "A given or family name is needed."));
        }
        Ok(person)
    }
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
            changeover_minutes: number(CHANGEOVER_MINUTES, "Changeover time")?,
            confirm_within_days: number(CONFIRM_WITHIN_DAYS, "Days before the meeting")?,
            gap_minutes: number(GAP_MINUTES, "Longest gap")?,
            ..current.clone()
        })
    }
}

/// "Duplicate for the next edition": move the dates by a number of days, or to a new first
/// day (which wins when given), and optionally set everyone back to "invited".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NextEdition {
    pub days: Option<i64>,
    pub new_start: Option<chrono::NaiveDate>,
    pub reset_statuses: bool,
}

impl NextEdition {
    pub fn from_fields<F: Fn(&str) -> Option<String>>(
        f: &Fields<F>,
    ) -> Result<NextEdition, FieldError> {
        let start_text = f.text(NEW_START);
        let new_start = if start_text.is_empty() {
            None
        } else {
            Some(
                parse_date(&start_text)
                    .ok_or_else(|| error(NEW_START, format!("“{start_text}” is not a date.")))?,
            )
        };
        let days_text = f.text(SHIFT_DAYS);
        let days = if new_start.is_some() {
            None
        } else {
            Some(days_text.parse::<i64>().map_err(|_| {
                error(
                    SHIFT_DAYS,
                    format!("“{days_text}” is not a whole number of days."),
                )
            })?)
        };
        Ok(NextEdition {
            days,
            new_start,
            reset_statuses: (f.0)(RESET_STATUSES).is_some(),
        })
    }
}
