//! Which list operations page, and how: the builder of each one streams it
//! (`.stream()`, `.pages()`, `.pager()`), the runtime does the paging.
//!
//! - **searchAfter**: the body is an object with `sort` and `searchAfter`
//!   properties (ISC's `Search`) and the answer a JSON array. Sort values
//!   are the only way past Elasticsearch's 10,000-record window, so this
//!   wins over offsets when both fit (`POST /search` takes `offset` too).
//! - **offset**: optional integer `offset` and `limit` query parameters and
//!   a JSON array answered (or nothing, `204`, for an empty page).
//!
//! The page size defaults to the `limit` parameter's `maximum`, else ISC's
//! 250.

use super::model::{Api, ModelKind, Operation, Paging, ParamIn, Success, Ty};

/// ISC's largest page when the spec states none.
const DEFAULT_MAX_PAGE_SIZE: u32 = 250;

/// Sets [`Operation::paging`] on every operation that pages and has a
/// builder to stream it from.
pub(super) fn detect(api: &mut Api) {
    let found: Vec<Option<Paging>> = api.operations.iter().map(|op| paging(api, op)).collect();
    for (op, paging) in api.operations.iter_mut().zip(found) {
        op.paging = paging.filter(|_| op.builder.is_some());
    }
}

fn paging(api: &Api, op: &Operation) -> Option<Paging> {
    // A list may answer `204 No Content` for an empty page (v2024's
    // `getPendingTasks`); the runtime reads that as an empty page.
    let (Success::Json(Ty::Vec(item)) | Success::MaybeJson(Ty::Vec(item))) = &op.success else {
        return None;
    };
    let item = (**item).clone();
    let setter = |wire: &str| {
        op.params.iter().find(|p| {
            p.is_setter()
                && p.location == ParamIn::Query
                && p.wire == wire
                && matches!(p.ty, Ty::I32 | Ty::I64)
        })
    };
    let limit = setter("limit");
    let max_page_size = limit
        .and_then(|p| p.maximum)
        .and_then(|m| u32::try_from(m).ok())
        .filter(|m| *m > 0)
        .unwrap_or(DEFAULT_MAX_PAGE_SIZE);
    if op.body.as_ref().is_some_and(|b| searchable(api, &b.ty)) {
        return Some(Paging::SearchAfter {
            item,
            max_page_size,
        });
    }
    (limit.is_some() && setter("offset").is_some()).then_some(Paging::Offset {
        item,
        max_page_size,
    })
}

/// Whether `ty` is an object with `sort` and `searchAfter` properties.
fn searchable(api: &Api, ty: &Ty) -> bool {
    let Ty::Named(id) = ty else {
        return false;
    };
    match api.model(*id).map(|m| &m.kind) {
        Some(ModelKind::Struct { fields, .. }) => ["sort", "searchAfter"]
            .iter()
            .all(|name| fields.iter().any(|f| f.wire == *name)),
        Some(ModelKind::Alias(t)) => searchable(api, t),
        _ => false,
    }
}
