//! [`Client`] and all of its inherent methods: construction, the API
//! versions this crate ships, and the `execute` family that every generated
//! method and every hand-written [`Request`] goes through.

use crate::config::ClientBuilder;
use crate::error::{clip, excerpt, DecodeError, Error, Result};
use crate::json::Decode;
use crate::request::{Request, Target};
use crate::send::{Sender, Success};
use bytes::Bytes;
use http::{HeaderMap, HeaderValue};
use std::fmt;
use std::sync::Arc;

/// A configured connection to one ISC tenant. Cheap to clone; clones share
/// the connection pool and the token. Build one with [`Client::builder`] or
/// [`Client::from_env`].
#[derive(Clone)]
pub struct Client {
    sender: Arc<Sender>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &*self.sender;
        f.debug_struct("Client")
            .field("base_url", &s.base_url)
            .field("request_timeout", &s.request_timeout)
            .field("retry", &s.retry)
            .field("max_response_body", &s.max_response_body)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Starts configuring a client.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client configured from `SAIL_BASE_URL`, `SAIL_CLIENT_ID` and
    /// `SAIL_CLIENT_SECRET` with default settings; see
    /// [`ClientBuilder::from_env`].
    pub fn from_env() -> Result<Client> {
        ClientBuilder::from_env()?.build()
    }

    pub(crate) fn from_sender(sender: Sender) -> Self {
        Client {
            sender: Arc::new(sender),
        }
    }

    /// The tenant API URL this client talks to.
    pub fn base_url(&self) -> &str {
        &self.sender.base_url
    }

    /// The `v2024` Password Management operations, sharing this client's
    /// connection pool, token and settings.
    pub fn v2024(&self) -> crate::v2024::Api {
        crate::v2024::Api::new(self.clone())
    }

    /// The `beta` Password Management operations, sharing this client's
    /// connection pool, token and settings.
    pub fn beta(&self) -> crate::beta::ApiBeta {
        crate::beta::ApiBeta::new(self.clone())
    }

    /// Sends `request` and decodes a JSON success body as `T`: a generated
    /// model, a `serde_json::Value`, or a serde type wrapped in
    /// [`Serde`](crate::json::Serde). The token, retries and typed errors
    /// are those of the generated methods, which call this too; see
    /// [`Request`] for an example.
    pub async fn execute<T: Decode>(&self, request: Request) -> Result<T> {
        let target = request.target.clone();
        let ok = self.sender.send(request).await?;
        decode_success(&target, &ok)
    }

    /// Sends `request` and decodes a JSON success body as `T`, or `None`
    /// when the success response has no body (an operation documenting `200`
    /// with a body and `204` without).
    pub async fn execute_optional<T: Decode>(&self, request: Request) -> Result<Option<T>> {
        let target = request.target.clone();
        let ok = self.sender.send(request).await?;
        if ok.status == http::StatusCode::NO_CONTENT || ok.body.iter().all(u8::is_ascii_whitespace)
        {
            return Ok(None);
        }
        decode_success(&target, &ok).map(Some)
    }

    /// Sends `request` and returns the success body as it came (CSV, ZIP,
    /// images: operations whose success response is not JSON).
    pub async fn execute_bytes(&self, request: Request) -> Result<Bytes> {
        self.sender.send(request).await.map(|ok| ok.body)
    }

    /// Sends `request` and ignores the success body (for `204 No Content`).
    pub async fn execute_empty(&self, request: Request) -> Result<()> {
        self.sender.send(request).await.map(|_| ())
    }
}

/// Decodes a success body as `T`, or the typed decode error.
fn decode_success<T: Decode>(target: &Target, ok: &Success) -> Result<T> {
    crate::json::decode_slice::<T>(&ok.body).map_err(|e| {
        Error::Decode(Box::new(DecodeError {
            operation: target.id,
            method: target.method.clone(),
            path: target.path,
            status: ok.status,
            content_type: header_str(&ok.headers, "content-type"),
            excerpt: excerpt(&ok.body),
            // serde quotes the offending value (`invalid type: string "…"`),
            // which may be as long as the body: keep the start.
            field: clip(&e.path()).into_owned(),
            message: clip(e.message()).into_owned(),
        }))
    })
}

fn header_str(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .and_then(|v: &HeaderValue| v.to_str().ok())
        .map(str::to_owned)
}
