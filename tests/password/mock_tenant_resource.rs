//! The mock tenant driven through the per-resource bindings
//! (`sailpoint_isc::password_management`, `/query-password-info/v1` and so
//! on) as `mock_tenant` drives it through v2024 and beta: query, encrypt,
//! set, poll; policy failures; typed error bodies (400, 404, 429, 401); the
//! experimental digit token.

use sailpoint_isc::mock::{
    Fault, MockTenant, DEFAULT_ACCOUNT_ID, DEFAULT_SOURCE_NAME, DEFAULT_USER_NAME,
};
use sailpoint_isc::password_management as pm;
use sailpoint_isc::{ApiError, Client, Error, Password, RetryPolicy};
use std::time::Duration;

/// Most status polls a test makes before giving up.
const MAX_POLLS: usize = 10;

fn builder() -> sailpoint_isc::mock::MockTenantBuilder {
    MockTenant::builder().with_key_bits(1024)
}

/// query-password-info/v1, encrypt, set-password/v1; returns the change's
/// request id.
async fn set(client: &Client, password: &str) -> Result<String, Error> {
    let api = client.password_management();
    let info = api
        .query_password_info_v1(&pm::PasswordInfoQueryDto {
            user_name: Some(DEFAULT_USER_NAME.to_owned()),
            source_name: Some(DEFAULT_SOURCE_NAME.to_owned()),
            ..Default::default()
        })
        .await?;
    let accounts = info.accounts.unwrap_or_default();
    assert_eq!(accounts.len(), 1);
    assert_eq!(accounts[0].account_id.as_deref(), Some(DEFAULT_ACCOUNT_ID));
    let encrypted = sailpoint_isc::encrypt_password(
        info.public_key.as_deref().expect("publicKey"),
        &Password::new(password.to_owned()),
    )?;
    let change = api
        .set_password_v1(&pm::PasswordChangeRequest {
            identity_id: info.identity_id,
            encrypted_password: Some(encrypted),
            public_key_id: info.public_key_id,
            account_id: Some(DEFAULT_ACCOUNT_ID.to_owned()),
            source_id: info.source_id,
            ..Default::default()
        })
        .await?;
    assert_eq!(
        change.state,
        Some(pm::PasswordChangeResponseState::InProgress)
    );
    Ok(change.request_id.expect("requestId"))
}

/// Polls until the change leaves `IN_PROGRESS`; returns the final status and
/// how many polls answered `IN_PROGRESS`.
async fn poll(client: &Client, id: &str) -> (pm::PasswordStatus, usize) {
    for polls in 0..MAX_POLLS {
        let status = client
            .password_management()
            .get_password_change_status_v1(id)
            .await
            .expect("status");
        if status.state != Some(pm::PasswordStatusState::InProgress) {
            return (status, polls);
        }
    }
    panic!("still IN_PROGRESS after {MAX_POLLS} polls");
}

fn api_error(err: Error) -> Box<ApiError> {
    match err {
        Error::Api(e) => e,
        other => panic!("expected Error::Api, got {other:?}"),
    }
}

#[tokio::test]
async fn per_resource_calls_record_the_password_sent() {
    let tenant = builder().start().await.expect("start");
    let client = tenant.client();
    let id = set(&client, "Corr3ct-horse").await.expect("set-password");
    let (status, in_progress) = poll(&client, &id).await;
    assert_eq!(in_progress, 2, "the default is two IN_PROGRESS polls");
    assert_eq!(status.state, Some(pm::PasswordStatusState::Finished));
    assert_eq!(status.request_id.as_deref(), Some(id.as_str()));
    assert_eq!(status.errors, Some(Vec::new()));
    assert_eq!(
        status.source_ids,
        Some(vec![tenant
            .source_id(DEFAULT_SOURCE_NAME)
            .expect("source")
            .to_owned()])
    );
    assert_eq!(
        tenant
            .password_of(DEFAULT_USER_NAME, DEFAULT_SOURCE_NAME, DEFAULT_ACCOUNT_ID)
            .as_deref(),
        Some("Corr3ct-horse")
    );
    assert_eq!(tenant.token_requests(), 1);
    assert_eq!(tenant.set_password_requests(), 1);
    assert_eq!(tenant.set_password_applied(), 1);
}

#[tokio::test]
async fn a_policy_failure_ends_failed_with_errors() {
    let tenant = builder()
        .with_min_password_length(12)
        .start()
        .await
        .expect("start");
    let client = tenant.client();
    let id = set(&client, "short").await.expect("accepted with 202");
    let (status, _) = poll(&client, &id).await;
    assert_eq!(status.state, Some(pm::PasswordStatusState::Failed));
    assert_eq!(
        status.errors,
        Some(vec![
            "The password must be at least 12 characters long".to_owned()
        ])
    );
    assert_eq!(
        tenant.password_of(DEFAULT_USER_NAME, DEFAULT_SOURCE_NAME, DEFAULT_ACCOUNT_ID),
        None
    );
}

#[tokio::test]
async fn errors_decode_as_the_per_resource_types() {
    let tenant = builder().start().await.expect("start");
    let api = tenant.client().password_management();

    // 400: a key this tenant never issued.
    let err = api
        .set_password_v1(&pm::PasswordChangeRequest {
            encrypted_password: Some("bm90IGNpcGhlcnRleHQ=".into()),
            public_key_id: Some("no-such-key".into()),
            account_id: Some(DEFAULT_ACCOUNT_ID.into()),
            ..Default::default()
        })
        .await
        .expect_err("refused");
    let err = api_error(err);
    assert_eq!(err.status().as_u16(), 400);
    let body = err
        .body::<pm::ErrorResponseDto>()
        .expect("decodes as ErrorResponseDto");
    assert_eq!(
        body.detail_code.as_deref(),
        Some("400.1 Bad Request Content")
    );
    let message = &body.messages.as_deref().expect("messages")[0];
    assert_eq!(message.locale_origin, Some(pm::LocaleOrigin::Default));
    assert!(message
        .text
        .as_deref()
        .is_some_and(|t| t.contains("'no-such-key' is not a known key")));

    // 404: a change request nobody made.
    let err = api_error(
        api.get_password_change_status_v1("no-such-request")
            .await
            .expect_err("unknown id"),
    );
    assert_eq!(err.status().as_u16(), 404);
    let body = err
        .body::<pm::ErrorResponseDto>()
        .expect("ErrorResponseDto");
    assert!(body.messages.as_deref().expect("messages")[0]
        .text
        .as_deref()
        .is_some_and(|t| t.contains("no-such-request")));
    assert_eq!(tenant.set_password_applied(), 0);
}

#[tokio::test]
async fn an_injected_429_on_a_per_resource_path_is_typed_then_retried() {
    let tenant = builder().start().await.expect("start");
    let once = tenant
        .client_builder()
        .retry(RetryPolicy::none())
        .build()
        .expect("client");
    tenant.inject_matching("/set-password/v1", Fault::too_many_requests(1, 1));
    let err = api_error(set(&once, "Corr3ct-horse").await.expect_err("limited"));
    assert_eq!(err.status().as_u16(), 429);
    assert_eq!(err.retry_after(), Some(Duration::from_secs(1)));
    let body = err
        .body::<pm::TooManyRequestsError>()
        .expect("decodes as TooManyRequestsError");
    assert_eq!(
        body.message,
        Some(serde_json::json!(" Rate Limit Exceeded "))
    );
    assert_eq!(
        (
            tenant.set_password_requests(),
            tenant.set_password_applied()
        ),
        (1, 0),
        "the per-resource set-password is counted"
    );

    // A fault without a path filter applies to per-resource operations too.
    tenant.inject(Fault::too_many_requests(1, 0));
    let id = set(&tenant.client(), "Corr3ct-horse")
        .await
        .expect("set after a 429");
    let (status, _) = poll(&tenant.client(), &id).await;
    assert_eq!(status.state, Some(pm::PasswordStatusState::Finished));
    assert_eq!(tenant.pending_faults(), 0);
    assert_eq!(tenant.set_password_applied(), 1);
}

#[tokio::test]
async fn the_digit_token_is_sent_with_the_experimental_header_and_401_is_typed() {
    let tenant = builder()
        .with_token_lifetime(Duration::from_secs(1))
        .start()
        .await
        .expect("start");
    let fixed = Client::builder()
        .base_url(tenant.base_url())
        .bearer_token(tenant.issue_token())
        .retry(RetryPolicy::none())
        .build()
        .expect("client");
    let reset = pm::PasswordDigitTokenReset {
        user_id: DEFAULT_USER_NAME.into(),
        length: Some(9),
        duration_minutes: None,
        extra: Default::default(),
    };
    let token = fixed
        .password_management()
        .create_digit_token_v1(&reset)
        .await
        .expect("the mock requires X-SailPoint-Experimental: true");
    assert_eq!(token.digit_token.map(|t| t.len()), Some(9));
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let err = api_error(
        fixed
            .password_management()
            .create_digit_token_v1(&reset)
            .await
            .expect_err("expired"),
    );
    assert_eq!(err.status().as_u16(), 401);
    let body = err
        .body::<pm::UnauthorizedError>()
        .expect("decodes as UnauthorizedError");
    assert_eq!(
        body.error,
        Some(serde_json::json!("JWT validation failed: JWT is expired"))
    );
}
