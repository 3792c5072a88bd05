//! The mock tenant (`sailpoint_isc::mock`) driven through the real generated
//! client: query, encrypt, set, poll, for v2024 and beta; authentication
//! failures; policy failures; injected faults. Raw-HTTP cases the client
//! cannot produce (no experimental header, garbage bodies) are unit tests in
//! `runtime/src/mock/tests.rs`.

use sailpoint_isc::mock::{
    Fault, MockTenant, DEFAULT_ACCOUNT_ID, DEFAULT_SOURCE_NAME, DEFAULT_USER_NAME,
};
use sailpoint_isc::{beta, v2024, AuthError, Client, Error, Password, RetryPolicy};
use std::time::{Duration, Instant};

/// Most status polls a test makes before giving up.
const MAX_POLLS: usize = 10;

/// Keys of 1024 bits keep key generation well under a second in debug
/// builds; the default (2048, what ISC uses) is covered by the doc example.
fn builder() -> sailpoint_isc::mock::MockTenantBuilder {
    MockTenant::builder().with_key_bits(1024)
}

/// query-password-info, encrypt, set-password on v2024; returns the
/// change's request id and the account id.
async fn set_v2024(
    client: &Client,
    user: &str,
    source: &str,
    password: &str,
) -> Result<(String, String), Error> {
    let api = client.v2024();
    let info = api
        .query_password_info(&v2024::PasswordInfoQueryDto {
            user_name: Some(user.to_owned()),
            source_name: Some(source.to_owned()),
            ..Default::default()
        })
        .await?;
    let account_id = info
        .accounts
        .unwrap_or_default()
        .into_iter()
        .next()
        .and_then(|a| a.account_id)
        .expect("an account");
    let encrypted = sailpoint_isc::encrypt_password(
        info.public_key.as_deref().expect("publicKey"),
        &Password::new(password.to_owned()),
    )?;
    let change = api
        .set_password(&v2024::PasswordChangeRequest {
            identity_id: info.identity_id,
            encrypted_password: Some(encrypted),
            public_key_id: info.public_key_id,
            account_id: Some(account_id.clone()),
            source_id: info.source_id,
            ..Default::default()
        })
        .await?;
    assert_eq!(
        change.state,
        Some(v2024::PasswordChangeResponseState::InProgress)
    );
    Ok((change.request_id.expect("requestId"), account_id))
}

/// Polls a v2024 change until it leaves `IN_PROGRESS`; returns the final
/// status and how many polls answered `IN_PROGRESS`.
async fn poll_v2024(client: &Client, id: &str) -> (v2024::PasswordStatus, usize) {
    for polls in 0..MAX_POLLS {
        let status = client
            .v2024()
            .get_password_change_status(id)
            .await
            .expect("status");
        if status.state != Some(v2024::PasswordStatusState::InProgress) {
            return (status, polls);
        }
    }
    panic!("still IN_PROGRESS after {MAX_POLLS} polls");
}

#[tokio::test]
async fn v2024_flow_records_the_password_sent() {
    let tenant = builder().start().await.expect("start");
    let client = tenant.client();
    let (id, account_id) = set_v2024(
        &client,
        DEFAULT_USER_NAME,
        DEFAULT_SOURCE_NAME,
        "Corr3ct-horse",
    )
    .await
    .expect("set-password");
    assert_eq!(account_id, DEFAULT_ACCOUNT_ID);
    let (status, in_progress) = poll_v2024(&client, &id).await;
    assert_eq!(in_progress, 2, "the default is two IN_PROGRESS polls");
    assert_eq!(status.state, Some(v2024::PasswordStatusState::Finished));
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
async fn beta_flow_records_the_password_sent() {
    let tenant = builder()
        .with_identity("Bob.Jones", "Corp-LDAP", &[("uid=bob", "bob")])
        .with_in_progress_polls(0)
        .start()
        .await
        .expect("start");
    let api = tenant.client().beta();
    let info = api
        .query_password_info(&beta::PasswordInfoQueryDtoBeta {
            user_name: Some("Bob.Jones".into()),
            source_name: Some("Corp-LDAP".into()),
            ..Default::default()
        })
        .await
        .expect("query");
    let password = "pässwörd-ünïcödé-✓";
    let encrypted = sailpoint_isc::encrypt_password(
        info.public_key.as_deref().expect("publicKey"),
        &Password::new(password.to_owned()),
    )
    .expect("encrypt");
    let change = api
        .set_identity_password(&beta::PasswordChangeRequestBeta {
            identity_id: info.identity_id,
            encrypted_password: Some(encrypted),
            public_key_id: info.public_key_id,
            account_id: Some("uid=bob".into()),
            source_id: info.source_id,
            ..Default::default()
        })
        .await
        .expect("set-password");
    let id = change.request_id.expect("requestId");
    let status = api
        .get_identity_password_change_status(&id)
        .await
        .expect("status");
    assert_eq!(status.state, Some(beta::PasswordStatusStateBeta::Finished));
    assert_eq!(
        tenant
            .password_of("Bob.Jones", "Corp-LDAP", "uid=bob")
            .as_deref(),
        Some(password)
    );
    assert_eq!(
        tenant.password_of(DEFAULT_USER_NAME, DEFAULT_SOURCE_NAME, DEFAULT_ACCOUNT_ID),
        None
    );
}

#[tokio::test]
async fn wrong_client_secret_is_an_auth_error() {
    let tenant = builder().start().await.expect("start");
    let client = Client::builder()
        .base_url(tenant.base_url())
        .client_credentials(tenant.client_id(), "not-the-secret")
        .build()
        .expect("client");
    let err = client
        .v2024()
        .get_password_change_status("anything")
        .await
        .expect_err("refused");
    match err {
        Error::Auth(AuthError::Rejected { status, message }) => {
            assert_eq!(status.as_u16(), 401);
            assert!(message.contains("Bad credentials"), "{message}");
        }
        other => panic!("expected Error::Auth(Rejected), got {other:?}"),
    }
    assert_eq!(
        tenant.token_requests(),
        1,
        "a 401 from the token endpoint is not retried"
    );
    assert_eq!(tenant.requests(), 1, "no API call without a token");
}

#[tokio::test]
async fn undecryptable_ciphertext_is_a_400_error_response_dto() {
    let tenant = builder().start().await.expect("start");
    let api = tenant.client().v2024();
    let info = api
        .query_password_info(&v2024::PasswordInfoQueryDto {
            user_name: Some(DEFAULT_USER_NAME.into()),
            source_name: Some(DEFAULT_SOURCE_NAME.into()),
            ..Default::default()
        })
        .await
        .expect("query");
    let err = api
        .set_password(&v2024::PasswordChangeRequest {
            identity_id: info.identity_id,
            encrypted_password: Some("dGhpcyBpcyBub3QgY2lwaGVydGV4dA==".into()),
            public_key_id: info.public_key_id,
            account_id: Some(DEFAULT_ACCOUNT_ID.into()),
            source_id: info.source_id,
            ..Default::default()
        })
        .await
        .expect_err("refused");
    let Error::Api(api_err) = err else {
        panic!("expected Error::Api, got {err:?}");
    };
    assert_eq!(api_err.status().as_u16(), 400);
    let body = api_err
        .body::<v2024::ErrorResponseDto>()
        .expect("decodes as ErrorResponseDto");
    assert_eq!(
        body.detail_code.as_deref(),
        Some("400.1 Bad Request Content")
    );
    assert!(body.tracking_id.is_some());
    let text = body
        .messages
        .as_ref()
        .and_then(|m| m.first())
        .and_then(|m| m.text.clone());
    assert!(text.is_some_and(|t| t.contains("could not be decrypted")));
    assert_eq!(tenant.set_password_requests(), 1);
    assert_eq!(tenant.set_password_applied(), 0);
    assert_eq!(
        tenant.password_of(DEFAULT_USER_NAME, DEFAULT_SOURCE_NAME, DEFAULT_ACCOUNT_ID),
        None
    );
}

#[tokio::test]
async fn a_policy_failure_ends_failed_with_errors() {
    let tenant = builder()
        .with_min_password_length(12)
        .with_password_check(|p| {
            if p.chars().any(|c| c.is_ascii_digit()) {
                Ok(())
            } else {
                Err("The password must contain a digit".to_owned())
            }
        })
        .start()
        .await
        .expect("start");
    let client = tenant.client();
    let info = client
        .v2024()
        .query_password_info(&v2024::PasswordInfoQueryDto {
            user_name: Some(DEFAULT_USER_NAME.into()),
            source_name: Some(DEFAULT_SOURCE_NAME.into()),
            ..Default::default()
        })
        .await
        .expect("query");
    assert_eq!(
        info.policies,
        Some(vec!["passwordMinLength is 12".to_owned()])
    );

    let (id, _) = set_v2024(&client, DEFAULT_USER_NAME, DEFAULT_SOURCE_NAME, "short")
        .await
        .expect("accepted with 202 all the same");
    let (status, _) = poll_v2024(&client, &id).await;
    assert_eq!(status.state, Some(v2024::PasswordStatusState::Failed));
    assert_eq!(
        status.errors,
        Some(vec![
            "The password must be at least 12 characters long".to_owned(),
            "The password must contain a digit".to_owned(),
        ])
    );
    assert_eq!(
        tenant.password_of(DEFAULT_USER_NAME, DEFAULT_SOURCE_NAME, DEFAULT_ACCOUNT_ID),
        None
    );

    let (id, _) = set_v2024(
        &client,
        DEFAULT_USER_NAME,
        DEFAULT_SOURCE_NAME,
        "long-enough-4-policy",
    )
    .await
    .expect("set-password");
    let (status, _) = poll_v2024(&client, &id).await;
    assert_eq!(status.state, Some(v2024::PasswordStatusState::Finished));
    assert_eq!(
        tenant
            .password_of(DEFAULT_USER_NAME, DEFAULT_SOURCE_NAME, DEFAULT_ACCOUNT_ID)
            .as_deref(),
        Some("long-enough-4-policy")
    );
    assert_eq!(tenant.set_password_applied(), 2);
}

#[tokio::test]
async fn an_injected_429_is_answered_then_cleared() {
    let tenant = builder().start().await.expect("start");
    // Without retries the 429 reaches the caller, typed, with its Retry-After.
    let once = tenant
        .client_builder()
        .retry(RetryPolicy::none())
        .build()
        .expect("client");
    tenant.inject_matching("/set-password", Fault::too_many_requests(1, 1));
    let err = set_v2024(
        &once,
        DEFAULT_USER_NAME,
        DEFAULT_SOURCE_NAME,
        "Corr3ct-horse",
    )
    .await
    .expect_err("rate limited");
    let Error::Api(api_err) = err else {
        panic!("expected Error::Api, got {err:?}");
    };
    assert_eq!(api_err.status().as_u16(), 429);
    assert_eq!(api_err.retry_after(), Some(Duration::from_secs(1)));
    let body = api_err
        .body::<v2024::TooManyRequestsError>()
        .expect("decodes as TooManyRequestsError");
    assert_eq!(
        body.message,
        Some(serde_json::json!(" Rate Limit Exceeded "))
    );
    assert_eq!(tenant.pending_faults(), 0, "the fault is used up");
    assert_eq!(
        (
            tenant.set_password_requests(),
            tenant.set_password_applied()
        ),
        (1, 0)
    );

    // The default client waits the second the server asks and sends again;
    // the password is set exactly once.
    tenant.inject_matching("/set-password", Fault::too_many_requests(1, 1));
    let started = Instant::now();
    let (id, _) = set_v2024(
        &tenant.client(),
        DEFAULT_USER_NAME,
        DEFAULT_SOURCE_NAME,
        "Corr3ct-horse",
    )
    .await
    .expect("set after one 429");
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "Retry-After was honoured"
    );
    let (status, _) = poll_v2024(&tenant.client(), &id).await;
    assert_eq!(status.state, Some(v2024::PasswordStatusState::Finished));
    assert_eq!(
        (
            tenant.set_password_requests(),
            tenant.set_password_applied()
        ),
        (3, 1)
    );
    assert_eq!(
        tenant
            .password_of(DEFAULT_USER_NAME, DEFAULT_SOURCE_NAME, DEFAULT_ACCOUNT_ID)
            .as_deref(),
        Some("Corr3ct-horse")
    );
}

#[tokio::test]
async fn a_5xx_on_set_password_is_not_applied_and_not_resent() {
    let tenant = builder().start().await.expect("start");
    tenant.inject_matching("/set-password", Fault::status(502, 1));
    let err = set_v2024(
        &tenant.client(),
        DEFAULT_USER_NAME,
        DEFAULT_SOURCE_NAME,
        "Corr3ct-horse",
    )
    .await
    .expect_err("502");
    let Error::Api(api_err) = err else {
        panic!("expected Error::Api, got {err:?}");
    };
    assert_eq!(api_err.status().as_u16(), 502);
    assert!(api_err.tracking_id().is_some(), "an ErrorResponseDto body");
    // A 502 is ambiguous for a POST, so the client does not send it again.
    assert_eq!(
        (
            tenant.set_password_requests(),
            tenant.set_password_applied()
        ),
        (1, 0)
    );
}

#[tokio::test]
async fn a_garbled_answer_to_set_password_is_a_decode_error_after_it_was_applied() {
    let tenant = builder().start().await.expect("start");
    tenant.inject_matching("/set-password", Fault::MalformedBody { count: 1 });
    let err = set_v2024(
        &tenant.client(),
        DEFAULT_USER_NAME,
        DEFAULT_SOURCE_NAME,
        "Corr3ct-horse",
    )
    .await
    .expect_err("garbled");
    assert!(matches!(err, Error::Decode(_)), "{err:?}");
    assert_eq!(
        (
            tenant.set_password_requests(),
            tenant.set_password_applied()
        ),
        (1, 1)
    );
    assert_eq!(
        tenant
            .password_of(DEFAULT_USER_NAME, DEFAULT_SOURCE_NAME, DEFAULT_ACCOUNT_ID)
            .as_deref(),
        Some("Corr3ct-horse")
    );
}

#[tokio::test]
async fn expired_tokens_are_refused_with_401() {
    let tenant = builder()
        .with_token_lifetime(Duration::from_secs(1))
        .start()
        .await
        .expect("start");
    // A fixed token cannot be refreshed, so its expiry reaches the caller.
    let fixed = Client::builder()
        .base_url(tenant.base_url())
        .bearer_token(tenant.issue_token())
        .retry(RetryPolicy::none())
        .build()
        .expect("client");
    let digit = v2024::PasswordDigitTokenReset {
        user_id: DEFAULT_USER_NAME.into(),
        length: Some(8),
        duration_minutes: Some(5),
        extra: Default::default(),
    };
    let token = fixed
        .v2024()
        .create_digit_token(&digit)
        .await
        .expect("digit token");
    assert_eq!(token.digit_token.map(|t| t.len()), Some(8));
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let err = fixed
        .v2024()
        .create_digit_token(&digit)
        .await
        .expect_err("expired");
    let Error::Api(api_err) = err else {
        panic!("expected Error::Api, got {err:?}");
    };
    assert_eq!(api_err.status().as_u16(), 401);
    let body = api_err
        .body::<v2024::UnauthorizedError>()
        .expect("decodes as UnauthorizedError");
    assert_eq!(
        body.error,
        Some(serde_json::json!("JWT validation failed: JWT is expired"))
    );

    // Client credentials refresh: after ExpireTokens the client's call is
    // refused once, fetches a new token, and succeeds.
    let client = tenant.client();
    let beta_digit = beta::PasswordDigitTokenResetBeta {
        user_id: DEFAULT_USER_NAME.into(),
        length: None,
        duration_minutes: None,
        extra: Default::default(),
    };
    client
        .beta()
        .create_digit_token(&beta_digit)
        .await
        .expect("digit token");
    assert_eq!(tenant.token_requests(), 1);
    tenant.inject(Fault::ExpireTokens);
    let before = tenant.requests();
    let token = client
        .beta()
        .create_digit_token(&beta_digit)
        .await
        .expect("after refresh");
    assert_eq!(token.digit_token.map(|t| t.len()), Some(6));
    assert_eq!(tenant.token_requests(), 2);
    assert_eq!(
        tenant.requests() - before,
        3,
        "the 401, the token request, the replay"
    );
}
