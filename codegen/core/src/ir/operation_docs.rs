//! What a method's doc comment says that only the spec's operation knows:
//! its summary and description, whether it is experimental, the OAuth
//! scopes it requires and what its request body is for. The doc text is
//! written from these (and the rest of the [`Operation`](super::Operation))
//! in one place, the emitter's `docs` module.

use super::model::{OperationDoc, Param, ParamIn};
use super::schema::Builder;
use openapiv3::ReferenceOr;

/// The doc facts of `op`; `params` are its parameters as built.
pub(super) fn operation_doc(
    b: &Builder<'_>,
    op: &openapiv3::Operation,
    params: &[Param],
) -> OperationDoc {
    let experimental = params.iter().any(|p| {
        p.location == ParamIn::Header && p.wire.eq_ignore_ascii_case("X-SailPoint-Experimental")
    }) || op
        .extensions
        .keys()
        .any(|k| k.eq_ignore_ascii_case("x-sailpoint-experimental"));
    let security = op.security.as_ref().or(b.doc.api.security.as_ref());
    let scopes = security
        .into_iter()
        .flatten()
        .flat_map(|req| req.iter().map(|(scheme, s)| (scheme.clone(), s.clone())))
        .collect();
    let body_description = match &op.request_body {
        Some(ReferenceOr::Item(body)) => body.description.clone(),
        _ => None,
    };
    OperationDoc {
        summary: op.summary.clone(),
        description: op.description.clone(),
        experimental,
        scopes,
        body_description,
    }
}
