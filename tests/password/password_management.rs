//! The four generated Password Management methods of each API line (`v2024`,
//! `beta`, the per-resource `password_management`) against a real HTTP
//! server on 127.0.0.1: what each sends (method, path, headers, JSON body)
//! and how each documented answer decodes.

use sailpoint_isc::{Client, Error, RetryPolicy};
use sailpoint_isc_tests::scripted::{Reply, Scripted, Seen};
use serde_json::json;
use std::future::IntoFuture;

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

sailpoint_isc_tests::for_each_line! {
    /// Makes the call `call` builds once per documented error status in
    /// `statuses` and checks the typed body.
    async fn check_errors<T, C>(srv: &Scripted, statuses: &[u16], call: impl Fn() -> C)
    where
        T: std::fmt::Debug,
        C: IntoFuture<Output = Result<T, Error>>,
    {
        for &status in statuses {
            srv.reply(error_reply(status));
            let err = match call().await {
                Err(Error::Api(e)) => e,
                other => panic!("status {status}: expected Error::Api, got {other:?}"),
            };
            assert_eq!(err.status().as_u16(), status);
            match status {
                401 => {
                    let body = err
                        .body::<line::UnauthorizedErr>()
                        .expect("401 decodes as its documented type");
                    assert_eq!(body.error, Some(json!("JWT validation failed: JWT is expired")));
                    // A static token cannot be refreshed, so it is not re-sent.
                    assert_eq!(err.attempts(), 1);
                }
                429 => {
                    let body = err
                        .body::<line::TooManyErr>()
                        .expect("429 decodes as its documented type");
                    assert_eq!(body.message, Some(json!(" Rate Limit Exceeded ")));
                    assert_eq!(err.retry_after(), Some(std::time::Duration::from_secs(7)));
                }
                s => {
                    let body = err
                        .body::<line::ErrorDto>()
                        .expect("error decodes as ErrorResponseDto");
                    let track = format!("track-{s}");
                    assert_eq!(body.tracking_id.as_deref(), Some(track.as_str()));
                    assert_eq!(err.tracking_id(), Some(track.as_str()));
                    assert_eq!(err.detail_code(), Some(format!("{s}.0 Test").as_str()));
                    assert!(err.to_string().contains(&track), "{err}");
                }
            }
            srv.take();
        }
    }

    #[tokio::test]
    async fn create_digit_token_sends_the_experimental_header_where_marked() {
        let (srv, client) = setup().await;
        let api = line::api(&client);
        let req = line::DigitReset {
            user_id: "Abby.Smith".into(),
            length: Some(8),
            duration_minutes: Some(5),
            extra: Default::default(),
        };
        srv.reply(Reply::json(
            200,
            json!({"digitToken": "9087713", "requestId": "e1267ecd"}),
        ));
        let out = line::digit_token(&api, &req).await.expect("success");
        assert_eq!(out.digit_token.as_deref(), Some("9087713"));
        assert_eq!(out.request_id.as_deref(), Some("e1267ecd"));
        let seen = srv.take();
        assert_eq!(seen.len(), 1);
        assert_common(&seen[0], "POST", &line::wire_path(line::DIGIT_TOKEN_PATH));
        assert_eq!(
            seen[0].header("x-sailpoint-experimental"),
            line::DIGIT_TOKEN_EXPERIMENTAL.then_some("true")
        );
        assert_eq!(
            seen[0].json(),
            json!({"userId": "Abby.Smith", "length": 8, "durationMinutes": 5})
        );

        // Optional fields that are None are left out, not sent as null.
        let bare = line::DigitReset {
            length: None,
            duration_minutes: None,
            ..req.clone()
        };
        srv.reply(Reply::json(
            200,
            json!({"digitToken": "09087713", "requestId": "r"}),
        ));
        let out = line::digit_token(&api, &bare).await.expect("success");
        assert_eq!(out.digit_token.as_deref(), Some("09087713"));
        let seen = srv.take();
        assert_common(&seen[0], "POST", &line::wire_path(line::DIGIT_TOKEN_PATH));
        assert_eq!(seen[0].json(), json!({"userId": "Abby.Smith"}));
        check_errors(&srv, line::ERRORS, || line::digit_token(&api, &req)).await;
    }

    #[tokio::test]
    async fn query_password_info() {
        let (srv, client) = setup().await;
        let api = line::api(&client);
        let q = line::InfoQuery {
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
        let info = line::query(&api, &q).await.expect("success");
        assert_eq!(info.public_key.as_deref(), Some("KEY"));
        let accounts = info.accounts.expect("accounts");
        assert_eq!(accounts[0].account_id.as_deref(), Some("CN=Abby"));
        let seen = srv.take();
        assert_common(&seen[0], "POST", &line::wire_path(line::QUERY_PATH));
        assert_eq!(seen[0].header("x-sailpoint-experimental"), None);
        assert_eq!(
            seen[0].json(),
            json!({"userName": "Abby.Smith", "sourceName": "My-AD"})
        );

        // An answer with few of the properties decodes too.
        srv.reply(Reply::json(200, json!({"publicKey": "KEY", "accounts": []})));
        let info = line::query(&api, &q).await.expect("success");
        assert_eq!(info.public_key.as_deref(), Some("KEY"));
        srv.take();
        check_errors(&srv, line::ERRORS, || line::query(&api, &q)).await;
    }

    #[tokio::test]
    async fn set_password() {
        let (srv, client) = setup().await;
        let api = line::api(&client);
        let req = line::ChangeRequest {
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
        let out = line::set(&api, &req).await.expect("success");
        assert_eq!(out.request_id.as_deref(), Some("req1"));
        assert_eq!(out.state, Some(line::ChangeState::InProgress));
        let seen = srv.take();
        assert_common(&seen[0], "POST", &line::wire_path(line::SET_PATH));
        assert_eq!(
            seen[0].json(),
            json!({"identityId": "id1", "encryptedPassword": "CIPHER==", "publicKeyId": "pk1",
                   "accountId": "CN=Abby", "sourceId": "src1"})
        );

        let partial = line::ChangeRequest {
            identity_id: Some("id1".into()),
            encrypted_password: Some("CIPHER==".into()),
            ..Default::default()
        };
        srv.reply(Reply::json(
            202,
            json!({"requestId": "req1", "state": "FINISHED"}),
        ));
        let out = line::set(&api, &partial).await.expect("success");
        assert_eq!(out.state, Some(line::ChangeState::Finished));
        let seen = srv.take();
        assert_eq!(
            seen[0].json(),
            json!({"identityId": "id1", "encryptedPassword": "CIPHER=="})
        );
        check_errors(&srv, line::ERRORS, || line::set(&api, &req)).await;
    }

    #[tokio::test]
    async fn get_password_change_status_and_unknown_enum_values() {
        let (srv, client) = setup().await;
        let api = line::api(&client);
        let path = |id: &str| line::wire_path(&line::STATUS_PATH.replace("{id}", id));
        srv.reply(Reply::json(
            200,
            json!({"requestId": null, "state": "FAILED", "errors": ["bad"], "sourceIds": ["s1"]}),
        ));
        let st = line::status(&api, "req/1 x").await.expect("success");
        assert_eq!(st.state, Some(line::StatusState::Failed));
        assert_eq!(st.request_id, None);
        assert_eq!(st.errors, Some(vec!["bad".to_owned()]));
        let seen = srv.take();
        // The id is one escaped path segment.
        assert_common(&seen[0], "GET", &path("req%2F1%20x"));
        assert!(seen[0].body.is_empty());

        srv.reply(Reply::json(
            200,
            json!({"requestId": "r", "state": "IN_PROGRESS"}),
        ));
        let st = line::status(&api, "r").await.expect("success");
        assert_eq!(st.state, Some(line::StatusState::InProgress));
        let seen = srv.take();
        assert_common(&seen[0], "GET", &path("r"));

        // A state the spec does not list decodes and is kept.
        for unknown in ["CANCELLED", "SOMETHING_NEW"] {
            srv.reply(Reply::json(200, json!({"requestId": "r", "state": unknown})));
            let st = line::status(&api, "r").await.expect("unknown enum value decodes");
            assert_eq!(st.state, Some(line::StatusState::Other(unknown.into())));
            assert_eq!(
                serde_json::to_value(&st).expect("encode")["state"],
                json!(unknown)
            );
            srv.take();
        }
        check_errors(&srv, line::STATUS_ERRORS, || line::status(&api, "r")).await;
    }
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
