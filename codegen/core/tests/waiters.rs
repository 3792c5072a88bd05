//! The census of generated waiters: which `wait_for_*` methods the upstream
//! v2024 and beta specs and SailPoint's per-resource specs beside the repo
//! (`../shared/specs`) get, with the operation each polls and, for an
//! aggregation, the task-status fallback. Printed, and asserted: a spec
//! change that adds or loses a waiter shows here. Filtered builds get a
//! waiter when they keep its poll operation.

mod support;

use sailpoint_isc_codegen::unstable::ir::{build, Api};
use sailpoint_isc_codegen::{load_file, Settings};
use std::path::Path;

/// `waiter = pollOperation (-> fallbackOperation)` for every waiter of `api`.
fn census(api: &Api) -> Vec<String> {
    api.waiters
        .iter()
        .map(|w| {
            let op = |i: usize| api.operations[i].id.as_str();
            let mut line = format!("{} = {}", w.name.as_str(), op(w.poll));
            if let Some(f) = w.fallback {
                line.push_str(&format!(" -> {}", op(f)));
            }
            line
        })
        .collect()
}

fn api_of(path: &Path, settings: &Settings) -> Api {
    let doc = load_file(path).expect("the spec loads");
    let (api, diagnostics) = build(&doc, settings);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    api
}

fn check(label: &str, api: &Api, want: &[&str]) {
    let got = census(api);
    println!("{label}:");
    for line in &got {
        println!("  {line}");
    }
    assert_eq!(got, want, "waiters of {label}");
}

#[test]
fn v2024_waiters() {
    let Some(path) = support::upstream_spec("deref-sailpoint-api.v2024.yaml") else {
        return;
    };
    check(
        "v2024",
        &api_of(&path, &Settings::default()),
        &[
            "wait_for_account_aggregation = getAccountAggregationStatus -> getTaskStatus",
            "wait_for_deploy = getDeploy",
            "wait_for_non_employee_bulk_upload = getNonEmployeeBulkUploadStatus",
            "wait_for_password_change = getPasswordChangeStatus",
            "wait_for_report = getReportResult",
            "wait_for_sp_config_export = getSpConfigExportStatus",
            "wait_for_sp_config_import = getSpConfigImportStatus",
            // No `wait_for_role_bulk_update`: the spec's
            // `GET /roles/access-model-metadata/bulk-update/id` has no place
            // for the id it declares, so there is no job to name.
            "wait_for_task = getTaskStatus",
        ],
    );
}

#[test]
fn beta_waiters() {
    let Some(path) = support::upstream_spec("deref-sailpoint-api.beta.yaml") else {
        return;
    };
    check(
        "beta",
        &api_of(&path, &Settings::default().with_suffix("Beta")),
        &[
            "wait_for_account_aggregation = getAccountAggregationStatus -> getTaskStatus",
            "wait_for_non_employee_bulk_upload = getNonEmployeeBulkUploadStatus",
            "wait_for_password_change = getIdentityPasswordChangeStatus",
            "wait_for_sp_config_export = getSpConfigExportStatus",
            "wait_for_sp_config_import = getSpConfigImportStatus",
            "wait_for_task = getTaskStatus",
        ],
    );
}

#[test]
fn per_resource_waiters() {
    let want: &[(&str, &[&str])] = &[
        ("access-profiles", &[]),
        // Alone, the aggregations resource has no task status to fall back to.
        (
            "account-aggregations",
            &["wait_for_account_aggregation_v1 = getAccountAggregationStatusV1"],
        ),
        ("accounts", &[]),
        ("identities", &[]),
        (
            "password-management",
            &["wait_for_password_change_v1 = getPasswordChangeStatusV1"],
        ),
        (
            "reports-data-extraction",
            &["wait_for_report_v1 = getReportResultV1"],
        ),
        ("search", &[]),
        ("sources", &[]),
        (
            "sp-config",
            &[
                "wait_for_sp_config_export_v1 = getSpConfigExportStatusV1",
                "wait_for_sp_config_import_v1 = getSpConfigImportStatusV1",
            ],
        ),
        ("task-management", &["wait_for_task_v1 = getTaskStatusV1"]),
    ];
    for (resource, waiters) in want {
        let Some(path) = support::resource_spec(resource) else {
            return;
        };
        check(resource, &api_of(&path, &Settings::default()), waiters);
    }
}

#[test]
fn filtered_builds_keep_the_waiters_of_the_operations_they_keep() {
    let Some(path) = support::upstream_spec("deref-sailpoint-api.v2024.yaml") else {
        return;
    };
    let only = |ops: &[&str]| {
        api_of(
            &path,
            &Settings::default().with_operations(ops.iter().copied()),
        )
    };
    check(
        "v2024, exportSpConfig and its status",
        &only(&[
            "exportSpConfig",
            "getSpConfigExportStatus",
            "getSpConfigExport",
        ]),
        &["wait_for_sp_config_export = getSpConfigExportStatus"],
    );
    check(
        "v2024, the aggregation status alone",
        &only(&["getAccountAggregationStatus"]),
        &["wait_for_account_aggregation = getAccountAggregationStatus"],
    );
    check(
        "v2024, the aggregation status and the task status",
        &only(&["getTaskStatus", "getAccountAggregationStatus"]),
        &[
            "wait_for_account_aggregation = getAccountAggregationStatus -> getTaskStatus",
            "wait_for_task = getTaskStatus",
        ],
    );
    check(
        "v2024, the start operation alone",
        &only(&["importAccounts"]),
        &[],
    );
}
