//! The engine and the families on tokio's paused clock, with polls that
//! answer from a script (the loopback tests through generated bindings
//! are in tests/full-specs/v2024/tests/waiters.rs).

use super::*;
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::time::Instant;

/// A wait whose polls answer `answers` in order (the last one repeats),
/// recording when each poll was made.
fn scripted(
    family: &'static Family,
    answers: Vec<Value>,
    at: Arc<Mutex<Vec<Duration>>>,
) -> Waiter<Value> {
    let start = Instant::now();
    let answers = Arc::new(answers);
    let mut n = 0usize;
    Waiter::new(
        move || {
            at.lock().unwrap().push(start.elapsed());
            let a = answers[n.min(answers.len() - 1)].clone();
            n += 1;
            async move { Ok::<_, crate::Error>(a) }
        },
        move |v: &Value| family.observe(v),
    )
    .policy(family.policy)
    .named(family.name)
}

#[tokio::test(start_paused = true)]
async fn delays_slept_follow_the_backoff_rule() {
    let at = Arc::new(Mutex::new(Vec::new()));
    let mut answers = vec![json!({"completionStatus": null}); 6];
    answers.push(json!({"completionStatus": "SUCCESS"}));
    let events = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&events);
    let jitter = |n: u32| [0.0, 0.5, 1.0, 0.25, 0.75, 0.1][(n as usize - 1) % 6];
    let done = scripted(&TASK, answers, Arc::clone(&at))
        .min_delay(Duration::from_secs(2))
        .max_delay(Duration::from_secs(20))
        .jitter(Jitter::With(Arc::new(jitter)))
        .on_poll(move |e| seen.lock().unwrap().push(e.clone()))
        .await
        .unwrap();
    assert_eq!(done.polls, 7);
    let policy = WaitPolicy::new(
        Duration::from_secs(2),
        Duration::from_secs(20),
        TASK.policy.max_wait,
    );
    // The rule: after poll n, lo + (hi - lo) × jitter(n) with lo = 2 s and
    // hi = min(20 s, 2 s × 2ⁿ⁻¹).
    let expected: Vec<Duration> = (1..=6)
        .map(|n| {
            let hi = Duration::from_secs(2 * (1 << (n - 1))).min(Duration::from_secs(20));
            Duration::from_secs(2) + (hi - Duration::from_secs(2)).mul_f64(jitter(n))
        })
        .collect();
    let policy_says: Vec<Duration> = (1..=6)
        .map(|n| policy.delay(n, &Jitter::With(Arc::new(jitter))))
        .collect();
    assert_eq!(expected, policy_says);
    let at = at.lock().unwrap().clone();
    let slept: Vec<Duration> = at.windows(2).map(|w| w[1] - w[0]).collect();
    assert_eq!(slept, expected, "time between polls on the paused clock");
    let events = events.lock().unwrap();
    let announced: Vec<Duration> = events.iter().filter_map(|e| e.next_delay).collect();
    assert_eq!(announced, expected);
    assert_eq!(events.last().unwrap().state, State::Finished);
    assert_eq!(done.elapsed, *at.last().unwrap());
}

#[tokio::test(start_paused = true)]
async fn wait_exceeded_reports_its_figures_and_polls_at_the_cap() {
    let at = Arc::new(Mutex::new(Vec::new()));
    let err = scripted(
        &SP_CONFIG_EXPORT,
        vec![json!({"status": "IN_PROGRESS"})],
        Arc::clone(&at),
    )
    .policy(WaitPolicy::new(
        Duration::from_secs(10),
        Duration::from_secs(40),
        Duration::from_secs(100),
    ))
    .jitter(Jitter::None)
    .await
    .unwrap_err();
    // Polls at 0, 10, 30, 70 s; then 30 s are left of the cap (not 40): the
    // last poll is at 100 s.
    let at = at.lock().unwrap().clone();
    assert_eq!(at, [0, 10, 30, 70, 100].map(Duration::from_secs));
    match err {
        WaitError::Exceeded {
            elapsed,
            polls,
            last_status,
            job,
        } => {
            assert_eq!((elapsed, polls), (Duration::from_secs(100), 5));
            assert_eq!(last_status.as_deref(), Some("IN_PROGRESS"));
            assert_eq!(job, "sp-config export");
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test(start_paused = true)]
async fn unknown_and_missing_statuses_are_running_and_kept() {
    let at = Arc::new(Mutex::new(Vec::new()));
    let events = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&events);
    let done = scripted(
        &TASK,
        vec![
            json!({}),
            json!({"completionStatus": "Executing", "percentComplete": 40, "progress": "40 of 100"}),
            json!({"completionStatus": "Success", "percentComplete": 100}),
        ],
        at,
    )
    .jitter(Jitter::Fixed(0.0))
    .on_poll(move |e| seen.lock().unwrap().push((e.state, e.status.clone(), e.progress.clone())))
    .await
    .unwrap();
    assert_eq!(done.status.as_deref(), Some("Success"));
    let events = events.lock().unwrap();
    assert_eq!(events[0].0, State::Running);
    assert_eq!(events[0].1, None);
    assert_eq!(events[1].1.as_deref(), Some("Executing"));
    assert_eq!(events[1].2.percent, Some(40.0));
    assert_eq!(events[1].2.text.as_deref(), Some("40 of 100"));
    assert_eq!(events[2].0, State::Finished);
}

#[test]
fn vocabulary_per_family() {
    use State::*;
    for (family, status, state) in [
        (&TASK, "SUCCESS", Finished),
        (&TASK, "success", Finished),
        (&TASK, "WARNING", Finished),
        (&TASK, "TEMPERROR", Failed),
        (&TASK, "TEMP_ERROR", Failed),
        (&TASK, "Terminated", Failed),
        (&TASK, "Executing", Running),
        (&ACCOUNT_AGGREGATION, "COMPLETED", Finished),
        (&ACCOUNT_AGGREGATION, "ACCOUNTS_COLLECTED", Running),
        (&ACCOUNT_AGGREGATION, "CANCELLED", Failed),
        (&SP_CONFIG_EXPORT, "COMPLETE", Finished),
        (&SP_CONFIG_EXPORT, "NOT_STARTED", Running),
        (&SP_CONFIG_IMPORT, "FAILED", Failed),
        (&REPORT, "FAILURE", Failed),
        (&REPORT, "WARNING", Finished),
        (&PASSWORD_CHANGE, "FINISHED", Finished),
        (&PASSWORD_CHANGE, "IN_PROGRESS", Running),
        (&NON_EMPLOYEE_BULK_UPLOAD, "ERROR", Failed),
        (&ROLE_BULK_UPDATE, "CHUNK_PROCESSING", Running),
        (&DEPLOY, "COMPLETE", Finished),
    ] {
        assert_eq!(
            family.classify(Some(status)),
            state,
            "{} {status}",
            family.name
        );
    }
    assert_eq!(TASK.classify(None), Running);
}

#[test]
fn messages_and_warnings_are_read_from_the_answer() {
    let task = json!({
        "completionStatus": "WARNING",
        "messages": [
            {"type": "WARN", "localizedText": {"locale": "en-US", "message": "2 accounts skipped"}},
            {"type": "INFO", "localizedText": {"locale": "en-US", "message": "done"}},
        ]
    });
    let o = TASK.observe(&task);
    assert_eq!(o.state, State::Finished);
    assert_eq!(o.messages, ["2 accounts skipped", "done"]);
    assert_eq!(o.warnings, ["2 accounts skipped"]);
    let pw = json!({"state": "FAILED", "errors": ["The password is too short"]});
    let o = PASSWORD_CHANGE.observe(&pw);
    assert_eq!(
        (o.state, o.messages.clone()),
        (State::Failed, vec!["The password is too short".to_owned()])
    );
    let agg = json!({"status": "STARTED", "processedAccounts": 30, "totalAccounts": 120});
    let o = ACCOUNT_AGGREGATION.observe(&agg);
    assert_eq!((o.progress.done, o.progress.total), (Some(30), Some(120)));
}

#[tokio::test(start_paused = true)]
async fn a_failed_job_keeps_its_messages() {
    let at = Arc::new(Mutex::new(Vec::new()));
    let err = scripted(
        &SP_CONFIG_IMPORT,
        vec![
            json!({"status": "IN_PROGRESS"}),
            json!({"status": "FAILED", "message": "bad object"}),
        ],
        at,
    )
    .await
    .unwrap_err();
    assert_eq!(err.to_string(), "sp-config import ended FAILED: bad object");
    assert!(matches!(err, WaitError::Failed { polls: 2, .. }));
}

#[tokio::test(start_paused = true)]
async fn dropping_the_wait_stops_polling() {
    let at = Arc::new(Mutex::new(Vec::new()));
    let wait = scripted(&TASK, vec![json!({})], Arc::clone(&at)).jitter(Jitter::None);
    let r = tokio::time::timeout(
        Duration::from_secs(5),
        std::future::IntoFuture::into_future(wait),
    )
    .await;
    assert!(r.is_err());
    let polls = at.lock().unwrap().len();
    tokio::time::sleep(Duration::from_secs(600)).await;
    assert_eq!(at.lock().unwrap().len(), polls, "no poll after the drop");
}
