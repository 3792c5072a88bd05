//! Values as ISC's filter language writes them: strings quoted with `\`
//! and `"` escaped, RFC 3339 date-times, booleans and numbers bare.

use crate::datetime::{Date, DateTime};
use std::fmt::Write as _;

/// A type whose values a filter compares fields with; it writes a value
/// as one literal of ISC's filter language.
///
/// Implemented for `String` (quoted and escaped), `bool`, `i64`, `f64`,
/// [`DateTime`], [`Date`] and [`Literal`] (any of these).
pub trait FilterValue {
    /// Appends the value as one literal to `out`.
    fn write_literal(&self, out: &mut String);
}

/// Appends `text` as a quoted string: `\` and `"` are escaped by a
/// backslash, everything else is taken as it is (the query encoder
/// percent-encodes `%`, `#`, `&` and non-ASCII text on the way out).
pub(crate) fn write_quoted(text: &str, out: &mut String) {
    out.reserve(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
}

impl FilterValue for String {
    fn write_literal(&self, out: &mut String) {
        write_quoted(self, out);
    }
}

impl FilterValue for bool {
    fn write_literal(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl FilterValue for i64 {
    fn write_literal(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl FilterValue for f64 {
    /// A finite number bare; `NaN` and the infinities, which the language
    /// has no literal for, as quoted text the server refuses rather than
    /// as a bare word it could read as a field name.
    fn write_literal(&self, out: &mut String) {
        if self.is_finite() {
            let _ = write!(out, "{self}");
        } else {
            write_quoted(&self.to_string(), out);
        }
    }
}

impl FilterValue for DateTime {
    /// RFC 3339 text bare, in canonical form (so a space or a lowercase
    /// `t` the parser accepted never splits the literal); text that is not
    /// RFC 3339 quoted, so that it stays one value whatever it holds.
    fn write_literal(&self, out: &mut String) {
        match self.parsed() {
            Some(parts) => {
                let _ = write!(out, "{parts}");
            }
            None => write_quoted(self.as_str(), out),
        }
    }
}

impl FilterValue for Date {
    /// As for [`DateTime`]: bare when RFC 3339, quoted otherwise.
    fn write_literal(&self, out: &mut String) {
        match self.parsed() {
            Some(parts) => {
                let _ = write!(out, "{parts}");
            }
            None => write_quoted(self.as_str(), out),
        }
    }
}

/// Any value the language writes, for fields whose type the bindings do
/// not know ([`field`](super::field)): made from a string, a boolean, a
/// number, a [`DateTime`] or a [`Date`], and written out at once.
#[derive(Debug, Clone, PartialEq)]
pub struct Literal(String);

impl FilterValue for Literal {
    fn write_literal(&self, out: &mut String) {
        out.push_str(&self.0);
    }
}

fn literal(value: &impl FilterValue) -> Literal {
    let mut text = String::new();
    value.write_literal(&mut text);
    Literal(text)
}

macro_rules! literal_from {
    ($($t:ty => $conv:expr),* $(,)?) => {$(
        impl From<$t> for Literal {
            fn from(v: $t) -> Self {
                literal(&$conv(v))
            }
        }
    )*};
}

literal_from! {
    &str => str::to_owned,
    String => std::convert::identity,
    &String => String::clone,
    bool => std::convert::identity,
    i32 => i64::from,
    i64 => std::convert::identity,
    u32 => i64::from,
    f64 => std::convert::identity,
    DateTime => std::convert::identity,
    Date => std::convert::identity,
}
