//! Every shape the generator emits builds against the runtime and is used as
//! a user would use it. The spec is `codegen/core/tests/specs/shapes.yaml`
//! (staged to `specs/shapes.yaml` by `tests/trybuild.rs`), and its generated
//! code is the snapshot `codegen/core/tests/snapshots/shapes.rs`; this case
//! is what makes that snapshot known to be valid Rust.

#[allow(dead_code)]
mod api {
    sailpoint_isc::include_api!("specs/shapes.yaml");
}
use api::*;
use futures_util::TryStreamExt;
use sailpoint_isc::{Bytes, Client, Date, DateTime, Error, FilePart};
use std::collections::BTreeMap;

fn thing(name: &str) -> Thing {
    Thing {
        id: None,
        name: name.to_owned(),
        size: 3,
        note: Some(None),
        labels: Some(BTreeMap::from([("team".to_owned(), "a".to_owned())])),
        anything: Some(serde_json::json!({"any": [1, "two"]})),
        child: Some(Box::new(Thing {
            id: None,
            name: "child".to_owned(),
            size: 0,
            note: None,
            labels: None,
            anything: None,
            child: None,
            children: None,
            kind: None,
            created: None,
            extra: Default::default(),
        })),
        children: Some(Vec::new()),
        kind: Some(Some(ThingKind::AB)),
        created: None,
        extra: Default::default(),
    }
}

/// Calls every operation; compiled, never run (it would need a tenant).
#[allow(deprecated)]
async fn calls(api: &Api) -> Result<(), Error> {
    // A builder: optional parameters by name.
    let one: Thing = api
        .get_thing("t1")
        .fields("name")
        .count(true)
        .x_trace_id("trace")
        .await?;
    let receipt: Receipt = api.put_thing("t1", &one).await?;
    let _: String = receipt.id;
    // An offset/limit list and a searchAfter search, streamed.
    let all: Vec<Thing> = api
        .list_things()
        .filters("a")
        .stream()
        .try_collect()
        .await?;
    let search = Search {
        indices: Some(vec!["things".into()]),
        sort: Some(vec!["name".into()]),
        ..Default::default()
    };
    let found: Vec<Thing> = api.search_things(&search).stream().try_collect().await?;
    let _: Vec<Thing> = api.search_things(&search).limit(10).await?;
    let (): () = api.create_thing(&thing("new")).await?;
    // A multipart body, a binary answer, an optional answer.
    api.attach_file(
        "t1",
        &AttachFileRequest {
            file: FilePart::new("a.csv", "a,b\n").with_content_type("text/csv"),
            comment: Some("first".into()),
            extra: Default::default(),
        },
    )
    .await?;
    let zip: Bytes = api.export_things().await?;
    let config: Option<Config> = api.get_config().await?;
    // Deprecated, so allowed above.
    let legacy: Vec<LegacyThing> = api.list_legacy_things().await?;
    // Date-times by reference, dates through setters.
    let at: DateTime = "2024-05-01T00:00:00Z".parse().expect("RFC 3339");
    let day: Date = "2024-05-01".parse().expect("a date");
    let event: Event = api
        .list_events(&at, &at)
        .since(day.clone())
        .days([day])
        .await?;
    let _: DateTime = event.created;
    // The path parameter named after the template, and the one with no place.
    match api.get_segment("s1").await? {
        Target::Config(c) => drop(c),
        Target::Event(e) => drop(e),
        Target::Variant2(s) => drop(s),
    }
    api.patch_segments().await?;
    // A JSON Patch: the spec's operation type, or a diff through `_with`.
    let _: Target = api
        .patch_target(
            "t1",
            &vec![PatchTargetRequestItem {
                op: PatchTargetRequestItemOp::Replace,
                path: "/name".into(),
                value: Some(serde_json::json!("new")),
                extra: Default::default(),
            }],
        )
        .await?;
    let patch = sailpoint_isc::Patch::diff(&thing("a"), &thing("b"));
    let _: Target = api.patch_target_with("t1", &patch).await?;
    // Experimental: the header is sent for the caller.
    let identity: Identity = api
        .preview_thing(
            "t1",
            &Merged {
                enabled: None,
                x: None,
                y: true,
                extra: Default::default(),
            },
        )
        .await?;
    let _: Option<BTreeMap<String, Option<MaybeName>>> = identity.by_ref;
    // Typed filters and sorters: the documented fields, their operators
    // and value types; the text form still compiles.
    use api::filters::ListThings as f;
    let since = DateTime::parse("2024-05-01T00:00:00Z").expect("RFC 3339");
    let _: Vec<Thing> = api
        .list_things()
        .filters(f::id().in_(["a", "b"]) & (f::size().gt(3) | f::created().gt(since)))
        .sorters([sorters::ListThings::name(), sorters::ListThings::size().desc()])
        .await?;
    let _: Vec<Thing> = api
        .list_things()
        .filters(String::from("id eq \"a\""))
        .sorters("-name")
        .await?;
    let _ = (all, found, zip, config, legacy);
    Ok(())
}

fn main() {
    let client = Client::builder()
        .base_url("https://acme.api.identitynow.com")
        .bearer_token("a token obtained elsewhere")
        .build()
        .expect("a valid configuration");
    let api = Api::new(client);
    drop(calls(&api));

    // Null and absent stay apart; an unknown enum value is kept.
    let text = serde_json::to_string(&thing("t")).expect("serializes");
    let back: Thing = serde_json::from_str(&text).expect("decodes");
    assert_eq!(back, thing("t"));
    assert!(text.contains(r#""note":null"#), "{text}");
    let other: Thing =
        serde_json::from_str(r#"{"name":"n","size":1,"kind":"NEW"}"#).expect("decodes");
    assert_eq!(other.kind, Some(Some(ThingKind::Other("NEW".into()))));
    // A typed filter is written in ISC's language, its values escaped.
    use api::filters::ListThings as f;
    let filter = !f::name().sw("a\"b") & f::size().le(10) | f::created().isnull();
    assert_eq!(
        filter.to_string(),
        r#"not name sw "a\"b" and size le 10 or created isnull"#
    );
    let sort: sailpoint_isc::filter::Sorters<sorters::ListThings> =
        sorters::ListThings::size().desc().then(sorters::ListThings::name());
    assert_eq!(sort.to_string(), "-size,name");
    // The union picks the variant that knows the value's properties.
    let target: Target =
        serde_json::from_str(r#"{"created":"2024-05-01T00:00:00Z"}"#).expect("decodes");
    assert!(matches!(target, Target::Event(_)), "{target:?}");
    // Undeclared properties of an open object are its map.
    let identity: Identity =
        serde_json::from_str(r#"{"items":[1,null],"x":true}"#).expect("decodes");
    assert_eq!(identity.items, Some(vec![Some(1), None]));
    assert_eq!(identity.additional_properties["x"], serde_json::json!(true));
    // Keywords and collisions.
    let named = Api2 {
        r#type: Some("t".into()),
        self_: None,
        type2: Some(2),
        extra: Default::default(),
    };
    assert_eq!(
        serde_json::to_value(&named).expect("encodes"),
        serde_json::json!({"type": "t", "Type": 2})
    );
    let _ = (FooBar::default(), FooBar2::default());
}
