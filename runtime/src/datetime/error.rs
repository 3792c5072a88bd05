//! The one error of the date-time types.

use std::fmt;

/// Why a date-time or date could not be made or converted: text that is not
/// RFC 3339, components out of range, or a value the target type cannot hold.
///
/// When the value came from text (an unparsed [`DateTime`](super::DateTime)
/// or [`Date`](super::Date), or [`DateTime::parse`](super::DateTime::parse)),
/// [`text`](Self::text) gives that text back unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateTimeError {
    text: Option<String>,
    reason: String,
}

impl DateTimeError {
    /// `text` is not RFC 3339, for `reason`.
    pub(crate) fn not_rfc3339(text: impl Into<String>, reason: impl Into<String>) -> Self {
        DateTimeError {
            text: Some(text.into()),
            reason: reason.into(),
        }
    }

    /// Components or a conversion out of range, for `reason`.
    pub(crate) fn range(reason: impl Into<String>) -> Self {
        DateTimeError {
            text: None,
            reason: reason.into(),
        }
    }

    /// The text that is not RFC 3339, as it was received; `None` when the
    /// error is about components or a conversion instead.
    pub fn text(&self) -> Option<&str> {
        self.text.as_deref()
    }

    /// The text that is not RFC 3339, moved out of the error.
    pub fn into_text(self) -> Option<String> {
        self.text
    }

    /// What is wrong, in a few words (`month 13 is not in 1..=12`).
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl fmt::Display for DateTimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.text {
            Some(text) => write!(f, "`{text}` is not RFC 3339: {}", self.reason),
            None => f.write_str(&self.reason),
        }
    }
}

impl std::error::Error for DateTimeError {}
