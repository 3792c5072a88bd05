//! Which operations take a JSON Patch (issue 25): every
//! `application/json-patch+json` body that is an array of patch operations
//! (or of free-form objects), or ISC's `{operations: [...]}` wrapper of one,
//! gets a `_with` sibling sending a runtime `Patch`, with the `op`s its
//! schema allows. Checked on the upstream v2024 and beta specs, with the
//! exact list of bodies of that media type that are not patches.

use sailpoint_isc_codegen::unstable::ir::{self, BodyEncoding};
use sailpoint_isc_codegen::{load_file, Settings};
use std::collections::BTreeMap;
use support::upstream_spec;

mod support;

/// Per body shape (`[...]`, `{operations}`, with the allowed `op`s when
/// restricted) the number of patch operations; and the operations whose
/// body has the patch media type but gets no sibling.
type Census = (BTreeMap<String, usize>, Vec<String>);

fn census(spec: &str) -> Option<Census> {
    let path = upstream_spec(spec)?;
    let doc = load_file(&path).expect("the upstream spec loads");
    let (api, _) = ir::build(&doc, &Settings::default());
    let mut shapes = BTreeMap::new();
    let mut not_patches = Vec::new();
    for op in &api.operations {
        let media = op.body.as_ref().map(|b| &b.encoding);
        let is_patch_media =
            matches!(media, Some(BodyEncoding::Json(m)) if m == "application/json-patch+json");
        match &op.patch {
            Some(p) => {
                assert!(is_patch_media, "{}", op.id);
                assert_eq!(p.name.as_str(), format!("{}_with", op.method_name.as_str()));
                let mut shape = match &p.wrap {
                    Some(w) => format!("{{{w}}}"),
                    None => "[...]".to_owned(),
                };
                if let Some(ops) = &p.ops {
                    shape.push_str(&format!(" {}", ops.join("|")));
                }
                *shapes.entry(shape).or_default() += 1;
            }
            None if is_patch_media => not_patches.push(op.id.clone()),
            None => {}
        }
    }
    not_patches.sort();
    Some((shapes, not_patches))
}

fn counts(pairs: &[(&str, usize)]) -> BTreeMap<String, usize> {
    pairs.iter().map(|(k, n)| ((*k).to_owned(), *n)).collect()
}

#[test]
fn v2024_patch_operations_and_their_shapes() {
    let Some((shapes, not_patches)) = census("deref-sailpoint-api.v2024.yaml") else {
        return;
    };
    // 38 arrays of `JsonPatchOperation`, 5 of `{type: object}` and
    // `patchSed`'s `SedPatch` (op, path, value; `op` a plain string); the 4
    // `JsonPatch` wrappers; role mining; `updateMultiHostSources`'s inline
    // items (`add`, `replace`) and `patchSubscription`'s (no `test`).
    assert_eq!(
        shapes,
        counts(&[
            ("[...]", 44),
            ("[...] add|remove|replace|move|copy", 1),
            ("[...] add|replace", 1),
            ("[...] remove|replace", 2),
            ("{operations}", 4),
        ])
    );
    // The suggested-entitlement-description POSTs are not patches, and a
    // body of one single operation cannot hold a diff.
    assert_eq!(
        not_patches,
        [
            "patchTenantContext",
            "submitSedApproval",
            "submitSedAssignment",
            "submitSedBatchRequest"
        ]
    );
}

#[test]
fn beta_patch_operations_and_their_shapes() {
    let Some((shapes, not_patches)) = census("deref-sailpoint-api.beta.yaml") else {
        return;
    };
    assert_eq!(
        shapes,
        counts(&[
            ("[...]", 31),
            ("[...] add|remove|replace", 1),
            ("[...] add|remove|replace|move|copy", 1),
            ("[...] add|replace", 1),
            ("[...] remove|replace", 2),
            ("{operations}", 2),
        ])
    );
    assert_eq!(
        not_patches,
        [
            "submitSedApproval",
            "submitSedAssignment",
            "submitSedBatchRequest"
        ]
    );
}
