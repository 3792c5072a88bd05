//! Typed filters and sorters (issue 24): which list operations get a typed
//! `filters` or `sorters` setter from their parameter's description, which
//! keep the text-only one and why, over the upstream v2024 and beta specs
//! and every per-resource spec in `../shared`. The counts are exact, so a
//! spec change or a parser change that loses an operation shows here.

use sailpoint_isc_codegen::unstable::ir::{self, Collection, FilterTy};
use sailpoint_isc_codegen::{load_file, Settings};
use std::collections::BTreeMap;
use std::path::Path;
use support::{resource_spec, upstream_spec};

/// Typed sets of v2024 and beta that alias an earlier operation's.
const SHARED_V2024: usize = 41;
const SHARED_BETA: usize = 33;

mod support;

/// What one spec's descriptions gave.
#[derive(Debug, Default, PartialEq)]
struct Census {
    filters_typed: usize,
    /// `operationId: why`, sorted.
    filters_raw: Vec<String>,
    sorters_typed: usize,
    sorters_raw: Vec<String>,
    /// `operationId.field`: lines read without their colon.
    lenient: Vec<String>,
    /// Typed fields per value type.
    types: BTreeMap<String, usize>,
    /// Typed sets that are another operation's (an alias, not a new type).
    shared_sets: usize,
}

fn census(path: &Path) -> (Census, ir::Api) {
    let doc = load_file(path).expect("the spec loads");
    let (api, _) = ir::build(&doc, &Settings::default());
    let mut c = Census::default();
    for op in &api.operations {
        for p in &op.params {
            match &p.collection {
                Some(Collection::Filters(Ok(set))) => {
                    c.filters_typed += 1;
                    c.shared_sets += usize::from(set.same_as.is_some());
                    for f in &set.fields {
                        *c.types.entry(format!("{:?}", f.ty)).or_default() += 1;
                        if f.lenient {
                            c.lenient.push(format!("{}.{}", op.id, f.wire));
                        }
                    }
                }
                Some(Collection::Filters(Err(why))) => {
                    c.filters_raw.push(format!("{}: {why}", op.id))
                }
                Some(Collection::Sorters(Ok(set))) => {
                    c.sorters_typed += 1;
                    c.shared_sets += usize::from(set.same_as.is_some());
                }
                Some(Collection::Sorters(Err(why))) => {
                    c.sorters_raw.push(format!("{}: {why}", op.id))
                }
                None => {}
            }
        }
    }
    c.filters_raw.sort();
    c.sorters_raw.sort();
    (c, api)
}

/// The type of field `wire` of `op`'s filter set.
fn field_type(api: &ir::Api, op: &str, wire: &str) -> Option<FilterTy> {
    let op = api.operations.iter().find(|o| o.id == op)?;
    op.params.iter().find_map(|p| match &p.collection {
        Some(Collection::Filters(Ok(set))) => {
            set.fields.iter().find(|f| f.wire == wire).map(|f| f.ty)
        }
        _ => None,
    })
}

fn types(pairs: &[(&str, usize)]) -> BTreeMap<String, usize> {
    pairs.iter().map(|(t, n)| ((*t).to_owned(), *n)).collect()
}

/// All 103 `filters` and 83 `sorters` parameters of v2024 are typed. The
/// one line without its colon, `**reviewedByUser** *eq*` of
/// `getCommonAccess`, is read leniently: its meaning is plain, and raw-only
/// would cost that operation's other fields their types.
#[test]
fn v2024_every_filters_and_sorters_description_is_typed() {
    let Some(path) = upstream_spec("deref-sailpoint-api.v2024.yaml") else {
        return;
    };
    let (c, api) = census(&path);
    assert_eq!(
        c,
        Census {
            filters_typed: 103,
            filters_raw: vec![],
            sorters_typed: 83,
            sorters_raw: vec![],
            lenient: vec!["getCommonAccess.reviewedByUser".to_owned()],
            types: types(&[
                ("Bool", 28),
                ("DateTime", 45),
                ("Float", 1),
                ("Int", 5),
                ("String", 339)
            ]),
            shared_sets: SHARED_V2024,
        }
    );
    // The example, `GET /accounts`, typed from `Account`.
    let account = |wire| field_type(&api, "listAccounts", wire);
    assert_eq!(account("sourceId"), Some(FilterTy::String));
    assert_eq!(account("hasEntitlements"), Some(FilterTy::Bool));
    assert_eq!(account("created"), Some(FilterTy::DateTime));
    assert_eq!(account("recommendation.method"), Some(FilterTy::String));
}

/// All 86 `filters` and 75 `sorters` parameters of beta are typed, the
/// same malformed line read leniently.
#[test]
fn beta_every_filters_and_sorters_description_is_typed() {
    let Some(path) = upstream_spec("deref-sailpoint-api.beta.yaml") else {
        return;
    };
    let (c, _) = census(&path);
    assert_eq!(
        c,
        Census {
            filters_typed: 86,
            filters_raw: vec![],
            sorters_typed: 75,
            sorters_raw: vec![],
            lenient: vec!["getCommonAccess.reviewedByUser".to_owned()],
            types: types(&[
                ("Bool", 22),
                ("DateTime", 37),
                ("Float", 1),
                ("Int", 5),
                ("String", 273)
            ]),
            shared_sets: SHARED_BETA,
        }
    );
}

/// Every per-resource spec's lists are typed, task-management's prose
/// line `**Possible Values:** …` after its fields skipped as prose.
#[test]
fn per_resource_specs_type_their_filters_and_sorters() {
    let expected: &[(&str, usize, usize)] = &[
        ("access-profiles", 2, 2),
        ("account-aggregations", 0, 0),
        ("accounts", 1, 1),
        ("identities", 1, 1),
        ("password-management", 0, 0),
        ("reports-data-extraction", 0, 0),
        ("search", 0, 0),
        ("sources", 2, 1),
        ("sp-config", 0, 0),
        ("task-management", 1, 1),
    ];
    for (resource, filters, sorters) in expected {
        let Some(path) = resource_spec(resource) else {
            return;
        };
        let (c, api) = census(&path);
        assert_eq!(
            (c.filters_typed, c.sorters_typed),
            (*filters, *sorters),
            "{resource}"
        );
        assert!(
            c.filters_raw.is_empty() && c.sorters_raw.is_empty(),
            "{resource}: {c:?}"
        );
        assert!(c.lenient.is_empty(), "{resource}: {c:?}");
        if *resource == "accounts" {
            let created = field_type(&api, "listAccountsV1", "created");
            assert_eq!(created, Some(FilterTy::DateTime));
        }
    }
}

/// A description that does not read gives the text-only setter, with the
/// reason in the census; never a compile error.
#[test]
fn unreadable_descriptions_keep_the_text_setter_and_say_why() {
    let spec = serde_json::json!({
        "openapi": "3.0.1",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/a": {"get": {"operationId": "listA", "parameters": [
                {"name": "filters", "in": "query", "schema": {"type": "string"},
                 "description": "Filtering is supported for the following fields and operators:\n\n**name**: *eq, like*"},
                {"name": "sorters", "in": "query", "schema": {"type": "string"},
                 "description": "Sort by name."}],
                "responses": {"200": {"description": "ok"}}}},
            "/b": {"get": {"operationId": "listB", "parameters": [
                {"name": "filters", "in": "query", "schema": {"type": "string"},
                 "description": "Standard filters."}],
                "responses": {"200": {"description": "ok"}}}}
        }
    });
    let text = serde_json::to_string(&spec).expect("serializes");
    let doc = sailpoint_isc_codegen::load_str(
        &text,
        Path::new("t.json"),
        sailpoint_isc_codegen::Format::Json,
    )
    .expect("loads");
    let (api, _) = ir::build(&doc, &Settings::default());
    let mut c = Census::default();
    for op in &api.operations {
        for p in &op.params {
            match &p.collection {
                Some(Collection::Filters(Err(why))) => {
                    c.filters_raw.push(format!("{}: {why}", op.id))
                }
                Some(Collection::Sorters(Err(why))) => {
                    c.sorters_raw.push(format!("{}: {why}", op.id))
                }
                _ => {}
            }
        }
    }
    assert_eq!(
        c.filters_raw,
        [
            "listA: field `name`: `like` is not an operator",
            "listB: the description lacks \"Filtering is supported for the following fields and operators:\"",
        ]
    );
    assert_eq!(
        c.sorters_raw,
        ["listA: the description lacks \"Sorting is supported for the following fields:\""]
    );
    let out = sailpoint_isc_codegen::generate(&doc, &Settings::default());
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    let code = sailpoint_isc_codegen::render(&out.tokens).expect("parses");
    assert!(!code.contains("pub mod filters"), "{code}");
    assert!(
        code.contains("filters: impl ::std::convert::Into<::std::string::String>"),
        "{code}"
    );
}
