//! The client secret, access tokens, passwords and their ciphertexts never
//! appear in `Debug` output, in the `Display` of errors (their whole source
//! chain), or in the logs, across a full run against the mock tenant with
//! retries and failures: a token endpoint failure and a retried one, 429s
//! and 5xx on every operation, revoked tokens (a 401 and a refresh), a
//! password refused by policy, a set-password that fails, wrong credentials
//! and a rejected static token.
//!
//! A recording proxy between the client and the mock tenant learns every
//! token the tenant issues and every ciphertext the client sends, so the
//! test knows each secret to look for. Logs are captured at TRACE level,
//! `log` records from the HTTP stack included, from every thread.

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use sailpoint_isc::flow::{PasswordChange, PasswordChangeError, Step};
use sailpoint_isc::mock::{Fault, MockTenant, DEFAULT_SOURCE_NAME, DEFAULT_USER_NAME};
use sailpoint_isc::v2024::PasswordInfoQueryDto;
use sailpoint_isc::{AuthError, Client, Error, RetryPolicy};
use sailpoint_isc_tests::logs::Capture;
use sailpoint_isc_tests::net::serve;
use sailpoint_isc_tests::poll::fast_poll;
use std::sync::{Arc, Mutex};
use std::time::Duration;

const CLIENT_ID: &str = "security-client";
const CLIENT_SECRET: &str = "Client-Secret-Marker-7Q9Z";
const WRONG_SECRET: &str = "Wrong-Secret-Marker-5K2W";
const STATIC_TOKEN: &str = "Static-Token-Marker-3H8V";
/// Passwords the run sets; the policy refuses the one with `Rejected`.
const PASSWORDS: [&str; 4] = [
    "Passw0rd-Marker-Alpha-1",
    "Passw0rd-Marker-Beta-2",
    "Rejected-Passw0rd-Marker-3",
    "Passw0rd-Marker-Gamma-4",
];

/// Every log line of this test binary, from every thread, at TRACE level
/// (`log` records from the HTTP stack included).
fn logs() -> &'static Capture {
    Capture::global()
}

fn captured() -> String {
    logs().text()
}

/// What the proxy saw that must stay secret.
#[derive(Default)]
struct Seen {
    tokens: Vec<String>,
    ciphertexts: Vec<String>,
}

#[derive(Clone)]
struct Proxy {
    upstream: String,
    http: reqwest::Client,
    seen: Arc<Mutex<Seen>>,
}

fn json_field(body: &[u8], name: &str) -> Option<String> {
    let json: serde_json::Value = serde_json::from_slice(body).ok()?;
    json.get(name)?.as_str().map(str::to_owned)
}

/// Forwards a request to the mock tenant as it came and its answer back,
/// noting issued tokens and sent ciphertexts.
async fn forward(
    State(p): State<Proxy>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri.path().to_owned();
    if path.ends_with("/set-password") {
        if let Some(c) = json_field(&body, "encryptedPassword") {
            p.seen.lock().expect("lock").ciphertexts.push(c);
        }
    }
    let target = uri.path_and_query().map_or("/", |pq| pq.as_str());
    let mut req = p
        .http
        .request(method, format!("{}{target}", p.upstream))
        .body(body);
    for (name, value) in &headers {
        if name != header::HOST && name != header::CONTENT_LENGTH {
            req = req.header(name, value);
        }
    }
    let Ok(resp) = req.send().await else {
        return StatusCode::BAD_GATEWAY.into_response();
    };
    let status = resp.status();
    let mut out_headers = resp.headers().clone();
    let bytes = resp.bytes().await.unwrap_or_default();
    if path == "/oauth/token" {
        if let Some(t) = json_field(&bytes, "access_token") {
            p.seen.lock().expect("lock").tokens.push(t);
        }
    }
    out_headers.remove(header::CONTENT_LENGTH);
    out_headers.remove(header::TRANSFER_ENCODING);
    let mut out = Response::new(Body::from(bytes));
    *out.status_mut() = status;
    *out.headers_mut() = out_headers;
    out
}

/// `Debug`, and for errors `Display` of the error and of each source, of
/// everything the run produced.
#[derive(Default)]
struct Shown(Vec<String>);

impl Shown {
    fn debug(&mut self, v: &impl std::fmt::Debug) {
        self.0.push(format!("{v:?}"));
        self.0.push(format!("{v:#?}"));
    }

    fn result<T: std::fmt::Debug, E: std::error::Error>(&mut self, r: &Result<T, E>) {
        self.debug(r);
        if let Err(e) = r {
            self.0.push(e.to_string());
            let mut source = e.source();
            while let Some(s) = source {
                self.0.push(s.to_string());
                self.0.push(format!("{s:?}"));
                source = s.source();
            }
        }
    }
}

/// The run: the mock tenant (its policy refuses passwords with `Rejected`),
/// the recording proxy in front of it, a client with fast retries, and
/// everything shown so far.
struct Run {
    tenant: MockTenant,
    seen: Arc<Mutex<Seen>>,
    base: String,
    client: Client,
    query: PasswordInfoQueryDto,
    shown: Shown,
}

async fn start_run() -> Run {
    let t = MockTenant::builder()
        .with_key_bits(1024)
        .with_in_progress_polls(1)
        .with_client_credentials(CLIENT_ID, CLIENT_SECRET)
        .with_password_check(|p| {
            if p.contains("Rejected") {
                Err("the password was used before".to_owned())
            } else {
                Ok(())
            }
        })
        .start()
        .await
        .expect("mock tenant");
    let seen = Arc::new(Mutex::new(Seen::default()));
    let proxy = Proxy {
        upstream: t.base_url().to_owned(),
        http: reqwest::Client::new(),
        seen: seen.clone(),
    };
    let base = serve(Router::new().fallback(forward).with_state(proxy)).await;

    let mut shown = Shown::default();
    let builder = Client::builder()
        .base_url(base.as_str())
        .client_credentials(CLIENT_ID, CLIENT_SECRET)
        .request_timeout(Duration::from_secs(5))
        .retry(
            RetryPolicy::default()
                .with_max_attempts(4)
                .with_backoff_base(Duration::from_millis(10))
                .with_backoff_max(Duration::from_millis(40)),
        );
    shown.debug(&builder);
    let client = builder.build().expect("client");
    shown.debug(&client);
    shown.debug(&t);
    let query = PasswordInfoQueryDto {
        user_name: Some(DEFAULT_USER_NAME.into()),
        source_name: Some(DEFAULT_SOURCE_NAME.into()),
        ..Default::default()
    };

    Run {
        tenant: t,
        seen,
        base,
        client,
        query,
        shown,
    }
}

/// The token endpoint fails (500: not retried), then is rate limited once
/// (503 with Retry-After: retried).
async fn token_endpoint_failures(run: &mut Run) {
    let Run {
        tenant: t,
        client,
        query,
        shown,
        ..
    } = run;
    t.inject_matching("/oauth/token", Fault::status(500, 1));
    let r = client.v2024().query_password_info(query).await;
    assert!(
        matches!(&r, Err(Error::Auth(AuthError::Rejected { status, .. })) if status.as_u16() == 500),
        "{r:?}"
    );
    shown.result(&r);
    t.inject_matching(
        "/oauth/token",
        Fault::Status {
            status: 503,
            retry_after: Some("0".into()),
            count: 1,
        },
    );
    let r = client.v2024().query_password_info(query).await;
    assert!(r.is_ok(), "{r:?}");
    shown.result(&r);
}

/// Password changes with 429s and 5xx on every step, revoked tokens, a
/// password the policy refuses and a set-password that fails; returns the
/// progress steps reported.
async fn password_changes(run: &mut Run) -> Vec<String> {
    let Run {
        tenant: t,
        client,
        shown,
        ..
    } = run;
    let steps = Arc::new(Mutex::new(Vec::new()));
    let change = |password: &str| {
        let steps = steps.clone();
        PasswordChange::new(DEFAULT_USER_NAME, DEFAULT_SOURCE_NAME, password)
            .with_poll(fast_poll())
            .with_progress(move |s: &Step| steps.lock().expect("lock").push(format!("{s:?}")))
    };

    // 429s and 5xx on every step, each retried: the change goes through.
    t.inject_matching("/set-password", Fault::too_many_requests(2, 0));
    t.inject_matching(
        "/query-password-info",
        Fault::Status {
            status: 503,
            retry_after: Some("0".into()),
            count: 1,
        },
    );
    t.inject_matching("/password-change-status", Fault::status(502, 1));
    let c = change(PASSWORDS[0]);
    shown.debug(&c);
    let r = client.v2024().change_password(&c).await;
    assert!(r.is_ok(), "{r:?}");
    shown.result(&r);

    // Every token revoked: the next call meets a 401, refreshes, goes on.
    t.inject(Fault::ExpireTokens);
    let r = client.beta().change_password(&change(PASSWORDS[1])).await;
    assert!(r.is_ok(), "{r:?}");
    shown.result(&r);

    // A password the policy refuses.
    let r = client.v2024().change_password(&change(PASSWORDS[2])).await;
    assert!(
        matches!(r, Err(PasswordChangeError::Failed { .. })),
        "{r:?}"
    );
    shown.result(&r);

    // A set-password that fails with a 500 (not retried).
    t.inject_matching("/set-password", Fault::status(500, 1));
    let r = client.v2024().change_password(&change(PASSWORDS[3])).await;
    assert!(
        matches!(&r, Err(PasswordChangeError::Call(Error::Api(e))) if e.status().as_u16() == 500),
        "{r:?}"
    );
    shown.result(&r);
    let steps = steps.lock().expect("lock").clone();
    steps
}

/// Wrong credentials, and a static token the tenant does not know.
async fn rejected_credentials(run: &mut Run) {
    let Run {
        base, query, shown, ..
    } = run;
    let wrong = Client::builder()
        .base_url(base.as_str())
        .client_credentials(CLIENT_ID, WRONG_SECRET)
        .retry(RetryPolicy::none())
        .build()
        .expect("client");
    shown.debug(&wrong);
    let r = wrong.v2024().query_password_info(query).await;
    assert!(matches!(r, Err(Error::Auth(_))), "{r:?}");
    shown.result(&r);
    let fixed = Client::builder()
        .base_url(base.as_str())
        .bearer_token(STATIC_TOKEN)
        .build()
        .expect("client");
    shown.debug(&fixed);
    let r = fixed.v2024().query_password_info(query).await;
    assert!(
        matches!(&r, Err(Error::Api(e)) if e.status().as_u16() == 401),
        "{r:?}"
    );
    shown.result(&r);
}

/// The callers log what they got; then no secret may show in the logs or in
/// anything shown, while the logs tell what happened.
fn assert_nothing_secret_shows(run: Run, steps: Vec<String>) {
    let Run {
        seen, mut shown, ..
    } = run;
    // The callers log their errors, as an application would.
    for s in &shown.0 {
        tracing::error!(shown = %s, "the caller logs what it got");
    }
    shown.0.extend(steps);

    let seen = seen.lock().expect("lock");
    assert_eq!(
        seen.tokens.len(),
        2,
        "the first token and the refreshed one"
    );
    assert!(
        seen.ciphertexts.len() >= 4,
        "{} sent",
        seen.ciphertexts.len()
    );
    let mut secrets: Vec<&str> = vec![CLIENT_SECRET, WRONG_SECRET, STATIC_TOKEN];
    secrets.extend(PASSWORDS);
    secrets.extend(seen.tokens.iter().map(String::as_str));
    secrets.extend(seen.ciphertexts.iter().map(String::as_str));

    let logs = captured();
    for expected in [
        "access token request failed",
        "retrying",
        "token refresh",
        "queryPasswordInfo",
        "status=429",
    ] {
        assert!(
            logs.contains(expected),
            "`{expected}` missing from the logs"
        );
    }
    for secret in &secrets {
        assert!(!logs.contains(secret), "`{secret}` is in the logs:\n{logs}");
        for text in &shown.0 {
            assert!(!text.contains(secret), "`{secret}` is in:\n{text}");
        }
    }
    // Not even a part of a ciphertext: its first 16 characters.
    for c in &seen.ciphertexts {
        let head = &c[..16];
        assert!(!logs.contains(head), "ciphertext start in the logs");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_secret_shows_in_debug_errors_or_logs_across_a_run_with_failures() {
    logs();
    let mut run = start_run().await;
    token_endpoint_failures(&mut run).await;
    let steps = password_changes(&mut run).await;
    rejected_credentials(&mut run).await;
    assert_nothing_secret_shows(run, steps);
}

/// A token endpoint that echoes the client secret back in its error.
async fn echoing_token(body: String) -> Response {
    let mut echoed = body.replace('&', " ");
    if body.contains("long") {
        // Puts the secret across the point where long messages are cut.
        let at = echoed.find("Echoed").unwrap_or(0);
        let pad = (sailpoint_isc::EXCERPT_LEN - 8).saturating_sub(at + "bad form: ".len());
        echoed.insert_str(0, &"x".repeat(pad));
    }
    if body.contains("json") {
        (
            StatusCode::UNAUTHORIZED,
            [("content-type", "application/json")],
            serde_json::json!({ "error": "invalid_client", "error_description": format!("bad form: {echoed}") })
                .to_string(),
        )
            .into_response()
    } else {
        (StatusCode::BAD_REQUEST, format!("rejected: {echoed}")).into_response()
    }
}

#[tokio::test]
async fn a_token_endpoint_echoing_the_secret_does_not_leak_it() {
    logs();
    let base = serve(Router::new().route("/oauth/token", post(echoing_token))).await;
    // The client id picks the answer: a JSON error, or a plain text one,
    // with the secret early or where a long message is cut.
    for id in [
        "json-client",
        "text-client",
        "long-json-client",
        "long-text-client",
    ] {
        let secret = format!("Echoed-Secret-Marker-{id}");
        let client = Client::builder()
            .base_url(base.as_str())
            .client_credentials(id, secret.as_str())
            .retry(RetryPolicy::none())
            .build()
            .expect("client");
        let r = client.v2024().get_password_change_status("x").await;
        let Err(Error::Auth(AuthError::Rejected { message, .. })) = &r else {
            panic!("expected a rejection, got {r:?}");
        };
        // `[redacted]` in its place (cut with the rest of a long message).
        assert!(message.contains("client_secret=[redact"), "{message}");
        assert!(
            !message.contains("Echoed"),
            "part of the secret in {message}"
        );
        let mut shown = Shown::default();
        shown.result(&r);
        for text in &shown.0 {
            assert!(!text.contains(&secret), "the secret is in {text}");
        }
        assert!(!captured().contains(&secret), "the secret is in the logs");
    }
}
