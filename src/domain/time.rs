//! The timezone port: how local times at the venue become moments in UTC and back.
//!
//! Session times are wall-clock times in the meeting's IANA timezone. Turning them into UTC
//! needs a timezone database: natively the tz database compiled into the command line and the
//! tests ([`TzDatabase`]); in the browser, the browser's own `Intl` data (`web::clock`), so no
//! database ships in the app. Exports, imports and the attendee view all go through
//! [`UtcOffsets`].

use chrono::{Duration, NaiveDateTime};

/// Why a local time could not be placed in UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OffsetError {
    UnknownTimezone,
    /// The local time falls in a gap (clocks moved forward over it).
    NoSuchLocalTime,
}

/// Finds the UTC offset of a local time in an IANA timezone.
pub trait UtcOffsets {
    /// Seconds east of UTC in force at `local` in `timezone`. For a time that occurs twice
    /// (clocks moved back), the earlier.
    fn utc_offset(&self, timezone: &str, local: NaiveDateTime) -> Result<i32, OffsetError>;
}

/// The moment in UTC of a wall-clock time in `timezone`.
pub fn to_utc(
    offsets: &dyn UtcOffsets,
    timezone: &str,
    local: NaiveDateTime,
) -> Result<NaiveDateTime, OffsetError> {
    let offset = offsets.utc_offset(timezone, local)?;
    local
        .checked_sub_signed(Duration::seconds(offset as i64))
        .ok_or(OffsetError::NoSuchLocalTime)
}

/// The wall-clock time in `timezone` at the moment `utc`, or `None` when the timezone is
/// unknown. The offsets in force three hours around are the candidates: the one that gives a
/// local time with that same offset is right. Only the second pass of a repeated hour (clocks
/// moved back) has none — [`UtcOffsets`] gives the earlier offset for it — and is read with
/// the smaller offset, as the clocks show it then.
pub fn wall_clock(
    offsets: &dyn UtcOffsets,
    timezone: &str,
    utc: NaiveDateTime,
) -> Option<NaiveDateTime> {
    let shifted = |o: i32| utc.checked_add_signed(Duration::seconds(o as i64));
    let mut candidates: Vec<i32> = [-3, 0, 3]
        .into_iter()
        .filter_map(|h| utc.checked_add_signed(Duration::hours(h)))
        .filter_map(|guess| offsets.utc_offset(timezone, guess).ok())
        .collect();
    if candidates.is_empty() {
        // Unknown timezone, or (far from any change) a guess in a gap: one more try.
        offsets.utc_offset(timezone, utc).ok()?;
    }
    candidates.dedup();
    let consistent = candidates
        .iter()
        .copied()
        .find(|&o| shifted(o).is_some_and(|local| offsets.utc_offset(timezone, local) == Ok(o)));
    let offset = consistent.or_else(|| candidates.iter().copied().min())?;
    shifted(offset)
}

/// The tz database compiled into native builds (command line, tests).
#[cfg(not(target_arch = "wasm32"))]
pub struct TzDatabase;

#[cfg(not(target_arch = "wasm32"))]
impl UtcOffsets for TzDatabase {
    fn utc_offset(&self, timezone: &str, local: NaiveDateTime) -> Result<i32, OffsetError> {
        use chrono::{LocalResult, Offset, TimeZone};
        let tz: chrono_tz::Tz = timezone.parse().map_err(|_| OffsetError::UnknownTimezone)?;
        match tz.from_local_datetime(&local) {
            LocalResult::Single(at) | LocalResult::Ambiguous(at, _) => {
                Ok(at.offset().fix().local_minus_utc())
            }
            LocalResult::None => Err(OffsetError::NoSuchLocalTime),
        }
    }
}
