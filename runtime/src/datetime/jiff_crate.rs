//! Conversions with the `jiff` crate, 1.x (feature `jiff`):
//! [`jiff::Timestamp`], [`jiff::ZonedDateTime`] and [`jiff::civil::Date`].
//!
//! jiff has no leap seconds: second 60 becomes 59 with its fraction kept,
//! as jiff's own RFC 3339 parser does.

use super::{Date, DateParts, DateTime, DateTimeError, DateTimeParts};
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, ZonedDateTime};

fn range(what: impl std::fmt::Display, e: impl std::fmt::Display) -> DateTimeError {
    DateTimeError::range(format!("{what} does not fit jiff: {e}"))
}

/// A jiff component (`i8`, `i16`, `i32`) as ours; jiff's ranges are
/// non-negative for everything but years, which are then checked.
fn narrow<T: TryFrom<N> + Default, N>(n: N) -> T {
    T::try_from(n).unwrap_or_default()
}

fn to_timestamp(p: DateTimeParts) -> Result<Timestamp, DateTimeError> {
    // Nanoseconds below one second fit an i32.
    Timestamp::new(p.unix_timestamp(), narrow(p.nanosecond())).map_err(|e| range(p, e))
}

fn to_civil_date(parts: DateParts) -> Result<jiff::civil::Date, DateTimeError> {
    // A year of 0 to 9999, a month and a day fit jiff's i16 and i8.
    jiff::civil::Date::new(
        narrow(parts.year()),
        narrow(parts.month()),
        narrow(parts.day()),
    )
    .map_err(|e| range(parts, e))
}

fn from_civil_date(date: jiff::civil::Date) -> Result<DateParts, DateTimeError> {
    let year = u16::try_from(date.year())
        .map_err(|_| DateTimeError::range(format!("year {} is not in 0000..=9999", date.year())))?;
    DateParts::new(year, narrow(date.month()), narrow(date.day()))
}

/// The same instant; fails for an unparsed value and for instants beyond
/// jiff's range (the last hours of 9999-12-31 UTC).
impl TryFrom<&DateTime> for Timestamp {
    type Error = DateTimeError;

    fn try_from(value: &DateTime) -> Result<Self, DateTimeError> {
        to_timestamp(value.parts_or_error()?)
    }
}

/// The same instant; fails for an unparsed value and for instants beyond
/// jiff's range (the last hours of 9999-12-31 UTC).
impl TryFrom<DateTime> for Timestamp {
    type Error = DateTimeError;

    fn try_from(value: DateTime) -> Result<Self, DateTimeError> {
        Self::try_from(&value)
    }
}

/// The same instant in UTC (`Z`); fails for years before 0000.
impl TryFrom<Timestamp> for DateTime {
    type Error = DateTimeError;

    fn try_from(value: Timestamp) -> Result<Self, DateTimeError> {
        DateTime::from_unix_timestamp_nanos(value.as_nanosecond())
    }
}

/// The same instant in a time zone of the value's fixed offset; fails like
/// the conversion to [`Timestamp`].
impl TryFrom<&DateTime> for ZonedDateTime {
    type Error = DateTimeError;

    fn try_from(value: &DateTime) -> Result<Self, DateTimeError> {
        let p = value.parts_or_error()?;
        let offset =
            Offset::from_seconds(i32::from(p.offset_minutes()) * 60).map_err(|e| range(p, e))?;
        Ok(to_timestamp(p)?.to_zoned_datetime(TimeZone::fixed(offset)))
    }
}

/// The same instant in a time zone of the value's fixed offset; fails like
/// the conversion to [`Timestamp`].
impl TryFrom<DateTime> for ZonedDateTime {
    type Error = DateTimeError;

    fn try_from(value: DateTime) -> Result<Self, DateTimeError> {
        Self::try_from(&value)
    }
}

/// The same instant at the offset it has in its time zone, in canonical
/// form; fails for years outside 0000 to 9999 and offsets with seconds.
impl TryFrom<&ZonedDateTime> for DateTime {
    type Error = DateTimeError;

    fn try_from(value: &ZonedDateTime) -> Result<Self, DateTimeError> {
        let offset = value.offset().seconds();
        if offset % 60 != 0 {
            return Err(DateTimeError::range(format!(
                "offset {} has seconds, which RFC 3339 cannot write",
                value.offset()
            )));
        }
        let local = value.datetime();
        let parts = DateTimeParts::from_fields(
            from_civil_date(local.date())?,
            narrow(local.hour()),
            narrow(local.minute()),
            narrow(local.second()),
            narrow(local.subsec_nanosecond()),
            // Whole minutes of less than 26 hours fit.
            narrow(offset / 60),
        )?;
        Ok(DateTime::from(parts))
    }
}

/// The same instant at the offset it has in its time zone, in canonical
/// form; fails for years outside 0000 to 9999 and offsets with seconds.
impl TryFrom<ZonedDateTime> for DateTime {
    type Error = DateTimeError;

    fn try_from(value: ZonedDateTime) -> Result<Self, DateTimeError> {
        Self::try_from(&value)
    }
}

/// The same date: every year 0000 to 9999 fits jiff, so this cannot fail.
/// (A date-time has no such `From`: the last hours of 9999-12-31 at a
/// negative offset are past jiff's range.)
impl From<DateParts> for jiff::civil::Date {
    fn from(parts: DateParts) -> Self {
        // Never the fallback (the tests convert both ends of the range).
        to_civil_date(parts).unwrap_or(jiff::civil::Date::MIN)
    }
}

/// The same date; fails for an unparsed value.
impl TryFrom<&Date> for jiff::civil::Date {
    type Error = DateTimeError;

    fn try_from(value: &Date) -> Result<Self, DateTimeError> {
        to_civil_date(value.parts_or_error()?)
    }
}

/// The same date; fails for an unparsed value.
impl TryFrom<Date> for jiff::civil::Date {
    type Error = DateTimeError;

    fn try_from(value: Date) -> Result<Self, DateTimeError> {
        Self::try_from(&value)
    }
}

/// The same date; fails for years before 0000.
impl TryFrom<jiff::civil::Date> for Date {
    type Error = DateTimeError;

    fn try_from(value: jiff::civil::Date) -> Result<Self, DateTimeError> {
        from_civil_date(value).map(Date::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_convert_both_ways() {
        let value = DateTime::from_wire("2024-05-17T08:30:00.123456789+05:30");
        let ts = Timestamp::try_from(&value).unwrap();
        assert_eq!(Some(ts.as_nanosecond()), value.unix_timestamp_nanos());
        assert_eq!(
            DateTime::try_from(ts).unwrap().as_str(),
            "2024-05-17T03:00:00.123456789Z"
        );
        let before = Timestamp::new(-2, 500_000_000).unwrap();
        assert_eq!(
            DateTime::try_from(before).unwrap().as_str(),
            "1969-12-31T23:59:58.500Z"
        );
        let leap = Timestamp::try_from(DateTime::from_wire("2016-12-31T23:59:60.25Z")).unwrap();
        assert_eq!(leap.to_string(), "2016-12-31T23:59:59.25Z");
    }

    #[test]
    fn zoned_date_times_keep_the_offset() {
        for text in [
            "2024-05-17T08:30:00.5-05:30",
            "0000-01-01T00:00:00+01:00",
            "2024-05-17T08:30:00Z",
        ] {
            let zoned = ZonedDateTime::try_from(DateTime::from_wire(text)).unwrap();
            let back = DateTime::try_from(&zoned).unwrap();
            assert_eq!(back, DateTime::from_wire(text));
            assert_eq!(
                back.parsed().map(|p| p.offset_minutes()),
                DateTime::from_wire(text)
                    .parsed()
                    .map(|p| p.offset_minutes())
            );
        }
        let zoned =
            ZonedDateTime::try_from(DateTime::from_wire("2024-05-17T08:30:00.5-05:30")).unwrap();
        assert_eq!(
            DateTime::try_from(zoned).unwrap().as_str(),
            "2024-05-17T08:30:00.500-05:30"
        );
    }

    #[test]
    fn what_does_not_fit_is_an_error() {
        let err =
            Timestamp::try_from(DateTime::from_wire("-5877585-01-28T05:08:53.857Z")).unwrap_err();
        assert_eq!(err.text(), Some("-5877585-01-28T05:08:53.857Z"));
        // jiff's timestamps end before 9999-12-31T23:59:59Z.
        assert!(Timestamp::try_from(DateTime::from_wire("9999-12-31T23:59:59Z")).is_err());
        assert!(DateTime::try_from(Timestamp::MIN).is_err());
        let seconds = Timestamp::UNIX_EPOCH
            .to_zoned_datetime(TimeZone::fixed(Offset::from_seconds(30).unwrap()));
        assert!(DateTime::try_from(&seconds)
            .unwrap_err()
            .reason()
            .contains("has seconds"));
        let before_0000 = jiff::civil::Date::new(-1, 12, 31).unwrap();
        assert!(Date::try_from(before_0000).is_err());
    }

    #[test]
    fn dates_convert_both_ways() {
        let date = jiff::civil::Date::try_from(Date::from_wire("2024-02-29")).unwrap();
        assert_eq!(date, jiff::civil::Date::new(2024, 2, 29).unwrap());
        assert_eq!(Date::try_from(date).unwrap().as_str(), "2024-02-29");
        assert!(jiff::civil::Date::try_from(&Date::from_wire("x")).is_err());
        for (text, ymd) in [("0000-01-01", (0, 1, 1)), ("9999-12-31", (9999, 12, 31))] {
            let date: jiff::civil::Date = Date::from_wire(text).parsed().unwrap().into();
            assert_eq!((date.year(), date.month(), date.day()), ymd);
        }
    }
}
