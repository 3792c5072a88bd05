//! Issue 16: nothing is lost in a read-modify-write. A loopback server
//! answers with properties the spec (`read_modify_write.yaml`) does not list;
//! the generated client changes one known field and `PUT`s the object back,
//! and the server receives every original property unchanged. A body that
//! does not decode keeps the whole answer in the error.

use sailpoint_isc::json::Extra;
use sailpoint_isc::{Client, Error};
use sailpoint_isc_tests::scripted::{Reply, Scripted};
use serde_json::{json, Value};

#[allow(dead_code)]
mod api {
    sailpoint_isc::include_api!("runtime/read_modify_write.yaml");
}

fn client(base: &str) -> api::Api {
    let client = Client::builder()
        .base_url(base)
        .bearer_token("test-token")
        .build()
        .expect("a valid test configuration");
    api::Api::new(client)
}

/// An entitlement as a newer ISC sends it: properties the spec lacks at the
/// top (`displayName`, `privileged`, a `null` one), in the nested owner, in
/// an array item, plus the declared `additionalProperties` of `labels` and
/// `attributes` (kept there, not in `extra`).
fn served() -> Value {
    json!({
        "id": "2c9180835d2e5168015d32f890ca1581",
        "name": "CN=Admins",
        "description": "Old description",
        "displayName": "Admins",
        "privileged": true,
        "retiredAt": null,
        "owner": {"id": "o1", "type": "IDENTITY", "displayName": "Abby Smith"},
        "access": [
            {"id": "a1", "enabled": true, "labels": {"primary": "x", "color": "red"}},
            {"id": "a2", "tags": ["x", {"deep": [1, 2.5, null]}]}
        ],
        "attributes": {"groupType": "security", "members": 42},
        "modified": "2024-05-01T10:00:00.123456Z"
    })
}

#[tokio::test]
async fn a_put_of_a_changed_object_sends_every_property_it_got() {
    let (server, base) = Scripted::start().await;
    let api = client(&base);
    server.reply(Reply::json(200, served()));
    server.reply(Reply::json(200, served()));

    let mut e = api.get_entitlement("e1").await.expect("decodes");
    // Reachable by wire name, at every level.
    assert_eq!(e.extra.get_str("displayName"), Some("Admins"));
    assert_eq!(e.extra.get("retiredAt"), Some(&Value::Null));
    let owner = e.owner.as_ref().expect("owner");
    assert_eq!(owner.extra.get_str("displayName"), Some("Abby Smith"));
    let access = e.access.as_ref().expect("access");
    assert_eq!(access[0].extra.get("enabled"), Some(&json!(true)));
    // `labels` has `additionalProperties`: they stay in that map, no second store.
    let labels = access[0].labels.as_ref().expect("labels");
    assert_eq!(
        labels
            .additional_properties
            .get("color")
            .map(String::as_str),
        Some("red")
    );
    // Equality, Clone and Debug include the extra properties.
    let copy = e.clone();
    assert_eq!(copy, e);
    let mut other = e.clone();
    other.extra.insert("displayName", json!("Someone else"));
    assert_ne!(other, e);
    assert!(format!("{e:?}").contains(r#""displayName": "Admins""#));

    e.description = Some(Some("Managed by Rust".into()));
    api.put_entitlement("e1", &e).await.expect("put");

    let seen = server.take();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[1].method, "PUT");
    assert_eq!(seen[1].path, "/v2024/entitlements/e1");
    let mut expected = served();
    expected["description"] = json!("Managed by Rust");
    assert_eq!(seen[1].json(), expected);
}

#[tokio::test]
async fn a_value_built_in_code_sends_only_what_it_sets() {
    let (server, base) = Scripted::start().await;
    let api = client(&base);
    server.reply(Reply::json(200, json!({"id": "e2", "name": "n"})));
    let mut extra = Extra::new();
    extra.insert("displayName", json!("Shown"));
    // A declared field wins over an extra property of the same name.
    extra.insert("name", json!("ignored"));
    let body = api::Entitlement {
        id: "e2".into(),
        name: "n".into(),
        description: None,
        owner: Some(api::Owner {
            id: Some("o1".into()),
            ..Default::default()
        }),
        access: None,
        attributes: None,
        extra,
    };
    api.put_entitlement("e2", &body).await.expect("put");
    let seen = server.take();
    assert_eq!(
        seen[0].json(),
        json!({"id": "e2", "name": "n", "owner": {"id": "o1"}, "displayName": "Shown"})
    );
}

#[tokio::test]
async fn a_body_that_does_not_decode_is_kept_whole_in_the_error() {
    let (server, base) = Scripted::start().await;
    let api = client(&base);
    // Long enough that the excerpt is cut; the secret sits past the cut.
    let filler = "x".repeat(2_000);
    let body = json!({
        "id": "e3",
        "name": "n",
        "access": [{"id": "a1"}, {"id": 7}],
        "filler": filler,
        "zz": "SECRET-PAST-THE-EXCERPT"
    });
    server.reply(Reply::json(200, body.clone()));

    let err = api
        .get_entitlement("e3")
        .await
        .expect_err("does not decode");
    let Error::Decode(d) = &err else {
        panic!("expected a decode error, got {err:?}");
    };
    assert_eq!(d.field(), "access[1].id");
    assert_eq!(d.body().as_ref(), body.to_string().as_bytes());
    assert_eq!(d.value(), Some(body.clone()));
    // The whole body is there to read, but never printed.
    for shown in [err.to_string(), format!("{err:?}"), format!("{d:?}")] {
        assert!(!shown.contains("SECRET-PAST-THE-EXCERPT"), "{shown}");
        assert!(shown.contains("access[1].id"), "{shown}");
    }
    assert!(format!("{d:?}").contains(&format!("body_len: {}", body.to_string().len())));
}
