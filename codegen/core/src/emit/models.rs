//! Model types: structs, string enums, untagged unions and aliases.

use super::{doc_attrs, ident, ty_tokens, Rt};
use crate::ir::{Api, Field, Model, ModelId, ModelKind, Variant};
use proc_macro2::TokenStream;
use quote::quote;

pub(crate) fn emit_models(api: &Api, rt: &Rt) -> TokenStream {
    let mut out = TokenStream::new();
    for (id, m) in api.emitted_models() {
        out.extend(emit_model(api, rt, id, m));
    }
    out
}

fn emit_model(api: &Api, rt: &Rt, id: ModelId, m: &Model) -> TokenStream {
    let mut model_docs = m.docs.clone();
    model_docs.push_raw(format!("Generated from `{}`.", m.pointer));
    let docs = doc_attrs(&model_docs);
    let name = ident(&m.name);
    let private = &rt.private;
    let serde_crate = &rt.serde_crate;
    match &m.kind {
        ModelKind::Struct { fields, additional } => {
            let sent = api.sent.get(id).copied().unwrap_or(false);
            let field_tokens = fields.iter().map(|f| emit_field(api, rt, f, sent));
            let extra = additional.as_ref().map(|t| {
                let t = ty_tokens(api, rt, t);
                quote! {
                    /// Properties not listed in the schema (`additionalProperties`).
                    #[serde(flatten)]
                    pub additional_properties: ::std::collections::BTreeMap<::std::string::String, #t>,
                }
            });
            let default = fields
                .iter()
                .all(|f| !f.required)
                .then(|| quote!(::std::default::Default,));
            quote! {
                #docs
                #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq, #default
                    #private::serde::Serialize, #private::serde::Deserialize)]
                #[serde(crate = #serde_crate)]
                pub struct #name {
                    #(#field_tokens)*
                    #extra
                }
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
    variants: &[(String, crate::ir::Ty)],
) -> TokenStream {
    let private = &rt.private;
    let serde_crate = &rt.serde_crate;
    let names: Vec<syn::Ident> = variants.iter().map(|(n, _)| ident(n)).collect();
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
    quote! {
        #docs
        ///
        /// Decoded as the variant that decodes the value and knows the most
        /// of its properties (the first such one).
        #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq,
            #private::serde::Serialize)]
        #[serde(crate = #serde_crate, untagged)]
        pub enum #name { #( #names(#types), )* }
        impl<'de> #private::serde::Deserialize<'de> for #name {
            fn deserialize<D: #private::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                #private::deserialize_union(d, #type_name, &[
                    #( #private::UnionVariant {
                        properties: #keys,
                        decode: |v| #private::serde_json::from_value::<#types>(v).map(Self::#names),
                    }, )*
                ])
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
    let docs = if f.docs.lines().is_empty() {
        let line = format!(" The `{}` property.", f.wire);
        quote!(#[doc = #line])
    } else {
        doc_attrs(&f.docs)
    };
    let name = ident(&f.name);
    let wire = &f.wire;
    let mut ty = ty_tokens(api, rt, &f.ty);
    if f.boxed {
        ty = quote!(::std::boxed::Box<#ty>);
    }
    let double_option = format!(
        "{}::double_option",
        rt.serde_crate.trim_end_matches("::serde")
    );
    match (f.required, f.nullable) {
        (true, false) => quote! {
            #docs
            #[serde(rename = #wire)]
            pub #name: #ty,
        },
        (true, true) => quote! {
            #docs
            #[serde(rename = #wire, default)]
            pub #name: ::std::option::Option<#ty>,
        },
        (false, true) if sent => quote! {
            #docs
            #[serde(rename = #wire, default, with = #double_option, skip_serializing_if = "::std::option::Option::is_none")]
            pub #name: ::std::option::Option<::std::option::Option<#ty>>,
        },
        (false, _) => quote! {
            #docs
            #[serde(rename = #wire, default, skip_serializing_if = "::std::option::Option::is_none")]
            pub #name: ::std::option::Option<#ty>,
        },
    }
}

fn emit_enum(
    rt: &Rt,
    docs: &TokenStream,
    name: &syn::Ident,
    variants: &[Variant],
    other: &str,
) -> TokenStream {
    let private = &rt.private;
    let other = ident(other);
    let names: Vec<syn::Ident> = variants.iter().map(|v| ident(&v.name)).collect();
    let wires: Vec<&str> = variants.iter().map(|v| v.wire.as_str()).collect();
    let variant_docs = wires.iter().map(|w| format!(" `{w}`"));
    quote! {
        #docs
        #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq, ::std::cmp::Eq,
            ::std::hash::Hash, ::std::cmp::PartialOrd, ::std::cmp::Ord)]
        pub enum #name {
            #( #[doc = #variant_docs] #names, )*
            /// A value this version of the spec does not list, kept as sent.
            #other(::std::string::String),
        }
        impl #private::StringEnum for #name {
            fn as_wire(&self) -> &str {
                match self {
                    #( Self::#names => #wires, )*
                    Self::#other(v) => v,
                }
            }
            fn from_wire(v: ::std::string::String) -> Self {
                match v.as_str() {
                    #( #wires => Self::#names, )*
                    _ => Self::#other(v),
                }
            }
        }
        impl #name {
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                #private::StringEnum::as_wire(self)
            }
        }
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl #private::serde::Serialize for #name {
            fn serialize<S: #private::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                #private::serialize_string_enum(self, s)
            }
        }
        impl<'de> #private::serde::Deserialize<'de> for #name {
            fn deserialize<D: #private::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                #private::deserialize_string_enum(d)
            }
        }
    }
}
