//! A slow server on 127.0.0.1: timeouts fire as configured (per attempt,
//! for the whole retry budget, for a body that trickles, for the token
//! endpoint), and a call whose future is dropped mid-request (a timeout or
//! `select!` in the caller) leaves the client usable, also when it was
//! dropped while fetching the shared token or waiting to retry.

use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use sailpoint_isc::v2024::PasswordChangeRequest;
use sailpoint_isc::{AuthError, Client, ClientBuilder, Error, RetryPolicy};
use sailpoint_isc_tests::net::serve;
use std::convert::Infallible;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Longer than any test waits: a request that gets it never completes.
const FOREVER: Duration = Duration::from_secs(30);

#[derive(Default)]
struct Counts {
    /// Requests to the API routes.
    api: AtomicUsize,
    /// Requests to the token endpoint.
    tokens: AtomicUsize,
    /// Handlers that stopped before answering: the client went away.
    abandoned: AtomicUsize,
    /// How many token requests, from the first, hang.
    slow_tokens: AtomicUsize,
}

/// Counts a handler that is dropped before it finishes.
struct Abandoned(Arc<Counts>, bool);

impl Drop for Abandoned {
    fn drop(&mut self) {
        if !self.1 {
            self.0.abandoned.fetch_add(1, Ordering::SeqCst);
        }
    }
}

type Shared = State<Arc<Counts>>;

async fn token(State(c): Shared) -> Response {
    let n = c.tokens.fetch_add(1, Ordering::SeqCst);
    if n < c.slow_tokens.load(Ordering::SeqCst) {
        tokio::time::sleep(FOREVER).await;
    }
    Json(serde_json::json!({ "access_token": format!("slow-token-{n}"), "expires_in": 3600 }))
        .into_response()
}

/// `GET /v2024/password-change-status/{id}`: `slow` never answers in time,
/// `trickle` sends its headers and then a byte every 100 ms, `limited` is
/// rate limited for a second, anything else answers at once.
async fn status(State(c): Shared, Path(id): Path<String>) -> Response {
    c.api.fetch_add(1, Ordering::SeqCst);
    let mut guard = Abandoned(c.clone(), false);
    let resp = match id.as_str() {
        "slow" => {
            tokio::time::sleep(FOREVER).await;
            StatusCode::GATEWAY_TIMEOUT.into_response()
        }
        "trickle" => {
            let bytes = futures_util::stream::unfold(0u32, |n| async move {
                tokio::time::sleep(Duration::from_millis(100)).await;
                let byte = if n == 0 { &b"{"[..] } else { &b" "[..] };
                Some((Ok::<_, Infallible>(Bytes::from_static(byte)), n + 1))
            });
            (
                [("content-type", "application/json")],
                Body::from_stream(bytes),
            )
                .into_response()
        }
        "limited" => (StatusCode::TOO_MANY_REQUESTS, [("retry-after", "1")], "{}").into_response(),
        _ => Json(serde_json::json!({ "requestId": id, "state": "FINISHED" })).into_response(),
    };
    guard.1 = true;
    resp
}

/// `POST /v2024/set-password`: never answers in time.
async fn set_password(State(c): Shared) -> Response {
    c.api.fetch_add(1, Ordering::SeqCst);
    let _guard = Abandoned(c.clone(), false);
    tokio::time::sleep(FOREVER).await;
    StatusCode::ACCEPTED.into_response()
}

/// Starts the server; returns a builder for it (client credentials, no
/// retries, 300 ms per attempt) and its counters.
async fn server() -> (ClientBuilder, Arc<Counts>) {
    let counts = Arc::new(Counts::default());
    let router = Router::new()
        .route("/oauth/token", post(token))
        .route("/v2024/password-change-status/{id}", get(status))
        .route("/v2024/set-password", post(set_password))
        .with_state(counts.clone());
    let builder = Client::builder()
        .base_url(serve(router).await)
        .client_credentials("slow-client", "slow-secret")
        .request_timeout(Duration::from_millis(300))
        .retry(RetryPolicy::none());
    (builder, counts)
}

/// Asserts `result` is [`Error::Timeout`] reached in `[at_least, at_least + 1.5 s)`.
fn timed_out<T: std::fmt::Debug>(
    result: sailpoint_isc::Result<T>,
    started: Instant,
    at_least: Duration,
) {
    let took = started.elapsed();
    match result {
        Err(Error::Timeout { elapsed, .. }) => {
            assert!(elapsed >= at_least, "reported {elapsed:?}");
            assert!(
                took >= at_least && took < at_least + Duration::from_millis(1500),
                "took {took:?} for a {at_least:?} timeout"
            );
        }
        other => panic!("expected a timeout, got {other:?}"),
    }
}

async fn get_status(client: &Client, id: &str) -> sailpoint_isc::Result<String> {
    let s = client.v2024().get_password_change_status(id).await?;
    Ok(s.request_id.unwrap_or_default())
}

#[tokio::test]
async fn a_slow_answer_times_out_after_the_request_timeout() {
    let (builder, counts) = server().await;
    let client = builder.build().expect("client");
    get_status(&client, "warm-up")
        .await
        .expect("token and a fast call");
    let started = Instant::now();
    timed_out(
        get_status(&client, "slow").await,
        started,
        Duration::from_millis(300),
    );
    assert_eq!(counts.api.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_timed_out_get_is_retried_and_a_timed_out_post_is_not() {
    let (builder, counts) = server().await;
    let client = builder
        .retry(
            RetryPolicy::default()
                .with_max_attempts(3)
                .with_backoff_base(Duration::from_millis(10))
                .with_backoff_max(Duration::from_millis(20)),
        )
        .build()
        .expect("client");
    get_status(&client, "warm-up").await.expect("warm-up");

    let started = Instant::now();
    timed_out(
        get_status(&client, "slow").await,
        started,
        Duration::from_millis(900),
    );
    assert_eq!(counts.api.load(Ordering::SeqCst), 1 + 3, "three attempts");

    // A POST that timed out may have been processed: it is not sent again.
    let started = Instant::now();
    let sent = client
        .v2024()
        .set_password(&PasswordChangeRequest::default())
        .await;
    timed_out(sent, started, Duration::from_millis(300));
    assert_eq!(counts.api.load(Ordering::SeqCst), 1 + 3 + 1, "one attempt");
}

#[tokio::test]
async fn the_retry_budget_bounds_the_whole_call() {
    let (builder, _) = server().await;
    let client = builder
        .request_timeout(Duration::from_secs(10))
        .retry(RetryPolicy::default().with_max_elapsed(Duration::from_millis(400)))
        .build()
        .expect("client");
    get_status(&client, "warm-up").await.expect("warm-up");
    let started = Instant::now();
    timed_out(
        get_status(&client, "slow").await,
        started,
        Duration::from_millis(400),
    );
}

#[tokio::test]
async fn a_body_that_trickles_times_out_too() {
    // The timeout covers the whole attempt, body included: a server that
    // sends its headers and then a byte now and then cannot hold a call.
    let (builder, _) = server().await;
    let client = builder
        .request_timeout(Duration::from_millis(500))
        .build()
        .expect("client");
    get_status(&client, "warm-up").await.expect("warm-up");
    let started = Instant::now();
    timed_out(
        get_status(&client, "trickle").await,
        started,
        Duration::from_millis(500),
    );
}

#[tokio::test]
async fn a_slow_token_endpoint_times_out_as_a_typed_auth_error() {
    let (builder, counts) = server().await;
    counts.slow_tokens.store(1, Ordering::SeqCst);
    let client = builder.build().expect("client");
    let started = Instant::now();
    match get_status(&client, "fast").await {
        Err(Error::Auth(AuthError::Transport(e))) => assert!(e.is_timeout(), "{e}"),
        other => panic!("expected the token request to time out, got {other:?}"),
    }
    assert!(started.elapsed() < Duration::from_millis(1500));
    assert_eq!(counts.api.load(Ordering::SeqCst), 0);
    // The failure is not cached: the next call asks again and succeeds.
    assert_eq!(
        get_status(&client, "fast").await.expect("second token"),
        "fast"
    );
    assert_eq!(counts.tokens.load(Ordering::SeqCst), 2);
}

/// Waits until the server has seen `n` abandoned handlers.
async fn abandoned(counts: &Counts, n: usize) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while counts.abandoned.load(Ordering::SeqCst) < n {
        assert!(
            Instant::now() < deadline,
            "{} of {n} cancelled requests reached the server as closed connections",
            counts.abandoned.load(Ordering::SeqCst)
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

#[tokio::test]
async fn a_dropped_call_leaves_the_client_usable() {
    let (builder, counts) = server().await;
    // A long request timeout: only the caller's own timeout cancels.
    let client = builder
        .request_timeout(Duration::from_secs(20))
        .build()
        .expect("client");
    get_status(&client, "warm-up").await.expect("warm-up");

    // Cancelled by a timeout around the call.
    let cancelled =
        tokio::time::timeout(Duration::from_millis(100), get_status(&client, "slow")).await;
    assert!(cancelled.is_err(), "the caller's timeout fired");
    let started = Instant::now();
    assert_eq!(
        get_status(&client, "next").await.expect("next call"),
        "next"
    );
    assert!(started.elapsed() < Duration::from_secs(1));

    // Cancelled by select!, the other branch winning.
    tokio::select! {
        r = get_status(&client, "slow") => panic!("the slow call finished: {r:?}"),
        _ = tokio::time::sleep(Duration::from_millis(100)) => {}
    }
    assert_eq!(get_status(&client, "again").await.expect("call"), "again");

    // Fifty cancelled at once, then fifty that succeed on the same client.
    let calls = (0..50).map(|_| get_status(&client, "slow"));
    let all = futures_util::future::join_all(calls);
    assert!(tokio::time::timeout(Duration::from_millis(200), all)
        .await
        .is_err());
    let calls = (0..50).map(|i| {
        let client = client.clone();
        async move { get_status(&client, &format!("ok-{i}")).await }
    });
    for (i, r) in futures_util::future::join_all(calls)
        .await
        .into_iter()
        .enumerate()
    {
        assert_eq!(r.expect("call after the cancellations"), format!("ok-{i}"));
    }
    // Every cancelled request closed its connection, so the server stopped
    // working on it; none was left in the pool half-read.
    abandoned(&counts, 52).await;
    assert_eq!(counts.tokens.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn a_call_dropped_while_fetching_the_token_does_not_block_the_next() {
    // The first token request hangs; its call is dropped while holding the
    // token cache's fetch lock. The next call must fetch a token itself.
    let (builder, counts) = server().await;
    counts.slow_tokens.store(1, Ordering::SeqCst);
    let client = builder
        .request_timeout(Duration::from_secs(20))
        .build()
        .expect("client");
    let cancelled =
        tokio::time::timeout(Duration::from_millis(100), get_status(&client, "first")).await;
    assert!(cancelled.is_err());
    let started = Instant::now();
    assert_eq!(get_status(&client, "second").await.expect("call"), "second");
    assert!(started.elapsed() < Duration::from_secs(1));
    assert_eq!(counts.tokens.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_call_dropped_while_waiting_to_retry_does_not_block_the_next() {
    let (builder, counts) = server().await;
    let client = builder
        .retry(RetryPolicy::default().with_max_attempts(3))
        .build()
        .expect("client");
    get_status(&client, "warm-up").await.expect("warm-up");
    // 429 with Retry-After: 1, so the call sleeps a second before its retry;
    // it is dropped during that sleep.
    let cancelled =
        tokio::time::timeout(Duration::from_millis(200), get_status(&client, "limited")).await;
    assert!(cancelled.is_err());
    assert_eq!(get_status(&client, "next").await.expect("call"), "next");
    tokio::time::sleep(Duration::from_millis(1200)).await;
    // The dropped call never came back for its retry.
    assert_eq!(counts.api.load(Ordering::SeqCst), 3);
}
