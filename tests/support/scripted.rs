//! A real HTTP server on 127.0.0.1 that records every request it gets and
//! answers from a script, for tests that check what a generated method sends
//! and how it decodes each documented answer.

use axum::body::Bytes;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: Method,
    pub path: String,
    pub query: Option<String>,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Seen {
    /// A header's value as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
    /// The body parsed as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or(serde_json::Value::Null)
    }
}

/// A scripted answer.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub body: String,
    pub headers: Vec<(String, String)>,
}

impl Reply {
    /// A JSON answer.
    pub fn json(status: u16, body: serde_json::Value) -> Self {
        Reply {
            status,
            body: body.to_string(),
            headers: vec![("content-type".into(), "application/json".into())],
        }
    }
}

#[derive(Default)]
struct State {
    seen: Vec<Seen>,
    script: VecDeque<Reply>,
}

/// The server handle: queue replies, read what was received.
#[derive(Clone, Default)]
pub struct Scripted {
    state: Arc<Mutex<State>>,
}

impl Scripted {
    /// Starts a server on 127.0.0.1 and returns it with its base URL.
    pub async fn start() -> (Scripted, String) {
        let s = Scripted::default();
        let st = s.clone();
        let router = Router::new().fallback(
            move |method: Method, uri: Uri, headers: HeaderMap, body: Bytes| {
                let st = st.clone();
                async move { st.answer(method, uri, headers, body) }
            },
        );
        let base = crate::net::serve(router).await;
        (s, base)
    }

    fn answer(&self, method: Method, uri: Uri, headers: HeaderMap, body: Bytes) -> Response {
        let mut st = self.state.lock().expect("lock");
        st.seen.push(Seen {
            method,
            path: uri.path().to_owned(),
            query: uri.query().map(str::to_owned),
            headers,
            body,
        });
        let reply = st.script.pop_front().unwrap_or(Reply {
            status: 599,
            body: "no scripted reply".into(),
            headers: vec![],
        });
        let mut resp = (
            StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            reply.body,
        )
            .into_response();
        for (k, v) in reply.headers {
            if let (Ok(k), Ok(v)) = (
                axum::http::HeaderName::from_bytes(k.as_bytes()),
                axum::http::HeaderValue::from_str(&v),
            ) {
                resp.headers_mut().insert(k, v);
            }
        }
        resp
    }

    /// Queues the next answer.
    pub fn reply(&self, r: Reply) {
        self.state.lock().expect("lock").script.push_back(r);
    }

    /// Takes every request received so far.
    pub fn take(&self) -> Vec<Seen> {
        std::mem::take(&mut self.state.lock().expect("lock").seen)
    }
}
