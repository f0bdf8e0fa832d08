//! Time in the browser: today, now, and UTC offsets from the browser's own timezone data
//! (the timezone port of `domain::time`, with no database shipped in the app).

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

use super::js;
use crate::domain::time::{OffsetError, UtcOffsets};

/// UTC offsets from the browser's `Intl`.
pub struct BrowserOffsets;

impl UtcOffsets for BrowserOffsets {
    fn utc_offset(&self, timezone: &str, local: NaiveDateTime) -> Result<i32, OffsetError> {
        let minutes = js::utc_offset_minutes(
            timezone,
            local.year(),
            local.month(),
            local.day(),
            local.hour(),
            local.minute(),
        );
        if minutes.is_nan() {
            Err(OffsetError::UnknownTimezone)
        } else if minutes.is_infinite() {
            Err(OffsetError::NoSuchLocalTime)
        } else {
            Ok(minutes as i32 * 60)
        }
    }
}

/// The viewer's own IANA timezone, as the browser knows it.
pub fn viewer_timezone() -> String {
    js::viewer_time_zone()
}

/// The browser's local date.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// The current time in UTC.
pub fn now_utc() -> NaiveDateTime {
    chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64)
        .map(|t| t.naive_utc())
        .unwrap_or_default()
}

/// A short random name (this page's name in revision stamps).
pub fn random_id() -> String {
    let n = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    format!("{n:08x}")
}
