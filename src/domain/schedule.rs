//! Time and date helpers: how times and dates are stored and how they read in the programme.
//!
//! Formatting and parsing are written out here rather than through chrono's strftime
//! machinery, which would add tens of kilobytes to the app for four fixed patterns.
//! chrono still does the calendar arithmetic and validation.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

fn month_name(date: NaiveDate) -> &'static str {
    MONTHS[date.month0() as usize]
}

/// "09:05".
pub fn hh_mm(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// Parses "HH:MM" or "HH:MM:SS" (24-hour clock; seconds are kept).
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let mut parts = text.split(':');
    let mut next = |digits: usize| {
        parts
            .next()
            .filter(|p| p.len() == digits && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<u32>().ok())
    };
    let (hour, minute) = (next(2)?, next(2)?);
    let second = match parts.next() {
        None => 0,
        Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => p.parse().ok()?,
        Some(_) => return None,
    };
    if parts.next().is_some() {
        return None;
    }
    NaiveTime::from_hms_opt(hour, minute, second)
}

/// "2022-09-15".
pub fn iso_date(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// Parses "YYYY-MM-DD" into a real calendar date (no 30 February).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        let part = text.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse::<u32>().ok())?
    };
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)
}

/// "Thursday 15 September 2022".
pub fn long_date(date: NaiveDate) -> String {
    format!(
        "{} {} {} {}",
        weekday_name(date.weekday()),
        date.day(),
        month_name(date),
        date.year()
    )
}

/// "Thu 15 Sep": for day tabs.
pub fn short_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        &weekday_name(date.weekday())[..3],
        date.day(),
        &month_name(date)[..3]
    )
}

/// "15–16 September 2022", "30 September – 2 October 2022", "31 December 2022 – 2 January 2023".
pub fn date_range_label(first: NaiveDate, last: NaiveDate) -> String {
    let full = |d: NaiveDate| format!("{} {} {}", d.day(), month_name(d), d.year());
    if first == last {
        full(first)
    } else if first.year() != last.year() {
        format!("{} – {}", full(first), full(last))
    } else if first.month() != last.month() {
        format!("{} {} – {}", first.day(), month_name(first), full(last))
    } else {
        format!("{}–{}", first.day(), full(last))
    }
}

/// Serde for times as "HH:MM" (seconds, if any, as "HH:MM:SS").
pub mod hhmm {
    use chrono::{NaiveTime, Timelike};
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(time: &NaiveTime, s: S) -> Result<S::Ok, S::Error> {
        if time.second() == 0 {
            s.serialize_str(&super::hh_mm(*time))
        } else {
            s.collect_str(time)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        parse(&text).ok_or_else(|| {
            D::Error::custom(format!("“{text}” is not a time of day in the form HH:MM"))
        })
    }

    pub use super::parse_time as parse;
}

/// Serde for dates as "YYYY-MM-DD".
pub mod ymd {
    use chrono::NaiveDate;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::iso_date(*date))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        super::parse_date(&text).ok_or_else(|| {
            D::Error::custom(format!(
                "“{text}” is not a calendar date in the form YYYY-MM-DD"
            ))
        })
    }
}
