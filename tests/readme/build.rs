//! Extracts the Rust blocks of the repository's README.md (see
//! `extract.rs` for the rules) into `OUT_DIR/lib.rs` and `OUT_DIR/tests.rs`,
//! which `src/lib.rs` and `tests/readme.rs` include. A README block that
//! does not compile fails this crate's build, and so `cargo test`.
//!
//! The recipes' `include_api!` reads `specs/sailpoint-api.v2024.yaml` (and
//! the other files under `specs/`), symlinks to SailPoint's upstream specs
//! in `../shared` beside the repository. Without them, the blocks that need
//! those bindings are left out and the build says `SKIPPED`; under
//! `CI=true` it fails instead (the workspace's rule for `../shared`).

#[path = "extract.rs"]
mod extract;

use std::path::{Path, PathBuf};

/// The upstream files the README's `include_api!` blocks read (for the
/// per-resource specs, one file of the directory the symlink points to).
const SPECS: [&str; 3] = [
    "specs/sailpoint-api.v2024.yaml",
    "specs/sailpoint-api.beta.yaml",
    "specs/idn/apis/accounts/openapi.yaml",
];

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let readme = manifest.join("../../README.md");
    println!("cargo::rerun-if-changed={}", readme.display());
    println!("cargo::rerun-if-changed=extract.rs");
    println!("cargo::rustc-check-cfg=cfg(readme_bindings)");
    // The canary test compiles fixtures with the same compiler.
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    println!("cargo::rustc-env=README_RUSTC={rustc}");

    let missing: Vec<&str> = SPECS
        .iter()
        .copied()
        .filter(|s| !manifest.join(s).is_file())
        .collect();
    for s in SPECS {
        // A symlink whose target is absent: rerun when it appears.
        println!("cargo::rerun-if-changed={}", manifest.join(s).display());
    }
    let with_bindings = missing.is_empty();
    if with_bindings {
        println!("cargo::rustc-cfg=readme_bindings");
    } else {
        let why = format!(
            "README blocks that use bindings of the upstream specs not compiled: {} not found (../shared is not beside the repo)",
            missing.join(", ")
        );
        println!("cargo::warning=SKIPPED: {why}");
        sailpoint_isc_full_support::skip::skipped(&why);
    }

    let text = match std::fs::read_to_string(&readme) {
        Ok(t) => t,
        Err(e) => fail(&[format!("cannot read {}: {e}", readme.display())]),
    };
    let out = match extract::extract(&text, "README.md", with_bindings) {
        Ok(out) => out,
        Err(errors) => fail(&errors),
    };
    write(&out_dir.join("lib.rs"), &out.lib);
    write(&out_dir.join("tests.rs"), &out.tests);
}

fn write(path: &Path, text: &str) {
    if let Err(e) = std::fs::write(path, text) {
        fail(&[format!("cannot write {}: {e}", path.display())]);
    }
}

fn fail(errors: &[String]) -> ! {
    for e in errors {
        eprintln!("error: README.md {e}");
    }
    std::process::exit(1);
}
