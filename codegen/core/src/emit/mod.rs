//! Stage three: tokens. `quote!` only; every name and type was decided by
//! [`crate::ir`].

mod example;
mod models;
mod operations;
mod tokens;

use crate::ir::{Api, Ty};
use proc_macro2::TokenStream;
use quote::quote;
use tokens::{ty_tokens, Rt};

/// The whole module body for `api`.
pub fn emit(api: &Api, runtime: &syn::Path) -> TokenStream {
    let rt = Rt::new(runtime);
    let models = models::emit_models(api, &rt);
    let client = operations::emit_client(api, &rt);
    let base_path = &api.base_path;
    quote! {
        /// The version path every operation of this API is under, from the spec's `servers`.
        pub const BASE_PATH: &str = #base_path;
        #client
        #models
    }
}

/// The Rust type for `ty` as the generated module spells it, for code
/// placed where that module's items are in scope (a build script's test
/// table, say): models by their bare names, everything else by absolute path.
pub fn type_tokens(api: &Api, ty: &Ty, runtime: &syn::Path) -> TokenStream {
    ty_tokens(api, &Rt::new(runtime), ty)
}
