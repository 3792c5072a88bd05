//! One `wait_for_*` method per waiter ([`crate::ir::Waiter`]): it builds
//! the poll call with the operation's own method and hands it to the
//! runtime with the name of its job family. The polling, the reading of
//! statuses and the backoff are the runtime's (`sailpoint_isc::wait`).

use super::docs::runtime_link;
use super::tokens::Rt;
use crate::ir::{Api, Operation, Waiter};
use proc_macro2::TokenStream;
use quote::quote;

pub(crate) fn emit_waiters(api: &Api, rt: &Rt) -> Vec<TokenStream> {
    api.waiters
        .iter()
        .filter_map(|w| emit_waiter(api, rt, w))
        .collect()
}

fn emit_waiter(api: &Api, rt: &Rt, w: &Waiter) -> Option<TokenStream> {
    let (private, root) = (&rt.private, &rt.root);
    let op = api.operations.get(w.poll)?;
    let args = super::operations::inputs(api, rt, op, None).args;
    let answer = super::ops::answer_type(api, rt, &op.success);
    let poll = call(op);
    let family = quote::format_ident!("{}", w.family);
    let (ty, value, fallback_doc) = match w.fallback.and_then(|i| api.operations.get(i)) {
        Some(task) => {
            let task_answer = super::ops::answer_type(api, rt, &task.success);
            let task_call = call(task);
            (
                quote!(#root::Waiter<#root::wait::AggregationOrTask<#answer, #task_answer>>),
                quote!(#private::wait::aggregation(#poll, #task_call)),
                format!(
                    " Once the status answers `404` (about an hour after the end), \
                     [`{0}`](Self::{0}) of the same id has the outcome.",
                    task.method_name.as_str()
                ),
            )
        }
        None => (
            quote!(#root::Waiter<#answer>),
            quote!(#private::wait::Waiter::family(&#private::wait::#family, #poll)),
            String::new(),
        ),
    };
    let name = w.name.to_syn();
    let method = op.method_name.as_str();
    // A waiter of a deprecated operation is deprecated too, and its own
    // call of the operation is not a warning in the user's build.
    let deprecated = op.deprecated.then(
        || quote!(#[deprecated = "polls an operation deprecated in the spec"] #[allow(deprecated)]),
    );
    let doc1 = format!(
        " Waits for {} to end, polling [`{method}`](Self::{method}).",
        w.job
    );
    let doc2 = format!(
        " `.await` answers {} or {}; `.max_wait(..)`, `.on_poll(..)` and the \
         other options are on the {}. Statuses are read as {} reads them.{fallback_doc}",
        runtime_link(rt, "Done", "wait::Done"),
        runtime_link(rt, "WaitError", "wait::WaitError"),
        runtime_link(rt, "Waiter", "Waiter"),
        runtime_link(rt, w.family, &format!("wait::{}", w.family)),
    );
    Some(quote! {
        #[doc = #doc1]
        ///
        #[doc = #doc2]
        #deprecated
        #[inline]
        pub fn #name(&self, #(#args),*) -> #ty {
            #value
        }
    })
}

/// `self.get_x(id)`, as a `Call` (a builder's through `into_call`).
fn call(op: &Operation) -> TokenStream {
    let method = op.method_name.to_syn();
    let args = op
        .params
        .iter()
        .filter(|p| p.fixed.is_none() && !p.is_setter())
        .map(|p| p.name.to_syn());
    let into = op.builder.as_ref().map(|_| quote!(.into_call()));
    quote!(self.#method(#(#args),*) #into)
}
