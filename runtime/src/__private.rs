//! Items that generated code reaches through `::sailpoint_isc::__private`.
//! Not a public API: names and shapes here change with the generator.

pub use crate::request::{ErrorDecoder, Operation, Request};
pub use serde;
pub use serde_json;

use crate::error::ErrorBody;

/// Decodes an error body into the type an operation documents for a status.
/// Used as a function pointer in the generated [`ErrorDecoder`] tables.
pub fn decode_error<T>(body: &[u8]) -> Option<Box<dyn ErrorBody>>
where
    T: serde::de::DeserializeOwned + ErrorBody,
{
    serde_json::from_slice::<T>(body)
        .ok()
        .map(|v| Box::new(v) as Box<dyn ErrorBody>)
}

/// Serde helpers for properties a caller may need to send as an explicit
/// `null`: `None` is absent, `Some(None)` is `null`, `Some(Some(v))` is a value.
pub mod double_option {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// Serializes `Some(None)` as `null` and `Some(Some(v))` as `v`
    /// (`None` is skipped by `skip_serializing_if`).
    pub fn serialize<T: Serialize, S: Serializer>(
        value: &Option<Option<T>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(inner) => inner.serialize(s),
            None => s.serialize_none(),
        }
    }

    /// A present field decodes to `Some(..)`, `null` to `Some(None)`; an absent
    /// field never reaches this function and stays `None` through `default`.
    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(d).map(Some)
    }
}

/// Generated string enums implement this; serde goes through it so that a
/// value the spec does not list decodes into the enum's `Other` variant
/// instead of failing the whole response.
pub trait StringEnum: Sized {
    /// The wire value of this variant.
    fn as_wire(&self) -> &str;
    /// The variant for a wire value; unknown values become `Other`.
    fn from_wire(value: String) -> Self;
}

/// `Serialize` body shared by every generated string enum.
pub fn serialize_string_enum<E: StringEnum, S: serde::Serializer>(
    value: &E,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.serialize_str(value.as_wire())
}

/// `Deserialize` body shared by every generated string enum.
pub fn deserialize_string_enum<'de, E: StringEnum, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<E, D::Error> {
    <String as serde::Deserialize>::deserialize(d).map(E::from_wire)
}

mod union;
pub use union::{deserialize_union, UnionVariant};

pub use http::Method;

/// A structured parameter value as JSON text (objects in a query or header).
pub fn json_text<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}
