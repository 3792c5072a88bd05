//! Model types: structs, string enums, untagged unions and aliases.

use super::docs;
use super::tokens::{ty_tokens, Rt};
use crate::ir::{Api, Field, Model, ModelId, ModelKind, Variant};
use crate::names::Ident;
use proc_macro2::TokenStream;
use quote::quote;

/// Every model of `api` but those marked in `imported` (by model id: the
/// shared types a resource module re-exports instead of defining).
pub(crate) fn emit_models(api: &Api, rt: &Rt, imported: &[bool]) -> TokenStream {
    let mut out = TokenStream::new();
    let mut serde_types = Vec::new();
    let mut string_enums = Vec::new();
    for (id, m) in api.emitted_models() {
        if imported.get(id).copied().unwrap_or(false) {
            continue;
        }
        out.extend(emit_model(api, rt, id, m));
        if !matches!(m.kind, ModelKind::Alias(_)) {
            serde_types.push(m.name.to_syn());
        }
        if matches!(m.kind, ModelKind::StringEnum { .. }) {
            string_enums.push(m.name.to_syn());
        }
    }
    // serde's traits for every model, in one invocation: each impl is a
    // one-line body over the runtime's JSON codec (see `json` there).
    let private = &rt.private;
    if !serde_types.is_empty() {
        out.extend(quote!(#private::serde_via_json!(#(#serde_types)*);));
    }
    // The traits every string enum has through its wire text (`as_str`,
    // comparison, hashing, `Display`, the JSON codec), in one invocation.
    if !string_enums.is_empty() {
        out.extend(quote!(#private::string_enums!(#(#string_enums)*);));
    }
    out
}

fn emit_model(api: &Api, rt: &Rt, id: ModelId, m: &Model) -> TokenStream {
    let docs = docs::model(m);
    let name = m.name.to_syn();
    match &m.kind {
        ModelKind::Struct { fields, additional } => {
            let sent = api.sent.get(id).copied().unwrap_or(false);
            let field_tokens = fields.iter().map(|f| emit_field(api, rt, f, sent));
            let root = &rt.root;
            // Every struct keeps the properties it does not declare, so that
            // decode → encode (a read-modify-write) loses nothing: in the
            // `additionalProperties` map when the schema has one, else in
            // `extra` (the IR reserves both names).
            let (extra, kept) = match additional {
                Some(t) => {
                    let t = ty_tokens(api, rt, t);
                    (
                        quote! {
                            /// Properties not listed in the schema (`additionalProperties`).
                            pub additional_properties: ::std::collections::BTreeMap<::std::string::String, #t>,
                        },
                        None,
                    )
                }
                None => (
                    quote! {
                        /// Properties the schema does not list, as received; sent back
                        /// when this value is encoded. Read one by wire name: `extra.get("name")`.
                        pub extra: #root::json::Extra,
                    },
                    Some(quote! {
                        ///
                        /// Properties the schema does not list are kept in `extra` and sent back.
                    }),
                ),
            };
            let default = fields
                .iter()
                .all(|f| !f.required)
                .then(|| quote!(::std::default::Default,));
            let codec = emit_struct_codec(
                rt,
                &name,
                m.name.as_str(),
                fields,
                additional.is_some(),
                sent,
            );
            quote! {
                #docs
                #kept
                #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq, #default)]
                pub struct #name {
                    #(#field_tokens)*
                    #extra
                }
                #codec
            }
        }
        ModelKind::StringEnum { variants, other } => emit_enum(rt, &docs, &name, variants, other),
        ModelKind::Untagged { variants } => emit_union(api, rt, &docs, &name, variants),
        ModelKind::Alias(t) => {
            let t = ty_tokens(api, rt, t);
            quote! {
                #docs
                pub type #name = #t;
            }
        }
    }
}

/// A `oneOf`/`anyOf` as an enum with one variant per alternative. Decoding
/// picks, of the variants that decode the value, the first that knows the
/// most of its properties (so an identity document is not read as the first
/// kind of search document, whose fields are all optional too, losing its
/// own fields). Encoding writes the variant's value as is.
fn emit_union(
    api: &Api,
    rt: &Rt,
    docs: &TokenStream,
    name: &syn::Ident,
    variants: &[(Ident, crate::ir::Ty)],
) -> TokenStream {
    let private = &rt.private;
    let names: Vec<syn::Ident> = variants.iter().map(|(n, _)| n.to_syn()).collect();
    let types: Vec<TokenStream> = variants
        .iter()
        .map(|(_, t)| ty_tokens(api, rt, t))
        .collect();
    let keys = variants
        .iter()
        .map(|(_, t)| match known_properties(api, t) {
            Some(wires) => quote!(::std::option::Option::Some(&[#(#wires),*])),
            None => quote!(::std::option::Option::None),
        });
    let type_name = name.to_string();
    let json = quote!(#private::json);
    let allow = docs::union_variant();
    quote! {
        #docs
        ///
        /// Decoded as the variant that decodes the value and knows the most
        /// of its properties (the first such one).
        #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
        pub enum #name { #( #allow #names(#types), )* }
        impl #json::Decode for #name {
            #[inline]
            fn decode(v: #private::serde_json::Value) -> ::std::result::Result<Self, #json::DecodeError> {
                #private::decode_union(v, #type_name, &[
                    #( #private::UnionVariant {
                        properties: #keys,
                        decode: |v| <#types as #json::Decode>::decode(v).map(Self::#names),
                    }, )*
                ])
            }
        }
        impl #json::Encode for #name {
            #[inline]
            fn encode(&self) -> #private::serde_json::Value {
                match self { #( Self::#names(v) => #json::Encode::encode(v), )* }
            }
        }
    }
}

/// The property names a union variant knows, or `None` when it takes any
/// (not a struct, or a struct with `additionalProperties`).
fn known_properties(api: &Api, ty: &crate::ir::Ty) -> Option<Vec<String>> {
    let crate::ir::Ty::Named(id) = ty else {
        return None;
    };
    match &api.model(*id)?.kind {
        ModelKind::Struct {
            fields,
            additional: None,
        } => Some(fields.iter().map(|f| f.wire.clone()).collect()),
        _ => None,
    }
}

/// One struct field. Optional properties are `Option<T>` and skipped when
/// `None`; nullable required ones are `Option<T>` sent as `null`; optional
/// nullable properties of models that are sent are `Option<Option<T>>`, so
/// that `Some(None)` sends an explicit `null` while `None` leaves it out.
fn emit_field(api: &Api, rt: &Rt, f: &Field, sent: bool) -> TokenStream {
    let docs = docs::field(f);
    let name = f.name.to_syn();
    let mut ty = ty_tokens(api, rt, &f.ty);
    if f.boxed {
        ty = quote!(::std::boxed::Box<#ty>);
    }
    match (f.required, f.nullable) {
        (true, false) => quote! {
            #docs
            pub #name: #ty,
        },
        (false, true) if sent => quote! {
            #docs
            pub #name: ::std::option::Option<::std::option::Option<#ty>>,
        },
        _ => quote! {
            #docs
            pub #name: ::std::option::Option<#ty>,
        },
    }
}

/// `Decode` and `Encode` for a struct: one line per property, over the
/// runtime's generic helpers (see `json` there for the absent/null rules).
fn emit_struct_codec(
    rt: &Rt,
    name: &syn::Ident,
    type_name: &str,
    fields: &[Field],
    additional: bool,
    sent: bool,
) -> TokenStream {
    let private = &rt.private;
    let json = quote!(#private::json);
    let mut reads = Vec::new();
    let mut writes = Vec::new();
    for f in fields {
        let field = f.name.to_syn();
        let wire = &f.wire;
        // Only a required property returns early (`?`); the others keep
        // their error in the reader for `finish`, which keeps the decode
        // body cheap to type-check (see the runtime's `Object`).
        let (read, write) = match (f.required, f.nullable) {
            (true, false) => (quote!(req(#wire)?), quote!(req)),
            (true, true) => (quote!(opt(#wire)), quote!(req)),
            (false, true) if sent => (quote!(opt_null(#wire)), quote!(opt)),
            (false, _) => (quote!(opt(#wire)), quote!(opt)),
        };
        reads.push(quote!(#field: o.#read,));
        writes.push(quote!(.#write(#wire, &self.#field)));
    }
    if additional {
        reads.push(quote!(additional_properties: o.rest(),));
        writes.push(quote!(.rest(&self.additional_properties)));
    } else {
        reads.push(quote!(extra: o.extra(),));
        writes.push(quote!(.extra(&self.extra)));
    }
    quote! {
        impl #json::Decode for #name {
            #[inline]
            fn decode(v: #private::serde_json::Value) -> ::std::result::Result<Self, #json::DecodeError> {
                let mut o = #json::Object::new(v, #type_name)?;
                let v = Self { #(#reads)* };
                o.finish(v)
            }
        }
        impl #json::Encode for #name {
            #[inline]
            fn encode(&self) -> #private::serde_json::Value {
                #json::ObjectWriter::new() #(#writes)* .finish()
            }
        }
    }
}

fn emit_enum(
    rt: &Rt,
    docs: &TokenStream,
    name: &syn::Ident,
    variants: &[Variant],
    other: &Ident,
) -> TokenStream {
    let private = &rt.private;
    let names: Vec<syn::Ident> = variants.iter().map(|v| v.name.to_syn()).collect();
    let wires: Vec<&str> = variants.iter().map(|v| v.wire.as_str()).collect();
    let variant_docs = wires.iter().map(|w| format!(" `{w}`"));
    let indices = (0..variants.len()).map(proc_macro2::Literal::usize_unsuffixed);
    quote! {
        #docs
        #[derive(::std::fmt::Debug, ::std::clone::Clone)]
        pub enum #name {
            #( #[doc = #variant_docs] #names, )*
            /// A value this version of the spec does not list, kept as sent.
            #other(::std::string::String),
        }
        impl #private::StringEnum for #name {
            const WIRE: &'static [&'static str] = &[#(#wires),*];
            #[inline]
            fn as_wire(&self) -> &str {
                match self {
                    #( Self::#names => #wires, )*
                    Self::#other(v) => v,
                }
            }
            #[inline]
            fn known(i: usize, v: ::std::string::String) -> Self {
                match i {
                    #( #indices => Self::#names, )*
                    _ => Self::#other(v),
                }
            }
        }
    }
}
