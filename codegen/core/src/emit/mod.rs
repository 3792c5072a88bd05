//! Stage three: tokens. `quote!` only; every name and type was decided by
//! [`crate::ir`].

mod collections;
mod docs;
mod models;
mod operations;
mod ops;
mod tokens;
mod waiters;

use crate::ir::{Api, ResourceApi, ResourceSet, Ty};
use proc_macro2::TokenStream;
use quote::quote;
use tokens::{ty_tokens, Rt};

/// The whole module body for `api`.
pub fn emit(api: &Api, runtime: &syn::Path) -> TokenStream {
    emit_module(api, &Rt::new(runtime), &[])
}

/// The body of one API module, without the models marked in `imported`.
fn emit_module(api: &Api, rt: &Rt, imported: &[bool]) -> TokenStream {
    let models = models::emit_models(api, rt, imported);
    let client = operations::emit_client(api, rt);
    let collections = collections::emit(api, rt);
    let base_path = &api.base_path;
    let alias = rt.alias();
    quote! {
        #alias
        /// The version path every operation of this API is under, from the spec's `servers`.
        pub const BASE_PATH: &str = #base_path;
        #client
        #collections
        #models
    }
}

/// Several resources: the shared module, then one module per resource
/// that re-exports the shared types it uses and defines its own.
pub fn emit_resources(set: &ResourceSet, runtime: &syn::Path) -> TokenStream {
    let rt = Rt::new(runtime);
    let shared = &set.shared_module;
    let shared_models = models::emit_models(&set.shared, &rt, &[]);
    let alias = rt.alias();
    let shared_doc = " The types that come from the same file in more than one resource, \
                      defined once; each resource module re-exports those it uses.";
    let resources = set.resources.iter().map(|r| emit_resource(r, shared, &rt));
    quote! {
        #[doc = #shared_doc]
        pub mod #shared {
            #alias
            #shared_models
        }
        #(#resources)*
    }
}

fn emit_resource(r: &ResourceApi, shared: &crate::names::Ident, rt: &Rt) -> TokenStream {
    let module = &r.module;
    let doc = format!(" The operations and types of {}.", r.api.title);
    let mut reexports: Vec<_> = r
        .api
        .emitted_models()
        .filter(|(id, _)| r.imported.get(*id).copied().unwrap_or(false))
        .map(|(_, m)| m.name.clone())
        .collect();
    reexports.sort();
    reexports.dedup();
    let uses = (!reexports.is_empty()).then(|| quote!(pub use super::#shared::{#(#reexports),*};));
    let body = emit_module(&r.api, rt, &r.imported);
    quote! {
        #[doc = #doc]
        pub mod #module {
            #uses
            #body
        }
    }
}

/// The Rust type for `ty` as the generated module spells it, for code
/// placed where that module's items are in scope (a build script's test
/// table, say): models by their bare names, everything else by absolute path.
pub fn type_tokens(api: &Api, ty: &Ty, runtime: &syn::Path) -> TokenStream {
    ty_tokens(api, &Rt::absolute(runtime), ty)
}
