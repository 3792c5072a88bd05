//! [`Date`]: an RFC 3339 `full-date` kept as received.

use super::parts::DateParts;
use super::rfc3339;
use super::{text_value, DateTimeError};

/// A `format: date` value: the text as received, and its year, month and
/// day when it is an RFC 3339 `full-date` (`YYYY-MM-DD`).
///
/// Like [`DateTime`](super::DateTime): decoding never fails on a string,
/// text that is not a date is kept unparsed and encoded back byte for byte,
/// [`FromStr`] and [`parse`](Self::parse) are strict. Parsed dates compare in
/// date order, unparsed ones after them by text.
///
/// ```
/// use sailpoint_isc::{Date, DateParts};
///
/// let due = Date::parse("2024-02-29")?;
/// assert_eq!(due.parsed().map(|d| (d.month(), d.day())), Some((2, 29)));
/// assert!(Date::parse("2023-02-29").is_err());
/// assert_eq!(Date::from(DateParts::new(2024, 3, 1)?).as_str(), "2024-03-01");
/// # Ok::<(), sailpoint_isc::DateTimeError>(())
/// ```
///
/// [`FromStr`]: std::str::FromStr
#[derive(Clone)]
pub struct Date {
    text: String,
    parts: Option<DateParts>,
}

text_value!(Date, DateParts, "a date string");

impl Date {
    /// The value as received: parsed when `text` is `YYYY-MM-DD`, kept
    /// unparsed otherwise. Never fails; this is what decoding does.
    pub fn from_wire(text: impl Into<String>) -> Self {
        let text = text.into();
        let parts = rfc3339::parse_date(&text).ok();
        Date { text, parts }
    }

    /// `text` as an RFC 3339 `full-date`, or an error saying why it is not
    /// one.
    pub fn parse(text: &str) -> Result<Self, DateTimeError> {
        match rfc3339::parse_date(text) {
            Ok(parts) => Ok(Date {
                text: text.to_owned(),
                parts: Some(parts),
            }),
            Err(reason) => Err(DateTimeError::not_rfc3339(text, reason)),
        }
    }

    fn order_of(parts: DateParts) -> DateParts {
        parts
    }
}

/// The components; fails for an unparsed value, with its text.
impl TryFrom<&Date> for DateParts {
    type Error = DateTimeError;

    fn try_from(value: &Date) -> Result<Self, DateTimeError> {
        value.parts_or_error()
    }
}
