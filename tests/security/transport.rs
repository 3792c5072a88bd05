//! Transport security and what errors may echo:
//! - credentials are refused over plain http to a host that is not
//!   loopback, whatever kind of credentials;
//! - TLS is rustls by default: the workspace asks reqwest for `rustls-tls`
//!   without its default (native-tls) backend, and no OpenSSL binding is in
//!   the lock file;
//! - error bodies kept in errors are bounded, and errors never quote the
//!   request body (set-password's holds the encrypted password), whatever
//!   the failure: an error status, a dropped connection, a timeout.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use sailpoint_isc::v2024::PasswordChangeRequest;
use sailpoint_isc::{
    Client, ClientBuilder, Error, RetryPolicy, ENV_BASE_URL, ENV_CLIENT_ID, ENV_CLIENT_SECRET,
    EXCERPT_LEN, MAX_ERROR_BODY,
};
use sailpoint_isc_tests::net::{hang_up_server, serve};
use sailpoint_isc_tests::workspace_root;
use std::error::Error as _;
use std::ffi::OsString;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// The longest `Display` of an API error: a line of text around excerpts of
/// at most [`EXCERPT_LEN`] bytes for the message, detail code and tracking id.
const MAX_DISPLAY: usize = 4 * EXCERPT_LEN + 256;

/// Adds one kind of credentials to a builder.
type WithCredentials = fn(ClientBuilder) -> ClientBuilder;

#[test]
fn credentials_are_refused_over_plain_http_to_a_host_that_is_not_loopback() {
    let remote = [
        "http://acme.api.identitynow.com",
        "http://acme.api.identitynow.com:443",
        "http://10.0.0.1",
        "http://192.168.1.20:8080",
        "http://[2001:db8::1]",
        "http://localhost.example.com",
        "http://127.0.0.1.example.com",
    ];
    let credentials: [(&str, WithCredentials); 2] = [
        ("client credentials", |b| {
            b.client_credentials("id", "secret")
        }),
        ("bearer token", |b| b.bearer_token("token")),
    ];
    for url in remote {
        for (kind, with) in credentials {
            match with(Client::builder().base_url(url)).build() {
                Err(Error::Config(e)) => {
                    assert_eq!(e.setting, "base_url");
                    assert!(e.message.contains("plain http"), "{url}: {e}");
                }
                other => panic!("{url} with {kind}: expected a config error, got {other:?}"),
            }
        }
        // The same from the environment names the variable.
        let env = |name: &str| -> Option<OsString> {
            match name {
                ENV_BASE_URL => Some(url.into()),
                ENV_CLIENT_ID => Some("id".into()),
                ENV_CLIENT_SECRET => Some("secret".into()),
                _ => None,
            }
        };
        let built = ClientBuilder::from_env_with(env).and_then(ClientBuilder::build);
        match built {
            Err(Error::Config(e)) => assert_eq!(e.setting, ENV_BASE_URL, "{e}"),
            other => panic!("{url} from the environment: got {other:?}"),
        }
    }
    // Loopback (tests, a local mock) and https are fine.
    for url in [
        "http://127.0.0.1:8080",
        "http://localhost:1234",
        "http://[::1]:99",
        "https://acme.api.identitynow.com",
    ] {
        Client::builder()
            .base_url(url)
            .client_credentials("id", "secret")
            .build()
            .unwrap_or_else(|e| panic!("{url}: {e}"));
    }
}

fn read(path: &str) -> String {
    let path = workspace_root().join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The entries of the `[[package]]` named `name` in a Cargo.lock.
fn lock_package<'a>(lock: &'a str, name: &str) -> Vec<&'a str> {
    lock.split("[[package]]")
        .filter(|p| p.lines().any(|l| l.trim() == format!("name = \"{name}\"")))
        .collect()
}

#[test]
fn tls_is_rustls_by_default() {
    // The workspace dependency: no default features (which would bring
    // native-tls), rustls named.
    let manifest = read("Cargo.toml");
    let reqwest = manifest
        .lines()
        .find(|l| l.trim_start().starts_with("reqwest ="))
        .expect("reqwest in [workspace.dependencies]");
    assert!(reqwest.contains("default-features = false"), "{reqwest}");
    assert!(reqwest.contains("\"rustls-tls\""), "{reqwest}");
    for other in ["native-tls", "default-tls"] {
        assert!(!reqwest.contains(other), "{reqwest}");
    }
    // The runtime takes it as is and adds no TLS feature of its own.
    let runtime = read("runtime/Cargo.toml");
    assert!(runtime.contains("reqwest.workspace = true"));
    assert!(!runtime.contains("native-tls"), "runtime/Cargo.toml");

    // What actually builds: reqwest depends on rustls, and nothing in the
    // lock file links OpenSSL or a platform TLS library.
    let lock = read("Cargo.lock");
    let packages = lock_package(&lock, "reqwest");
    assert_eq!(packages.len(), 1, "one reqwest");
    for needed in ["\"rustls\"", "\"hyper-rustls\"", "\"tokio-rustls\""] {
        assert!(packages[0].contains(needed), "reqwest without {needed}");
    }
    for banned in [
        "native-tls",
        "hyper-tls",
        "tokio-native-tls",
        "openssl",
        "openssl-sys",
        "schannel",
        "security-framework",
    ] {
        assert!(
            lock_package(&lock, banned).is_empty(),
            "{banned} is in Cargo.lock"
        );
    }
}

/// The marker sent as `encryptedPassword`: no error may quote it.
const CIPHERTEXT: &str = "Q2lwaGVydGV4dC1NYXJrZXItZG8tbm90LWVjaG8tOTk3";
/// The marker sent as `identityId`.
const IDENTITY: &str = "identity-marker-4411";

/// `POST /v2024/set-password`: the n-th request gets the n-th answer.
async fn set_password(State(calls): State<Arc<AtomicUsize>>) -> Response {
    let n = calls.fetch_add(1, Ordering::SeqCst);
    let json = [("content-type", "application/json")];
    match n {
        0 => (
            StatusCode::BAD_REQUEST,
            json,
            r#"{"detailCode":"400.1 Bad Request Content","trackingId":"t-400","messages":[{"locale":"en-US","localeOrigin":"DEFAULT","text":"The request could not be parsed."}]}"#,
        )
            .into_response(),
        1 => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        2 => (
            StatusCode::BAD_GATEWAY,
            [("content-type", "text/html")],
            "<html><body>Bad gateway</body></html>",
        )
            .into_response(),
        // A message as long as the error limit allows.
        3 => {
            let text = "A".repeat(MAX_ERROR_BODY - 4096);
            let detail = "D".repeat(2 * EXCERPT_LEN);
            let body = serde_json::json!({
                "detailCode": detail,
                "trackingId": "T".repeat(2 * EXCERPT_LEN),
                "messages": [{ "text": text }],
            });
            (StatusCode::BAD_REQUEST, json, body.to_string()).into_response()
        }
        // A body far over the limit.
        4 => (StatusCode::BAD_REQUEST, json, "B".repeat(1_000_000)).into_response(),
        _ => {
            tokio::time::sleep(Duration::from_secs(30)).await;
            StatusCode::ACCEPTED.into_response()
        }
    }
}

/// Serves `/v2024/set-password` and a raw port that drops every connection
/// after reading the request; returns both base URLs.
async fn servers() -> (String, String) {
    let router = Router::new()
        .route("/v2024/set-password", post(set_password))
        .with_state(Arc::new(AtomicUsize::new(0)));
    let (dropper, _) = hang_up_server().await;
    (serve(router).await, dropper)
}

fn request() -> PasswordChangeRequest {
    PasswordChangeRequest {
        identity_id: Some(IDENTITY.into()),
        encrypted_password: Some(CIPHERTEXT.into()),
        public_key_id: Some("key-1".into()),
        account_id: Some("account-1".into()),
        source_id: Some("source-1".into()),
        ..Default::default()
    }
}

/// Every text an error shows: `Display`, `Debug`, and each source's.
fn texts(err: &Error) -> Vec<String> {
    let mut out = vec![err.to_string(), format!("{err:?}"), format!("{err:#?}")];
    let mut source = err.source();
    while let Some(s) = source {
        out.push(s.to_string());
        out.push(format!("{s:?}"));
        source = s.source();
    }
    out
}

fn assert_no_request_body(err: &Error) {
    for text in texts(err) {
        for marker in [CIPHERTEXT, IDENTITY, &CIPHERTEXT[..12]] {
            assert!(!text.contains(marker), "`{marker}` echoed in {text}");
        }
    }
}

#[tokio::test]
async fn errors_are_bounded_and_never_quote_the_request_body() {
    let (base, dropper) = servers().await;
    let client = Client::builder()
        .base_url(base.as_str())
        .bearer_token("transport-test-token")
        .request_timeout(Duration::from_millis(300))
        .retry(RetryPolicy::none())
        .build()
        .expect("client");
    let body = request();

    for expected in [400u16, 500, 502, 400, 400] {
        let err = client
            .v2024()
            .set_password(&body)
            .await
            .expect_err("an error status");
        let Error::Api(api) = &err else {
            panic!("expected an API error, got {err:?}");
        };
        assert_eq!(api.status().as_u16(), expected);
        assert!(api.raw_body().len() <= MAX_ERROR_BODY);
        let shown = err.to_string();
        assert!(
            shown.len() <= MAX_DISPLAY,
            "Display of {} bytes: {}…",
            shown.len(),
            &shown[..300]
        );
        assert!(format!("{err:?}").len() <= 4 * MAX_ERROR_BODY);
        assert_no_request_body(&err);
    }

    // The connection dropped before an answer: a transport error.
    let dropped = Client::builder()
        .base_url(dropper.as_str())
        .bearer_token("transport-test-token")
        .retry(RetryPolicy::none())
        .build()
        .expect("client");
    let err = dropped
        .v2024()
        .set_password(&body)
        .await
        .expect_err("no answer");
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert_no_request_body(&err);

    // No answer in time.
    let err = client
        .v2024()
        .set_password(&body)
        .await
        .expect_err("timeout");
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert_no_request_body(&err);
}
