//! Path parameters cannot leave their segment, and the public request seam:
//! hand-written [`Request`]s and a caller's own `reqwest::Client`.
//!
//! The server is a plain TCP listener on 127.0.0.1 that records the request
//! line and headers of everything that reaches it, so a refused call is
//! seen to send nothing at all.

use http::Method;
use sailpoint_isc::{Client, Error, Request, RetryPolicy};
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// Every request head (request line, then headers) the server received.
#[derive(Clone, Default)]
struct Seen(Arc<Mutex<Vec<String>>>);

impl Seen {
    fn heads(&self) -> Vec<String> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    fn lines(&self) -> Vec<String> {
        self.heads()
            .iter()
            .map(|h| h.lines().next().unwrap_or_default().to_owned())
            .collect()
    }
}

/// Serves `body` with status 200 to every request, one request per
/// connection; returns the base URL and what it saw.
async fn recording_server(body: &'static str) -> (String, Seen) {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind a loopback port");
    let addr = listener.local_addr().expect("local address");
    let seen = Seen::default();
    let log = seen.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(answer(stream, log.clone(), body));
        }
    });
    (format!("http://{addr}"), seen)
}

async fn answer(mut stream: TcpStream, seen: Seen, body: &'static str) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    // Read the head, then as much body as it declares (bounded: 1 MiB).
    let head_end = loop {
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        if buf.len() > 1 << 20 {
            return;
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let declared = head
        .lines()
        .filter_map(|l| l.split_once(':'))
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.trim().parse::<usize>().ok())
        .unwrap_or(0)
        .min(1 << 20);
    while buf.len() < head_end + declared {
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => break,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    seen.0.lock().unwrap_or_else(|e| e.into_inner()).push(head);
    let reply = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.write_all(reply.as_bytes()).await;
    let _ = stream.shutdown().await;
}

fn client(base: &str) -> Client {
    Client::builder()
        .base_url(base)
        .bearer_token("test-token")
        .retry(RetryPolicy::none())
        .build()
        .expect("client")
}

const METHODS: [Method; 5] = [
    Method::GET,
    Method::POST,
    Method::PUT,
    Method::PATCH,
    Method::DELETE,
];

/// A hand-written call of `method` with `value` as `{id}`; methods that
/// usually carry a body get one.
fn request(method: &Method, value: &str) -> Request {
    let r = Request::new(method.clone(), "/v2024/things/{id}/parts")
        .operation_id("thingParts")
        .path("id", value);
    if matches!(*method, Method::POST | Method::PUT | Method::PATCH) {
        r.json(&json!({ "a": 1 }))
    } else {
        r
    }
}

#[tokio::test]
async fn dot_segments_and_empty_values_are_refused_for_every_method() {
    let (base, seen) = recording_server("{}").await;
    let client = client(&base);
    for method in &METHODS {
        for (value, problem) in [("", "is empty"), (".", "is \".\""), ("..", "is \"..\"")] {
            let err = client
                .execute::<Value>(request(method, value))
                .await
                .expect_err("refused");
            match &err {
                Error::PathParameter {
                    operation,
                    method: m,
                    parameter,
                    problem: p,
                    ..
                } => {
                    assert_eq!(
                        (*operation, m, *parameter, *p),
                        ("thingParts", method, "id", problem)
                    );
                }
                other => panic!("{method} {value:?}: expected PathParameter, got {other:?}"),
            }
            assert!(err.to_string().contains("`id` of thingParts"), "{err}");
        }
    }
    assert_eq!(
        seen.lines(),
        Vec::<String>::new(),
        "a refused call was sent"
    );

    // The same calls with values that only look like paths stay one segment.
    let value = "a/b?c#d e ü..";
    for method in &METHODS {
        let r: Value = client
            .execute(request(method, value))
            .await
            .unwrap_or_else(|e| panic!("{method}: {e}"));
        assert_eq!(r, json!({}));
    }
    let expected: Vec<String> = METHODS
        .iter()
        .map(|m| format!("{m} /v2024/things/a%2Fb%3Fc%23d%20e%20%C3%BC../parts HTTP/1.1"))
        .collect();
    assert_eq!(seen.lines(), expected);
}

#[tokio::test]
async fn generated_methods_refuse_dot_segments() {
    let (base, seen) = recording_server(r#"{"requestId":"r-1","state":"FINISHED"}"#).await;
    let client = client(&base);
    for value in ["..", ".", ""] {
        let err = client
            .v2024()
            .get_password_change_status(value)
            .await
            .expect_err("refused");
        assert!(
            matches!(
                err,
                Error::PathParameter {
                    operation: "getPasswordChangeStatus",
                    parameter: "id",
                    ..
                }
            ),
            "{err:?}"
        );
    }
    assert_eq!(
        seen.lines(),
        Vec::<String>::new(),
        "a refused call was sent"
    );
    let status = client
        .v2024()
        .get_password_change_status("../x")
        .await
        .expect("a value with a slash is one segment");
    assert_eq!(status.request_id.as_deref(), Some("r-1"));
    assert_eq!(
        seen.lines(),
        ["GET /v2024/password-change-status/..%2Fx HTTP/1.1"]
    );
}

#[tokio::test]
async fn hand_written_requests_carry_query_headers_and_body() {
    let (base, seen) = recording_server(r#"{"id":"42"}"#).await;
    #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Thing {
        id: String,
    }
    let request = Request::post("/beta/things")
        .operation_id("createThing")
        .query("dryRun", true)
        .query_opt("missing", None::<&str>)
        .header("X-Trace", "abc")
        .json(&sailpoint_isc::json::Serde(Thing { id: "in".into() }));
    let thing: sailpoint_isc::json::Serde<Thing> =
        client(&base).execute(request).await.expect("success");
    assert_eq!(thing.0, Thing { id: "42".into() });
    let heads = seen.heads();
    assert_eq!(seen.lines(), ["POST /beta/things?dryRun=true HTTP/1.1"]);
    let head = heads[0].to_ascii_lowercase();
    for expected in [
        "authorization: bearer test-token",
        "x-trace: abc",
        "content-type: application/json",
    ] {
        assert!(
            head.contains(expected),
            "`{expected}` missing from:\n{head}"
        );
    }
}

#[tokio::test]
async fn a_callers_own_http_client_sends_every_request() {
    let (base, seen) = recording_server(r#"{"id":"1"}"#).await;
    let mut headers = http::HeaderMap::new();
    headers.insert("x-proxy-tag", http::HeaderValue::from_static("mine"));
    let http = reqwest::Client::builder()
        .default_headers(headers)
        .user_agent("my-app/1.0")
        .build()
        .expect("reqwest client");
    let client = Client::builder()
        .base_url(base.as_str())
        .bearer_token("test-token")
        .http_client(http)
        .build()
        .expect("client");
    let _: Value = client
        .execute(Request::get("/v2024/things/{id}").path("id", "1"))
        .await
        .expect("success");
    let head = seen.heads().concat().to_ascii_lowercase();
    assert!(head.contains("x-proxy-tag: mine"), "{head}");
    assert!(head.contains("user-agent: my-app/1.0"), "{head}");
    assert!(head.contains("authorization: bearer test-token"), "{head}");
}
