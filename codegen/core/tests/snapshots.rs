//! Snapshots of the code generated for the spec files this repo ships (the
//! v2024, beta and per-resource Password Management files), and
//! for SailPoint's per-resource password-management spec beside the repo
//! (`../shared/specs/idn/apis`), so a reviewer reads exactly what a user
//! gets. Regenerate with
//! `UPDATE_SNAPSHOTS=1 cargo test -p sailpoint-isc-codegen --test snapshots`.

mod support;

use sailpoint_isc_codegen::{generate_file, render, Settings};
use std::path::Path;

fn check(spec: &str, settings: Settings, snapshot: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    check_path(&root.join(spec), settings, snapshot);
}

fn check_path(spec: &Path, settings: Settings, snapshot: &str) {
    let out = generate_file(spec, &settings);
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
    let text = render(&out.tokens).expect("generated code parses as a file");
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(snapshot);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &text).expect("write snapshot");
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        want == text,
        "generated code for {} differs from {}; review and rerun with UPDATE_SNAPSHOTS=1",
        spec.display(),
        path.display()
    );
}

#[test]
fn v2024_password_management() {
    check(
        "spec/v2024/password-management.yaml",
        Settings::default(),
        "v2024_password_management.rs",
    );
}

#[test]
fn beta_password_management() {
    check(
        "spec/beta/password-management.yaml",
        Settings::default().with_suffix("Beta"),
        "beta_password_management.rs",
    );
}

/// The per-resource spec, with the names its files give: `PasswordInfoQueryDto`
/// from a title, `UnauthorizedError` from `shared/responses/401.yaml`.
#[test]
fn resource_password_management() {
    let Some(spec) = support::resource_spec("password-management") else {
        return;
    };
    check_path(
        &spec,
        Settings::default(),
        "resource_password_management.rs",
    );
}

/// Our own per-resource spec, from which the runtime generates
/// `sailpoint_isc::password_management`: the same names as upstream's.
#[test]
fn runtime_per_resource_password_management() {
    check(
        "spec/password-management/openapi.yaml",
        Settings::default(),
        "runtime_per_resource_password_management.rs",
    );
}

#[test]
fn generation_is_deterministic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let spec = root.join("spec/v2024/password-management.yaml");
    let a = generate_file(&spec, &Settings::default())
        .tokens
        .to_string();
    let b = generate_file(&spec, &Settings::default())
        .tokens
        .to_string();
    assert_eq!(a, b);
}
