//! Date-times and dates as the API sends them: [`DateTime`] for
//! `format: date-time` and [`Date`] for `format: date`.
//!
//! Both keep the text exactly as received and parse it as RFC 3339 with a
//! strict parser; the calendar and unix time are the `time` crate's
//! (always a dependency; the `time` feature adds the conversions only).
//! Decoding never fails on the text: ISC sends values that are not RFC 3339
//! (`-5877585-01-28T05:08:53.857Z` for a date that was never set), and one
//! such value must not fail a whole response or a page of a listing. Such a
//! value is kept, reported as unparsed ([`DateTime::is_parsed`] is `false`,
//! [`DateTime::parsed`] is `None`) and encoded back byte for byte. A parsed
//! value also encodes back exactly as received (`.5Z` stays `.5Z`, `+02:00`
//! stays `+02:00`); a value made from components or unix time is written in
//! the canonical form of [`DateTimeParts`]' `Display`.
//!
//! ```
//! use sailpoint_isc::DateTime;
//!
//! let set = DateTime::from_wire("2024-05-17T08:30:00.5+02:00");
//! assert_eq!(set.unix_timestamp(), Some(1_715_927_400));
//! let unset = DateTime::from_wire("-5877585-01-28T05:08:53.857Z");
//! assert!(!unset.is_parsed());
//! assert_eq!(unset.as_str(), "-5877585-01-28T05:08:53.857Z");
//! // Strict parsing for values you write yourself:
//! assert!("2024-13-01T00:00:00Z".parse::<DateTime>().is_err());
//! ```
//!
//! # What is RFC 3339 here
//! `date-time` is `YYYY-MM-DDTHH:MM:SS`, an optional fraction of one digit
//! or more (digits after the ninth are kept in the text but not in the
//! nanoseconds), and `Z` or `±hh:mm`. `t` and `z` may be lowercase
//! (RFC 3339 section 5.6, note); a space instead of `T`, a missing offset,
//! `24:00`, a year beyond four digits and offsets with seconds are not
//! RFC 3339 and stay unparsed. Second `60` is a leap second and is parsed
//! when it falls at 23:59 UTC (the leap-second table is not consulted);
//! unix time counts it as the second before it, like POSIX, while the order
//! puts it between that second and the next. `-00:00` (offset unknown) is
//! parsed as UTC and kept as written. `full-date` is exactly `YYYY-MM-DD`.
//!
//! # Equality and order
//! Two parsed [`DateTime`]s are equal when they are the same instant, however
//! written (`09:00Z` equals `10:00+01:00` and `09:00:00.000Z`), as in
//! `chrono`, `time` and `jiff`; [`as_str`](DateTime::as_str) tells them
//! apart. They sort in time order. Unparsed values are equal when their texts
//! are, and sort after every parsed value, by text. `Hash` agrees with `==`.
//! [`Date`]s compare the same way (by date, then unparsed by text).
//!
//! # Other date-time crates
//! Conversions with `TryFrom` (and `From` below), each behind a cargo feature of
//! `sailpoint-isc` of the crate's name; none is on by default:
//! - `time`: `time::OffsetDateTime` and `time::Date`;
//! - `chrono`: `chrono::DateTime<Tz>` (to `FixedOffset` or `Utc`) and
//!   `chrono::NaiveDate`;
//! - `jiff` (1.x): `jiff::Timestamp`, `jiff::ZonedDateTime` (at the value's
//!   fixed offset) and `jiff::civil::Date`.
//!
//! Converting an unparsed value fails with a [`DateTimeError`] holding its
//! text; converting from those crates fails for years outside 0000 to 9999
//! and for offsets with seconds, which RFC 3339 cannot write.
//!
//! A parsed value ([`DateTimeParts`], [`DateParts`], what
//! [`DateTime::parsed`] and [`Date::parsed`] answer) converts with `From`
//! (`.into()`) where nothing can fail: to `time::OffsetDateTime` and
//! `time::Date`, to `chrono::DateTime<FixedOffset>`, `chrono::DateTime<Utc>`
//! and `chrono::NaiveDate`, and to `jiff::civil::Date` (not to
//! `jiff::Timestamp`: the last hours of 9999-12-31 at a negative offset are
//! past jiff's range). The other direction always checks the range, so it
//! stays `TryFrom`.
//!
//! ```
//! # #[cfg(feature = "chrono")]
//! # fn main() -> Result<(), sailpoint_isc::DateTimeError> {
//! use sailpoint_isc::{DateTime, DateTimeParts};
//!
//! let created = DateTime::from_wire("2024-05-17T08:30:00.5+02:00");
//! // An unparsed value is the error case, once:
//! let parts = DateTimeParts::try_from(&created)?;
//! let utc: chrono::DateTime<chrono::Utc> = parts.into();
//! let local: chrono::DateTime<chrono::FixedOffset> = parts.into();
//! assert_eq!(utc, local);
//! // Or in one step, which fails only for an unparsed value:
//! let again = chrono::DateTime::<chrono::Utc>::try_from(&created)?;
//! assert_eq!(again, utc);
//! # Ok(()) }
//! # #[cfg(not(feature = "chrono"))]
//! # fn main() {}
//! ```
//! [`std::time::SystemTime`] converts both ways without a feature.

mod date;
mod date_time;
mod error;
mod parts;
mod rfc3339;

#[cfg(feature = "chrono")]
mod chrono_crate;
#[cfg(feature = "jiff")]
mod jiff_crate;
#[cfg(test)]
mod tests;
#[cfg(feature = "time")]
mod time_crate;

pub use date::Date;
pub use date_time::DateTime;
pub use error::DateTimeError;
pub use parts::{DateParts, DateTimeParts};

use serde::de;
use std::fmt;

/// What `==`, `Ord` and `Hash` of [`DateTime`] and [`Date`] look at: the
/// parsed value first, in order, then unparsed text.
#[derive(PartialEq, Eq, PartialOrd, Ord, Hash)]
enum SortKey<'a, K> {
    Parsed(K),
    Unparsed(&'a str),
}

/// Reads a string for a serde `Deserialize`; anything else is an error in
/// serde's words, expecting `self.0`.
struct TextVisitor(&'static str);

impl de::Visitor<'_> for TextVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }
}

/// The string a JSON value must be, or the decode error of serde's wording
/// (`invalid type: integer `5`, expected a date-time string`).
fn decode_text(
    value: serde_json::Value,
    expected: &'static str,
) -> Result<String, crate::json::DecodeError> {
    use serde::Deserializer as _;
    match value {
        serde_json::Value::String(text) => Ok(text),
        other => other
            .deserialize_string(TextVisitor(expected))
            .map_err(|e| crate::json::DecodeError::new(e.to_string())),
    }
}

/// The impls [`DateTime`] and [`Date`] share: text access, formatting,
/// parsing, comparison through `sort_key`, serde and the JSON codec.
macro_rules! text_value {
    ($ty:ident, $parts:ident, $expected:literal) => {
        impl $ty {
            /// The text exactly as received (or the canonical form, for a
            /// value made from components).
            pub fn as_str(&self) -> &str {
                &self.text
            }

            /// The text, moved out.
            pub fn into_string(self) -> String {
                self.text
            }

            /// Whether the text is RFC 3339 and was parsed.
            pub fn is_parsed(&self) -> bool {
                self.parts.is_some()
            }

            /// The components, when the text is RFC 3339.
            pub fn parsed(&self) -> Option<$parts> {
                self.parts
            }

            /// The components, or the error naming the text and why it is
            /// not RFC 3339.
            pub(crate) fn parts_or_error(&self) -> Result<$parts, DateTimeError> {
                match self.parts {
                    Some(parts) => Ok(parts),
                    None => Err(match Self::parse(&self.text) {
                        Err(e) => e,
                        Ok(_) => DateTimeError::not_rfc3339(self.text.clone(), "not parsed"),
                    }),
                }
            }

            fn sort_key(&self) -> $crate::datetime::SortKey<'_, impl Ord + std::hash::Hash> {
                match self.parts {
                    Some(parts) => $crate::datetime::SortKey::Parsed(Self::order_of(parts)),
                    None => $crate::datetime::SortKey::Unparsed(&self.text),
                }
            }
        }

        /// A value made from components is written in canonical form.
        impl From<$parts> for $ty {
            fn from(parts: $parts) -> Self {
                $ty {
                    text: parts.to_string(),
                    parts: Some(parts),
                }
            }
        }

        /// The text, as [`as_str`](Self::as_str) gives it.
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.text)
            }
        }

        impl std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let unparsed = if self.is_parsed() { "" } else { "unparsed " };
                write!(f, "{}({unparsed}{:?})", stringify!($ty), self.text)
            }
        }

        /// Strict: fails on text that is not RFC 3339 (see `from_wire` for
        /// the lenient form decoding uses).
        impl std::str::FromStr for $ty {
            type Err = DateTimeError;

            fn from_str(text: &str) -> Result<Self, DateTimeError> {
                Self::parse(text)
            }
        }

        impl AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                &self.text
            }
        }

        /// The text as given, parsed when it is RFC 3339 and kept as it is
        /// when not (as [`from_wire`](Self::from_wire)): what a setter of a
        /// date parameter takes from a string.
        impl From<&str> for $ty {
            fn from(text: &str) -> Self {
                Self::from_wire(text)
            }
        }

        /// The text as given; see `From<&str>`.
        impl From<String> for $ty {
            fn from(text: String) -> Self {
                Self::from_wire(text)
            }
        }

        impl From<$ty> for String {
            fn from(value: $ty) -> String {
                value.text
            }
        }

        impl PartialEq for $ty {
            fn eq(&self, other: &Self) -> bool {
                self.sort_key() == other.sort_key()
            }
        }

        impl Eq for $ty {}

        impl PartialOrd for $ty {
            fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl Ord for $ty {
            fn cmp(&self, other: &Self) -> std::cmp::Ordering {
                self.sort_key().cmp(&other.sort_key())
            }
        }

        impl std::hash::Hash for $ty {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                self.sort_key().hash(state);
            }
        }

        /// The text, as received.
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.text)
            }
        }

        /// Any string (unparsed when not RFC 3339); other types fail.
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_string($crate::datetime::TextVisitor($expected))
                    .map(Self::from_wire)
            }
        }

        /// Any string (unparsed when not RFC 3339); other JSON values fail.
        impl $crate::json::Decode for $ty {
            fn decode(value: serde_json::Value) -> Result<Self, $crate::json::DecodeError> {
                $crate::datetime::decode_text(value, $expected).map(Self::from_wire)
            }
        }

        /// The text, as received.
        impl $crate::json::Encode for $ty {
            fn encode(&self) -> serde_json::Value {
                serde_json::Value::String(self.text.clone())
            }
        }
    };
}
use text_value;
