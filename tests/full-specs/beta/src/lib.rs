//! `include_api!` on SailPoint's whole beta spec as published, unmodified
//! (`../shared/specs/upstream/deref-sailpoint-api.beta.yaml` beside the
//! repo), with every type suffixed `Beta`. Compiling this crate is the test:
//! every operation and schema of the spec is generated, and
//! [`calls_from_several_tags`] uses a handful of the generated methods as a
//! user would. Without the spec the crate is empty and its tests print
//! `SKIPPED` (and fail under `CI=true`).

/// The generated bindings of the whole upstream beta spec.
#[cfg(upstream_spec)]
pub mod api {
    sailpoint_isc::include_api!(
        "../../../../shared/specs/upstream/deref-sailpoint-api.beta.yaml",
        suffix = "Beta",
    );
}

/// Calls a handful of generated methods from different tags, one of each
/// shape; it is compiled, never run.
#[cfg(upstream_spec)]
#[allow(deprecated)] // beta marks listAccounts deprecated; it still has the shape to compile.
pub async fn calls_from_several_tags(client: sailpoint_isc::Client) -> sailpoint_isc::Result<()> {
    use api::*;
    use sailpoint_isc::FilePart;

    let api = ApiBeta::new(client);

    // Accounts: optional query parameters set by name, one of them an enum,
    // with a per-call deadline and no retries.
    let accounts: Vec<AccountBeta> = api
        .list_accounts()
        .detail_level(ListAccountsDetailLevelBeta::Full)
        .limit(50)
        .count(true)
        .filters("identityId eq \"2c9180858082150f0180893dbaf44201\"")
        .sorters("name")
        .timeout(std::time::Duration::from_secs(30))
        .retry_policy(sailpoint_isc::RetryPolicy::none())
        .await?;

    // Access Profiles: an `application/json-patch+json` body.
    let patch = vec![JsonPatchOperationBeta {
        op: JsonPatchOperationOpBeta::Add,
        path: "/entitlements/-".to_owned(),
        value: Some(JsonPatchOperationValueBeta::Object(Default::default())),
        extra: Default::default(),
    }];
    let _profile: AccessProfileBeta = api
        .patch_access_profile("2c91808a7813090a017814121e121518", &patch)
        .await?;

    // Accounts: a `multipart/form-data` upload of a CSV file, with a string
    // enum as the other part.
    let upload = ImportAccountsRequestBeta {
        file: Some(
            FilePart::new("accounts.csv", &b"id,name\n1,Abby\n"[..]).with_content_type("text/csv"),
        ),
        disable_optimization: Some(ImportAccountsRequestDisableOptimizationBeta::True),
        ..Default::default()
    };
    let _task: LoadAccountsTaskBeta = api
        .import_accounts("ef38f94347e94562b5bb8424a56397d8")
        .body(&upload)
        .await?;

    // Password Dictionary: a `text/plain` download, as bytes.
    let _dictionary: sailpoint_isc::Bytes = api.get_password_dictionary().await?;

    // Password Management: a digit token, query, set, and poll the status.
    let _token: PasswordDigitTokenBeta = api
        .create_digit_token(&PasswordDigitTokenResetBeta {
            user_id: "Abby.Smith".to_owned(),
            length: Some(8),
            duration_minutes: Some(5),
            extra: Default::default(),
        })
        .await?;
    let info: PasswordInfoBeta = api
        .query_password_info(&PasswordInfoQueryDtoBeta {
            user_name: Some("Abby.Smith".to_owned()),
            source_name: Some("My-AD".to_owned()),
            ..Default::default()
        })
        .await?;
    let change: PasswordChangeResponseBeta = api
        .set_identity_password(&PasswordChangeRequestBeta {
            identity_id: info.identity_id.clone(),
            encrypted_password: Some(
                "XzN+YwKgr2C+InkMYFMBG3UtjMEw5ZIql/XFlXo8cJNeslmkplx6vn4URJ7WNkG1".to_owned(),
            ),
            public_key_id: info.public_key_id.clone(),
            account_id: accounts.first().map(|a| a.native_identity.clone()),
            source_id: accounts.first().map(|a| a.source_id.clone()),
            ..Default::default()
        })
        .await?;
    if let Some(id) = &change.request_id {
        let _status: PasswordStatusBeta = api.get_identity_password_change_status(id).await?;
    }
    Ok(())
}
