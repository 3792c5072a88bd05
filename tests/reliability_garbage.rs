//! Answers that are not what the spec promises, from a small server of our
//! own on 127.0.0.1 (the mock tenant only garbles in one way): truncated
//! JSON, a wrong content type, an HTML page, an empty 200, binary noise, and
//! bodies of 100 MB. Each must end in a typed error whose text is bounded,
//! never a panic, and a huge body must cost no more memory than the
//! documented limit however long it is.
//!
//! Limits under test: a success body is read up to
//! `ClientBuilder::max_response_body` ([`DEFAULT_MAX_RESPONSE_BODY`], 32 MiB)
//! and refused past it without reading the rest; an error body keeps at most
//! [`MAX_ERROR_BODY`] (64 KiB); a decode error quotes at most
//! [`EXCERPT_LEN`] (512) bytes.
//!
//! This binary counts heap bytes with a global allocator (`cap`), so the
//! memory test sees what the client holds while it reads a huge body.

use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use sailpoint_isc::{
    Client, Error, RetryPolicy, DEFAULT_MAX_RESPONSE_BODY, EXCERPT_LEN, MAX_ERROR_BODY,
};
use sailpoint_isc_tests::net::serve;
use std::convert::Infallible;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOCATOR: cap::Cap<std::alloc::System> = cap::Cap::new(std::alloc::System, usize::MAX);

/// A garbage body's size: 100 MB.
const HUGE: usize = 100_000_000;
/// Size of each chunk the server streams.
const CHUNK: usize = 64 * 1024;
/// The longest `Display` of any error here: the excerpt may grow when
/// control bytes are escaped, the rest is a line of text.
const MAX_DISPLAY: usize = 4096;

/// What the server has streamed of its huge bodies.
#[derive(Default)]
struct Streamed {
    /// Bytes handed to the connection so far.
    bytes: AtomicUsize,
    /// Set when the body stream is dropped: finished, or the client went away.
    dropped: AtomicBool,
}

/// Sets [`Streamed::dropped`] when the body stream holding it is dropped.
struct DropFlag(Arc<Streamed>);

impl Drop for DropFlag {
    fn drop(&mut self) {
        self.0.dropped.store(true, Ordering::SeqCst);
    }
}

/// `total` bytes of zeros in [`CHUNK`]s, counted as the server sends them.
/// The memory test reads a process-wide allocation counter, so the tests in
/// this file take turns: another test's buffers would count as growth.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn counted_stream(streamed: &Arc<Streamed>, total: usize) -> Body {
    streamed.bytes.store(0, Ordering::SeqCst);
    streamed.dropped.store(false, Ordering::SeqCst);
    static ZEROS: [u8; CHUNK] = [0; CHUNK];
    let flag = DropFlag(streamed.clone());
    let chunks = total.div_ceil(CHUNK);
    let stream = futures_util::stream::iter((0..chunks).map(move |i| {
        let _keep = &flag;
        let len = CHUNK.min(total - i * CHUNK);
        flag.0.bytes.fetch_add(len, Ordering::SeqCst);
        Ok::<_, Infallible>(Bytes::from_static(&ZEROS[..len]))
    }));
    Body::from_stream(stream)
}

fn with_type(status: StatusCode, content_type: &'static str, body: impl Into<Body>) -> Response {
    (status, [(header::CONTENT_TYPE, content_type)], body.into()).into_response()
}

/// A sign-in page such as a proxy in front of the tenant might serve.
fn html_page(size: usize) -> String {
    let mut page =
        String::from("<!DOCTYPE html><html><head><title>Sign in</title></head><body><form>");
    while page.len() < size {
        page.push_str("<input type=\"hidden\" name=\"state\" value=\"0123456789abcdef\">");
    }
    page.push_str("</form></body></html>");
    page
}

/// `GET /v2024/password-change-status/{id}`: `id` names the garbage.
async fn status(State(streamed): State<Arc<Streamed>>, Path(id): Path<String>) -> Response {
    const JSON: &str = "application/json";
    match id.as_str() {
        "truncated" => with_type(
            StatusCode::OK,
            JSON,
            r#"{"requestId":"r-1","state":"IN_PRO"#,
        ),
        "empty" => with_type(StatusCode::OK, JSON, ""),
        "html" => with_type(StatusCode::OK, "text/html", html_page(20_000)),
        "text" => with_type(
            StatusCode::OK,
            "text/plain",
            "Service temporarily unavailable",
        ),
        "json-as-text" => with_type(
            StatusCode::OK,
            "text/plain",
            r#"{"requestId":"r-1","state":"FINISHED"}"#,
        ),
        "binary" => {
            let noise: Vec<u8> = (0..4096u32).map(|i| (i % 256) as u8).collect();
            with_type(StatusCode::OK, "application/octet-stream", noise)
        }
        "wrong-shape" => with_type(StatusCode::OK, JSON, r#"{"requestId":7}"#),
        "huge-value" => {
            let body = serde_json::json!({ "errors": "E".repeat(1_000_000) });
            with_type(StatusCode::OK, JSON, body.to_string())
        }
        "trailing" => with_type(StatusCode::OK, JSON, r#"{"requestId":"r-1"} and more"#),
        "html-502" => with_type(StatusCode::BAD_GATEWAY, "text/html", html_page(200_000)),
        "huge-chunked" => with_type(StatusCode::OK, JSON, counted_stream(&streamed, HUGE)),
        "huge-declared" => {
            let mut resp = with_type(StatusCode::OK, JSON, counted_stream(&streamed, HUGE));
            resp.headers_mut().insert(
                header::CONTENT_LENGTH,
                HUGE.to_string().parse().expect("number"),
            );
            resp
        }
        "huge-error" => with_type(
            StatusCode::INTERNAL_SERVER_ERROR,
            JSON,
            counted_stream(&streamed, HUGE),
        ),
        _ => with_type(StatusCode::NOT_FOUND, JSON, "{}"),
    }
}

/// Serves the garbage on a loopback port; returns a client for it (one
/// attempt per call, `limit` as the success body limit) and the counters.
async fn server(limit: Option<usize>) -> (Client, Arc<Streamed>) {
    let streamed = Arc::new(Streamed::default());
    let router = Router::new()
        .route("/v2024/password-change-status/{id}", get(status))
        .with_state(streamed.clone());
    let mut builder = Client::builder()
        .base_url(serve(router).await)
        .bearer_token("garbage-test-token")
        .request_timeout(Duration::from_secs(30))
        .retry(RetryPolicy::none());
    if let Some(limit) = limit {
        builder = builder.max_response_body(limit);
    }
    (builder.build().expect("client"), streamed)
}

/// Checks the bounds every error here must keep, and returns its `Display`.
fn bounded(err: &Error) -> String {
    let shown = err.to_string();
    assert!(
        shown.len() <= MAX_DISPLAY,
        "Display is {} bytes: {}…",
        shown.len(),
        &shown[..200.min(shown.len())]
    );
    let debug = format!("{err:?}");
    assert!(
        debug.len() <= 4 * MAX_ERROR_BODY,
        "Debug is {} bytes",
        debug.len()
    );
    shown
}

/// The decode error of a call expected to fail decoding, checked for the
/// bounds every error keeps.
async fn decode_error(client: &Client, id: &str) -> Box<sailpoint_isc::DecodeError> {
    let err = match client.v2024().get_password_change_status(id).await {
        Err(e) => e,
        Ok(v) => panic!("{id}: expected a decode error, got {v:?}"),
    };
    bounded(&err);
    let Error::Decode(e) = err else {
        panic!("{id}: expected a decode error, got {err:?}");
    };
    // The excerpt quotes at most EXCERPT_LEN bytes of the body, each one
    // character at most once lossily decoded, plus the ellipsis of a cut.
    let chars = e.excerpt().chars().count();
    assert!(
        chars <= EXCERPT_LEN + 1,
        "{id}: excerpt of {chars} characters"
    );
    e
}

#[tokio::test]
async fn malformed_success_bodies_are_typed_decode_errors_with_a_bounded_excerpt() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let (client, _) = server(None).await;

    let e = decode_error(&client, "truncated").await;
    assert_eq!(e.status(), StatusCode::OK);
    assert_eq!(e.content_type(), Some("application/json"));
    assert!(e.message().contains("EOF"), "{}", e.message());
    assert!(e.excerpt().starts_with(r#"{"requestId":"r-1""#));

    let e = decode_error(&client, "empty").await;
    assert_eq!(e.excerpt(), "");
    assert!(e.message().contains("EOF"), "{}", e.message());

    let e = decode_error(&client, "html").await;
    assert_eq!(e.content_type(), Some("text/html"));
    assert!(e.excerpt().starts_with("<!DOCTYPE html>"));
    assert!(e.excerpt().ends_with('…'), "a 20 kB page is cut");
    assert!(e.to_string().contains("content-type text/html"), "{e}");

    let e = decode_error(&client, "text").await;
    assert_eq!(e.content_type(), Some("text/plain"));
    assert_eq!(e.excerpt(), "Service temporarily unavailable");

    let e = decode_error(&client, "binary").await;
    assert_eq!(e.content_type(), Some("application/octet-stream"));
    assert!(e.excerpt().ends_with('…'), "4 kB of noise is cut");

    let e = decode_error(&client, "wrong-shape").await;
    assert_eq!(e.field(), "requestId");
    assert!(e.message().contains("invalid type"), "{}", e.message());

    // serde quotes the offending value; the error keeps only its start.
    let e = decode_error(&client, "huge-value").await;
    assert_eq!(e.field(), "errors");
    assert!(
        e.message().starts_with("invalid type: string \"EEE"),
        "{}",
        &e.message()[..40]
    );
    assert!(e.message().len() <= EXCERPT_LEN + '…'.len_utf8());

    let e = decode_error(&client, "trailing").await;
    assert!(e.message().contains("trailing"), "{}", e.message());
}

#[tokio::test]
async fn json_under_a_wrong_content_type_still_decodes() {
    let _turn = ONE_AT_A_TIME.lock().await;
    // The body decides, not the label: a gateway that mislabels JSON as
    // text/plain does not break a call whose body is exactly what the spec
    // says. A body that is not JSON fails whatever its label (see above).
    let (client, _) = server(None).await;
    let status = client
        .v2024()
        .get_password_change_status("json-as-text")
        .await
        .expect("valid JSON decodes");
    assert_eq!(status.request_id.as_deref(), Some("r-1"));
}

#[tokio::test]
async fn an_html_error_page_is_a_typed_api_error_with_a_bounded_body() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let (client, _) = server(None).await;
    match client.v2024().get_password_change_status("html-502").await {
        Err(Error::Api(e)) => {
            assert_eq!(e.status(), StatusCode::BAD_GATEWAY);
            assert_eq!(
                e.raw_body().len(),
                MAX_ERROR_BODY,
                "200 kB page, 64 KiB kept"
            );
            assert!(e.raw_body().starts_with(b"<!DOCTYPE html>"));
            assert_eq!(e.message(), None);
            let err = Error::Api(e);
            let shown = bounded(&err);
            assert!(
                shown.starts_with(
                    "GET /password-change-status/{id}: 502 Bad Gateway (<!DOCTYPE html>"
                ),
                "{shown}"
            );
        }
        other => panic!("expected the 502, got {other:?}"),
    }
}

/// Waits until the server's body stream is gone (the client closed the
/// connection), then returns how many bytes it had sent.
async fn sent_before_close(streamed: &Streamed) -> usize {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !streamed.dropped.load(Ordering::SeqCst) {
        assert!(
            Instant::now() < deadline,
            "the server is still streaming: the client did not close the connection"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    streamed.bytes.load(Ordering::SeqCst)
}

/// Slack for what the socket buffers hold beyond what the client has read
/// when it stops: Linux may grow a loopback receive buffer to
/// `net.ipv4.tcp_rmem`'s maximum (32 MiB on these machines), plus the send
/// buffer and hyper's. Kernel memory, not the client's; what matters is
/// that the server is cut off long before its 100 MB.
const IN_TRANSIT: usize = 40 * 1024 * 1024;

#[tokio::test]
async fn a_huge_error_body_is_cut_at_the_error_limit() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let (client, streamed) = server(None).await;
    match client
        .v2024()
        .get_password_change_status("huge-error")
        .await
    {
        Err(Error::Api(e)) => {
            assert_eq!(e.status(), StatusCode::INTERNAL_SERVER_ERROR);
            assert_eq!(e.raw_body().len(), MAX_ERROR_BODY);
            bounded(&Error::Api(e));
        }
        other => panic!("expected the 500, got {other:?}"),
    }
    let sent = sent_before_close(&streamed).await;
    assert!(
        sent < MAX_ERROR_BODY + IN_TRANSIT,
        "{sent} bytes sent of {HUGE}"
    );
}

/// What a call may allocate beside the body itself (connection buffers,
/// the error value), with room for the small tests running alongside.
const SLACK: usize = 4 * 1024 * 1024;

/// Runs `call` while a thread samples the allocator, and returns the most
/// bytes allocated at any sample above what was allocated before.
async fn peak_growth<F: std::future::IntoFuture>(call: F) -> (F::Output, usize) {
    let before = ALLOCATOR.allocated();
    let stop = Arc::new(AtomicBool::new(false));
    let sampler = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut peak = 0;
            while !stop.load(Ordering::SeqCst) {
                peak = peak.max(ALLOCATOR.allocated());
                std::thread::sleep(Duration::from_micros(200));
            }
            peak
        })
    };
    let out = call.await;
    stop.store(true, Ordering::SeqCst);
    let peak = sampler.join().expect("sampler");
    (out, peak.max(ALLOCATOR.allocated()).saturating_sub(before))
}

fn too_large(result: sailpoint_isc::Result<impl std::fmt::Debug>, limit: usize) {
    match result {
        Err(Error::ResponseTooLarge {
            limit: l, status, ..
        }) => {
            assert_eq!(l, limit);
            assert_eq!(status, StatusCode::OK);
        }
        other => panic!("expected ResponseTooLarge, got {other:?}"),
    }
}

/// One test for every huge success body, run one after the other, so that
/// the allocator's count is not muddled by another huge body in parallel.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn huge_bodies_stop_at_the_limit_and_memory_does_not_grow_with_them() {
    let _turn = ONE_AT_A_TIME.lock().await;
    // A declared Content-Length over the limit: refused before reading.
    let limit = 1024 * 1024;
    let (client, streamed) = server(Some(limit)).await;
    let (default_client, default_streamed) = server(None).await;
    let start = ALLOCATOR.allocated();
    let (result, grew) =
        peak_growth(client.v2024().get_password_change_status("huge-declared")).await;
    too_large(result, limit);
    let sent = sent_before_close(&streamed).await;
    eprintln!("declared 100 MB, limit 1 MiB: server sent {sent} B, client grew {grew} B");
    assert!(sent < IN_TRANSIT, "{sent} bytes sent");
    assert!(grew < SLACK, "memory grew by {grew} bytes");

    // Chunked, no length: read up to the limit, then the connection closes.
    let (result, grew) =
        peak_growth(client.v2024().get_password_change_status("huge-chunked")).await;
    too_large(result, limit);
    let sent = sent_before_close(&streamed).await;
    eprintln!("chunked 100 MB, limit 1 MiB: server sent {sent} B, client grew {grew} B");
    assert!(sent < limit + IN_TRANSIT, "{sent} bytes sent");
    assert!(grew < limit + SLACK, "memory grew by {grew} bytes");

    // The default limit: 32 MiB read, never the 100 MB. The buffer doubles
    // as it grows but never past the limit, so the client holds the limit
    // at most, whatever the body's size.
    let (result, grew) = peak_growth(
        default_client
            .v2024()
            .get_password_change_status("huge-chunked"),
    )
    .await;
    too_large(result, DEFAULT_MAX_RESPONSE_BODY);
    let sent = sent_before_close(&default_streamed).await;
    eprintln!("chunked 100 MB, default limit: server sent {sent} B, client grew {grew} B");
    assert!(
        sent < DEFAULT_MAX_RESPONSE_BODY + IN_TRANSIT,
        "{sent} bytes sent"
    );
    assert!(
        grew < DEFAULT_MAX_RESPONSE_BODY + SLACK,
        "memory grew by {grew} bytes for a {HUGE}-byte body"
    );

    // And the memory is given back once the calls are over.
    let held = ALLOCATOR.allocated().saturating_sub(start);
    assert!(held < SLACK, "{held} bytes still held");
}
