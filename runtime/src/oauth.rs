//! OAuth2 client credentials (RFC 6749 §4.4) against the tenant's
//! `POST {base_url}/oauth/token` (or the builder's `token_url`), with a token cache shared by every clone of
//! a [`Client`](crate::Client).
//!
//! The cache refreshes a token [`refresh_margin`] before it expires, and
//! concurrent callers on a cold or expiring cache share one in-flight token
//! request: a `tokio` mutex is held across the fetch and the cache is checked
//! again after acquiring it. A fetch that fails is reported to every caller
//! that was waiting for it, so a wrong secret costs one request, not one per
//! waiting call.

use crate::auth::{AccessToken, TokenSource};
use crate::error::{clip, excerpt, AuthError};
use crate::futures::BoxFuture;
use crate::response_body::{read_limited, read_prefix, Limited};
use crate::retry::{self, Attempt, Failure, RetryPolicy};
use bytes::Bytes;
use http::StatusCode;
use serde_json::Value;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// Largest token endpoint answer read; a token response is well under 8 KiB.
const MAX_TOKEN_BODY: usize = 64 * 1024;

/// Refresh this long before expiry, or a quarter of the lifetime for tokens
/// shorter than four minutes, so a token is never sent in its last seconds.
const REFRESH_MARGIN: Duration = Duration::from_secs(60);

/// An OAuth2 client secret. It prints as `ClientSecret([redacted])`, has no
/// `Display`, and is only read to build the token request's form body.
#[derive(Clone, PartialEq, Eq)]
pub struct ClientSecret(String);

impl ClientSecret {
    /// Wraps a secret.
    pub fn new(secret: impl Into<String>) -> Self {
        ClientSecret(secret.into())
    }

    /// The secret itself.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ClientSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ClientSecret([redacted])")
    }
}

impl From<String> for ClientSecret {
    fn from(secret: String) -> Self {
        ClientSecret(secret)
    }
}

impl From<&str> for ClientSecret {
    fn from(secret: &str) -> Self {
        ClientSecret(secret.to_owned())
    }
}

/// How long before expiry a token with `lifetime` is refreshed.
pub(crate) fn refresh_margin(lifetime: Duration) -> Duration {
    (lifetime / 4).min(REFRESH_MARGIN)
}

/// The client-credentials [`TokenSource`] the builder installs.
pub(crate) struct ClientCredentials {
    http: reqwest::Client,
    token_url: String,
    client_id: String,
    secret: ClientSecret,
    timeout: Duration,
    retry: RetryPolicy,
    state: Mutex<State>,
    /// Held across a token request: whoever holds it is the one fetching.
    fetching: tokio::sync::Mutex<()>,
}

#[derive(Default)]
struct State {
    current: Option<Cached>,
    /// Counts completed fetches, so a waiter can tell one finished meanwhile.
    generation: u64,
    /// How the last fetch failed, for the callers that waited on it.
    last_failure: Option<AuthError>,
}

struct Cached {
    token: AccessToken,
    /// When to fetch a new one; `None` when the server gave no `expires_in`
    /// (the token is then kept until the API answers 401).
    refresh_at: Option<Instant>,
    expires_at: Option<Instant>,
}

impl Cached {
    fn is_fresh(&self, now: Instant) -> bool {
        self.refresh_at.is_none_or(|t| now < t)
    }

    fn is_valid(&self, now: Instant) -> bool {
        self.expires_at.is_none_or(|t| now < t)
    }
}

impl fmt::Debug for ClientCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientCredentials")
            .field("token_url", &self.token_url)
            .field("client_id", &self.client_id)
            .field("secret", &self.secret)
            .finish_non_exhaustive()
    }
}

impl ClientCredentials {
    /// A token source for `client_id`/`secret` at `token_url` (by default
    /// `{base_url}/oauth/token`), sharing the API client's connection pool,
    /// timeout and retry policy.
    pub(crate) fn new(
        http: reqwest::Client,
        token_url: String,
        client_id: String,
        secret: ClientSecret,
        timeout: Duration,
        retry: RetryPolicy,
    ) -> Self {
        ClientCredentials {
            http,
            token_url,
            client_id,
            secret,
            timeout,
            retry,
            state: Mutex::new(State::default()),
            fetching: tokio::sync::Mutex::new(()),
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // The state is a few plain fields updated in one step: a panic
        // elsewhere cannot leave it half-written, so poisoning is ignored.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The cached token if it is fresh.
    fn fresh(&self) -> Option<AccessToken> {
        let st = self.state();
        let c = st.current.as_ref()?;
        c.is_fresh(Instant::now()).then(|| c.token.clone())
    }

    async fn get(&self) -> Result<AccessToken, AuthError> {
        let seen = {
            let st = self.state();
            if let Some(c) = &st.current {
                if c.is_fresh(Instant::now()) {
                    return Ok(c.token.clone());
                }
            }
            st.generation
        };
        let _turn = match self.fetching.try_lock() {
            Ok(turn) => turn,
            Err(_) => {
                // Someone is already fetching. A token that is only inside its
                // refresh margin is still good: use it instead of waiting.
                let still_valid = {
                    let st = self.state();
                    st.current
                        .as_ref()
                        .filter(|c| c.is_valid(Instant::now()))
                        .map(|c| c.token.clone())
                };
                if let Some(token) = still_valid {
                    return Ok(token);
                }
                self.fetching.lock().await
            }
        };
        let reason = {
            let st = self.state();
            if st.generation != seen {
                // A fetch finished while this caller waited: share its result.
                if let Some(c) = &st.current {
                    return Ok(c.token.clone());
                }
                if let Some(e) = &st.last_failure {
                    return Err(e.clone());
                }
            }
            match &st.current {
                Some(c) if c.is_fresh(Instant::now()) => return Ok(c.token.clone()),
                Some(_) => "expiring",
                None => "no token",
            }
        };
        tracing::debug!(reason, "fetching an access token");
        let result = self.fetch().await;
        let mut st = self.state();
        st.generation = st.generation.wrapping_add(1);
        match result {
            Ok(cached) => {
                let token = cached.token.clone();
                st.current = Some(cached);
                st.last_failure = None;
                Ok(token)
            }
            Err(e) => {
                tracing::warn!(error = %e, "access token request failed");
                st.last_failure = Some(e.clone());
                // A refresh inside the margin failed: the old token has not
                // expired yet, so this call can still use it.
                match &st.current {
                    Some(c) if c.is_valid(Instant::now()) => Ok(c.token.clone()),
                    _ => Err(e),
                }
            }
        }
    }

    /// Requests a token in the client's one retry loop, as an idempotent
    /// request: asking for a token twice has no other effect.
    async fn fetch(&self) -> Result<Cached, AuthError> {
        retry::run(&self.retry, true, None, |_| async {
            match self.fetch_once().await {
                Ok(cached) => Attempt::Done(cached),
                Err((error, failure)) => Attempt::Failed(error, failure),
            }
        })
        .await
        .map_err(|stopped| stopped.error)
    }

    /// One token request. The error comes with the failure the retry policy
    /// judges, or `None` when retrying cannot help (a malformed answer).
    async fn fetch_once(&self) -> Result<Cached, (AuthError, Option<Failure>)> {
        // The token endpoint counts against the rate limit of the call
        // that needs the token.
        crate::limit::acquire_for_token().await;
        let sent_at = Instant::now();
        let form = [
            ("grant_type", "client_credentials"),
            ("client_id", self.client_id.as_str()),
            ("client_secret", self.secret.expose_secret()),
        ];
        let mut resp = self
            .http
            .post(&self.token_url)
            .timeout(self.timeout)
            .header(http::header::ACCEPT, "application/json")
            .form(&form)
            .send()
            .await
            .map_err(|e| (AuthError::Transport(Arc::new(e)), Some(Failure::Transport)))?;
        let status = resp.status();
        if !status.is_success() {
            let failure = Failure::status(status, resp.headers());
            if status == StatusCode::TOO_MANY_REQUESTS {
                let wait = retry::retry_after(resp.headers()).unwrap_or(Duration::from_secs(1));
                crate::limit::pause_for_token(wait);
            }
            // Redacted before the message is cut to length, so that a cut
            // cannot leave the start of the secret behind.
            let raw = self.redact_raw(read_prefix(&mut resp, MAX_TOKEN_BODY).await);
            let message = self.redact(rejection_message(status, &raw));
            return Err((AuthError::Rejected { status, message }, Some(failure)));
        }
        let raw = match read_limited(&mut resp, MAX_TOKEN_BODY).await {
            Ok(Limited::Complete(raw)) => raw,
            Ok(Limited::TooLarge) => {
                let message = format!("the body is larger than {MAX_TOKEN_BODY} bytes");
                return Err((AuthError::Malformed { status, message }, None));
            }
            Err(e) => return Err((AuthError::Transport(Arc::new(e)), Some(Failure::Transport))),
        };
        let (token, lifetime) = parse_token(&raw)
            .map_err(|message| (AuthError::Malformed { status, message }, None))?;
        tracing::debug!(
            expires_in_s = lifetime.map(|d| d.as_secs()),
            "access token obtained"
        );
        Ok(Cached {
            token,
            refresh_at: lifetime.map(|l| sent_at + (l - refresh_margin(l))),
            expires_at: lifetime.map(|l| sent_at + l),
        })
    }

    /// [`redact`](Self::redact) for a raw body.
    fn redact_raw(&self, raw: Bytes) -> Bytes {
        let secret = self.secret.expose_secret();
        let found = !secret.is_empty() && raw.windows(secret.len()).any(|w| w == secret.as_bytes());
        if !found {
            return raw;
        }
        Bytes::from(String::from_utf8_lossy(&raw).replace(secret, "[redacted]"))
    }

    /// Removes the client secret from a server-provided message, in case
    /// the token endpoint echoes the form back.
    fn redact(&self, message: String) -> String {
        let secret = self.secret.expose_secret();
        if secret.is_empty() || !message.contains(secret) {
            return message;
        }
        message.replace(secret, "[redacted]")
    }
}

impl TokenSource for ClientCredentials {
    fn token(&self) -> BoxFuture<'_, Result<AccessToken, AuthError>> {
        if let Some(token) = self.fresh() {
            return Box::pin(std::future::ready(Ok(token)));
        }
        Box::pin(self.get())
    }

    fn invalidate(&self, token: &AccessToken) {
        let mut st = self.state();
        // Only drop the token that was rejected: another caller may already
        // have replaced it with a new one.
        if st.current.as_ref().is_some_and(|c| c.token == *token) {
            st.current = None;
        }
    }
}

/// The server's reason for refusing a token: `error_description`, `error`,
/// SailPoint's `message`, else the start of the body, else the status text.
fn rejection_message(status: StatusCode, raw: &Bytes) -> String {
    let json: Option<Value> = serde_json::from_slice(raw).ok();
    // Cut long fields: the message goes into the error's one-line `Display`.
    let field = |k: &str| {
        json.as_ref()
            .and_then(|j| j.get(k))
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .map(|s| clip(s).into_owned())
    };
    field("error_description")
        .or_else(|| field("error"))
        .or_else(|| field("message"))
        .or_else(|| {
            let text = excerpt(raw);
            (!text.trim().is_empty()).then(|| text.trim().to_owned())
        })
        .unwrap_or_else(|| status.canonical_reason().unwrap_or("no message").to_owned())
}

/// Reads `access_token` and `expires_in` from a token response. The error
/// says what is wrong without quoting the body, which may hold a token.
fn parse_token(raw: &[u8]) -> Result<(AccessToken, Option<Duration>), String> {
    let json: Value = serde_json::from_slice(raw).map_err(|_| "the body is not JSON".to_owned())?;
    let token = match json.get("access_token") {
        Some(Value::String(t)) if !t.is_empty() => t,
        Some(_) => return Err("`access_token` is not a non-empty string".to_owned()),
        None => return Err("the body has no `access_token`".to_owned()),
    };
    // It goes into an `Authorization` header: printable ASCII only.
    if !token.bytes().all(|b| b.is_ascii_graphic()) {
        return Err("`access_token` has characters not allowed in a header".to_owned());
    }
    let lifetime = match json.get("expires_in") {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => match n.as_f64() {
            Some(secs) if secs.is_finite() && secs >= 0.0 => {
                Some(Duration::from_secs_f64(secs.min(u32::MAX as f64)))
            }
            _ => return Err("`expires_in` is not a non-negative number".to_owned()),
        },
        // Some servers send the number as a string.
        Some(Value::String(s)) => match s.trim().parse::<u32>() {
            Ok(secs) => Some(Duration::from_secs(secs.into())),
            Err(_) => return Err("`expires_in` is not a number".to_owned()),
        },
        Some(_) => return Err("`expires_in` is not a number".to_owned()),
    };
    Ok((AccessToken::new(token.as_str()), lifetime))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn margin_is_a_minute_or_a_quarter_of_short_lifetimes() {
        assert_eq!(
            refresh_margin(Duration::from_secs(749)),
            Duration::from_secs(60)
        );
        assert_eq!(
            refresh_margin(Duration::from_secs(120)),
            Duration::from_secs(30)
        );
        assert_eq!(refresh_margin(Duration::ZERO), Duration::ZERO);
    }

    #[test]
    fn token_responses_are_parsed_or_described() {
        let ok = parse_token(br#"{"access_token":"abc","expires_in":749,"token_type":"bearer"}"#);
        assert!(matches!(ok, Ok((ref t, Some(d))) if t.secret() == "abc" && d.as_secs() == 749));
        let ok = parse_token(br#"{"access_token":"abc","expires_in":"30"}"#);
        assert!(matches!(ok, Ok((_, Some(d))) if d.as_secs() == 30));
        assert!(matches!(
            parse_token(br#"{"access_token":"abc"}"#),
            Ok((_, None))
        ));
        for bad in [
            &br#"<html>"#[..],
            br#"{"token":"abc"}"#,
            br#"{"access_token":""}"#,
            br#"{"access_token":7}"#,
            br#"{"access_token":"a b"}"#,
            br#"{"access_token":"abc","expires_in":-1}"#,
            br#"{"access_token":"abc","expires_in":"soon"}"#,
        ] {
            let err = parse_token(bad).err().unwrap_or_default();
            assert!(!err.is_empty(), "{}", String::from_utf8_lossy(bad));
            assert!(!err.contains("abc"), "{err}");
        }
    }

    #[test]
    fn rejections_use_the_oauth_error_fields() {
        let msg = |b: &'static [u8]| rejection_message(StatusCode::BAD_REQUEST, &Bytes::from(b));
        assert_eq!(
            msg(br#"{"error":"invalid_client","error_description":"Bad credentials"}"#),
            "Bad credentials"
        );
        assert_eq!(msg(br#"{"error":"invalid_client"}"#), "invalid_client");
        assert_eq!(msg(b" nope "), "nope");
        assert_eq!(msg(b""), "Bad Request");
    }

    #[test]
    fn secrets_do_not_debug_print() {
        let s = ClientSecret::from("hunter2");
        assert_eq!(format!("{s:?}"), "ClientSecret([redacted])");
        assert_eq!(s.expose_secret(), "hunter2");
    }
}
