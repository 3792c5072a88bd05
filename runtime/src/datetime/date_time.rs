//! [`DateTime`]: an RFC 3339 `date-time` kept as received.

use super::parts::DateTimeParts;
use super::rfc3339;
use super::{text_value, DateTimeError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A `format: date-time` value: the text as received, and its components
/// when it is RFC 3339.
///
/// Decoding never fails on a string: text that is not RFC 3339 (ISC's
/// `-5877585-01-28T05:08:53.857Z` for an unset date) is kept unparsed and
/// encoded back byte for byte, and so is parsed text. [`FromStr`] and
/// [`parse`](Self::parse) are strict instead. `==`, `Ord` and `Hash` compare
/// instants, then unparsed text (see the [module docs](super) for all the
/// rules and the conversions to `time`, `chrono` and `jiff`).
///
/// ```
/// use sailpoint_isc::{DateTime, DateTimeParts};
///
/// let at = DateTime::parse("2024-05-17T08:30:00+02:00")?;
/// assert_eq!(at, DateTime::parse("2024-05-17T06:30:00Z")?);
/// assert_eq!(at.parsed().map(|p| p.offset_minutes()), Some(120));
/// let made = DateTime::from(DateTimeParts::new(2024, 5, 17, 6, 30, 0)?.with_nanosecond(5_000_000)?);
/// assert_eq!(made.as_str(), "2024-05-17T06:30:00.005Z");
/// # Ok::<(), sailpoint_isc::DateTimeError>(())
/// ```
///
/// [`FromStr`]: std::str::FromStr
#[derive(Clone)]
pub struct DateTime {
    text: String,
    parts: Option<DateTimeParts>,
}

text_value!(DateTime, DateTimeParts, "a date-time string");

impl DateTime {
    /// The value as received: parsed when `text` is RFC 3339, kept unparsed
    /// otherwise. Never fails; this is what decoding does.
    pub fn from_wire(text: impl Into<String>) -> Self {
        let text = text.into();
        let parts = rfc3339::parse_date_time(&text).ok();
        DateTime { text, parts }
    }

    /// `text` as an RFC 3339 `date-time`, or an error saying why it is not
    /// one. The text is kept as given.
    pub fn parse(text: &str) -> Result<Self, DateTimeError> {
        match rfc3339::parse_date_time(text) {
            Ok(parts) => Ok(DateTime {
                text: text.to_owned(),
                parts: Some(parts),
            }),
            Err(reason) => Err(DateTimeError::not_rfc3339(text, reason)),
        }
    }

    /// The instant `seconds` and `nanosecond` after 1970-01-01T00:00:00Z,
    /// written in UTC (`Z`).
    pub fn from_unix_timestamp(seconds: i64, nanosecond: u32) -> Result<Self, DateTimeError> {
        DateTimeParts::from_unix_timestamp(seconds, nanosecond).map(Self::from)
    }

    /// The instant `nanoseconds` after 1970-01-01T00:00:00Z, written in
    /// UTC (`Z`).
    pub fn from_unix_timestamp_nanos(nanoseconds: i128) -> Result<Self, DateTimeError> {
        DateTimeParts::from_unix_timestamp_nanos(nanoseconds).map(Self::from)
    }

    /// Whole seconds since 1970-01-01T00:00:00Z, when parsed.
    pub fn unix_timestamp(&self) -> Option<i64> {
        self.parts.map(DateTimeParts::unix_timestamp)
    }

    /// Nanoseconds since 1970-01-01T00:00:00Z, when parsed.
    pub fn unix_timestamp_nanos(&self) -> Option<i128> {
        self.parts.map(DateTimeParts::unix_timestamp_nanos)
    }

    fn order_of(parts: DateTimeParts) -> (i64, bool, u32) {
        parts.instant_key()
    }
}

/// The instant, in UTC; fails outside the years 0000 to 9999.
impl TryFrom<SystemTime> for DateTime {
    type Error = DateTimeError;

    fn try_from(time: SystemTime) -> Result<Self, DateTimeError> {
        let nanos = match time.duration_since(UNIX_EPOCH) {
            Ok(after) => i128::try_from(after.as_nanos()),
            Err(before) => i128::try_from(before.duration().as_nanos()).map(|n| -n),
        }
        .map_err(|_| DateTimeError::range("system time is outside the years 0000 to 9999"))?;
        Self::from_unix_timestamp_nanos(nanos)
    }
}

/// The instant; fails for an unparsed value or one the platform's
/// `SystemTime` cannot hold.
impl TryFrom<&DateTime> for SystemTime {
    type Error = DateTimeError;

    fn try_from(value: &DateTime) -> Result<Self, DateTimeError> {
        let parts = value.parts_or_error()?;
        let (seconds, nanos) = (parts.unix_timestamp(), parts.nanosecond());
        let time = if seconds >= 0 {
            UNIX_EPOCH.checked_add(Duration::new(seconds.unsigned_abs(), nanos))
        } else {
            UNIX_EPOCH
                .checked_sub(Duration::from_secs(seconds.unsigned_abs()))
                .and_then(|t| t.checked_add(Duration::from_nanos(u64::from(nanos))))
        };
        time.ok_or_else(|| DateTimeError::range(format!("{value} is outside SystemTime's range")))
    }
}

/// The components; fails for an unparsed value, with its text.
impl TryFrom<&DateTime> for DateTimeParts {
    type Error = DateTimeError;

    fn try_from(value: &DateTime) -> Result<Self, DateTimeError> {
        value.parts_or_error()
    }
}
