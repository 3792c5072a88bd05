//! The client struct and one thin method per operation: a static
//! description of the operation plus a few builder calls, handed to the
//! runtime's one generic request path.
//!
//! Methods are not `async fn`s: each builds its request at once and
//! returns the runtime's generic future, so the crate holds no state
//! machine per operation. They and the model codecs are `#[inline]`, so
//! machine code is made only for what a program calls; with SailPoint's
//! full specs that is most of the build time saved.

use super::tokens::{doc_attrs, ty_doc_name, ty_tokens, Rt};
use crate::ir::{Api, BodyEncoding, Docs, ModelKind, Operation, Param, ParamIn, Success, Ty};
use proc_macro2::TokenStream;
use quote::quote;

pub(crate) fn emit_client(api: &Api, rt: &Rt) -> TokenStream {
    let root = &rt.root;
    let name = api.client_name.to_syn();
    let title = format!(" The operations of {}.", api.title);
    let tables = ErrorTables::new(api, rt);
    let methods = api
        .operations
        .iter()
        .zip(&tables.of_op)
        .map(|(op, errors)| emit_method(api, rt, op, errors));
    let statics = &tables.statics;
    quote! {
        #(#statics)*

        #[doc = #title]
        ///
        /// Wraps a configured client; cheap to clone.
        #[derive(::std::fmt::Debug, ::std::clone::Clone)]
        pub struct #name {
            client: #root::Client,
        }

        impl #name {
            /// Uses `client` (its base URL, token and retry settings) for every call.
            pub fn new(client: #root::Client) -> Self {
                Self { client }
            }

            /// The underlying client.
            pub fn client(&self) -> &#root::Client {
                &self.client
            }

            #(#methods)*
        }
    }
}

/// The error decoder tables, one static per distinct list: most operations
/// of a spec document the same statuses with the same bodies.
struct ErrorTables {
    statics: Vec<TokenStream>,
    /// The table of each operation, by its index in `api.operations`.
    of_op: Vec<syn::Ident>,
}

impl ErrorTables {
    fn new(api: &Api, rt: &Rt) -> Self {
        let private = &rt.private;
        let mut statics = Vec::new();
        let mut by_key = std::collections::HashMap::new();
        let mut of_op = Vec::with_capacity(api.operations.len());
        for op in &api.operations {
            let decoders = decoders(api, rt, op);
            let key = quote!(#(#decoders)*).to_string();
            let name = by_key.entry(key).or_insert_with(|| {
                // Numbered in order of first use, so the output does not
                // depend on hashing.
                let name = quote::format_ident!("__ERRORS_{}", statics.len());
                let len = decoders.len();
                statics.push(quote! {
                    static #name: [#private::ErrorDecoder; #len] = [#(#decoders),*];
                });
                name
            });
            of_op.push(name.clone());
        }
        ErrorTables { statics, of_op }
    }
}

/// An operation's `ErrorDecoder`s: each documented status and the body type
/// it decodes as.
fn decoders(api: &Api, rt: &Rt, op: &Operation) -> Vec<TokenStream> {
    let private = &rt.private;
    op.errors
        .iter()
        .map(|e| {
            let t = ty_tokens(api, rt, &e.ty);
            let status = match e.status {
                Some(s) => quote!(::std::option::Option::Some(#s)),
                None => quote!(::std::option::Option::None),
            };
            quote!(#private::ErrorDecoder { status: #status, decode: #private::decode_error::<#t> })
        })
        .collect()
}

fn emit_method(api: &Api, rt: &Rt, op: &Operation, errors: &syn::Ident) -> TokenStream {
    let root = &rt.root;
    let private = &rt.private;
    let name = op.method_name.to_syn();
    let id = &op.id;
    let path = &op.path;
    let method = quote::format_ident!("{}", op.method.as_str());

    let mut args = Vec::new();
    let mut calls = Vec::new();
    for p in &op.params {
        let wire = &p.wire;
        if let Some(value) = &p.fixed {
            let builder = location_fn(p.location, false);
            calls.push(quote!(.#builder(#wire, #value)));
            continue;
        }
        let arg = p.name.to_syn();
        let (arg_ty, call) = param_tokens(api, rt, p, &arg);
        args.push(quote!(#arg: #arg_ty));
        calls.push(call);
    }
    if let Some(body) = &op.body {
        let t = ty_tokens(api, rt, &body.ty);
        let call = match &body.encoding {
            BodyEncoding::Json(media) if media == "application/json" => quote!(.json(body)),
            BodyEncoding::Json(media) => quote!(.json_as(#media, body)),
            BodyEncoding::Multipart => quote!(.multipart(body)),
        };
        if body.required {
            args.push(quote!(body: &#t));
            calls.push(call);
        } else {
            args.push(quote!(body: ::std::option::Option<&#t>));
            calls.push(quote!(.maybe(body, |r, body| r #call)));
        }
    }

    let (ret, exec) = match &op.success {
        Success::Json(t) => (ty_tokens(api, rt, t), quote!(execute)),
        Success::MaybeJson(t) => {
            let t = ty_tokens(api, rt, t);
            (quote!(::std::option::Option<#t>), quote!(execute_optional))
        }
        Success::Bytes(media) => {
            let accept = media.join(", ");
            calls.push(quote!(.accept(#accept)));
            (quote!(#root::Bytes), quote!(execute_bytes))
        }
        Success::Empty => (quote!(()), quote!(execute_empty)),
    };
    let docs = doc_attrs(&method_docs(api, op));
    let deprecated = op
        .deprecated
        .then(|| quote!(#[deprecated = "deprecated in the spec"]));
    // One argument per parameter, as the spec lists them (`self` counts for
    // clippy, whose default limit is seven).
    let many = (args.len() >= 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));
    quote! {
        #docs
        #deprecated
        #many
        #[inline]
        pub fn #name(&self, #(#args),*) -> impl ::std::future::Future<Output = #root::Result<#ret>> + '_ {
            static OP: #private::Operation = #private::Operation {
                id: #id,
                method: #private::Method::#method,
                base_path: BASE_PATH,
                path: #path,
                errors: &#errors,
            };
            self.client.#exec(#private::Request::new(&OP) #(#calls)*)
        }
    }
}

fn location_fn(location: ParamIn, optional: bool) -> syn::Ident {
    let base = match location {
        ParamIn::Path => "path",
        ParamIn::Query => "query",
        ParamIn::Header => "header",
    };
    quote::format_ident!(
        "{}",
        if optional {
            format!("{base}_opt")
        } else {
            base.to_owned()
        }
    )
}

/// Whether values of `ty` print as their wire form with `Display`.
fn displayable(api: &Api, ty: &Ty) -> bool {
    match ty {
        // `DateTime` and `Date` print the text they hold, so a value
        // received is sent back unchanged.
        Ty::String | Ty::Bool | Ty::I32 | Ty::I64 | Ty::F64 | Ty::DateTime | Ty::Date => true,
        Ty::Named(id) => match api.model(*id).map(|m| &m.kind) {
            Some(ModelKind::StringEnum { .. }) => true,
            Some(ModelKind::Alias(t)) => displayable(api, t),
            _ => false,
        },
        _ => false,
    }
}

/// The argument type and the request-builder call for one parameter.
fn param_tokens(api: &Api, rt: &Rt, p: &Param, arg: &syn::Ident) -> (TokenStream, TokenStream) {
    let wire = &p.wire;
    let scalar = |t: &Ty| -> TokenStream {
        match t {
            Ty::String => quote!(&str),
            Ty::Bool | Ty::I32 | Ty::I64 | Ty::F64 => ty_tokens(api, rt, t),
            other => {
                let t = ty_tokens(api, rt, other);
                quote!(&#t)
            }
        }
    };
    let optional = !p.required;
    match &p.ty {
        Ty::Vec(inner) if displayable(api, inner) && p.location == ParamIn::Query && !p.explode => {
            // `explode: false`: one pair, the items joined by commas.
            let t = ty_tokens(api, rt, inner);
            let joined = quote!(v
                .iter()
                .map(::std::string::ToString::to_string)
                .collect::<::std::vec::Vec<_>>()
                .join(","));
            if optional {
                (
                    quote!(::std::option::Option<&[#t]>),
                    quote!(.query_opt(#wire, #arg.map(|v| #joined))),
                )
            } else {
                (
                    quote!(&[#t]),
                    quote!(.query(#wire, { let v = #arg; #joined })),
                )
            }
        }
        Ty::Vec(inner) if displayable(api, inner) && p.location == ParamIn::Query => {
            let t = ty_tokens(api, rt, inner);
            if optional {
                (
                    quote!(::std::option::Option<&[#t]>),
                    quote!(.query_each(#wire, #arg.into_iter().flatten())),
                )
            } else {
                (quote!(&[#t]), quote!(.query_each(#wire, #arg)))
            }
        }
        t if displayable(api, t) => {
            let arg_ty = scalar(t);
            let f = location_fn(p.location, optional);
            if optional {
                (
                    quote!(::std::option::Option<#arg_ty>),
                    quote!(.#f(#wire, #arg)),
                )
            } else {
                (arg_ty, quote!(.#f(#wire, #arg)))
            }
        }
        t => {
            // Structured values (objects, arrays in headers) are sent as JSON text.
            let private = &rt.private;
            let arg_ty = scalar(t);
            let f = location_fn(p.location, optional);
            if optional {
                (
                    quote!(::std::option::Option<#arg_ty>),
                    quote!(.#f(#wire, #arg.map(|v| #private::json_text(v)))),
                )
            } else {
                (arg_ty, quote!(.#f(#wire, #private::json_text(#arg))))
            }
        }
    }
}

fn method_docs(api: &Api, op: &Operation) -> Docs {
    let mut d = op.docs.clone();
    if let Some(body) = &op.body {
        d.push_raw(format!(
            "Request body: `{}`{}.",
            ty_doc_name(api, &body.ty),
            if body.required { "" } else { " (optional)" }
        ));
    }
    d.push_raw(match &op.success {
        Success::Json(t) => format!("Returns `{}` on success.", ty_doc_name(api, t)),
        Success::MaybeJson(t) => format!(
            "Returns `Some({})` on a success with a body, `None` on one without (such as `204 No Content`).",
            ty_doc_name(api, t)
        ),
        Success::Bytes(media) => format!(
            "Returns the body as bytes on success ({}).",
            media.join(", ")
        ),
        Success::Empty => "Returns `()` on success (no body).".to_owned(),
    });
    if !op.errors.is_empty() {
        let lines: Vec<String> = op
            .errors
            .iter()
            .map(|e| {
                let status = e
                    .status
                    .map_or_else(|| "other".to_owned(), |s| s.to_string());
                format!("- {status}: `{}`", ty_doc_name(api, &e.ty))
            })
            .collect();
        d.push_raw(format!(
            "Error bodies, available from `ApiError::body::<T>()` on `Error::Api`:\n{}",
            lines.join("\n")
        ));
    }
    d
}
