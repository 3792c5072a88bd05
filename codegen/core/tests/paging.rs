//! Which operations stream (issue 13): every list that takes `offset` and
//! `limit` and answers an array pages by offset, the search pages by
//! `searchAfter`, and the page size is the spec's `maximum` for `limit`.
//! Checked on the upstream v2024 and beta specs, with the exact list of
//! offset/limit operations that do not stream.

use sailpoint_isc_codegen::unstable::ir::{self, Paging};
use sailpoint_isc_codegen::{load_file, Settings};
use std::collections::BTreeMap;
use support::upstream_spec;

mod support;

/// The number of operations per paging kind and page size.
type Kinds = BTreeMap<(String, u32), usize>;

/// Per paging kind and page size, the number of operations; and the
/// operations that take `offset` and `limit` but do not stream.
fn census(spec: &str) -> Option<(Kinds, Vec<String>)> {
    let path = upstream_spec(spec)?;
    let doc = load_file(&path).expect("the upstream spec loads");
    let (api, _) = ir::build(&doc, &Settings::default());
    let mut kinds = BTreeMap::new();
    let mut not_streamed = Vec::new();
    for op in &api.operations {
        match &op.paging {
            Some(Paging::Offset { max_page_size, .. }) => {
                *kinds
                    .entry(("offset".to_owned(), *max_page_size))
                    .or_default() += 1
            }
            Some(Paging::SearchAfter { max_page_size, .. }) => {
                *kinds
                    .entry((format!("searchAfter {}", op.id), *max_page_size))
                    .or_default() += 1
            }
            None => {
                let has = |w: &str| op.params.iter().any(|p| p.wire == w);
                if has("offset") && has("limit") {
                    not_streamed.push(op.id.clone());
                }
            }
        }
    }
    not_streamed.sort();
    Some((kinds, not_streamed))
}

fn counts(pairs: &[(&str, u32, usize)]) -> Kinds {
    pairs
        .iter()
        .map(|(k, size, n)| (((*k).to_owned(), *size), *n))
        .collect()
}

#[test]
fn v2024_lists_stream_by_offset_and_search_by_search_after() {
    let Some((kinds, not_streamed)) = census("deref-sailpoint-api.v2024.yaml") else {
        return;
    };
    assert_eq!(
        kinds,
        counts(&[
            ("offset", 15, 1),
            ("offset", 50, 7),
            ("offset", 250, 121),
            ("searchAfter searchPost", 10_000, 1),
        ]),
        "129 offset lists (getPendingTasks, which answers 204 when empty, among \
         them); search by searchAfter"
    );
    // An object answered (a count in a header, an aggregation, a page
    // object) is not a list; `searchRolesByFilter` answers `type: array`
    // with an `allOf` of `Role` beside it, which is not an array of items.
    assert_eq!(
        not_streamed,
        [
            "getPendingTaskHeaders",
            "searchAggregate",
            "searchFormDefinitionsByTenant",
            "searchRolesByFilter"
        ]
    );
}

#[test]
fn beta_lists_stream_by_offset() {
    let Some((kinds, not_streamed)) = census("deref-sailpoint-api.beta.yaml") else {
        return;
    };
    let total: usize = kinds.values().sum();
    assert_eq!(total, 109, "{kinds:?}");
    assert!(kinds.keys().all(|(k, _)| k == "offset"), "{kinds:?}");
    assert_eq!(
        not_streamed,
        ["getPendingTaskHeaders", "searchFormDefinitionsByTenant"]
    );
}
