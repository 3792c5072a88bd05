//! The one error type every call returns.

use bytes::Bytes;
use http::{HeaderMap, Method, StatusCode};
use std::any::Any;
use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Longest body excerpt kept in an error, in bytes. Error bodies are
/// server-controlled; bounding them keeps a garbage answer from growing memory
/// or flooding logs.
pub const MAX_ERROR_BODY: usize = 64 * 1024;

/// Longest excerpt shown by [`DecodeError`] and in `Display` output.
pub const EXCERPT_LEN: usize = 512;

/// Everything that can go wrong in a call. Match on the variant; each carries
/// what is needed to act on it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The service answered with a status the operation does not document as
    /// success (including when retries ran out).
    #[error("{0}")]
    Api(Box<ApiError>),
    /// The connection failed or broke before a full response arrived.
    #[error("{method} {path}: transport error: {source}")]
    Transport {
        /// The operation's path template.
        path: &'static str,
        /// HTTP method.
        method: Method,
        /// What reqwest reported.
        #[source]
        source: reqwest::Error,
    },
    /// The configured request timeout (or the total retry budget) elapsed.
    #[error("{method} {path}: timed out after {elapsed:?}")]
    Timeout {
        /// The operation's path template.
        path: &'static str,
        /// HTTP method.
        method: Method,
        /// How long the call ran.
        elapsed: Duration,
    },
    /// A success response whose body does not match the documented type.
    #[error("{0}")]
    Decode(Box<DecodeError>),
    /// A success response whose body is longer than the configured limit
    /// ([`DEFAULT_MAX_RESPONSE_BODY`](crate::DEFAULT_MAX_RESPONSE_BODY) unless
    /// changed); reading stopped at the limit.
    #[error("{method} {path}: {status} response body is larger than {limit} bytes")]
    ResponseTooLarge {
        /// The operation's path template.
        path: &'static str,
        /// HTTP method.
        method: Method,
        /// Status of the response.
        status: StatusCode,
        /// The limit in bytes.
        limit: usize,
    },
    /// A request body could not be encoded; nothing was sent.
    #[error("{method} {path}: request body could not be encoded: {source}")]
    Encode {
        /// The operation's path template.
        path: &'static str,
        /// HTTP method.
        method: Method,
        /// What [`Encode::try_encode`](crate::json::Encode::try_encode) reported.
        #[source]
        source: crate::json::EncodeError,
    },
    /// A path parameter value that URL resolution would not keep as the one
    /// segment it fills: empty, `.` or `..` (`/v2024/sources/..` means
    /// `/v2024/`, another endpoint), or a `{name}` of the path template
    /// given no value. Nothing was sent.
    #[error("{method} {path}: path parameter `{parameter}` of {operation} {problem}; the request was not sent")]
    PathParameter {
        /// The spec's `operationId` (the path template for a hand-written
        /// [`Request`](crate::Request) without one).
        operation: &'static str,
        /// HTTP method.
        method: Method,
        /// The operation's path template.
        path: &'static str,
        /// The parameter's name in the template.
        parameter: &'static str,
        /// What is wrong with the value: `is empty`, `is "."`, `is ".."`
        /// or `has no value`.
        problem: &'static str,
    },
    /// A header name or value that HTTP does not allow (a space in a name,
    /// a line break in a value). Nothing was sent; the value is not shown,
    /// as headers may carry secrets.
    #[error("{method} {path}: header `{name}` of {operation} {problem}; the request was not sent")]
    Header {
        /// The spec's `operationId` (the path template for a hand-written
        /// [`Request`](crate::Request) without one).
        operation: &'static str,
        /// HTTP method.
        method: Method,
        /// The operation's path template.
        path: &'static str,
        /// The header's name as given.
        name: String,
        /// What is wrong: `is not a valid header name` or `has a value HTTP
        /// does not allow in a header`.
        problem: &'static str,
    },
    /// A failure the retry policy would have retried, returned at once
    /// because the retry budget shared by this client's key is spent
    /// (see [`RetryBudget`](crate::RetryBudget)): the tenant has been
    /// failing many calls, and more retries would only add to its load.
    /// `last` is the failure as the call would otherwise have returned it.
    #[error("{last} (not retried: the retry budget is spent)")]
    RetryBudgetSpent {
        /// The spec's `operationId` (the path template for a hand-written
        /// [`Request`](crate::Request) without one).
        operation: &'static str,
        /// How many times the request was sent.
        attempts: u32,
        /// The failure of the last send.
        last: Box<Error>,
    },
    /// Obtaining an access token failed.
    #[error("authentication failed: {0}")]
    Auth(#[from] AuthError),
    /// The client is configured wrongly.
    #[error("configuration error: {0}")]
    Config(#[from] ConfigError),
    /// A password could not be encrypted for set-password.
    #[error("password encryption failed: {0}")]
    Crypto(#[from] crate::crypto::CryptoError),
}

impl Error {
    /// The HTTP status of the answer this error is about: the error status
    /// of [`Api`](Error::Api), the success status of a body that did not
    /// decode ([`Decode`](Error::Decode)) or was too long
    /// ([`ResponseTooLarge`](Error::ResponseTooLarge)), and for
    /// [`RetryBudgetSpent`](Error::RetryBudgetSpent) that of the last
    /// answer. `None` when no answer was read (transport, timeout, a
    /// request not sent because a parameter, header or body was wrong,
    /// configuration, encryption) and for [`Auth`](Error::Auth): a status
    /// there is the token endpoint's, not the call's (see
    /// [`AuthError::Rejected`]).
    ///
    /// ```
    /// # async fn run(api: sailpoint_isc::v2024::Api) {
    /// match api.get_password_change_status("an id").await {
    ///     Ok(status) => println!("{status:?}"),
    ///     Err(e) if e.is_not_found() => println!("no such request"),
    ///     Err(e) if e.status().is_some_and(|s| s.is_server_error()) => println!("ISC failed: {e}"),
    ///     Err(e) => println!("{e}"),
    /// }
    /// # }
    /// ```
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::Decode(e) => Some(e.status),
            Error::ResponseTooLarge { status, .. } => Some(*status),
            Error::RetryBudgetSpent { last, .. } => last.status(),
            Error::Transport { .. }
            | Error::Timeout { .. }
            | Error::Encode { .. }
            | Error::PathParameter { .. }
            | Error::Header { .. }
            | Error::Auth(_)
            | Error::Config(_)
            | Error::Crypto(_) => None,
        }
    }

    /// Whether the service answered `404 Not Found`: the object (or the
    /// endpoint) does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(self, Error::Api(e) if e.status == StatusCode::NOT_FOUND)
            || matches!(self, Error::RetryBudgetSpent { last, .. } if last.is_not_found())
    }

    /// Whether the service answered `429 Too Many Requests` and the client
    /// gave up: its retries ran out (or retries are off for the call), or
    /// the retry budget was spent with a 429 as the last answer
    /// ([`RetryBudgetSpent`](Error::RetryBudgetSpent)). Back off before
    /// trying again; [`ApiError::retry_after`] is the wait the server last
    /// asked for. A `503` is not counted, even with `Retry-After`: it says
    /// the service is down, not that this client sends too much.
    pub fn is_rate_limited(&self) -> bool {
        matches!(self, Error::Api(e) if e.status == StatusCode::TOO_MANY_REQUESTS)
            || matches!(self, Error::RetryBudgetSpent { last, .. } if last.is_rate_limited())
    }
}

/// Obtaining an access token failed. Cloneable because one failed token
/// request is reported to every call that was waiting for it.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum AuthError {
    /// The token endpoint answered with an error status.
    #[error("token endpoint answered {status}: {message}")]
    Rejected {
        /// Status of the token endpoint's answer.
        status: StatusCode,
        /// The server's message (`error_description`, `error`, or a body excerpt).
        message: String,
    },
    /// The token endpoint answered success with a body that is not a token.
    #[error("token endpoint answered {status} with a malformed body: {message}")]
    Malformed {
        /// Status of the token endpoint's answer.
        status: StatusCode,
        /// What was wrong with it.
        message: String,
    },
    /// The token endpoint could not be reached.
    #[error("token endpoint unreachable: {0}")]
    Transport(#[source] Arc<reqwest::Error>),
    /// A custom [`TokenSource`](crate::TokenSource) failed.
    #[error("{0}")]
    Source(String),
}

/// Missing or malformed configuration.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{setting}: {message}")]
pub struct ConfigError {
    /// The setting or environment variable at fault (`SAIL_BASE_URL`, `base_url`).
    pub setting: String,
    /// What is wrong with it.
    pub message: String,
}

impl ConfigError {
    pub(crate) fn new(setting: impl Into<String>, message: impl Into<String>) -> Self {
        ConfigError {
            setting: setting.into(),
            message: message.into(),
        }
    }
}

/// A decoded error body. Every generated model implements it; use
/// [`ApiError::body`] to get the concrete type back.
pub trait ErrorBody: Any + fmt::Debug + Send + Sync {
    /// Upcast for [`ApiError::body`].
    fn as_any(&self) -> &dyn Any;
}

impl<T: Any + fmt::Debug + Send + Sync> ErrorBody for T {
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The service answered with an error status.
pub struct ApiError {
    pub(crate) operation: &'static str,
    pub(crate) method: Method,
    pub(crate) path: &'static str,
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) raw: bytes::Bytes,
    pub(crate) body: Option<Box<dyn ErrorBody>>,
    pub(crate) tracking_id: Option<String>,
    pub(crate) detail_code: Option<String>,
    pub(crate) message: Option<String>,
    pub(crate) retry_after: Option<Duration>,
    pub(crate) attempts: u32,
}

impl ApiError {
    /// The spec's `operationId` of the failed call.
    pub fn operation(&self) -> &'static str {
        self.operation
    }
    /// HTTP method of the failed call.
    pub fn method(&self) -> &Method {
        &self.method
    }
    /// Path template of the failed call (`/password-change-status/{id}`).
    pub fn path(&self) -> &'static str {
        self.path
    }
    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }
    /// Response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }
    /// The raw body, at most [`MAX_ERROR_BODY`] bytes of it.
    pub fn raw_body(&self) -> &[u8] {
        &self.raw
    }
    /// The body decoded into the type the operation documents for this
    /// status (for example `ErrorResponseDto`), if it decoded as that type.
    pub fn body<T: Any>(&self) -> Option<&T> {
        self.body.as_deref()?.as_any().downcast_ref::<T>()
    }
    /// The decoded body as a trait object, whatever its type.
    pub fn body_dyn(&self) -> Option<&dyn ErrorBody> {
        self.body.as_deref()
    }
    /// SailPoint's `trackingId`, from the body, for support requests.
    pub fn tracking_id(&self) -> Option<&str> {
        self.tracking_id.as_deref()
    }
    /// SailPoint's `detailCode` (`400.1 Bad Request Content`).
    pub fn detail_code(&self) -> Option<&str> {
        self.detail_code.as_deref()
    }
    /// The first human-readable message in the body.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }
    /// The wait the server asked for in `Retry-After`, if any.
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after
    }
    /// How many times the request was sent.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }
}

impl fmt::Debug for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiError")
            .field("operation", &self.operation)
            .field("method", &self.method)
            .field("path", &self.path)
            .field("status", &self.status)
            .field("tracking_id", &self.tracking_id)
            .field("detail_code", &self.detail_code)
            .field("message", &self.message)
            .field("retry_after", &self.retry_after)
            .field("attempts", &self.attempts)
            .field("body", &self.body)
            .field("raw", &excerpt(&self.raw))
            .finish_non_exhaustive()
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.method, self.path, self.status)?;
        let mut parts = Vec::new();
        // Each piece comes from the server: cut long ones so that one error
        // stays one readable log line (the accessors give them whole).
        let tracking_id = self.tracking_id.as_deref().map(clip);
        let detail_code = self.detail_code.as_deref().map(clip);
        let message = self.message.as_deref().map(clip);
        if let Some(t) = tracking_id {
            parts.push(format!("trackingId {t}"));
        }
        match (detail_code, message) {
            (Some(d), Some(m)) => parts.push(format!("{d}: {m}")),
            (Some(d), None) => parts.push(d.into_owned()),
            (None, Some(m)) => parts.push(m.into_owned()),
            (None, None) if !self.raw.is_empty() => parts.push(excerpt(&self.raw)),
            (None, None) => {}
        }
        if let Some(w) = self.retry_after {
            parts.push(format!("retry after {}s", w.as_secs_f64()));
        }
        if !parts.is_empty() {
            write!(f, " ({})", parts.join(", "))?;
        }
        Ok(())
    }
}

/// A success response whose body does not match the documented type.
///
/// The answer is not lost: [`body`](Self::body) is the whole body (it was
/// read within the client's body limit), so a caller can fall back to
/// [`value`](Self::value), a [`serde_json::Value`]. `Display` and `Debug`
/// show only an excerpt of it, since a body may hold secrets.
pub struct DecodeError {
    pub(crate) operation: &'static str,
    pub(crate) method: Method,
    pub(crate) path: &'static str,
    pub(crate) status: StatusCode,
    pub(crate) content_type: Option<String>,
    pub(crate) excerpt: String,
    pub(crate) field: String,
    pub(crate) message: String,
    pub(crate) body: Bytes,
}

impl DecodeError {
    /// The spec's `operationId`.
    pub fn operation(&self) -> &'static str {
        self.operation
    }
    /// The HTTP status of the response.
    pub fn status(&self) -> StatusCode {
        self.status
    }
    /// The response's `Content-Type`, if any.
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }
    /// The start of the body, at most [`EXCERPT_LEN`] bytes, lossily decoded.
    pub fn excerpt(&self) -> &str {
        &self.excerpt
    }
    /// The path of the field that failed (`accounts[0].accountId`; `.` for the root).
    pub fn field(&self) -> &str {
        &self.field
    }
    /// The decoder's message, cut to [`EXCERPT_LEN`] bytes (it may quote
    /// the offending value).
    pub fn message(&self) -> &str {
        &self.message
    }
    /// The whole body as received (within the client's body limit).
    pub fn body(&self) -> &Bytes {
        &self.body
    }
    /// The whole body, by value (a cheap reference-counted handle).
    pub fn into_body(self) -> Bytes {
        self.body
    }
    /// The body as untyped JSON, for a caller that wants the answer anyway;
    /// `None` when it is not JSON at all.
    pub fn value(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(&self.body).ok()
    }
}

impl fmt::Debug for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The whole body may hold secrets: only its length and the excerpt.
        f.debug_struct("DecodeError")
            .field("operation", &self.operation)
            .field("method", &self.method)
            .field("path", &self.path)
            .field("status", &self.status)
            .field("content_type", &self.content_type)
            .field("field", &self.field)
            .field("message", &self.message)
            .field("excerpt", &self.excerpt)
            .field("body_len", &self.body.len())
            .finish()
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: {} response could not be decoded at `{}`: {} (content-type {}, body starts {:?})",
            self.method,
            self.path,
            self.status,
            self.field,
            self.message,
            self.content_type.as_deref().unwrap_or("none"),
            self.excerpt
        )
    }
}

/// `text` if it is at most [`EXCERPT_LEN`] bytes, else its start cut on a
/// char boundary, with an ellipsis.
pub(crate) fn clip(text: &str) -> Cow<'_, str> {
    if text.len() <= EXCERPT_LEN {
        return Cow::Borrowed(text);
    }
    let mut end = EXCERPT_LEN;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Cow::Owned(format!("{}…", &text[..end]))
}

/// At most [`EXCERPT_LEN`] bytes of `raw`, lossily decoded, cut on a char boundary.
pub(crate) fn excerpt(raw: &[u8]) -> String {
    let cut = &raw[..raw.len().min(EXCERPT_LEN)];
    let mut s = String::from_utf8_lossy(cut).into_owned();
    if raw.len() > EXCERPT_LEN {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests;
