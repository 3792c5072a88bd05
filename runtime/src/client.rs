//! The client that every generated method sends its request through.

use crate::auth::{StaticToken, TokenSource};
use crate::error::{excerpt, ApiError, ConfigError, DecodeError, Error, Result, MAX_ERROR_BODY};
use crate::request::{Body, Request};
use bytes::Bytes;
use http::{HeaderMap, HeaderValue, StatusCode};
use serde::de::DeserializeOwned;
use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A configured connection to one ISC tenant. Cheap to clone; clones share
/// the connection pool and the token.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    /// Tenant API URL without a trailing slash (`https://acme.api.identitynow.com`).
    base_url: String,
    tokens: Arc<dyn TokenSource>,
    request_timeout: Duration,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field("request_timeout", &self.inner.request_timeout)
            .finish_non_exhaustive()
    }
}

/// Builds a [`Client`].
#[derive(Default)]
pub struct ClientBuilder {
    base_url: Option<String>,
    tokens: Option<Arc<dyn TokenSource>>,
    connect_timeout: Option<Duration>,
    request_timeout: Option<Duration>,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// The tenant API URL, e.g. `https://acme.api.identitynow.com`. The
    /// version path (`/v2024`, `/beta`) comes from each spec.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Sends this bearer token with every request.
    pub fn bearer_token(self, token: impl Into<Arc<str>>) -> Self {
        self.token_source(StaticToken::new(token))
    }

    /// Gets tokens from `source`.
    pub fn token_source(mut self, source: impl TokenSource) -> Self {
        self.tokens = Some(Arc::new(source));
        self
    }

    /// Time allowed to establish a connection (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// Time allowed for one request, from sending to the end of the body
    /// (default 60 s).
    pub fn request_timeout(mut self, timeout: Duration) -> Self {
        self.request_timeout = Some(timeout);
        self
    }

    /// Checks the configuration and builds the client.
    pub fn build(self) -> Result<Client> {
        let base = self
            .base_url
            .ok_or_else(|| ConfigError::new("base_url", "is required"))?;
        let parsed = reqwest::Url::parse(&base)
            .map_err(|e| ConfigError::new("base_url", format!("`{base}` is not a URL: {e}")))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(ConfigError::new("base_url", "must be an http or https URL").into());
        }
        let tokens = self
            .tokens
            .ok_or_else(|| ConfigError::new("credentials", "a token source is required"))?;
        let request_timeout = self.request_timeout.unwrap_or(Duration::from_secs(60));
        let http = reqwest::Client::builder()
            .connect_timeout(self.connect_timeout.unwrap_or(Duration::from_secs(10)))
            .build()
            .map_err(|e| ConfigError::new("http client", e.to_string()))?;
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base_url: base.trim_end_matches('/').to_owned(),
                tokens,
                request_timeout,
            }),
        })
    }
}

/// A response with a success status, body read in full.
pub(crate) struct Success {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
}

impl Client {
    /// Starts configuring a client.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// The tenant API URL this client talks to.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// Sends `req` and decodes a JSON success body as `T`. Generated methods
    /// call this; it is public so that hand-written extensions can too.
    pub async fn execute<T: DeserializeOwned>(&self, req: Request) -> Result<T> {
        let op = req.op;
        let ok = self.send(req).await?;
        decode_json::<T>(&ok.body)
            .map_err(|e| {
                Error::Decode(Box::new(DecodeError {
                    operation: op.id,
                    method: op.method.clone(),
                    path: op.path,
                    status: ok.status,
                    content_type: header_str(&ok.headers, "content-type"),
                    excerpt: excerpt(&ok.body),
                    field: e.0,
                    message: e.1,
                }))
            })
    }

    /// Sends `req` and ignores the success body (for `204 No Content`).
    pub async fn execute_empty(&self, req: Request) -> Result<()> {
        self.send(req).await.map(|_| ())
    }

    async fn send(&self, req: Request) -> Result<Success> {
        let op = req.op;
        if let Some(source) = req.encode_error {
            return Err(Error::Encode {
                path: op.path,
                method: op.method.clone(),
                source,
            });
        }
        let url = format!("{}{}{}", self.inner.base_url, op.base_path, req.render_path());
        let started = Instant::now();
        let mut refreshed = false;
        let mut attempts = 0;
        loop {
            attempts += 1;
            let token = self.inner.tokens.token().await?;
            let mut rb = self
                .inner
                .http
                .request(op.method.clone(), &url)
                .timeout(self.inner.request_timeout)
                .bearer_auth(token.secret())
                .header(http::header::ACCEPT, "application/json");
            if !req.query.is_empty() {
                rb = rb.query(&req.query);
            }
            for (name, value) in &req.headers {
                rb = rb.header(*name, value.as_str());
            }
            if let Some(Body::Json(bytes)) = &req.body {
                rb = rb
                    .header(http::header::CONTENT_TYPE, "application/json")
                    .body(bytes.clone());
            }
            let resp = rb.send().await.map_err(|e| transport(op, e, started))?;
            let status = resp.status();
            let headers = resp.headers().clone();
            if status == StatusCode::UNAUTHORIZED && !refreshed {
                // One refresh and one retry, never a loop.
                refreshed = true;
                self.inner.tokens.invalidate(&token);
                continue;
            }
            if status.is_success() {
                let body = resp.bytes().await.map_err(|e| transport(op, e, started))?;
                return Ok(Success {
                    status,
                    headers,
                    body,
                });
            }
            let mut raw = resp.bytes().await.unwrap_or_default();
            raw.truncate(MAX_ERROR_BODY);
            return Err(api_error(op, status, headers, raw, attempts));
        }
    }
}

fn transport(op: &crate::request::Operation, e: reqwest::Error, started: Instant) -> Error {
    if e.is_timeout() {
        Error::Timeout {
            path: op.path,
            method: op.method.clone(),
            elapsed: started.elapsed(),
        }
    } else {
        Error::Transport {
            path: op.path,
            method: op.method.clone(),
            source: e,
        }
    }
}

/// Decodes `body` as `T`, or says which field failed and why.
fn decode_json<T: DeserializeOwned>(body: &[u8]) -> std::result::Result<T, (String, String)> {
    let mut de = serde_json::Deserializer::from_slice(body);
    let value: T = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| (e.path().to_string(), e.inner().to_string()))?;
    de.end().map_err(|e| (".".to_owned(), e.to_string()))?;
    Ok(value)
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
    let retry_after = headers
        .get(http::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_secs);
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
