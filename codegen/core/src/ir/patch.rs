//! Which operations take a JSON Patch, and in what body shape: each gets a
//! sibling method (`patch_access_profile_with`) that sends a runtime
//! `Patch` (a diff of two values, guards, hand-written operations). The
//! runtime builds the body from the shape; the generated method names it.
//!
//! An operation is a patch operation when its body is
//! `application/json-patch+json` and is, structurally:
//! - an array of patch operations (ISC's `JsonPatchOperation`,
//!   `JsonPatchOperationRoleMining`, inline `{op, path, value}` items) or of
//!   free-form objects (`items: {type: object}`);
//! - or an object whose one property `operations` is such an array (ISC's
//!   `JsonPatch`).
//!
//! A patch operation is an object with `op` and `path` and nothing but
//! `value` and `from` beside them; when `op` is an enum of fewer than the
//! six RFC 6902 operations, only those are allowed (role mining's
//! `remove`, `replace`). Bodies that merely share the media type (ISC's
//! suggested-entitlement-description batch, approval and assignment
//! `POST`s) are not patches and get no sibling; nor does a body of one
//! single operation (v2024's `patchTenantContext`), which a diff cannot fit.

use super::model::{Api, BodyEncoding, ModelKind, PatchMethod, Ty};
use crate::names::{reserved, Namespace};

/// The patch media type.
const MEDIA: &str = "application/json-patch+json";
/// Every RFC 6902 operation.
const ALL_OPS: [&str; 6] = ["add", "remove", "replace", "move", "copy", "test"];
/// The properties a patch operation may have.
const PROPERTIES: [&str; 4] = ["op", "path", "value", "from"];

/// A patch body's wrapper property (`None`: a plain array) and allowed
/// `op`s (`None`: all six).
type Shape = (Option<String>, Option<Vec<String>>);

/// Sets [`Operation::patch`](super::Operation::patch) on every patch
/// operation. Sibling names are claimed after every operation's own, so a
/// sibling never renames another method.
pub(super) fn detect(api: &mut Api) {
    let mut methods = Namespace::reserving(reserved::METHODS);
    for op in &api.operations {
        methods.reserve(op.method_name.as_str());
    }
    let found: Vec<Option<Shape>> = api
        .operations
        .iter()
        .map(|op| {
            let body = op.body.as_ref()?;
            match &body.encoding {
                BodyEncoding::Json(media) if media == MEDIA => shape(api, &body.ty),
                _ => None,
            }
        })
        .collect();
    for (op, found) in api.operations.iter_mut().zip(found) {
        op.patch = found.map(|(wrap, ops)| PatchMethod {
            name: methods.claim_ident(&format!("{}_with", op.method_name.as_str())),
            wrap,
            ops,
        });
    }
}

/// The wrapper property (if any) and the allowed `op`s (`None`: all) of a
/// patch body of type `ty`, or `None` if it is not a patch.
fn shape(api: &Api, ty: &Ty) -> Option<Shape> {
    match ty {
        Ty::Vec(item) => item_ops(api, item).map(|ops| (None, ops)),
        Ty::Named(id) => match &api.model(*id)?.kind {
            ModelKind::Alias(t) => shape(api, t),
            ModelKind::Struct {
                fields,
                additional: None,
            } => match fields.as_slice() {
                [f] if f.wire == "operations" => match &f.ty {
                    Ty::Vec(item) => item_ops(api, item).map(|ops| (Some(f.wire.clone()), ops)),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// The allowed `op`s of an array item that is a patch operation (`None`:
/// all), or `None` if it is not one.
fn item_ops(api: &Api, ty: &Ty) -> Option<Option<Vec<String>>> {
    match ty {
        Ty::JsonObject => Some(None),
        Ty::Named(id) => match &api.model(*id)?.kind {
            ModelKind::Alias(t) => item_ops(api, t),
            ModelKind::Struct { fields, .. } => {
                let has = |name: &str| fields.iter().any(|f| f.wire == name);
                if !has("op")
                    || !has("path")
                    || !fields.iter().all(|f| PROPERTIES.contains(&f.wire.as_str()))
                {
                    return None;
                }
                let op = fields.iter().find(|f| f.wire == "op")?;
                op_values(api, &op.ty)
            }
            _ => None,
        },
        _ => None,
    }
}

/// The values an `op` property of type `ty` allows: `None` for a string or
/// an enum of all six, the enum's values otherwise.
fn op_values(api: &Api, ty: &Ty) -> Option<Option<Vec<String>>> {
    match ty {
        Ty::String => Some(None),
        Ty::Named(id) => match &api.model(*id)?.kind {
            ModelKind::Alias(t) => op_values(api, t),
            ModelKind::StringEnum { variants, .. } => {
                let listed: Vec<String> = variants.iter().map(|v| v.wire.clone()).collect();
                if ALL_OPS.iter().all(|o| listed.iter().any(|l| l == o)) {
                    Some(None)
                } else {
                    Some(Some(listed))
                }
            }
            _ => None,
        },
        _ => None,
    }
}
