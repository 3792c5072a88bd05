//! The password operations of the mock tenant, over raw HTTP:
//! query-password-info, set-password and the change status.

use super::*;

#[tokio::test]
async fn query_password_info_answers_the_documented_schema() {
    let t = MockTenant::builder()
        .with_identity(
            "Abby.Smith",
            "Corp-LDAP",
            &[("uid=abby", "abby"), ("uid=abby-adm", "abby-adm")],
        )
        .with_identity("Bob.Jones", "My-AD", &[("CN=Bob", "Bob.Jones")])
        .start()
        .await
        .expect("start");
    let token = token(&t).await;
    let started = Instant::now();
    let (status, ct, raw) = post_raw(
        &t,
        "/v2024/query-password-info",
        Some(&token),
        br#"{"userName":"Abby.Smith","sourceName":"Corp-LDAP"}"#,
    )
    .await;
    eprintln!(
        "first query (generates a {DEFAULT_KEY_BITS}-bit key): {:?}",
        started.elapsed()
    );
    assert_eq!((status, ct.as_str()), (200, "application/json"));
    let info: PasswordInfo = serde_json::from_slice(&raw).expect("PasswordInfo");
    assert_eq!(info.identity_id.as_deref(), t.identity_id("Abby.Smith"));
    assert_eq!(info.source_id.as_deref(), t.source_id("Corp-LDAP"));
    let accounts = info.accounts.expect("accounts");
    let ids: Vec<_> = accounts
        .iter()
        .filter_map(|a| a.account_id.as_deref())
        .collect();
    assert_eq!(ids, ["uid=abby", "uid=abby-adm"]);
    assert_eq!(
        info.policies,
        Some(vec!["passwordMinLength is 8".to_owned()])
    );
    let key = crate::crypto::PublicKey::parse(info.public_key.as_deref().expect("publicKey"))
        .expect("an RSA SubjectPublicKeyInfo");
    assert_eq!(key.max_password_len(), DEFAULT_KEY_BITS / 8 - 11);

    // One identity across sources; the default account is still there.
    let (_, _, raw) = post_raw(
        &t,
        "/beta/query-password-info",
        Some(&token),
        br#"{"userName":"Abby.Smith","sourceName":"My-AD"}"#,
    )
    .await;
    let other: PasswordInfo = serde_json::from_slice(&raw).expect("PasswordInfo");
    assert_eq!(other.identity_id.as_deref(), t.identity_id("Abby.Smith"));
    assert_ne!(
        other.public_key_id, info.public_key_id,
        "one key per source"
    );
    let account = other
        .accounts
        .and_then(|a| a.into_iter().next())
        .and_then(|a| a.account_id);
    assert_eq!(account.as_deref(), Some(DEFAULT_ACCOUNT_ID));

    for (body, want) in [
        (&br#"{"userName":"Nobody","sourceName":"My-AD"}"#[..], 404),
        (br#"{"userName":"Bob.Jones","sourceName":"Corp-LDAP"}"#, 404),
        (br#"{"userName":"Abby.Smith","sourceName":"Nowhere"}"#, 404),
        (br#"{"userName":"Abby.Smith"}"#, 400),
        (br#"{"userName":"Abby.Smith","#, 400),
        (br#"{"userName":42}"#, 400),
        (b"", 400),
    ] {
        let (status, ct, raw) =
            post_raw(&t, "/v2024/query-password-info", Some(&token), body).await;
        assert_eq!(
            (status, ct.as_str()),
            (want, "application/json"),
            "{}",
            String::from_utf8_lossy(body)
        );
        error_dto(&raw);
    }
}

#[tokio::test]
async fn set_password_refuses_what_it_cannot_decrypt() {
    let t = MockTenant::builder()
        .with_key_bits(1024)
        .start()
        .await
        .expect("start");
    let token = token(&t).await;
    let (_, _, raw) = post_raw(
        &t,
        "/v2024/query-password-info",
        Some(&token),
        br#"{"userName":"Abby.Smith","sourceName":"My-AD"}"#,
    )
    .await;
    let info: PasswordInfo = serde_json::from_slice(&raw).expect("PasswordInfo");
    let key_id = info.public_key_id.expect("publicKeyId");
    let request = |encrypted: &str, key_id: &str, account: &str| {
        json!({
            "identityId": info.identity_id,
            "encryptedPassword": encrypted,
            "publicKeyId": key_id,
            "accountId": account,
            "sourceId": info.source_id,
        })
        .to_string()
    };
    let good = crate::encrypt_password(
        info.public_key.as_deref().expect("publicKey"),
        &crate::Password::new("l0ng-enough".to_owned()),
    )
    .expect("encrypt");
    for body in [
        request("bm90IGEgY2lwaGVydGV4dA==", &key_id, DEFAULT_ACCOUNT_ID),
        request("%%% not base64 %%%", &key_id, DEFAULT_ACCOUNT_ID),
        request(&good, "dW5rbm93bg==", DEFAULT_ACCOUNT_ID),
        request(&good, &key_id, "CN=Someone Else"),
        request("", &key_id, DEFAULT_ACCOUNT_ID),
        json!({"encryptedPassword": good, "publicKeyId": key_id}).to_string(),
        json!({"encryptedPassword": good, "publicKeyId": key_id, "accountId": DEFAULT_ACCOUNT_ID, "identityId": "nope"}).to_string(),
        json!({"encryptedPassword": good, "publicKeyId": key_id, "accountId": DEFAULT_ACCOUNT_ID, "sourceId": "nope"}).to_string(),
        "[1,2,3]".to_owned(),
    ] {
        let (status, ct, raw) = post_raw(&t, "/beta/set-password", Some(&token), body.as_bytes()).await;
        assert_eq!((status, ct.as_str()), (400, "application/json"), "{body}");
        error_dto(&raw);
    }
    assert_eq!(t.set_password_requests(), 9);
    assert_eq!(t.set_password_applied(), 0);
    assert_eq!(
        t.password_of(DEFAULT_USER_NAME, DEFAULT_SOURCE_NAME, DEFAULT_ACCOUNT_ID),
        None
    );

    // Without identityId the account's owner is found; this one is applied.
    let body =
        json!({"encryptedPassword": good, "publicKeyId": key_id, "accountId": DEFAULT_ACCOUNT_ID});
    let (status, _, raw) = post_raw(
        &t,
        "/v2024/set-password",
        Some(&token),
        body.to_string().as_bytes(),
    )
    .await;
    assert_eq!(status, 202);
    let accepted: Value = serde_json::from_slice(&raw).expect("json");
    assert_eq!(accepted["state"], "IN_PROGRESS");
    assert_eq!(t.set_password_applied(), 1);
    assert_eq!(
        t.password_of(DEFAULT_USER_NAME, DEFAULT_SOURCE_NAME, DEFAULT_ACCOUNT_ID)
            .as_deref(),
        Some("l0ng-enough")
    );
}

#[tokio::test]
async fn status_goes_in_progress_then_finished_and_unknown_ids_are_404() {
    let t = MockTenant::builder()
        .with_in_progress_polls(3)
        .with_key_bits(1024)
        .start()
        .await
        .expect("start");
    let token = token(&t).await;
    let get = |id: &str| {
        http()
            .get(format!("{}/beta/password-change-status/{id}", t.base_url()))
            .bearer_auth(&token)
    };
    let (status, _, raw) = finish(get("0123456789abcdef")).await;
    assert_eq!(status, 404);
    error_dto(&raw);

    let (_, _, raw) = post_raw(
        &t,
        "/beta/query-password-info",
        Some(&token),
        br#"{"userName":"Abby.Smith","sourceName":"My-AD"}"#,
    )
    .await;
    let info: PasswordInfo = serde_json::from_slice(&raw).expect("PasswordInfo");
    let encrypted = crate::encrypt_password(
        info.public_key.as_deref().expect("publicKey"),
        &crate::Password::new("l0ng-enough".to_owned()),
    )
    .expect("encrypt");
    let body = json!({"encryptedPassword": encrypted, "publicKeyId": info.public_key_id, "accountId": DEFAULT_ACCOUNT_ID});
    let (_, _, raw) = post_raw(
        &t,
        "/beta/set-password",
        Some(&token),
        body.to_string().as_bytes(),
    )
    .await;
    let id = serde_json::from_slice::<Value>(&raw).expect("json")["requestId"]
        .as_str()
        .expect("requestId")
        .to_owned();
    let mut states = Vec::new();
    for _ in 0..5 {
        let (status, _, raw) = finish(get(&id)).await;
        assert_eq!(status, 200);
        let s: PasswordStatus = serde_json::from_slice(&raw).expect("PasswordStatus");
        assert_eq!(s.request_id.as_deref(), Some(id.as_str()));
        assert_eq!(
            s.source_ids,
            Some(vec![info.source_id.clone().expect("sourceId")])
        );
        assert_eq!(s.errors, Some(Vec::new()));
        states.push(s.state.expect("state").as_str().to_owned());
    }
    assert_eq!(
        states,
        [
            "IN_PROGRESS",
            "IN_PROGRESS",
            "IN_PROGRESS",
            "FINISHED",
            "FINISHED"
        ]
    );
}
