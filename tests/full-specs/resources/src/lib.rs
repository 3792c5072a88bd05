//! `include_api!` on six of SailPoint's per-resource specs at once
//! (`../shared/specs/idn/apis/<resource>/openapi.yaml` beside the repo), in
//! ONE invocation: one module per resource, and `shared` for the types that
//! come from the same file in more than one of them. Compiling this crate is
//! the test: [`one_call_per_resource`] calls an operation of each resource
//! as a user would, and [`shared_types_are_one_type`] passes values from
//! one resource's module to functions that take another's. Without the
//! specs the crate is empty and its tests print `SKIPPED` (and fail under
//! `CI=true`).

/// The generated bindings of the six resources.
#[cfg(resource_specs)]
pub mod api {
    sailpoint_isc::include_api!(
        dir = "../../../../shared/specs/idn/apis",
        resources = [
            "password-management",
            "accounts",
            "identities",
            "search",
            "sources",
            "access-profiles",
        ],
    );
}

/// One operation of each resource, with its required arguments only; it
/// is compiled, never run.
#[cfg(resource_specs)]
pub async fn one_call_per_resource(client: sailpoint_isc::Client) -> sailpoint_isc::Result<()> {
    use api::*;

    let passwords = password_management::Api::new(client.clone());
    let info: password_management::PasswordInfo = passwords
        .query_password_info_v1(&password_management::PasswordInfoQueryDto {
            user_name: Some("Abby.Smith".to_owned()),
            source_name: Some("My-AD".to_owned()),
            ..Default::default()
        })
        .await?;

    let accounts = accounts::Api::new(client.clone());
    let account: accounts::Account = accounts
        .get_account_v1("2c9180835d2e5168015d32f890ca1581")
        .await?;

    let identities = identities::Api::new(client.clone());
    let identity: identities::IdentityDto = identities
        .get_identity_v1(
            info.identity_id
                .as_deref()
                .or(account.identity_id.as_deref())
                .unwrap_or("2c9180835d2e5168015d32f890ca1581"),
        )
        .await?;

    let search = search::Api::new(client.clone());
    let query = search::Search {
        query: Some(search::Query {
            query: Some(format!("name:\"{}\"", identity.name)),
            ..Default::default()
        }),
        ..Default::default()
    };
    search.search_count_v1(&query).await?;

    let sources = sources::Api::new(client.clone());
    let _source: sources::Source = sources.get_source_v1(&account.source_id).await?;

    let access_profiles = access_profiles::Api::new(client);
    let _profile: access_profiles::AccessProfile = access_profiles
        .get_access_profile_v1("2c91808a7813090a017814121e121518")
        .await?;
    Ok(())
}

/// A function of the accounts module's types.
#[cfg(resource_specs)]
fn takes_accounts_error(e: api::accounts::ErrorResponseDto) -> Option<String> {
    e.detail_code
}

/// A function of the sources module's types.
#[cfg(resource_specs)]
fn takes_sources_reference(r: api::sources::BaseReferenceDto) -> Option<String> {
    r.id
}

/// A function of the access profiles module's types.
#[cfg(resource_specs)]
fn takes_access_profiles_unauthorized(
    e: api::access_profiles::UnauthorizedError,
) -> Option<String> {
    e.error.map(|v| v.to_string())
}

/// Values of one resource's module passed where another resource's type
/// is expected: this compiles only because each shared type is one type,
/// defined once in `api::shared` and re-exported by every resource module
/// that uses it.
#[cfg(resource_specs)]
pub fn shared_types_are_one_type() -> Vec<Option<String>> {
    let from_identities = api::identities::ErrorResponseDto {
        detail_code: Some("400.1 Bad Request Content".to_owned()),
        ..Default::default()
    };
    let reference = api::identities::BaseReferenceDto {
        id: Some("2c91808568c529c60168cca6f90c1313".to_owned()),
        ..Default::default()
    };
    let unauthorized = api::password_management::UnauthorizedError::default();
    let task: api::accounts::TaskResultDto = api::sources::TaskResultDto::default();
    let patch: api::sources::JsonPatchOperation = api::access_profiles::JsonPatchOperation {
        op: api::access_profiles::JsonPatchOperationOp::Replace,
        path: "/description".to_owned(),
        value: None,
        extra: Default::default(),
    };
    let shared: api::shared::DtoType = api::identities::DtoType::Identity;
    vec![
        takes_accounts_error(from_identities),
        takes_sources_reference(reference),
        takes_access_profiles_unauthorized(unauthorized),
        task.id,
        Some(patch.path),
        Some(shared.as_str().to_owned()),
    ]
}
