//! Every doc comment on a generated operation and model, written here from
//! the model: a method's (summary, description, `METHOD /path`, scopes,
//! parameters, request body, answer, error bodies, example, deprecation),
//! its builder's and setters' and its `ops` type's ([`items`]), and the
//! models' and fields'.
//! Types named in the text are intra-doc links ([`links`]); spec text is
//! cleaned by [`Docs`] (fences, indentation, bare URLs, runs of spaces).

mod example;
mod items;
mod links;

pub(crate) use items::{
    body_setter, builder, field, model, op_type, ops_module, setter, union_variant,
};

use super::tokens::{doc_attrs, Rt};
use crate::ir::{Api, Docs, Operation, Paging, ParamIn, Success};
pub(crate) use links::runtime_link;
use links::{ty_link, wrapped_link};
use proc_macro2::TokenStream;
use quote::quote;

/// The doc comment of `op`'s method, and `#[deprecated]` when the spec
/// deprecates it.
pub(crate) fn method(api: &Api, rt: &Rt, op: &Operation) -> TokenStream {
    let mut d = Docs::new();
    from_spec(&mut d, op);
    arguments(&mut d, op);
    optional(&mut d, op);
    body_and_answer(&mut d, api, rt, op);
    d.push_raw(example::example_call(api, op));
    let docs = doc_attrs(&d);
    let deprecated = op
        .deprecated
        .then(|| quote!(#[deprecated = "deprecated in the spec"]));
    quote!(#docs #deprecated)
}

/// The doc comment of a patch operation's sibling that sends a runtime
/// `Patch`: what it is, in which shape the body goes, and which `op`s the
/// operation allows. Short: the operation's own method has the rest.
pub(crate) fn patch_method(rt: &Rt, op: &Operation, p: &crate::ir::PatchMethod) -> TokenStream {
    let mut d = Docs::new();
    let method = op.method_name.as_str();
    d.push_raw(format!(
        "[`{}`](Self::{method}) with a {} as its body: a diff of a value read and \
         changed (`Patch::diff(&before, &after)`), with guards against a concurrent \
         change, or a hand-written patch; see {}.",
        op.method_name,
        runtime_link(rt, "Patch", "Patch"),
        runtime_link(rt, "patch", "patch"),
    ));
    let mut notes = Vec::new();
    if let Some(w) = &p.wrap {
        notes.push(format!("The operations are sent as `{{\"{w}\": [...]}}`."));
    }
    if let Some(ops) = &p.ops {
        let ops: Vec<String> = ops.iter().map(|o| format!("`{o}`")).collect();
        notes.push(format!(
            "The operation takes only {} operations: a patch with another fails with \
             `Error::Encode` before anything is sent.",
            ops.join(", ")
        ));
    }
    if !notes.is_empty() {
        d.push_raw(notes.join(" "));
    }
    let docs = doc_attrs(&d);
    let deprecated = op
        .deprecated
        .then(|| quote!(#[deprecated = "deprecated in the spec"]));
    quote!(#docs #deprecated)
}

/// Summary, the experimental warning, description, method and path, and
/// the OAuth scopes.
fn from_spec(d: &mut Docs, op: &Operation) {
    d.push_opt(op.doc.summary.as_deref());
    if op.doc.experimental {
        d.push_raw(
            "**Experimental:** this API is subject to change based on feedback; the \
             `X-SailPoint-Experimental: true` header it requires is sent for you."
                .to_owned(),
        );
    }
    d.push_opt(op.doc.description.as_deref());
    d.push_raw(format!("`{} {}`", op.method.as_str(), op.path));
    let lines: Vec<String> = op
        .doc
        .scopes
        .iter()
        .map(|(scheme, scopes)| {
            if scopes.is_empty() {
                format!("- `{scheme}`")
            } else {
                let s: Vec<String> = scopes.iter().map(|s| format!("`{s}`")).collect();
                format!("- `{scheme}`: {}", s.join(", "))
            }
        })
        .collect();
    if !lines.is_empty() {
        d.push_raw(format!(
            "Required OAuth scopes (any one scheme):\n{}",
            lines.join("\n")
        ));
    }
}

/// The parameters that are arguments (the optional ones are documented on
/// their setters), what the body is for, and path parameters left out.
fn arguments(d: &mut Docs, op: &Operation) {
    let documented: Vec<String> = op
        .params
        .iter()
        .filter(|p| p.fixed.is_none() && !p.is_setter())
        .map(|p| {
            let declared = p
                .declared_as
                .as_ref()
                .map(|d| format!(", declared in the spec as `{d}`"))
                .unwrap_or_default();
            let mut line = format!(
                "- `{}` ({} `{}`{declared})",
                p.name.as_str(),
                location_word(p.location),
                p.wire
            );
            let text = p.docs.inline();
            if !text.is_empty() {
                line.push_str(": ");
                line.push_str(&text);
            }
            line
        })
        .collect();
    if !documented.is_empty() {
        d.push_raw(format!("Parameters:\n{}", documented.join("\n")));
    }
    d.push_opt(op.doc.body_description.as_deref());
    if !op.unplaced_path_params.is_empty() {
        let names: Vec<String> = op
            .unplaced_path_params
            .iter()
            .map(|n| format!("`{n}`"))
            .collect();
        d.push_raw(format!(
            "The spec also declares the path parameter(s) {}, which the path `{}` has no place for; they are not arguments.",
            names.join(", "),
            op.path
        ));
    }
}

/// The builder's setters and, for a list, its streams.
fn optional(d: &mut Docs, op: &Operation) {
    let Some(builder) = &op.builder else {
        return;
    };
    let mut setters: Vec<String> = op
        .params
        .iter()
        .filter(|p| p.is_setter())
        // A link path has no raw identifiers (`#` starts a fragment):
        // `Call::type` is the setter `r#type`.
        .map(|p| {
            let name = p.name.to_string();
            let path = name.trim_start_matches("r#");
            format!("[`{name}`]({builder}::{path})")
        })
        .collect();
    if op.body.as_ref().is_some_and(|b| !b.required) {
        setters.push(format!("[`body`]({builder}::body)"));
    }
    d.push_raw(format!(
        "Optional parameters, set by name on the [`{builder}`] this returns: {}.",
        setters.join(", ")
    ));
    if let Some(paging) = &op.paging {
        let how = match paging {
            Paging::Offset { .. } => "by `offset` and `limit`",
            Paging::SearchAfter { .. } => "by `searchAfter` (the document `id` ends the sort)",
        };
        d.push_raw(format!(
            "A list: [`{builder}::stream`] reads every record lazily, {how}, with the parameters set; [`{builder}::pages`] page by page; [`{builder}::pager`] sets a cap or a start first."
        ));
    }
}

/// The request body's type, the answer's and the error bodies'.
fn body_and_answer(d: &mut Docs, api: &Api, rt: &Rt, op: &Operation) {
    if let Some(body) = &op.body {
        d.push_raw(format!(
            "Request body: {}{}.",
            ty_link(api, rt, &body.ty),
            if body.required { "" } else { " (optional)" }
        ));
    }
    d.push_raw(match &op.success {
        Success::Json(t) => format!("Returns {} on success.", ty_link(api, rt, t)),
        Success::MaybeJson(t) => format!(
            "Returns {} on a success with a body, `None` on one without (such as `204 No Content`).",
            wrapped_link(api, rt, "Some(", t, ")")
        ),
        Success::Bytes(media) => format!(
            "Returns the body as {} on success ({}).",
            runtime_link(rt, "Bytes", "Bytes"),
            media.join(", ")
        ),
        Success::Empty => "Returns `()` on success (no body).".to_owned(),
    });
    if op.errors.is_empty() {
        return;
    }
    let lines: Vec<String> = op
        .errors
        .iter()
        .map(|e| {
            let status = e
                .status
                .map_or_else(|| "other".to_owned(), |s| s.to_string());
            format!("- {status}: {}", ty_link(api, rt, &e.ty))
        })
        .collect();
    d.push_raw(format!(
        "Error bodies, available from {}`::<T>()` on {}:\n{}",
        runtime_link(rt, "ApiError::body", "ApiError::body"),
        runtime_link(rt, "Error::Api", "Error::Api"),
        lines.join("\n")
    ));
}

fn location_word(l: ParamIn) -> &'static str {
    match l {
        ParamIn::Path => "path",
        ParamIn::Query => "query",
        ParamIn::Header => "header",
    }
}
