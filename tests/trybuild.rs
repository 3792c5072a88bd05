//! Compile tests of the generated API as a user sees it: `ui/pass/*.rs` must
//! build and run, `ui/fail/*.rs` must fail with the committed `.stderr`, and
//! `ui/full/prelude_v2024.rs` (the whole upstream v2024 spec glob-imported)
//! must build and run where `../shared` is beside the repo.
//! Regenerate the expected output with `TRYBUILD=overwrite` (never by hand);
//! the toolchain is pinned in `rust-toolchain.toml` so it stays stable.
//!
//! The `fail` cases cover every diagnostic `include_api!` promises; the spec
//! files they read are in `ui/specs/`, and the messages name them relative
//! to the crate (`specs/broken_ref.yaml at #/paths/…`), so the `.stderr`
//! files hold no machine-specific path.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The crate trybuild generates for this package lives at
/// `<target dir>/tests/trybuild/<package name>/`, and that directory is the
/// `CARGO_MANIFEST_DIR` the cases are compiled with. Since the target dir can
/// be anywhere, cases that call `include_api!` cannot reach the repository's
/// files by a relative path; instead the files they read are copied to fixed
/// relative paths inside the generated crate, as a user's crate would hold
/// them:
///
/// - the repository's `spec/v2024/password-management.yaml` to the same path;
/// - the fixtures of the diagnostic cases, `tests/ui/specs/*`, to `specs/`;
/// - the generator's snapshot spec of every shape,
///   `codegen/core/tests/specs/shapes.yaml`, to `specs/shapes.yaml`, so
///   `ui/pass/shapes.rs` builds the code its snapshot shows;
/// - the upstream v2024 spec beside the repo, for the one case in
///   `ui/full/`, to `upstream/` (see [`stage_upstream_v2024`]).
fn stage_specs_for_cases(project: &Path) {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR"));
    let repo = tests.parent().expect("tests/ has a parent");
    let rel = Path::new("spec/v2024/password-management.yaml");
    stage_file(&repo.join(rel), &project.join(rel));
    stage_file(
        &repo.join("codegen/core/tests/specs/shapes.yaml"),
        &project.join("specs/shapes.yaml"),
    );
    let fixtures = tests.join("ui").join("specs");
    for entry in std::fs::read_dir(&fixtures).expect("read tests/ui/specs") {
        let entry = entry.expect("read a fixture's entry");
        if entry.file_type().expect("file type").is_file() {
            stage_file(
                &entry.path(),
                &project.join("specs").join(entry.file_name()),
            );
        }
    }
}

/// Where the `ui/full/` case reads the upstream v2024 spec, relative to the
/// generated crate.
const STAGED_UPSTREAM_V2024: &str = "upstream/deref-sailpoint-api.v2024.yaml";

/// Stages `../shared/specs/upstream/deref-sailpoint-api.v2024.yaml` for the
/// `ui/full/` case, which compiles the whole spec (about 20 s, so it stays
/// one case). Returns `false` when the spec is not beside the repo: then the
/// case is skipped with a message, and under `CI=true` the test fails
/// instead (the project's one skip rule, `skip::skipped`).
fn stage_upstream_v2024(project: &Path) -> bool {
    match sailpoint_isc_tests::upstream_spec("deref-sailpoint-api.v2024.yaml") {
        Some(spec) => {
            stage_file(&spec, &project.join(STAGED_UPSTREAM_V2024));
            true
        }
        None => {
            eprintln!("SKIPPED: ui/full/prelude_v2024.rs (it needs the upstream v2024 spec)");
            false
        }
    }
}

/// Copies `from` to `to`, rewriting only on change so the cases are not
/// rebuilt needlessly.
fn stage_file(from: &Path, to: &Path) {
    std::fs::create_dir_all(to.parent().expect("has a parent")).expect("create the directory");
    let bytes = std::fs::read(from).unwrap_or_else(|e| panic!("read {}: {e}", from.display()));
    if std::fs::read(to).ok().as_deref() != Some(bytes.as_slice()) {
        std::fs::write(to, bytes).unwrap_or_else(|e| panic!("stage {}: {e}", to.display()));
    }
}

/// Where trybuild puts its generated crate, found the way trybuild finds it:
/// from `cargo metadata`'s `target_directory`.
fn trybuild_project_dir() -> PathBuf {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .args(["metadata", "--no-deps", "--format-version=1"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run cargo metadata");
    assert!(
        out.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("metadata JSON");
    let target = meta["target_directory"]
        .as_str()
        .expect("metadata has target_directory");
    Path::new(target)
        .join("tests")
        .join("trybuild")
        .join(env!("CARGO_PKG_NAME"))
}

#[test]
fn ui() {
    let project = trybuild_project_dir();
    stage_specs_for_cases(&project);
    let t = trybuild::TestCases::new();
    t.pass("ui/pass/*.rs");
    if stage_upstream_v2024(&project) {
        t.pass("ui/full/prelude_v2024.rs");
    }
    t.compile_fail("ui/fail/*.rs");
}
