//! The `filters` and `sorters` modules: per list operation whose spec
//! documents them, a field set type with one `const fn` per field, and
//! the typed `filters`/`sorters` setters that take them. Thin on purpose:
//! a field is one function returning a runtime `Field<Set, Value, Ops>`;
//! which operators it has is the operator set `Ops`, one unit struct per
//! distinct set (`filter_ops!`), so a spec's hundreds of fields cost one
//! line each and no per-field trait impls.

use super::tokens::Rt;
use crate::ir::{Api, Collection, FilterOp, FilterTy, Param};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use std::collections::BTreeSet;

/// The two modules, or nothing when no operation has a typed set.
pub(crate) fn emit(api: &Api, rt: &Rt) -> TokenStream {
    let root = &rt.root;
    let client = api.client_name.as_str();
    let mut op_sets: BTreeSet<Vec<FilterOp>> = BTreeSet::new();
    let (mut filter_items, mut sort_items) = (Vec::new(), Vec::new());
    for op in &api.operations {
        for p in &op.params {
            match &p.collection {
                Some(Collection::Filters(Ok(set))) => {
                    let name = set.name.to_syn();
                    let doc = format!(
                        " The filter fields of `{}` ([`{client}::{m}`](super::{client}::{m})), \
                         for its `filters` setter: each offers the operators the spec lists for it.",
                        op.id,
                        m = op.method_name.as_str(),
                    );
                    if let Some(first) = &set.same_as {
                        let first = first.to_syn();
                        let doc = format!("{doc} The same fields as [`{first}`]'s.");
                        filter_items.push(quote!(#[doc = #doc] pub type #name = #first;));
                        continue;
                    }
                    let fields = set.fields.iter().map(|f| {
                        op_sets.insert(f.ops.clone());
                        let (fname, wire) = (f.name.to_syn(), &f.wire);
                        let ops = op_set_name(&f.ops);
                        let words: Vec<String> =
                            f.ops.iter().map(|o| format!("`{}`", o.word())).collect();
                        let doc = format!(" `{wire}`: {}.", words.join(", "));
                        let value = value_type(rt, f.ty);
                        quote! {
                            #[doc = #doc]
                            pub const fn #fname() -> #root::filter::Field<Self, #value, operators::#ops> { #root::filter::Field::new(#wire) }
                        }
                    });
                    filter_items.push(quote! {
                        #[doc = #doc]
                        #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::marker::Copy)]
                        pub struct #name;
                        impl #name { #(#fields)* }
                    });
                }
                Some(Collection::Sorters(Ok(set))) => {
                    let name = set.name.to_syn();
                    let doc = format!(
                        " The sort fields of `{}` ([`{client}::{m}`](super::{client}::{m})), \
                         for its `sorters` setter.",
                        op.id,
                        m = op.method_name.as_str(),
                    );
                    if let Some(first) = &set.same_as {
                        let first = first.to_syn();
                        let doc = format!("{doc} The same fields as [`{first}`]'s.");
                        sort_items.push(quote!(#[doc = #doc] pub type #name = #first;));
                        continue;
                    }
                    let fields = set.fields.iter().map(|(wire, fname)| {
                        let fname = fname.to_syn();
                        let doc = format!(" `{wire}`, ascending; `.desc()` for descending.");
                        quote! {
                            #[doc = #doc]
                            pub const fn #fname() -> #root::filter::Sort<Self> { #root::filter::Sort::new(#wire) }
                        }
                    });
                    sort_items.push(quote! {
                        #[doc = #doc]
                        #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::marker::Copy)]
                        pub struct #name;
                        impl #name { #(#fields)* }
                    });
                }
                _ => {}
            }
        }
    }
    let mut out = TokenStream::new();
    let (filter_example, sort_example) = examples(api);
    if !filter_items.is_empty() {
        let sets = op_sets.iter().map(|ops| {
            let name = op_set_name(ops);
            let words = ops.iter().map(|o| format_ident!("{}", o.word()));
            quote!(#root::filter_ops!(#name: #(#words)*);)
        });
        let doc = format!(
            " The filter fields of each list operation whose `filters` description lists \
             them: `{filter_example}`. Pass a filter built from them (combined with `&`, `|` \
             and `!`), or the filter's text, to the operation's `filters` setter."
        );
        out.extend(quote! {
            #[doc = #doc]
            pub mod filters {
                /// The operator sets of the filter fields.
                pub mod operators { #(#sets)* }
                #(#filter_items)*
            }
        });
    }
    if !sort_items.is_empty() {
        let doc = format!(
            " The sort fields of each list operation whose `sorters` description lists \
             them: `{sort_example}`. Pass one, an array of them, or the sorters' text, to \
             the operation's `sorters` setter."
        );
        out.extend(quote! {
            #[doc = #doc]
            pub mod sorters { #(#sort_items)* }
        });
    }
    out
}

/// A filter and a sort key of the first typed sets, for the modules' docs:
/// `filters::ListAccounts::id().eq(…)`, `sorters::ListAccounts::name().desc()`.
fn examples(api: &Api) -> (String, String) {
    let (mut filter, mut sort) = (String::new(), String::new());
    for p in api.operations.iter().flat_map(|op| &op.params) {
        match &p.collection {
            Some(Collection::Filters(Ok(set))) if filter.is_empty() => {
                if let Some(f) = set.fields.first() {
                    let op = f.ops.first().map_or("eq", |o| o.word());
                    let op = if op == "in" { "in_" } else { op };
                    let arg = match f.ops.first() {
                        Some(FilterOp::Pr | FilterOp::Isnull) => "",
                        _ => "…",
                    };
                    filter = format!(
                        "filters::{}::{}().{op}({arg})",
                        set.name.as_str(),
                        f.name.as_str()
                    );
                }
            }
            Some(Collection::Sorters(Ok(set))) if sort.is_empty() => {
                if let Some((_, f)) = set.fields.first() {
                    sort = format!("sorters::{}::{}().desc()", set.name.as_str(), f.as_str());
                }
            }
            _ => {}
        }
    }
    (filter, sort)
}

/// `EqInSw`: the operators in the language's order, each capitalized.
fn op_set_name(ops: &[FilterOp]) -> syn::Ident {
    let mut name = String::new();
    for op in ops {
        let word = op.word();
        name.push_str(&word[..1].to_ascii_uppercase());
        name.push_str(&word[1..]);
    }
    // A lone `Eq` would shadow std's in diagnostics (rustc then spells
    // `std::cmp::Eq` out everywhere).
    if name == "Eq" {
        name.push_str("Only");
    }
    format_ident!("{name}")
}

fn value_type(rt: &Rt, ty: FilterTy) -> TokenStream {
    let root = &rt.root;
    match ty {
        FilterTy::String => quote!(::std::string::String),
        FilterTy::Bool => quote!(bool),
        FilterTy::Int => quote!(i64),
        FilterTy::Float => quote!(f64),
        FilterTy::DateTime => quote!(#root::DateTime),
        FilterTy::Date => quote!(#root::Date),
    }
}

/// The set type a typed `filters` or `sorters` setter takes, and the
/// runtime type holding it (`Filter` or `Sorters`); `None` for every
/// other parameter and for descriptions that did not parse.
pub(crate) fn setter_type(rt: &Rt, p: &Param) -> Option<TokenStream> {
    let root = &rt.root;
    match &p.collection {
        Some(Collection::Filters(Ok(set))) => {
            let name = set.name.to_syn();
            Some(quote!(#root::filter::Filter<filters::#name>))
        }
        Some(Collection::Sorters(Ok(set))) => {
            let name = set.name.to_syn();
            Some(quote!(#root::filter::Sorters<sorters::#name>))
        }
        _ => None,
    }
}

/// The setter's doc line for a typed `filters`/`sorters` parameter.
pub(crate) fn setter_doc(rt: &Rt, p: &Param) -> Option<String> {
    let root = rt.doc_root();
    match &p.collection {
        Some(Collection::Filters(Ok(set))) => {
            let set_name = set.name.as_str();
            let field = set.fields.first().map_or("id", |f| f.name.as_str());
            Some(format!(
                "Takes a [`Filter`]({root}::filter::Filter) of [`filters::{set_name}`]'s \
                 fields (`filters::{set_name}::{field}()…`, values quoted and escaped for \
                 you), or the filter's text, sent as it is."
            ))
        }
        Some(Collection::Sorters(Ok(set))) => Some(format!(
            "Takes [`sorters::{}`]'s fields (one, or an array: `[a, b.desc()]`), or the \
             sorters' text, sent as it is.",
            set.name.as_str()
        )),
        _ => None,
    }
}
