//! A mock ISC tenant for the runtime tests: a real HTTP server on
//! 127.0.0.1 with an OAuth2 token endpoint that counts its requests, plus
//! hand-written requests the tests send through `Client::execute`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Form, Json, Router};
use sailpoint_isc::{Client, ClientBuilder, RateLimit, Request, RetryPolicy};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub const CLIENT_ID: &str = "test-client-id";
pub const CLIENT_SECRET: &str = "Sup3r-Secret-Client-Value";

/// SailPoint's error body, as the generated `ErrorResponseDto` decodes it.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorResponse {
    pub detail_code: Option<String>,
    pub tracking_id: Option<String>,
}

impl sailpoint_isc::json::Decode for ErrorResponse {
    fn decode(v: serde_json::Value) -> Result<Self, sailpoint_isc::json::DecodeError> {
        sailpoint_isc::json::decode_with_serde(v)
    }
}

/// `GET /v2024/thing/{id}`: idempotent. Error bodies decode as [`ErrorResponse`].
pub fn get_thing_request() -> Request {
    Request::get("/v2024/thing/{id}")
        .operation_id("getThing")
        .default_error_body::<ErrorResponse>()
}

/// `POST /v2024/set-password`: not idempotent.
pub fn set_password_request() -> Request {
    Request::post("/v2024/set-password")
        .operation_id("setPassword")
        .default_error_body::<ErrorResponse>()
}

/// A success body the tests decode.
#[derive(Debug, Deserialize, PartialEq)]
pub struct Thing {
    pub id: String,
}

impl sailpoint_isc::json::Decode for Thing {
    fn decode(v: serde_json::Value) -> Result<Self, sailpoint_isc::json::DecodeError> {
        sailpoint_isc::json::decode_with_serde(v)
    }
}

pub use crate::net::serve;

/// What the token endpoint answers.
#[derive(Clone, Debug)]
pub enum TokenReply {
    /// A token `token-N` (N counts requests) with this `expires_in`.
    Token { expires_in: Option<u64> },
    /// An error status and body.
    Fail(u16, String),
    /// A 200 whose body is this text.
    Raw(String),
}

/// A token endpoint at `POST /oauth/token` that counts its requests and
/// checks the form the client sends.
pub struct TokenEndpoint {
    requests: AtomicUsize,
    /// Replies in order; the last one repeats.
    replies: Mutex<Vec<TokenReply>>,
    delay: Duration,
    bad_forms: AtomicUsize,
}

impl TokenEndpoint {
    /// Always answers a token with `expires_in`.
    pub fn new(expires_in: u64) -> Arc<Self> {
        Self::replying(vec![TokenReply::Token {
            expires_in: Some(expires_in),
        }])
    }

    /// Answers `replies` in order, repeating the last.
    pub fn replying(replies: Vec<TokenReply>) -> Arc<Self> {
        Self::with_delay(replies, Duration::ZERO)
    }

    /// Like [`replying`](Self::replying), each answer after `delay`.
    pub fn with_delay(replies: Vec<TokenReply>, delay: Duration) -> Arc<Self> {
        Arc::new(TokenEndpoint {
            requests: AtomicUsize::new(0),
            replies: Mutex::new(replies),
            delay,
            bad_forms: AtomicUsize::new(0),
        })
    }

    /// Token requests received so far.
    pub fn count(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }

    /// Requests whose form was not the expected client-credentials form.
    pub fn bad_forms(&self) -> usize {
        self.bad_forms.load(Ordering::SeqCst)
    }

    /// The route, to merge into a test's router.
    pub fn router(self: &Arc<Self>) -> Router {
        Router::new()
            .route("/oauth/token", post(token_handler))
            .with_state(self.clone())
    }
}

async fn token_handler(
    State(ep): State<Arc<TokenEndpoint>>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let n = ep.requests.fetch_add(1, Ordering::SeqCst) + 1;
    let good = form.get("grant_type").map(String::as_str) == Some("client_credentials")
        && form.get("client_id").map(String::as_str) == Some(CLIENT_ID)
        && form.get("client_secret").map(String::as_str) == Some(CLIENT_SECRET)
        && form.len() == 3;
    if !good {
        ep.bad_forms.fetch_add(1, Ordering::SeqCst);
    }
    if !ep.delay.is_zero() {
        tokio::time::sleep(ep.delay).await;
    }
    let reply = {
        let mut replies = ep.replies.lock().unwrap_or_else(|e| e.into_inner());
        if replies.len() > 1 {
            replies.remove(0)
        } else {
            replies[0].clone()
        }
    };
    match reply {
        TokenReply::Token { expires_in } => {
            let mut body = serde_json::json!({
                "access_token": format!("token-{n}"),
                "token_type": "bearer",
            });
            if let Some(e) = expires_in {
                body["expires_in"] = e.into();
            }
            Json(body).into_response()
        }
        TokenReply::Fail(status, body) => (
            StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            [("content-type", "application/json")],
            body,
        )
            .into_response(),
        TokenReply::Raw(body) => body.into_response(),
    }
}

/// The bearer token of a request, if any.
pub fn bearer(headers: &axum::http::HeaderMap) -> Option<String> {
    headers
        .get("authorization")?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::to_owned)
}

/// Retry settings that keep the suite fast: short backoff, a 2 s cap on
/// `Retry-After`, a 5 s budget.
pub fn fast_retry() -> RetryPolicy {
    RetryPolicy::default()
        .with_max_attempts(4)
        .with_backoff_base(Duration::from_millis(20))
        .with_backoff_max(Duration::from_millis(100))
        .with_max_retry_after(Duration::from_secs(2))
        .with_max_elapsed(Duration::from_secs(5))
}

/// The rate limit of the runtime tests: on, so every call goes through
/// it, but raised far above ISC's 100 per 10 s, since tests such as the
/// pagination ones send hundreds of requests to one loopback server in a
/// second. `reliability/rate_limit.rs` tests the limit itself.
pub fn test_rate_limit() -> RateLimit {
    RateLimit::per(100_000, Duration::from_secs(10))
}

/// A builder for `base` with the test client credentials, [`fast_retry`]
/// and [`test_rate_limit`].
pub fn builder(base: &str) -> ClientBuilder {
    Client::builder()
        .base_url(base)
        .client_credentials(CLIENT_ID, CLIENT_SECRET)
        .request_timeout(Duration::from_secs(5))
        .retry(fast_retry())
        .rate_limit(test_rate_limit())
}

/// [`builder`], built.
pub fn client(base: &str) -> Client {
    builder(base).build().expect("a valid test configuration")
}

/// A counter shared between a test and its handlers.
#[derive(Clone, Default)]
pub struct Counter(Arc<AtomicUsize>);

impl Counter {
    /// Adds one and returns the new count.
    pub fn hit(&self) -> usize {
        self.0.fetch_add(1, Ordering::SeqCst) + 1
    }

    /// The count.
    pub fn get(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }
}
