//! Names in SailPoint's per-resource specs (`idn/apis/<resource>`), where
//! every schema and response has its own file: a file schema is named by
//! its title, else by its stem split into the spec's words; a shared
//! response file by its status. Runs over the six resources in
//! `../shared/specs/idn/apis` (skipped with a message when absent, an error
//! under `CI=true`).

mod support;

use sailpoint_isc_codegen::unstable::names::split_stem;
use sailpoint_isc_codegen::{generate_file, load_file, render, Settings};
use std::collections::BTreeSet;
use std::path::Path;
use support::resource_spec;

/// Per resource, type names its bindings must have: titled schemas, split
/// stems (`errorresponsedto.yaml` has a title, `dtotype.yaml` has not),
/// inline types named after them, and the shared 401 and 429 bodies.
const EXPECTED: &[(&str, &[&str])] = &[
    (
        "password-management",
        &[
            "PasswordInfoQueryDto",
            "PasswordInfo",
            "PasswordInfoAccount",
            "PasswordChangeRequest",
            "PasswordChangeResponse",
            "PasswordChangeResponseState",
            "PasswordStatus",
            "PasswordDigitToken",
            "PasswordDigitTokenReset",
            "ErrorResponseDto",
            "ErrorMessageDto",
            "LocaleOrigin",
            "UnauthorizedError",
            "TooManyRequestsError",
        ],
    ),
    (
        "accounts",
        &[
            "Account",
            "AccountAttributesCreate",
            "AccountsAsyncResult",
            "AccessModelMetadata",
            "AdditionalOwnerRef",
            "DtoType",
            "TaskResultDto",
            "PermissionDto",
            "UnauthorizedError",
            "TooManyRequestsError",
        ],
    ),
    (
        "identities",
        &[
            "IdentityDto",
            "BaseReferenceDto",
            "RoleAssignmentDto",
            "TaskStatusMessage",
            "IdentityOwnershipAssociationDetails",
            "SendAccountVerificationRequest",
            "UnauthorizedError",
            "TooManyRequestsError",
        ],
    ),
    (
        "search",
        &[
            "Search",
            "AccessProfileDocument",
            "AccountActivityDocument",
            "SearchAggregationSpecification",
            "BucketAggregation",
            "InnerHit",
            "TypeAheadQuery",
            "DocumentType",
            "ApprovalComment2",
            // `result.yaml` has no title: its stem would name it `Result`,
            // which would shadow the prelude's.
            "ResultModel",
            "UnauthorizedError",
            "TooManyRequestsError",
        ],
    ),
    (
        "sources",
        &[
            "Source",
            "ProvisioningPolicyDtoV2",
            "UsageType",
            "AttrSyncSourceConfig",
            "JsonPatchOperation",
            "LoadUncorrelatedAccountsTask",
            "RightPad",
            "E164phone",
            "UnauthorizedError",
            "TooManyRequestsError",
        ],
    ),
    (
        "access-profiles",
        &[
            "AccessProfile",
            "AccessProfileBulkDeleteRequest",
            "AccessDuration",
            "ProvisioningCriteriaLevel1",
            "RequestAbility",
            "OwnerReference",
            "PreconditionFailedError",
            "UnauthorizedError",
            "TooManyRequestsError",
        ],
    ),
];

/// The type names the bindings of the spec at `spec` declare.
fn type_names(spec: &Path) -> BTreeSet<String> {
    let out = generate_file(spec, &Settings::default());
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
    let text = render(&out.tokens).expect("generated code parses as a file");
    let file = syn::parse_file(&text).expect("rendered code parses");
    let mut names = BTreeSet::new();
    collect(&file.items, &mut names);
    names
}

fn collect(items: &[syn::Item], names: &mut BTreeSet<String>) {
    for item in items {
        let ident = match item {
            syn::Item::Struct(s) => &s.ident,
            syn::Item::Enum(e) => &e.ident,
            syn::Item::Type(t) => &t.ident,
            syn::Item::Mod(m) => {
                if let Some((_, inner)) = &m.content {
                    collect(inner, names);
                }
                continue;
            }
            _ => continue,
        };
        names.insert(ident.to_string());
    }
}

/// The stems of the schema files the resource's spec may reach: its own
/// `schemas/` and `shared/schemas/`.
fn schema_stems(spec: &Path) -> BTreeSet<String> {
    let dir = spec.parent().expect("a spec has a directory");
    let mut stems = BTreeSet::new();
    for d in [dir.join("schemas"), dir.join("../shared/schemas")] {
        for entry in std::fs::read_dir(&d).expect("schema directory") {
            let name = entry.expect("entry").file_name();
            if let Some(stem) = name.to_string_lossy().strip_suffix(".yaml") {
                stems.insert(stem.to_owned());
            }
        }
    }
    stems
}

#[test]
fn every_resource_has_the_names_a_person_would_write() {
    for (resource, expected) in EXPECTED {
        let Some(spec) = resource_spec(resource) else {
            return;
        };
        let names = type_names(&spec);
        let missing: Vec<&&str> = expected.iter().filter(|n| !names.contains(**n)).collect();
        assert!(
            missing.is_empty(),
            "{resource}: missing {missing:?}; generated {names:?}"
        );
        // No operation-named copies of the shared error bodies.
        let op_named: Vec<&String> = names
            .iter()
            .filter(|n| {
                ["UnauthorizedError", "TooManyRequestsError"]
                    .iter()
                    .any(|body| n.ends_with(body) && n.as_str() != *body)
            })
            .collect();
        assert!(op_named.is_empty(), "{resource}: {op_named:?}");
        // No type shadows the prelude's of a glob import.
        let shadowing: Vec<&&str> = ["Result", "Option", "Box", "Vec", "String", "Default"]
            .iter()
            .filter(|n| names.contains(**n))
            .collect();
        assert!(shadowing.is_empty(), "{resource}: {shadowing:?}");
    }
}

#[test]
fn no_type_is_named_by_a_lowercase_stem_that_splits() {
    for (resource, _) in EXPECTED {
        let Some(spec) = resource_spec(resource) else {
            return;
        };
        let doc = load_file(&spec).expect("the resource loads");
        let stems = schema_stems(&spec);
        let names = type_names(&spec);
        // A name such as `Passwordinfo`: one capital, then one lowercase run
        // that is a file stem.
        let unsplit: Vec<(&String, Vec<String>)> = names
            .iter()
            .filter(|n| {
                n.chars()
                    .skip(1)
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            })
            .filter(|n| stems.contains(&n.to_lowercase()))
            .map(|n| (n, split_stem(&doc, &n.to_lowercase())))
            .filter(|(_, words)| words.len() > 1)
            .collect();
        assert!(
            unsplit.is_empty(),
            "{resource}: named by a stem that splits: {unsplit:?}"
        );
        // The old names are gone.
        for old in ["Passwordinfo", "Passwordinfoquerydto", "Errorresponsedto"] {
            assert!(!names.contains(old), "{resource}: {old}");
        }
    }
}
