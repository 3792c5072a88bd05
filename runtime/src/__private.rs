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
    T: json::Decode + ErrorBody,
{
    json::decode_slice::<T>(body)
        .ok()
        .map(|v| Box::new(v) as Box<dyn ErrorBody>)
}

pub use crate::__serde_via_json as serde_via_json;
pub use crate::json;

/// Generated string enums implement this; decoding goes through it so that a
/// value the spec does not list decodes into the enum's `Other` variant
/// instead of failing the whole response.
pub trait StringEnum: Sized {
    /// The wire value of this variant.
    fn as_wire(&self) -> &str;
    /// The variant for a wire value; unknown values become `Other`.
    fn from_wire(value: String) -> Self;
}

mod union;
pub use union::{decode_union, UnionVariant};

pub use http::Method;

/// A structured parameter value as JSON text (objects in a query or header).
pub fn json_text<T: json::Encode + ?Sized>(value: &T) -> String {
    value.encode().to_string()
}
