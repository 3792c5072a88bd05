//! Real specs: upstream's v2024 and beta under several filters, and this
//! repo's Password Management files.

use super::support::{repo_root, upstream_spec};
use super::{assert_same, check};
use sailpoint_isc_codegen::unstable::load_partial;
use sailpoint_isc_codegen::{generate, generate_file, generate_file_full, load_file, Settings};

fn upstream_filters() -> Vec<Settings> {
    vec![
        Settings::default().with_tags(["Password Management"]),
        Settings::default().with_tags(["Sources"]),
        Settings::default()
            .with_tags(["Accounts"])
            .with_suffix("Beta"),
        Settings::default().with_operations(["listAccessProfiles", "getIdentity"]),
        Settings::default().with_operations(["listAccounts"]),
        Settings::default()
            .with_operations(["getIdentity"])
            .with_tags(["Password Management"]),
        Settings::default().with_tags(["Password Management", "Sources"]),
    ]
}

/// The full spec is loaded once and generated for each filter
/// (`generate_file_full` is that, and is compared once directly).
fn upstream_agrees(name: &str) {
    let Some(path) = upstream_spec(name) else {
        return;
    };
    let full_doc = load_file(&path).expect("upstream spec loads");
    for settings in upstream_filters() {
        let what = format!("{name} {:?} {:?}", settings.tags, settings.operations);
        assert!(
            load_partial(&path, &settings).is_some(),
            "{what}: the fast path gave up"
        );
        let fast = generate_file(&path, &settings);
        let full = generate(&full_doc, &settings);
        assert!(
            fast.diagnostics.is_empty(),
            "{what}: {:?}",
            fast.diagnostics
        );
        assert!(!fast.tokens.is_empty(), "{what}: nothing generated");
        assert_same(&what, &fast, &full);
        assert_eq!(fast.files, std::slice::from_ref(&path), "{what}: files");
    }
    let pm = Settings::default().with_tags(["Password Management"]);
    assert_same(
        "generate_file_full",
        &generate_file_full(&path, &pm),
        &generate(&full_doc, &pm),
    );

    // A filter entry that names nothing: the full load's diagnostics, hints
    // included.
    let misspelt = Settings::default()
        .with_tags(["Password Managment"])
        .with_operations(["getIdentity"]);
    assert!(load_partial(&path, &misspelt).is_none());
    let fast = generate_file(&path, &misspelt);
    let full = generate(&full_doc, &misspelt);
    assert!(
        fast.diagnostics
            .iter()
            .any(|d| d.message.contains("did you mean `Password Management`")),
        "{:?}",
        fast.diagnostics
    );
    assert_same(&format!("{name} misspelt"), &fast, &full);
}

#[test]
fn upstream_v2024_filtered_is_the_same_as_loaded_whole() {
    upstream_agrees("deref-sailpoint-api.v2024.yaml");
}

#[test]
fn upstream_beta_filtered_is_the_same_as_loaded_whole() {
    upstream_agrees("deref-sailpoint-api.beta.yaml");
}

#[test]
fn the_small_specs_take_the_fast_path() {
    for spec in [
        "spec/v2024/password-management.yaml",
        "spec/beta/password-management.yaml",
    ] {
        let path = repo_root().join(spec);
        for settings in [
            Settings::default().with_tags(["Password Management"]),
            Settings::default().with_operations(["queryPasswordInfo"]),
            Settings::default()
                .with_operations(["createDigitToken"])
                .with_suffix("Beta"),
        ] {
            let (out, fast) = check(&path, &settings);
            assert!(fast, "{spec} {settings:?}: the fast path gave up");
            assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
        }
        // No filter: always the full load.
        assert!(load_partial(&path, &Settings::default()).is_none());
    }
}

#[test]
fn a_filter_entry_that_names_nothing_gets_the_full_loads_hints() {
    let path = repo_root().join("spec/v2024/password-management.yaml");
    for settings in [
        Settings::default().with_tags(["Password Managment"]),
        Settings::default().with_operations(["queryPasswordInf"]),
        Settings::default()
            .with_operations(["queryPasswordInfo", "nope"])
            .with_tags(["Password Management"]),
    ] {
        let (out, fast) = check(&path, &settings);
        assert!(!fast, "{settings:?}");
        assert!(!out.diagnostics.is_empty(), "{settings:?}");
    }
    let (out, _) = check(
        &path,
        &Settings::default().with_tags(["Password Managment"]),
    );
    assert!(
        out.diagnostics[0]
            .message
            .contains("did you mean `Password Management`"),
        "{:?}",
        out.diagnostics
    );
}
