//! Stage two: the intermediate model. Resolves `$ref`s, picks every Rust name
//! (through [`crate::names`]), applies the operation filter and keeps only
//! the schemas that kept operations reach. Emitters read only these types:
//! they never see `ReferenceOr` and never look anything up in the spec.

mod all_of;
mod docs;
mod operation;
mod recursion;
mod resolve;
mod schema;

pub use docs::Docs;
pub(crate) use operation::derived_id;

use crate::diag::Diagnostic;
use crate::diag::Pointer;
use crate::load::Document;
use crate::names::{Ident, Namespace};
use crate::Settings;
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
    /// The spec's `operationId` (or the derived one, see [`operation`]).
    pub id: String,
    /// The method's identifier (`query_password_info`).
    pub method_name: Ident,
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
    /// Documented error bodies.
    pub errors: Vec<ErrorResponse>,
    /// Doc comment.
    pub docs: Docs,
    /// The spec marks it deprecated.
    pub deprecated: bool,
}

/// Builds the model of `doc` under `settings`. Problems become diagnostics,
/// in the order the spec is walked (operations in spec order, then the
/// component schemas no operation reached, then recursive types); whatever
/// could be built is returned alongside them.
pub fn build(doc: &Document, settings: &Settings) -> (Api, Vec<Diagnostic>) {
    let client_name = Ident::new(&format!("Api{}", settings.suffix));
    let mut types = Namespace::new();
    types.reserve(client_name.as_str());
    let mut b = schema::Builder::new(doc, settings, types);
    let operations = operation::build_all(&mut b);
    if settings.operations.is_empty() && settings.tags.is_empty() {
        b.ensure_all_components();
    }
    let (models, mut sink) = b.finish();
    let mut api = Api {
        title: doc.api.info.title.clone(),
        base_path: base_path(doc),
        client_name,
        sent: Vec::new(),
        models,
        operations,
    };
    recursion::box_cycles(&mut api);
    for (pointer, message) in recursion::fix_recursive_types(&mut api) {
        sink.report(Diagnostic::at_pointer(&doc.path, pointer.as_str(), message));
    }
    api.sent = sent_models(&api);
    relax_read_only(&mut api);
    (api, sink.finish())
}

/// Required read-only properties of types that are sent become optional.
fn relax_read_only(api: &mut Api) {
    for (id, model) in api.models.iter_mut().enumerate() {
        if !api.sent.get(id).copied().unwrap_or(false) {
            continue;
        }
        if let Some(Model {
            kind: ModelKind::Struct { fields, .. },
            ..
        }) = model
        {
            for f in fields.iter_mut().filter(|f| f.read_only && f.required) {
                f.required = false;
                f.docs.push_raw(
                    "Read-only: required in responses; leave it `None` in requests.".to_owned(),
                );
            }
        }
    }
}

/// Marks every model reachable from a request body or parameter.
fn sent_models(api: &Api) -> Vec<bool> {
    let mut sent = vec![false; api.models.len()];
    let mut stack: Vec<&Ty> = Vec::new();
    for op in &api.operations {
        stack.extend(op.body.iter().map(|b| &b.ty));
        stack.extend(op.params.iter().map(|p| &p.ty));
    }
    while let Some(ty) = stack.pop() {
        match ty {
            Ty::Vec(i) | Ty::Map(i) | Ty::Option(i) => stack.push(i),
            Ty::Named(id) => {
                if std::mem::replace(&mut sent[*id], true) {
                    continue;
                }
                match api.model(*id).map(|m| &m.kind) {
                    Some(ModelKind::Struct { fields, additional }) => {
                        stack.extend(fields.iter().map(|f| &f.ty));
                        stack.extend(additional.iter());
                    }
                    Some(ModelKind::Untagged { variants }) => {
                        stack.extend(variants.iter().map(|(_, t)| t))
                    }
                    Some(ModelKind::Alias(t)) => stack.push(t),
                    Some(ModelKind::StringEnum { .. }) | None => {}
                }
            }
            _ => {}
        }
    }
    sent
}

/// The path part of the first server URL: `https://{tenant}.api.identitynow.com/v2024` → `/v2024`.
fn base_path(doc: &Document) -> String {
    let Some(server) = doc.api.servers.first() else {
        return String::new();
    };
    let url = server.url.as_str();
    let after_scheme = url.find("://").map_or(url, |i| &url[i + 3..]);
    let path = if url.starts_with('/') {
        url
    } else {
        after_scheme.find('/').map_or("", |i| &after_scheme[i..])
    };
    path.trim_end_matches('/').to_owned()
}

/// Sorted map alias used where a deterministic walk matters.
pub(crate) type Sorted<K, V> = BTreeMap<K, V>;
