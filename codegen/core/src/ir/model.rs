//! The intermediate model's types: what the emitter reads. Every name is
//! chosen and every reference resolved; nothing here refers to the spec
//! except the pointers kept for messages and docs.

use super::docs::Docs;
use crate::diag::Pointer;
use crate::names::Ident;
use std::collections::BTreeMap;

/// Index of a [`Model`] in [`Api::models`].
pub type ModelId = usize;

/// Everything the emitter needs to write one API module.
#[derive(Debug, Clone)]
pub struct Api {
    /// The spec's `info.title`.
    pub title: String,
    /// The version path of the first server URL (`/v2024`), or empty.
    pub base_path: String,
    /// The name of the generated client struct (`Api`, `ApiBeta`).
    pub client_name: Ident,
    /// Models by id; `None` for component schemas no kept operation reaches.
    pub models: Vec<Option<Model>>,
    /// Kept operations, in spec order.
    pub operations: Vec<Operation>,
    /// By model id: whether the model is ever sent (reachable from a request
    /// body or parameter). Optional nullable properties of sent models keep an
    /// explicit `null` distinct from an absent field.
    pub sent: Vec<bool>,
    /// The waiters of the operations that poll a long-running job.
    pub waiters: Vec<super::waiters::Waiter>,
}

impl Api {
    /// The models that are emitted, in id order (spec order for component
    /// schemas, then inline schemas in the order they were met).
    pub fn emitted_models(&self) -> impl Iterator<Item = (ModelId, &Model)> {
        self.models
            .iter()
            .enumerate()
            .filter_map(|(i, m)| m.as_ref().map(|m| (i, m)))
    }

    /// The model with id `id`. Ids in a built [`Api`] always refer to built models.
    pub fn model(&self, id: ModelId) -> Option<&Model> {
        self.models.get(id).and_then(Option::as_ref)
    }
}

/// One generated type.
#[derive(Debug, Clone)]
pub struct Model {
    /// Rust type name, suffix included.
    pub name: Ident,
    /// Doc comment.
    pub docs: Docs,
    /// What kind of type.
    pub kind: ModelKind,
    /// Where in the spec it came from.
    pub pointer: Pointer,
}

/// The shape of a generated type.
#[derive(Debug, Clone)]
pub enum ModelKind {
    /// An object with named properties.
    Struct {
        /// Properties in spec order.
        fields: Vec<Field>,
        /// Type of `additionalProperties`, collected into a flattened map.
        additional: Option<Ty>,
    },
    /// A string enum; values the spec does not list decode into `other`.
    StringEnum {
        /// Listed values.
        variants: Vec<Variant>,
        /// Name of the catch-all variant holding any other value.
        other: Ident,
    },
    /// `oneOf`/`anyOf`. Of the variants whose type decodes the value, the
    /// runtime picks the one that leaves fewest of the value's properties
    /// unknown (the first in spec order among equals); see `decode_union`
    /// in the runtime's `__private::union`.
    Untagged {
        /// Variants in spec order: name and type.
        variants: Vec<(Ident, Ty)>,
    },
    /// A named schema that is not a struct or enum (an array, a string, …).
    Alias(Ty),
}

/// A struct field.
#[derive(Debug, Clone)]
pub struct Field {
    /// The field's identifier (`user_name`, `r#type`).
    pub name: Ident,
    /// The property name on the wire (`userName`).
    pub wire: String,
    /// The type, without the `Option` that optionality or nullability adds.
    pub ty: Ty,
    /// Listed in `required`.
    pub required: bool,
    /// `nullable: true` (on the property or the schema it refers to).
    pub nullable: bool,
    /// `readOnly: true` on the property: set by the server. In a type that
    /// is also sent, such a property is optional whatever `required` says
    /// (OpenAPI 3.0: "required" applies to responses only), so that a
    /// request can be built without inventing an `id` or `created`.
    pub read_only: bool,
    /// The field's type refers back to its own struct without indirection and
    /// must be boxed.
    pub boxed: bool,
    /// Doc comment.
    pub docs: Docs,
}

/// A string enum value.
#[derive(Debug, Clone)]
pub struct Variant {
    /// Variant name (`InProgress`).
    pub name: Ident,
    /// Value on the wire (`IN_PROGRESS`).
    pub wire: String,
}

/// A type reference.
#[derive(Debug, Clone, PartialEq)]
pub enum Ty {
    /// `String`.
    String,
    /// `bool`.
    Bool,
    /// `i32`.
    I32,
    /// `i64`.
    I64,
    /// `f64`.
    F64,
    /// A `format: date-time` string: the runtime's `DateTime`, which keeps
    /// the text it was given and never fails a decode on it.
    DateTime,
    /// A `format: date` string: the runtime's `Date`, likewise.
    Date,
    /// Any JSON value (`serde_json::Value`).
    Json,
    /// A file (`format: binary` string): the runtime's `FilePart`, sent as
    /// a file part of a multipart form.
    File,
    /// A JSON object with unknown keys (`serde_json::Map<String, Value>`).
    JsonObject,
    /// `Vec<T>`.
    Vec(Box<Ty>),
    /// `BTreeMap<String, T>`.
    Map(Box<Ty>),
    /// `Option<T>` inside a container (`Vec<Option<T>>`), for nullable items.
    Option(Box<Ty>),
    /// A generated model.
    Named(ModelId),
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamIn {
    /// Replaces `{name}` in the path.
    Path,
    /// A query string pair.
    Query,
    /// A request header.
    Header,
}

/// An operation parameter.
#[derive(Debug, Clone)]
pub struct Param {
    /// The method argument's identifier.
    pub name: Ident,
    /// Name on the wire.
    pub wire: String,
    /// Location.
    pub location: ParamIn,
    /// Type.
    pub ty: Ty,
    /// The caller must give it.
    pub required: bool,
    /// For an array in the query: one `name=item` pair per item (`explode`,
    /// the default), or one pair with the items joined by commas.
    pub explode: bool,
    /// A required parameter with a default is filled in by the generated
    /// method and not asked of the caller (v2024's `X-SailPoint-Experimental`).
    pub fixed: Option<String>,
    /// Doc comment.
    pub docs: Docs,
    /// The spec's example value (or its default), for the generated example call.
    pub example: Option<serde_json::Value>,
    /// The schema's `maximum`, for an integer parameter (a list's `limit`).
    pub maximum: Option<i64>,
    /// The name the spec declares this path parameter under, when that name
    /// is not in the path template and this parameter stands for the one
    /// template variable the spec left undeclared (`id` for
    /// `/data-segments/{segmentId}`); `wire` is the template's name.
    pub declared_as: Option<String>,
    /// For ISC's `filters` and `sorters` query parameters: the fields their
    /// description documents, or why it documents none readably.
    pub collection: Option<super::collection::Collection>,
}

/// A request body.
#[derive(Debug, Clone)]
pub struct Body {
    /// Its type.
    pub ty: Ty,
    /// Whether the spec requires it.
    pub required: bool,
    /// How it is encoded.
    pub encoding: BodyEncoding,
}

/// How a request body goes on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyEncoding {
    /// JSON, sent with this content type (`application/json`,
    /// `application/json-patch+json`).
    Json(String),
    /// `multipart/form-data`: each property is a part; `FilePart`s are files.
    Multipart,
}

/// What a success response carries.
#[derive(Debug, Clone, PartialEq)]
pub enum Success {
    /// A JSON body of this type.
    Json(Ty),
    /// A JSON body of this type on some success statuses and none on
    /// others (`200` with a body, `204` or `202` without): `Option<T>`.
    MaybeJson(Ty),
    /// A body in another format (CSV, ZIP, an image…), returned as bytes;
    /// the media types are sent as `Accept`.
    Bytes(Vec<String>),
    /// No body.
    Empty,
}

/// A documented error status and its body type.
#[derive(Debug, Clone)]
pub struct ErrorResponse {
    /// The status, or `None` for `default`.
    pub status: Option<u16>,
    /// The documented body type.
    pub ty: Ty,
}

/// HTTP methods the spec can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// GET
    Get,
    /// PUT
    Put,
    /// POST
    Post,
    /// DELETE
    Delete,
    /// OPTIONS
    Options,
    /// HEAD
    Head,
    /// PATCH
    Patch,
    /// TRACE
    Trace,
}

impl Method {
    /// Upper-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
            Method::Delete => "DELETE",
            Method::Options => "OPTIONS",
            Method::Head => "HEAD",
            Method::Patch => "PATCH",
            Method::Trace => "TRACE",
        }
    }
}

/// One generated method.
#[derive(Debug, Clone)]
pub struct Operation {
    /// The spec's `operationId` (or, without one, the id derived from its method and path).
    pub id: String,
    /// The method's identifier (`query_password_info`).
    pub method_name: Ident,
    /// The operation's type in the `ops` module (`QueryPasswordInfo`, with
    /// the API's suffix); set after all operations are known.
    pub type_name: Ident,
    /// HTTP method.
    pub method: Method,
    /// Path template (`/password-change-status/{id}`).
    pub path: String,
    /// Parameters, path ones first in path order, then the rest in spec order.
    pub params: Vec<Param>,
    /// The request body, if any.
    pub body: Option<Body>,
    /// The success body.
    pub success: Success,
    /// The lowest success status the spec documents (200 when none).
    pub success_status: u16,
    /// The spec's example of the success body at that status, as compact
    /// JSON: the media type's `example`, its first inline `examples` value,
    /// or one built from the schema's examples (see `ir::example`).
    pub example: Option<String>,
    /// Documented error bodies.
    pub errors: Vec<ErrorResponse>,
    /// What the spec says about the operation, for its doc comment.
    pub doc: OperationDoc,
    /// The spec marks it deprecated.
    pub deprecated: bool,
    /// Path parameters the spec declares that the path template has no
    /// place for; they are not arguments of the method.
    pub unplaced_path_params: Vec<String>,
    /// The builder type the method returns when the operation has optional
    /// parameters (`ListAccessProfilesCall`); set after all models are named.
    pub builder: Option<Ident>,
    /// How the operation's list pages, when it is a list the builder can
    /// stream.
    pub paging: Option<Paging>,
    /// The sibling method that sends a runtime `Patch`, when the body is a
    /// JSON Patch (see `ir::patch`).
    pub patch: Option<PatchMethod>,
}

/// The `_with` sibling of a patch operation and the body shape it sends.
#[derive(Debug, Clone, PartialEq)]
pub struct PatchMethod {
    /// The method's identifier (`patch_access_profile_with`).
    pub name: Ident,
    /// The property the operations are wrapped in (`operations`), or `None`
    /// for a plain array.
    pub wrap: Option<String>,
    /// The `op`s the schema allows, or `None` for all six.
    pub ops: Option<Vec<String>>,
}

/// What the spec says about an operation that its method's doc comment
/// shows, as the spec has it (the emitter cleans and arranges it).
#[derive(Debug, Clone, Default)]
pub struct OperationDoc {
    /// The spec's `summary`.
    pub summary: Option<String>,
    /// The spec's `description`, Markdown.
    pub description: Option<String>,
    /// The operation is experimental (`x-sailpoint-experimental`, or the
    /// `X-SailPoint-Experimental` header it requires).
    pub experimental: bool,
    /// The security requirements (the operation's, or else the spec's), each
    /// scheme with its scopes, in spec order.
    pub scopes: Vec<(String, Vec<String>)>,
    /// The request body's `description`.
    pub body_description: Option<String>,
}

/// How a list operation pages; its builder streams it.
#[derive(Debug, Clone, PartialEq)]
pub enum Paging {
    /// `offset` and `limit` query parameters, a JSON array answered.
    Offset {
        /// The array's item type.
        item: Ty,
        /// The largest `limit` the spec allows.
        max_page_size: u32,
    },
    /// A search body with `sort` and `searchAfter`, a JSON array answered.
    SearchAfter {
        /// The array's item type.
        item: Ty,
        /// The largest `limit` the spec allows.
        max_page_size: u32,
    },
}

impl Operation {
    /// Whether the operation has optional parameters or an optional body,
    /// which the caller sets by name on a builder.
    pub fn has_setters(&self) -> bool {
        self.params.iter().any(Param::is_setter) || self.body.as_ref().is_some_and(|b| !b.required)
    }
}

impl Param {
    /// Set by name on the builder rather than passed as an argument.
    pub fn is_setter(&self) -> bool {
        !self.required && self.fixed.is_none()
    }
}

/// Sorted map alias used where a deterministic walk matters.
pub(crate) type Sorted<K, V> = BTreeMap<K, V>;
