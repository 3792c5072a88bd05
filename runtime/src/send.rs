//! One API call as small steps: check the request, then in the one retry
//! loop ([`retry::run`]) get a token, send, and classify the response; when
//! the loop stops, turn the last failure into the typed error.

use crate::auth::{AccessToken, TokenSource};
use crate::error::{ApiError, Error, Result, MAX_ERROR_BODY};
use crate::limit::{CallLimits, Limits, TOKEN_WINDOW};
use crate::request::{Body, Request, Target};
use crate::response_body::{read_limited, read_prefix, Limited};
use crate::retry::{self, Attempt, Failure, RetryPolicy, Stopped, Try};
use bytes::Bytes;
use http::{HeaderMap, StatusCode};
use std::borrow::Cow;
use std::sync::Arc;
use std::time::Duration;
use tracing::Instrument;

/// What sends calls: the HTTP client and the settings every call shares.
pub(crate) struct Sender {
    pub(crate) http: reqwest::Client,
    /// Where calls go, without a trailing slash: the tenant API URL
    /// (`https://acme.api.identitynow.com`), or an API URL.
    pub(crate) base_url: String,
    /// Whether the spec's version path (`/v2024`) follows `base_url`: on
    /// for a tenant, off for an API URL (a mock, Prism, a gateway that
    /// serves one version at its own URL).
    pub(crate) version_path: bool,
    pub(crate) tokens: Arc<dyn TokenSource>,
    pub(crate) request_timeout: Duration,
    pub(crate) retry: RetryPolicy,
    pub(crate) max_response_body: usize,
    /// The rate limit and retry budget, shared per key.
    pub(crate) limits: Arc<Limits>,
}

/// A response with a success status, body read in full.
pub(crate) struct Success {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
}

/// How one attempt failed.
enum Failed {
    /// An error status; the start of the body is kept for the error report.
    Status {
        status: StatusCode,
        headers: HeaderMap,
        raw: Bytes,
    },
    /// No complete response.
    Transport(reqwest::Error),
    /// A failure that ends the call as it is (the token source failed, the
    /// body is too large, no time is left).
    Final(Error),
}

type Outcome = Attempt<Success, Failed>;

impl Sender {
    /// The one path every call takes: checks, then token, send, retry,
    /// bounded read. Runs inside a span naming the operation; never logs
    /// bodies or tokens.
    pub(crate) async fn send(&self, mut req: Request) -> Result<Success> {
        let url = format!("{}{}", self.base_url, req.checked_path(self.version_path)?);
        let t = &req.target;
        let span = tracing::info_span!(
            "sailpoint_isc.call",
            operation = t.id,
            method = %t.method,
            path = t.path,
        );
        let idempotent = retry::is_idempotent(&t.method);
        let limits = self.limits.for_call(t);
        // The first send's turn is waited for outside the retry loop: a
        // call queued behind a thousand others has not started, so the
        // wait does not count against the policy's `max_elapsed`. It does
        // count against a per-call deadline, which is the call's in all.
        let queued = tokio::time::Instant::now();
        if limits.limits_rate() {
            self.first_turn(req.options.timeout, t, &limits)
                .instrument(span.clone())
                .await?;
        }
        // Per-call settings first: a deadline for the call is also its
        // retry budget.
        let mut policy = Cow::Borrowed(req.options.retry.as_ref().unwrap_or(&self.retry));
        if let Some(deadline) = req.options.timeout {
            let left = deadline.saturating_sub(queued.elapsed());
            policy = Cow::Owned(policy.into_owned().with_max_elapsed(left));
        }
        let req = &req;
        let url = url.as_str();
        let limits = &limits;
        let budget = Some(&limits.shared.budget);
        retry::run(&policy, idempotent, budget, |now| {
            self.attempt(req, url, limits, now)
        })
        .instrument(span)
        .await
        .map_err(|stopped| final_error(&req.target, stopped))
    }

    /// Waits for the first send's turn, within `deadline` if the call has
    /// one. The token comes first: a token request takes a turn of its
    /// own, and a call that took its turn before finding the token
    /// missing would hold a place in the window while it waits for that
    /// one (with every caller doing so, a window's worth of places taken
    /// and nothing sent). A token that expires while the call waits is
    /// fetched again by the attempt.
    async fn first_turn(
        &self,
        deadline: Option<Duration>,
        target: &Target,
        limits: &CallLimits,
    ) -> Result<()> {
        let wait = async {
            self.token(limits).await?;
            limits.acquire().await;
            Ok(())
        };
        match deadline {
            Some(deadline) => tokio::time::timeout(deadline, wait)
                .await
                .map_err(|_| timeout(target, deadline))?,
            None => wait.await,
        }
    }

    /// A token; a token request made for it counts against the call's line.
    async fn token(&self, limits: &CallLimits) -> Result<AccessToken> {
        Ok(TOKEN_WINDOW
            .scope(Arc::clone(&limits.shared), self.tokens.token())
            .await?)
    }

    /// One attempt: a token, its turn in the rate limit (the first send's
    /// was waited for already), one send, the response classified.
    async fn attempt(&self, req: &Request, url: &str, limits: &CallLimits, now: Try) -> Outcome {
        if now.time_left.is_zero() {
            return Attempt::Failed(Failed::Final(timeout(&req.target, now.elapsed)), None);
        }
        let token = match self.token(limits).await {
            Ok(token) => token,
            Err(e) => return Attempt::Failed(Failed::Final(e), None),
        };
        if now.sends > 1
            && limits.limits_rate()
            && tokio::time::timeout(now.time_left, limits.acquire())
                .await
                .is_err()
        {
            let elapsed = now.elapsed + now.time_left;
            return Attempt::Failed(Failed::Final(timeout(&req.target, elapsed)), None);
        }
        let timeout = req
            .options
            .timeout
            .unwrap_or(self.request_timeout)
            .min(now.time_left);
        let mut resp = match self.send_once(req, url, &token, timeout).await {
            Ok(resp) => resp,
            Err(e) => {
                tracing::debug!(attempt = now.sends, error = %e, timeout = e.is_timeout(), "no complete response");
                return Attempt::Failed(Failed::Transport(e), Some(Failure::Transport));
            }
        };
        let status = resp.status();
        tracing::debug!(attempt = now.sends, status = status.as_u16(), "response");
        if status == StatusCode::UNAUTHORIZED && now.may_replay {
            match self.refreshed(&token, limits).await {
                Ok(true) => {
                    // Read the short body so the connection can be reused.
                    let _ = read_prefix(&mut resp, MAX_ERROR_BODY).await;
                    tracing::info!(
                        attempt = now.sends,
                        status = 401u16,
                        wait_reason = "token refresh",
                        "access token rejected; sending again with a new one"
                    );
                    return Attempt::Replay;
                }
                Ok(false) => {}
                Err(e) => return Attempt::Failed(Failed::Final(e), None),
            }
        }
        if status.is_success() {
            self.read_success(&req.target, resp).await
        } else {
            let headers = resp.headers().clone();
            let failure = Failure::status(status, &headers);
            if status == StatusCode::TOO_MANY_REQUESTS {
                // Everyone on the key waits, not only this call: the
                // others would collect 429s of their own meanwhile.
                let wait = retry::retry_after(&headers).unwrap_or(DEFAULT_429_PAUSE);
                limits.pause(wait);
            }
            let raw = read_prefix(&mut resp, MAX_ERROR_BODY).await;
            Attempt::Failed(
                Failed::Status {
                    status,
                    headers,
                    raw,
                },
                Some(failure),
            )
        }
    }

    /// After a 401: drops `rejected` and says whether the source has another
    /// token. A source that hands out the same token again (a static token)
    /// would only earn another 401.
    async fn refreshed(&self, rejected: &AccessToken, limits: &CallLimits) -> Result<bool> {
        self.tokens.invalidate(rejected);
        let fresh = self.token(limits).await?;
        Ok(fresh != *rejected)
    }

    /// Reads a success body within the configured limit.
    async fn read_success(&self, target: &Target, mut resp: reqwest::Response) -> Outcome {
        let status = resp.status();
        match read_limited(&mut resp, self.max_response_body).await {
            Ok(Limited::Complete(body)) => Attempt::Done(Success {
                status,
                headers: resp.headers().clone(),
                body,
            }),
            Ok(Limited::TooLarge) => Attempt::Failed(
                Failed::Final(Error::ResponseTooLarge {
                    path: target.path,
                    method: target.method.clone(),
                    status,
                    limit: self.max_response_body,
                }),
                None,
            ),
            Err(e) => Attempt::Failed(Failed::Transport(e), Some(Failure::Transport)),
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
        let mut rb = self
            .http
            .request(req.target.method.clone(), url)
            .timeout(timeout)
            .bearer_auth(token.secret())
            .header(http::header::ACCEPT, req.accept);
        if !req.query.is_empty() {
            rb = rb.query(&req.query);
        }
        for (name, value) in &req.options.headers {
            rb = rb.header(name.as_ref(), value.as_str());
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

/// How long a 429 without `Retry-After` pauses its key.
const DEFAULT_429_PAUSE: Duration = Duration::from_secs(1);

/// The typed error for the failure a call stopped at.
fn final_error(target: &Target, stopped: Stopped<Failed>) -> Error {
    if stopped.budget_spent {
        let attempts = stopped.sends;
        let last = final_error(
            target,
            Stopped {
                budget_spent: false,
                ..stopped
            },
        );
        return Error::RetryBudgetSpent {
            operation: target.id,
            attempts,
            last: Box::new(last),
        };
    }
    match stopped.error {
        Failed::Status {
            status,
            headers,
            raw,
        } => api_error(target, status, headers, raw, stopped.sends),
        Failed::Transport(e) if e.is_timeout() => timeout(target, stopped.elapsed),
        Failed::Transport(source) => Error::Transport {
            path: target.path,
            method: target.method.clone(),
            source,
        },
        Failed::Final(e) => e,
    }
}

fn timeout(target: &Target, elapsed: Duration) -> Error {
    Error::Timeout {
        path: target.path,
        method: target.method.clone(),
        elapsed,
    }
}

/// Builds the typed API error: the documented body type for this status, plus
/// SailPoint's `trackingId`, `detailCode` and first message read generically so
/// they are there even when the body does not match its documented type.
pub(crate) fn api_error(
    target: &Target,
    status: StatusCode,
    headers: HeaderMap,
    raw: Bytes,
    attempts: u32,
) -> Error {
    let body = target
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
        operation: target.id,
        method: target.method.clone(),
        path: target.path,
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
