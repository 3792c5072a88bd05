//! The strict RFC 3339 reader: which texts are a `date-time` or a
//! `full-date`, and why the others are not. The calendar and the ranges of
//! the clock are checked by [`DateParts`] and [`DateTimeParts`], on top of
//! the `time` crate.
//!
//! Neither `time` nor `jiff` parses by these rules, so the grammar is read
//! here. `jiff`'s parser reads ISO 8601 as Temporal does, a superset that
//! takes a space for `T`, `08:30` without seconds, a missing offset,
//! `+0100`, `+01`, `+01:00:00`, `+24:00`, a comma before the fraction,
//! `20240517T083000Z`, six-digit years and `[Europe/Paris]` after the
//! offset; it refuses fractions of more than nine digits and takes second 60
//! at any time of day as 59. `time`'s RFC 3339 parser needs its `parsing`
//! feature (more to build), and its errors name the component (`month`)
//! without telling a month of `5-` from a month of 13. The rules are those
//! the module docs list: `t` and `z` may be lowercase, `-00:00` is UTC,
//! digits after the ninth of a fraction are dropped, years are exactly four
//! digits (0000 to 9999), and second 60 is a leap second when it falls at
//! 23:59 UTC.

use super::parts::{DateParts, DateTimeParts};

/// The value of `digits`, when all are ASCII digits.
fn number(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// Two ASCII digits at `at` in `b`, when both are there.
fn two_digits(b: &[u8], at: usize) -> Option<u8> {
    // Two digits are at most 99, which fits.
    b.get(at..at + 2).and_then(number).map(|n| n as u8)
}

/// Reads `full-date` (`YYYY-MM-DD`) at the start of `b`.
fn parse_date_prefix(b: &[u8]) -> Result<DateParts, &'static str> {
    const SHAPE: &str = "expected a date YYYY-MM-DD";
    // Four digits are at most 9999, which fits.
    let year = b.get(0..4).and_then(number).map(|n| n as u16);
    let (Some(year), Some(month), Some(day)) = (year, two_digits(b, 5), two_digits(b, 8)) else {
        return Err(SHAPE);
    };
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return Err(SHAPE);
    }
    DateParts::checked(year, month, day)
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
    let (Some(hour), Some(minute), Some(second)) =
        (two_digits(b, 11), two_digits(b, 14), two_digits(b, 17))
    else {
        return Err("expected a time HH:MM:SS");
    };
    if b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
        return Err("expected a time HH:MM:SS");
    }
    let (nanosecond, rest) = parse_fraction(b.get(19..).unwrap_or_default())?;
    let offset_minutes = parse_offset(rest)?;
    DateTimeParts::checked(date, hour, minute, second, nanosecond, offset_minutes)
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
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let (Some(hours), Some(minutes)) = (two_digits(b, 1), two_digits(b, 4)) else {
                return Err("expected an offset `Z` or `±hh:mm`");
            };
            if hours > 23 {
                return Err("offset hour is not in 00..=23");
            }
            if minutes > 59 {
                return Err("offset minute is not in 00..=59");
            }
            let total = i16::from(hours) * 60 + i16::from(minutes);
            Ok(if *sign == b'-' { -total } else { total })
        }
        [] => Err("expected an offset `Z` or `±hh:mm` at the end"),
        _ => Err("expected an offset `Z` or `±hh:mm` and nothing after it"),
    }
}
