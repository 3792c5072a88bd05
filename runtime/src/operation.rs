//! Operations as types. `include_api!` emits, in an `ops` module beside
//! each generated `Api`, one zero-sized type per operation
//! (`v2024::ops::QueryPasswordInfo`) that implements [`ApiOperation`]: the
//! operation's facts (method, path template, version path, parameters,
//! documented error bodies) and its Rust types (request body and answer).
//! It is the handle by which code that is not a call names an operation:
//! a rule of a mock server, a hook, a waiter.
//!
//! The facts are data the runtime interprets, one `const` per operation,
//! and the generated method reads the same `const`: the operation is
//! described once.

pub use crate::request::Operation;

/// One operation of generated bindings, as a type.
///
/// ```
/// use sailpoint_isc::{v2024, ApiOperation, ParamLocation};
///
/// type Op = v2024::ops::GetPasswordChangeStatus;
/// let facts = Op::OPERATION;
/// assert_eq!(facts.id, "getPasswordChangeStatus");
/// assert_eq!(facts.method, http::Method::GET);
/// assert_eq!(facts.base_path, "/v2024");
/// assert_eq!(facts.path, "/password-change-status/{id}");
/// let id = &Op::PARAMS[0];
/// assert_eq!((id.name, id.location, id.required), ("id", ParamLocation::Path, true));
///
/// // The types a call takes and answers.
/// fn answer_of<O: ApiOperation>(_: O) -> std::any::TypeId {
///     std::any::TypeId::of::<O::Answer>()
/// }
/// assert_eq!(answer_of(Op {}), std::any::TypeId::of::<v2024::PasswordStatus>());
/// ```
pub trait ApiOperation: 'static {
    /// The operation's facts: `operationId`, HTTP method, version path,
    /// path template and the decoders of its documented error bodies. The
    /// generated method sends its request from this same value.
    const OPERATION: &'static Operation;
    /// The operation's parameters as the spec declares them (the path's
    /// first, in path order), for checking a request against them.
    const PARAMS: &'static [OperationParam];
    /// The success status the spec documents (the lowest 2xx), which a
    /// mock answers with.
    const SUCCESS: u16 = 200;
    /// The spec's example of the success body, as JSON text, where it has
    /// one: a mock rule's answer when it is given none. Present when the
    /// runtime is built with its `mock-tenant` feature.
    const EXAMPLE: Option<&'static str> = None;
    /// The request body type; `()` when the operation takes none.
    type Body: 'static;
    /// What a call resolves to on success: the JSON answer's type,
    /// `Option<T>` when the spec documents a success without a body too,
    /// [`Bytes`](crate::Bytes) for a body in another format, `()` for none.
    type Answer: 'static;
}

/// One parameter of an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OperationParam {
    /// The name on the wire (`id`, `limit`, `X-SailPoint-Experimental`).
    pub name: &'static str,
    /// Where it goes.
    pub location: ParamLocation,
    /// Whether a request must carry it.
    pub required: bool,
}

/// Where a parameter goes in a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamLocation {
    /// A `{name}` segment of the path.
    Path,
    /// A query string pair.
    Query,
    /// A request header.
    Header,
}

/// An operation's example answer ([`ApiOperation::EXAMPLE`]) as generated
/// code writes it: kept when the runtime has its `mock-tenant` feature,
/// which is all that reads it, and dropped otherwise, so a build without
/// the mock carries none of the spec's example text.
#[cfg(feature = "mock-tenant")]
#[doc(hidden)]
#[macro_export]
macro_rules! __mock_example {
    ($text:literal) => {
        const EXAMPLE: ::std::option::Option<&'static str> = ::std::option::Option::Some($text);
    };
}

/// See the `mock-tenant` version above.
#[cfg(not(feature = "mock-tenant"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __mock_example {
    ($text:literal) => {};
}
