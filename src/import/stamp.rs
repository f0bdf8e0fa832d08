//! Moments and lengths as schedule files write them.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Timelike};

/// A moment as a file gives it: local wall time, and the UTC offset (seconds east) when the
/// file says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub local: NaiveDateTime,
    pub offset: Option<i32>,
}

/// Forms real files use besides RFC 3339: an offset as "+0200" or "+02", a space for the "T",
/// no seconds (chrono's own parser; "%#z" takes the offset with or without its minutes).
const WITH_OFFSET: [&str; 4] = [
    "%Y-%m-%dT%H:%M:%S%.f%#z",
    "%Y-%m-%d %H:%M:%S%.f%#z",
    "%Y-%m-%dT%H:%M%#z",
    "%Y-%m-%d %H:%M%#z",
];
/// And without any offset: the local time of the file's timezone.
const WITHOUT_OFFSET: [&str; 4] = [
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
];

/// Parses "2019-08-21T11:00:00+02:00" and "…Z" (RFC 3339), and the looser forms real files
/// carry: "…+0200", "…+02", "2019-08-21 11:00" (no offset), fractions of seconds. Seconds are
/// dropped: the planner works in minutes.
pub fn parse_stamp(text: &str) -> Option<Stamp> {
    let text = text.trim();
    let with_offset = DateTime::parse_from_rfc3339(text).ok().or_else(|| {
        WITH_OFFSET
            .iter()
            .find_map(|f| DateTime::parse_from_str(text, f).ok())
    });
    let (local, offset) = match with_offset {
        Some(at) => (at.naive_local(), Some(at.offset().local_minus_utc())),
        None => (
            WITHOUT_OFFSET
                .iter()
                .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())?,
            None,
        ),
    };
    Some(Stamp {
        local: local.with_second(0)?.with_nanosecond(0)?,
        offset,
    })
}

/// "00:30", "1:30", "01:30:00" → minutes.
pub fn parse_duration(text: &str) -> Option<i64> {
    let mut parts = text.trim().split(':');
    let hours: i64 = parts.next()?.parse().ok()?;
    let minutes: i64 = parts.next()?.parse().ok()?;
    if let Some(seconds) = parts.next() {
        seconds.parse::<u32>().ok()?;
    }
    if parts.next().is_some() || !(0..=10_000).contains(&hours) || !(0..60).contains(&minutes) {
        return None;
    }
    Some(hours * 60 + minutes)
}

/// "HH:MM" (or "HH:MM:SS") on a date, without offset.
pub fn stamp_on(date: NaiveDate, time: &str) -> Option<Stamp> {
    let time = crate::domain::schedule::parse_time(time.trim())?;
    Some(Stamp {
        local: date.and_time(time.with_second(0)?),
        offset: None,
    })
}
