//! The README's waiter examples ("Waiting for jobs"), run against the mock
//! tenant; [`the_readme_shows_this_code`] keeps the README's copy equal.

use sailpoint_isc::mock::MockServer;
use serde_json::json;

// README: waiters begins
use sailpoint_isc::wait::AggregationOrTask;
use sailpoint_isc_full_v2024::api::{
    Api, ExportPayload, ExportPayloadIncludeTypesItem, SpConfigExportResults,
}; // your include_api! module
use std::time::Duration;

/// Exports the tenant's transforms and downloads the export, waiting at
/// most ten minutes for it.
pub async fn export_transforms(
    api: &Api,
) -> Result<SpConfigExportResults, Box<dyn std::error::Error>> {
    let payload = ExportPayload {
        include_types: Some(vec![ExportPayloadIncludeTypesItem::Transform]),
        ..Default::default()
    };
    let job = api.export_sp_config(&payload).await?;
    let export = api
        .wait_for_sp_config_export(&job.job_id)
        .max_wait(Duration::from_secs(600))
        .then_send(api.get_sp_config_export(&job.job_id))
        .await?;
    Ok(export)
}

/// Aggregates a source's accounts, logging progress, and says how many
/// accounts it read. An hour after the end the aggregation's own status
/// is gone (404) and the waiter reads its task instead.
pub async fn aggregate(
    api: &Api,
    source_id: &str,
) -> Result<Option<i32>, Box<dyn std::error::Error>> {
    let started = api.import_accounts(source_id).await?;
    let task_id = started.task.and_then(|t| t.id).ok_or("no task id")?;
    let done = api
        .wait_for_account_aggregation(&task_id)
        .on_poll(|p| {
            eprintln!(
                "{:?}: {:?} of {:?}",
                p.status, p.progress.done, p.progress.total
            )
        })
        .await?;
    Ok(match done.answer {
        AggregationOrTask::Aggregation(status) => status.total_accounts,
        AggregationOrTask::Task(_) => None,
    })
}
// README: waiters ends

fn decode<T: sailpoint_isc::json::Decode>(v: serde_json::Value) -> T {
    sailpoint_isc::json::decode_slice(v.to_string().as_bytes()).unwrap()
}

#[tokio::test(start_paused = true)]
async fn the_export_example_waits_then_downloads() {
    use sailpoint_isc_full_v2024::api::ops::{
        ExportSpConfig, GetSpConfigExport, GetSpConfigExportStatus,
    };
    let server = MockServer::start().await.unwrap();
    let job = |status: &str| {
        json!({"jobId": "exp-1", "status": status, "type": "EXPORT",
               "created": "2026-12-07T10:00:00Z", "modified": "2026-12-07T10:00:00Z"})
    };
    server
        .rule::<ExportSpConfig>()
        .then_output(decode(job("NOT_STARTED")))
        .expect(1)
        .mount()
        .unwrap();
    server
        .rule::<GetSpConfigExportStatus>()
        .path("id", "exp-1")
        .then_output(decode(job("IN_PROGRESS")))
        .times(2)
        .then_output(decode(job("COMPLETE")))
        .expect(3)
        .mount()
        .unwrap();
    let results = json!({"version": 1, "tenant": "acme", "objects": []});
    server
        .rule::<GetSpConfigExport>()
        .path("id", "exp-1")
        .then_output(decode(results))
        .expect(1)
        .mount()
        .unwrap();
    let export = export_transforms(&Api::new(server.client().unwrap()))
        .await
        .unwrap();
    assert_eq!(export.tenant.as_deref(), Some("acme"));
}

#[tokio::test(start_paused = true)]
async fn the_aggregation_example_waits_for_the_aggregation() {
    use sailpoint_isc_full_v2024::api::ops::{GetAccountAggregationStatus, ImportAccounts};
    let server = MockServer::start().await.unwrap();
    server
        .rule::<ImportAccounts>()
        .path("id", "src-1")
        .then_output(decode(
            json!({"success": true, "task": {"id": "agg-1", "type": "QUARTZ"}}),
        ))
        .mount()
        .unwrap();
    let status =
        |s: &str, done: i32| json!({"status": s, "totalAccounts": 120, "processedAccounts": done});
    server
        .rule::<GetAccountAggregationStatus>()
        .path("id", "agg-1")
        .then_output(decode(status("STARTED", 0)))
        .then_output(decode(status("ACCOUNTS_COLLECTED", 60)))
        .then_output(decode(status("COMPLETED", 120)))
        .expect(3)
        .mount()
        .unwrap();
    let total = aggregate(&Api::new(server.client().unwrap()), "src-1")
        .await
        .unwrap();
    assert_eq!(total, Some(120));
}

#[test]
fn the_readme_shows_this_code() {
    let this = include_str!("readme.rs");
    let readme = include_str!("../../../../../README.md");
    let code = between(
        this,
        "// README: waiters begins\n",
        "// README: waiters ends",
    );
    let shown = between(readme, "<!-- waiters -->\n```rust\n", "```");
    assert_eq!(
        shown.trim_end(),
        code.trim_end(),
        "README.md's waiter example is not tests/full-specs/v2024/tests/waiters/readme.rs's"
    );
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text
        .find(start)
        .map(|i| i + start.len())
        .expect("start marker");
    let to = text[from..].find(end).expect("end marker");
    &text[from..from + to]
}
