//! Automation written against the per-resource bindings, tested without a
//! tenant: `sailpoint_isc::mock::MockServer` plays the accounts resource
//! of the six-resource `include_api!`, and the runtime's own per-resource
//! Password Management bindings against the same server. (The README's
//! version of `adopt_orphans`, on the v2024 bindings, runs in `tests/readme`.)

#![cfg(resource_specs)]

use sailpoint_isc::mock::MockServer;
use sailpoint_isc_full_resources::api::password_management;

use futures_util::TryStreamExt;
use sailpoint_isc::{Error, Result};
use sailpoint_isc_full_resources::api::accounts; // your include_api! module
use serde_json::json;

/// Correlates every uncorrelated account of `source_id` to the identity
/// `owner`; an account deleted in the meantime (404) is skipped. Returns
/// how many accounts were patched.
pub async fn adopt_orphans(api: &accounts::Api, source_id: &str, owner: &str) -> Result<usize> {
    use accounts::filters::ListAccountsV1 as f; // the fields and operators the spec documents
    let filter = f::source_id().eq(source_id) & f::uncorrelated().eq(true); // quoted for you
    let mut orphans = api.list_accounts_v1().filters(filter).stream();
    let mut patched = 0;
    while let Some(account) = orphans.try_next().await? {
        let id = account.id.unwrap_or_default();
        let patch = [json!({ "op": "replace", "path": "/identityId", "value": owner })];
        let patch: Vec<_> = patch
            .iter()
            .filter_map(|p| p.as_object().cloned())
            .collect();
        match api.update_account_v1(&id, &patch).await {
            Ok(_) => patched += 1,
            Err(Error::Api(e)) if e.status() == 404 => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(patched)
}

#[tokio::test]
async fn adopt_orphans_patches_each_listed_account_and_skips_a_deleted_one() {
    use accounts::ops::{ListAccountsV1, UpdateAccountV1};

    let server = MockServer::start().await.unwrap();
    let orphan = |id: &str| -> accounts::Account {
        sailpoint_isc::json::decode_slice(
            json!({
                "id": id, "name": id, "sourceId": "src-1", "sourceName": "HR",
                "attributes": {}, "authoritative": false, "disabled": false,
                "locked": false, "nativeIdentity": id, "systemAccount": false,
                "uncorrelated": true, "manuallyCorrelated": false, "hasEntitlements": false,
            })
            .to_string()
            .as_bytes(),
        )
        .unwrap()
    };
    let listed = server
        .rule::<ListAccountsV1>()
        .query("filters", "sourceId eq \"src-1\" and uncorrelated eq true")
        .then_list([orphan("a-1"), orphan("a-2"), orphan("a-3")])
        .mount()
        .unwrap();
    let not_found: accounts::ErrorResponseDto = sailpoint_isc::json::decode_slice(
        br#"{"detailCode": "404 Not found", "messages": [{"text": "The account was deleted"}]}"#,
    )
    .unwrap();
    server
        .rule::<UpdateAccountV1>()
        .path("id", "a-2")
        .then_error(404, &not_found)
        .mount()
        .unwrap();
    let patches = server.rule::<UpdateAccountV1>().expect(2).mount().unwrap();

    let api = accounts::Api::new(server.client().unwrap());
    assert_eq!(adopt_orphans(&api, "src-1", "id-owner").await.unwrap(), 2);

    assert_eq!(listed.hits(), 1, "three records fit one page");
    let sent: Vec<(String, serde_json::Value)> = patches
        .requests()
        .iter()
        .map(|r| {
            let body = r.body().unwrap();
            (r.path_param("id").unwrap().to_owned(), json!(body))
        })
        .collect();
    let want = json!([{ "op": "replace", "path": "/identityId", "value": "id-owner" }]);
    assert_eq!(
        sent,
        [("a-1".to_owned(), want.clone()), ("a-3".to_owned(), want)]
    );
    server.verify();
}

#[tokio::test]
async fn a_per_resource_and_a_multi_resource_client_share_one_mock() {
    let server = MockServer::start().await.unwrap();
    server
        .rule::<password_management::ops::QueryPasswordInfoV1>()
        .mount()
        .unwrap();
    server
        .rule::<accounts::ops::GetAccountV1>()
        .mount()
        .unwrap();
    let client = server.client().unwrap();
    let query = password_management::PasswordInfoQueryDto {
        user_name: Some("Abby.Smith".into()),
        ..Default::default()
    };
    // The six-resource bindings and the runtime's own per-resource ones
    // route to the same rule: the operation's route is what is mocked.
    let ours = password_management::Api::new(client.clone())
        .query_password_info_v1(&query)
        .await
        .unwrap();
    let shipped = client
        .password_management()
        .query_password_info_v1(&sailpoint_isc::password_management::PasswordInfoQueryDto {
            user_name: Some("Abby.Smith".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(ours.identity_id, shipped.identity_id);
    let account = accounts::Api::new(client)
        .get_account_v1("any")
        .await
        .unwrap();
    assert_eq!(account.source_id, "2c9180835d2e5168015d32f890ca1581");
    server.verify();
}
