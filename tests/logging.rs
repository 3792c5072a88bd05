//! Captures the `tracing` output of a full run (token fetch, 401 refresh,
//! 429 retry, a failed call) at TRACE level and checks that the client
//! secret, the access tokens and the password sent never appear, while the
//! operation, the attempts and the reasons for waiting do.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use sailpoint_isc::Error;
use sailpoint_isc_tests::tenant::{
    bearer, client, serve, set_password_request, Counter, Thing, TokenEndpoint, CLIENT_SECRET,
};

const PASSWORD: &str = "Corr3ct-Horse-Battery";

/// Answers 401 to `token-1`, then 429 once, then 200; and 400 for a body
/// without `ok`.
async fn set_password(State(calls): State<Counter>, headers: HeaderMap, body: String) -> Response {
    let n = calls.hit();
    if bearer(&headers).as_deref() == Some("token-1") {
        return (StatusCode::UNAUTHORIZED, "{}").into_response();
    }
    if n == 2 {
        return (StatusCode::TOO_MANY_REQUESTS, [("retry-after", "0")], "{}").into_response();
    }
    if !body.contains("\"ok\"") {
        return (
            StatusCode::BAD_REQUEST,
            r#"{"detailCode":"400.1 Bad Request Content","trackingId":"t-1","messages":[{"text":"bad"}]}"#,
        )
            .into_response();
    }
    r#"{"id":"42"}"#.into_response()
}

#[tokio::test]
async fn logs_name_the_operation_and_never_a_secret() {
    let (capture, _guard) = sailpoint_isc_tests::logs::Capture::scoped();

    let tokens = TokenEndpoint::new(749);
    let calls = Counter::default();
    let router = Router::new()
        .route("/v2024/set-password", post(set_password))
        .with_state(calls.clone())
        .merge(tokens.router());
    let client = client(&serve(router).await);

    let body = serde_json::json!({ "password": PASSWORD, "ok": true });
    let thing: Thing = client
        .execute(set_password_request().json(&body))
        .await
        .expect("401 refresh, 429 retry, then success");
    assert_eq!(thing.id, "42");
    assert_eq!(tokens.count(), 2);
    assert_eq!(calls.get(), 3);

    let bad = serde_json::json!({ "password": PASSWORD });
    let err = client
        .execute::<Thing>(set_password_request().json(&bad))
        .await
        .expect_err("400");
    let line = err.to_string();
    assert_eq!(
        line,
        "POST /v2024/set-password: 400 Bad Request (trackingId t-1, 400.1 Bad Request Content: bad)"
    );
    assert!(matches!(err, Error::Api(_)));
    tracing::error!(error = %err, "the caller logs the error");

    let logs = capture.text();
    for secret in [CLIENT_SECRET, "token-1", "token-2", PASSWORD] {
        assert!(!logs.contains(secret), "`{secret}` leaked into:\n{logs}");
    }
    for expected in [
        "setPassword",
        "/set-password",
        "POST",
        "fetching an access token",
        "token refresh",
        "retry-after",
        "attempt=2",
        "status=429",
    ] {
        assert!(
            logs.contains(expected),
            "`{expected}` missing from:\n{logs}"
        );
    }
}
