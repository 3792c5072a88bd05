//! OAuth2 client credentials against a real loopback server: the token is
//! cached, refreshed before expiry, fetched once for many concurrent callers,
//! refreshed once on a 401, and a failing token endpoint is a typed error.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use sailpoint_isc::{AuthError, Client, Error};
use sailpoint_isc_tests::tenant::{
    bearer, client, get_thing_request, serve, Counter, Thing, TokenEndpoint, TokenReply,
    CLIENT_SECRET,
};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// `GET /v2024/thing/{id}` answering 200 to every token except those in
/// `reject`, recording the tokens it saw.
#[derive(Clone, Default)]
struct Api {
    calls: Counter,
    seen: Arc<Mutex<Vec<String>>>,
    reject: Arc<Vec<&'static str>>,
}

async fn thing(State(api): State<Api>, headers: HeaderMap) -> Response {
    api.calls.hit();
    let token = bearer(&headers).unwrap_or_default();
    api.seen
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(token.clone());
    if api.reject.contains(&token.as_str()) {
        return (StatusCode::UNAUTHORIZED, "{\"error\":\"expired\"}").into_response();
    }
    Json(serde_json::json!({ "id": "42" })).into_response()
}

async fn tenant(tokens: &Arc<TokenEndpoint>, api: &Api) -> String {
    let router = Router::new()
        .route("/v2024/thing/{id}", get(thing))
        .with_state(api.clone())
        .merge(tokens.router());
    serve(router).await
}

async fn get_thing(client: &Client) -> Result<Thing, Error> {
    client
        .execute::<Thing>(get_thing_request().path("id", "42"))
        .await
}

#[tokio::test]
async fn fifty_calls_cause_one_token_request() {
    let tokens = TokenEndpoint::new(749);
    let api = Api::default();
    let client = client(&tenant(&tokens, &api).await);
    for _ in 0..50 {
        let thing = get_thing(&client).await.expect("call succeeds");
        assert_eq!(thing.id, "42");
    }
    // Clones share the cache too.
    get_thing(&client.clone()).await.expect("call succeeds");
    assert_eq!(tokens.count(), 1);
    assert_eq!(
        tokens.bad_forms(),
        0,
        "the client-credentials form is right"
    );
    assert_eq!(api.calls.get(), 51);
    let seen = api.seen.lock().unwrap_or_else(|e| e.into_inner());
    assert!(seen.iter().all(|t| t == "token-1"));
}

#[tokio::test]
async fn an_expiring_token_is_refreshed_before_it_expires() {
    // A 1 s token is refreshed a quarter of its lifetime early, at 750 ms.
    let tokens = TokenEndpoint::new(1);
    let api = Api::default();
    let client = client(&tenant(&tokens, &api).await);
    get_thing(&client).await.expect("first call");
    get_thing(&client).await.expect("second call, same token");
    assert_eq!(tokens.count(), 1);
    tokio::time::sleep(Duration::from_millis(800)).await;
    // Not expired yet (1 s), but inside the margin: refreshed.
    get_thing(&client).await.expect("third call");
    assert_eq!(tokens.count(), 2);
    let seen = api.seen.lock().unwrap_or_else(|e| e.into_inner()).clone();
    assert_eq!(seen, ["token-1", "token-1", "token-2"]);
}

#[tokio::test]
async fn a_token_without_expires_in_is_kept_until_a_401() {
    let tokens = TokenEndpoint::replying(vec![TokenReply::Token { expires_in: None }]);
    let api = Api {
        reject: Arc::new(vec!["token-1"]),
        ..Api::default()
    };
    let client = client(&tenant(&tokens, &api).await);
    get_thing(&client).await.expect("401 then refresh");
    get_thing(&client).await.expect("cached");
    assert_eq!(tokens.count(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hundred_concurrent_calls_on_a_cold_client_cause_one_token_request() {
    // A slow token endpoint, so every caller arrives while the fetch is in flight.
    let tokens = TokenEndpoint::with_delay(
        vec![TokenReply::Token {
            expires_in: Some(749),
        }],
        Duration::from_millis(200),
    );
    let api = Api::default();
    let client = client(&tenant(&tokens, &api).await);
    let tasks: Vec<_> = (0..100)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { get_thing(&client).await })
        })
        .collect();
    for task in tasks {
        task.await.expect("task ran").expect("call succeeds");
    }
    assert_eq!(tokens.count(), 1);
    assert_eq!(api.calls.get(), 100);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_callers_share_one_failed_token_request() {
    let tokens = TokenEndpoint::with_delay(
        vec![TokenReply::Fail(
            401,
            r#"{"error":"invalid_client","error_description":"Bad credentials"}"#.into(),
        )],
        Duration::from_millis(200),
    );
    let api = Api::default();
    let client = client(&tenant(&tokens, &api).await);
    let tasks: Vec<_> = (0..20)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { get_thing(&client).await })
        })
        .collect();
    for task in tasks {
        let err = task.await.expect("task ran").expect_err("bad credentials");
        assert!(
            matches!(err, Error::Auth(AuthError::Rejected { .. })),
            "{err}"
        );
    }
    assert_eq!(tokens.count(), 1, "a wrong secret costs one token request");
    assert_eq!(api.calls.get(), 0);
    // A later call tries again rather than caching the failure forever.
    get_thing(&client).await.expect_err("still bad");
    assert_eq!(tokens.count(), 2);
}

#[tokio::test]
async fn a_401_causes_one_refresh_and_one_retry() {
    let tokens = TokenEndpoint::new(749);
    let api = Api {
        reject: Arc::new(vec!["token-1"]),
        ..Api::default()
    };
    let client = client(&tenant(&tokens, &api).await);
    let thing = get_thing(&client)
        .await
        .expect("succeeds after the refresh");
    assert_eq!(thing.id, "42");
    assert_eq!(tokens.count(), 2);
    assert_eq!(api.calls.get(), 2);
    let seen = api.seen.lock().unwrap_or_else(|e| e.into_inner()).clone();
    assert_eq!(seen, ["token-1", "token-2"]);
}

#[tokio::test]
async fn a_second_401_is_an_error_not_a_loop() {
    let tokens = TokenEndpoint::new(749);
    let api = Api {
        reject: Arc::new(vec!["token-1", "token-2", "token-3", "token-4"]),
        ..Api::default()
    };
    let client = client(&tenant(&tokens, &api).await);
    let err = get_thing(&client).await.expect_err("401 twice");
    let Error::Api(api_err) = &err else {
        panic!("expected an API error, got {err:?}");
    };
    assert_eq!(api_err.status(), 401);
    assert_eq!(api_err.attempts(), 2);
    assert_eq!(tokens.count(), 2, "one refresh");
    assert_eq!(api.calls.get(), 2, "one retry");
}

#[tokio::test]
async fn a_static_token_rejected_with_401_is_not_resent() {
    let tokens = TokenEndpoint::new(749);
    let api = Api {
        reject: Arc::new(vec!["fixed"]),
        ..Api::default()
    };
    let base = tenant(&tokens, &api).await;
    let client = Client::builder()
        .base_url(base)
        .bearer_token("fixed")
        .build()
        .expect("valid config");
    let err = get_thing(&client).await.expect_err("401");
    assert!(matches!(&err, Error::Api(e) if e.status() == 401 && e.attempts() == 1));
    assert_eq!(
        api.calls.get(),
        1,
        "the same token would only earn another 401"
    );
    assert_eq!(tokens.count(), 0);
}

async fn auth_error_for(reply: TokenReply) -> (AuthError, Arc<TokenEndpoint>, Api) {
    let tokens = TokenEndpoint::replying(vec![reply]);
    let api = Api::default();
    let client = client(&tenant(&tokens, &api).await);
    let err = get_thing(&client).await.expect_err("token endpoint fails");
    let text = format!("{err} {err:?}");
    assert!(!text.contains(CLIENT_SECRET), "{text}");
    match err {
        Error::Auth(auth) => (auth, tokens, api),
        other => panic!("expected an auth error, got {other:?}"),
    }
}

#[tokio::test]
async fn token_endpoint_400_is_a_typed_rejection() {
    let (err, tokens, api) = auth_error_for(TokenReply::Fail(
        400,
        r#"{"error":"invalid_request","error_description":"Missing grant type"}"#.into(),
    ))
    .await;
    match err {
        AuthError::Rejected { status, message } => {
            assert_eq!(status, 400);
            assert_eq!(message, "Missing grant type");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(tokens.count(), 1, "a 400 is not retried");
    assert_eq!(api.calls.get(), 0, "no API call without a token");
}

#[tokio::test]
async fn token_endpoint_401_is_a_typed_rejection() {
    let (err, tokens, _) = auth_error_for(TokenReply::Fail(
        401,
        // A server that echoes the form must not leak the secret.
        format!(r#"{{"error":"invalid_client","error_description":"bad secret {CLIENT_SECRET}"}}"#),
    ))
    .await;
    match err {
        AuthError::Rejected { status, message } => {
            assert_eq!(status, 401);
            assert_eq!(message, "bad secret [redacted]");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(tokens.count(), 1);
}

#[tokio::test]
async fn a_malformed_token_response_is_a_typed_error() {
    for body in [
        "<html>gateway</html>",
        r#"{"accessToken":"token-x"}"#,
        r#"{"access_token":"token-x","expires_in":"soon"}"#,
    ] {
        let (err, tokens, _) = auth_error_for(TokenReply::Raw(body.into())).await;
        match err {
            AuthError::Malformed { status, message } => {
                assert_eq!(status, 200);
                assert!(
                    !message.contains("token-x"),
                    "no token in errors: {message}"
                );
            }
            other => panic!("{body}: {other:?}"),
        }
        assert_eq!(tokens.count(), 1, "{body}: retrying cannot help");
    }
}

#[tokio::test]
async fn a_rate_limited_token_endpoint_is_retried() {
    let tokens = TokenEndpoint::replying(vec![
        TokenReply::Fail(429, r#"{"error":"slow down"}"#.into()),
        TokenReply::Token {
            expires_in: Some(749),
        },
    ]);
    let api = Api::default();
    let client = client(&tenant(&tokens, &api).await);
    get_thing(&client).await.expect("token after a backoff");
    assert_eq!(tokens.count(), 2);
}
