//! The server's HTTP/1 loop, on hyper directly rather than axum: an answer
//! may be no answer at all (the connection closed before a status line),
//! which a router framework has no way to say.

use super::dispatch::{Outcome, Raw};
use super::Shared;
use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinSet;

/// The largest request body read (a bigger one is a 413).
const MAX_REQUEST_BODY: usize = 32 * 1024 * 1024;

/// Why a connection is closed without an answer.
#[derive(Debug)]
struct Dropped;

impl std::fmt::Display for Dropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the rule drops the connection")
    }
}

impl std::error::Error for Dropped {}

/// Accepts connections until `stop`; every connection ends with the loop
/// (the set that holds them is dropped with it).
pub(super) async fn serve(
    listener: TcpListener,
    shared: Arc<Shared>,
    mut stop: oneshot::Receiver<()>,
) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = &mut stop => break,
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let shared = Arc::clone(&shared);
                connections.spawn(async move {
                    let service = service_fn(move |req| answer(Arc::clone(&shared), req));
                    // A connection that fails (a dropped answer, a client
                    // gone) ends only itself.
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
            // Reap finished connections so the set does not grow.
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}

async fn answer(
    shared: Arc<Shared>,
    req: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Dropped> {
    let (parts, body) = req.into_parts();
    let body = match Limited::new(body, MAX_REQUEST_BODY).collect().await {
        Ok(b) => b.to_bytes(),
        Err(_) => {
            return Ok(plain(
                413,
                "the request body is too large or could not be read",
            ))
        }
    };
    let raw = Raw {
        method: parts.method,
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().map(query_pairs).unwrap_or_default(),
        headers: parts.headers,
        body,
    };
    match shared.dispatch(raw) {
        Outcome::Answer(r, delay) => {
            tokio::time::sleep(delay).await;
            let mut response = Response::new(Full::new(r.body));
            *response.status_mut() = r.status;
            for (k, v) in r.headers {
                response.headers_mut().append(k, v);
            }
            Ok(response)
        }
        Outcome::Drop(delay) => {
            tokio::time::sleep(delay).await;
            Err(Dropped)
        }
    }
}

fn plain(status: u16, text: &'static str) -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::new(Bytes::from_static(text.as_bytes())));
    *r.status_mut() = http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::BAD_REQUEST);
    r
}

/// The query string's pairs, decoded as a form is.
fn query_pairs(query: &str) -> Vec<(String, String)> {
    crate::mock::form::form_pairs(query.as_bytes()).unwrap_or_default()
}
