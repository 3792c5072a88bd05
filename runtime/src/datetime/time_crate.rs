//! Conversions with the `time` crate (feature `time`):
//! [`time::OffsetDateTime`] and [`time::Date`].
//!
//! `time` has no leap seconds: second 60 becomes 59 with its fraction kept,
//! as `jiff` parses it.

use super::{Date, DateParts, DateTime, DateTimeError, DateTimeParts};

fn range(what: &str, e: impl std::fmt::Display) -> DateTimeError {
    DateTimeError::range(format!("{what} does not fit time: {e}"))
}

fn from_time_date(date: time::Date) -> Result<DateParts, DateTimeError> {
    let year = u16::try_from(date.year())
        .map_err(|_| DateTimeError::range(format!("year {} is not in 0000..=9999", date.year())))?;
    DateParts::new(year, u8::from(date.month()), date.day())
}

/// The same instant at the same offset: the parts hold `time` values
/// already (a leap second is second 59 there), so this cannot fail.
impl From<DateTimeParts> for time::OffsetDateTime {
    fn from(p: DateTimeParts) -> Self {
        let local = p.as_time();
        // Offsets under a day are inside `time`'s ±25:59:59, so the
        // fallback is never taken.
        let offset = time::UtcOffset::from_whole_seconds(i32::from(p.offset_minutes()) * 60)
            .unwrap_or(time::UtcOffset::UTC);
        time::OffsetDateTime::new_in_offset(local.date(), local.time(), offset)
    }
}

/// The same date; cannot fail.
impl From<DateParts> for time::Date {
    fn from(parts: DateParts) -> Self {
        parts.as_time()
    }
}

/// The same instant at the same offset; fails for an unparsed value.
impl TryFrom<&DateTime> for time::OffsetDateTime {
    type Error = DateTimeError;

    fn try_from(value: &DateTime) -> Result<Self, DateTimeError> {
        Ok(value.parts_or_error()?.into())
    }
}

/// The same instant at the same offset; fails for an unparsed value.
impl TryFrom<DateTime> for time::OffsetDateTime {
    type Error = DateTimeError;

    fn try_from(value: DateTime) -> Result<Self, DateTimeError> {
        Self::try_from(&value)
    }
}

/// The same instant at the same offset, in canonical form; fails for years
/// outside 0000 to 9999 and offsets with seconds.
impl TryFrom<time::OffsetDateTime> for DateTime {
    type Error = DateTimeError;

    fn try_from(value: time::OffsetDateTime) -> Result<Self, DateTimeError> {
        let offset = value.offset().whole_seconds();
        if offset % 60 != 0 {
            return Err(DateTimeError::range(format!(
                "offset {} has seconds, which RFC 3339 cannot write",
                value.offset()
            )));
        }
        let offset = i16::try_from(offset / 60).map_err(|e| range("offset", e))?;
        let parts = DateTimeParts::from_fields(
            from_time_date(value.date())?,
            value.hour(),
            value.minute(),
            value.second(),
            value.nanosecond(),
            offset,
        )?;
        Ok(DateTime::from(parts))
    }
}

/// The same date; fails for an unparsed value.
impl TryFrom<&Date> for time::Date {
    type Error = DateTimeError;

    fn try_from(value: &Date) -> Result<Self, DateTimeError> {
        Ok(value.parts_or_error()?.into())
    }
}

/// The same date; fails for an unparsed value.
impl TryFrom<Date> for time::Date {
    type Error = DateTimeError;

    fn try_from(value: Date) -> Result<Self, DateTimeError> {
        Self::try_from(&value)
    }
}

/// The same date; fails for years outside 0000 to 9999.
impl TryFrom<time::Date> for Date {
    type Error = DateTimeError;

    fn try_from(value: time::Date) -> Result<Self, DateTimeError> {
        from_time_date(value).map(Date::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::{Month, OffsetDateTime, UtcOffset};

    #[test]
    fn date_times_convert_both_ways() {
        let value = DateTime::from_wire("2024-05-17T08:30:00.123456789+05:30");
        let odt = OffsetDateTime::try_from(&value).unwrap();
        assert_eq!(odt.offset().whole_minutes(), 330);
        assert_eq!(
            odt.unix_timestamp_nanos(),
            value.unix_timestamp_nanos().unwrap()
        );
        assert_eq!((odt.hour(), odt.nanosecond()), (8, 123_456_789));
        assert_eq!(DateTime::try_from(odt).unwrap().as_str(), value.as_str());

        let utc = OffsetDateTime::from_unix_timestamp(-1).unwrap();
        assert_eq!(
            DateTime::try_from(utc).unwrap().as_str(),
            "1969-12-31T23:59:59Z"
        );
        for text in ["0000-01-01T00:00:00+01:00", "9999-12-31T23:59:59.5-23:59"] {
            let odt = OffsetDateTime::try_from(DateTime::from_wire(text)).unwrap();
            assert_eq!(
                DateTime::try_from(odt).unwrap().as_str(),
                text.replace(".5", ".500")
            );
        }
        let leap =
            OffsetDateTime::try_from(&DateTime::from_wire("2016-12-31T23:59:60.25Z")).unwrap();
        assert_eq!((leap.second(), leap.nanosecond()), (59, 250_000_000));
    }

    #[test]
    fn what_does_not_fit_is_an_error() {
        let err = OffsetDateTime::try_from(DateTime::from_wire("-5877585-01-28T05:08:53.857Z"))
            .unwrap_err();
        assert_eq!(err.text(), Some("-5877585-01-28T05:08:53.857Z"));
        let seconds =
            OffsetDateTime::UNIX_EPOCH.to_offset(UtcOffset::from_whole_seconds(30).unwrap());
        let err = DateTime::try_from(seconds).unwrap_err();
        assert!(err.reason().contains("has seconds"), "{err}");
        let before_0000 = time::Date::from_calendar_date(-1, Month::December, 31).unwrap();
        assert!(DateTime::try_from(before_0000.midnight().assume_utc()).is_err());
        assert!(Date::try_from(before_0000).is_err());
    }

    #[test]
    fn parsed_values_convert_with_from() {
        for text in [
            "0000-01-01T00:00:00+23:59",
            "9999-12-31T23:59:59.999999999-23:59",
            "2016-12-31T23:59:60.250Z",
        ] {
            let value = DateTime::from_wire(text);
            let odt: OffsetDateTime = value.parsed().unwrap().into();
            assert_eq!(odt, OffsetDateTime::try_from(&value).unwrap(), "{text}");
            assert_eq!(
                odt.offset().whole_minutes(),
                value.parsed().unwrap().offset_minutes()
            );
        }
        let date: time::Date = Date::from_wire("0000-02-29").parsed().unwrap().into();
        assert_eq!(
            date,
            time::Date::from_calendar_date(0, Month::February, 29).unwrap()
        );
    }

    #[test]
    fn dates_convert_both_ways() {
        let date = time::Date::try_from(Date::from_wire("2024-02-29")).unwrap();
        assert_eq!(
            date,
            time::Date::from_calendar_date(2024, Month::February, 29).unwrap()
        );
        assert_eq!(Date::try_from(date).unwrap().as_str(), "2024-02-29");
        let err = time::Date::try_from(&Date::from_wire("2024-02-30")).unwrap_err();
        assert_eq!(err.reason(), "day is not in the month");
    }
}
