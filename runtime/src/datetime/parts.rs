//! The components of RFC 3339 dates and date-times: validation, the strict
//! parser, the canonical format and unix time. Plain arithmetic on the
//! proleptic Gregorian calendar, no dependency.

use super::DateTimeError;
use std::fmt;

const NANOS_PER_SECOND: u32 = 1_000_000_000;
const SECONDS_PER_DAY: i64 = 86_400;
/// The last minute of a UTC day, where a leap second can be inserted.
const LAST_MINUTE_OF_DAY: i32 = 23 * 60 + 59;

/// A calendar date of RFC 3339's range (`full-date`, years 0000 to 9999):
/// year, month and day, always valid (February 30 cannot be made).
///
/// Ordered by date. Made with [`DateParts::new`], read from a
/// [`Date`](super::Date) with [`Date::parsed`](super::Date::parsed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateParts {
    year: u16,
    month: u8,
    day: u8,
}

impl DateParts {
    /// The date `year-month-day`; fails when the year is beyond 9999 or the
    /// day is not in the month.
    pub fn new(year: u16, month: u8, day: u8) -> Result<Self, DateTimeError> {
        check_date(year, month, day).map_err(DateTimeError::range)?;
        Ok(DateParts { year, month, day })
    }

    /// The year, 0 to 9999.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, from 1.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it).
    fn unix_days(self) -> i64 {
        // Howard Hinnant's `days_from_civil`, with March as the first month
        // so that the leap day is the last day of a year.
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month_from_march = (i64::from(self.month) + 9) % 12;
        let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` after 1970-01-01, when its year is 0 to 9999.
    fn from_unix_days(days: i64) -> Option<Self> {
        // Hinnant's `civil_from_days`, the inverse of `unix_days`.
        let days = days.checked_add(719_468)?;
        let era = days.div_euclid(146_097);
        let day_of_era = days - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_from_march = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
        let month = if month_from_march < 10 {
            month_from_march + 3
        } else {
            month_from_march - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Some(DateParts {
            year: u16::try_from(year).ok().filter(|y| *y <= 9999)?,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        })
    }
}

/// `YYYY-MM-DD`.
impl fmt::Display for DateParts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateTimeParts {
    date: DateParts,
    hour: u8,
    minute: u8,
    second: u8,
    nanosecond: u32,
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
        DateTimeParts {
            date: DateParts { year, month, day },
            hour,
            minute,
            second,
            nanosecond: 0,
            offset_minutes: 0,
        }
        .checked()
    }

    /// All components at once, checked: what the conversions from other
    /// date-time crates use (a leap second at a non-zero offset cannot be
    /// made with [`new`](Self::new), which is UTC).
    #[cfg_attr(
        not(any(feature = "time", feature = "chrono", feature = "jiff", test)),
        allow(dead_code)
    )]
    pub(crate) fn from_fields(
        date: DateParts,
        hour: u8,
        minute: u8,
        second: u8,
        nanosecond: u32,
        offset_minutes: i16,
    ) -> Result<Self, DateTimeError> {
        DateTimeParts {
            date,
            hour,
            minute,
            second,
            nanosecond,
            offset_minutes,
        }
        .checked()
    }

    /// The same wall-clock time with a fraction of a second, in
    /// nanoseconds (below 1,000,000,000).
    pub fn with_nanosecond(self, nanosecond: u32) -> Result<Self, DateTimeError> {
        DateTimeParts { nanosecond, ..self }.checked()
    }

    /// The same wall-clock date and time, read as local time at
    /// `offset_minutes` east of UTC (-1439 to 1439; `+02:00` is 120). This
    /// changes the instant; the wall clock stays.
    pub fn with_offset_minutes(self, offset_minutes: i16) -> Result<Self, DateTimeError> {
        DateTimeParts {
            offset_minutes,
            ..self
        }
        .checked()
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
        let date = DateParts::from_unix_days(seconds.div_euclid(SECONDS_PER_DAY))
            .ok_or_else(out_of_range)?;
        let second_of_day = seconds.rem_euclid(SECONDS_PER_DAY);
        let field = |n: i64| u8::try_from(n).map_err(|_| out_of_range());
        DateTimeParts {
            date,
            hour: field(second_of_day / 3600)?,
            minute: field(second_of_day / 60 % 60)?,
            second: field(second_of_day % 60)?,
            nanosecond,
            offset_minutes: 0,
        }
        .checked()
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
        self.date
    }

    /// The local year, 0 to 9999.
    pub fn year(self) -> u16 {
        self.date.year
    }

    /// The local month, 1 to 12.
    pub fn month(self) -> u8 {
        self.date.month
    }

    /// The local day of the month, from 1.
    pub fn day(self) -> u8 {
        self.date.day
    }

    /// The local hour, 0 to 23.
    pub fn hour(self) -> u8 {
        self.hour
    }

    /// The local minute, 0 to 59.
    pub fn minute(self) -> u8 {
        self.minute
    }

    /// The second, 0 to 59, or 60 for a leap second.
    pub fn second(self) -> u8 {
        self.second
    }

    /// The fraction of the second in nanoseconds, 0 to 999,999,999 (digits
    /// after the ninth are not kept).
    pub fn nanosecond(self) -> u32 {
        self.nanosecond
    }

    /// The offset from UTC in minutes east (`+02:00` is 120, `Z` and
    /// `-00:00` are 0).
    pub fn offset_minutes(self) -> i16 {
        self.offset_minutes
    }

    /// Whether this is a leap second (second 60, at 23:59 UTC).
    pub fn is_leap_second(self) -> bool {
        self.second == 60
    }

    /// Whole seconds since 1970-01-01T00:00:00Z (negative before it). A
    /// leap second counts as the second before it, like POSIX time.
    pub fn unix_timestamp(self) -> i64 {
        let second_of_day = i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second.min(59));
        self.date.unix_days() * SECONDS_PER_DAY + second_of_day
            - i64::from(self.offset_minutes) * 60
    }

    /// Nanoseconds since 1970-01-01T00:00:00Z (negative before it). A leap
    /// second counts as the second before it, like POSIX time.
    pub fn unix_timestamp_nanos(self) -> i128 {
        i128::from(self.unix_timestamp()) * i128::from(NANOS_PER_SECOND)
            + i128::from(self.nanosecond)
    }

    /// A key in time order: a leap second sorts after the second before it
    /// and before the next one.
    pub(crate) fn instant_key(self) -> (i64, bool, u32) {
        (
            self.unix_timestamp(),
            self.is_leap_second(),
            self.nanosecond,
        )
    }

    fn checked(self) -> Result<Self, DateTimeError> {
        self.check().map_err(DateTimeError::range)?;
        Ok(self)
    }

    fn check(&self) -> Result<(), &'static str> {
        let d = self.date;
        check_date(d.year, d.month, d.day)?;
        if self.hour > 23 {
            return Err("hour is not in 00..=23");
        }
        if self.minute > 59 {
            return Err("minute is not in 00..=59");
        }
        if self.second > 60 {
            return Err("second is not in 00..=60");
        }
        if self.nanosecond >= NANOS_PER_SECOND {
            return Err("nanosecond is not below 1000000000");
        }
        if !(-LAST_MINUTE_OF_DAY..=LAST_MINUTE_OF_DAY).contains(&i32::from(self.offset_minutes)) {
            return Err("offset is not within ±23:59");
        }
        let local_minute = i32::from(self.hour) * 60 + i32::from(self.minute);
        let utc_minute = (local_minute - i32::from(self.offset_minutes)).rem_euclid(24 * 60);
        if self.second == 60 && utc_minute != LAST_MINUTE_OF_DAY {
            return Err("a leap second (second 60) must be at 23:59 UTC");
        }
        Ok(())
    }
}

/// The canonical RFC 3339 form: `YYYY-MM-DDTHH:MM:SS`, a fraction of 3, 6
/// or 9 digits when not zero, and `Z` or `±hh:mm`.
impl fmt::Display for DateTimeParts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}T{:02}:{:02}:{:02}",
            self.date, self.hour, self.minute, self.second
        )?;
        let n = self.nanosecond;
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

fn check_date(year: u16, month: u8, day: u8) -> Result<(), &'static str> {
    if year > 9999 {
        return Err("year is not in 0000..=9999");
    }
    if !(1..=12).contains(&month) {
        return Err("month is not in 01..=12");
    }
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if !(1..=days).contains(&day) {
        return Err("day is not in the month");
    }
    Ok(())
}

/// The value of `digits`, when all are ASCII digits.
fn number(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// Reads `full-date` (`YYYY-MM-DD`) at the start of `b`.
fn parse_date_prefix(b: &[u8]) -> Result<DateParts, &'static str> {
    let field = |range: std::ops::Range<usize>| b.get(range).and_then(number);
    let (Some(year), Some(month), Some(day)) = (field(0..4), field(5..7), field(8..10)) else {
        return Err("expected a date YYYY-MM-DD");
    };
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return Err("expected a date YYYY-MM-DD");
    }
    // Four digits and two digits always fit their types.
    let (year, month, day) = (year as u16, month as u8, day as u8);
    check_date(year, month, day)?;
    Ok(DateParts { year, month, day })
}

/// Parses an RFC 3339 `full-date`: exactly `YYYY-MM-DD`.
pub(crate) fn parse_date(text: &str) -> Result<DateParts, &'static str> {
    let date = parse_date_prefix(text.as_bytes())?;
    if text.len() != 10 {
        return Err("expected nothing after the date");
    }
    Ok(date)
}

/// Parses an RFC 3339 `date-time`. `T` and `Z` may be lowercase
/// (section 5.6, note); the separator may not be a space.
pub(crate) fn parse_date_time(text: &str) -> Result<DateTimeParts, &'static str> {
    let b = text.as_bytes();
    let date = parse_date_prefix(b)?;
    if !matches!(b.get(10), Some(b'T' | b't')) {
        return Err("expected `T` between the date and the time");
    }
    let field = |range: std::ops::Range<usize>| b.get(range).and_then(number);
    let (Some(hour), Some(minute), Some(second)) = (field(11..13), field(14..16), field(17..19))
    else {
        return Err("expected a time HH:MM:SS");
    };
    if b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
        return Err("expected a time HH:MM:SS");
    }
    let (nanosecond, rest) = parse_fraction(b.get(19..).unwrap_or_default())?;
    let offset_minutes = parse_offset(rest)?;
    let parts = DateTimeParts {
        date,
        // Two digits always fit.
        hour: hour as u8,
        minute: minute as u8,
        second: second as u8,
        nanosecond,
        offset_minutes,
    };
    parts.check()?;
    Ok(parts)
}

/// Reads `time-secfrac` (`.` and one digit or more) if present: the
/// nanoseconds (digits after the ninth dropped) and what follows.
fn parse_fraction(b: &[u8]) -> Result<(u32, &[u8]), &'static str> {
    let Some(after_dot) = b.strip_prefix(b".") else {
        return Ok((0, b));
    };
    let len = after_dot.iter().take_while(|b| b.is_ascii_digit()).count();
    if len == 0 {
        return Err("expected digits after `.`");
    }
    let nanos = (0..9).fold(0u32, |n, i| {
        let digit = after_dot[..len].get(i).map_or(0, |d| u32::from(d - b'0'));
        n * 10 + digit
    });
    Ok((nanos, &after_dot[len..]))
}

/// Reads `time-offset` (`Z`, `z` or `±hh:mm`), which must end the text.
fn parse_offset(b: &[u8]) -> Result<i16, &'static str> {
    match b {
        [b'Z' | b'z'] => Ok(0),
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let (Some(hours), Some(minutes)) = (number(&[*h1, *h2]), number(&[*m1, *m2])) else {
                return Err("expected an offset `Z` or `±hh:mm`");
            };
            if hours > 23 {
                return Err("offset hour is not in 00..=23");
            }
            if minutes > 59 {
                return Err("offset minute is not in 00..=59");
            }
            // At most 23 * 60 + 59, which fits.
            let total = (hours * 60 + minutes) as i16;
            Ok(if *sign == b'-' { -total } else { total })
        }
        [] => Err("expected an offset `Z` or `±hh:mm` at the end"),
        _ => Err("expected an offset `Z` or `±hh:mm` and nothing after it"),
    }
}
