//! The mock tenant (`sailpoint_isc::mock`) driven through the real generated
//! client on each API line (`v2024`, `beta` and the per-resource
//! `password_management`, whose paths are `/query-password-info/v1` and so
//! on): query, encrypt, set, poll; authentication failures; policy failures;
//! typed error bodies (400, 404, 429, 401); injected faults; the
//! experimental digit token. Raw-HTTP cases the client cannot produce (no
//! experimental header, garbage bodies) are unit tests in
//! `runtime/src/mock/tests.rs`.

use sailpoint_isc::mock::{
    Fault, MockTenant, DEFAULT_ACCOUNT_ID, DEFAULT_SOURCE_NAME, DEFAULT_USER_NAME,
};
use sailpoint_isc::{ApiError, AuthError, Client, Error, Password, RetryPolicy};
use std::time::{Duration, Instant};

/// Most status polls a test makes before giving up.
const MAX_POLLS: usize = 10;

/// Keys of 1024 bits keep key generation well under a second in debug
/// builds; the default (2048, what ISC uses) is covered by the doc example.
fn builder() -> sailpoint_isc::mock::MockTenantBuilder {
    MockTenant::builder().with_key_bits(1024)
}

fn api_error(err: Error) -> Box<ApiError> {
    match err {
        Error::Api(e) => e,
        other => panic!("expected Error::Api, got {other:?}"),
    }
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

sailpoint_isc_tests::for_each_line! {
    /// query-password-info, encrypt, set-password for the identity's one
    /// account; returns the change's request id and the account id.
    async fn set(
        client: &Client,
        user: &str,
        source: &str,
        password: &str,
    ) -> Result<(String, String), Error> {
        let api = line::api(client);
        let info = line::query(
            &api,
            &line::InfoQuery {
                user_name: Some(user.to_owned()),
                source_name: Some(source.to_owned()),
                ..Default::default()
            },
        )
        .await?;
        let accounts = info.accounts.unwrap_or_default();
        assert_eq!(accounts.len(), 1);
        let account_id = accounts[0].account_id.clone().expect("an account id");
        let encrypted = sailpoint_isc::encrypt_password(
            info.public_key.as_deref().expect("publicKey"),
            &Password::new(password.to_owned()),
        )?;
        let change = line::set(
            &api,
            &line::ChangeRequest {
                identity_id: info.identity_id,
                encrypted_password: Some(encrypted),
                public_key_id: info.public_key_id,
                account_id: Some(account_id.clone()),
                source_id: info.source_id,
                ..Default::default()
            },
        )
        .await?;
        assert_eq!(change.state, Some(line::ChangeState::InProgress));
        Ok((change.request_id.expect("requestId"), account_id))
    }

    /// The default identity's password change (see [`set`]).
    async fn set_default(client: &Client, password: &str) -> Result<String, Error> {
        let (id, account_id) =
            set(client, DEFAULT_USER_NAME, DEFAULT_SOURCE_NAME, password).await?;
        assert_eq!(account_id, DEFAULT_ACCOUNT_ID);
        Ok(id)
    }

    /// Polls until the change leaves `IN_PROGRESS`; returns the final status
    /// and how many polls answered `IN_PROGRESS`.
    async fn poll(client: &Client, id: &str) -> (line::Status, usize) {
        for polls in 0..MAX_POLLS {
            let status = line::status(&line::api(client), id).await.expect("status");
            if status.state != Some(line::StatusState::InProgress) {
                return (status, polls);
            }
        }
        panic!("still IN_PROGRESS after {MAX_POLLS} polls");
    }

    fn default_password(tenant: &MockTenant) -> Option<String> {
        tenant.password_of(DEFAULT_USER_NAME, DEFAULT_SOURCE_NAME, DEFAULT_ACCOUNT_ID)
    }

    #[tokio::test]
    async fn the_calls_record_the_password_sent() {
        let tenant = builder().start().await.expect("start");
        let client = tenant.client();
        let id = set_default(&client, "Corr3ct-horse").await.expect("set-password");
        let (status, in_progress) = poll(&client, &id).await;
        assert_eq!(in_progress, 2, "the default is two IN_PROGRESS polls");
        assert_eq!(status.state, Some(line::StatusState::Finished));
        assert_eq!(status.request_id.as_deref(), Some(id.as_str()));
        assert_eq!(status.errors, Some(Vec::new()));
        assert_eq!(
            status.source_ids,
            Some(vec![tenant
                .source_id(DEFAULT_SOURCE_NAME)
                .expect("source")
                .to_owned()])
        );
        assert_eq!(default_password(&tenant).as_deref(), Some("Corr3ct-horse"));
        assert_eq!(tenant.token_requests(), 1);
        assert_eq!(tenant.set_password_requests(), 1);
        assert_eq!(tenant.set_password_applied(), 1);
    }

    #[tokio::test]
    async fn another_identity_finishes_without_in_progress_polls() {
        let tenant = builder()
            .with_identity("Bob.Jones", "Corp-LDAP", &[("uid=bob", "bob")])
            .with_in_progress_polls(0)
            .start()
            .await
            .expect("start");
        let client = tenant.client();
        let password = "pässwörd-ünïcödé-✓";
        let (id, account_id) = set(&client, "Bob.Jones", "Corp-LDAP", password)
            .await
            .expect("set-password");
        assert_eq!(account_id, "uid=bob");
        let (status, in_progress) = poll(&client, &id).await;
        assert_eq!(in_progress, 0);
        assert_eq!(status.state, Some(line::StatusState::Finished));
        assert_eq!(
            tenant.password_of("Bob.Jones", "Corp-LDAP", "uid=bob").as_deref(),
            Some(password)
        );
        assert_eq!(default_password(&tenant), None);
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
        let info = line::query(
            &line::api(&client),
            &line::InfoQuery {
                user_name: Some(DEFAULT_USER_NAME.into()),
                source_name: Some(DEFAULT_SOURCE_NAME.into()),
                ..Default::default()
            },
        )
        .await
        .expect("query");
        assert_eq!(info.policies, Some(vec!["passwordMinLength is 12".to_owned()]));

        let id = set_default(&client, "short").await.expect("accepted with 202 all the same");
        let (status, _) = poll(&client, &id).await;
        assert_eq!(status.state, Some(line::StatusState::Failed));
        assert_eq!(
            status.errors,
            Some(vec![
                "The password must be at least 12 characters long".to_owned(),
                "The password must contain a digit".to_owned(),
            ])
        );
        assert_eq!(default_password(&tenant), None);

        let id = set_default(&client, "long-enough-4-policy").await.expect("set-password");
        let (status, _) = poll(&client, &id).await;
        assert_eq!(status.state, Some(line::StatusState::Finished));
        assert_eq!(default_password(&tenant).as_deref(), Some("long-enough-4-policy"));
        assert_eq!(tenant.set_password_applied(), 2);
    }

    #[tokio::test]
    async fn undecryptable_ciphertext_is_a_400_error_response_dto() {
        let tenant = builder().start().await.expect("start");
        let api = line::api(&tenant.client());
        let info = line::query(
            &api,
            &line::InfoQuery {
                user_name: Some(DEFAULT_USER_NAME.into()),
                source_name: Some(DEFAULT_SOURCE_NAME.into()),
                ..Default::default()
            },
        )
        .await
        .expect("query");
        let request = line::ChangeRequest {
            identity_id: info.identity_id,
            encrypted_password: Some("dGhpcyBpcyBub3QgY2lwaGVydGV4dA==".into()),
            public_key_id: info.public_key_id,
            account_id: Some(DEFAULT_ACCOUNT_ID.into()),
            source_id: info.source_id,
            ..Default::default()
        };
        let err = api_error(line::set(&api, &request).await.expect_err("refused"));
        assert_eq!(err.status().as_u16(), 400);
        let body = err
            .body::<line::ErrorDto>()
            .expect("decodes as ErrorResponseDto");
        assert_eq!(body.detail_code.as_deref(), Some("400.1 Bad Request Content"));
        assert!(body.tracking_id.is_some());
        let text = body
            .messages
            .as_ref()
            .and_then(|m| m.first())
            .and_then(|m| m.text.clone());
        assert!(text.is_some_and(|t| t.contains("could not be decrypted")));
        assert_eq!(tenant.set_password_requests(), 1);
        assert_eq!(tenant.set_password_applied(), 0);
        assert_eq!(default_password(&tenant), None);
    }

    #[tokio::test]
    async fn an_unknown_key_is_a_400_and_an_unknown_request_a_404() {
        let tenant = builder().start().await.expect("start");
        let api = line::api(&tenant.client());

        // 400: a key this tenant never issued.
        let request = line::ChangeRequest {
            encrypted_password: Some("bm90IGNpcGhlcnRleHQ=".into()),
            public_key_id: Some("no-such-key".into()),
            account_id: Some(DEFAULT_ACCOUNT_ID.into()),
            ..Default::default()
        };
        let err = api_error(line::set(&api, &request).await.expect_err("refused"));
        assert_eq!(err.status().as_u16(), 400);
        let body = err
            .body::<line::ErrorDto>()
            .expect("decodes as ErrorResponseDto");
        assert_eq!(body.detail_code.as_deref(), Some("400.1 Bad Request Content"));
        let message = &body.messages.as_deref().expect("messages")[0];
        assert_eq!(message.locale_origin, Some(line::LocaleOrigin::Default));
        assert!(message
            .text
            .as_deref()
            .is_some_and(|t| t.contains("'no-such-key' is not a known key")));

        // 404: a change request nobody made.
        let err = api_error(
            line::status(&api, "no-such-request")
                .await
                .expect_err("unknown id"),
        );
        assert_eq!(err.status().as_u16(), 404);
        let body = err.body::<line::ErrorDto>().expect("ErrorResponseDto");
        assert!(body.messages.as_deref().expect("messages")[0]
            .text
            .as_deref()
            .is_some_and(|t| t.contains("no-such-request")));
        assert_eq!(tenant.set_password_applied(), 0);
    }

    #[tokio::test]
    async fn an_injected_429_is_typed_then_retried() {
        let tenant = builder().start().await.expect("start");
        let set_path = line::wire_path(line::SET_PATH);
        // Without retries the 429 reaches the caller, typed, with its Retry-After.
        let once = tenant
            .client_builder()
            .retry(RetryPolicy::none())
            .build()
            .expect("client");
        tenant.inject_matching(&set_path, Fault::too_many_requests(1, 1));
        let err = api_error(set_default(&once, "Corr3ct-horse").await.expect_err("limited"));
        assert_eq!(err.status().as_u16(), 429);
        assert_eq!(err.retry_after(), Some(Duration::from_secs(1)));
        let body = err
            .body::<line::TooManyErr>()
            .expect("decodes as TooManyRequestsError");
        assert_eq!(body.message, Some(serde_json::json!(" Rate Limit Exceeded ")));
        assert_eq!(tenant.pending_faults(), 0, "the fault is used up");
        assert_eq!(
            (tenant.set_password_requests(), tenant.set_password_applied()),
            (1, 0)
        );

        // The default client waits the second the server asks and sends again;
        // the password is set exactly once.
        tenant.inject_matching(&set_path, Fault::too_many_requests(1, 1));
        let started = Instant::now();
        let id = set_default(&tenant.client(), "Corr3ct-horse")
            .await
            .expect("set after one 429");
        assert!(started.elapsed() >= Duration::from_secs(1), "Retry-After was honoured");
        let (status, _) = poll(&tenant.client(), &id).await;
        assert_eq!(status.state, Some(line::StatusState::Finished));
        assert_eq!(
            (tenant.set_password_requests(), tenant.set_password_applied()),
            (3, 1)
        );
        assert_eq!(default_password(&tenant).as_deref(), Some("Corr3ct-horse"));

        // A fault without a path filter applies to this line's operations too.
        tenant.inject(Fault::too_many_requests(1, 0));
        let id = set_default(&tenant.client(), "Corr3ct-horse-2")
            .await
            .expect("set after a 429");
        let (status, _) = poll(&tenant.client(), &id).await;
        assert_eq!(status.state, Some(line::StatusState::Finished));
        assert_eq!(tenant.pending_faults(), 0);
        assert_eq!(tenant.set_password_applied(), 2);
    }

    #[tokio::test]
    async fn a_5xx_on_set_password_is_not_applied_and_not_resent() {
        let tenant = builder().start().await.expect("start");
        tenant.inject_matching(&line::wire_path(line::SET_PATH), Fault::status(502, 1));
        let err = api_error(
            set_default(&tenant.client(), "Corr3ct-horse")
                .await
                .expect_err("502"),
        );
        assert_eq!(err.status().as_u16(), 502);
        assert!(err.tracking_id().is_some(), "an ErrorResponseDto body");
        // A 502 is ambiguous for a POST, so the client does not send it again.
        assert_eq!(
            (tenant.set_password_requests(), tenant.set_password_applied()),
            (1, 0)
        );
    }

    #[tokio::test]
    async fn a_garbled_answer_to_set_password_is_a_decode_error_after_it_was_applied() {
        let tenant = builder().start().await.expect("start");
        tenant.inject_matching(
            &line::wire_path(line::SET_PATH),
            Fault::MalformedBody { count: 1 },
        );
        let err = set_default(&tenant.client(), "Corr3ct-horse")
            .await
            .expect_err("garbled");
        assert!(matches!(err, Error::Decode(_)), "{err:?}");
        assert_eq!(
            (tenant.set_password_requests(), tenant.set_password_applied()),
            (1, 1)
        );
        assert_eq!(default_password(&tenant).as_deref(), Some("Corr3ct-horse"));
    }

    #[tokio::test]
    async fn the_digit_token_is_sent_and_an_expired_fixed_token_is_a_typed_401() {
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
        let api = line::api(&fixed);
        let digit = line::DigitReset {
            user_id: DEFAULT_USER_NAME.into(),
            length: Some(8),
            duration_minutes: Some(5),
            extra: Default::default(),
        };
        let token = line::digit_token(&api, &digit)
            .await
            .expect("the mock requires X-SailPoint-Experimental: true");
        assert_eq!(token.digit_token.map(|t| t.len()), Some(8));
        let nine = line::DigitReset {
            length: Some(9),
            duration_minutes: None,
            ..digit.clone()
        };
        let token = line::digit_token(&api, &nine).await.expect("digit token");
        assert_eq!(token.digit_token.map(|t| t.len()), Some(9));
        tokio::time::sleep(Duration::from_millis(1100)).await;
        let err = api_error(line::digit_token(&api, &digit).await.expect_err("expired"));
        assert_eq!(err.status().as_u16(), 401);
        let body = err
            .body::<line::UnauthorizedErr>()
            .expect("decodes as UnauthorizedError");
        assert_eq!(
            body.error,
            Some(serde_json::json!("JWT validation failed: JWT is expired"))
        );
    }

    #[tokio::test]
    async fn client_credentials_are_refreshed_after_the_tokens_expire() {
        let tenant = builder().start().await.expect("start");
        // After ExpireTokens the client's call is refused once, fetches a
        // new token, and succeeds.
        let api = line::api(&tenant.client());
        let digit = line::DigitReset {
            user_id: DEFAULT_USER_NAME.into(),
            length: None,
            duration_minutes: None,
            extra: Default::default(),
        };
        line::digit_token(&api, &digit).await.expect("digit token");
        assert_eq!(tenant.token_requests(), 1);
        tenant.inject(Fault::ExpireTokens);
        let before = tenant.requests();
        let token = line::digit_token(&api, &digit).await.expect("after refresh");
        assert_eq!(token.digit_token.map(|t| t.len()), Some(6));
        assert_eq!(tenant.token_requests(), 2);
        assert_eq!(
            tenant.requests() - before,
            3,
            "the 401, the token request, the replay"
        );
    }
}
