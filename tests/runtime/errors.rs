//! `Error::status`, `is_not_found` and `is_rate_limited` on real answers
//! from a loopback server: a 404, and a 429 with retries off, with retries
//! run out, and with the retry budget spent.

use sailpoint_isc::{Client, ClientBuilder, Error, RetryBudget, RetryPolicy};
use sailpoint_isc_tests::scripted::{Reply, Scripted};
use serde_json::json;

#[allow(dead_code)]
mod api {
    sailpoint_isc::include_api!("ui/specs/calls.yaml");
}

fn api(base: &str, f: impl FnOnce(ClientBuilder) -> ClientBuilder) -> api::Api {
    let builder = Client::builder().base_url(base).bearer_token("test-token");
    api::Api::new(f(builder).build().expect("a valid test configuration"))
}

/// ISC's 429: `Retry-After: 0`, so that a retry waits nothing.
fn too_many() -> Reply {
    let mut reply = Reply::json(429, json!({ "message": " Rate Limit Exceeded " }));
    reply.headers.push(("retry-after".into(), "0".into()));
    reply
}

#[tokio::test]
async fn a_real_404_is_not_found() {
    let (server, base) = Scripted::start().await;
    server.reply(Reply::json(
        404,
        json!({ "detailCode": "404 Not found", "messages": [{ "text": "no such event" }] }),
    ));
    let err = api(&base, |b| b)
        .get_event("missing")
        .await
        .expect_err("a 404");
    assert!(err.is_not_found(), "{err:?}");
    assert!(!err.is_rate_limited());
    assert_eq!(err.status(), Some(http::StatusCode::NOT_FOUND));
    assert_eq!(server.take().len(), 1, "a 404 is not retried");
}

#[tokio::test]
async fn a_real_429_is_rate_limited_with_retries_off_or_run_out() {
    let (server, base) = Scripted::start().await;
    let api = api(&base, |b| {
        b.retry(RetryPolicy::default().with_max_attempts(3))
    });

    server.reply(too_many());
    let err = api
        .get_event("e1")
        .retry_policy(RetryPolicy::none())
        .await
        .expect_err("a 429 sent once");
    assert!(err.is_rate_limited() && !err.is_not_found(), "{err:?}");
    assert_eq!(err.status(), Some(http::StatusCode::TOO_MANY_REQUESTS));
    assert_eq!(server.take().len(), 1);

    for _ in 0..3 {
        server.reply(too_many());
    }
    let err = api.get_event("e1").await.expect_err("three 429s");
    assert!(
        matches!(&err, Error::Api(e) if e.attempts() == 3),
        "{err:?}"
    );
    assert!(err.is_rate_limited(), "{err:?}");
    assert_eq!(server.take().len(), 3);

    // A 503 is the service failing, not this client sending too much.
    server.reply(Reply::json(503, json!({})));
    let err = api
        .get_event("e1")
        .retry_policy(RetryPolicy::none())
        .await
        .expect_err("a 503");
    assert!(!err.is_rate_limited(), "{err:?}");
    assert_eq!(err.status(), Some(http::StatusCode::SERVICE_UNAVAILABLE));
}

#[tokio::test]
async fn a_429_when_the_retry_budget_is_spent_is_rate_limited() {
    let (server, base) = Scripted::start().await;
    let api = api(&base, |b| {
        b.retry_budget(RetryBudget::default().with_capacity(0))
    });
    server.reply(too_many());
    let err = api.get_event("e1").await.expect_err("no budget to retry");
    assert!(matches!(&err, Error::RetryBudgetSpent { .. }), "{err:?}");
    assert!(err.is_rate_limited() && !err.is_not_found(), "{err:?}");
    assert_eq!(err.status(), Some(http::StatusCode::TOO_MANY_REQUESTS));
    assert_eq!(server.take().len(), 1);
}
