//! The server through this crate's own generated clients (the Password
//! Management bindings of every API line): examples, answers and their
//! sequences, retries the client does on them, the operation's checks,
//! strictness and what rules recorded.

use super::*;
use crate::v2024::ops::{GetPasswordChangeStatus, QueryPasswordInfo, SetPassword};
use crate::v2024::{
    ErrorMessageDto, ErrorResponseDto, PasswordChangeRequest, PasswordInfoQueryDto, PasswordStatus,
    PasswordStatusState,
};
use crate::{Error, Request, RetryPolicy};
use std::time::{Duration, Instant};

/// A client that retries quickly, so the tests that retry stay fast.
fn client(server: &MockServer) -> Client {
    server
        .client_builder()
        .retry(RetryPolicy::default().with_backoff_base(Duration::from_millis(10)))
        .build()
        .expect("client")
}

fn query() -> PasswordInfoQueryDto {
    PasswordInfoQueryDto {
        user_name: Some("Abby.Smith".into()),
        source_name: Some("My-AD".into()),
        ..Default::default()
    }
}

fn status(state: PasswordStatusState) -> PasswordStatus {
    PasswordStatus {
        request_id: Some("r-1".into()),
        state: Some(state),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_rule_without_an_answer_answers_the_spec_example_at_the_documented_status() {
    let server = MockServer::start().await.expect("server");
    server.rule::<QueryPasswordInfo>().mount().expect("mount");
    server.rule::<SetPassword>().mount().expect("mount");
    let api = client(&server).v2024();
    let info = api.query_password_info(&query()).await.expect("info");
    assert_eq!(
        info.identity_id.as_deref(),
        Some("2c918085744fec4301746f9a5bce4605")
    );
    let response = api
        .set_password(&PasswordChangeRequest::default())
        .send_with_response()
        .await
        .expect("set");
    assert_eq!(response.status(), 202);
    assert_eq!(
        response.body().request_id.as_deref(),
        Some("089899f13a8f4da7824996191587bab9")
    );
}

#[tokio::test]
async fn beta_and_per_resource_bindings_share_one_server() {
    let server = MockServer::start().await.expect("server");
    server
        .rule::<crate::beta::ops::QueryPasswordInfoBeta>()
        .mount()
        .expect("beta");
    server
        .rule::<crate::password_management::ops::QueryPasswordInfoV1>()
        .mount()
        .expect("per-resource");
    let c = client(&server);
    let beta = c
        .beta()
        .query_password_info(&crate::beta::PasswordInfoQueryDtoBeta::default())
        .await
        .expect("beta");
    let resource = c
        .password_management()
        .query_password_info_v1(&crate::password_management::PasswordInfoQueryDto::default())
        .await
        .expect("per-resource");
    assert!(beta.identity_id.is_some() && resource.identity_id.is_some());
}

#[tokio::test]
async fn a_sequence_answers_in_turn_and_its_last_answer_repeats() {
    let server = MockServer::start().await.expect("server");
    server
        .rule::<GetPasswordChangeStatus>()
        .then_output(status(PasswordStatusState::InProgress))
        .times(2)
        .then_output(status(PasswordStatusState::Finished))
        .mount()
        .expect("mount");
    let api = client(&server).v2024();
    let mut states = Vec::new();
    for _ in 0..4 {
        states.push(
            api.get_password_change_status("r-1")
                .await
                .expect("status")
                .state,
        );
    }
    use PasswordStatusState::{Finished, InProgress};
    assert_eq!(
        states,
        [
            Some(InProgress),
            Some(InProgress),
            Some(Finished),
            Some(Finished)
        ]
    );
}

#[tokio::test]
async fn a_429_with_retry_after_is_retried_by_the_client_then_succeeds() {
    let server = MockServer::start().await.expect("server");
    let rule = server
        .rule::<GetPasswordChangeStatus>()
        .then_rate_limited(Duration::from_secs(1))
        .then_output(status(PasswordStatusState::Finished))
        .expect(2)
        .mount()
        .expect("mount");
    let started = Instant::now();
    let s = client(&server)
        .v2024()
        .get_password_change_status("r-1")
        .await
        .expect("status");
    assert_eq!(s.state, Some(PasswordStatusState::Finished));
    assert_eq!(rule.hits(), 2);
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_dropped_connection_is_retried_for_a_get() {
    let server = MockServer::start().await.expect("server");
    let rule = server
        .rule::<GetPasswordChangeStatus>()
        .then_drop_connection()
        .then_output(status(PasswordStatusState::Finished))
        .mount()
        .expect("mount");
    let s = client(&server)
        .v2024()
        .get_password_change_status("r-1")
        .await
        .expect("status");
    assert_eq!(s.state, Some(PasswordStatusState::Finished));
    assert_eq!(rule.hits(), 2);
}

#[tokio::test]
async fn rules_match_on_path_and_record_typed_requests() {
    let server = MockServer::start().await.expect("server");
    let finished = server
        .rule::<GetPasswordChangeStatus>()
        .path("id", "done 1")
        .then_output(status(PasswordStatusState::Finished))
        .mount()
        .expect("mount");
    let query_rule = server
        .rule::<QueryPasswordInfo>()
        .body(|q| q.user_name.as_deref() == Some("Abby.Smith"))
        .mount()
        .expect("mount");
    let api = client(&server).v2024();
    api.get_password_change_status("done 1")
        .await
        .expect("status");
    api.query_password_info(&query()).await.expect("info");
    let sent = finished.requests();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].path_param("id"), Some("done 1"));
    assert_eq!(sent[0].path(), "/v2024/password-change-status/done%201");
    let body = query_rule.requests()[0]
        .body()
        .cloned()
        .expect("typed body");
    assert_eq!(body, query());
}

#[tokio::test]
async fn an_unmatched_request_is_answered_501_naming_the_closest_rule_and_fails_verify() {
    let server = MockServer::start().await.expect("server");
    server
        .rule::<GetPasswordChangeStatus>()
        .path("id", "a")
        .then_output(status(PasswordStatusState::Finished))
        .mount()
        .expect("mount");
    let api = client(&server).v2024();
    let err = api
        .get_password_change_status("b")
        .await
        .expect_err("unmatched");
    let Error::Api(api_err) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(api_err.status(), 501);
    let failures = server.check().expect_err("a failure");
    assert!(
        failures.contains(
            "no rule took GET /v2024/password-change-status/b (`getPasswordChangeStatus`)"
        ) && failures.contains(
            "closest: the `getPasswordChangeStatus` rule at runtime/src/mock/server/tests.rs:"
        ) && failures.contains("wants path parameter `id` = `a`, got `b`"),
        "{failures}"
    );
    let err = api
        .query_password_info(&query())
        .await
        .expect_err("no rule");
    assert!(
        matches!(&err, Error::Api(e) if e.status() == 501),
        "{err:?}"
    );
    let failures = server.check().expect_err("two failures");
    assert!(
        failures.contains("no rule is mounted for the operation of POST /v2024/query-password-info; closest: `getPasswordChangeStatus`"),
        "{failures}"
    );
    server.clear_failures();
    server.verify();
}

#[tokio::test]
#[should_panic(expected = "expected 2 requests and took 1")]
async fn an_unmet_expectation_fails_the_test_when_the_server_is_dropped() {
    let server = MockServer::start().await.expect("server");
    server
        .rule::<QueryPasswordInfo>()
        .expect(2)
        .mount()
        .expect("mount");
    client(&server)
        .v2024()
        .query_password_info(&query())
        .await
        .expect("info");
    assert!(server.check().is_err());
    drop(server);
}

#[tokio::test]
async fn requests_are_checked_against_their_operation() {
    let server = MockServer::start().await.expect("server");
    server.rule::<QueryPasswordInfo>().mount().expect("mount");
    server
        .rule::<GetPasswordChangeStatus>()
        .mount()
        .expect("mount");
    let c = client(&server);
    let bad = serde_json::json!({ "userName": 5 });
    let err = c
        .execute::<serde_json::Value>(Request::post("/v2024/query-password-info").json(&bad))
        .await
        .expect_err("refused");
    let Error::Api(e) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(e.status(), 400);
    let text = e.message().unwrap_or_default();
    assert!(
        text.starts_with("`queryPasswordInfo`: the body does not decode: at `userName`"),
        "{text}"
    );
    server.verify();
}

#[tokio::test]
async fn a_documented_error_body_is_answered_and_decoded_typed() {
    let server = MockServer::start().await.expect("server");
    let body = ErrorResponseDto {
        detail_code: Some("400.1 Bad Request Content".into()),
        messages: Some(vec![ErrorMessageDto {
            text: Some("The source was not found".into()),
            ..Default::default()
        }]),
        ..Default::default()
    };
    server
        .rule::<QueryPasswordInfo>()
        .then_error(400, &body)
        .mount()
        .expect("mount");
    let err = client(&server)
        .v2024()
        .query_password_info(&query())
        .await
        .expect_err("400");
    let Error::Api(e) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(e.body::<ErrorResponseDto>(), Some(&body));

    let undocumented = server
        .rule::<QueryPasswordInfo>()
        .then_error(404, &body)
        .mount();
    let message = undocumented.expect_err("404 is not documented").to_string();
    assert!(
        message.contains("`queryPasswordInfo` documents no error body for 404"),
        "{message}"
    );
}

#[tokio::test]
async fn a_delay_holds_the_answer_and_a_custom_response_is_sent_as_is() {
    let server = MockServer::start().await.expect("server");
    server
        .rule::<GetPasswordChangeStatus>()
        .then_response(MockResponse::bytes(200, "application/json", "{not json"))
        .delay(Duration::from_millis(200))
        .mount()
        .expect("mount");
    let started = Instant::now();
    let err = client(&server)
        .v2024()
        .get_password_change_status("x")
        .await
        .expect_err("bad body");
    assert!(matches!(err, Error::Decode(_)), "{err:?}");
    assert!(started.elapsed() >= Duration::from_millis(200));
}

#[tokio::test]
async fn the_token_endpoint_checks_credentials_and_api_calls_need_its_token() {
    let server = MockServer::start().await.expect("server");
    server.rule::<QueryPasswordInfo>().mount().expect("mount");
    let wrong = server
        .client_builder()
        .client_credentials("mock-client-id", "wrong")
        .build()
        .expect("client");
    let err = wrong
        .v2024()
        .query_password_info(&query())
        .await
        .expect_err("401");
    assert!(matches!(err, Error::Auth(_)), "{err:?}");
    let stranger = Client::builder()
        .base_url(server.url())
        .bearer_token("not-issued")
        .build()
        .expect("client");
    let err = stranger
        .v2024()
        .query_password_info(&query())
        .await
        .expect_err("401");
    assert!(
        matches!(&err, Error::Api(e) if e.status() == 401),
        "{err:?}"
    );
}

#[tokio::test]
async fn the_password_change_flow_runs_against_the_spec_examples() {
    use crate::flow::{PasswordChange, PollPolicy};
    use base64::Engine as _;
    let server = MockServer::start().await.expect("server");
    server.rule::<QueryPasswordInfo>().mount().expect("mount");
    let set = server
        .rule::<SetPassword>()
        .expect(1)
        .mount()
        .expect("mount");
    server
        .rule::<GetPasswordChangeStatus>()
        .path("id", "089899f13a8f4da7824996191587bab9")
        .then_output(status(PasswordStatusState::InProgress))
        .then_output(status(PasswordStatusState::Finished))
        .mount()
        .expect("mount");
    let poll = PollPolicy {
        initial: Duration::from_millis(5),
        max_interval: Duration::from_millis(5),
        ..PollPolicy::default()
    };
    let change = PasswordChange::new("Abby.Smith", "My-AD", "n3w-Passw0rd!").with_poll(poll);
    let done = client(&server)
        .v2024()
        .change_password(&change)
        .await
        .expect("flow");
    assert_eq!(done.polls, 2);
    // Encrypted with the example's 2048-bit public key: 256 bytes.
    let sent = set.requests()[0].body().cloned().expect("typed body");
    let cipher = sent.encrypted_password.unwrap_or_default();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(cipher)
        .expect("base64");
    assert_eq!(bytes.len(), 256);
    assert_eq!(
        sent.public_key_id.as_deref(),
        Some("N2M1OTJiMGEtMDJlZS00ZWU3LTkyYTEtNjA5YmI5NWE3ZWVh")
    );
    server.verify();
}
