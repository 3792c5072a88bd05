//! What the real service sends that the spec forbids, read by the generated
//! v2024 types from a tenant on 127.0.0.1 (`sailpoint_isc::mock::MockServer`
//! answering raw JSON): a required property that is `null` or absent and an
//! enum value in the wrong case do not fail the call or end a stream; the
//! record says what was received; a GET → PUT sends back what came.

#![cfg(upstream_spec)]

use sailpoint_isc::json::Received;
use sailpoint_isc::mock::{MockResponse, MockServer};
use sailpoint_isc::prelude::*;
use sailpoint_isc_full_v2024::api::{ops, Api, Source, SourceStatus};
use serde_json::{json, Value};

/// A source as the tenant sends it; `connector`, `name` and `owner` are
/// required by the spec.
fn source(i: usize) -> Value {
    json!({
        "id": format!("src-{i}"),
        "name": format!("Source {i}"),
        "owner": {"type": "IDENTITY", "id": "id-1", "name": "Abby"},
        "connector": "active-directory",
        "status": "SOURCE_STATE_HEALTHY",
        "features": ["AUTHENTICATE"],
    })
}

#[tokio::test]
async fn a_stream_of_1000_sources_arrives_whole_with_a_null_and_a_wrong_case_among_them() {
    let mut records: Vec<Value> = (0..1000).map(source).collect();
    records[417]["connector"] = Value::Null;
    records[733]["status"] = json!("source_state_healthy");
    records[733]["features"] = json!(["Authenticate", "SEARCH"]);
    let sent = records.clone();

    let server = MockServer::start().await.unwrap();
    server
        .rule::<ops::ListSources>()
        .then_respond(move |r| {
            // The offset and limit of ISC's paging, read from the query.
            let at =
                |name: &str, or: usize| r.query(name).and_then(|v| v.parse().ok()).unwrap_or(or);
            let (offset, limit) = (at("offset", 0), at("limit", 250));
            let page: Vec<Value> = sent.iter().skip(offset).take(limit).cloned().collect();
            MockResponse::json(200, &Value::Array(page))
        })
        .repeat()
        .mount()
        .unwrap();
    let api = Api::new(server.client().unwrap());

    let sources: Vec<Source> = api.list_sources().stream().try_collect().await.unwrap();

    assert_eq!(sources.len(), 1000);
    let ids: Vec<_> = sources.iter().map(|s| s.id.clone().unwrap()).collect();
    let want: Vec<_> = (0..1000).map(|i| format!("src-{i}")).collect();
    assert_eq!(ids, want, "every record, in order");

    let null = &sources[417];
    assert_eq!(null.connector, "");
    assert_eq!(null.extra.received("connector"), Some(&Received::Null));
    let cased = &sources[733];
    assert_eq!(cased.status, Some(SourceStatus::SourceStateHealthy));
    assert_eq!(
        cased.extra.received_all().collect::<Vec<_>>(),
        [
            ("features", &Received::OtherCase("Authenticate".into())),
            (
                "status",
                &Received::OtherCase("source_state_healthy".into())
            ),
        ],
        "in field order"
    );
    // The others came as specified.
    let lenient = sources
        .iter()
        .filter(|s| s.extra.received_all().next().is_some())
        .count();
    assert_eq!(lenient, 2);
    // Each goes back as it came.
    for (got, sent) in sources.iter().zip(&records) {
        assert_eq!(&sailpoint_isc::json::Encode::encode(got), sent);
    }
}

#[tokio::test]
async fn get_then_put_sends_back_what_was_received_and_what_the_caller_changed() {
    let mut got = source(1);
    got["connector"] = Value::Null;
    got.as_object_mut().unwrap().remove("name");
    got["status"] = json!("Source_State_Healthy");

    let server = MockServer::start().await.unwrap();
    let answer = got.clone();
    server
        .rule::<ops::GetSource>()
        .path("id", "src-1")
        .then_response(MockResponse::json(200, &answer))
        .mount()
        .unwrap();
    let put = server
        .rule::<ops::PutSource>()
        .path("id", "src-1")
        .then_respond(|r| MockResponse::bytes(200, "application/json", r.raw_body().to_vec()))
        .repeat()
        .mount()
        .unwrap();
    let api = Api::new(server.client().unwrap());

    let source = api.get_source("src-1").await.unwrap();
    assert_eq!(source.name, "");
    assert_eq!(source.extra.received("name"), Some(&Received::Absent));
    assert_eq!(source.status, Some(SourceStatus::SourceStateHealthy));

    // Unchanged, it encodes to exactly what the GET answered: the null,
    // the missing name, the status as spelled. That is the PUT's body, and
    // the mock tenant, which reads requests strictly as a server does,
    // refuses it for the missing `name`.
    assert_eq!(sailpoint_isc::json::Encode::encode(&source), got);
    let err = api.put_source("src-1", &source).await.unwrap_err();
    let sailpoint_isc::Error::Api(refused) = &err else {
        panic!("expected the tenant's refusal, got {err:?}");
    };
    assert_eq!(refused.status(), 400);
    let message = refused.message().unwrap_or_default();
    assert!(
        message.contains("at `name`: missing field `name`"),
        "{message}"
    );
    assert!(put.requests().is_empty());

    // Changed: the caller's values, in the spec's spelling.
    let mut changed = source.clone();
    changed.connector = "ldap".into();
    changed.name = "HR".into();
    changed.status = Some(SourceStatus::SourceStateErrorSource);
    api.put_source("src-1", &changed).await.unwrap();
    let body: Value = serde_json::from_slice(put.requests()[0].raw_body()).unwrap();
    assert_eq!(
        (&body["connector"], &body["name"], &body["status"]),
        (
            &json!("ldap"),
            &json!("HR"),
            &json!("SOURCE_STATE_ERROR_SOURCE")
        )
    );
}

#[tokio::test]
async fn a_source_built_in_code_is_sent_as_built() {
    // Strict in what we send: a value that was never decoded has no record,
    // so an empty name goes as "" (the tenant may refuse it; nothing here
    // turns it into null).
    let source = Source {
        name: String::new(),
        connector: "ldap".into(),
        ..sailpoint_isc::json::decode_slice::<Source>(source(2).to_string().as_bytes()).unwrap()
    };
    let body = sailpoint_isc::json::Encode::encode(&source);
    assert_eq!(
        (&body["name"], &body["connector"]),
        (&json!(""), &json!("ldap"))
    );
}
