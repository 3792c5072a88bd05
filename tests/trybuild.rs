//! Compile tests of the generated API as a user sees it: `ui/pass/*.rs` must
//! build and run, `ui/fail/*.rs` must fail with the committed `.stderr`.
//! Regenerate the expected output with `TRYBUILD=overwrite` (never by hand);
//! the toolchain is pinned in `rust-toolchain.toml` so it stays stable.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The crate trybuild generates for this package lives at
/// `<target dir>/tests/trybuild/<package name>/`, and that directory is the
/// `CARGO_MANIFEST_DIR` the cases are compiled with. Since the target dir can
/// be anywhere, cases that call `include_api!` cannot reach the repository's
/// `spec/` by a relative path; instead the spec is copied to the same relative
/// path inside the generated crate, as a user's crate would hold it.
fn stage_spec_for_cases() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent");
    let rel = Path::new("spec/v2024/password-management.yaml");
    let dest = trybuild_project_dir().join(rel);
    std::fs::create_dir_all(dest.parent().expect("has a parent")).expect("create spec dir");
    let spec = std::fs::read(repo.join(rel)).expect("read the repository's spec");
    // Rewrite only on change so the cases are not rebuilt needlessly.
    if std::fs::read(&dest).ok().as_deref() != Some(spec.as_slice()) {
        std::fs::write(&dest, spec).expect("stage the spec");
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
    stage_spec_for_cases();
    let t = trybuild::TestCases::new();
    t.pass("ui/pass/*.rs");
    t.compile_fail("ui/fail/*.rs");
}
