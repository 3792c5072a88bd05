//! The generated waiters of the whole v2024 spec against the mock tenant
//! (`sailpoint_isc::mock::MockServer`, a real HTTP server on 127.0.0.1), on
//! tokio's paused clock: for each job family, in progress for a few polls
//! and then each terminal state; a status the enum lacks; `Success` in the
//! wrong case; `429` with `Retry-After` while polling; the aggregation's
//! `404` and the fall back to its task; the wait exceeded with its figures;
//! progress observed; the delays slept against the backoff rule. The
//! README's waiter examples run in `tests/readme`.

#![cfg(upstream_spec)]

use sailpoint_isc::json::Decode;
use sailpoint_isc::mock::MockServer;
use sailpoint_isc::wait::{AggregationOrTask, Jitter, PollEvent, State, WaitError};
use sailpoint_isc::{ApiOperation, RetryPolicy};
use sailpoint_isc_full_v2024::api::{ops, Api, ErrorResponseDto};
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The spec's example answer of `O` with `field` set to `status` (`None`:
/// `null`) and the properties of `extra`.
fn answer<O: ApiOperation>(field: &str, status: Option<&str>, extra: Value) -> O::Answer
where
    O::Answer: Decode,
{
    let mut v: Value = serde_json::from_str(O::EXAMPLE.unwrap_or("{}")).unwrap();
    v[field] = status.map_or(Value::Null, |s| json!(s));
    if let Value::Object(extra) = extra {
        for (k, x) in extra {
            v[k] = x;
        }
    }
    sailpoint_isc::json::decode_slice(v.to_string().as_bytes()).unwrap()
}

/// A client of `server` and a recorder of poll events.
fn api(server: &MockServer) -> Api {
    Api::new(server.client().unwrap())
}

type Events = Arc<Mutex<Vec<PollEvent>>>;

fn recorder() -> (Events, impl Fn(&PollEvent) + Send + Sync + 'static) {
    let events: Events = Arc::default();
    let sink = Arc::clone(&events);
    (events, move |e: &PollEvent| {
        sink.lock().unwrap().push(e.clone())
    })
}

/// One family: `k` polls answer `running`, then one answers each of
/// `finished` (the wait is `Done` with that status) or `failed` (the wait
/// is `Failed` with it).
macro_rules! family {
    ($name:ident, $op:ty, $field:literal, $id:literal, $wait:ident,
     running: $running:literal, finished: [$($fin:literal),*], failed: [$($fail:literal),*]) => {
        #[tokio::test(start_paused = true)]
        async fn $name() {
            const K: u32 = 3;
            for (status, finishes) in [$(($fin, true),)* $(($fail, false),)*] {
                let server = MockServer::start().await.unwrap();
                server
                    .rule::<$op>()
                    .path(path_name::<$op>(), $id)
                    .then_output(answer::<$op>($field, Some($running), json!({})))
                    .times(K)
                    .then_output(answer::<$op>($field, Some(status), json!({})))
                    .expect(K + 1)
                    .mount()
                    .unwrap();
                let (events, record) = recorder();
                let outcome = api(&server)
                    .$wait($id)
                    .jitter(Jitter::Fixed(0.5))
                    .on_poll(record)
                    .await;
                let events = events.lock().unwrap();
                assert_eq!(events.len() as u32, K + 1, "{status}");
                assert!(events[..K as usize].iter().all(|e| e.state == State::Running
                    && e.status.as_deref() == Some($running)));
                match outcome {
                    Ok(done) if finishes => {
                        assert_eq!(done.status.as_deref(), Some(status));
                        assert_eq!(done.polls, K + 1);
                    }
                    Err(WaitError::Failed { status: s, polls, .. }) if !finishes => {
                        assert_eq!((s.as_str(), polls), (status, K + 1));
                    }
                    other => panic!("{status}: {other:?}"),
                }
            }
        }
    };
}

/// The name of `O`'s one path parameter.
fn path_name<O: ApiOperation>() -> &'static str {
    O::PARAMS[0].name
}

family!(task_family, ops::GetTaskStatus, "completionStatus", "task-1", wait_for_task,
    running: "Executing", finished: ["SUCCESS", "WARNING"], failed: ["ERROR", "TERMINATED", "TEMPERROR", "TEMP_ERROR"]);
family!(sp_config_export_family, ops::GetSpConfigExportStatus, "status", "exp-1", wait_for_sp_config_export,
    running: "IN_PROGRESS", finished: ["COMPLETE"], failed: ["CANCELLED", "FAILED"]);
family!(sp_config_import_family, ops::GetSpConfigImportStatus, "status", "imp-1", wait_for_sp_config_import,
    running: "NOT_STARTED", finished: ["COMPLETE"], failed: ["CANCELLED", "FAILED"]);
family!(report_family, ops::GetReportResult, "status", "rep-1", wait_for_report,
    running: "PENDING", finished: ["SUCCESS", "WARNING"], failed: ["FAILURE", "TERMINATED", "TEMP_ERROR"]);
family!(deploy_family, ops::GetDeploy, "status", "dep-1", wait_for_deploy,
    running: "IN_PROGRESS", finished: ["COMPLETE"], failed: ["CANCELLED", "FAILED"]);
family!(non_employee_upload_family, ops::GetNonEmployeeBulkUploadStatus, "status", "src-1", wait_for_non_employee_bulk_upload,
    running: "PENDING", finished: ["COMPLETED"], failed: ["ERROR"]);
family!(password_change_family, ops::GetPasswordChangeStatus, "state", "req-1", wait_for_password_change,
    running: "IN_PROGRESS", finished: ["FINISHED"], failed: ["FAILED"]);
family!(aggregation_family_while_its_status_answers, ops::GetAccountAggregationStatus, "status", "agg-1", wait_for_account_aggregation,
    running: "ACCOUNTS_COLLECTED", finished: ["COMPLETED"], failed: ["CANCELLED", "TERMINATED"]);

#[tokio::test(start_paused = true)]
async fn a_task_still_null_an_unknown_status_and_success_in_the_wrong_case() {
    type Op = ops::GetTaskStatus;
    let server = MockServer::start().await.unwrap();
    server
        .rule::<Op>()
        .then_output(answer::<Op>(
            "completionStatus",
            None,
            json!({"percentComplete": 10, "progress": "Started"}),
        ))
        .then_output(answer::<Op>(
            "completionStatus",
            Some("Executing"),
            json!({"percentComplete": 60}),
        ))
        .then_output(answer::<Op>(
            "completionStatus",
            Some("Success"),
            json!({"percentComplete": 100}),
        ))
        .expect(3)
        .mount()
        .unwrap();
    let (events, record) = recorder();
    let done = api(&server)
        .wait_for_task("t-1")
        .on_poll(record)
        .await
        .unwrap();
    assert_eq!(done.status.as_deref(), Some("Success"));
    let events = events.lock().unwrap();
    let seen: Vec<_> = events
        .iter()
        .map(|e| (e.state, e.status.clone(), e.progress.percent))
        .collect();
    assert_eq!(
        seen,
        [
            (State::Running, None, Some(10.0)),
            (State::Running, Some("Executing".to_owned()), Some(60.0)),
            (State::Finished, Some("Success".to_owned()), Some(100.0)),
        ]
    );
    assert_eq!(events[0].progress.text.as_deref(), Some("Started"));
}

#[tokio::test(start_paused = true)]
async fn a_task_that_finishes_with_warnings_says_which() {
    type Op = ops::GetTaskStatus;
    let server = MockServer::start().await.unwrap();
    let messages = json!({"messages": [
        {"type": "WARN", "localizedText": {"locale": "en-US", "message": "3 accounts skipped"}, "key": "k", "parameters": []},
    ]});
    server
        .rule::<Op>()
        .then_output(answer::<Op>("completionStatus", Some("WARNING"), messages))
        .mount()
        .unwrap();
    let done = api(&server).wait_for_task("t-1").await.unwrap();
    assert_eq!(done.warnings, ["3 accounts skipped"]);
    let failed = json!({"messages": [
        {"type": "ERROR", "localizedText": {"locale": "en-US", "message": "source unreachable"}, "key": "k", "parameters": []},
    ]});
    let server = MockServer::start().await.unwrap();
    server
        .rule::<Op>()
        .then_output(answer::<Op>("completionStatus", Some("ERROR"), failed))
        .mount()
        .unwrap();
    let err = api(&server).wait_for_task("t-1").await.unwrap_err();
    assert_eq!(err.to_string(), "task ended ERROR: source unreachable");
}

#[tokio::test(start_paused = true)]
async fn a_rate_limited_poll_is_not_a_failure_and_its_retry_after_is_honoured() {
    type Op = ops::GetSpConfigExportStatus;
    let running = || answer::<Op>("status", Some("IN_PROGRESS"), json!({}));
    for retries in [true, false] {
        let server = MockServer::start().await.unwrap();
        server
            .rule::<Op>()
            .then_output(running())
            .then_rate_limited(Duration::from_secs(7))
            .then_output(running())
            .then_output(answer::<Op>("status", Some("COMPLETE"), json!({})))
            .mount()
            .unwrap();
        // With the client's retries (the default), the 429 is retried
        // inside the poll after its Retry-After; without them, the waiter
        // sees it and waits at least as long before the next poll.
        let mut client = server.client_builder();
        if !retries {
            client = client.retry(RetryPolicy::none());
        }
        let (events, record) = recorder();
        let done = Api::new(client.build().unwrap())
            .wait_for_sp_config_export("exp-1")
            .min_delay(Duration::from_secs(1))
            .jitter(Jitter::None)
            .on_poll(record)
            .await
            .unwrap();
        let events = events.lock().unwrap();
        let at: Vec<_> = events.iter().map(|e| e.elapsed).collect();
        let s = Duration::from_secs;
        if retries {
            // Poll 1 at 0 s; poll 2 at 1 s is answered 429, retried at 8 s.
            assert_eq!(done.polls, 3);
            assert_eq!(at, [s(0), s(8), s(10)]);
        } else {
            assert_eq!(done.polls, 4);
            assert_eq!(events[1].rate_limited, Some(s(7)));
            assert_eq!(
                events[1].next_delay,
                Some(s(7)),
                "max(backoff 2 s, Retry-After 7 s)"
            );
            // Then 4 s, the backoff after the third poll.
            assert_eq!(at, [s(0), s(1), s(8), s(12)]);
        }
    }
}

#[tokio::test(start_paused = true)]
async fn an_aggregation_whose_status_is_gone_is_read_from_its_task() {
    let server = MockServer::start().await.unwrap();
    let status = |s| {
        answer::<ops::GetAccountAggregationStatus>(
            "status",
            Some(s),
            json!({"processedAccounts": 40, "totalAccounts": 100}),
        )
    };
    let gone: ErrorResponseDto = sailpoint_isc::json::decode_slice(
        br#"{"detailCode": "404 Not found", "messages": [{"text": "aggregation not found"}]}"#,
    )
    .unwrap();
    server
        .rule::<ops::GetAccountAggregationStatus>()
        .path("id", "agg-1")
        .then_output(status("STARTED"))
        .times(2)
        .then_error(404, &gone)
        .expect(3)
        .mount()
        .unwrap();
    server
        .rule::<ops::GetTaskStatus>()
        .path("id", "agg-1")
        .then_output(answer::<ops::GetTaskStatus>(
            "completionStatus",
            Some("SUCCESS"),
            json!({}),
        ))
        .expect(1)
        .mount()
        .unwrap();
    let (events, record) = recorder();
    let done = api(&server)
        .wait_for_account_aggregation("agg-1")
        .on_poll(record)
        .await
        .unwrap();
    assert!(
        matches!(done.answer, AggregationOrTask::Task(_)),
        "{:?}",
        done.answer
    );
    assert_eq!(done.status.as_deref(), Some("SUCCESS"));
    assert_eq!(done.polls, 4, "two statuses, the 404, the task");
    let events = events.lock().unwrap();
    assert_eq!(
        (events[0].progress.done, events[0].progress.total),
        (Some(40), Some(100))
    );
    assert_eq!(
        events[2].next_delay, None,
        "the task is asked at once after the 404"
    );
    assert_eq!(events[3].elapsed, events[2].elapsed);
}

#[tokio::test(start_paused = true)]
async fn a_wait_exceeded_reports_time_polls_and_the_last_status() {
    type Op = ops::GetReportResult;
    let server = MockServer::start().await.unwrap();
    server
        .rule::<Op>()
        .then_output(answer::<Op>("status", Some("PENDING"), json!({})))
        .repeat()
        .mount()
        .unwrap();
    let err = api(&server)
        .wait_for_report("rep-1")
        .min_delay(Duration::from_secs(5))
        .max_delay(Duration::from_secs(20))
        .max_wait(Duration::from_secs(60))
        .jitter(Jitter::None)
        .await
        .unwrap_err();
    // Polls at 0, 5, 15, 35, 55 and (20 s would pass the cap) 60 s.
    match err {
        WaitError::Exceeded {
            elapsed,
            polls,
            last_status,
            ..
        } => {
            assert_eq!((elapsed, polls), (Duration::from_secs(60), 6));
            assert_eq!(last_status.as_deref(), Some("PENDING"));
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test(start_paused = true)]
async fn the_delays_slept_follow_the_backoff_rule() {
    type Op = ops::GetDeploy;
    let server = MockServer::start().await.unwrap();
    server
        .rule::<Op>()
        .then_output(answer::<Op>("status", Some("IN_PROGRESS"), json!({})))
        .times(7)
        .then_output(answer::<Op>("status", Some("COMPLETE"), json!({})))
        .mount()
        .unwrap();
    let fractions = [0.0, 0.3, 0.9, 0.5, 1.0, 0.2, 0.7];
    let jitter = move |n: u32| fractions[(n - 1) as usize];
    let (events, record) = recorder();
    let (min, max) = (Duration::from_secs(2), Duration::from_secs(40));
    api(&server)
        .wait_for_deploy("dep-1")
        .min_delay(min)
        .max_delay(max)
        .jitter(Jitter::With(Arc::new(jitter)))
        .on_poll(record)
        .await
        .unwrap();
    let events = events.lock().unwrap();
    let slept: Vec<Duration> = events
        .windows(2)
        .map(|w| w[1].elapsed - w[0].elapsed)
        .collect();
    let rule: Vec<Duration> = (1..=7u32)
        .map(|n| {
            let hi = (min * 2u32.pow(n - 1)).min(max);
            min + (hi - min).mul_f64(jitter(n))
        })
        .collect();
    assert_eq!(slept, rule);
}

#[tokio::test(start_paused = true)]
async fn a_failed_poll_is_the_calls_error() {
    type Op = ops::GetTaskStatus;
    let server = MockServer::start().await.unwrap();
    let bad: ErrorResponseDto =
        sailpoint_isc::json::decode_slice(br#"{"detailCode": "400.1 Bad Request"}"#).unwrap();
    server.rule::<Op>().then_error(400, &bad).mount().unwrap();
    match api(&server).wait_for_task("t-1").await {
        Err(WaitError::PollFailed {
            source: sailpoint_isc::Error::Api(e),
            ..
        }) => assert_eq!(e.status(), 400),
        other => panic!("{other:?}"),
    }
}
