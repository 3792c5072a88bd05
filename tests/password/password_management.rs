//! The eight generated Password Management methods (four per API version)
//! against a real HTTP server on 127.0.0.1: what each sends (method, path,
//! headers, JSON body) and how each documented answer decodes.

use sailpoint_isc::{beta, v2024, Client, Error, RetryPolicy};
use sailpoint_isc_tests::scripted::{Reply, Scripted, Seen};
use serde_json::json;

const TOKEN: &str = "test-access-token";

async fn setup() -> (Scripted, Client) {
    let (srv, base) = Scripted::start().await;
    let client = Client::builder()
        .base_url(base)
        .bearer_token(TOKEN)
        .retry(RetryPolicy::none())
        .build()
        .expect("client");
    (srv, client)
}

fn error_body(status: u16) -> serde_json::Value {
    json!({
        "detailCode": format!("{status}.0 Test"),
        "trackingId": format!("track-{status}"),
        "messages": [{"locale": "en-US", "localeOrigin": "DEFAULT", "text": format!("message {status}")}]
    })
}

/// Answers `status` with the body SailPoint documents for it.
fn error_reply(status: u16) -> Reply {
    match status {
        401 => Reply::json(
            401,
            json!({"error": "JWT validation failed: JWT is expired"}),
        ),
        429 => {
            let mut r = Reply::json(429, json!({"message": " Rate Limit Exceeded "}));
            r.headers.push(("retry-after".into(), "7".into()));
            r
        }
        s => Reply::json(s, error_body(s)),
    }
}

fn assert_common(seen: &Seen, method: &str, path: &str) {
    assert_eq!(seen.method.as_str(), method);
    assert_eq!(seen.path, path);
    assert_eq!(
        seen.header("authorization"),
        Some(format!("Bearer {TOKEN}").as_str())
    );
    assert_eq!(seen.header("accept"), Some("application/json"));
    if method == "POST" {
        assert_eq!(seen.header("content-type"), Some("application/json"));
    }
}

/// Calls `$call` once per documented error status and checks the typed body.
macro_rules! check_errors {
    ($srv:expr, $m:ident, [$($status:literal),*], $call:expr) => {{
        $(
            let status: u16 = $status;
            $srv.reply(error_reply(status));
            let err = match $call.await {
                Err(Error::Api(e)) => e,
                other => panic!("status {status}: expected Error::Api, got {other:?}"),
            };
            assert_eq!(err.status().as_u16(), status);
            match status {
                401 => {
                    let body = err.body::<$m::UnauthorizedErr>().expect("401 decodes as its documented type");
                    assert_eq!(body.error, Some(json!("JWT validation failed: JWT is expired")));
                    // A static token cannot be refreshed, so it is not re-sent.
                    assert_eq!(err.attempts(), 1);
                }
                429 => {
                    let body = err.body::<$m::TooManyErr>().expect("429 decodes as its documented type");
                    assert_eq!(body.message, Some(json!(" Rate Limit Exceeded ")));
                    assert_eq!(err.retry_after(), Some(std::time::Duration::from_secs(7)));
                }
                s => {
                    let body = err.body::<$m::ErrorDto>().expect("error decodes as ErrorResponseDto");
                    assert_eq!(body.tracking_id.as_deref(), Some(format!("track-{s}").as_str()));
                    assert_eq!(err.tracking_id(), Some(format!("track-{s}").as_str()));
                    assert_eq!(err.detail_code(), Some(format!("{s}.0 Test").as_str()));
                    assert!(err.to_string().contains(&format!("track-{s}")), "{err}");
                }
            }
            $srv.take();
        )*
    }};
}

mod v {
    pub use sailpoint_isc::v2024::{
        ErrorResponseDto as ErrorDto, TooManyRequestsError as TooManyErr,
        UnauthorizedError as UnauthorizedErr,
    };
}
mod b {
    pub use sailpoint_isc::beta::{
        ErrorResponseDtoBeta as ErrorDto, TooManyRequestsErrorBeta as TooManyErr,
        UnauthorizedErrorBeta as UnauthorizedErr,
    };
}

#[tokio::test]
async fn v2024_create_digit_token_sends_experimental_header() {
    let (srv, client) = setup().await;
    let api = client.v2024();
    let req = v2024::PasswordDigitTokenReset {
        user_id: "Abby.Smith".into(),
        length: Some(8),
        duration_minutes: Some(5),
        extra: Default::default(),
    };
    srv.reply(Reply::json(
        200,
        json!({"digitToken": "9087713", "requestId": "e1267ecd"}),
    ));
    let out = api.create_digit_token(&req).await.expect("success");
    assert_eq!(out.digit_token.as_deref(), Some("9087713"));
    assert_eq!(out.request_id.as_deref(), Some("e1267ecd"));
    let seen = srv.take();
    assert_eq!(seen.len(), 1);
    assert_common(
        &seen[0],
        "POST",
        "/v2024/generate-password-reset-token/digit",
    );
    assert_eq!(seen[0].header("x-sailpoint-experimental"), Some("true"));
    assert_eq!(
        seen[0].json(),
        json!({"userId": "Abby.Smith", "length": 8, "durationMinutes": 5})
    );
    check_errors!(
        srv,
        v,
        [400, 401, 403, 429, 500],
        api.create_digit_token(&req)
    );
}

#[tokio::test]
async fn v2024_query_password_info() {
    let (srv, client) = setup().await;
    let api = client.v2024();
    let q = v2024::PasswordInfoQueryDto {
        user_name: Some("Abby.Smith".into()),
        source_name: Some("My-AD".into()),
        ..Default::default()
    };
    srv.reply(Reply::json(
        200,
        json!({"identityId": "id1", "sourceId": "src1", "publicKeyId": "pk1", "publicKey": "KEY",
               "accounts": [{"accountId": "CN=Abby", "accountName": "Abby.Smith"}],
               "policies": ["passwordMinLength is 5"]}),
    ));
    let info = api.query_password_info(&q).await.expect("success");
    assert_eq!(info.public_key.as_deref(), Some("KEY"));
    let accounts = info.accounts.expect("accounts");
    assert_eq!(accounts[0].account_id.as_deref(), Some("CN=Abby"));
    let seen = srv.take();
    assert_common(&seen[0], "POST", "/v2024/query-password-info");
    assert_eq!(seen[0].header("x-sailpoint-experimental"), None);
    assert_eq!(
        seen[0].json(),
        json!({"userName": "Abby.Smith", "sourceName": "My-AD"})
    );
    check_errors!(
        srv,
        v,
        [400, 401, 403, 429, 500],
        api.query_password_info(&q)
    );
}

#[tokio::test]
async fn v2024_set_password() {
    let (srv, client) = setup().await;
    let api = client.v2024();
    let req = v2024::PasswordChangeRequest {
        identity_id: Some("id1".into()),
        encrypted_password: Some("CIPHER==".into()),
        public_key_id: Some("pk1".into()),
        account_id: Some("CN=Abby".into()),
        source_id: Some("src1".into()),
        ..Default::default()
    };
    srv.reply(Reply::json(
        202,
        json!({"requestId": "req1", "state": "IN_PROGRESS"}),
    ));
    let out = api.set_password(&req).await.expect("success");
    assert_eq!(out.request_id.as_deref(), Some("req1"));
    assert_eq!(
        out.state,
        Some(v2024::PasswordChangeResponseState::InProgress)
    );
    let seen = srv.take();
    assert_common(&seen[0], "POST", "/v2024/set-password");
    assert_eq!(
        seen[0].json(),
        json!({"identityId": "id1", "encryptedPassword": "CIPHER==", "publicKeyId": "pk1",
               "accountId": "CN=Abby", "sourceId": "src1"})
    );
    check_errors!(srv, v, [400, 401, 403, 429, 500], api.set_password(&req));
}

#[tokio::test]
async fn v2024_get_password_change_status_and_unknown_enum_values() {
    let (srv, client) = setup().await;
    let api = client.v2024();
    srv.reply(Reply::json(
        200,
        json!({"requestId": null, "state": "FAILED", "errors": ["bad"], "sourceIds": ["s1"]}),
    ));
    let st = api
        .get_password_change_status("req/1 x")
        .await
        .expect("success");
    assert_eq!(st.state, Some(v2024::PasswordStatusState::Failed));
    assert_eq!(st.request_id, None);
    assert_eq!(st.errors, Some(vec!["bad".to_owned()]));
    let seen = srv.take();
    // The id is one escaped path segment.
    assert_common(&seen[0], "GET", "/v2024/password-change-status/req%2F1%20x");
    assert!(seen[0].body.is_empty());

    // A state the spec does not list decodes and is kept.
    srv.reply(Reply::json(
        200,
        json!({"requestId": "r", "state": "CANCELLED"}),
    ));
    let st = api
        .get_password_change_status("r")
        .await
        .expect("unknown enum value decodes");
    assert_eq!(
        st.state,
        Some(v2024::PasswordStatusState::Other("CANCELLED".into()))
    );
    assert_eq!(
        serde_json::to_value(&st).expect("encode")["state"],
        json!("CANCELLED")
    );
    srv.take();
    check_errors!(
        srv,
        v,
        [400, 401, 403, 404, 429, 500],
        api.get_password_change_status("r")
    );
}

#[tokio::test]
async fn beta_create_digit_token() {
    let (srv, client) = setup().await;
    let api = client.beta();
    let req = beta::PasswordDigitTokenResetBeta {
        user_id: "Abby.Smith".into(),
        length: None,
        duration_minutes: None,
        extra: Default::default(),
    };
    srv.reply(Reply::json(
        200,
        json!({"digitToken": "09087713", "requestId": "r"}),
    ));
    let out = api.create_digit_token(&req).await.expect("success");
    assert_eq!(out.digit_token.as_deref(), Some("09087713"));
    let seen = srv.take();
    assert_common(
        &seen[0],
        "POST",
        "/beta/generate-password-reset-token/digit",
    );
    // Optional fields that are None are left out, not sent as null.
    assert_eq!(seen[0].json(), json!({"userId": "Abby.Smith"}));
    check_errors!(
        srv,
        b,
        [400, 401, 403, 429, 500],
        api.create_digit_token(&req)
    );
}

#[tokio::test]
async fn beta_query_password_info() {
    let (srv, client) = setup().await;
    let api = client.beta();
    let q = beta::PasswordInfoQueryDtoBeta {
        user_name: Some("Abby.Smith".into()),
        source_name: Some("My-AD".into()),
        ..Default::default()
    };
    srv.reply(Reply::json(
        200,
        json!({"publicKey": "KEY", "accounts": []}),
    ));
    let info = api.query_password_info(&q).await.expect("success");
    assert_eq!(info.public_key.as_deref(), Some("KEY"));
    let seen = srv.take();
    assert_common(&seen[0], "POST", "/beta/query-password-info");
    assert_eq!(
        seen[0].json(),
        json!({"userName": "Abby.Smith", "sourceName": "My-AD"})
    );
    check_errors!(
        srv,
        b,
        [400, 401, 403, 429, 500],
        api.query_password_info(&q)
    );
}

#[tokio::test]
async fn beta_set_identity_password() {
    let (srv, client) = setup().await;
    let api = client.beta();
    let req = beta::PasswordChangeRequestBeta {
        identity_id: Some("id1".into()),
        encrypted_password: Some("CIPHER==".into()),
        ..Default::default()
    };
    srv.reply(Reply::json(
        202,
        json!({"requestId": "req1", "state": "FINISHED"}),
    ));
    let out = api.set_identity_password(&req).await.expect("success");
    assert_eq!(
        out.state,
        Some(beta::PasswordChangeResponseStateBeta::Finished)
    );
    let seen = srv.take();
    assert_common(&seen[0], "POST", "/beta/set-password");
    assert_eq!(
        seen[0].json(),
        json!({"identityId": "id1", "encryptedPassword": "CIPHER=="})
    );
    check_errors!(
        srv,
        b,
        [400, 401, 403, 429, 500],
        api.set_identity_password(&req)
    );
}

#[tokio::test]
async fn beta_get_identity_password_change_status() {
    let (srv, client) = setup().await;
    let api = client.beta();
    srv.reply(Reply::json(
        200,
        json!({"requestId": "r", "state": "IN_PROGRESS"}),
    ));
    let st = api
        .get_identity_password_change_status("r")
        .await
        .expect("success");
    assert_eq!(st.state, Some(beta::PasswordStatusStateBeta::InProgress));
    let seen = srv.take();
    assert_common(&seen[0], "GET", "/beta/password-change-status/r");
    srv.reply(Reply::json(200, json!({"state": "SOMETHING_NEW"})));
    let st = api
        .get_identity_password_change_status("r")
        .await
        .expect("unknown enum decodes");
    assert_eq!(
        st.state,
        Some(beta::PasswordStatusStateBeta::Other("SOMETHING_NEW".into()))
    );
    srv.take();
    // Upstream documents no 429 for this beta operation.
    check_errors!(
        srv,
        b,
        [400, 401, 403, 404, 500],
        api.get_identity_password_change_status("r")
    );
}

#[tokio::test]
async fn a_success_body_that_does_not_match_is_a_decode_error_with_the_field() {
    let (srv, client) = setup().await;
    srv.reply(Reply::json(
        200,
        json!({"requestId": "r", "errors": "not-a-list"}),
    ));
    match client.v2024().get_password_change_status("r").await {
        Err(Error::Decode(e)) => {
            assert_eq!(e.status().as_u16(), 200);
            assert_eq!(e.field(), "errors");
            assert!(e.excerpt().contains("not-a-list"));
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
}
