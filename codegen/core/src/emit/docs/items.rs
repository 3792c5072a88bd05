//! The doc comments of the items around a method (its builder, the
//! builder's setters, its type in the `ops` module) and of models and
//! their fields.

use super::super::tokens::{doc_attrs, Rt};
use super::links::ty_link;
use crate::ir::{Api, Docs, Field, Model, Operation, Param, ParamIn, Ty};
use proc_macro2::TokenStream;
use quote::quote;

/// The doc comment of the builder `op`'s method returns.
pub(crate) fn builder(api: &Api, op: &Operation) -> String {
    format!(
        " The call {} starts: set optional parameters by name, then `.await` it.",
        method_link(api, op, "")
    )
}

/// The doc comment of the `ops` module, which is emitted next to the
/// client it describes. An outer doc comment on a module resolves its links
/// where it is written, beside the client, so the link is bare (rustdoc
/// rejects `super::Api` there; the check is `tests/docs.rs`).
pub(crate) fn ops_module(api: &Api) -> String {
    let client = api.client_name.as_str();
    format!(
        " Each operation of [`{client}`] as a type: its facts and its \
         body and answer types, for code that names an operation without calling it \
         (mock rules, hooks, waiters)."
    )
}

/// The doc comment of `op`'s type in the `ops` module: its operationId,
/// method and path, and a link to the method that sends it (the client is
/// in the module above, in every layout: the `ops` module is emitted next
/// to the client it describes).
pub(crate) fn op_type(api: &Api, op: &Operation) -> String {
    format!(
        " The operation `{}`, `{} {}`: {}.",
        op.id,
        op.method.as_str(),
        op.path,
        method_link(api, op, "super::")
    )
}

/// A link to `op`'s method from a module `to_client` (`super::`) away from
/// the client. The text is the method as called (`r#type`); the link path
/// has no raw identifier, since `#` would start a fragment.
fn method_link(api: &Api, op: &Operation, to_client: &str) -> String {
    let client = api.client_name.as_str();
    format!(
        "[`{client}::{}`]({to_client}{client}::{})",
        op.method_name,
        op.method_name.as_str()
    )
}

/// The doc comment of an optional parameter's setter: the spec's text, then
/// what the setter does.
pub(crate) fn setter(rt: &Rt, p: &Param) -> TokenStream {
    let mut docs = p.docs.clone();
    if let Some(line) = super::super::collections::setter_doc(rt, p) {
        docs.push_raw(line);
    }
    docs.push_raw(format!(
        "Sets the {} parameter `{}`; setting it again replaces the value.",
        match p.location {
            ParamIn::Header => "header",
            _ => "query",
        },
        p.wire
    ));
    doc_attrs(&docs)
}

/// The doc comment of the setter of an optional request body of type `ty`.
pub(crate) fn body_setter(api: &Api, rt: &Rt, ty: &Ty) -> TokenStream {
    let mut docs = Docs::new();
    docs.push_raw(format!(
        "Sets the optional request body, a {}.",
        ty_link(api, rt, ty)
    ));
    doc_attrs(&docs)
}

/// The doc comment of a model: the spec's text and where it came from.
pub(crate) fn model(m: &Model) -> TokenStream {
    let mut docs = m.docs.clone();
    docs.push_raw(format!("Generated from `{}`.", m.pointer));
    doc_attrs(&docs)
}

/// The doc comment of a field: the spec's text. A property the spec does
/// not describe gets none rather than a sentence that repeats its name,
/// and an `allow`, so that a user's `#![deny(missing_docs)]` (and the
/// runtime's) still holds.
pub(crate) fn field(f: &Field) -> TokenStream {
    if f.docs.is_empty() {
        quote!(#[allow(missing_docs)])
    } else {
        doc_attrs(&f.docs)
    }
}

/// The attribute of a union variant, which the spec does not describe (its
/// type, in the signature, is the link to read): an `allow`, as for an
/// undescribed field.
pub(crate) fn union_variant() -> TokenStream {
    quote!(#[allow(missing_docs)])
}
