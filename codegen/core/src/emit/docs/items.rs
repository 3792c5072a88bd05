//! The doc comments of the items around a method (its builder, the
//! builder's setters) and of models and their fields.

use super::super::tokens::{doc_attrs, Rt};
use super::links::ty_link;
use crate::ir::{Api, Docs, Field, Model, Operation, Param, ParamIn, Ty};
use proc_macro2::TokenStream;
use quote::quote;

/// The doc comment of the builder `op`'s method returns.
pub(crate) fn builder(api: &Api, op: &Operation) -> String {
    format!(
        " The call [`{0}::{1}`]({0}::{1}) starts: set optional parameters by name, then `.await` it.",
        api.client_name.as_str(),
        op.method_name
    )
}

/// The doc comment of an optional parameter's setter: the spec's text, then
/// what the setter does.
pub(crate) fn setter(p: &Param) -> TokenStream {
    let mut docs = p.docs.clone();
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
