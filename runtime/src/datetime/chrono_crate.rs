//! Conversions with the `chrono` crate (feature `chrono`):
//! [`chrono::DateTime`] and [`chrono::NaiveDate`].
//!
//! chrono represents leap seconds (a nanosecond of 1,000,000,000 or more),
//! so second 60 converts both ways.

use super::{Date, DateParts, DateTime, DateTimeError, DateTimeParts};
use chrono::{Datelike, FixedOffset, NaiveDate, Offset, TimeZone, Timelike, Utc};

const NANOS_PER_SECOND: u32 = 1_000_000_000;

fn to_naive_date(parts: DateParts) -> Result<NaiveDate, DateTimeError> {
    NaiveDate::from_ymd_opt(
        i32::from(parts.year()),
        u32::from(parts.month()),
        u32::from(parts.day()),
    )
    .ok_or_else(|| DateTimeError::range(format!("{parts} does not fit chrono")))
}

fn from_naive_date(date: NaiveDate) -> Result<DateParts, DateTimeError> {
    let narrow = |n: u32| u8::try_from(n).unwrap_or(u8::MAX);
    let year = u16::try_from(date.year())
        .map_err(|_| DateTimeError::range(format!("year {} is not in 0000..=9999", date.year())))?;
    DateParts::new(year, narrow(date.month()), narrow(date.day()))
}

fn to_fixed(value: &DateTime) -> Result<chrono::DateTime<FixedOffset>, DateTimeError> {
    fixed_from_parts(value.parts_or_error()?)
}

fn fixed_from_parts(p: DateTimeParts) -> Result<chrono::DateTime<FixedOffset>, DateTimeError> {
    let out_of_range = || DateTimeError::range(format!("{p} does not fit chrono"));
    let offset =
        FixedOffset::east_opt(i32::from(p.offset_minutes()) * 60).ok_or_else(out_of_range)?;
    // chrono writes a leap second as second 59 with a nanosecond of one
    // second or more.
    let nanos = p.nanosecond()
        + if p.is_leap_second() {
            NANOS_PER_SECOND
        } else {
            0
        };
    let local = to_naive_date(p.date())?
        .and_hms_nano_opt(
            u32::from(p.hour()),
            u32::from(p.minute()),
            u32::from(p.second().min(59)),
            nanos,
        )
        .ok_or_else(out_of_range)?;
    offset
        .from_local_datetime(&local)
        .single()
        .ok_or_else(out_of_range)
}

/// The same instant at the same offset: every parsed value fits chrono
/// (years 0000 to 9999, offsets under a day), so this cannot fail.
impl From<DateTimeParts> for chrono::DateTime<FixedOffset> {
    fn from(parts: DateTimeParts) -> Self {
        // The error branch is never taken (the tests convert both ends of
        // the range); it is a fallback rather than a panic.
        fixed_from_parts(parts).unwrap_or_else(|_| chrono::DateTime::UNIX_EPOCH.fixed_offset())
    }
}

/// The same instant in UTC; cannot fail, like the conversion to
/// `DateTime<FixedOffset>`.
impl From<DateTimeParts> for chrono::DateTime<Utc> {
    fn from(parts: DateTimeParts) -> Self {
        chrono::DateTime::<FixedOffset>::from(parts).with_timezone(&Utc)
    }
}

/// The same date: every year 0000 to 9999 fits chrono, so this cannot fail.
impl From<DateParts> for NaiveDate {
    fn from(parts: DateParts) -> Self {
        // Never the fallback, as for date-times.
        to_naive_date(parts).unwrap_or_default()
    }
}

/// The same instant at the same offset; fails for an unparsed value.
impl TryFrom<&DateTime> for chrono::DateTime<FixedOffset> {
    type Error = DateTimeError;

    fn try_from(value: &DateTime) -> Result<Self, DateTimeError> {
        to_fixed(value)
    }
}

/// The same instant at the same offset; fails for an unparsed value.
impl TryFrom<DateTime> for chrono::DateTime<FixedOffset> {
    type Error = DateTimeError;

    fn try_from(value: DateTime) -> Result<Self, DateTimeError> {
        to_fixed(&value)
    }
}

/// The same instant in UTC; fails for an unparsed value.
impl TryFrom<&DateTime> for chrono::DateTime<Utc> {
    type Error = DateTimeError;

    fn try_from(value: &DateTime) -> Result<Self, DateTimeError> {
        to_fixed(value).map(|t| t.with_timezone(&Utc))
    }
}

/// The same instant in UTC; fails for an unparsed value.
impl TryFrom<DateTime> for chrono::DateTime<Utc> {
    type Error = DateTimeError;

    fn try_from(value: DateTime) -> Result<Self, DateTimeError> {
        Self::try_from(&value)
    }
}

/// The same instant at the same offset (`Utc` writes `Z`), in canonical
/// form; fails for years outside 0000 to 9999 and offsets with seconds.
impl<Tz: TimeZone> TryFrom<&chrono::DateTime<Tz>> for DateTime {
    type Error = DateTimeError;

    fn try_from(value: &chrono::DateTime<Tz>) -> Result<Self, DateTimeError> {
        let offset = value.offset().fix().local_minus_utc();
        if offset % 60 != 0 {
            return Err(DateTimeError::range(format!(
                "offset {} has seconds, which RFC 3339 cannot write",
                value.offset().fix()
            )));
        }
        let local = value.naive_local();
        let (second, nanosecond) = match local.nanosecond().checked_sub(NANOS_PER_SECOND) {
            Some(leap_nanos) => (60, leap_nanos),
            None => (local.second(), local.nanosecond()),
        };
        let narrow = |n: u32| u8::try_from(n).unwrap_or(u8::MAX);
        let parts = DateTimeParts::from_fields(
            from_naive_date(local.date())?,
            narrow(local.hour()),
            narrow(local.minute()),
            narrow(second),
            nanosecond,
            // Whole minutes of less than a day fit.
            i16::try_from(offset / 60).unwrap_or(i16::MAX),
        )?;
        Ok(DateTime::from(parts))
    }
}

/// The same instant at the same offset (`Utc` writes `Z`), in canonical
/// form; fails for years outside 0000 to 9999 and offsets with seconds.
impl<Tz: TimeZone> TryFrom<chrono::DateTime<Tz>> for DateTime {
    type Error = DateTimeError;

    fn try_from(value: chrono::DateTime<Tz>) -> Result<Self, DateTimeError> {
        Self::try_from(&value)
    }
}

/// The same date; fails for an unparsed value.
impl TryFrom<&Date> for NaiveDate {
    type Error = DateTimeError;

    fn try_from(value: &Date) -> Result<Self, DateTimeError> {
        to_naive_date(value.parts_or_error()?)
    }
}

/// The same date; fails for an unparsed value.
impl TryFrom<Date> for NaiveDate {
    type Error = DateTimeError;

    fn try_from(value: Date) -> Result<Self, DateTimeError> {
        Self::try_from(&value)
    }
}

/// The same date; fails for years outside 0000 to 9999.
impl TryFrom<NaiveDate> for Date {
    type Error = DateTimeError;

    fn try_from(value: NaiveDate) -> Result<Self, DateTimeError> {
        from_naive_date(value).map(Date::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Fixed = chrono::DateTime<FixedOffset>;
    type UtcTime = chrono::DateTime<Utc>;

    #[test]
    fn date_times_convert_both_ways() {
        let value = DateTime::from_wire("2024-05-17T08:30:00.123456789-05:30");
        let fixed = Fixed::try_from(&value).unwrap();
        assert_eq!(fixed.offset().local_minus_utc(), -330 * 60);
        assert_eq!(
            fixed.timestamp_nanos_opt().map(i128::from),
            value.unix_timestamp_nanos()
        );
        assert_eq!(DateTime::try_from(fixed).unwrap().as_str(), value.as_str());
        let utc = UtcTime::try_from(value).unwrap();
        assert_eq!(
            DateTime::try_from(utc).unwrap().as_str(),
            "2024-05-17T14:00:00.123456789Z"
        );
        for text in [
            "0000-01-01T00:00:00+01:00",
            "9999-12-31T23:59:59.999-23:59",
            "2016-12-31T23:59:60.250Z",
            "2016-12-31T18:59:60-05:00",
        ] {
            let fixed = Fixed::try_from(DateTime::from_wire(text)).unwrap();
            assert_eq!(DateTime::try_from(&fixed).unwrap().as_str(), text);
        }
        let leap = UtcTime::try_from(DateTime::from_wire("2016-12-31T18:59:60.5-05:00")).unwrap();
        assert_eq!((leap.second(), leap.nanosecond()), (59, 1_500_000_000));
    }

    #[test]
    fn what_does_not_fit_is_an_error() {
        let err = Fixed::try_from(DateTime::from_wire("-5877585-01-28T05:08:53.857Z")).unwrap_err();
        assert_eq!(err.text(), Some("-5877585-01-28T05:08:53.857Z"));
        let seconds = Utc
            .timestamp_opt(0, 0)
            .unwrap()
            .with_timezone(&FixedOffset::east_opt(30).unwrap());
        assert!(DateTime::try_from(seconds)
            .unwrap_err()
            .reason()
            .contains("has seconds"));
        let far = NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap();
        assert!(DateTime::try_from(far.and_hms_opt(0, 0, 0).unwrap().and_utc()).is_err());
        assert!(Date::try_from(far).is_err());
    }

    #[test]
    fn parsed_values_convert_with_from() {
        for text in [
            "0000-01-01T00:00:00+23:59",
            "9999-12-31T23:59:59.999999999-23:59",
            "2016-12-31T23:59:60.250Z",
            "2024-05-17T08:30:00.5+02:00",
        ] {
            let value = DateTime::from_wire(text);
            let parts = value.parsed().unwrap();
            let fixed: Fixed = parts.into();
            assert_eq!(fixed, Fixed::try_from(&value).unwrap(), "{text}");
            assert_eq!(
                fixed.offset().local_minus_utc(),
                i32::from(parts.offset_minutes()) * 60
            );
            let utc: UtcTime = parts.into();
            assert_eq!(utc, UtcTime::try_from(&value).unwrap(), "{text}");
        }
        for text in ["0000-01-01", "9999-12-31", "2024-02-29"] {
            let parts = Date::from_wire(text).parsed().unwrap();
            let date: NaiveDate = parts.into();
            assert_eq!(date.to_string(), text);
        }
    }

    #[test]
    fn dates_convert_both_ways() {
        let date = NaiveDate::try_from(Date::from_wire("0000-02-29")).unwrap();
        assert_eq!(date, NaiveDate::from_ymd_opt(0, 2, 29).unwrap());
        assert_eq!(Date::try_from(date).unwrap().as_str(), "0000-02-29");
        assert!(NaiveDate::try_from(&Date::from_wire("2024-02-30")).is_err());
    }
}
