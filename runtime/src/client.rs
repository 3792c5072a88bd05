//! The client that every generated method sends its request through, and
//! the send loop: token, send, retry (the policy is in `retry.rs`), bounded
//! body read.

use crate::__private::json::Decode;
use crate::auth::{AccessToken, TokenSource};
use crate::body::{read_limited, read_prefix, Limited};
use crate::error::{clip, excerpt, ApiError, DecodeError, Error, Result, MAX_ERROR_BODY};
use crate::request::{Body, Request};
use crate::retry::{self, Decision, Failure, RetryPolicy};
use bytes::Bytes;
use http::{HeaderMap, HeaderValue, StatusCode};
use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tracing::Instrument;

/// A configured connection to one ISC tenant. Cheap to clone; clones share
/// the connection pool and the token. Build one with [`Client::builder`] or
/// [`Client::from_env`].
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

/// Everything a [`Client`] holds; built by
/// [`ClientBuilder::build`](crate::ClientBuilder::build).
pub(crate) struct Inner {
    pub(crate) http: reqwest::Client,
    /// Tenant API URL without a trailing slash (`https://acme.api.identitynow.com`).
    pub(crate) base_url: String,
    pub(crate) tokens: Arc<dyn TokenSource>,
    pub(crate) request_timeout: Duration,
    pub(crate) retry: RetryPolicy,
    pub(crate) max_response_body: usize,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field("request_timeout", &self.inner.request_timeout)
            .field("retry", &self.inner.retry)
            .field("max_response_body", &self.inner.max_response_body)
            .finish_non_exhaustive()
    }
}

/// A response with a success status, body read in full.
pub(crate) struct Success {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
}

/// How one send ended when it did not succeed.
enum Failed {
    /// An error status; the body is kept for the error report.
    Status {
        status: StatusCode,
        headers: HeaderMap,
        raw: Bytes,
        retry_after: Option<Duration>,
    },
    /// No complete response.
    Transport(reqwest::Error),
}

impl Client {
    pub(crate) fn from_inner(inner: Inner) -> Self {
        Client {
            inner: Arc::new(inner),
        }
    }

    /// The tenant API URL this client talks to.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// Sends `req` and decodes a JSON success body as `T`. Generated methods
    /// call this; it is public so that hand-written extensions can too.
    pub async fn execute<T: Decode>(&self, req: Request) -> Result<T> {
        let op = req.op;
        let ok = self.send(req).await?;
        decode_success(op, &ok)
    }

    /// Sends `req` and decodes a JSON success body as `T`, or `None` when
    /// the success response has no body (an operation documenting `200` with
    /// a body and `204` without).
    pub async fn execute_optional<T: Decode>(&self, req: Request) -> Result<Option<T>> {
        let op = req.op;
        let ok = self.send(req).await?;
        if ok.status == http::StatusCode::NO_CONTENT || ok.body.iter().all(u8::is_ascii_whitespace)
        {
            return Ok(None);
        }
        decode_success(op, &ok).map(Some)
    }

    /// Sends `req` and returns the success body as it came (CSV, ZIP,
    /// images: operations whose success response is not JSON).
    pub async fn execute_bytes(&self, req: Request) -> Result<Bytes> {
        self.send(req).await.map(|ok| ok.body)
    }

    /// Sends `req` and ignores the success body (for `204 No Content`).
    pub async fn execute_empty(&self, req: Request) -> Result<()> {
        self.send(req).await.map(|_| ())
    }

    /// The one path every call takes: token, send, retry, bounded read.
    /// Runs inside a span naming the operation; never logs bodies or tokens.
    async fn send(&self, mut req: Request) -> Result<Success> {
        let op = req.op;
        if let Some(source) = req.encode_error.take() {
            return Err(Error::Encode {
                path: op.path,
                method: op.method.clone(),
                source,
            });
        }
        let span = tracing::info_span!(
            "sailpoint_isc.call",
            operation = op.id,
            method = %op.method,
            path = op.path,
        );
        self.send_with_retries(&req).instrument(span).await
    }

    async fn send_with_retries(&self, req: &Request) -> Result<Success> {
        let op = req.op;
        let inner = &*self.inner;
        let url = format!("{}{}{}", inner.base_url, op.base_path, req.render_path());
        let idempotent = retry::is_idempotent(&op.method);
        let started = Instant::now();
        // Every send, for `ApiError::attempts`.
        let mut sends = 0u32;
        // Sends the retry policy counts: the one replay after a 401 is not
        // a retry of a failure and does not use up an attempt.
        let mut attempts = 0u32;
        let mut replayed_after_401 = false;
        loop {
            sends += 1;
            attempts += 1;
            let token = inner.tokens.token().await?;
            let remaining = inner.retry.max_elapsed().saturating_sub(started.elapsed());
            if remaining.is_zero() {
                return Err(timeout(op, started));
            }
            let timeout_now = inner.request_timeout.min(remaining);
            let failed = match self.send_once(req, &url, &token, timeout_now).await {
                Ok(mut resp) => {
                    let status = resp.status();
                    tracing::debug!(attempt = sends, status = status.as_u16(), "response");
                    if status == StatusCode::UNAUTHORIZED && !replayed_after_401 {
                        replayed_after_401 = true;
                        inner.tokens.invalidate(&token);
                        let fresh = inner.tokens.token().await?;
                        // A source that hands out the same token again
                        // (a static token) would only earn another 401.
                        if fresh != token {
                            // Read the short body so the connection can be reused.
                            let _ = read_prefix(&mut resp, MAX_ERROR_BODY).await;
                            tracing::info!(
                                attempt = sends,
                                status = 401u16,
                                wait_reason = "token refresh",
                                "access token rejected; sending again with a new one"
                            );
                            attempts -= 1;
                            continue;
                        }
                    }
                    if status.is_success() {
                        match read_limited(&mut resp, inner.max_response_body).await {
                            Ok(Limited::Complete(body)) => {
                                return Ok(Success {
                                    status,
                                    headers: resp.headers().clone(),
                                    body,
                                })
                            }
                            Ok(Limited::TooLarge) => {
                                return Err(Error::ResponseTooLarge {
                                    path: op.path,
                                    method: op.method.clone(),
                                    status,
                                    limit: inner.max_response_body,
                                })
                            }
                            Err(e) => Failed::Transport(e),
                        }
                    } else {
                        let headers = resp.headers().clone();
                        let retry_after = retry::retry_after(&headers);
                        let raw = read_prefix(&mut resp, MAX_ERROR_BODY).await;
                        Failed::Status {
                            status,
                            headers,
                            raw,
                            retry_after,
                        }
                    }
                }
                Err(e) => Failed::Transport(e),
            };
            let failure = match &failed {
                Failed::Status {
                    status,
                    retry_after,
                    ..
                } => Failure::Status {
                    status: *status,
                    retry_after: *retry_after,
                },
                Failed::Transport(e) => {
                    tracing::debug!(attempt = sends, error = %e, timeout = e.is_timeout(), "no complete response");
                    Failure::Transport
                }
            };
            let decision = inner.retry.decide(
                idempotent,
                &failure,
                attempts,
                started.elapsed(),
                retry::jitter(),
            );
            match decision {
                Decision::Retry { wait, reason } => {
                    tracing::info!(
                        attempt = sends,
                        status = status_of(&failed),
                        wait_ms = wait.as_millis() as u64,
                        wait_reason = reason.as_str(),
                        "retrying"
                    );
                    tokio::time::sleep(wait).await;
                }
                Decision::Stop(why) => {
                    tracing::debug!(
                        attempt = sends,
                        status = status_of(&failed),
                        reason = why.as_str(),
                        "giving up"
                    );
                    return Err(match failed {
                        Failed::Status {
                            status,
                            headers,
                            raw,
                            ..
                        } => api_error(op, status, headers, raw, sends),
                        Failed::Transport(e) => transport(op, e, started),
                    });
                }
            }
        }
    }

    /// One send of `req`.
    async fn send_once(
        &self,
        req: &Request,
        url: &str,
        token: &AccessToken,
        timeout: Duration,
    ) -> std::result::Result<reqwest::Response, reqwest::Error> {
        let op = req.op;
        let mut rb = self
            .inner
            .http
            .request(op.method.clone(), url)
            .timeout(timeout)
            .bearer_auth(token.secret())
            .header(http::header::ACCEPT, req.accept);
        if !req.query.is_empty() {
            rb = rb.query(&req.query);
        }
        for (name, value) in &req.headers {
            rb = rb.header(*name, value.as_str());
        }
        match &req.body {
            // `Bytes` clones share the buffer: a retry re-sends identical bytes.
            Some(Body::Json(bytes, content_type)) => {
                rb = rb
                    .header(http::header::CONTENT_TYPE, *content_type)
                    .body(bytes.clone());
            }
            Some(Body::Multipart(parts)) => rb = rb.multipart(crate::multipart::form(parts)),
            None => {}
        }
        rb.send().await
    }
}

/// The status of a failed send, or 0 when there was no response (a tracing
/// field).
fn status_of(failed: &Failed) -> u16 {
    match failed {
        Failed::Status { status, .. } => status.as_u16(),
        Failed::Transport(_) => 0,
    }
}

fn timeout(op: &crate::request::Operation, started: Instant) -> Error {
    Error::Timeout {
        path: op.path,
        method: op.method.clone(),
        elapsed: started.elapsed(),
    }
}

fn transport(op: &crate::request::Operation, e: reqwest::Error, started: Instant) -> Error {
    if e.is_timeout() {
        timeout(op, started)
    } else {
        Error::Transport {
            path: op.path,
            method: op.method.clone(),
            source: e,
        }
    }
}

/// Decodes a success body as `T`, or the typed decode error.
fn decode_success<T: Decode>(op: &'static crate::request::Operation, ok: &Success) -> Result<T> {
    decode_json::<T>(&ok.body).map_err(|e| {
        Error::Decode(Box::new(DecodeError {
            operation: op.id,
            method: op.method.clone(),
            path: op.path,
            status: ok.status,
            content_type: header_str(&ok.headers, "content-type"),
            excerpt: excerpt(&ok.body),
            // serde quotes the offending value (`invalid type: string "…"`),
            // which may be as long as the body: keep the start.
            field: clip(&e.0).into_owned(),
            message: clip(&e.1).into_owned(),
        }))
    })
}

/// Decodes `body` as `T`, or says which field failed and why.
fn decode_json<T: Decode>(body: &[u8]) -> std::result::Result<T, (String, String)> {
    crate::__private::json::decode_slice(body).map_err(|e| (e.path(), e.message().to_owned()))
}

fn header_str(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .and_then(|v: &HeaderValue| v.to_str().ok())
        .map(str::to_owned)
}

/// Builds the typed API error: the documented body type for this status, plus
/// SailPoint's `trackingId`, `detailCode` and first message read generically so
/// they are there even when the body does not match its documented type.
pub(crate) fn api_error(
    op: &'static crate::request::Operation,
    status: StatusCode,
    headers: HeaderMap,
    raw: Bytes,
    attempts: u32,
) -> Error {
    let body = op
        .error_decoder(status.as_u16())
        .and_then(|d| (d.decode)(&raw));
    let json: Option<serde_json::Value> = serde_json::from_slice(&raw).ok();
    let field = |k: &str| {
        json.as_ref()
            .and_then(|j| j.get(k))
            .and_then(|v| v.as_str())
            .map(str::to_owned)
    };
    let message = json
        .as_ref()
        .and_then(|j| j.pointer("/messages/0/text"))
        .and_then(|v| v.as_str())
        .map(str::to_owned)
        .or_else(|| field("message"))
        .or_else(|| field("error_description"))
        .or_else(|| field("error"));
    let retry_after = retry::retry_after(&headers);
    Error::Api(Box::new(ApiError {
        operation: op.id,
        method: op.method.clone(),
        path: op.path,
        status,
        tracking_id: field("trackingId"),
        detail_code: field("detailCode"),
        message,
        retry_after,
        headers,
        raw,
        body,
        attempts,
    }))
}
