//! What a rule answers: [`Reply`] as the server keeps it, [`MockResponse`]
//! as a closure answer builds it, and the answer traits that let a rule
//! take the operation's own answer and error types.

use super::paging;
use super::request::Incoming;
use crate::json::{Decode, Encode};
use bytes::Bytes;
use http::{HeaderName, HeaderValue, StatusCode};
use serde_json::Value;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// An operation's success type as the mock server sends it: a generated
/// model (JSON), `Option<T>` (`None` is `204 No Content`), [`Bytes`] (sent
/// as they are) or `()` (no body).
pub trait MockAnswer: 'static {
    /// The answer as a response body.
    #[doc(hidden)]
    fn to_reply(&self) -> Body;
    /// Whether `example`, the spec's example of the answer, decodes as it.
    #[doc(hidden)]
    fn check_example(example: &str) -> Result<Body, String>;
}

impl<T: Encode + Decode + 'static> MockAnswer for T {
    fn to_reply(&self) -> Body {
        Body::Json(self.encode())
    }

    fn check_example(example: &str) -> Result<Body, String> {
        let value: Value = serde_json::from_str(example).map_err(|e| e.to_string())?;
        T::decode(value.clone()).map_err(|e| e.to_string())?;
        Ok(Body::Json(value))
    }
}

impl MockAnswer for Bytes {
    fn to_reply(&self) -> Body {
        Body::Raw(self.clone(), "application/octet-stream")
    }

    fn check_example(example: &str) -> Result<Body, String> {
        Ok(Body::Raw(
            Bytes::copy_from_slice(example.as_bytes()),
            "text/plain",
        ))
    }
}

impl MockAnswer for () {
    fn to_reply(&self) -> Body {
        Body::Empty
    }

    fn check_example(_: &str) -> Result<Body, String> {
        Ok(Body::Empty)
    }
}

/// A list answer a rule can page: `Vec<T>`.
pub trait MockList: MockAnswer {
    /// One record.
    type Item: Encode;
}

impl<T: Encode + Decode + 'static> MockList for Vec<T> {
    type Item = T;
}

/// A response body. Not a public API: made by [`MockAnswer`].
#[doc(hidden)]
#[derive(Debug, Clone)]
pub enum Body {
    /// JSON; `null` is sent as no body with `204 No Content`.
    Json(Value),
    /// Bytes and their content type.
    Raw(Bytes, &'static str),
    /// No body.
    Empty,
}

/// An answer built from the request.
pub(super) type Answerer = dyn Fn(&Arc<Incoming>) -> MockResponse + Send + Sync;

/// One answer of a rule.
#[derive(Clone)]
pub(super) enum Reply {
    /// A status, headers and a body.
    Fixed(MockResponse),
    /// `429 Too Many Requests` with `Retry-After`.
    RateLimited(Duration),
    /// The connection closes without an answer.
    Drop,
    /// Records paged as ISC pages lists.
    List(Arc<[Value]>),
    /// An answer built per request.
    With(Arc<Answerer>),
}

impl fmt::Debug for Reply {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reply::Fixed(r) => write!(f, "{}", r.status),
            Reply::RateLimited(d) => write!(f, "429 Retry-After {}s", d.as_secs()),
            Reply::Drop => f.write_str("dropped connection"),
            Reply::List(items) => write!(f, "a list of {} records", items.len()),
            Reply::With(_) => f.write_str("a closure"),
        }
    }
}

/// The answer, or `None` to drop the connection.
pub(super) fn respond(reply: &Reply, req: &Arc<Incoming>) -> Option<MockResponse> {
    match reply {
        Reply::Fixed(r) => Some(r.clone()),
        Reply::RateLimited(wait) => Some(
            MockResponse::json(
                429,
                &serde_json::json!({ "message": " Rate Limit Exceeded " }),
            )
            .header_value(http::header::RETRY_AFTER, wait.as_secs().to_string()),
        ),
        Reply::Drop => None,
        Reply::List(items) => Some(paging::page(items, req)),
        Reply::With(f) => Some(f(req)),
    }
}

/// A response a rule answers with, built in full: status, headers, body.
///
/// ```
/// use sailpoint_isc::mock::MockResponse;
///
/// let r = MockResponse::json(404, &serde_json::json!({ "detailCode": "404 Not found" }))
///     .header("X-Request-Id", "r-1");
/// assert_eq!(r.status(), 404);
/// ```
#[derive(Clone)]
pub struct MockResponse {
    pub(super) status: StatusCode,
    pub(super) headers: Vec<(HeaderName, HeaderValue)>,
    pub(super) body: Bytes,
}

impl MockResponse {
    /// `status` with `body` encoded as JSON. A status outside 100..=999
    /// is sent as 500.
    pub fn json<T: Encode + ?Sized>(status: u16, body: &T) -> Self {
        MockResponse::bytes(status, "application/json", body.encode().to_string())
    }

    /// `status` with `body` as it is, sent with `content_type`: a body
    /// that does not parse, a CSV file.
    pub fn bytes(status: u16, content_type: &str, body: impl Into<Bytes>) -> Self {
        let r = MockResponse::status_only(status);
        match HeaderValue::from_str(content_type) {
            Ok(v) => r.header_value(http::header::CONTENT_TYPE, v),
            Err(_) => r,
        }
        .with_body(body.into())
    }

    /// `status` without a body.
    pub fn status_only(status: u16) -> Self {
        MockResponse {
            status: StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            headers: Vec::new(),
            body: Bytes::new(),
        }
    }

    /// Adds a header; one whose name or value HTTP does not allow is left out.
    pub fn header(self, name: &str, value: &str) -> Self {
        match (HeaderName::try_from(name), HeaderValue::try_from(value)) {
            (Ok(n), Ok(v)) => self.header_value(n, v),
            _ => self,
        }
    }

    /// The status.
    pub fn status(&self) -> u16 {
        self.status.as_u16()
    }

    fn header_value(mut self, name: HeaderName, value: impl TryInto<HeaderValue>) -> Self {
        if let Ok(v) = value.try_into() {
            self.headers.push((name, v));
        }
        self
    }

    fn with_body(mut self, body: Bytes) -> Self {
        self.body = body;
        self
    }

    /// `status` with `body` as an answer of the operation (`null` JSON is
    /// `204` without a body).
    pub(super) fn from_body(status: u16, body: Body) -> Self {
        match body {
            Body::Json(Value::Null) | Body::Empty => {
                MockResponse::status_only(if status == 200 { 204 } else { status })
            }
            Body::Json(v) => MockResponse::json(status, &v),
            Body::Raw(bytes, content_type) => MockResponse::bytes(status, content_type, bytes),
        }
    }

    /// The ISC error body (`ErrorResponseDto`) for a request the mock
    /// refuses, with `text` as its one message.
    pub(super) fn isc_error(status: u16, detail: &str, text: &str) -> Self {
        MockResponse::json(
            status,
            &serde_json::json!({
                "detailCode": detail,
                "trackingId": "mock",
                "messages": [{ "locale": "en-US", "localeOrigin": "DEFAULT", "text": text }],
            }),
        )
    }
}

impl fmt::Debug for MockResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MockResponse")
            .field("status", &self.status)
            .field(
                "headers",
                &self
                    .headers
                    .iter()
                    .map(|(k, _)| k.as_str())
                    .collect::<Vec<_>>(),
            )
            .field("body_len", &self.body.len())
            .finish()
    }
}
