//! `sailpoint_isc::mock::MockServer` with bindings generated in this crate
//! (`pagination.yaml`'s lists, `mock.yaml`'s routes) beside the runtime's
//! own: a generated stream over records served by one rule, both paging
//! schemes, routing by the most literal route, an error at mount for a
//! route the server cannot tell from another, and a schema example as the
//! default answer.

use futures_util::TryStreamExt;
use sailpoint_isc::mock::{MockResponse, MockServer};
use sailpoint_isc::{Client, Error, RetryPolicy};
use std::time::Duration;

mod lists {
    sailpoint_isc::include_api!("runtime/pagination.yaml");
}

mod routes {
    sailpoint_isc::include_api!("runtime/mock.yaml");
}

fn client(server: &MockServer) -> Client {
    server
        .client_builder()
        .retry(RetryPolicy::default().with_backoff_base(Duration::from_millis(10)))
        .build()
        .expect("client")
}

fn record(n: i64) -> lists::Record {
    lists::Record {
        id: format!("rec-{n:04}"),
        n,
        group: if n % 2 == 0 { "even" } else { "odd" }.into(),
        extra: Default::default(),
    }
}

#[tokio::test]
async fn one_rule_serves_1001_records_to_a_generated_stream_in_pages_of_250() {
    let server = MockServer::start().await.expect("server");
    let rule = server
        .rule::<lists::ops::ListRecords>()
        .then_list((0..1001).map(record))
        .mount()
        .expect("mount");
    let api = lists::Api::new(client(&server));
    let got: Vec<lists::Record> = api
        .list_records()
        .stream()
        .try_collect()
        .await
        .expect("stream");
    assert_eq!(got.len(), 1001);
    assert!(
        got.iter().zip(0..).all(|(r, n)| r.n == n),
        "in order, each once"
    );
    let offsets: Vec<String> = rule
        .requests()
        .iter()
        .map(|r| {
            format!(
                "{}+{}",
                r.query("offset").unwrap_or("-"),
                r.query("limit").unwrap_or("-")
            )
        })
        .collect();
    assert_eq!(
        offsets,
        ["0+250", "250+250", "500+250", "750+250", "1000+250"]
    );
}

#[tokio::test]
async fn a_search_pages_by_search_after_in_the_sort_it_sends() {
    let server = MockServer::start().await.expect("server");
    let rule = server
        .rule::<lists::ops::SearchPost>()
        .then_list((0..600).map(record))
        .mount()
        .expect("mount");
    let api = lists::Api::new(client(&server));
    let search = lists::Search {
        sort: Some(vec!["-group".into()]),
        ..Default::default()
    };
    let got: Vec<lists::Record> = api
        .search_post(&search)
        .pager()
        .page_size(100)
        .items()
        .try_collect()
        .await
        .expect("stream");
    assert_eq!(got.len(), 600);
    // Odd ones first (`-group`), each group by id (the pager's tiebreaker).
    assert!(
        got[..300].iter().all(|r| r.group == "odd") && got[300..].iter().all(|r| r.group == "even")
    );
    assert!(got[..300].windows(2).all(|w| w[0].id < w[1].id));
    let requests = rule.requests();
    assert_eq!(requests.len(), 7, "six full pages and an empty one");
    // The empty page's request carries the sort values of record 600.
    let last = requests[6].body().and_then(|b| b.search_after.clone());
    assert_eq!(last, Some(vec!["even".to_owned(), "rec-0598".to_owned()]));
}

#[tokio::test]
async fn the_most_literal_route_takes_a_request_and_methods_are_told_apart() {
    let server = MockServer::start().await.expect("server");
    let wg = |id: &str| routes::Workgroup {
        id: id.into(),
        name: "wg".into(),
        extra: Default::default(),
    };
    server
        .rule::<routes::ops::GetWorkgroupSummary>()
        .then_output(wg("by-param"))
        .mount()
        .expect("mount");
    let by_name = server
        .rule::<routes::ops::GetWorkgroupSummaryByName>()
        .then_output(wg("by-literal"))
        .mount()
        .expect("mount");
    let deleted = server
        .rule::<routes::ops::DeleteWorkgroupSummary>()
        .expect(1)
        .then_output(())
        .mount()
        .expect("mount");
    let api = routes::Api::new(client(&server));
    assert_eq!(
        api.get_workgroup_summary("by-name-not")
            .await
            .expect("get")
            .id,
        "by-param"
    );
    let literal = api
        .get_workgroup_summary_by_name("name eq \"x\"")
        .await
        .expect("get");
    assert_eq!(literal.id, "by-literal");
    assert_eq!(
        by_name.requests()[0].query("filters"),
        Some("name eq \"x\"")
    );
    api.delete_workgroup_summary("w1").await.expect("delete");
    assert_eq!(deleted.requests()[0].path_param("workgroupId"), Some("w1"));
    server.verify();
}

#[tokio::test]
async fn a_rule_whose_route_the_server_cannot_tell_from_another_is_refused_at_mount() {
    let server = MockServer::start().await.expect("server");
    server
        .rule::<sailpoint_isc::v2024::ops::GetPasswordChangeStatus>()
        .mount()
        .expect("the first of the two");
    let err = server
        .rule::<routes::ops::GetChangeStatus>()
        .mount()
        .expect_err("collides");
    let text = err.to_string();
    assert!(
        text.starts_with("the `getChangeStatus` rule at tests/runtime/mock.rs:")
            && text.contains(
                "cannot tell `GET /v2024/password-change-status/{requestId}` from \
                 `getPasswordChangeStatus` (`GET /v2024/password-change-status/{id}`)"
            ),
        "{text}"
    );
}

#[tokio::test]
async fn a_schema_example_is_the_default_answer_and_a_documented_404_is_typed() {
    let server = MockServer::start().await.expect("server");
    let missing = routes::ErrorResponse {
        detail_code: Some("404 Not found".into()),
        ..Default::default()
    };
    server
        .rule::<routes::ops::GetWorkgroup>()
        .path("id", "gone")
        .then_error(404, &missing)
        .mount()
        .expect("mount");
    server
        .rule::<routes::ops::GetWorkgroup>()
        .mount()
        .expect("mount");
    let api = routes::Api::new(client(&server));
    let found = api.get_workgroup("any").await.expect("example");
    assert_eq!(found.name, "DB Access Governance Group");
    let err = api.get_workgroup("gone").await.expect_err("404");
    let Error::Api(e) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(
        (e.status().as_u16(), e.body::<routes::ErrorResponse>()),
        (404, Some(&missing))
    );
}

#[tokio::test]
async fn a_required_query_parameter_that_is_missing_is_a_400_naming_the_operation() {
    let server = MockServer::start().await.expect("server");
    server
        .rule::<routes::ops::GetWorkgroupSummaryByName>()
        .then_response(MockResponse::status_only(500))
        .mount()
        .expect("mount");
    let err = client(&server)
        .execute::<serde_json::Value>(sailpoint_isc::Request::get(
            "/v2024/workgroups/by-name/summary",
        ))
        .await
        .expect_err("refused");
    let Error::Api(e) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(e.status(), 400);
    assert_eq!(
        e.message(),
        Some("`getWorkgroupSummaryByName`: the required query parameter `filters` is missing")
    );
}
