//! Raw-HTTP tests of the mock tenant: the token endpoint, and requests the
//! generated client would never send (no token, no experimental header,
//! garbage bodies). The flows through the generated client are in the
//! workspace's `tests/mock_tenant.rs`.

use super::*;
use crate::v2024::{ErrorResponseDto, PasswordDigitToken, PasswordInfo, PasswordStatus};
use serde_json::{json, Value};
use std::time::Instant;

mod passwords;

fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("reqwest client")
}

async fn token(t: &MockTenant) -> String {
    let resp = http()
        .post(format!("{}/oauth/token", t.base_url()))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", t.client_id()),
            ("client_secret", t.client_secret()),
        ])
        .send()
        .await
        .expect("token request");
    assert_eq!(resp.status(), 200);
    let body: Value = resp.json().await.expect("token json");
    body["access_token"]
        .as_str()
        .expect("access_token")
        .to_owned()
}

/// Sends `body` (raw bytes) to `path` with `token`; returns status,
/// content type and body.
async fn post_raw(
    t: &MockTenant,
    path: &str,
    token: Option<&str>,
    body: &[u8],
) -> (u16, String, Vec<u8>) {
    let mut rb = http()
        .post(format!("{}{path}", t.base_url()))
        .header("content-type", "application/json")
        .body(body.to_vec());
    if let Some(token) = token {
        rb = rb.bearer_auth(token);
    }
    finish(rb).await
}

async fn finish(rb: reqwest::RequestBuilder) -> (u16, String, Vec<u8>) {
    let resp = rb.send().await.expect("request");
    let status = resp.status().as_u16();
    let content_type = resp
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = resp.bytes().await.expect("body").to_vec();
    (status, content_type, body)
}

fn error_dto(body: &[u8]) -> ErrorResponseDto {
    let dto: ErrorResponseDto = serde_json::from_slice(body).expect("an ErrorResponseDto");
    assert!(dto.detail_code.is_some() && dto.tracking_id.is_some());
    let text = dto
        .messages
        .as_ref()
        .and_then(|m| m.first())
        .and_then(|m| m.text.as_ref());
    assert!(text.is_some_and(|t| !t.is_empty()), "{dto:?}");
    dto
}

#[tokio::test]
async fn token_endpoint_follows_the_client_credentials_grant() {
    let t = MockTenant::builder()
        .with_token_lifetime(Duration::from_millis(1500))
        .start()
        .await
        .expect("start");
    let url = format!("{}/oauth/token", t.base_url());
    let form = |id: &str, secret: &str, grant: &str| {
        http().post(&url).form(&[
            ("grant_type", grant.to_owned()),
            ("client_id", id.to_owned()),
            ("client_secret", secret.to_owned()),
        ])
    };

    let (status, ct, body) = finish(form(DEFAULT_CLIENT_ID, "wrong", "client_credentials")).await;
    assert_eq!((status, ct.as_str()), (401, "application/json"));
    let body: Value = serde_json::from_slice(&body).expect("json");
    assert_eq!(
        body,
        json!({"error": "invalid_client", "error_description": "Bad credentials"})
    );

    let (status, _, body) =
        finish(form(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, "password")).await;
    assert_eq!(status, 400);
    let body: Value = serde_json::from_slice(&body).expect("json");
    assert_eq!(body, json!({"error": "unsupported_grant_type"}));

    let (status, _, body) = finish(form(
        DEFAULT_CLIENT_ID,
        DEFAULT_CLIENT_SECRET,
        "client_credentials",
    ))
    .await;
    assert_eq!(status, 200);
    let body: Value = serde_json::from_slice(&body).expect("json");
    assert_eq!(body["token_type"], "bearer");
    // 1.5 s is announced as 2: whole seconds, rounded up.
    assert_eq!(body["expires_in"], 2);
    let first = body["access_token"].as_str().expect("token").to_owned();
    assert!(first.len() >= 32);

    // HTTP Basic client authentication works too, and every token differs.
    let basic = http()
        .post(&url)
        .basic_auth(DEFAULT_CLIENT_ID, Some(DEFAULT_CLIENT_SECRET))
        .form(&[("grant_type", "client_credentials")]);
    let (status, _, body) = finish(basic).await;
    assert_eq!(status, 200);
    let body: Value = serde_json::from_slice(&body).expect("json");
    assert_ne!(body["access_token"].as_str(), Some(first.as_str()));

    // Not a form at all.
    let (status, ct, raw) = finish(http().post(&url).body(vec![0xff, 0xfe, b'%'])).await;
    assert_eq!((status, ct.as_str()), (400, "application/json"));
    let body: Value = serde_json::from_slice(&raw).expect("json");
    assert_eq!(body["error"], "invalid_request");
    assert_eq!(t.token_requests(), 5);
    assert_eq!(t.requests(), 5);
}

#[tokio::test]
async fn api_calls_need_a_valid_unexpired_token() {
    let t = MockTenant::builder()
        .with_token_lifetime(Duration::from_millis(300))
        .start()
        .await
        .expect("start");
    let query = br#"{"userName":"nobody","sourceName":"nowhere"}"#;
    let expired = json!({"error": "JWT validation failed: JWT is expired"});
    for token in [None, Some("not-a-token-this-tenant-issued")] {
        let (status, ct, body) = post_raw(&t, "/v2024/query-password-info", token, query).await;
        assert_eq!((status, ct.as_str()), (401, "application/json"));
        assert_eq!(
            serde_json::from_slice::<Value>(&body).expect("json"),
            expired
        );
    }
    let token = token(&t).await;
    let (status, _, _) = post_raw(&t, "/beta/query-password-info", Some(&token), query).await;
    assert_eq!(status, 404, "a valid token gets through to the handler");
    tokio::time::sleep(Duration::from_millis(400)).await;
    let (status, _, body) = post_raw(&t, "/beta/query-password-info", Some(&token), query).await;
    assert_eq!(status, 401);
    assert_eq!(
        serde_json::from_slice::<Value>(&body).expect("json"),
        expired
    );
}

#[tokio::test]
async fn expire_tokens_fault_expires_every_issued_token() {
    let t = MockTenant::start().await.expect("start");
    let token = token(&t).await;
    let path = "/v2024/password-change-status/unknown";
    let get = || {
        http()
            .get(format!("{}{path}", t.base_url()))
            .bearer_auth(&token)
    };
    assert_eq!(finish(get()).await.0, 404);
    t.inject(Fault::ExpireTokens);
    assert_eq!(t.pending_faults(), 0, "ExpireTokens acts at once");
    assert_eq!(finish(get()).await.0, 401);
}

#[tokio::test]
async fn v2024_digit_token_requires_the_experimental_header_and_beta_does_not() {
    let t = MockTenant::start().await.expect("start");
    let token = token(&t).await;
    let body = br#"{"userId":"Abby.Smith","length":8,"durationMinutes":5}"#;
    let (status, ct, raw) = post_raw(
        &t,
        "/v2024/generate-password-reset-token/digit",
        Some(&token),
        body,
    )
    .await;
    assert_eq!((status, ct.as_str()), (400, "application/json"));
    let dto = error_dto(&raw);
    assert_eq!(
        dto.detail_code.as_deref(),
        Some("400.1 Bad Request Content")
    );

    let with_header = http()
        .post(format!(
            "{}/v2024/generate-password-reset-token/digit",
            t.base_url()
        ))
        .bearer_auth(&token)
        .header("X-SailPoint-Experimental", "true")
        .header("content-type", "application/json")
        .body(body.to_vec());
    let (status, _, raw) = finish(with_header).await;
    assert_eq!(status, 200);
    let digit: PasswordDigitToken = serde_json::from_slice(&raw).expect("PasswordDigitToken");
    let digits = digit.digit_token.expect("digitToken");
    assert_eq!(digits.len(), 8);
    assert!(digits.bytes().all(|b| b.is_ascii_digit()));
    assert!(digit.request_id.is_some());

    // beta needs no header; the length defaults to 6 and must be 6..=18.
    let path = "/beta/generate-password-reset-token/digit";
    let (status, _, raw) = post_raw(&t, path, Some(&token), br#"{"userId":"Abby.Smith"}"#).await;
    assert_eq!(status, 200);
    let digit: PasswordDigitToken = serde_json::from_slice(&raw).expect("PasswordDigitToken");
    assert_eq!(digit.digit_token.map(|d| d.len()), Some(6));
    let (status, _, raw) = post_raw(
        &t,
        path,
        Some(&token),
        br#"{"userId":"Abby.Smith","length":18}"#,
    )
    .await;
    assert_eq!(status, 200);
    let digit: PasswordDigitToken = serde_json::from_slice(&raw).expect("PasswordDigitToken");
    assert_eq!(digit.digit_token.map(|d| d.len()), Some(18));
    for bad in [
        &br#"{"userId":"Abby.Smith","length":5}"#[..],
        br#"{"userId":"Abby.Smith","length":19}"#,
        br#"{"userId":"Abby.Smith","durationMinutes":0}"#,
        br#"{"length":8}"#,
    ] {
        let (status, _, raw) = post_raw(&t, path, Some(&token), bad).await;
        assert_eq!(status, 400, "{}", String::from_utf8_lossy(bad));
        error_dto(&raw);
    }
    let (status, _, _) = post_raw(&t, path, Some(&token), br#"{"userId":"Nobody"}"#).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn unknown_routes_and_methods_answer_json() {
    let t = MockTenant::start().await.expect("start");
    let (status, ct, raw) = finish(http().get(format!("{}/v3/nothing", t.base_url()))).await;
    assert_eq!((status, ct.as_str()), (404, "application/json"));
    error_dto(&raw);
    let (status, ct, raw) =
        finish(http().get(format!("{}/v2024/set-password", t.base_url()))).await;
    assert_eq!((status, ct.as_str()), (405, "application/json"));
    error_dto(&raw);
    // The per-resource paths: another version of a resource is unknown,
    // another method on a known one is not allowed.
    let token = token(&t).await;
    let (status, ct, raw) = post_raw(&t, "/set-password/v2", Some(&token), b"{}").await;
    assert_eq!((status, ct.as_str()), (404, "application/json"));
    error_dto(&raw);
    let (status, ct, raw) = finish(http().get(format!("{}/set-password/v1", t.base_url()))).await;
    assert_eq!((status, ct.as_str()), (405, "application/json"));
    error_dto(&raw);
}

#[tokio::test]
async fn status_delay_and_malformed_faults() {
    let t = MockTenant::start().await.expect("start");
    let token = token(&t).await;
    let query = br#"{"userName":"Nobody","sourceName":"My-AD"}"#;
    t.inject(Fault::Status {
        status: 503,
        retry_after: Some("2".to_owned()),
        count: 1,
    });
    t.inject_matching("/beta/", Fault::too_many_requests(1, 7));
    let resp = http()
        .post(format!("{}/v2024/query-password-info", t.base_url()))
        .body(query.to_vec())
        .send()
        .await
        .expect("send");
    assert_eq!(resp.status(), 503, "faults come before the token check");
    assert_eq!(
        resp.headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok()),
        Some("2")
    );
    error_dto(&resp.bytes().await.expect("body"));

    let (status, _, raw) = post_raw(&t, "/beta/query-password-info", Some(&token), query).await;
    assert_eq!(status, 429);
    assert_eq!(
        serde_json::from_slice::<Value>(&raw).expect("json"),
        json!({"message": " Rate Limit Exceeded "})
    );
    assert_eq!(t.pending_faults(), 0);

    t.inject(Fault::Delay {
        delay: Duration::from_millis(300),
        count: 1,
    });
    let started = Instant::now();
    let (status, _, _) = post_raw(&t, "/v2024/query-password-info", Some(&token), query).await;
    assert_eq!(status, 404);
    assert!(started.elapsed() >= Duration::from_millis(300));

    t.inject(Fault::MalformedBody { count: 1 });
    let (status, ct, raw) = post_raw(&t, "/v2024/query-password-info", Some(&token), query).await;
    assert_eq!((status, ct.as_str()), (404, "application/json"));
    assert!(
        serde_json::from_slice::<Value>(&raw).is_err(),
        "the body is cut"
    );

    // The token endpoint only gets faults that name it; a bogus status is 500.
    t.inject(Fault::status(42, 1));
    t.inject_matching("/oauth/token", Fault::status(200, 1));
    let resp = http()
        .post(format!("{}/oauth/token", t.base_url()))
        .send()
        .await
        .expect("send");
    assert_eq!(resp.status(), 500);
    t.clear_faults();
    assert_eq!(t.pending_faults(), 0);
}

#[tokio::test]
async fn garbage_never_breaks_the_server() {
    let t = MockTenant::builder()
        .with_key_bits(512)
        .start()
        .await
        .expect("start");
    let token = token(&t).await;
    let bodies: [&[u8]; 7] = [
        b"",
        b"null",
        b"\xff\xfe\xfd",
        b"{\"userName\":\"\\ud800\"}",
        b"{\"encryptedPassword\":{},\"publicKeyId\":[]}",
        b"{\"userId\":\"Abby.Smith\",\"length\":99999999999999999999}",
        b"{\"userId\":\"Abby.Smith\",\"length\":-1}",
    ];
    for path in [
        "/v2024/query-password-info",
        "/v2024/set-password",
        "/beta/set-password",
        "/beta/generate-password-reset-token/digit",
        "/query-password-info/v1",
        "/set-password/v1",
        "/generate-password-reset-token/v1/digit",
    ] {
        for body in bodies {
            let (status, ct, _) = post_raw(&t, path, Some(&token), body).await;
            assert!((400..500).contains(&status), "{path} {status}");
            assert_eq!(ct, "application/json");
        }
    }
    let (status, _, _) = finish(
        http()
            .get(format!(
                "{}/v2024/password-change-status/%FF%FE",
                t.base_url()
            ))
            .bearer_auth(&token),
    )
    .await;
    assert!((400..500).contains(&status));
    let (status, _, _) = finish(
        http()
            .get(format!("{}/v2024/password-change-status/x", t.base_url()))
            .header("authorization", "Bearer"),
    )
    .await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn shutdown_and_drop_stop_the_server() {
    let t = MockTenant::start().await.expect("start");
    let url = format!("{}/oauth/token", t.base_url());
    assert!(http().post(&url).send().await.is_ok());
    t.shutdown().await;
    assert!(http().post(&url).send().await.is_err());

    let t = MockTenant::start().await.expect("start");
    let url = format!("{}/oauth/token", t.base_url());
    drop(t);
    tokio::task::yield_now().await;
    assert!(http().post(&url).send().await.is_err());
}

#[tokio::test]
async fn bad_settings_are_refused() {
    for builder in [
        MockTenant::builder().with_key_bits(256),
        MockTenant::builder().with_key_bits(8192),
        MockTenant::builder().with_client_credentials("", "x"),
    ] {
        let err = builder.start().await.expect_err("refused");
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
    }
}
