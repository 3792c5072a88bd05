//! Inputs that live outside the repo: SailPoint's upstream specs in
//! `../shared/specs/upstream` and its per-resource specs in
//! `../shared/specs/idn/apis` beside the workspace, and tools such as
//! `openssl`. A test whose input is absent says `SKIPPED` and passes, except
//! under `CI=true`, where it fails so that a CI run can never pass by
//! skipping. The rule itself is [`skipped`], shared with the full-spec
//! crates.

use std::path::PathBuf;

pub use sailpoint_isc_full_support::skip::skipped;

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default()
}

/// `../shared/specs/upstream/<name>` beside the workspace, or `None` (after
/// [`skipped`]) when that file is absent.
pub fn upstream_spec(name: &str) -> Option<PathBuf> {
    let path = workspace_root().join("../shared/specs/upstream").join(name);
    if path.is_file() {
        return Some(path);
    }
    skipped(&format!(
        "upstream spec {} not found (../shared is not beside the repo)",
        path.display()
    ));
    None
}

/// `../shared/specs/idn/apis/<resource>/openapi.yaml` beside the workspace
/// (SailPoint's per-resource spec, with its `paths/`, `schemas/` and
/// `../shared/` beside it), or `None` (after [`skipped`]) when it is absent.
pub fn resource_spec(resource: &str) -> Option<PathBuf> {
    let path = workspace_root()
        .join("../shared/specs/idn/apis")
        .join(resource)
        .join("openapi.yaml");
    if path.is_file() {
        return Some(path);
    }
    skipped(&format!(
        "per-resource spec {} not found (../shared is not beside the repo)",
        path.display()
    ));
    None
}
