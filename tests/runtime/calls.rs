//! Issue 12: the call surface on a loopback server. Optional parameters are
//! set by name and reach the wire as the spec says; per-call options (extra
//! headers, a deadline, a retry policy) change one call only;
//! `send_with_response` reads the status and headers back; date-times decode
//! whatever ISC sends and go back byte for byte.

use axum::routing::get;
use axum::Router;
use sailpoint_isc::{Client, DateTime, Error, RetryPolicy};
use sailpoint_isc_tests::scripted::{Reply, Scripted};
use serde_json::json;
use std::time::{Duration, Instant};

#[allow(dead_code)]
mod api {
    sailpoint_isc::include_api!("ui/specs/calls.yaml");
}
use api::*;

fn client_with(
    base: &str,
    f: impl FnOnce(sailpoint_isc::ClientBuilder) -> sailpoint_isc::ClientBuilder,
) -> Api {
    let builder = Client::builder().base_url(base).bearer_token("test-token");
    Api::new(f(builder).build().expect("a valid test configuration"))
}

fn event(id: &str) -> Event {
    Event {
        id: id.into(),
        at: None,
        ended: None,
        on: None,
        extra: Default::default(),
    }
}

fn client(base: &str) -> Api {
    client_with(base, |b| b)
}

/// The query pairs as sent, decoded.
fn pairs(query: Option<&str>) -> Vec<(String, String)> {
    let url = reqwest::Url::parse(&format!("http://h/?{}", query.unwrap_or(""))).expect("a URL");
    url.query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

#[tokio::test]
async fn setters_put_each_optional_parameter_on_the_wire_by_its_name() {
    let (server, base) = Scripted::start().await;
    let api = client(&base);
    server.reply(Reply::json(200, json!([])));
    server.reply(Reply::json(200, json!([])));

    // ISC's "unsigned" date, which is not RFC 3339: sent as it was received.
    let odd = DateTime::from_wire("-5877585-01-28T05:08:53.857Z");
    let events = api
        .list_events("src 1")
        .limit(10)
        .limit(20) // set again: the last value wins
        .filters("type eq \"CREATED\"")
        .types([ListEventsTypesItem::Created, ListEventsTypesItem::Deleted])
        .ids(vec!["a", "b"])
        .since(odd)
        .day("2024-05-01")
        .x_trace_id("trace-1")
        .await
        .expect("an empty list");
    assert!(events.is_empty());
    // Operations without optional parameters keep their one-line form.
    api.list_events("src").await.expect("an empty list");

    let seen = server.take();
    assert_eq!(seen[0].path, "/v2024/sources/src%201/events");
    assert_eq!(
        pairs(seen[0].query.as_deref()),
        [
            ("limit", "20"),
            ("filters", "type eq \"CREATED\""),
            ("types", "CREATED"),
            ("types", "DELETED"),
            ("ids", "a,b"),
            ("since", "-5877585-01-28T05:08:53.857Z"),
            ("day", "2024-05-01"),
        ]
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
    );
    assert_eq!(seen[0].header("x-trace-id"), Some("trace-1"));
    assert_eq!(seen[1].query, None, "nothing set, nothing sent");
    assert_eq!(seen[1].header("x-trace-id"), None);
}

#[tokio::test]
async fn date_times_decode_whatever_isc_sends_and_go_back_unchanged() {
    let (server, base) = Scripted::start().await;
    let api = client(&base);
    server.reply(Reply::json(
        200,
        json!([
            {"id": "rfc", "at": "2024-05-01T10:00:00.123456+02:00", "ended": null, "on": "2024-05-01"},
            {"id": "odd", "at": "-5877585-01-28T05:08:53.857Z", "on": "0000-00-00"},
            {"id": "none"}
        ]),
    ));
    let events = api.list_events("s").await.expect("every value decodes");

    let at = events[0].at.as_ref().expect("present");
    assert!(at.is_parsed());
    assert_eq!(at.as_str(), "2024-05-01T10:00:00.123456+02:00");
    assert_eq!(
        events[0].ended,
        Some(None),
        "null is kept apart from absent"
    );
    assert!(events[0].on.as_ref().is_some_and(|d| d.is_parsed()));

    let odd = events[1].at.as_ref().expect("present");
    assert!(!odd.is_parsed(), "not RFC 3339, reported as unparsed");
    assert_eq!(odd.as_str(), "-5877585-01-28T05:08:53.857Z");
    assert!(events[1].on.as_ref().is_some_and(|d| !d.is_parsed()));
    assert_eq!(events[1].ended, None);
    assert_eq!(
        (events[2].at.as_ref(), events[2].ended.as_ref()),
        (None, None)
    );

    // Sent back: the text is byte for byte what came.
    server.reply(Reply::json(201, json!({"id": "odd"})));
    api.create_event(&events[1]).await.expect("created");
    server.take();
    server.reply(Reply::json(201, json!({"id": "rfc"})));
    api.create_event(&events[0]).await.expect("created");
    let body = String::from_utf8(server.take()[0].body.to_vec()).expect("UTF-8");
    assert!(
        body.contains(r#""at":"2024-05-01T10:00:00.123456+02:00""#),
        "{body}"
    );
    assert!(body.contains(r#""ended":null"#), "{body}");
}

#[tokio::test]
async fn an_odd_date_time_round_trips_byte_for_byte() {
    let (server, base) = Scripted::start().await;
    let api = client(&base);
    server.reply(Reply::json(
        200,
        json!({"id": "x", "at": "-5877585-01-28T05:08:53.857Z"}),
    ));
    server.reply(Reply::json(201, json!({"id": "x"})));
    let event = api.get_event("x").await.expect("decodes");
    api.create_event(&event).await.expect("created");
    let sent = server.take().pop().expect("a request").json();
    assert_eq!(
        sent,
        json!({"id": "x", "at": "-5877585-01-28T05:08:53.857Z"})
    );
}

#[tokio::test]
async fn extra_headers_reach_the_server_and_the_last_one_set_wins() {
    let (server, base) = Scripted::start().await;
    let api = client(&base);
    server.reply(Reply::json(200, json!({"id": "x"})));
    server.reply(Reply::json(200, json!([])));
    api.get_event("x")
        .header("X-Request-Source", "first")
        .header("x-request-source", "nightly-sync")
        .header(String::from("X-Run"), 7)
        .await
        .expect("answered");
    // On a builder too, next to a header parameter.
    api.list_events("s")
        .x_trace_id("t")
        .header("X-Request-Source", "builder")
        .await
        .expect("answered");
    let seen = server.take();
    let values: Vec<_> = seen[0].headers.get_all("x-request-source").iter().collect();
    assert_eq!(values, ["nightly-sync"]);
    assert_eq!(seen[0].header("x-run"), Some("7"));
    assert_eq!(seen[0].header("authorization"), Some("Bearer test-token"));
    assert_eq!(seen[1].header("x-request-source"), Some("builder"));
    assert_eq!(seen[1].header("x-trace-id"), Some("t"));
}

#[tokio::test]
async fn a_header_http_does_not_allow_fails_before_anything_is_sent() {
    let (server, base) = Scripted::start().await;
    let api = client(&base);
    let err = api
        .get_event("x")
        .header("X-Secret", "line\nbreak")
        .await
        .expect_err("refused");
    match &err {
        Error::Header {
            operation, name, ..
        } => {
            assert_eq!((*operation, name.as_str()), ("getEvent", "X-Secret"));
        }
        other => panic!("expected Error::Header, got {other:?}"),
    }
    assert!(
        !err.to_string().contains("line"),
        "the value is not shown: {err}"
    );
    let err = api
        .get_event("x")
        .header("Bad Name", "v")
        .await
        .expect_err("refused");
    assert!(matches!(err, Error::Header { .. }), "{err:?}");
    assert!(server.take().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn send_with_response_answers_status_headers_and_body() {
    let (server, base) = Scripted::start().await;
    let api = client(&base);
    let mut reply = Reply::json(200, json!([{"id": "a"}, {"id": "b"}]));
    reply.headers.push(("X-Total-Count".into(), "1234".into()));
    reply.headers.push(("X-Request-Id".into(), "req-9".into()));
    server.reply(reply);
    let response = api
        .list_events("s")
        .limit(2)
        .send_with_response()
        .await
        .expect("answered");
    assert_eq!(response.status(), 200);
    assert_eq!(response.total_count(), Some(1234));
    assert_eq!(response.header("x-request-id"), Some("req-9"));
    assert_eq!(response.body().len(), 2);
    let (_, headers, body) = response.into_parts();
    assert_eq!(
        headers.get("content-type").map(|v| v.as_bytes()),
        Some(&b"application/json"[..])
    );
    assert_eq!(body[1].id, "b");

    // On an operation without optional parameters, and with an empty answer.
    server.reply(Reply {
        status: 204,
        body: String::new(),
        headers: vec![],
    });
    let response = api
        .touch_event("e")
        .send_with_response()
        .await
        .expect("done");
    assert_eq!(response.status(), 204);
    assert_eq!(response.into_body(), ());
}

#[tokio::test]
async fn an_optional_body_is_sent_only_when_set() {
    let (server, base) = Scripted::start().await;
    let api = client(&base);
    for _ in 0..2 {
        server.reply(Reply {
            status: 204,
            body: String::new(),
            headers: vec![],
        });
    }
    api.touch_event("e").await.expect("done");
    let event = event("e");
    api.touch_event("e").body(&event).await.expect("done");
    let seen = server.take();
    assert!(seen[0].body.is_empty());
    assert_eq!(seen[0].header("content-type"), None);
    assert_eq!(seen[1].json(), json!({"id": "e"}));
}

/// 429 with `Retry-After: 0` three times, then success.
fn throttled_then_created(server: &Scripted) {
    for _ in 0..3 {
        let mut r = Reply::json(429, json!({"message": "slow down"}));
        r.headers.push(("Retry-After".into(), "0".into()));
        server.reply(r);
    }
    server.reply(Reply::json(201, json!({"id": "n"})));
}

#[tokio::test]
async fn a_post_with_retries_off_is_sent_once() {
    let (server, base) = Scripted::start().await;
    let api = client(&base);
    let event = event("n");

    throttled_then_created(&server);
    let err = api
        .create_event(&event)
        .retry_policy(RetryPolicy::none())
        .await
        .expect_err("the 429 is the answer");
    match err {
        Error::Api(e) => assert_eq!((e.status().as_u16(), e.attempts()), (429, 1)),
        other => panic!("expected Error::Api, got {other:?}"),
    }
    assert_eq!(server.take().len(), 1, "sent once");

    // The client's own policy is unchanged: the next call retries the 429s.
    server.take();
    let created = api.create_event(&event).await;
    // The script still holds two 429s and the 201.
    assert_eq!(created.expect("retried to success").id, "n");
    assert_eq!(server.take().len(), 3);
}

/// A server whose one route answers after `delay`.
async fn slow_server(delay: Duration) -> String {
    let router = Router::new().route(
        "/v2024/events/{id}",
        get(move || async move {
            tokio::time::sleep(delay).await;
            axum::Json(json!({"id": "slow"}))
        }),
    );
    sailpoint_isc_tests::net::serve(router).await
}

#[tokio::test]
async fn a_per_call_timeout_ends_that_call_only() {
    // The server takes 10 s; the client would wait 60 s.
    let base = slow_server(Duration::from_secs(10)).await;
    let api = client_with(&base, |b| b.request_timeout(Duration::from_secs(60)));
    let started = Instant::now();
    let err = api
        .get_event("x")
        .timeout(Duration::from_millis(200))
        .await
        .expect_err("times out");
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    // Well before the server would have answered, retries included.
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_per_call_timeout_can_be_longer_than_the_clients() {
    // The server takes 400 ms; the client allows 100 ms per attempt and
    // gives up after one.
    let base = slow_server(Duration::from_millis(400)).await;
    let api = client_with(&base, |b| {
        b.request_timeout(Duration::from_millis(100))
            .retry(RetryPolicy::none())
    });
    let err = api
        .get_event("x")
        .await
        .expect_err("the client's own timeout");
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    let event = api
        .get_event("x")
        .timeout(Duration::from_secs(20))
        .await
        .expect("this call may wait longer");
    assert_eq!(event.id, "slow");
}

#[tokio::test]
async fn calls_are_lazy_and_can_be_spawned() {
    let (server, base) = Scripted::start().await;
    let api = client(&base);
    let call = api.get_event("x");
    drop(call);
    let pending = api.list_events("s").limit(1);
    assert!(server.take().is_empty(), "building a call sends nothing");
    server.reply(Reply::json(200, json!([{"id": "spawned"}])));
    let handle = tokio::spawn(pending.send());
    let events = handle.await.expect("joined").expect("answered");
    assert_eq!(events[0].id, "spawned");
    assert_eq!(server.take().len(), 1);
}

#[test]
fn debug_of_a_call_shows_names_not_values() {
    let api = client("http://127.0.0.1:9");
    let call = api
        .list_events("secret-source")
        .filters("secret-filter")
        .header("X-Api-Key", "secret-key");
    let text = format!("{call:?}");
    assert!(!text.contains("secret"), "{text}");
    assert!(
        text.contains("filters") && text.contains("X-Api-Key"),
        "{text}"
    );
}

/// Optional parameters named like a builder's own methods (`timeout`,
/// `send`, `header`, `stream`, `retry_policy`, `max_items`) get `_param`
/// setters, and the
/// builder's methods of those names still do what they always do.
#[tokio::test]
async fn parameters_named_like_builder_methods_keep_both_meanings() {
    let (server, base) = Scripted::start().await;
    let api = client(&base);
    server.reply(Reply::json(503, json!({})));
    server.reply(Reply::json(200, json!([{ "id": "e1" }])));

    let call = api
        .list_reserved()
        .timeout_param("30s")
        .send_param(true)
        .header_param("h v")
        .stream_param(2)
        .retry_policy_param("never")
        .max_items_param(9)
        .header("X-Per-Call", "yes")
        .timeout(Duration::from_secs(7))
        .retry_policy(RetryPolicy::none());
    assert!(
        format!("{call:?}").contains("timeout: Some(7s)"),
        "{call:?}"
    );
    let err = call.send().await.expect_err("a 503 sent once");
    assert!(
        matches!(&err, Error::Api(e) if e.attempts() == 1),
        "{err:?}"
    );

    // `stream` is the builder's stream, with `stream_param` on every page;
    // `max_items` its cap (one record: the page asks for one), while
    // `max_items_param` goes on the wire.
    let items: Vec<Event> = futures_util::TryStreamExt::try_collect(
        api.list_reserved()
            .stream_param(3)
            .max_items_param(4)
            .limit(5)
            .max_items(1)
            .stream(),
    )
    .await
    .expect("one short page");
    assert_eq!(items, [event("e1")]);

    let seen = server.take();
    assert_eq!(seen.len(), 2, "one request each: no retry, one page");
    assert_eq!(seen[0].path, "/v2024/reserved");
    assert_eq!(seen[0].header("x-per-call"), Some("yes"));
    let mut first = pairs(seen[0].query.as_deref());
    first.sort();
    let expect = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    assert_eq!(
        first,
        expect(&[
            ("header", "h v"),
            ("maxItems", "9"),
            ("retryPolicy", "never"),
            ("send", "true"),
            ("stream", "2"),
            ("timeout", "30s"),
        ])
    );
    let mut second = pairs(seen[1].query.as_deref());
    second.sort();
    assert_eq!(
        second,
        expect(&[
            ("limit", "1"),
            ("maxItems", "4"),
            ("offset", "0"),
            ("stream", "3")
        ])
    );
}

/// The generator's list of names a setter never takes is the runtime's
/// list of builder methods: a method added to one and not the other would
/// let a spec parameter collide with it.
#[test]
fn the_generator_reserves_exactly_the_builder_methods_of_the_runtime() {
    let sorted = |names: &[&'static str]| {
        let mut v = names.to_vec();
        v.sort_unstable();
        v
    };
    assert_eq!(
        sorted(sailpoint_isc_codegen::unstable::names::RESERVED_SETTERS),
        sorted(sailpoint_isc::__private::v1::BUILDER_METHODS)
    );
}
