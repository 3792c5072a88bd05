//! `include_api!` on SailPoint's whole v2024 spec as published, unmodified
//! (`../shared/specs/upstream/deref-sailpoint-api.v2024.yaml` beside the
//! repo). Compiling this crate is the test: every operation and schema of
//! the spec is generated, and [`calls_from_several_tags`] uses a handful of
//! the generated methods as a user would. Without the spec the crate is
//! empty and its tests print `SKIPPED` (and fail under `CI=true`).

/// The generated bindings of the whole upstream v2024 spec.
#[cfg(upstream_spec)]
pub mod api {
    sailpoint_isc::include_api!("../../../../shared/specs/upstream/deref-sailpoint-api.v2024.yaml");
}

/// Calls a handful of generated methods from different tags, one of each
/// shape; it is compiled, never run.
#[cfg(upstream_spec)]
pub async fn calls_from_several_tags(client: sailpoint_isc::Client) -> sailpoint_isc::Result<()> {
    use api::*;
    use sailpoint_isc::FilePart;

    let api = Api::new(client);

    // Accounts: optional query parameters set by name, one of them an enum;
    // the response's headers read back with the body.
    let accounts = api
        .list_accounts()
        .limit(50)
        .count(true)
        .detail_level(ListAccountsDetailLevel::Slim)
        .filters("sourceId eq \"2c9180835d2e5168015d32f890ca1581\"")
        .sorters("-created")
        .send_with_response()
        .await?;
    let _total: Option<u64> = accounts.total_count();
    let accounts: Vec<Account> = accounts.into_body();

    // Access Profiles: an `application/json-patch+json` body.
    let patch = vec![JsonPatchOperation {
        op: JsonPatchOperationOp::Replace,
        path: "/description".to_owned(),
        value: Some(JsonPatchOperationValue::String(
            "Managed by Rust".to_owned(),
        )),
        extra: Default::default(),
    }];
    let _profile: AccessProfile = api
        .patch_access_profile("2c91808a7813090a017814121e121518", &patch)
        .await?;

    // Sources: a `multipart/form-data` upload of a CSV file.
    let upload = ImportAccountsRequest {
        file: Some(
            FilePart::new("accounts.csv", &b"id,name\n1,Abby\n"[..]).with_content_type("text/csv"),
        ),
        disable_optimization: Some("true".to_owned()),
        ..Default::default()
    };
    let _task: LoadAccountsTask = api
        .import_accounts("ef38f94347e94562b5bb8424a56397d8")
        .body(&upload)
        .await?;

    // Password Dictionary: a `text/plain` download, as bytes.
    let _dictionary: sailpoint_isc::Bytes = api.get_password_dictionary().await?;

    // Managed Clusters: 200 with a body or 204 without one.
    let _logging: Option<ClientLogConfiguration> = api
        .get_client_log_configuration("2b838de9-db9b-abcf-e646-d4f274ad4238")
        .await?;

    // Password Management: query, set, and poll the status.
    let info: PasswordInfo = api
        .query_password_info(&PasswordInfoQueryDto {
            user_name: Some("Abby.Smith".to_owned()),
            source_name: Some("My-AD".to_owned()),
            ..Default::default()
        })
        .await?;
    let change: PasswordChangeResponse = api
        .set_password(&PasswordChangeRequest {
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
        let _status: PasswordStatus = api.get_password_change_status(id).await?;
    }
    Ok(())
}
