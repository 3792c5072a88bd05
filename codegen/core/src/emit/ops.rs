//! The `ops` module: one zero-sized type per operation implementing the
//! runtime's `ApiOperation`, whose `const`s hold the operation's facts as
//! data (the generated method sends from the same `const`) and whose
//! associated types name its body and answer. Nothing per operation is
//! code: no derives, no functions.

use super::tokens::{ty_tokens, Rt};
use crate::ir::{Api, Operation, ParamIn, Success};
use proc_macro2::TokenStream;
use quote::quote;

/// The `ops` module of `api`; `errors[i]` is the error table of operation `i`.
pub(crate) fn emit_ops(api: &Api, rt: &Rt, errors: &[syn::Ident]) -> TokenStream {
    // Models by `super::` paths, not a glob import: a second name for each
    // model would make rustc spell them with their module in diagnostics.
    let rt = &rt.child();
    let alias = rt.alias();
    let types = api
        .operations
        .iter()
        .zip(errors)
        .map(|(op, errors)| emit_op(api, rt, op, errors));
    let doc = super::docs::ops_module(api);
    quote! {
        #[doc = #doc]
        pub mod ops {
            #alias
            #(#types)*
        }
    }
}

/// The path from a generated method to its operation's facts.
pub(crate) fn facts_path(op: &Operation, rt: &Rt) -> TokenStream {
    let private = &rt.private;
    let t = op.type_name.to_syn();
    quote!(<ops::#t as #private::ApiOperation>::OPERATION)
}

fn emit_op(api: &Api, rt: &Rt, op: &Operation, errors: &syn::Ident) -> TokenStream {
    let private = &rt.private;
    let t = op.type_name.to_syn();
    let (id, path) = (&op.id, &op.path);
    let http_method = quote::format_ident!("{}", op.method.as_str());
    let params = op.params.iter().map(|p| {
        let (name, required) = (&p.wire, p.required);
        let location = quote::format_ident!(
            "{}",
            match p.location {
                ParamIn::Path => "Path",
                ParamIn::Query => "Query",
                ParamIn::Header => "Header",
            }
        );
        quote! {
            #private::OperationParam {
                name: #name,
                location: #private::ParamLocation::#location,
                required: #required,
            }
        }
    });
    let body = match &op.body {
        Some(b) => ty_tokens(api, rt, &b.ty),
        None => quote!(()),
    };
    let answer = answer_type(api, rt, &op.success);
    let doc = super::docs::op_type(api, op);
    // Data only where it differs from the trait's defaults.
    let success = (op.success_status != 200).then(|| {
        let status = proc_macro2::Literal::u16_unsuffixed(op.success_status);
        quote!(const SUCCESS: u16 = #status;)
    });
    let example = op
        .example
        .as_ref()
        .map(|text| quote!(#private::mock_example!(#text);));
    quote! {
        #[doc = #doc]
        pub struct #t;
        impl #private::ApiOperation for #t {
            const OPERATION: &'static #private::Operation = &#private::Operation {
                id: #id,
                method: #private::Method::#http_method,
                base_path: super::BASE_PATH,
                path: #path,
                errors: &super::#errors,
            };
            const PARAMS: &'static [#private::OperationParam] = &[#(#params),*];
            #success
            #example
            type Body = #body;
            type Answer = #answer;
        }
    }
}

/// The value a call of an operation answering `success` resolves to.
pub(crate) fn answer_type(api: &Api, rt: &Rt, success: &Success) -> TokenStream {
    match success {
        Success::Json(t) => ty_tokens(api, rt, t),
        Success::MaybeJson(t) => {
            let t = ty_tokens(api, rt, t);
            quote!(::std::option::Option<#t>)
        }
        Success::Bytes(_) => {
            let root = &rt.root;
            quote!(#root::Bytes)
        }
        Success::Empty => quote!(()),
    }
}
