//! Retries against a real loopback server that answers from a script and
//! records every request: Retry-After in both forms, no re-sent POST after an
//! ambiguous failure, typed errors when retries run out, bounded bodies.

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::Router;
use sailpoint_isc::{Client, Error, RetryPolicy, MAX_ERROR_BODY};
use sailpoint_isc_tests::tenant::{
    builder, client, fast_retry, get_thing_request, serve, set_password_request, ErrorResponse,
    Thing, TokenEndpoint,
};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

/// One scripted answer.
#[derive(Clone, Debug)]
enum Reply {
    /// `{"id":"42"}`.
    Ok,
    /// A status with an optional `Retry-After` value and a body.
    Status(u16, Option<&'static str>, &'static str),
    /// 429 with `Retry-After` as an HTTP-date this far in the future.
    RetryAt(Duration),
    /// A 200 whose body is cut off mid-way by the server.
    Cut,
    /// A 200 of `n` bytes with a `Content-Length`.
    Big(usize),
    /// A 200 of `n` bytes without a `Content-Length` (chunked).
    Streamed(usize),
}

/// A request as the server saw it.
#[derive(Clone, Debug)]
struct Hit {
    at: Instant,
    wall: SystemTime,
    method: Method,
    body: Bytes,
    /// For `RetryAt`: the date the server asked for.
    asked_until: Option<SystemTime>,
}

#[derive(Clone)]
struct Script {
    replies: Arc<Mutex<Vec<Reply>>>,
    hits: Arc<Mutex<Vec<Hit>>>,
}

impl Script {
    fn hits(&self) -> Vec<Hit> {
        self.hits.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

async fn scripted(State(s): State<Script>, method: Method, body: Bytes) -> Response {
    let reply = {
        let mut replies = s.replies.lock().unwrap_or_else(|e| e.into_inner());
        if replies.len() > 1 {
            replies.remove(0)
        } else {
            replies[0].clone()
        }
    };
    let mut hit = Hit {
        at: Instant::now(),
        wall: SystemTime::now(),
        method,
        body,
        asked_until: None,
    };
    let response = match reply {
        Reply::Ok => ([("content-type", "application/json")], r#"{"id":"42"}"#).into_response(),
        Reply::Status(status, retry_after, body) => {
            let status = StatusCode::from_u16(status).expect("a valid status");
            let mut resp = (status, [("content-type", "application/json")], body).into_response();
            if let Some(v) = retry_after {
                resp.headers_mut()
                    .insert("retry-after", v.parse().expect("header value"));
            }
            resp
        }
        Reply::RetryAt(after) => {
            let date = httpdate::fmt_http_date(SystemTime::now() + after);
            // What the client is asked to wait for: the date as written
            // (whole seconds).
            hit.asked_until = Some(httpdate::parse_http_date(&date).expect("own date"));
            (StatusCode::TOO_MANY_REQUESTS, [("retry-after", date)], "{}").into_response()
        }
        Reply::Cut => {
            let chunks: Vec<Result<Bytes, std::io::Error>> = vec![
                Ok(Bytes::from_static(br#"{"id":"4"#)),
                Err(std::io::Error::other("connection cut")),
            ];
            Body::from_stream(futures_util::stream::iter(chunks)).into_response()
        }
        Reply::Big(n) => vec![b'x'; n].into_response(),
        Reply::Streamed(n) => {
            let chunks: Vec<Result<Bytes, std::io::Error>> = (0..n / 1024)
                .map(|_| Ok(Bytes::from(vec![b'x'; 1024])))
                .collect();
            Body::from_stream(futures_util::stream::iter(chunks)).into_response()
        }
    };
    s.hits.lock().unwrap_or_else(|e| e.into_inner()).push(hit);
    response
}

/// A tenant answering both test operations from `replies`.
async fn tenant(replies: Vec<Reply>) -> (String, Script) {
    let script = Script {
        replies: Arc::new(Mutex::new(replies)),
        hits: Arc::default(),
    };
    let router = Router::new()
        .route("/v2024/thing/{id}", any(scripted))
        .route("/v2024/set-password", any(scripted))
        .with_state(script.clone())
        .merge(TokenEndpoint::new(749).router());
    (serve(router).await, script)
}

async fn get_thing(client: &Client) -> Result<Thing, Error> {
    client
        .execute::<Thing>(get_thing_request().path("id", "42"))
        .await
}

async fn set_password(client: &Client) -> Result<Thing, Error> {
    let body = serde_json::json!({ "identityId": "abc", "encryptedPassword": "XYZ==" });
    client
        .execute::<Thing>(set_password_request().json(&body))
        .await
}

fn api_error(err: Error) -> Box<sailpoint_isc::ApiError> {
    match err {
        Error::Api(e) => e,
        other => panic!("expected an API error, got {other:?}"),
    }
}

#[tokio::test]
async fn retry_after_seconds_is_waited_for_then_the_post_is_resent() {
    let (base, script) = tenant(vec![Reply::Status(429, Some("1"), "{}"), Reply::Ok]).await;
    let started = Instant::now();
    set_password(&client(&base))
        .await
        .expect("second attempt succeeds");
    let elapsed = started.elapsed();
    let hits = script.hits();
    assert_eq!(hits.len(), 2, "a 429 POST is re-sent: it was not processed");
    let waited = hits[1].at - hits[0].at;
    assert!(waited >= Duration::from_secs(1), "waited {waited:?}");
    assert!(
        elapsed < Duration::from_secs(2),
        "within the 2 s cap: {elapsed:?}"
    );
    assert_eq!(hits[0].body, hits[1].body, "identical bytes re-sent");
    assert!(hits.iter().all(|h| h.method == Method::POST));
}

#[tokio::test]
async fn retry_after_http_date_is_waited_for() {
    let (base, script) = tenant(vec![Reply::RetryAt(Duration::from_secs(2)), Reply::Ok]).await;
    let started = Instant::now();
    get_thing(&client(&base))
        .await
        .expect("second attempt succeeds");
    let elapsed = started.elapsed();
    let hits = script.hits();
    assert_eq!(hits.len(), 2);
    let asked = hits[0].asked_until.expect("a date was sent");
    assert!(
        hits[1].wall >= asked,
        "re-sent at {:?}, asked for {:?}",
        hits[1].wall,
        asked
    );
    assert!(
        elapsed <= Duration::from_millis(2500),
        "within the cap: {elapsed:?}"
    );
}

#[tokio::test]
async fn a_503_with_retry_after_is_retried_even_for_a_post() {
    let (base, script) = tenant(vec![Reply::Status(503, Some("0"), "{}"), Reply::Ok]).await;
    set_password(&client(&base)).await.expect("retried");
    assert_eq!(script.hits().len(), 2);
}

#[tokio::test]
async fn a_retry_after_over_the_cap_fails_at_once_with_the_servers_wait() {
    let (base, script) = tenant(vec![Reply::Status(429, Some("30"), "{}"), Reply::Ok]).await;
    let started = Instant::now();
    let err = api_error(get_thing(&client(&base)).await.expect_err("not waited"));
    assert!(started.elapsed() < Duration::from_secs(1));
    assert_eq!(err.status(), 429);
    assert_eq!(err.retry_after(), Some(Duration::from_secs(30)));
    assert_eq!(err.attempts(), 1);
    assert_eq!(script.hits().len(), 1);
}

#[tokio::test]
async fn retries_exhausted_give_the_typed_429_with_its_retry_after() {
    let body = r#"{"detailCode":"429 Too Many Requests","trackingId":"abc123","messages":[{"text":"Rate limit exceeded"}]}"#;
    let (base, script) = tenant(vec![Reply::Status(429, Some("0"), body)]).await;
    let client = builder(&base)
        .retry(fast_retry().with_max_attempts(3))
        .build()
        .expect("config");
    let err = api_error(get_thing(&client).await.expect_err("always 429"));
    assert_eq!(script.hits().len(), 3);
    assert_eq!(err.status(), 429);
    assert_eq!(err.attempts(), 3);
    assert_eq!(err.retry_after(), Some(Duration::ZERO));
    assert_eq!(err.tracking_id(), Some("abc123"));
    assert_eq!(err.raw_body(), body.as_bytes());
    let decoded = err.body::<ErrorResponse>().expect("typed body");
    assert_eq!(
        decoded.detail_code.as_deref(),
        Some("429 Too Many Requests")
    );
    assert_eq!(
        err.to_string(),
        "GET /v2024/thing/{id}: 429 Too Many Requests (trackingId abc123, \
         429 Too Many Requests: Rate limit exceeded, retry after 0s)"
    );
}

#[tokio::test]
async fn the_time_budget_ends_retries() {
    let (base, script) = tenant(vec![Reply::Status(429, Some("1"), "{}")]).await;
    let client = builder(&base)
        .retry(fast_retry().with_max_elapsed(Duration::from_millis(500)))
        .build()
        .expect("config");
    let started = Instant::now();
    let err = api_error(get_thing(&client).await.expect_err("budget"));
    assert!(started.elapsed() < Duration::from_secs(1));
    assert_eq!(err.retry_after(), Some(Duration::from_secs(1)));
    assert_eq!(script.hits().len(), 1);
}

#[tokio::test]
async fn a_post_answered_502_is_not_resent() {
    let (base, script) = tenant(vec![Reply::Status(502, None, "bad gateway"), Reply::Ok]).await;
    let err = api_error(set_password(&client(&base)).await.expect_err("502"));
    assert_eq!(err.status(), 502);
    assert_eq!(err.attempts(), 1);
    assert_eq!(script.hits().len(), 1);
}

#[tokio::test]
async fn a_post_answered_503_without_retry_after_is_not_resent() {
    let (base, script) = tenant(vec![Reply::Status(503, None, "{}"), Reply::Ok]).await;
    set_password(&client(&base)).await.expect_err("503");
    assert_eq!(script.hits().len(), 1);
}

#[tokio::test]
async fn a_get_answered_502_or_504_is_retried() {
    let (base, script) = tenant(vec![
        Reply::Status(502, None, "bad gateway"),
        Reply::Status(504, None, "timeout"),
        Reply::Ok,
    ])
    .await;
    let thing = get_thing(&client(&base)).await.expect("third attempt");
    assert_eq!(thing.id, "42");
    assert_eq!(script.hits().len(), 3);
}

#[tokio::test]
async fn a_post_cut_mid_response_is_not_resent() {
    let (base, script) = tenant(vec![Reply::Cut, Reply::Ok]).await;
    let err = set_password(&client(&base)).await.expect_err("cut");
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert_eq!(script.hits().len(), 1);
}

#[tokio::test]
async fn a_get_cut_mid_response_is_retried() {
    let (base, script) = tenant(vec![Reply::Cut, Reply::Ok]).await;
    let thing = get_thing(&client(&base)).await.expect("second attempt");
    assert_eq!(thing.id, "42");
    assert_eq!(script.hits().len(), 2);
}

#[tokio::test]
async fn other_errors_are_not_retried() {
    for status in [400, 403, 404, 409, 500] {
        let (base, script) = tenant(vec![Reply::Status(status, None, "{}"), Reply::Ok]).await;
        let err = api_error(get_thing(&client(&base)).await.expect_err("error"));
        assert_eq!(err.status(), status);
        assert_eq!(script.hits().len(), 1, "{status}");
    }
}

#[tokio::test]
async fn a_refused_connection_is_retried_for_a_get() {
    // A port that was just free: nothing listens there.
    let port = sailpoint_isc_tests::net::unused_port();
    let client = Client::builder()
        .base_url(format!("http://127.0.0.1:{port}"))
        .bearer_token("t")
        .retry(fast_retry().with_max_attempts(3))
        .build()
        .expect("config");
    let started = Instant::now();
    let err = get_thing(&client).await.expect_err("nothing listens");
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    // Two backoff waits of at least 10 and 20 ms: the GET was retried.
    assert!(started.elapsed() >= Duration::from_millis(30));
}

#[tokio::test]
async fn a_connection_closed_before_the_response_resends_a_get_not_a_post() {
    use std::sync::atomic::Ordering;
    let (base, accepted) = sailpoint_isc_tests::net::hang_up_server().await;
    let client = Client::builder()
        .base_url(base)
        .bearer_token("t")
        .retry(fast_retry().with_max_attempts(3))
        .build()
        .expect("config");
    let err = set_password(&client).await.expect_err("hung up");
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert_eq!(accepted.load(Ordering::SeqCst), 1, "the POST was sent once");
    let err = get_thing(&client).await.expect_err("hung up");
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert_eq!(
        accepted.load(Ordering::SeqCst),
        4,
        "the GET was sent 3 times"
    );
}

#[tokio::test]
async fn a_slow_response_is_a_timeout() {
    async fn slow() -> &'static str {
        tokio::time::sleep(Duration::from_millis(1500)).await;
        r#"{"id":"42"}"#
    }
    let router = Router::new()
        .route("/v2024/thing/{id}", any(slow))
        .merge(TokenEndpoint::new(749).router());
    let base = serve(router).await;
    let client = builder(&base)
        .request_timeout(Duration::from_millis(200))
        .retry(RetryPolicy::none())
        .build()
        .expect("config");
    let started = Instant::now();
    let err = get_thing(&client).await.expect_err("too slow");
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert!(started.elapsed() < Duration::from_secs(1));
}

#[tokio::test]
async fn success_bodies_are_bounded() {
    for reply in [Reply::Big(4096), Reply::Streamed(64 * 1024)] {
        let (base, _) = tenant(vec![reply.clone()]).await;
        let client = builder(&base)
            .max_response_body(2048)
            .build()
            .expect("config");
        let err = get_thing(&client).await.expect_err("too large");
        assert!(
            matches!(err, Error::ResponseTooLarge { limit: 2048, .. }),
            "{reply:?}: {err:?}"
        );
    }
}

#[tokio::test]
async fn error_bodies_keep_a_bounded_prefix() {
    static HUGE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let huge: &'static str = HUGE.get_or_init(|| "x".repeat(MAX_ERROR_BODY * 4));
    let (base, _) = tenant(vec![Reply::Status(500, None, huge)]).await;
    let err = api_error(get_thing(&client(&base)).await.expect_err("500"));
    assert_eq!(err.raw_body().len(), MAX_ERROR_BODY);
    assert!(err.to_string().len() < 1024, "Display stays one short line");
}
