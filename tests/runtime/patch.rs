//! Issue 25: read-modify-write through JSON Patch. Diffs of generated types
//! (`patch.yaml`, ISC's body shapes cut down) as the operations they send,
//! and a loopback tenant that applies each patch with the `json-patch`
//! crate and refuses a failed `test` as ISC refuses a patch it cannot
//! apply: `400` with `detailCode` `400.1 Bad Request Content`.
//! `set_description` is the README's recipe, here on `patch.yaml`'s types
//! (the README's own copy, on the v2024 bindings, runs in `tests/readme`
//! against the mock server; this tenant applies the patches it is sent).

use axum::body::Bytes;
use axum::http::{Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use sailpoint_isc::patch::{self, json_patch, Patch};
use sailpoint_isc::{Client, Error};
use sailpoint_isc_tests::scripted::{Reply, Scripted};
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};

#[allow(dead_code)]
mod api {
    sailpoint_isc::include_api!("runtime/patch.yaml");
}

use api::{AccessProfile, Api};
use sailpoint_isc::Result;

/// Sets an access profile's description, unless someone changed the
/// profile between the read and the write: `Ok(None)` then, and nothing
/// was written.
pub async fn set_description(api: &Api, id: &str, text: &str) -> Result<Option<AccessProfile>> {
    let before = api.get_access_profile(id).await?;
    let mut after = before.clone();
    after.description = Some(Some(text.to_owned()));
    // `test /modified` (the value read), then `replace /description`.
    let patch = Patch::diff(&before, &after).guard("/modified");
    match api.patch_access_profile_with(id, &patch).await {
        Ok(saved) => Ok(Some(saved)),
        Err(e) if patch::refusal(&e).is_some() => {
            // Refused: a guard failed or the patch was wrong; a fresh read tells.
            let now = api.get_access_profile(id).await?;
            match patch.check(&now) {
                Err(_changed) => Ok(None),
                Ok(()) => Err(e),
            }
        }
        Err(e) => Err(e),
    }
}

fn client(base: &str) -> Api {
    let client = Client::builder()
        .base_url(base)
        .bearer_token("test-token")
        .build()
        .expect("a valid test configuration");
    Api::new(client)
}

fn profile() -> Value {
    json!({
        "id": "ap1",
        "name": "Finance",
        "description": "Old",
        "enabled": true,
        "owner": {"type": "IDENTITY", "id": "o1", "name": "Abby Smith"},
        "entitlements": [
            {"type": "ENTITLEMENT", "id": "e1", "name": "Admins"},
            {"type": "ENTITLEMENT", "id": "e2", "name": "Users"}
        ],
        "modified": "2026-12-01T10:00:00.123Z",
        // Not in the spec: kept in `extra`, and keys that need escaping.
        "displayName": "Finance (shown)",
        "a/b~c": 1,
        "segments": null
    })
}

fn read(v: Value) -> AccessProfile {
    serde_json::from_value(v).expect("decodes")
}

/// The patch's operations, and a check that applying them to `before`'s
/// JSON with the json-patch crate gives `after`'s.
fn sent(before: &AccessProfile, after: &AccessProfile) -> Value {
    let patch = Patch::diff(before, after);
    let ops = patch.to_value().expect("encodes");
    let mut doc = serde_json::to_value(before).unwrap();
    let parsed: json_patch::Patch = serde_json::from_value(ops.clone()).unwrap();
    json_patch::patch(&mut doc, &parsed).expect("applies");
    assert_eq!(doc, serde_json::to_value(after).unwrap());
    ops
}

#[test]
fn a_diff_of_generated_types_is_the_change_and_nothing_else() {
    let before = read(profile());
    let mut after = before.clone();
    after.owner.as_mut().unwrap().name = Some("Abby S.".into()); // nested
    after.description = Some(None); // sent as null
    after.enabled = None; // left out: removed
    after.extra.insert("a/b~c", json!(2)); // escaped key
    after.extra.remove("displayName");
    after.extra.insert("new~key/x", json!({"k": 1}));
    assert_eq!(
        sent(&before, &after),
        json!([
            {"op": "replace", "path": "/description", "value": null},
            {"op": "replace", "path": "/owner/name", "value": "Abby S."},
            {"op": "replace", "path": "/a~1b~0c", "value": 2},
            {"op": "add", "path": "/new~0key~1x", "value": {"k": 1}},
            {"op": "remove", "path": "/enabled"},
            {"op": "remove", "path": "/displayName"}
        ])
    );
    // `None` where the value was: `remove`, not `null`.
    let mut gone = before.clone();
    gone.description = None;
    assert_eq!(
        sent(&before, &gone),
        json!([{"op": "remove", "path": "/description"}])
    );
    // `null` where there was nothing: `add` of `null`.
    let mut unset = read(json!({"name": "n"}));
    let blank = unset.clone();
    unset.description = Some(None);
    assert_eq!(
        sent(&blank, &unset),
        json!([{"op": "add", "path": "/description", "value": null}])
    );
    // The extra property that held `null` is kept: no operation for it.
    assert_eq!(before.extra.get("segments"), Some(&Value::Null));
}

#[test]
fn a_changed_array_is_replaced_whole() {
    let before = read(profile());
    let entitlements = before.entitlements.clone().unwrap();
    let mut reordered = before.clone();
    reordered.entitlements = Some(vec![entitlements[1].clone(), entitlements[0].clone()]);
    let mut grown = before.clone();
    grown
        .entitlements
        .as_mut()
        .unwrap()
        .push(api::EntitlementRef {
            id: Some("e3".into()),
            ..Default::default()
        });
    let mut element = before.clone();
    element.entitlements.as_mut().unwrap()[0].name = Some("Root".into());
    for after in [reordered, grown, element] {
        let whole = serde_json::to_value(&after).unwrap()["entitlements"].clone();
        assert_eq!(
            sent(&before, &after),
            json!([{"op": "replace", "path": "/entitlements", "value": whole}])
        );
    }
}

#[test]
fn an_empty_diff_is_an_empty_patch() {
    let before = read(profile());
    let patch = Patch::diff(&before, &before.clone());
    assert!(patch.is_empty());
    assert_eq!(patch.to_value().unwrap(), json!([]));
}

/// A tenant holding one access profile. `PATCH` applies the body with the
/// json-patch crate (atomically: a failed operation leaves the profile as
/// it was) and moves `modified`, as ISC does; a patch that does not apply
/// gets ISC's answer to a body it refuses.
#[derive(Clone)]
struct Tenant {
    state: Arc<Mutex<TenantState>>,
}

struct TenantState {
    profile: Value,
    /// Successful patches so far: what `modified` is made from.
    writes: u32,
    /// Another writer's patch, applied just before the next one arrives.
    meanwhile: Option<json_patch::Patch>,
}

impl TenantState {
    fn apply(&mut self, ops: &json_patch::Patch) -> Option<Value> {
        let mut doc = self.profile.clone();
        json_patch::patch(&mut doc, ops).ok()?;
        self.writes += 1;
        doc["modified"] = json!(format!("2026-12-01T11:00:{:02}Z", self.writes));
        self.profile = doc.clone();
        Some(doc)
    }
}

impl Tenant {
    async fn start() -> (Tenant, String) {
        let tenant = Tenant {
            state: Arc::new(Mutex::new(TenantState {
                profile: profile(),
                writes: 0,
                meanwhile: None,
            })),
        };
        let t = tenant.clone();
        let router = Router::new().fallback(move |method: Method, uri: Uri, body: Bytes| {
            let t = t.clone();
            async move { t.answer(method, uri.path(), &body) }
        });
        (tenant, sailpoint_isc_tests::net::serve(router).await)
    }

    fn profile(&self) -> Value {
        self.state.lock().unwrap().profile.clone()
    }

    /// Has another writer apply `ops` right before the next patch arrives.
    fn change_meanwhile(&self, ops: Value) {
        self.state.lock().unwrap().meanwhile = Some(serde_json::from_value(ops).unwrap());
    }

    fn answer(&self, method: Method, path: &str, body: &[u8]) -> Response {
        let mut state = self.state.lock().unwrap();
        if path != "/v2024/access-profiles/ap1" {
            return StatusCode::NOT_FOUND.into_response();
        }
        if method == Method::GET {
            return axum::Json(state.profile.clone()).into_response();
        }
        if let Some(other) = state.meanwhile.take() {
            state.apply(&other);
        }
        let applied = serde_json::from_slice(body)
            .ok()
            .and_then(|ops| state.apply(&ops));
        match applied {
            Some(doc) => axum::Json(doc).into_response(),
            None => refused(),
        }
    }
}

/// ISC's answer to a patch it refuses, as its specs document it for every
/// patch operation.
fn refused() -> Response {
    let body = json!({
        "detailCode": "400.1 Bad Request Content",
        "trackingId": "1ea1adcb84da4dcb890145e05745774e",
        "messages": [{
            "locale": "en-US",
            "localeOrigin": "DEFAULT",
            "text": "The request was syntactically correct but its content is semantically invalid."
        }]
    });
    (StatusCode::BAD_REQUEST, axum::Json(body)).into_response()
}

#[tokio::test]
async fn a_guard_refuses_a_patch_after_a_concurrent_change() {
    let (tenant, base) = Tenant::start().await;
    let api = client(&base);
    let before = api.get_access_profile("ap1").await.unwrap();

    // Another process renames the profile in the meantime.
    let other = Patch::new().replace("/name", "Finance EMEA");
    api.patch_access_profile_with("ap1", &other).await.unwrap();

    let mut after = before.clone();
    after.description = Some(Some("Managed by Rust".into()));
    let guarded = Patch::diff(&before, &after).guard("/modified");
    let err = api
        .patch_access_profile_with("ap1", &guarded)
        .await
        .expect_err("the guard fails");
    let refusal = patch::refusal(&err).expect("a refusal");
    assert_eq!(refusal.status(), 400);
    let body = refusal.body::<api::ErrorResponseDto>().expect("ISC's body");
    assert_eq!(
        body.detail_code.as_deref(),
        Some("400.1 Bad Request Content")
    );
    // Nothing was written: the other process's change stands, ours is not in.
    let now = tenant.profile();
    assert_eq!(
        (now["name"].as_str(), now["description"].as_str()),
        (Some("Finance EMEA"), Some("Old"))
    );
    // A fresh read says why.
    let fresh = api.get_access_profile("ap1").await.unwrap();
    let changed = guarded.check(&fresh).expect_err("changed meanwhile");
    assert_eq!(changed.path(), "/modified");
    assert_eq!(changed.expected(), &json!("2026-12-01T10:00:00.123Z"));

    // `guard_changed` guards what the patch changes: a concurrent change of
    // another field does not stop it, one of the same field does.
    let diff = Patch::diff(&before, &after).guard_changed();
    api.patch_access_profile_with("ap1", &diff).await.unwrap();
    assert_eq!(tenant.profile()["description"], "Managed by Rust");
    let stale = Patch::diff(&after, &before).guard_changed(); // description back to "Old"
    api.patch_access_profile_with("ap1", &Patch::new().replace("/description", "Third"))
        .await
        .unwrap();
    let err = api
        .patch_access_profile_with("ap1", &stale)
        .await
        .unwrap_err();
    assert!(patch::refusal(&err).is_some(), "{err}");
    assert_eq!(tenant.profile()["description"], "Third");
}

#[tokio::test]
async fn the_readme_recipe_writes_or_reports_the_conflict() {
    let (tenant, base) = Tenant::start().await;
    let api = client(&base);
    let saved = set_description(&api, "ap1", "Managed by Rust")
        .await
        .unwrap();
    assert_eq!(
        saved.and_then(|p| p.description),
        Some(Some("Managed by Rust".into()))
    );
    // Everything else as it was, the properties the spec does not list too.
    let mut expected = profile();
    expected["description"] = json!("Managed by Rust");
    expected["modified"] = json!("2026-12-01T11:00:01Z");
    assert_eq!(tenant.profile(), expected);

    // Someone else writes between the read and the patch: nothing of ours
    // is written, and the recipe says so.
    tenant.change_meanwhile(json!([{"op": "replace", "path": "/name", "value": "Finance EMEA"}]));
    let lost = set_description(&api, "ap1", "Second").await.unwrap();
    assert_eq!(lost, None);
    assert_eq!(tenant.profile()["description"], "Managed by Rust");
    assert_eq!(tenant.profile()["name"], "Finance EMEA");

    // A patch wrong in itself (the guard holds) is the tenant's error.
    let err = api
        .patch_access_profile_with("ap1", &Patch::new().remove("/nothing-there"))
        .await
        .unwrap_err();
    assert!(patch::refusal(&err).is_some());
    assert!(matches!(&err, Error::Api(e) if e.detail_code() == Some("400.1 Bad Request Content")));
}

#[tokio::test]
async fn each_body_shape_is_sent_as_its_spec_declares() {
    let (server, base) = Scripted::start().await;
    let api = client(&base);
    let before = read(profile());
    let mut after = before.clone();
    after.name = "Payroll".into();
    let patch = Patch::diff(&before, &after).guard("/modified");
    let ops = patch.to_value().unwrap();
    for _ in 0..4 {
        server.reply(Reply::json(200, profile()));
    }
    api.patch_access_profile_with("ap1", &patch).await.unwrap();
    api.update_scheduled_action_with("s1", &patch)
        .await
        .unwrap();
    api.update_account_with("acc1", &patch).await.unwrap();
    // Role mining takes `remove` and `replace` only: no guard.
    api.patch_potential_role_with("pr1", &Patch::diff(&before, &after))
        .await
        .unwrap();
    let seen = server.take();
    let bodies: Vec<(String, Value)> = seen.iter().map(|s| (s.path.clone(), s.json())).collect();
    assert_eq!(
        bodies,
        [
            ("/v2024/access-profiles/ap1".to_owned(), ops.clone()),
            (
                "/v2024/scheduled-actions/s1".to_owned(),
                json!({"operations": ops.clone()})
            ),
            ("/v2024/accounts/acc1".to_owned(), ops),
            (
                "/v2024/role-mining-potential-roles/pr1".to_owned(),
                json!([{"op": "replace", "path": "/name", "value": "Payroll"}])
            ),
        ]
    );
    for s in &seen {
        assert_eq!(s.method, "PATCH");
        assert_eq!(
            s.header("content-type"),
            Some("application/json-patch+json")
        );
    }

    // An `op` the schema does not allow is refused before sending.
    let err = api
        .patch_potential_role_with("pr1", &patch)
        .await
        .expect_err("test is not allowed");
    let Error::Encode { source, .. } = &err else {
        panic!("expected an encode error, got {err:?}");
    };
    assert_eq!(
        source.message(),
        "this operation takes only `remove`, `replace` patch operations; the patch has `test` at `/modified`"
    );
    // So is a patch that could not be built.
    let err = api
        .patch_access_profile_with("ap1", &Patch::new().replace("name", "x"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Encode { .. }), "{err}");
    assert!(server.take().is_empty());

    // The empty diff is sent as it is: `[]`, and the tenant answers the object.
    server.reply(Reply::json(200, profile()));
    let same = api
        .patch_access_profile_with("ap1", &Patch::diff(&before, &before))
        .await
        .unwrap();
    assert_eq!(same, before);
    assert_eq!(server.take()[0].json(), json!([]));
}

#[tokio::test]
async fn bodies_that_are_not_patches_stay_ordinary_bodies() {
    let (server, base) = Scripted::start().await;
    let api = client(&base);
    server.reply(Reply::json(200, json!([{}])));
    let approval = api::SedApproval {
        items: Some(vec!["016629d1-1d25-463f-97f3-c6686846650".into()]),
        ..Default::default()
    };
    api.submit_sed_approval(&vec![approval]).await.unwrap();
    let seen = server.take();
    assert_eq!(
        seen[0].json(),
        json!([{"items": ["016629d1-1d25-463f-97f3-c6686846650"]}])
    );
    assert_eq!(
        seen[0].header("content-type"),
        Some("application/json-patch+json")
    );

    // No `_with` for them, nor for a body of one single operation: a diff
    // fits neither.
    let spec = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("runtime/patch.yaml");
    let out = sailpoint_isc_codegen::generate_file(&spec, &Default::default());
    assert!(out.diagnostics.is_empty());
    let code = sailpoint_isc_codegen::render(&out.tokens).unwrap();
    let mut siblings: Vec<&str> = code
        .split("pub fn ")
        .filter_map(|rest| rest.split('(').next())
        .filter(|name| name.ends_with("_with"))
        .collect();
    siblings.sort();
    assert_eq!(
        siblings,
        [
            "patch_access_profile_with",
            "patch_potential_role_with",
            "update_account_with",
            "update_scheduled_action_with"
        ]
    );
}
