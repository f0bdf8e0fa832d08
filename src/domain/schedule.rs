//! Time and date helpers: how times are stored and how dates read in the programme.

use chrono::{Datelike, NaiveDate};

/// Serde for times as "HH:MM" (seconds are accepted on input and dropped).
pub mod hhmm {
    use chrono::NaiveTime;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(time: &NaiveTime, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&time.format("%H:%M"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        parse(&text).ok_or_else(|| {
            D::Error::custom(format!("“{text}” is not a time of day in the form HH:MM"))
        })
    }

    /// Parses "HH:MM" or "HH:MM:SS".
    pub fn parse(text: &str) -> Option<NaiveTime> {
        NaiveTime::parse_from_str(text, "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M:%S"))
            .ok()
    }
}

/// "Thursday 15 September 2022".
pub fn long_date(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

/// "Thu 15 Sep": for day tabs.
pub fn short_date(date: NaiveDate) -> String {
    date.format("%a %-d %b").to_string()
}

/// "15–16 September 2022", "30 September – 2 October 2022", "31 December 2022 – 2 January 2023".
pub fn date_range_label(first: NaiveDate, last: NaiveDate) -> String {
    if first == last {
        first.format("%-d %B %Y").to_string()
    } else if first.year() != last.year() {
        format!(
            "{} – {}",
            first.format("%-d %B %Y"),
            last.format("%-d %B %Y")
        )
    } else if first.month() != last.month() {
        format!("{} – {}", first.format("%-d %B"), last.format("%-d %B %Y"))
    } else {
        format!("{}–{}", first.day(), last.format("%-d %B %Y"))
    }
}
