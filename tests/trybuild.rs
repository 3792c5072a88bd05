//! Compile tests of the generated API as a user sees it: `ui/pass/*.rs` must
//! build and run, `ui/fail/*.rs` must fail with the committed `.stderr`.
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
///   `ui/pass/shapes.rs` builds the code its snapshot shows.
fn stage_specs_for_cases() {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR"));
    let repo = tests.parent().expect("tests/ has a parent");
    let project = trybuild_project_dir();
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
    stage_specs_for_cases();
    let t = trybuild::TestCases::new();
    t.pass("ui/pass/*.rs");
    t.compile_fail("ui/fail/*.rs");
}
