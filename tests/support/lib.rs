//! Helpers shared by the integration tests.
#![allow(missing_docs)]

pub mod tenant;

use std::path::PathBuf;

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default()
}

/// `../shared/specs/upstream/<name>` beside the workspace, or `None` when that
/// folder is absent. Under `CI=true` an absent folder is a test failure, so a
/// CI run can never pass by skipping.
pub fn upstream_spec(name: &str) -> Option<PathBuf> {
    let path = workspace_root().join("../shared/specs/upstream").join(name);
    if path.is_file() {
        return Some(path);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "CI=true but the upstream spec {} is missing: ../shared must sit beside the repo",
            path.display()
        );
    }
    eprintln!(
        "SKIPPED: upstream spec {} not found (../shared is not beside the repo)",
        path.display()
    );
    None
}

pub mod scripted;
