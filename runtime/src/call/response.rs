//! [`Response`]: a success's status, headers and decoded body, from
//! [`Call::send_with_response`](crate::Call::send_with_response).

use http::{HeaderMap, StatusCode};
use std::fmt;

/// A success response: its status, its headers and the decoded body, from
/// [`Call::send_with_response`](crate::Call::send_with_response).
///
/// Its `Debug` shows header names only: headers may carry secrets.
pub struct Response<T> {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: T,
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
