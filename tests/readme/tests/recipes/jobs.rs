//! "Start a job and wait for it": the export downloads once the job is
//! complete; the aggregation reports the accounts it read.

use super::{decode, start};
use my_app::isc::ops::{
    ExportSpConfig, GetAccountAggregationStatus, GetSpConfigExport, GetSpConfigExportStatus,
    ImportAccounts,
};
use my_app::jobs::{aggregate, export_transforms};

fn job(status: &str) -> String {
    format!(
        r#"{{"jobId": "exp-1", "status": "{status}", "type": "EXPORT",
            "created": "2026-12-07T10:00:00Z", "modified": "2026-12-07T10:00:00Z"}}"#
    )
}

#[tokio::test]
async fn the_export_waits_for_the_job_then_downloads_it() {
    let (server, api) = start().await;
    let started = server
        .rule::<ExportSpConfig>()
        .then_output(decode(&job("NOT_STARTED")))
        .expect(1)
        .mount()
        .unwrap();
    // Complete at the first poll: the waiter polls at once, so the test
    // sleeps for no backoff (the waiter's timing has its own tests).
    server
        .rule::<GetSpConfigExportStatus>()
        .path("id", "exp-1")
        .then_output(decode(&job("COMPLETE")))
        .expect(1)
        .mount()
        .unwrap();
    server
        .rule::<GetSpConfigExport>()
        .path("id", "exp-1")
        .then_output(decode(r#"{"version": 1, "tenant": "acme", "objects": []}"#))
        .expect(1)
        .mount()
        .unwrap();

    let export = export_transforms(&api).await.unwrap();
    assert_eq!(export.tenant.as_deref(), Some("acme"));
    let sent = String::from_utf8_lossy(started.requests()[0].raw_body()).into_owned();
    assert!(sent.contains(r#""includeTypes":["TRANSFORM"]"#), "{sent}");
    server.verify();
}

#[tokio::test]
async fn the_aggregation_reports_the_accounts_it_read() {
    let (server, api) = start().await;
    server
        .rule::<ImportAccounts>()
        .path("id", "src-1")
        .then_output(decode(
            r#"{"success": true, "task": {"id": "agg-1", "type": "QUARTZ"}}"#,
        ))
        .mount()
        .unwrap();
    server
        .rule::<GetAccountAggregationStatus>()
        .path("id", "agg-1")
        .then_output(decode(
            r#"{"status": "COMPLETED", "totalAccounts": 120, "processedAccounts": 120}"#,
        ))
        .expect(1)
        .mount()
        .unwrap();

    assert_eq!(aggregate(&api, "src-1").await.unwrap(), Some(120));
    server.verify();
}
