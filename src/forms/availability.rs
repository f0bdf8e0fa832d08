//! A person's availability as one text field: one line per day, "2022-09-15 09:00–12:00,
//! 14:00–17:00".

use super::names::AVAILABILITY;
use super::{error, FieldError, Fields};
use crate::domain::schedule::{hh_mm, iso_date, parse_date};
use crate::domain::{Availability, Meeting};

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
    const FIELD: &str = AVAILABILITY;
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
                .and_then(|(a, b)| Some((super::typed_time(a)?, super::typed_time(b)?)));
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
