//! Items that generated code reaches, all through [`v1`]:
//! `::sailpoint_isc::__private::v1::…`. Not a public API: names and shapes
//! here change with the generator. The version in the path lets a runtime
//! keep serving the code an older generator emitted, next to a newer `v2`.
//!
//! Dependencies point one way: this module uses [`crate::json`],
//! `crate::request` and the call types; nothing outside it uses it.

mod builder;
mod codec;
mod union;
mod version;

/// The items generated code of this generation reaches.
pub mod v1 {
    pub use super::builder::BUILDER_METHODS;
    pub use super::codec::{into, joined, json_text, string_enum, StringEnum};
    pub use super::request;
    pub use super::union::{decode_union, UnionVariant};
    pub use super::version::assert_macros_version;
    pub use crate::__call_builder as call_builder;
    pub use crate::__mock_example as mock_example;
    pub use crate::__per_call_options as per_call_options;
    pub use crate::__serde_via_json as serde_via_json;
    pub use crate::__string_enums as string_enums;
    pub use crate::call::Call;
    pub use crate::datetime::{Date, DateTime};
    pub use crate::operation::{ApiOperation, OperationParam, ParamLocation};
    pub use crate::options::CallOptions;
    pub use crate::patch::{patch_body, Patch, PatchShape};
    pub use crate::request::{decode_error, ErrorDecoder, Operation};
    pub use crate::wait;
    pub use http::Method;
    pub use serde;
    pub use serde_json;

    /// The JSON codec as generated models use it: the public traits of
    /// [`crate::json`] and the per-field plumbing.
    pub mod json {
        pub use super::super::codec::{
            decode_string_enum, deserialize, serialize, Object, ObjectWriter,
        };
        pub use crate::json::{Decode, DecodeError, Encode, Extra};
    }
}

use crate::request::Operation;

/// The request a generated method starts from: a [`crate::Request`] for
/// the operation `op` describes, filled by its builder methods.
#[inline]
pub fn request(op: &'static Operation) -> crate::Request {
    crate::Request::for_operation(op)
}
