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
    let Some(mut run) = Conformance::from_env(SPEC, "PRISM_BETA_URL").await else {
        return;
    };
    shipped_password_management(&mut run).await;
    full_password_management(&mut run).await;
    accounts_and_access_profiles(&mut run).await;
    arrays_and_multipart(&mut run).await;
    other_bodies_and_responses(&mut run).await;
    streams(&mut run).await;
    waiter_polls(&mut run).await;
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

/// Optional query parameters set by name (enums among them), path
/// parameters and JSON Patch, with per-call options and response headers.
#[cfg(upstream_spec)]
#[allow(deprecated)] // beta marks listAccounts deprecated; it is still served.
async fn accounts_and_access_profiles(run: &mut Conformance) {
    let api = ApiBeta::new(run.client().clone());
    let r = api
        .list_accounts()
        .detail_level(ListAccountsDetailLevelBeta::Slim)
        .limit(10)
        .offset(0)
        .count(true)
        .filters("identityId eq \"2c9180858082150f0180893dbaf44201\"")
        .sorters("-created")
        // Per-call options: an extra header, a deadline, no retries.
        .header("X-Request-Source", "conformance-test")
        .timeout(std::time::Duration::from_secs(30))
        .retry_policy(sailpoint_isc::RetryPolicy::none())
        .send_with_response()
        .await
        .map(|response| {
            assert!(response.status().is_success(), "{response:?}");
            response.into_body()
        });
    run.record("listAccounts (Accounts, setters, per-call options)", r);
    let r = api.get_account("2c9180845d1edece015d27a975983e21").await;
    run.record("getAccount (Accounts)", r);
    let r = api
        .list_access_profiles()
        .for_subadmin("8c190e6787aa4ed9a90bd9d5344523fb")
        .limit(250)
        .offset(0)
        .count(false)
        .filters("name eq \"SailPoint Support\"")
        .sorters("name,-modified")
        .include_unsegmented(true)
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

/// Exploded and non-exploded arrays, enum items, a date-time value, an
/// optional multipart body.
#[cfg(upstream_spec)]
async fn arrays_and_multipart(run: &mut Conformance) {
    let api = ApiBeta::new(run.client().clone());
    let r = api
        .list_requestable_objects()
        .identity_id("e7eab60924f64aa284175b9fa3309599")
        .types([
            ListRequestableObjectsTypesItemBeta::AccessProfile,
            ListRequestableObjectsTypesItemBeta::Role,
        ])
        .term("Finance Role")
        .statuses(vec![
            RequestableObjectRequestStatusBeta::Available,
            RequestableObjectRequestStatusBeta::Pending,
        ])
        .limit(25)
        .offset(0)
        .count(true)
        .sorters("name")
        .await;
    run.record(
        "listRequestableObjects (Requestable Objects, arrays of enums)",
        r,
    );
    let r = api
        .get_historical_identity_events("8c190e6787aa4ed9a90bd9d5344523fb")
        // A date-time the spec types as a string: a `DateTime` goes in as its text.
        .from(sailpoint_isc::DateTime::parse("2024-03-01T13:00:00Z").expect("RFC 3339"))
        .event_types(["AccessAddedEvent", "AccessRemovedEvent"])
        .access_item_types(vec!["entitlement".to_owned(), "account".to_owned()])
        .limit(250)
        .offset(0)
        .count(true)
        .await;
    run.record(
        "getHistoricalIdentityEvents (Identity History, date-time, arrays)",
        r,
    );
    let r = api
        .list_identities()
        .filters("id eq \"6c9079b270a266a60170a2779fcb0006\"")
        .sorters("name,-cloudStatus")
        .default_filter(ListIdentitiesDefaultFilterBeta::CorrelatedOnly)
        .count(true)
        .limit(250)
        .offset(0)
        .await;
    run.record("listIdentities (Identities, enum)", r);
    let upload = ImportAccountsRequestBeta {
        file: Some(
            FilePart::new("accounts.csv", &b"id,name\n1,Abby Smith\n"[..])
                .with_content_type("text/csv"),
        ),
        disable_optimization: Some(ImportAccountsRequestDisableOptimizationBeta::True),
        ..Default::default()
    };
    let r = api
        .import_accounts("ef38f94347e94562b5bb8424a56397d8")
        .body(&upload)
        .await;
    run.record("importAccounts (Sources, optional multipart body)", r);
    let r = api
        .list_sources()
        .limit(50)
        .count(true)
        .filters("name eq \"Employees\"")
        .sorters("name")
        .include_idn_source(true)
        .await;
    run.record("listSources (Sources)", r);
    let r = api
        .list_entitlements()
        .segmented_for_identity("e554098913544630b5985e9042f5e44b")
        .limit(50)
        .filters("attribute eq \"memberOf\"")
        .sorters("name,-modified")
        .await;
    run.record("listEntitlements (Entitlements)", r);
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
        .list_workgroups()
        .offset(0)
        .limit(50)
        .count(true)
        .filters("name sw \"Test\"")
        .sorters("name")
        .await;
    run.record("listWorkgroups (Governance Groups)", r);
    let r = api.get_password_org_config().await;
    run.record("getPasswordOrgConfig (Password Configuration)", r);

    let r = api
        .list_administrators_access_request_status()
        .requested_for("2c9180877b2b6ea4017b2c545f971429")
        .count(true)
        .limit(100)
        .offset(0)
        .filters("accountActivityItemId eq \"2c918086771c86df0177401efcdf54c0\"")
        .sorters("created")
        .request_state("EXECUTING")
        .await;
    run.record(
        "listAdministratorsAccessRequestStatus (Access Requests, experimental header)",
        r,
    );
}

/// Generated streams through two pages each: three offset/limit lists (beta
/// has no search). A page of one record is full, so the second is asked
/// for; each request is recorded as one call (`Conformance::record_pages`).
#[cfg(upstream_spec)]
#[allow(deprecated)] // beta marks listAccounts deprecated; it is still served.
async fn streams(run: &mut Conformance) {
    let api = ApiBeta::new(run.client().clone());
    let pages = api.list_accounts().limit(1).sorters("-created").pages();
    run.record_pages("listAccounts stream", pages).await;
    let pages = api.list_identities().limit(1).sorters("name").pages();
    run.record_pages("listIdentities stream", pages).await;
    let pages = api.list_access_profiles().limit(1).count(true).pages();
    run.record_pages("listAccessProfiles stream", pages).await;
}

/// Every poll call a generated waiter makes, through the waiter itself:
/// `max_wait` zero makes it one poll, whatever status Prism's generated
/// answer has. (The aggregation's fall back to its task is the
/// `wait_for_task` call; Prism never answers the status 404.)
#[cfg(upstream_spec)]
async fn waiter_polls(run: &mut Conformance) {
    use std::time::Duration;
    let api = ApiBeta::new(run.client().clone());
    let once = Duration::ZERO;
    let id = "2c9180835d2e5168015d32f890ca1581";
    let r = api.wait_for_task(id).max_wait(once).await;
    run.record_poll("wait_for_task (getTaskStatus)", r);
    let r = api.wait_for_account_aggregation(id).max_wait(once).await;
    run.record_poll(
        "wait_for_account_aggregation (getAccountAggregationStatus)",
        r,
    );
    let r = api.wait_for_sp_config_export(id).max_wait(once).await;
    run.record_poll("wait_for_sp_config_export (getSpConfigExportStatus)", r);
    let r = api.wait_for_sp_config_import(id).max_wait(once).await;
    run.record_poll("wait_for_sp_config_import (getSpConfigImportStatus)", r);
    // Deprecated in beta, and so its waiter; its poll still has to conform.
    #[allow(deprecated)]
    let r = api
        .wait_for_non_employee_bulk_upload(id)
        .max_wait(once)
        .await;
    run.record_poll(
        "wait_for_non_employee_bulk_upload (getNonEmployeeBulkUploadStatus)",
        r,
    );
    let r = api
        .wait_for_password_change(sample::REQUEST_ID)
        .max_wait(once)
        .await;
    run.record_poll(
        "wait_for_password_change (getIdentityPasswordChangeStatus)",
        r,
    );
    let r = run
        .client()
        .beta()
        .wait_for_password_change(sample::REQUEST_ID)
        .max_wait(once)
        .await;
    run.record_poll(
        "shipped wait_for_password_change (getIdentityPasswordChangeStatus)",
        r,
    );
}

#[cfg(not(upstream_spec))]
#[test]
fn upstream_spec_present() {
    sailpoint_isc_full_support::prism::spec_absent(SPEC);
}
