//! The whole upstream v2024 spec, glob-imported as a user would write it,
//! next to std's prelude. The spec has a schema called `Result`; a glob
//! import shadows the prelude, so were it generated as `Result`, the
//! signature below would fail with "struct takes 0 generic arguments".
//! It is `ResultModel` instead (`Model` is appended to every type name of
//! the prelude), and `Result`, `Option`, `Vec`, `String` and `Box` stay
//! std's.
//!
//! This case is in `ui/full/`, not `ui/pass/`: `tests/trybuild.rs` adds it
//! only when `../shared/specs/upstream` is beside the repo, and stages the
//! spec into the generated crate at `upstream/`.

mod v2024 {
    sailpoint_isc::include_api!("upstream/deref-sailpoint-api.v2024.yaml");
}

use v2024::*;

/// The statuses of a request's result; an error when it has none.
fn statuses(request: &OriginalRequest) -> Result<Option<Vec<String>>, Box<dyn std::error::Error>> {
    let result: Option<&ResultModel> = request.result.as_ref();
    match result {
        Some(ResultModel {
            status: Some(status),
            ..
        }) => Ok(Some(vec![status.clone()])),
        Some(_) => Ok(None),
        None => Err("the request has no result".into()),
    }
}

fn main() {
    let request = OriginalRequest {
        result: Some(ResultModel {
            status: Some(String::from("Manual Task Created")),
            ..Default::default()
        }),
        ..Default::default()
    };
    let found = statuses(&request).ok().flatten();
    assert_eq!(found, Some(vec![String::from("Manual Task Created")]));
    let empty = OriginalRequest {
        result: Some(ResultModel::default()),
        ..Default::default()
    };
    assert!(matches!(statuses(&empty), Ok(None)));
    let error = statuses(&OriginalRequest::default())
        .err()
        .map(|e| e.to_string());
    assert_eq!(error.as_deref(), Some("the request has no result"));
}
