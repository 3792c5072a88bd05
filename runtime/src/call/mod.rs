//! [`Call`]: the one way a request is sent. Every generated method returns
//! one (or a builder around one), and [`Client::execute`] and its siblings
//! make one from a hand-written [`Request`]. It holds the client, the
//! request being built and how a success becomes its value
//! ([`answer`]); awaiting it sends the request. The per-call options
//! (headers, a deadline, a retry policy) and
//! [`send_with_response`](Call::send_with_response) work on every call.

use crate::client::Client;
use crate::error::Result;
use crate::futures::CallFuture;
use crate::json::{Decode, Encode};
use crate::options::CallOptions;
use crate::request::Request;
use bytes::Bytes;
use std::fmt;
use std::future::IntoFuture;

pub(crate) mod answer;
mod execute;
mod paging;
mod response;

use answer::Answer;
pub use response::Response;

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

// By hand: a derive would ask `T: Clone`, and `T` is only the answer's type.
impl<T> Clone for Call<T> {
    /// The same call, to send again (a waiter's next poll).
    fn clone(&self) -> Self {
        Call {
            client: self.client.clone(),
            request: self.request.clone(),
            answer: self.answer,
        }
    }
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
        Call::with(client, request, answer::json)
    }
}

impl<T: Decode> Call<Option<T>> {
    /// A call whose success may have a JSON body (`Some`) or none (`None`,
    /// as for `204 No Content`).
    #[doc(hidden)]
    #[inline]
    pub fn optional(client: &Client, request: Request) -> Self {
        Call::with(client, request, answer::optional)
    }
}

impl Call<Bytes> {
    /// A call whose success body is returned as it came (CSV, ZIP, images).
    #[doc(hidden)]
    #[inline]
    pub fn bytes(client: &Client, request: Request) -> Self {
        Call::with(client, request, answer::bytes)
    }
}

impl Call<()> {
    /// A call whose success body is ignored.
    #[doc(hidden)]
    #[inline]
    pub fn empty(client: &Client, request: Request) -> Self {
        Call::with(client, request, answer::empty)
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

    crate::__per_call_options!();

    /// Changes the per-call options: what the option methods of this call
    /// and of the generated builders come down to.
    #[doc(hidden)]
    #[inline]
    pub fn __options(mut self, f: impl FnOnce(&mut CallOptions)) -> Self {
        f(&mut self.request.options);
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

    /// The one send every answer comes from.
    pub(crate) async fn exchange(self) -> Result<Response<T>> {
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
