//! The client struct and one thin method per operation: a static
//! description of the operation plus a few builder calls, handed to the
//! runtime's one generic request path.
//!
//! Methods are not `async fn`s: each builds its request at once and
//! returns the runtime's generic future, so the crate holds no state
//! machine per operation. They and the model codecs are `#[inline]`, so
//! machine code is made only for what a program calls; with SailPoint's
//! full specs that is most of the build time saved.

use super::docs;
use super::tokens::{ty_tokens, Rt};
use crate::ir::{
    Api, BodyEncoding, ModelKind, Operation, Paging, Param, ParamIn, PatchMethod, Success, Ty,
};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::{HashMap, HashSet};

pub(crate) fn emit_client(api: &Api, rt: &Rt) -> TokenStream {
    let root = &rt.root;
    let name = api.client_name.to_syn();
    let title = format!(" The operations of {}.", api.title);
    let tables = ErrorTables::new(api, rt);
    let (methods, builders): (Vec<_>, Vec<_>) = api
        .operations
        .iter()
        .map(|op| {
            let m = emit_method(api, rt, op);
            (m.method, m.builder)
        })
        .unzip();
    let builders = builders.into_iter().flatten();
    let statics = &tables.statics;
    let ops = super::ops::emit_ops(api, rt, &tables.of_op);
    let waiters = super::waiters::emit_waiters(api, rt);
    quote! {
        #(#statics)*

        #ops

        #(#builders)*

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

            #(#waiters)*
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
        let mut by_content: HashMap<String, syn::Ident> = HashMap::new();
        let mut taken: HashSet<String> = HashSet::new();
        let mut of_op = Vec::with_capacity(api.operations.len());
        for op in &api.operations {
            let decoders = decoders(api, rt, op);
            let content = quote!(#(#decoders)*).to_string();
            let name = by_content.entry(content).or_insert_with_key(|content| {
                let name = table_name(op, content, &mut taken);
                let len = proc_macro2::Literal::usize_unsuffixed(decoders.len());
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

/// A table's name, from what it holds: its statuses and a hash of the body
/// types (`__ERRORS_400_401_404_9A3F10C2`), so an operation added to a spec
/// renames no other table.
fn table_name(op: &Operation, content: &str, taken: &mut HashSet<String>) -> syn::Ident {
    if op.errors.is_empty() {
        return quote::format_ident!("__NO_ERRORS");
    }
    let mut name = String::from("__ERRORS");
    for e in &op.errors {
        match e.status {
            Some(s) => name.push_str(&format!("_{s}")),
            None => name.push_str("_DEFAULT"),
        }
    }
    let hash = fnv1a(content.as_bytes());
    let mut candidate = format!("{name}_{:08X}", hash as u32);
    // Two contents with one hash: the wider hash tells them apart.
    if !taken.insert(candidate.clone()) {
        candidate = format!("{name}_{hash:016X}");
        taken.insert(candidate.clone());
    }
    quote::format_ident!("{candidate}")
}

/// 64-bit FNV-1a: a stable hash, the same on every machine and build.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
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
                Some(s) => {
                    let s = proc_macro2::Literal::u16_unsuffixed(s);
                    quote!(::std::option::Option::Some(#s))
                }
                None => quote!(::std::option::Option::None),
            };
            quote!(#private::ErrorDecoder { status: #status, decode: #private::decode_error::<#t> })
        })
        .collect()
}

/// One operation: its method on the client struct and, when it has
/// optional parameters, the builder type the method returns.
struct Method {
    method: TokenStream,
    builder: Option<TokenStream>,
}

/// What an operation's parameters and body become: the method's arguments,
/// the request-builder calls that send them, and the builder's setters.
#[derive(Default)]
pub(super) struct Inputs {
    pub(super) args: Vec<TokenStream>,
    calls: Vec<TokenStream>,
    setters: Vec<TokenStream>,
}

fn emit_method(api: &Api, rt: &Rt, op: &Operation) -> Method {
    let (method, ret) = emit_fn(api, rt, op, None);
    let builder = op.builder.as_ref().map(|b| {
        let mut inputs = inputs(api, rt, op, None);
        answer(api, rt, op, &mut inputs.calls);
        emit_builder(api, rt, op, b, &ret, &inputs.setters)
    });
    // A patch operation's sibling: the same method with a runtime `Patch`
    // as its body; the runtime builds the body from the shape it names.
    let sibling = op.patch.as_ref().map(|p| emit_fn(api, rt, op, Some(p)).0);
    Method {
        method: quote!(#method #sibling),
        builder,
    }
}

/// The method of `op` (or, with `patch`, its sibling that sends a runtime
/// `Patch`) and the type its call answers.
fn emit_fn(
    api: &Api,
    rt: &Rt,
    op: &Operation,
    patch: Option<&PatchMethod>,
) -> (TokenStream, TokenStream) {
    let private = &rt.private;
    let mut inputs = inputs(api, rt, op, patch);
    let (ret, ctor) = answer(api, rt, op, &mut inputs.calls);
    let calls = &inputs.calls;
    let facts = super::ops::facts_path(op, rt);
    let call = quote!(#private::Call::#ctor(&self.client, #private::request(#facts) #(#calls)*));
    let (returns, value) = match &op.builder {
        Some(b) => {
            let b = b.to_syn();
            (quote!(#b), quote!(#b(#call)))
        }
        None => {
            let root = &rt.root;
            (quote!(#root::Call<#ret>), call)
        }
    };
    let (name, docs) = match patch {
        Some(p) => (p.name.to_syn(), docs::patch_method(rt, op, p)),
        None => (op.method_name.to_syn(), docs::method(api, rt, op)),
    };
    let args = &inputs.args;
    // One argument per required parameter (`self` counts for clippy, whose
    // default limit is seven).
    let many = (args.len() >= 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));
    let method = quote! {
        #docs
        #many
        #[inline]
        pub fn #name(&self, #(#args),*) -> #returns {
            #value
        }
    };
    (method, ret)
}

/// The arguments, request calls and setters of `op`'s parameters and body;
/// with `patch`, the body is a runtime `Patch` sent in its shape.
pub(super) fn inputs(api: &Api, rt: &Rt, op: &Operation, patch: Option<&PatchMethod>) -> Inputs {
    let mut inputs = Inputs::default();
    for p in &op.params {
        let wire = &p.wire;
        if let Some(value) = &p.fixed {
            let builder = location_fn(p.location);
            inputs.calls.push(quote!(.#builder(#wire, #value)));
        } else if p.is_setter() {
            inputs.setters.push(setter(api, rt, p));
        } else {
            let arg = p.name.to_syn();
            let (arg_ty, call) = arg_tokens(api, rt, p, &arg);
            inputs.args.push(quote!(#arg: #arg_ty));
            inputs.calls.push(call);
        }
    }
    if let Some(p) = patch {
        let (root, private) = (&rt.root, &rt.private);
        let shape = patch_shape(rt, p);
        inputs.args.push(quote!(body: &#root::Patch));
        inputs.calls.push(
            quote!(.json_as("application/json-patch+json", &#private::patch_body(#shape, body))),
        );
    } else if let Some(body) = &op.body {
        let t = ty_tokens(api, rt, &body.ty);
        let media = match &body.encoding {
            BodyEncoding::Json(media) => Some(media),
            BodyEncoding::Multipart => None,
        };
        if body.required {
            inputs.args.push(quote!(body: &#t));
            inputs.calls.push(match media {
                Some(media) if media == "application/json" => quote!(.json(body)),
                Some(media) => quote!(.json_as(#media, body)),
                None => quote!(.multipart(body)),
            });
        } else {
            let set = match media {
                Some(media) => quote!(json_body(#media, body)),
                None => quote!(multipart_body(body)),
            };
            let docs = docs::body_setter(api, rt, &body.ty);
            inputs.setters.push(quote! {
                #docs
                #[inline]
                pub fn body(self, body: &#t) -> Self { Self(self.0.#set) }
            });
        }
    }
    inputs
}

/// The runtime's `PatchShape` for `p`: a named constant for the two common
/// shapes, a literal otherwise.
fn patch_shape(rt: &Rt, p: &PatchMethod) -> TokenStream {
    let private = &rt.private;
    match (&p.wrap, &p.ops) {
        (None, None) => quote!(&#private::PatchShape::ARRAY),
        (Some(w), None) if w == "operations" => quote!(&#private::PatchShape::OPERATIONS),
        (wrap, ops) => {
            let wrap = match wrap {
                Some(w) => quote!(::std::option::Option::Some(#w)),
                None => quote!(::std::option::Option::None),
            };
            let ops = match ops {
                Some(ops) => quote!(::std::option::Option::Some(&[#(#ops),*])),
                None => quote!(::std::option::Option::None),
            };
            quote!(&#private::PatchShape { wrap: #wrap, ops: #ops })
        }
    }
}

/// The call's value type and the `Call` constructor that decodes it; a
/// non-JSON answer adds its `Accept` to `calls`.
fn answer(
    api: &Api,
    rt: &Rt,
    op: &Operation,
    calls: &mut Vec<TokenStream>,
) -> (TokenStream, TokenStream) {
    let ctor = match &op.success {
        Success::Json(_) => quote!(json),
        Success::MaybeJson(_) => quote!(optional),
        Success::Bytes(media) => {
            let accept = media.join(", ");
            calls.push(quote!(.accept(#accept)));
            quote!(bytes)
        }
        Success::Empty => quote!(empty),
    };
    (super::ops::answer_type(api, rt, &op.success), ctor)
}

/// The builder type of an operation with optional parameters: a one-field
/// struct, the runtime's `call_builder!` (options, sending, streams) and
/// the setters.
fn emit_builder(
    api: &Api,
    rt: &Rt,
    op: &Operation,
    builder: &crate::names::Ident,
    ret: &TokenStream,
    setters: &[TokenStream],
) -> TokenStream {
    let (private, root) = (&rt.private, &rt.root);
    let paging = op.paging.as_ref().map(|p| {
        let (kind, item, max) = match p {
            Paging::Offset {
                item,
                max_page_size,
            } => (quote!(offset), item, max_page_size),
            Paging::SearchAfter {
                item,
                max_page_size,
            } => (quote!(search_after), item, max_page_size),
        };
        let item = ty_tokens(api, rt, item);
        let max = proc_macro2::Literal::u32_unsuffixed(*max);
        quote!(, #kind #item, #max)
    });
    let docs = docs::builder(api, op);
    let b = builder.to_syn();
    quote! {
        #[doc = #docs]
        #[derive(::std::fmt::Debug)]
        #[must_use = "a call does nothing until it is awaited"]
        pub struct #b(#root::Call<#ret>);
        #private::call_builder!(#b, #ret #paging);
        impl #b {
            #(#setters)*
        }
    }
}

fn location_fn(location: ParamIn) -> syn::Ident {
    quote::format_ident!(
        "{}",
        match location {
            ParamIn::Path => "path",
            ParamIn::Query => "query",
            ParamIn::Header => "header",
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

/// The argument type and the request-builder call for a required parameter.
fn arg_tokens(api: &Api, rt: &Rt, p: &Param, arg: &syn::Ident) -> (TokenStream, TokenStream) {
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
    match &p.ty {
        Ty::Vec(inner) if displayable(api, inner) && p.location == ParamIn::Query => {
            let t = ty_tokens(api, rt, inner);
            let call = if p.explode {
                quote!(.query_each(#wire, #arg))
            } else {
                // `explode: false`: one pair, the items joined by commas.
                let private = &rt.private;
                quote!(.query(#wire, #private::joined(#arg)))
            };
            (quote!(&[#t]), call)
        }
        t if displayable(api, t) => {
            let f = location_fn(p.location);
            (scalar(t), quote!(.#f(#wire, #arg)))
        }
        t => {
            // Structured values (objects, arrays in headers) are sent as JSON text.
            let private = &rt.private;
            let f = location_fn(p.location);
            (scalar(t), quote!(.#f(#wire, #private::json_text(#arg))))
        }
    }
}

/// The setter of an optional parameter: it takes the value by name, sets it
/// (the last set wins) and returns the builder.
fn setter(api: &Api, rt: &Rt, p: &Param) -> TokenStream {
    let private = &rt.private;
    let wire = &p.wire;
    let name = p.name.to_syn();
    let f = match p.location {
        ParamIn::Header => quote!(header),
        _ => quote!(query),
    };
    // The argument type and how its value reaches the call.
    let typed = super::collections::setter_type(rt, p);
    let (arg_ty, set) = match &p.ty {
        // A typed `filters`/`sorters` parameter: the runtime's `Filter` or
        // `Sorters` of the operation's field set, or text.
        _ if typed.is_some() => (
            quote!(impl ::std::convert::Into<#typed>),
            quote!(#f(#wire, #private::into::<#typed>(#name))),
        ),
        Ty::Vec(inner) if displayable(api, inner) && p.location == ParamIn::Query => {
            let (item, items) = match &**inner {
                Ty::String => (
                    quote!(impl ::std::convert::Into<::std::string::String>),
                    quote!(#name.into_iter().map(#private::into::<::std::string::String>)),
                ),
                t => (ty_tokens(api, rt, t), quote!(#name)),
            };
            let set = if p.explode {
                quote!(query_each(#wire, #items))
            } else {
                quote!(query(#wire, #private::joined(#items)))
            };
            (quote!(impl ::std::iter::IntoIterator<Item = #item>), set)
        }
        t @ (Ty::String | Ty::DateTime | Ty::Date) => {
            let t = ty_tokens(api, rt, t);
            (
                quote!(impl ::std::convert::Into<#t>),
                quote!(#f(#wire, #private::into::<#t>(#name))),
            )
        }
        t if displayable(api, t) => (ty_tokens(api, rt, t), quote!(#f(#wire, #name))),
        t => {
            // Structured values (objects, arrays in headers) are sent as JSON text.
            let t = ty_tokens(api, rt, t);
            (quote!(&#t), quote!(#f(#wire, #private::json_text(#name))))
        }
    };
    let docs = docs::setter(rt, p);
    quote! {
        #docs
        #[inline]
        pub fn #name(self, #name: #arg_ty) -> Self { Self(self.0.#set) }
    }
}
