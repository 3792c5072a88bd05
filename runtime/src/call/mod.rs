//! [`Call`]: what every generated method returns. It holds the client and
//! the [`Request`] being built; awaiting it sends the request. Per-call
//! options (headers, a deadline, a retry policy) and
//! [`send_with_response`](Call::send_with_response) work on every call, and
//! the builders of operations with optional parameters wrap a `Call` and
//! forward to it.

use crate::client::Client;
use crate::error::Result;
use crate::json::{Decode, Encode};
use crate::request::{Request, Target};
use crate::retry::RetryPolicy;
use crate::send::Success;
use bytes::Bytes;
use http::{HeaderMap, StatusCode};
use std::borrow::Cow;
use std::fmt;
use std::future::{Future, IntoFuture};
use std::pin::Pin;
use std::time::Duration;

mod paging;

/// The future a [`Call`] becomes when it is awaited or sent: boxed, `Send`
/// and `'static`, so it can be spawned.
pub type CallFuture<T> = Pin<Box<dyn Future<Output = Result<T>> + Send + 'static>>;

/// How a success response becomes the call's value.
type Answer<T> = fn(&Target, &Success) -> Result<T>;

/// One API call, ready to send: `.await` it (or call [`send`](Self::send))
/// for the decoded body, or [`send_with_response`](Self::send_with_response)
/// for the status and headers too. Before that, per-call options change this
/// call only, never the client:
///
/// ```no_run
/// # async fn run(client: sailpoint_isc::Client) -> sailpoint_isc::Result<()> {
/// use std::time::Duration;
/// use sailpoint_isc::RetryPolicy;
///
/// let status = client
///     .v2024()
///     .get_password_change_status("089899f13a8f4da7824996191587bab9")
///     .header("X-Request-Source", "nightly-sync")
///     .timeout(Duration::from_secs(10))
///     .retry_policy(RetryPolicy::none())
///     .send_with_response()
///     .await?;
/// println!("{} {:?}", status.status(), status.body().state);
/// # Ok(()) }
/// ```
///
/// A `Call` owns what it needs (a clone of the client, which shares its
/// connection pool and token), so it and its future are `'static` and can be
/// moved to another task.
#[must_use = "a call does nothing until it is awaited"]
pub struct Call<T> {
    client: Client,
    request: Request,
    answer: Answer<T>,
}

impl<T> fmt::Debug for Call<T> {
    /// The request's [`Debug`](Request), which shows names, not values.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Call")
            .field("request", &self.request)
            .finish_non_exhaustive()
    }
}

impl<T: Decode> Call<T> {
    /// A call whose success body is JSON decoded as `T`.
    #[doc(hidden)]
    #[inline]
    pub fn json(client: &Client, request: Request) -> Self {
        Call::with(client, request, |target, ok| {
            crate::client::decode_success(target, ok)
        })
    }
}

impl<T: Decode> Call<Option<T>> {
    /// A call whose success may have a JSON body (`Some`) or none (`None`,
    /// as for `204 No Content`).
    #[doc(hidden)]
    #[inline]
    pub fn optional(client: &Client, request: Request) -> Self {
        Call::with(client, request, |target, ok| {
            if ok.status == StatusCode::NO_CONTENT || ok.body.iter().all(u8::is_ascii_whitespace) {
                return Ok(None);
            }
            crate::client::decode_success(target, ok).map(Some)
        })
    }
}

impl Call<Bytes> {
    /// A call whose success body is returned as it came (CSV, ZIP, images).
    #[doc(hidden)]
    #[inline]
    pub fn bytes(client: &Client, request: Request) -> Self {
        Call::with(client, request, |_, ok| Ok(ok.body.clone()))
    }
}

impl Call<()> {
    /// A call whose success body is ignored.
    #[doc(hidden)]
    #[inline]
    pub fn empty(client: &Client, request: Request) -> Self {
        Call::with(client, request, |_, _| Ok(()))
    }
}

impl<T> Call<T> {
    fn with(client: &Client, request: Request, answer: Answer<T>) -> Self {
        Call {
            client: client.clone(),
            request,
            answer,
        }
    }

    /// Sets the query parameter `name` to `value`, replacing any value it
    /// had: for a parameter the spec does not document. The generated
    /// setters use it for the ones it does.
    pub fn query(mut self, name: &'static str, value: impl ToString) -> Self {
        self.request.set_query(name, value.to_string());
        self
    }

    /// Sets the query parameter `name` to one `name=value` pair per value
    /// (`?a=1&a=2`), replacing any value it had.
    pub fn query_each<V: ToString>(
        mut self,
        name: &'static str,
        values: impl IntoIterator<Item = V>,
    ) -> Self {
        let values = values.into_iter().map(|v| v.to_string()).collect();
        self.request.set_query_each(name, values);
        self
    }

    /// Sets the header `name` to `value` for this call, replacing any value
    /// it had (names compare without regard to case). The token's
    /// `Authorization` header is the client's and cannot be replaced. A
    /// name or value HTTP does not allow fails the call with
    /// [`Error::Header`](crate::Error::Header) before anything is sent.
    pub fn header(mut self, name: impl Into<Cow<'static, str>>, value: impl ToString) -> Self {
        self.request.set_header(name.into(), value.to_string());
        self
    }

    /// Gives this call `deadline` in all, retries included; see
    /// [`Request::timeout`].
    pub fn timeout(mut self, deadline: Duration) -> Self {
        self.request = self.request.timeout(deadline);
        self
    }

    /// Retries this call as `policy` says instead of the client's policy;
    /// [`RetryPolicy::none()`](RetryPolicy::none) sends it once.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.request = self.request.retry_policy(policy);
        self
    }

    /// Sets the JSON body (an operation's optional body).
    #[doc(hidden)]
    #[inline]
    pub fn json_body<B: Encode + ?Sized>(mut self, content_type: &'static str, body: &B) -> Self {
        self.request = self.request.json_as(content_type, body);
        self
    }

    /// Sets a `multipart/form-data` body (an operation's optional body).
    #[doc(hidden)]
    #[inline]
    pub fn multipart_body<B: Encode + ?Sized>(mut self, body: &B) -> Self {
        self.request = self.request.multipart(body);
        self
    }

    /// The request as built so far.
    pub fn request(&self) -> &Request {
        &self.request
    }

    /// The request and the client it would be sent with, for sending it
    /// another way (such as [`Client::execute`]).
    pub fn into_parts(self) -> (Client, Request) {
        (self.client, self.request)
    }
}

impl<T: Send + 'static> Call<T> {
    /// Sends the call; the same as awaiting it.
    pub fn send(self) -> CallFuture<T> {
        Box::pin(async move { self.exchange().await.map(|response| response.body) })
    }

    /// Sends the call and answers the decoded body together with the
    /// response's status and headers (`X-Total-Count`, `Retry-After`, …).
    pub fn send_with_response(self) -> CallFuture<Response<T>> {
        Box::pin(self.exchange())
    }

    /// The one send both answers come from.
    async fn exchange(self) -> Result<Response<T>> {
        let Call {
            client,
            request,
            answer,
        } = self;
        let target = request.target.clone();
        let ok = client.send(request).await?;
        let body = answer(&target, &ok)?;
        Ok(Response {
            status: ok.status,
            headers: ok.headers,
            body,
        })
    }
}

impl<T: Send + 'static> IntoFuture for Call<T> {
    type Output = Result<T>;
    type IntoFuture = CallFuture<T>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

/// A success response: its status, its headers and the decoded body, from
/// [`Call::send_with_response`].
///
/// Its `Debug` shows header names only: headers may carry secrets.
pub struct Response<T> {
    status: StatusCode,
    headers: HeaderMap,
    body: T,
}

impl<T> Response<T> {
    /// The status, such as `200 OK` or `202 Accepted`.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// All response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The value of header `name` (any case) when it is present and text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// `X-Total-Count`, which ISC's lists send when asked with `count=true`.
    pub fn total_count(&self) -> Option<u64> {
        crate::paginate::total_count(&self.headers)
    }

    /// The decoded body.
    pub fn body(&self) -> &T {
        &self.body
    }

    /// The decoded body, by value.
    pub fn into_body(self) -> T {
        self.body
    }

    /// Status, headers and body, by value.
    pub fn into_parts(self) -> (StatusCode, HeaderMap, T) {
        (self.status, self.headers, self.body)
    }
}

impl<T: fmt::Debug> fmt::Debug for Response<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.headers.keys().map(|k| k.as_str()).collect();
        f.debug_struct("Response")
            .field("status", &self.status)
            .field("headers", &names)
            .field("body", &self.body)
            .finish()
    }
}
