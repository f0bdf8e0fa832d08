//! The contract between the forms the views show and the core: field names, the actions a
//! form's buttons ask for, and parsers that turn a form's text into model values or one
//! [`FieldError`] naming the field and why.
//! Rule: pure (no browser or UI crate); stands on `domain` only. The views render the names
//! from [`names`], read a submitted form once, and show the error this module gives back.

pub mod actions;
pub mod availability;
pub mod items;
pub mod names;
pub mod record;
pub mod session;

use thiserror::Error;

use crate::domain::schedule::parse_time;

/// A time of day as a person types it, on the 24-hour clock the app shows: "09:30", "9:30",
/// "930", "0930", "9.30", "9h30", "9" (09:00); "2:30 pm" and "12 am" too. Seconds ("09:30:00")
/// as the files have them.
pub fn typed_time(text: &str) -> Option<chrono::NaiveTime> {
    let text = text.trim().to_ascii_lowercase();
    if let Some(t) = parse_time(&text) {
        return Some(t);
    }
    let (clock, half) = match text
        .strip_suffix("pm")
        .or_else(|| text.strip_suffix("p.m."))
    {
        Some(rest) => (rest.trim_end(), Some(12)),
        None => match text
            .strip_suffix("am")
            .or_else(|| text.strip_suffix("a.m."))
        {
            Some(rest) => (rest.trim_end(), Some(0)),
            None => (text.as_str(), None),
        },
    };
    let (hour, minute) = match clock.split_once([':', '.', 'h']) {
        Some((h, m)) => (h, if m.is_empty() { "00" } else { m }),
        None if clock.len() > 2 => clock.split_at(clock.len() - 2),
        None => (clock, "00"),
    };
    let digits = |s: &str, max: usize| {
        (!s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (mut hour, minute) = (
        digits(hour, 2)?,
        digits(minute, 2).filter(|_| minute.len() == 2)?,
    );
    if let Some(offset) = half {
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = hour % 12 + offset;
    }
    chrono::NaiveTime::from_hms_opt(hour, minute, 0)
}
use crate::domain::EditError;

pub use actions::{ItemAction, LibraryAction, SessionAction};
pub use availability::{availability_from_fields, availability_text};
pub use session::SessionForm;

/// A field whose text cannot be used, or an edit the core refused, and why: what a form shows
/// beside the field it names ([`names::FORM`] for the whole form).
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{message}")]
pub struct FieldError {
    /// The field's name in the form ([`names`]), or [`names::FORM`].
    pub field: &'static str,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &'static str, message: impl Into<String>) -> FieldError {
        FieldError {
            field,
            message: message.into(),
        }
    }

    /// A problem of the whole form (a refused edit, say), shown at the form's end.
    pub fn form(message: impl Into<String>) -> FieldError {
        FieldError::new(names::FORM, message)
    }

    /// Whether this error belongs beside the field `name`.
    pub fn is_for(&self, name: &str) -> bool {
        self.field == name
    }
}

impl From<EditError> for FieldError {
    fn from(e: EditError) -> FieldError {
        FieldError::form(e.to_string())
    }
}

fn error(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError::new(field, message)
}

/// A form's fields: `get(name)` is the trimmed text of a field, "" when absent.
pub struct Fields<F: Fn(&str) -> Option<String>>(pub F);

impl<F: Fn(&str) -> Option<String>> Fields<F> {
    pub fn text(&self, name: &str) -> String {
        (self.0)(name).unwrap_or_default().trim().to_string()
    }

    pub fn required(&self, name: &'static str, what: &str) -> Result<String, FieldError> {
        let value = self.text(name);
        if value.is_empty() {
            Err(error(name, format!("{what} is needed.")))
        } else {
            Ok(value)
        }
    }

    pub fn time(&self, name: &'static str) -> Result<chrono::NaiveTime, FieldError> {
        let value = self.text(name);
        typed_time(&value).ok_or_else(|| {
            error(
                name,
                format!("“{value}” is not a time of day (HH:MM, 24-hour clock)."),
            )
        })
    }

    /// The start and end fields, and whether the "Runs past midnight" box is ticked: an end
    /// after the start, or (ticked) before it on the next day. `what` names the thing timed
    /// ("session", "day") in the message.
    pub fn span(
        &self,
        what: &str,
    ) -> Result<(chrono::NaiveTime, chrono::NaiveTime, bool), FieldError> {
        use names::{END, ENDS_NEXT_DAY, START};
        let (start, end) = (self.time(START)?, self.time(END)?);
        let next_day = !self.text(ENDS_NEXT_DAY).is_empty();
        if !next_day && end <= start {
            return Err(error(
                END,
                format!("The {what} must end after it starts (or, past midnight, tick “Runs past midnight”)."),
            ));
        }
        if next_day && end >= start {
            return Err(error(
                END,
                format!("Ending the next day, the {what} would last 24 hours or more: it must end before the time it started."),
            ));
        }
        Ok((start, end, next_day))
    }
}
