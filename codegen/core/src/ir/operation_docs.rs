//! The doc comment of a generated method: summary, the experimental
//! warning, description, method and path, scopes, the parameters that are
//! arguments (the optional ones are documented on their setters).

use super::docs::Docs;
use super::model::{Method, Param, ParamIn};
use super::schema::Builder;
use openapiv3::ReferenceOr;

/// The method's doc comment from the spec's operation and the parameters
/// the method takes.
pub(super) fn operation_docs(
    b: &Builder<'_>,
    op: &openapiv3::Operation,
    method: Method,
    path: &str,
    experimental: bool,
    params: &[Param],
) -> Docs {
    let mut d = Docs::new();
    d.push_opt(op.summary.as_deref());
    if experimental {
        d.push_raw(
            "**Experimental:** this API is subject to change based on feedback; the \
             `X-SailPoint-Experimental: true` header it requires is sent for you."
                .to_owned(),
        );
    }
    d.push_opt(op.description.as_deref());
    d.push_raw(format!("`{} {}`", method.as_str(), path));
    let security = op.security.as_ref().or(b.doc.api.security.as_ref());
    if let Some(reqs) = security {
        let mut lines = Vec::new();
        for req in reqs {
            for (scheme, scopes) in req {
                if scopes.is_empty() {
                    lines.push(format!("- `{scheme}`"));
                } else {
                    let s: Vec<String> = scopes.iter().map(|s| format!("`{s}`")).collect();
                    lines.push(format!("- `{scheme}`: {}", s.join(", ")));
                }
            }
        }
        if !lines.is_empty() {
            d.push_raw(format!(
                "Required OAuth scopes (any one scheme):\n{}",
                lines.join("\n")
            ));
        }
    }
    // Optional parameters are documented on their setters.
    let documented: Vec<String> = params
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
            let text = p.docs.lines().join(" ");
            if !text.trim().is_empty() {
                line.push_str(": ");
                line.push_str(text.trim());
            }
            line
        })
        .collect();
    if !documented.is_empty() {
        d.push_raw(format!("Parameters:\n{}", documented.join("\n")));
    }
    if let Some(ReferenceOr::Item(body)) = &op.request_body {
        d.push_opt(body.description.as_deref());
    }
    d
}

fn location_word(l: ParamIn) -> &'static str {
    match l {
        ParamIn::Path => "path",
        ParamIn::Query => "query",
        ParamIn::Header => "header",
    }
}
