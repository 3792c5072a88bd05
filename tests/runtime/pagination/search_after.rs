//! A search paged by `searchAfter` (`POST /v2024/search`): nothing skipped
//! or repeated among equal sort values, why the id tie-breaker is needed,
//! faults and resuming, and the caller's sort in the body.

use super::api::Search;
use super::{api, bad_request, read_until_error, ListQuery, Record};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use futures_util::{StreamExt, TryStreamExt};
use sailpoint_isc::json::Encode;
use sailpoint_isc::paginate::SearchAfterPager;
use sailpoint_isc::{Client, Error};
use sailpoint_isc_tests::tenant::{self, TokenEndpoint};
use serde_json::Value;
use std::cmp::Ordering;
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::sync::{Arc, Mutex};

/// A search index: `POST /v2024/search` sorts by the body's `sort` (`-` for
/// descending), answers the records strictly after `searchAfter`, at most
/// `limit` (≤ 10,000). `fail` statuses are answered first, in order.
struct SearchServer {
    docs: Vec<Record>,
    requests: AtomicUsize,
    fail: Mutex<VecDeque<u16>>,
    /// The records in each order asked for so far.
    orders: Mutex<HashMap<Vec<String>, Arc<Vec<Value>>>>,
}

async fn search(
    State(s): State<Arc<SearchServer>>,
    Query(q): Query<ListQuery>,
    Json(body): Json<Value>,
) -> Response {
    s.requests.fetch_add(1, SeqCst);
    if let Some(status) = s.fail.lock().unwrap().pop_front() {
        let mut resp = (StatusCode::from_u16(status).unwrap(), "{}").into_response();
        resp.headers_mut()
            .insert("retry-after", "0".parse().unwrap());
        return resp;
    }
    let limit = q.limit.unwrap_or(10_000);
    let sort: Vec<String> = serde_json::from_value(body["sort"].clone()).unwrap_or_default();
    let after = body.get("searchAfter").and_then(Value::as_array);
    if limit == 0 || limit > 10_000 || after.is_some_and(|a| a.len() != sort.len()) {
        return bad_request("bad search");
    }
    let docs = s.sorted(&sort);
    // The records strictly after `searchAfter` are a suffix of the order.
    let start = after.map_or(0, |a| {
        docs.partition_point(|d| compare_values(d, a, &sort) != Ordering::Greater)
    });
    let end = (start + limit as usize).min(docs.len());
    Json(&docs[start..end]).into_response()
}

impl SearchServer {
    /// Every record, as JSON, in the order of `sort`.
    fn sorted(&self, sort: &[String]) -> Arc<Vec<Value>> {
        let mut orders = self.orders.lock().unwrap();
        let docs = orders.entry(sort.to_vec()).or_insert_with(|| {
            let key = |d: &Value| -> Vec<Value> {
                sort.iter()
                    .map(|f| d[f.trim_start_matches('-')].clone())
                    .collect()
            };
            let mut docs: Vec<Value> = self.docs.iter().map(Encode::encode).collect();
            docs.sort_by(|a, b| compare_values(a, &key(b), sort));
            Arc::new(docs)
        });
        docs.clone()
    }
}

/// Orders `doc` against sort values, field by field.
fn compare_values(doc: &Value, values: &[Value], sort: &[String]) -> Ordering {
    for (field, value) in sort.iter().zip(values) {
        let name = field.trim_start_matches('-');
        let ord = match (&doc[name], value) {
            (Value::Number(x), Value::Number(y)) => x.as_u64().cmp(&y.as_u64()),
            (x, y) => x.as_str().cmp(&y.as_str()),
        };
        let ord = if field.starts_with('-') {
            ord.reverse()
        } else {
            ord
        };
        if ord != Ordering::Equal {
            return ord;
        }
    }
    Ordering::Equal
}

/// 1,000 records stored in a scrambled order; 700 share the group `same`.
async fn search_server() -> (Arc<SearchServer>, Client) {
    let docs = (0..1_000u64)
        .map(|i| {
            let n = (i * 7_919) % 1_000;
            let group = if n % 10 < 7 {
                "same".to_owned()
            } else {
                format!("g{n:04}")
            };
            Record {
                group,
                ..Record::nth(n)
            }
        })
        .collect();
    let server = Arc::new(SearchServer {
        docs,
        requests: AtomicUsize::new(0),
        fail: Mutex::default(),
        orders: Mutex::default(),
    });
    let router = Router::new()
        .route("/v2024/search", post(search))
        .with_state(server.clone())
        .merge(TokenEndpoint::new(3600).router());
    let base = tenant::serve(router).await;
    (server, tenant::client(&base))
}

/// The generated search call's pager: the caller's search body with the
/// pager's `sort` and `searchAfter`, `limit` in the query.
fn searcher(client: &Client) -> SearchAfterPager<Record> {
    let search = Search {
        indices: Some(vec!["identities".into()]),
        query: Some(api::SearchQuery {
            query: Some("*".into()),
            ..Default::default()
        }),
        ..Default::default()
    };
    api(client).search_post(&search).pager()
}

/// The server's own full order for `sort`, as record numbers.
fn sorted(server: &SearchServer, sort: &[&str]) -> Vec<u64> {
    let sort: Vec<String> = sort.iter().map(|s| s.to_string()).collect();
    let docs = server.sorted(&sort);
    docs.iter().map(|d| d["n"].as_u64().unwrap()).collect()
}

#[tokio::test]
async fn search_after_with_many_equal_sort_values_skips_and_repeats_nothing() {
    let (server, client) = search_server().await;
    let cases: [(&[&str], &[&str]); 4] = [
        (&[], &["id"]),
        (&["-group"], &["-group", "id"]),
        (&["group"], &["group", "id"]),
        (&["group", "-id"], &["group", "-id"]),
    ];
    for (sort, sent) in cases {
        for size in [7u32, 250, 10_000] {
            server.requests.store(0, SeqCst);
            let items = searcher(&client)
                .sort(sort.iter().copied())
                .page_size(size)
                .items();
            assert_eq!(items.sort(), sent);
            let got: Vec<u64> = items.map_ok(|r| r.n as u64).try_collect().await.unwrap();
            assert_eq!(
                got,
                sorted(&server, sent),
                "sort {sort:?}, page size {size}"
            );
            assert_eq!(server.requests.load(SeqCst), 1_000 / size as usize + 1);
        }
    }
}

#[tokio::test]
async fn without_the_id_tie_breaker_records_would_be_skipped() {
    // The flaw the id key fixes, shown on the same server: paging by the
    // group alone loses the records that share a group across pages.
    let (_server, client) = search_server().await;
    let got: Vec<Record> = searcher(&client)
        .sort(["-group"])
        .id_field("group")
        .page_size(7)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert!(got.len() < 1_000 - 600, "only {} records", got.len());
}

#[tokio::test]
async fn search_after_survives_429s_and_resumes_after_a_failure() {
    let (server, client) = search_server().await;
    server.fail.lock().unwrap().extend([429, 503, 429]);
    let got: Vec<Record> = searcher(&client)
        .sort(["-group"])
        .page_size(50)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(got.len(), 1_000);
    assert_eq!(server.requests.load(SeqCst), 1_000 / 50 + 1 + 3);

    // A permanent failure on the 5th page (429 with Retry-After over the
    // cap would do; a 500 is simplest), then a new stream after it.
    let mut items = searcher(&client).sort(["-group"]).page_size(50).items();
    let mut seen: Vec<u64> = Vec::new();
    for _ in 0..200 {
        seen.push(items.next().await.unwrap().unwrap().n as u64);
    }
    server.fail.lock().unwrap().push_back(500);
    let (more, err) = read_until_error(&mut items).await;
    assert!(more.is_empty() && matches!(&err, Error::Api(e) if e.status() == 500));
    let cursor = items.search_after().unwrap().to_vec();
    let rest: Vec<u64> = searcher(&client)
        .sort(["-group"])
        .page_size(50)
        .start_after(cursor)
        .items()
        .map_ok(|r| r.n as u64)
        .try_collect()
        .await
        .unwrap();
    seen.extend(rest);
    assert_eq!(seen, sorted(&server, &["-group", "id"]));
}

/// `max_items` on the search builder: 1,000 documents match, 25 arrive,
/// from one request for 25.
#[tokio::test]
async fn max_items_on_the_search_builder_caps_the_stream_and_the_requests() {
    let (server, client) = search_server().await;
    let got: Vec<Record> = api(&client)
        .search_post(&Search::default())
        .max_items(25)
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(got.len(), 25);
    assert_eq!(server.requests.load(SeqCst), 1);
}

#[tokio::test]
async fn the_sort_in_the_search_body_is_the_callers_sort() {
    let (server, client) = search_server().await;
    let search = Search {
        sort: Some(vec!["-group".into()]),
        ..Default::default()
    };
    let got: Vec<u64> = api(&client)
        .search_post(&search)
        .limit(100)
        .stream()
        .map_ok(|r| r.n as u64)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(got, sorted(&server, &["-group", "id"]));
    assert_eq!(server.requests.load(SeqCst), 1_000 / 100 + 1);
}
