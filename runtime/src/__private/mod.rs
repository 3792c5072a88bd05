//! Items that generated code reaches, all through [`v1`]:
//! `::sailpoint_isc::__private::v1::…`. Not a public API: names and shapes
//! here change with the generator. The version in the path lets a runtime
//! keep serving the code an older generator emitted, next to a newer `v2`.
//!
//! Dependencies point one way: this module uses [`crate::json`] and
//! [`crate::request`]; nothing outside it uses it.

mod codec;
mod union;
mod version;

/// The items generated code of this generation reaches.
pub mod v1 {
    pub use super::codec::{json_text, StringEnum};
    pub use super::union::{decode_union, UnionVariant};
    pub use super::version::assert_macros_version;
    pub use super::{decode_error, Request};
    pub use crate::__serde_via_json as serde_via_json;
    pub use crate::request::{ErrorDecoder, Operation};
    pub use http::Method;
    pub use serde;
    pub use serde_json;

    /// The JSON codec as generated models use it: the public traits of
    /// [`crate::json`] and the per-field plumbing.
    pub mod json {
        pub use super::super::codec::{
            decode_string_enum, deserialize, serialize, Object, ObjectWriter,
        };
        pub use crate::json::{Decode, DecodeError, Encode};
    }
}

use crate::error::ErrorBody;
use crate::request::Operation;

/// Decodes an error body into the type an operation documents for a status.
/// Used as a function pointer in the generated [`ErrorDecoder`](v1::ErrorDecoder)
/// tables.
pub fn decode_error<T>(body: &[u8]) -> Option<Box<dyn ErrorBody>>
where
    T: crate::json::Decode + ErrorBody,
{
    crate::json::decode_slice::<T>(body)
        .ok()
        .map(|v| Box::new(v) as Box<dyn ErrorBody>)
}

/// Where generated methods start: `Request::new(&OP)` is a
/// [`crate::Request`] for the operation `OP` describes.
pub enum Request {}

impl Request {
    /// A request for `op`, to be filled by the builder methods of
    /// [`crate::Request`].
    #[inline]
    pub fn new(op: &'static Operation) -> crate::Request {
        crate::Request::for_operation(op)
    }
}
