//! The JSON codec of generated models: [`Decode`], [`Encode`], and the
//! [`Serde`] adapter for hand-written types. [`Client::execute`](crate::Client::execute)
//! decodes success bodies with [`Decode`], and [`Request::json`](crate::Request::json)
//! encodes request bodies with [`Encode`].
//!
//! A serde derive emits, per type, a field enum, a visitor with
//! `visit_map`/`visit_seq`, and the same again for `Serialize`; type
//! checking that output for the ~1,600 types of SailPoint's full specs is
//! most of the compile time and memory. Generated models instead implement
//! [`Decode`] and [`Encode`] with one non-generic function each (one line
//! per field, calling generic helpers), and their serde impls are one-line
//! bodies that go through [`serde_json::Value`]. The semantics are those the derives had:
//!
//! | property                     | field type          | absent   | `null`       |
//! |------------------------------|---------------------|----------|--------------|
//! | required                     | `T`                 | placeholder, recorded | placeholder, recorded (unless `T` takes null) |
//! | required, nullable           | `Option<T>`         | `None`   | `None`       |
//! | optional                     | `Option<T>`         | `None`   | `None`       |
//! | optional, nullable, sent     | `Option<Option<T>>` | `None`   | `Some(None)` |
//!
//! A required property the tenant sent as `null` or left out does not fail
//! the answer: the field gets a placeholder and the struct's [`Extra`]
//! records what came ([`Received`] gives the rule), and an enum value in another case than the spec's is the known
//! variant, also recorded. Encoding a value left as read sends back what was
//! received.
//!
//! Unknown properties are kept: in the struct's `extra` field ([`Extra`]),
//! or in `additional_properties` when the schema has `additionalProperties`;
//! both are written back after the declared properties. Errors carry the path of the
//! failing value (`accounts[2].name`) and serde's wording.

use serde::de::{Error as _, Unexpected};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;

mod extra;
pub(crate) mod received;

pub use extra::Extra;
pub use received::Received;

/// Why a JSON value did not decode, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodeError {
    /// Innermost segment last once complete; built in reverse while unwinding.
    rev_path: Vec<Segment>,
    message: String,
}

#[derive(Debug, Clone, PartialEq)]
enum Segment {
    Field(String),
    Index(usize),
}

impl DecodeError {
    /// An error at the current value.
    pub fn new(message: impl Into<String>) -> Self {
        DecodeError {
            rev_path: Vec::new(),
            message: message.into(),
        }
    }

    pub(crate) fn invalid_type(value: &Value, expected: &str) -> Self {
        DecodeError::new(serde_json::Error::invalid_type(unexpected(value), &expected).to_string())
    }

    pub(crate) fn in_field(mut self, name: &str) -> Self {
        self.rev_path.push(Segment::Field(name.to_owned()));
        self
    }

    fn at_index(mut self, index: usize) -> Self {
        self.rev_path.push(Segment::Index(index));
        self
    }

    /// The path of the failing value, as serde_path_to_error writes it
    /// (`.` for the root, `accounts[2].name` inside).
    pub fn path(&self) -> String {
        let mut out = String::new();
        for seg in self.rev_path.iter().rev() {
            match seg {
                Segment::Field(name) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(name);
                }
                Segment::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        if out.is_empty() {
            out.push('.');
        }
        out
    }

    /// What was wrong, in serde's words.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.rev_path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path(), self.message)
        }
    }
}

impl std::error::Error for DecodeError {}

fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => Unexpected::Unsigned(u),
            (_, Some(i), _) => Unexpected::Signed(i),
            (_, _, Some(f)) => Unexpected::Float(f),
            _ => Unexpected::Other("number"),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

/// A type read from a JSON value.
pub trait Decode: Sized {
    /// Reads `value`.
    fn decode(value: Value) -> Result<Self, DecodeError>;

    /// The value of a required property that is absent: an error, except
    /// for types that have a natural "nothing" (`Option`).
    fn absent(name: &str) -> Result<Self, DecodeError> {
        Err(DecodeError::new(format!("missing field `{name}`")))
    }
}

/// A type written as a JSON value.
pub trait Encode {
    /// Writes `self`.
    fn encode(&self) -> Value;

    /// Writes `self`, or says why it cannot be written. Request bodies are
    /// encoded through this. Only types that can fail override it: the
    /// default is [`encode`](Self::encode); [`Serde`] reports what its
    /// `Serialize` impl refused (a map with non-string keys, say).
    fn try_encode(&self) -> Result<Value, EncodeError> {
        Ok(self.encode())
    }
}

/// Why a value could not be written as JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodeError {
    message: String,
}

impl EncodeError {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> Self {
        EncodeError {
            message: message.into(),
        }
    }

    /// What was wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for EncodeError {}

/// Decodes a whole body: JSON syntax errors and shape errors alike come back
/// as (path, message).
pub fn decode_slice<T: Decode>(body: &[u8]) -> Result<T, DecodeError> {
    let value: Value = serde_json::from_slice(body).map_err(|e| DecodeError::new(e.to_string()))?;
    let decoded = T::decode(value);
    // Enum case records that no struct took (a body that is a bare enum)
    // have nowhere to go.
    received::clear_cases();
    decoded
}

/// Decodes a whole body strictly, as a server reading a request does: a
/// required property that is `null` or absent fails, and an enum value
/// must be spelled as the spec spells it (else it is `Other`). Answers are
/// read leniently ([`decode_slice`], see [`Received`]); the mock tenant
/// reads requests with this.
pub fn decode_slice_strict<T: Decode>(body: &[u8]) -> Result<T, DecodeError> {
    received::strictly(|| decode_slice(body))
}

/// A hand-written serde type, for [`Client::execute`](crate::Client::execute),
/// [`Request::json`](crate::Request::json) and the other places that take
/// [`Decode`]/[`Encode`]: `client.execute::<Serde<MyReport>>(request).await?.0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Serde<T>(pub T);

impl<T: serde::de::DeserializeOwned> Decode for Serde<T> {
    fn decode(value: Value) -> Result<Self, DecodeError> {
        decode_with_serde(value).map(Serde)
    }
}

/// Decodes `value` with `T`'s serde `Deserialize`, keeping the failing
/// field's path: the body of a hand-written [`Decode`] impl for a serde type.
pub fn decode_with_serde<T: serde::de::DeserializeOwned>(value: Value) -> Result<T, DecodeError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let mut err = DecodeError::new(e.inner().to_string());
        if path != "." {
            err.rev_path.push(Segment::Field(path));
        }
        err
    })
}

impl<T: serde::Serialize> Encode for Serde<T> {
    /// The value, or `null` when `T`'s `Serialize` fails (request bodies use
    /// [`try_encode`](Encode::try_encode), which reports the failure).
    fn encode(&self) -> Value {
        serde_json::to_value(&self.0).unwrap_or(Value::Null)
    }

    fn try_encode(&self) -> Result<Value, EncodeError> {
        serde_json::to_value(&self.0).map_err(|e| EncodeError::new(e.to_string()))
    }
}

impl Decode for Value {
    fn decode(value: Value) -> Result<Self, DecodeError> {
        Ok(value)
    }
}

impl Encode for Value {
    fn encode(&self) -> Value {
        self.clone()
    }
}

impl Decode for Map<String, Value> {
    fn decode(value: Value) -> Result<Self, DecodeError> {
        match value {
            Value::Object(map) => Ok(map),
            other => Err(DecodeError::invalid_type(&other, "a map")),
        }
    }
}

impl Encode for Map<String, Value> {
    fn encode(&self) -> Value {
        Value::Object(self.clone())
    }
}

impl Decode for String {
    fn decode(value: Value) -> Result<Self, DecodeError> {
        match value {
            Value::String(s) => Ok(s),
            other => Err(DecodeError::invalid_type(&other, "a string")),
        }
    }
}

impl Encode for String {
    fn encode(&self) -> Value {
        Value::String(self.clone())
    }
}

impl Encode for str {
    fn encode(&self) -> Value {
        Value::String(self.to_owned())
    }
}

impl Decode for bool {
    fn decode(value: Value) -> Result<Self, DecodeError> {
        match value {
            Value::Bool(b) => Ok(b),
            other => Err(DecodeError::invalid_type(&other, "a boolean")),
        }
    }
}

impl Encode for bool {
    fn encode(&self) -> Value {
        Value::Bool(*self)
    }
}

impl Decode for i64 {
    fn decode(value: Value) -> Result<Self, DecodeError> {
        match &value {
            Value::Number(n) => match (n.as_i64(), n.as_u64()) {
                (Some(i), _) => Ok(i),
                (None, Some(u)) => Err(DecodeError::new(
                    serde_json::Error::invalid_value(Unexpected::Unsigned(u), &"i64").to_string(),
                )),
                _ => Err(DecodeError::invalid_type(&value, "i64")),
            },
            _ => Err(DecodeError::invalid_type(&value, "i64")),
        }
    }
}

impl Encode for i64 {
    fn encode(&self) -> Value {
        Value::from(*self)
    }
}

impl Decode for i32 {
    fn decode(value: Value) -> Result<Self, DecodeError> {
        let wide = match &value {
            Value::Number(n) if n.is_i64() || n.is_u64() => i64::decode(value)?,
            _ => return Err(DecodeError::invalid_type(&value, "i32")),
        };
        i32::try_from(wide).map_err(|_| {
            DecodeError::new(
                serde_json::Error::invalid_value(Unexpected::Signed(wide), &"i32").to_string(),
            )
        })
    }
}

impl Encode for i32 {
    fn encode(&self) -> Value {
        Value::from(*self)
    }
}

impl Decode for f64 {
    fn decode(value: Value) -> Result<Self, DecodeError> {
        match &value {
            Value::Number(n) => n
                .as_f64()
                .ok_or_else(|| DecodeError::invalid_type(&value, "f64")),
            _ => Err(DecodeError::invalid_type(&value, "f64")),
        }
    }
}

impl Encode for f64 {
    fn encode(&self) -> Value {
        // Like serde_json: a non-finite number is written as `null`.
        Value::from(*self)
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(value: Value) -> Result<Self, DecodeError> {
        match value {
            Value::Null => Ok(None),
            v => T::decode(v).map(Some),
        }
    }

    fn absent(_name: &str) -> Result<Self, DecodeError> {
        Ok(None)
    }
}

impl<T: Encode> Encode for Option<T> {
    fn encode(&self) -> Value {
        match self {
            Some(v) => v.encode(),
            None => Value::Null,
        }
    }
}

impl<T: Decode> Decode for Box<T> {
    fn decode(value: Value) -> Result<Self, DecodeError> {
        T::decode(value).map(Box::new)
    }

    fn absent(name: &str) -> Result<Self, DecodeError> {
        T::absent(name).map(Box::new)
    }
}

impl<T: Encode + ?Sized> Encode for Box<T> {
    fn encode(&self) -> Value {
        (**self).encode()
    }

    fn try_encode(&self) -> Result<Value, EncodeError> {
        (**self).try_encode()
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(value: Value) -> Result<Self, DecodeError> {
        match value {
            Value::Array(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, v)| T::decode(v).map_err(|e| e.at_index(i)))
                .collect(),
            other => Err(DecodeError::invalid_type(&other, "a sequence")),
        }
    }
}

impl<T: Encode> Encode for Vec<T> {
    fn encode(&self) -> Value {
        Value::Array(self.iter().map(Encode::encode).collect())
    }
}

impl<T: Encode> Encode for [T] {
    fn encode(&self) -> Value {
        Value::Array(self.iter().map(Encode::encode).collect())
    }
}

impl<T: Decode> Decode for BTreeMap<String, T> {
    fn decode(value: Value) -> Result<Self, DecodeError> {
        match value {
            Value::Object(map) => decode_map(map),
            other => Err(DecodeError::invalid_type(&other, "a map")),
        }
    }
}

impl<T: Encode> Encode for BTreeMap<String, T> {
    fn encode(&self) -> Value {
        Value::Object(self.iter().map(|(k, v)| (k.clone(), v.encode())).collect())
    }
}

impl<T: Encode + ?Sized> Encode for &T {
    fn encode(&self) -> Value {
        (**self).encode()
    }

    fn try_encode(&self) -> Result<Value, EncodeError> {
        (**self).try_encode()
    }
}

/// Decodes every value of `map`, naming the key of one that fails.
pub(crate) fn decode_map<T: Decode>(
    map: Map<String, Value>,
) -> Result<BTreeMap<String, T>, DecodeError> {
    map.into_iter()
        .map(|(k, v)| match T::decode(v) {
            Ok(v) => Ok((k, v)),
            Err(e) => Err(e.in_field(&k)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_and_messages_read_like_serde() {
        let e = Vec::<BTreeMap<String, i32>>::decode(json!([{}, {"a": 1, "b": "x"}])).unwrap_err();
        assert_eq!(e.path(), "[1].b");
        assert_eq!(e.message(), "invalid type: string \"x\", expected i32");
        let e = i32::decode(json!(5_000_000_000_i64)).unwrap_err();
        assert_eq!(e.path(), ".");
        assert!(e
            .message()
            .starts_with("invalid value: integer `5000000000`"));
    }

    #[test]
    fn serde_types_report_what_they_cannot_encode() {
        let mut bad = std::collections::HashMap::new();
        bad.insert(vec![1u8], 1);
        let e = Serde(&bad).try_encode().unwrap_err();
        assert!(e.message().contains("key must be a string"), "{e}");
        assert_eq!(Serde(&bad).encode(), Value::Null);
        assert_eq!(Serde(["a"]).try_encode(), Ok(json!(["a"])));
    }

    #[test]
    fn null_map_values_and_array_items_decode_and_encode_as_null() {
        // `additionalProperties: {type: string, nullable: true}` and
        // `items: {nullable: true}` generate these types.
        let map = json!({"a": null, "b": "x"});
        let decoded = BTreeMap::<String, Option<String>>::decode(map.clone()).unwrap();
        assert_eq!(decoded.get("a"), Some(&None));
        assert_eq!(decoded.get("b"), Some(&Some("x".to_owned())));
        assert_eq!(decoded.encode(), map);
        let items = json!([1, null, 3]);
        let decoded = Vec::<Option<i64>>::decode(items.clone()).unwrap();
        assert_eq!(decoded, [Some(1), None, Some(3)]);
        assert_eq!(decoded.encode(), items);
        // Without the `Option`, the same values fail, naming the place.
        let e = BTreeMap::<String, String>::decode(map).unwrap_err();
        assert_eq!(e.path(), "a");
        assert_eq!(Vec::<i64>::decode(items).unwrap_err().path(), "[1]");
    }

    #[test]
    fn numbers_keep_their_range() {
        assert_eq!(i64::decode(json!(-3)).unwrap(), -3);
        assert!(i64::decode(json!(u64::MAX)).is_err());
        assert!(i32::decode(json!(1.5)).is_err());
        assert_eq!(f64::decode(json!(2)).unwrap(), 2.0);
        assert_eq!(f64::NAN.encode(), Value::Null);
    }
}
