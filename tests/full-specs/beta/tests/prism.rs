//! The generated beta client against an independent referee: Stoplight
//! Prism serving the unmodified upstream spec (`.ci/prism.sh` starts it and
//! sets `PRISM_BETA_URL`), which validates every request it gets. Each of
//! the four Password Management calls goes through both the runtime's
//! shipped bindings (`sailpoint_isc::beta`) and the full-spec bindings,
//! followed by a sample of other operations across tags: query parameters
//! (optional, enums, exploded and non-exploded arrays), path parameters,
//! JSON, JSON Patch and multipart bodies, the experimental header, and
//! byte, empty and optional responses. Any request violation fails the test.
//!
//! The machinery (the recording proxy, the referee check, the verdict) is
//! `sailpoint_isc_full_support::prism`; this file holds the calls.

#[cfg(upstream_spec)]
use sailpoint_isc::{beta, FilePart};
#[cfg(upstream_spec)]
use sailpoint_isc_full_beta::api::*;
#[cfg(upstream_spec)]
use sailpoint_isc_full_support::prism::{sample, Conformance};

const SPEC: &str = "deref-sailpoint-api.beta.yaml";

#[cfg(upstream_spec)]
#[tokio::test]
async fn generated_requests_conform_to_the_spec() {
    let Some(mut run) = Conformance::from_env(SPEC, "PRISM_BETA_URL", "/beta").await else {
        return;
    };
    shipped_password_management(&mut run).await;
    full_password_management(&mut run).await;
    accounts_and_access_profiles(&mut run).await;
    arrays_and_multipart(&mut run).await;
    other_bodies_and_responses(&mut run).await;
    run.finish(&[]);
}

/// Password Management through the runtime's shipped bindings.
#[cfg(upstream_spec)]
async fn shipped_password_management(run: &mut Conformance) {
    let shipped = run.client().beta();
    let r = shipped
        .query_password_info(&beta::PasswordInfoQueryDtoBeta {
            user_name: Some(sample::USER_NAME.into()),
            source_name: Some(sample::SOURCE_NAME.into()),
            ..Default::default()
        })
        .await;
    run.record("shipped queryPasswordInfo", r);
    let r = shipped
        .set_identity_password(&beta::PasswordChangeRequestBeta {
            identity_id: Some(sample::IDENTITY_ID.into()),
            encrypted_password: Some(sample::ENCRYPTED_PASSWORD.into()),
            public_key_id: Some(sample::PUBLIC_KEY_ID.into()),
            account_id: Some(sample::ACCOUNT_DN.into()),
            source_id: Some(sample::SOURCE_ID.into()),
            ..Default::default()
        })
        .await;
    run.record("shipped setIdentityPassword", r);
    let r = shipped
        .get_identity_password_change_status(sample::REQUEST_ID)
        .await;
    run.record("shipped getIdentityPasswordChangeStatus", r);
    let r = shipped
        .create_digit_token(&beta::PasswordDigitTokenResetBeta {
            user_id: sample::USER_NAME.into(),
            length: Some(8),
            duration_minutes: Some(5),
            extra: Default::default(),
        })
        .await;
    run.record("shipped createDigitToken", r);
}

/// The same four through the full-spec bindings.
#[cfg(upstream_spec)]
async fn full_password_management(run: &mut Conformance) {
    let api = ApiBeta::new(run.client().clone());
    let r = api
        .query_password_info(&PasswordInfoQueryDtoBeta {
            user_name: Some(sample::USER_NAME.into()),
            source_name: Some(sample::SOURCE_NAME.into()),
            ..Default::default()
        })
        .await;
    run.record("full queryPasswordInfo", r);
    let r = api
        .set_identity_password(&PasswordChangeRequestBeta {
            identity_id: Some(sample::IDENTITY_ID.into()),
            encrypted_password: Some(sample::ENCRYPTED_PASSWORD.into()),
            public_key_id: Some(sample::PUBLIC_KEY_ID.into()),
            account_id: Some(sample::ACCOUNT_DN.into()),
            source_id: Some(sample::SOURCE_ID.into()),
            ..Default::default()
        })
        .await;
    run.record("full setIdentityPassword", r);
    let r = api
        .get_identity_password_change_status(sample::REQUEST_ID)
        .await;
    run.record("full getIdentityPasswordChangeStatus", r);
    let r = api
        .create_digit_token(&PasswordDigitTokenResetBeta {
            user_id: sample::USER_NAME.into(),
            length: Some(8),
            duration_minutes: Some(5),
            extra: Default::default(),
        })
        .await;
    run.record("full createDigitToken", r);
}

/// Query parameters (optional, enums), path parameters and JSON Patch.
#[cfg(upstream_spec)]
#[allow(deprecated)] // beta marks listAccounts deprecated; it is still served.
async fn accounts_and_access_profiles(run: &mut Conformance) {
    let api = ApiBeta::new(run.client().clone());
    let r = api
        .list_accounts(
            Some(&ListAccountsDetailLevelBeta::Slim),
            Some(10),
            Some(0),
            Some(true),
            Some("identityId eq \"2c9180858082150f0180893dbaf44201\""),
            Some("-created"),
        )
        .await;
    run.record("listAccounts (Accounts)", r);
    let r = api.get_account("2c9180845d1edece015d27a975983e21").await;
    run.record("getAccount (Accounts)", r);
    let r = api
        .list_access_profiles(
            Some("8c190e6787aa4ed9a90bd9d5344523fb"),
            Some(250),
            Some(0),
            Some(false),
            Some("name eq \"SailPoint Support\""),
            Some("name,-modified"),
            None,
            Some(true),
        )
        .await;
    run.record("listAccessProfiles (Access Profiles)", r);
    let patch = vec![
        JsonPatchOperationBeta {
            op: JsonPatchOperationOpBeta::Replace,
            path: "/description".into(),
            value: Some(JsonPatchOperationValueBeta::String(
                "Updated by the conformance test".into(),
            )),
            extra: Default::default(),
        },
        JsonPatchOperationBeta {
            op: JsonPatchOperationOpBeta::Replace,
            path: "/requestable".into(),
            value: Some(JsonPatchOperationValueBeta::Boolean(true)),
            extra: Default::default(),
        },
    ];
    let r = api
        .patch_access_profile("2c91808a7813090a017814121919ecca", &patch)
        .await;
    run.record("patchAccessProfile (Access Profiles, JSON Patch)", r);
}

/// Exploded and non-exploded arrays, the experimental header, multipart.
#[cfg(upstream_spec)]
async fn arrays_and_multipart(run: &mut Conformance) {
    let api = ApiBeta::new(run.client().clone());
    let r = api
        .list_requestable_objects(
            Some("e7eab60924f64aa284175b9fa3309599"),
            Some(&[
                ListRequestableObjectsTypesItemBeta::AccessProfile,
                ListRequestableObjectsTypesItemBeta::Role,
            ]),
            Some("Finance Role"),
            Some(&[
                RequestableObjectRequestStatusBeta::Available,
                RequestableObjectRequestStatusBeta::Pending,
            ]),
            Some(25),
            Some(0),
            Some(true),
            None,
            Some("name"),
        )
        .await;
    run.record("listRequestableObjects (Requestable Objects, array)", r);
    let r = api
        .get_historical_identity_events(
            "8c190e6787aa4ed9a90bd9d5344523fb",
            Some("2024-03-01T13:00:00Z"),
            Some(&[
                "AccessAddedEvent".to_owned(),
                "AccessRemovedEvent".to_owned(),
            ]),
            Some(&["entitlement".to_owned(), "account".to_owned()]),
            Some(250),
            Some(0),
            Some(true),
        )
        .await;
    run.record("getHistoricalIdentityEvents (Identity History, arrays)", r);
    let r = api
        .list_identities(
            Some("id eq \"6c9079b270a266a60170a2779fcb0006\""),
            Some("name,-cloudStatus"),
            Some(&ListIdentitiesDefaultFilterBeta::CorrelatedOnly),
            Some(true),
            Some(250),
            Some(0),
        )
        .await;
    run.record("listIdentities (Identities)", r);
    let upload = ImportAccountsRequestBeta {
        file: Some(
            FilePart::new("accounts.csv", &b"id,name\n1,Abby Smith\n"[..])
                .with_content_type("text/csv"),
        ),
        disable_optimization: Some(ImportAccountsRequestDisableOptimizationBeta::True),
        ..Default::default()
    };
    let r = api
        .import_accounts("ef38f94347e94562b5bb8424a56397d8", Some(&upload))
        .await;
    run.record("importAccounts (Sources, multipart)", r);
}

/// Text, empty and optional responses.
#[cfg(upstream_spec)]
#[allow(deprecated)] // beta marks getClientLogConfiguration deprecated; it is still served.
async fn other_bodies_and_responses(run: &mut Conformance) {
    let api = ApiBeta::new(run.client().clone());
    let r = api.get_password_dictionary().await;
    run.record("getPasswordDictionary (Password Dictionary, text)", r);
    let r = api
        .get_client_log_configuration("2b838de9-db9b-abcf-e646-d4f274ad4238")
        .await;
    run.record("getClientLogConfiguration (Managed Clusters)", r);
    let r = api.delete_transform("2cd78adghjkja34jh2b1hkjhasuecd").await;
    run.record("deleteTransform (Transforms, 204)", r);
    let r = api
        .list_workgroups(
            Some(0),
            Some(50),
            Some(true),
            Some("name sw \"Test\""),
            Some("name"),
        )
        .await;
    run.record("listWorkgroups (Governance Groups)", r);
    let r = api.get_password_org_config().await;
    run.record("getPasswordOrgConfig (Password Configuration)", r);

    let r = api
        .list_administrators_access_request_status(
            Some("2c9180877b2b6ea4017b2c545f971429"),
            None,
            None,
            None,
            Some(true),
            Some(100),
            Some(0),
            Some("accountActivityItemId eq \"2c918086771c86df0177401efcdf54c0\""),
            Some("created"),
            Some("EXECUTING"),
        )
        .await;
    run.record(
        "listAdministratorsAccessRequestStatus (Access Requests, experimental header)",
        r,
    );
}

#[cfg(not(upstream_spec))]
#[test]
fn upstream_spec_present() {
    sailpoint_isc_full_support::prism::spec_absent(SPEC);
}
