//! Tokens every emitter uses: paths into the runtime crate, doc
//! attributes, and the Rust spelling of a [`Ty`].

use crate::ir::{Api, Docs, Ty};
use proc_macro2::TokenStream;
use quote::quote;

/// Paths into the runtime crate, built once.
pub(crate) struct Rt {
    /// `::sailpoint_isc`
    pub root: TokenStream,
    /// The runtime's items for generated code: [`PRIVATE_ALIAS`] inside a
    /// generated module (which [`Rt::alias`] declares), the whole path
    /// `::sailpoint_isc::__private::v1` elsewhere.
    pub private: TokenStream,
    /// `::sailpoint_isc::__private::v1`, whatever `private` is.
    private_path: TokenStream,
    /// What comes before a model's name: nothing in the module that
    /// defines the models, `super::` in a module inside it.
    models: TokenStream,
}

/// The name each generated module gives the runtime's items for generated
/// code (`use ::sailpoint_isc::__private::v1 as __rt;`), so that the
/// thousands of paths into them stay short. A private import: a user's
/// `use api::*` does not see it, and no generated name starts with `__`.
const PRIVATE_ALIAS: &str = "__rt";

impl Rt {
    /// Paths for items inside a generated module, which starts with
    /// [`Rt::alias`].
    pub(crate) fn new(root: &syn::Path) -> Self {
        let alias = quote::format_ident!("{PRIVATE_ALIAS}");
        Rt {
            root: quote!(#root),
            private: quote!(#alias),
            private_path: quote!(#root::__private::v1),
            models: TokenStream::new(),
        }
    }

    /// These paths as a module inside the generated one spells them
    /// (models through `super::`); that module starts with its own
    /// [`Rt::alias`].
    pub(crate) fn child(&self) -> Self {
        let models = &self.models;
        Rt {
            root: self.root.clone(),
            private: self.private.clone(),
            private_path: self.private_path.clone(),
            models: quote!(#models super::),
        }
    }

    /// Whole paths, for code placed outside a generated module.
    pub(crate) fn absolute(root: &syn::Path) -> Self {
        Rt {
            root: quote!(#root),
            private: quote!(#root::__private::v1),
            private_path: quote!(#root::__private::v1),
            models: TokenStream::new(),
        }
    }

    /// The runtime's path as doc links spell it (`::sailpoint_isc`).
    pub(crate) fn doc_root(&self) -> String {
        self.root
            .to_string()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    }

    /// The import that makes [`Rt::private`] resolve, first in every
    /// generated module.
    pub(crate) fn alias(&self) -> TokenStream {
        let path = &self.private_path;
        let alias = &self.private;
        quote!(#[allow(unused_imports)] use #path as #alias;)
    }
}

/// `#[doc = "…"]` attributes for `docs`.
pub(crate) fn doc_attrs(docs: &Docs) -> TokenStream {
    let lines = docs.lines();
    quote! { #( #[doc = #lines] )* }
}

/// The Rust type for a [`Ty`].
pub(crate) fn ty_tokens(api: &Api, rt: &Rt, ty: &Ty) -> TokenStream {
    let private = &rt.private;
    match ty {
        Ty::String => quote!(::std::string::String),
        Ty::Bool => quote!(bool),
        Ty::I32 => quote!(i32),
        Ty::I64 => quote!(i64),
        Ty::F64 => quote!(f64),
        Ty::DateTime => quote!(#private::DateTime),
        Ty::Date => quote!(#private::Date),
        Ty::Json => quote!(#private::serde_json::Value),
        Ty::File => {
            let root = &rt.root;
            quote!(#root::FilePart)
        }
        Ty::JsonObject => {
            quote!(#private::serde_json::Map<::std::string::String, #private::serde_json::Value>)
        }
        Ty::Vec(inner) => {
            let inner = ty_tokens(api, rt, inner);
            quote!(::std::vec::Vec<#inner>)
        }
        Ty::Map(inner) => {
            let inner = ty_tokens(api, rt, inner);
            quote!(::std::collections::BTreeMap<::std::string::String, #inner>)
        }
        Ty::Option(inner) => {
            let inner = ty_tokens(api, rt, inner);
            quote!(::std::option::Option<#inner>)
        }
        Ty::Named(id) => match api.model(*id) {
            Some(m) => {
                let (models, name) = (&rt.models, m.name.to_syn());
                quote!(#models #name)
            }
            // Unreachable for a built model; a JSON value keeps the output compiling.
            None => quote!(#private::serde_json::Value),
        },
    }
}
