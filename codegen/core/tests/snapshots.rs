//! Snapshots of the generated code, so a reviewer reads exactly what a user
//! gets: the three API lines this repo ships (the v2024, beta and
//! per-resource Password Management files), SailPoint's per-resource
//! password-management spec beside the repo (`../shared/specs/idn/apis`),
//! and `tests/specs/shapes.yaml`, which has every shape the generator emits
//! (the trybuild case `tests/ui/pass/shapes.rs` builds it). Regenerate with
//! `UPDATE_SNAPSHOTS=1 cargo test -p sailpoint-isc-codegen --test snapshots`.

mod support;

use sailpoint_isc_codegen::{generate_file, render, Settings};
use std::path::{Path, PathBuf};

/// Where a snapshot's spec is.
enum Spec {
    /// A file of this repository, by its path from the repository root.
    Repo(&'static str),
    /// SailPoint's per-resource spec of this resource, beside the repo;
    /// skipped (outside CI) when absent.
    Resource(&'static str),
}

impl Spec {
    fn path(&self) -> Option<PathBuf> {
        match self {
            Spec::Repo(rel) => Some(support::repo_root().join(rel)),
            Spec::Resource(name) => support::resource_spec(name),
        }
    }
}

fn check(spec: Spec, settings: Settings, snapshot: &str) {
    let Some(spec) = spec.path() else {
        return;
    };
    let out = generate_file(&spec, &settings);
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

/// One test per row: `name: spec, settings;` compares the code generated
/// for `spec` with `tests/snapshots/<name>.rs`.
macro_rules! snapshots {
    ($($(#[$doc:meta])* $name:ident: $spec:expr, $settings:expr;)*) => {$(
        $(#[$doc])*
        #[test]
        fn $name() {
            check($spec, $settings, concat!(stringify!($name), ".rs"));
        }
    )*};
}

snapshots! {
    v2024_password_management:
        Spec::Repo("spec/v2024/password-management.yaml"), Settings::default();
    beta_password_management:
        Spec::Repo("spec/beta/password-management.yaml"), Settings::default().with_suffix("Beta");
    /// Our own per-resource spec, from which the runtime generates
    /// `sailpoint_isc::password_management`: the same names as upstream's.
    runtime_per_resource_password_management:
        Spec::Repo("spec/password-management/openapi.yaml"), Settings::default();
    /// The per-resource spec, with the names its files give:
    /// `PasswordInfoQueryDto` from a title, `UnauthorizedError` from
    /// `shared/responses/401.yaml`.
    resource_password_management:
        Spec::Resource("password-management"), Settings::default();
    /// Every shape the generator emits, from a spec written for it.
    shapes:
        Spec::Repo("codegen/core/tests/specs/shapes.yaml"), Settings::default();
}

#[test]
fn generation_is_deterministic() {
    let spec = support::repo_root().join("spec/v2024/password-management.yaml");
    let a = generate_file(&spec, &Settings::default())
        .tokens
        .to_string();
    let b = generate_file(&spec, &Settings::default())
        .tokens
        .to_string();
    assert_eq!(a, b);
}
