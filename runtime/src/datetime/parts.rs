//! The components of RFC 3339 dates and date-times, held in the `time`
//! crate's types: `time` checks the calendar (days in a month, leap years)
//! and the clock, and does the arithmetic with unix time. What RFC 3339
//! allows and `time` does not, or the reverse, is handled here: years are
//! 0000 to 9999, second 60 is a leap second, offsets are whole minutes
//! within ±23:59.

use super::DateTimeError;
use std::fmt;
use time::error::ComponentRange;
use time::{Month, PlainDateTime, Time, UtcDateTime};

const NANOS_PER_SECOND: u32 = 1_000_000_000;
/// The last minute of a UTC day, where a leap second can be inserted.
const LAST_MINUTE_OF_DAY: i32 = 23 * 60 + 59;

/// Our reason for a component that `time` refused, by the name `time` gives
/// it ([`ComponentRange::name`]); the wording of the old parser, which
/// callers see in [`DateTimeError::reason`].
fn reason(e: ComponentRange) -> &'static str {
    match e.name() {
        "month" => "month is not in 01..=12",
        "day" => "day is not in the month",
        "hour" => "hour is not in 00..=23",
        "minute" => "minute is not in 00..=59",
        // `time` stops at 59; 60 is let through as a leap second before.
        "second" => "second is not in 00..=60",
        "nanosecond" => "nanosecond is not below 1000000000",
        _ => "a component is out of range",
    }
}

/// A calendar date of RFC 3339's range (`full-date`, years 0000 to 9999):
/// year, month and day, always valid (February 30 cannot be made).
///
/// Ordered by date. Made with [`DateParts::new`], read from a
/// [`Date`](super::Date) with [`Date::parsed`](super::Date::parsed).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateParts(time::Date);

impl DateParts {
    /// The date `year-month-day`; fails when the year is beyond 9999 or the
    /// day is not in the month.
    pub fn new(year: u16, month: u8, day: u8) -> Result<Self, DateTimeError> {
        Self::checked(year, month, day).map_err(DateTimeError::range)
    }

    /// [`new`](Self::new) with the reason alone, for the parser.
    pub(crate) fn checked(year: u16, month: u8, day: u8) -> Result<Self, &'static str> {
        // Checked here, not left to `time`: its range grows to six digits
        // when any crate in the build enables its `large-dates` feature.
        if year > 9999 {
            return Err("year is not in 0000..=9999");
        }
        let month = Month::try_from(month).map_err(reason)?;
        time::Date::from_calendar_date(i32::from(year), month, day)
            .map(DateParts)
            .map_err(reason)
    }

    /// The same date, when its year is 0 to 9999.
    fn from_time(date: time::Date) -> Option<Self> {
        (0..=9999).contains(&date.year()).then_some(DateParts(date))
    }

    /// The date as the `time` crate's type.
    pub(crate) fn as_time(self) -> time::Date {
        self.0
    }

    /// The year, 0 to 9999.
    pub fn year(self) -> u16 {
        // Always 0..=9999, which fits.
        u16::try_from(self.0.year()).unwrap_or_default()
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        u8::from(self.0.month())
    }

    /// The day of the month, from 1.
    pub fn day(self) -> u8 {
        self.0.day()
    }
}

/// `YYYY-MM-DD`.
impl fmt::Display for DateParts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

/// `DateParts(2024-02-29)`.
impl fmt::Debug for DateParts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DateParts({self})")
    }
}

/// The components of an RFC 3339 `date-time`: the local date and time and
/// the offset from UTC they are written in, always valid.
///
/// `==` compares the components, so `10:00+01:00` and `09:00Z` differ here
/// (they are the same instant: compare [`unix_timestamp_nanos`] for that, or
/// the [`DateTime`](super::DateTime)s, which compare instants).
///
/// Made with [`new`](Self::new) and the `with_*` methods, or from unix time;
/// read from a [`DateTime`](super::DateTime) with
/// [`DateTime::parsed`](super::DateTime::parsed).
///
/// [`unix_timestamp_nanos`]: Self::unix_timestamp_nanos
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateTimeParts {
    /// The local date and time. `time` has no second 60, so a leap second
    /// is held as second 59 with `leap_second` set; its unix time is then
    /// the second before it, as POSIX counts.
    local: PlainDateTime,
    leap_second: bool,
    offset_minutes: i16,
}

impl DateTimeParts {
    /// `year-month-day` at `hour:minute:second` UTC, with no fraction.
    ///
    /// `second` may be 60 only for a leap second, at 23:59 UTC (a leap
    /// second written at another offset can be parsed, not made).
    pub fn new(
        year: u16,
        month: u8,
        day: u8,
        hour: u8,
        minute: u8,
        second: u8,
    ) -> Result<Self, DateTimeError> {
        let date = DateParts::new(year, month, day)?;
        Self::from_fields(date, hour, minute, second, 0, 0)
    }

    /// All components at once, checked: what the conversions from other
    /// date-time crates use (a leap second at a non-zero offset cannot be
    /// made with [`new`](Self::new), which is UTC).
    pub(crate) fn from_fields(
        date: DateParts,
        hour: u8,
        minute: u8,
        second: u8,
        nanosecond: u32,
        offset_minutes: i16,
    ) -> Result<Self, DateTimeError> {
        Self::checked(date, hour, minute, second, nanosecond, offset_minutes)
            .map_err(DateTimeError::range)
    }

    /// [`from_fields`](Self::from_fields) with the reason alone, for the
    /// parser.
    pub(crate) fn checked(
        date: DateParts,
        hour: u8,
        minute: u8,
        second: u8,
        nanosecond: u32,
        offset_minutes: i16,
    ) -> Result<Self, &'static str> {
        let leap_second = second == 60;
        let clock_second = if leap_second { 59 } else { second };
        let time = Time::from_hms_nano(hour, minute, clock_second, nanosecond).map_err(reason)?;
        // `time` allows ±25:59:59; RFC 3339's hours are 00 to 23.
        if !(-LAST_MINUTE_OF_DAY..=LAST_MINUTE_OF_DAY).contains(&i32::from(offset_minutes)) {
            return Err("offset is not within ±23:59");
        }
        if leap_second {
            // Minutes of the day only: the date does not matter for where a
            // leap second may fall (the leap-second table is not consulted).
            let local_minute = i32::from(hour) * 60 + i32::from(minute);
            let utc_minute = (local_minute - i32::from(offset_minutes)).rem_euclid(24 * 60);
            if utc_minute != LAST_MINUTE_OF_DAY {
                return Err("a leap second (second 60) must be at 23:59 UTC");
            }
        }
        Ok(DateTimeParts {
            local: PlainDateTime::new(date.as_time(), time),
            leap_second,
            offset_minutes,
        })
    }

    /// The same local date and clock with this fraction and offset, checked.
    fn rebuilt(self, nanosecond: u32, offset_minutes: i16) -> Result<Self, DateTimeError> {
        let (date, hour, minute, second) = (self.date(), self.hour(), self.minute(), self.second());
        Self::from_fields(date, hour, minute, second, nanosecond, offset_minutes)
    }

    /// The same wall-clock time with a fraction of a second, in
    /// nanoseconds (below 1,000,000,000).
    pub fn with_nanosecond(self, nanosecond: u32) -> Result<Self, DateTimeError> {
        self.rebuilt(nanosecond, self.offset_minutes)
    }

    /// The same wall-clock date and time, read as local time at
    /// `offset_minutes` east of UTC (-1439 to 1439; `+02:00` is 120). This
    /// changes the instant; the wall clock stays.
    pub fn with_offset_minutes(self, offset_minutes: i16) -> Result<Self, DateTimeError> {
        self.rebuilt(self.nanosecond(), offset_minutes)
    }

    /// The instant `seconds` and `nanosecond` after 1970-01-01T00:00:00Z,
    /// in UTC; fails outside the years 0000 to 9999 or when `nanosecond` is
    /// not below 1,000,000,000.
    pub fn from_unix_timestamp(seconds: i64, nanosecond: u32) -> Result<Self, DateTimeError> {
        let out_of_range = || {
            DateTimeError::range(format!(
                "unix time {seconds} s is outside the years 0000 to 9999"
            ))
        };
        let utc = UtcDateTime::from_unix_timestamp(seconds).map_err(|_| out_of_range())?;
        let date = DateParts::from_time(utc.date()).ok_or_else(out_of_range)?;
        let (hour, minute, second) = utc.time().as_hms();
        Self::from_fields(date, hour, minute, second, nanosecond, 0)
    }

    /// The instant `nanoseconds` after 1970-01-01T00:00:00Z, in UTC.
    pub fn from_unix_timestamp_nanos(nanoseconds: i128) -> Result<Self, DateTimeError> {
        let per_second = i128::from(NANOS_PER_SECOND);
        let seconds = i64::try_from(nanoseconds.div_euclid(per_second)).map_err(|_| {
            DateTimeError::range(format!(
                "unix time {nanoseconds} ns is outside the years 0000 to 9999"
            ))
        })?;
        // rem_euclid of a positive divisor is in 0..1e9, which fits.
        let nanosecond = u32::try_from(nanoseconds.rem_euclid(per_second)).unwrap_or(0);
        Self::from_unix_timestamp(seconds, nanosecond)
    }

    /// The local date.
    pub fn date(self) -> DateParts {
        DateParts(self.local.date())
    }

    /// The local date and time as the `time` crate's type; a leap second is
    /// second 59 there.
    #[cfg_attr(not(feature = "time"), allow(dead_code))]
    pub(crate) fn as_time(self) -> PlainDateTime {
        self.local
    }

    /// The local year, 0 to 9999.
    pub fn year(self) -> u16 {
        self.date().year()
    }

    /// The local month, 1 to 12.
    pub fn month(self) -> u8 {
        self.date().month()
    }

    /// The local day of the month, from 1.
    pub fn day(self) -> u8 {
        self.date().day()
    }

    /// The local hour, 0 to 23.
    pub fn hour(self) -> u8 {
        self.local.hour()
    }

    /// The local minute, 0 to 59.
    pub fn minute(self) -> u8 {
        self.local.minute()
    }

    /// The second, 0 to 59, or 60 for a leap second.
    pub fn second(self) -> u8 {
        if self.leap_second {
            60
        } else {
            self.local.second()
        }
    }

    /// The fraction of the second in nanoseconds, 0 to 999,999,999 (digits
    /// after the ninth are not kept).
    pub fn nanosecond(self) -> u32 {
        self.local.nanosecond()
    }

    /// The offset from UTC in minutes east (`+02:00` is 120, `Z` and
    /// `-00:00` are 0).
    pub fn offset_minutes(self) -> i16 {
        self.offset_minutes
    }

    /// Whether this is a leap second (second 60, at 23:59 UTC).
    pub fn is_leap_second(self) -> bool {
        self.leap_second
    }

    /// Whole seconds since 1970-01-01T00:00:00Z (negative before it). A
    /// leap second counts as the second before it, like POSIX time.
    pub fn unix_timestamp(self) -> i64 {
        // The local time read as UTC, then moved by the offset in plain
        // arithmetic: 9999-12-31T23:00:00-05:00 is an instant after the last
        // one `time`'s UTC types hold, and has a unix time all the same.
        self.local.as_utc().unix_timestamp() - i64::from(self.offset_minutes) * 60
    }

    /// Nanoseconds since 1970-01-01T00:00:00Z (negative before it). A leap
    /// second counts as the second before it, like POSIX time.
    pub fn unix_timestamp_nanos(self) -> i128 {
        i128::from(self.unix_timestamp()) * i128::from(NANOS_PER_SECOND)
            + i128::from(self.nanosecond())
    }

    /// A key in time order: a leap second sorts after the second before it
    /// and before the next one.
    pub(crate) fn instant_key(self) -> (i64, bool, u32) {
        (
            self.unix_timestamp(),
            self.is_leap_second(),
            self.nanosecond(),
        )
    }
}

/// The canonical RFC 3339 form: `YYYY-MM-DDTHH:MM:SS`, a fraction of 3, 6
/// or 9 digits when not zero, and `Z` or `±hh:mm`.
impl fmt::Display for DateTimeParts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}T{:02}:{:02}:{:02}",
            self.date(),
            self.hour(),
            self.minute(),
            self.second()
        )?;
        let n = self.nanosecond();
        if n == 0 {
        } else if n.is_multiple_of(1_000_000) {
            write!(f, ".{:03}", n / 1_000_000)?;
        } else if n.is_multiple_of(1_000) {
            write!(f, ".{:06}", n / 1_000)?;
        } else {
            write!(f, ".{n:09}")?;
        }
        match self.offset_minutes {
            0 => f.write_str("Z"),
            m => {
                let sign = if m < 0 { '-' } else { '+' };
                let m = m.unsigned_abs();
                write!(f, "{sign}{:02}:{:02}", m / 60, m % 60)
            }
        }
    }
}

/// `DateTimeParts(2016-12-31T23:59:60Z)`: the canonical form, which shows a
/// leap second as second 60.
impl fmt::Debug for DateTimeParts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DateTimeParts({self})")
    }
}
