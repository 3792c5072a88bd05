//! A request the mock server received: [`Incoming`] as the server keeps it,
//! [`MockRequest`] as a rule sees it, typed by its operation.

use crate::json::Decode;
use crate::operation::ApiOperation;
use bytes::Bytes;
use http::{HeaderMap, Method};
use std::any::Any;
use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;

/// A received request, decoded once for every rule of its operation.
pub(super) struct Incoming {
    pub(super) method: Method,
    pub(super) path: String,
    pub(super) query: Vec<(String, String)>,
    pub(super) headers: HeaderMap,
    pub(super) body: Bytes,
    /// The path parameters of the operation's template.
    pub(super) params: Vec<(&'static str, String)>,
    /// The body decoded as the operation's body type, when there was one.
    pub(super) decoded: Option<Arc<dyn Any + Send + Sync>>,
}

impl Incoming {
    pub(super) fn query(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub(super) fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub(super) fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    /// `GET /v2024/accounts?limit=2`, for messages.
    pub(super) fn line(&self) -> String {
        request_line(&self.method, &self.path, &self.query)
    }
}

/// `GET /v2024/accounts?limit=2`, for messages.
pub(super) fn request_line(method: &Method, path: &str, query: &[(String, String)]) -> String {
    let mut line = format!("{method} {path}");
    for (i, (k, v)) in query.iter().enumerate() {
        line.push(if i == 0 { '?' } else { '&' });
        line.push_str(k);
        line.push('=');
        line.push_str(v);
    }
    line
}

/// One request a rule of operation `O` received or is asked to match: the
/// path parameters, query and headers as sent, and the body decoded as the
/// operation's body type.
///
/// Header values that are not visible ASCII read as `None`; the
/// `Authorization` header is never shown by `Debug`.
pub struct MockRequest<O: ApiOperation> {
    pub(super) inner: Arc<Incoming>,
    pub(super) op: PhantomData<fn() -> O>,
}

impl<O: ApiOperation> Clone for MockRequest<O> {
    fn clone(&self) -> Self {
        MockRequest {
            inner: Arc::clone(&self.inner),
            op: PhantomData,
        }
    }
}

impl<O: ApiOperation> MockRequest<O> {
    pub(super) fn new(inner: Arc<Incoming>) -> Self {
        MockRequest {
            inner,
            op: PhantomData,
        }
    }

    /// The HTTP method.
    pub fn method(&self) -> &Method {
        &self.inner.method
    }

    /// The path as sent (`/v2024/accounts/2c91…`), still percent-encoded.
    pub fn path(&self) -> &str {
        &self.inner.path
    }

    /// The value of the path parameter `name` of the operation's template
    /// (`"id"` for `/accounts/{id}`), percent-decoded.
    pub fn path_param(&self, name: &str) -> Option<&str> {
        self.inner.param(name)
    }

    /// The first value of the query parameter `name`, decoded.
    pub fn query(&self, name: &str) -> Option<&str> {
        self.inner.query(name)
    }

    /// Every value of the query parameter `name`, in the order sent.
    pub fn query_all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.inner
            .query
            .iter()
            .filter(move |(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.inner.header(name)
    }

    /// The body decoded as the operation's body type: `None` when the
    /// request had no body, or one the server does not decode
    /// (`multipart/form-data`; see [`raw_body`](Self::raw_body)).
    pub fn body(&self) -> Option<&O::Body>
    where
        O::Body: Send + Sync,
    {
        self.inner.decoded.as_deref()?.downcast_ref::<O::Body>()
    }

    /// The body's bytes as sent.
    pub fn raw_body(&self) -> &[u8] {
        &self.inner.body
    }
}

impl<O: ApiOperation> fmt::Debug for MockRequest<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<&str> = self.inner.headers.keys().map(|k| k.as_str()).collect();
        f.debug_struct("MockRequest")
            .field("operation", &O::OPERATION.id)
            .field("method", &self.inner.method)
            .field("path", &self.inner.path)
            .field("query", &self.inner.query)
            .field("headers", &headers)
            .field("body_len", &self.inner.body.len())
            .finish()
    }
}

/// A request body type the mock server decodes: every generated body type
/// (through [`Decode`], strictly: a required property left out fails, as
/// the request side is not read leniently) and `()`, an operation without
/// a body.
pub trait MockBody: Send + Sync + Sized + 'static {
    /// The body decoded from its JSON bytes; `Ok(None)` for an empty body.
    #[doc(hidden)]
    fn decode_body(body: &[u8]) -> Result<Option<Self>, String>;
}

impl<T: Decode + Send + Sync + 'static> MockBody for T {
    fn decode_body(body: &[u8]) -> Result<Option<Self>, String> {
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(None);
        }
        crate::json::decode_slice_strict::<T>(body)
            .map(Some)
            .map_err(|e| match e.path().as_str() {
                "" | "." => e.message().to_owned(),
                path => format!("at `{path}`: {}", e.message()),
            })
    }
}

impl MockBody for () {
    fn decode_body(_: &[u8]) -> Result<Option<Self>, String> {
        Ok(Some(()))
    }
}

/// Decodes `body` as `B` when it is JSON; the erased form the server keeps.
pub(super) fn decode_erased<B: MockBody>(
    content_type: Option<&str>,
    body: &[u8],
) -> Result<Option<Arc<dyn Any + Send + Sync>>, String> {
    let multipart = content_type.is_some_and(|t| t.starts_with("multipart/"));
    if multipart {
        return Ok(None);
    }
    Ok(B::decode_body(body)?.map(|b| Arc::new(b) as Arc<dyn Any + Send + Sync>))
}
