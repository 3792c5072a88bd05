//! The one-call password change, end to end against the embedded mock tenant
//! on 127.0.0.1: real OAuth, real RSA, real HTTP. Every test runs on each
//! API line (`v2024`, `beta`, the per-resource `password_management`:
//! `line::api(&client).change_password(…)`).

use sailpoint_isc::flow::{AccountChoice, PasswordChange, PasswordChangeError, PollPolicy, Step};
use sailpoint_isc::mock::{
    Fault, MockTenant, DEFAULT_ACCOUNT_ID, DEFAULT_SOURCE_NAME, DEFAULT_USER_NAME,
};
use sailpoint_isc::{Error, RetryPolicy};
use sailpoint_isc_tests::poll::fast_poll;
use std::sync::{Arc, Mutex};
use std::time::Duration;

async fn tenant() -> MockTenant {
    MockTenant::builder()
        .with_key_bits(1024)
        .start()
        .await
        .expect("mock tenant starts")
}

/// A password outside ASCII, so every line shows it is encrypted and
/// decrypted as UTF-8.
const PASSWORD: &str = "Pässwörd-密码-🔑";

sailpoint_isc_tests::for_each_line! {
    #[tokio::test]
    async fn the_flow_sets_the_password_the_mock_decrypts() {
        let t = tenant().await;
        let steps = Arc::new(Mutex::new(Vec::new()));
        let polled = Arc::new(Mutex::new(Vec::new()));
        let (seen, seen_polls) = (steps.clone(), polled.clone());
        let change = PasswordChange::new(DEFAULT_USER_NAME, DEFAULT_SOURCE_NAME, PASSWORD)
            .with_poll(fast_poll())
            .with_progress(move |s: &Step| {
                seen.lock().expect("lock").push(format!("{s:?}"));
                if let Step::Polled { state, .. } = s {
                    seen_polls.lock().expect("lock").push(state.clone());
                }
            });
        let done = line::api(&t.client())
            .change_password(&change)
            .await
            .expect("flow finishes");
        assert_eq!(
            t.password_of(DEFAULT_USER_NAME, DEFAULT_SOURCE_NAME, DEFAULT_ACCOUNT_ID)
                .as_deref(),
            Some(PASSWORD)
        );
        assert_eq!(done.account.id.as_deref(), Some(DEFAULT_ACCOUNT_ID));
        // Two IN_PROGRESS polls then FINISHED.
        assert_eq!(
            *polled.lock().expect("lock"),
            ["IN_PROGRESS", "IN_PROGRESS", "FINISHED"]
        );
        assert_eq!(done.polls, 3);
        assert_eq!((t.set_password_requests(), t.token_requests()), (1, 1));
        let steps = steps.lock().expect("lock").join("\n");
        for step in ["Queried", "AccountChosen", "Encrypted", "Submitted", "Polled"] {
            assert!(steps.contains(step), "missing step {step} in\n{steps}");
        }
        assert!(!steps.contains(PASSWORD), "a step leaked the password");
    }

    #[tokio::test]
    async fn a_policy_failure_surfaces_as_the_error_with_the_servers_messages() {
        let t = tenant().await;
        let change = PasswordChange::new(DEFAULT_USER_NAME, DEFAULT_SOURCE_NAME, "short")
            .with_poll(fast_poll());
        match line::api(&t.client()).change_password(&change).await {
            Err(PasswordChangeError::Failed { errors, .. }) => {
                assert!(!errors.is_empty());
                assert!(
                    errors.iter().any(|e| e.contains("at least 8 characters")),
                    "{errors:?}"
                );
            }
            other => panic!("expected a FAILED change, got {other:?}"),
        }
        assert_eq!(
            t.password_of(DEFAULT_USER_NAME, DEFAULT_SOURCE_NAME, DEFAULT_ACCOUNT_ID),
            None
        );
        assert_eq!(t.set_password_requests(), 1);
    }

    #[tokio::test]
    async fn under_injected_429s_the_password_is_set_exactly_once() {
        let t = tenant().await;
        let client = t
            .client_builder()
            .retry(
                RetryPolicy::default()
                    .with_max_attempts(6)
                    .with_backoff_base(Duration::from_millis(5)),
            )
            .build()
            .expect("client");
        // Every operation, set-password included, is rate limited first.
        t.inject_matching(&line::wire_path(line::SET_PATH), Fault::too_many_requests(2, 0));
        t.inject_matching(&line::wire_path(line::QUERY_PATH), Fault::too_many_requests(1, 0));
        t.inject_matching(
            &line::wire_path(&line::STATUS_PATH.replace("{id}", "")),
            Fault::too_many_requests(2, 0),
        );
        let change =
            PasswordChange::new(DEFAULT_USER_NAME, DEFAULT_SOURCE_NAME, "Sup3r-Secret-Value")
                .with_poll(fast_poll());
        line::api(&client)
            .change_password(&change)
            .await
            .expect("flow finishes despite 429s");
        // Two 429s that the server did not process, then one accepted request.
        assert_eq!(t.set_password_requests(), 3);
        assert_eq!(t.set_password_applied(), 1);
        assert_eq!(t.pending_faults(), 0);
        assert_eq!(
            t.password_of(DEFAULT_USER_NAME, DEFAULT_SOURCE_NAME, DEFAULT_ACCOUNT_ID)
                .as_deref(),
            Some("Sup3r-Secret-Value")
        );
    }

    #[tokio::test]
    async fn a_502_on_set_password_is_not_resent() {
        let t = tenant().await;
        t.inject_matching(&line::wire_path(line::SET_PATH), Fault::status(502, 1));
        let change =
            PasswordChange::new(DEFAULT_USER_NAME, DEFAULT_SOURCE_NAME, "Sup3r-Secret-Value")
                .with_poll(fast_poll());
        match line::api(&t.client()).change_password(&change).await {
            Err(PasswordChangeError::Call(Error::Api(e))) => assert_eq!(e.status().as_u16(), 502),
            other => panic!("expected the 502, got {other:?}"),
        }
        assert_eq!((t.set_password_requests(), t.set_password_applied()), (1, 0));
    }

    #[tokio::test]
    async fn several_accounts_need_a_choice() {
        let t = MockTenant::builder()
            .with_key_bits(1024)
            .with_identity(
                "Ada",
                "LDAP",
                &[("uid=ada,ou=a", "ada"), ("uid=ada,ou=b", "ada-admin")],
            )
            .start()
            .await
            .expect("mock");
        let change =
            PasswordChange::new("Ada", "LDAP", "Corr3ct-Horse-Battery").with_poll(fast_poll());
        let api = line::api(&t.client());
        match api.change_password(&change).await {
            Err(PasswordChangeError::AmbiguousAccount { candidates }) => {
                assert_eq!(candidates.len(), 2)
            }
            other => panic!("expected an ambiguity error, got {other:?}"),
        }
        assert_eq!(
            t.set_password_requests(),
            0,
            "nothing is sent before the account is known"
        );
        let change = change.with_account(AccountChoice::Name("ada-admin".into()));
        api.change_password(&change).await.expect("flow finishes");
        assert_eq!(
            t.password_of("Ada", "LDAP", "uid=ada,ou=b").as_deref(),
            Some("Corr3ct-Horse-Battery")
        );
        assert_eq!(t.password_of("Ada", "LDAP", "uid=ada,ou=a"), None);
    }

    #[tokio::test]
    async fn the_deadline_ends_the_polling() {
        let t = MockTenant::builder()
            .with_key_bits(1024)
            .with_in_progress_polls(1000)
            .start()
            .await
            .expect("mock");
        let poll = PollPolicy {
            initial: Duration::from_millis(10),
            max_interval: Duration::from_millis(20),
            deadline: Duration::from_millis(200),
        };
        let change =
            PasswordChange::new(DEFAULT_USER_NAME, DEFAULT_SOURCE_NAME, "Corr3ct-Horse-Battery")
                .with_poll(poll);
        match line::api(&t.client()).change_password(&change).await {
            Err(PasswordChangeError::Deadline { last_state, .. }) => {
                assert_eq!(last_state, "IN_PROGRESS")
            }
            other => panic!("expected the deadline, got {other:?}"),
        }
    }
}
