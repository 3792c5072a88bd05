//! The paging rules on in-memory collections; the same rules over real HTTP
//! are in `tests/pagination.rs`.

use super::*;
use crate::error::{Error, Result};
use crate::request::Operation;
use futures_util::{StreamExt, TryStreamExt};
use http::{HeaderMap, Method, StatusCode};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

static LIST: Operation = Operation {
    id: "listThings",
    method: Method::GET,
    base_path: "/v2024",
    path: "/things",
    errors: &[],
};

fn api_error(status: u16, body: &str) -> Error {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::IM_A_TEAPOT);
    let target = crate::Request::for_operation(&LIST).target;
    crate::send::api_error(&target, status, HeaderMap::new(), body.to_owned().into(), 1)
}

/// What a fake list answers for an offset at or past the end.
#[derive(Clone, Copy)]
enum PastEnd {
    BadRequest,
    Empty,
}

/// A fake ISC list of `n` records that logs every request; `fail` answers
/// a status for one offset (until cleared).
#[derive(Clone)]
struct Fake {
    n: u64,
    past_end: PastEnd,
    seen: Arc<Mutex<Vec<PageRequest>>>,
    fail: Arc<Mutex<Option<(u64, u16)>>>,
}

impl Fake {
    fn new(n: u64, past_end: PastEnd) -> Self {
        Fake {
            n,
            past_end,
            seen: Arc::default(),
            fail: Arc::default(),
        }
    }

    fn pager(&self) -> OffsetPager<u64> {
        let fake = self.clone();
        OffsetPager::new(ISC_MAX_PAGE_SIZE, move |req| {
            let fake = fake.clone();
            async move { fake.answer(req) }
        })
    }

    fn answer(&self, req: PageRequest) -> Result<Page<u64>> {
        self.seen.lock().unwrap().push(req);
        if let Some((offset, status)) = *self.fail.lock().unwrap() {
            if offset == req.offset {
                return Err(api_error(status, "{}"));
            }
        }
        if req.limit > ISC_MAX_PAGE_SIZE {
            return Err(api_error(400, "limit"));
        }
        if req.offset > 0 && req.offset >= self.n {
            if let PastEnd::BadRequest = self.past_end {
                return Err(api_error(
                    400,
                    r#"{"detailMessage":"Specified offset is invalid."}"#,
                ));
            }
        }
        let end = (req.offset + u64::from(req.limit)).min(self.n);
        let items = (req.offset.min(end)..end).collect();
        Ok(Page::new(items).with_total_count(Some(self.n)))
    }

    fn requests(&self) -> usize {
        self.seen.lock().unwrap().len()
    }
}

#[tokio::test]
async fn every_record_once_in_order_with_page_arithmetic() {
    for past_end in [PastEnd::BadRequest, PastEnd::Empty] {
        for n in [0u64, 1, 6, 7, 8, 249, 250, 251, 500, 1001] {
            for size in [1u32, 7, 250] {
                let fake = Fake::new(n, past_end);
                let mut items = fake.pager().page_size(size).items();
                let mut got = Vec::new();
                while let Some(item) = items.next().await {
                    got.push(item.unwrap());
                }
                assert_eq!(got, (0..n).collect::<Vec<_>>(), "n={n} size={size}");
                assert_eq!(fake.requests() as u64, n / u64::from(size) + 1);
                assert_eq!(items.total_count(), Some(n));
                assert_eq!(items.offset(), n);
                assert!(!items.failed());
            }
        }
    }
}

#[tokio::test]
async fn page_size_defaults_to_the_maximum_and_is_clamped() {
    let fake = Fake::new(600, PastEnd::BadRequest);
    assert_eq!(fake.pager().current_page_size(), 250);
    assert_eq!(fake.pager().page_size(0).current_page_size(), 1);
    assert_eq!(fake.pager().page_size(1000).current_page_size(), 250);
    let pages: Vec<usize> = fake
        .pager()
        .pages()
        .map_ok(|p| p.items.len())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pages, [250, 250, 100]);
}

#[tokio::test]
async fn a_cap_stops_early_and_shrinks_the_last_request() {
    let fake = Fake::new(1000, PastEnd::BadRequest);
    let got: Vec<u64> = fake
        .pager()
        .page_size(7)
        .max_items(10)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(got, (0..10).collect::<Vec<_>>());
    let seen = fake.seen.lock().unwrap().clone();
    let expected = [
        PageRequest {
            offset: 0,
            limit: 7,
        },
        PageRequest {
            offset: 7,
            limit: 3,
        },
    ];
    assert_eq!(seen, expected);
}

#[tokio::test]
async fn a_first_page_400_is_an_error_not_an_end() {
    let fake = Fake::new(10, PastEnd::BadRequest);
    *fake.fail.lock().unwrap() = Some((0, 400));
    let mut items = fake.pager().items();
    let err = items.next().await.unwrap().unwrap_err();
    assert!(matches!(&err, Error::Api(e) if e.status() == 400));
    assert!(items.failed());
    assert!(items.next().await.is_none(), "fused after an error");
}

#[tokio::test]
async fn a_400_after_a_short_page_is_an_error() {
    // A server that answers a short page, then (wrongly) a 400 for the next
    // offset: the stream must not even ask, since a short page ends it.
    let fake = Fake::new(5, PastEnd::BadRequest);
    let got: Vec<u64> = fake.pager().items().try_collect().await.unwrap();
    assert_eq!(got.len(), 5);
    assert_eq!(fake.requests(), 1);
}

#[tokio::test]
async fn a_resumed_stream_continues_without_loss_or_repeat() {
    let fake = Fake::new(100, PastEnd::BadRequest);
    *fake.fail.lock().unwrap() = Some((35, 500));
    let mut items = fake.pager().page_size(7).items();
    let mut got = Vec::new();
    let err = loop {
        match items.next().await.unwrap() {
            Ok(v) => got.push(v),
            Err(e) => break e,
        }
    };
    assert!(matches!(&err, Error::Api(e) if e.status() == 500));
    assert_eq!(items.offset(), 35);
    *fake.fail.lock().unwrap() = None;
    items.resume();
    while let Some(v) = items.next().await {
        got.push(v.unwrap());
    }
    assert_eq!(got, (0..100).collect::<Vec<_>>());
}

#[tokio::test]
async fn start_at_the_exact_end_after_a_failure_is_an_empty_stream() {
    // 500 records, pages of 250: the third request (offset 500) fails with
    // a 503; a new stream started there gets ISC's 400 and ends cleanly.
    let fake = Fake::new(500, PastEnd::BadRequest);
    *fake.fail.lock().unwrap() = Some((500, 503));
    let mut items = fake.pager().items();
    let mut got = 0;
    while let Some(Ok(_)) = items.next().await {
        got += 1;
    }
    assert_eq!((got, items.offset(), items.failed()), (500, 500, true));
    *fake.fail.lock().unwrap() = None;
    let rest: Vec<u64> = fake
        .pager()
        .start_at(500)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert!(rest.is_empty());
    // The same stream resumed knows it is right after a full page.
    items.resume();
    assert!(items.next().await.is_none());
    assert!(!items.failed());
}

#[tokio::test]
async fn a_400_below_the_total_count_is_an_error_even_after_a_full_page() {
    let fake = Fake::new(100, PastEnd::BadRequest);
    *fake.fail.lock().unwrap() = Some((50, 400));
    let mut items = fake.pager().page_size(10).items();
    let mut got = 0;
    while let Some(Ok(_)) = items.next().await {
        got += 1;
    }
    assert_eq!((got, items.failed(), items.offset()), (50, true, 50));
}

#[tokio::test]
async fn start_at_with_another_400_is_an_error() {
    let fake = Fake::new(500, PastEnd::BadRequest);
    *fake.fail.lock().unwrap() = Some((100, 400));
    let mut items = fake.pager().start_at(100).items();
    assert!(items.next().await.unwrap().is_err());
}

#[tokio::test]
async fn dropping_after_the_first_item_sent_one_request() {
    let fake = Fake::new(10_000, PastEnd::BadRequest);
    let mut items = fake.pager().page_size(1).items();
    assert_eq!(fake.requests(), 0, "nothing is sent before the first poll");
    assert_eq!(items.next().await.unwrap().unwrap(), 0);
    drop(items);
    assert_eq!(fake.requests(), 1);
}

#[test]
fn total_count_reads_the_header() {
    let mut headers = HeaderMap::new();
    headers.insert("x-total-count", " 42 ".parse().unwrap());
    assert_eq!(Page::from_headers(vec![1], &headers).total_count, Some(42));
    headers.insert("x-total-count", "-1".parse().unwrap());
    assert_eq!(total_count(&headers), None);
}

// ---------------------------------------------------------------- searchAfter

fn search_pager(docs: Arc<Vec<Value>>, calls: Arc<AtomicUsize>) -> SearchAfterPager<Value> {
    SearchAfterPager::new(10_000, move |req: SearchAfterRequest| {
        let docs = docs.clone();
        calls.fetch_add(1, Ordering::SeqCst);
        async move {
            // The documents are stored sorted by (group, id).
            assert_eq!(req.sort, ["group", "id"]);
            let after = req.search_after.map(|v| (v[0].clone(), v[1].clone()));
            let key = |d: &Value| (d["group"].to_string(), d["id"].to_string());
            let items = docs
                .iter()
                .filter(|d| {
                    after
                        .as_ref()
                        .is_none_or(|(g, i)| key(d) > (g.to_string(), i.to_string()))
                })
                .take(req.limit as usize)
                .cloned()
                .collect();
            Ok(Page::new(items))
        }
    })
}

#[tokio::test]
async fn search_after_adds_the_id_and_carries_the_last_values() {
    let docs: Vec<Value> = (0..50)
        .map(|n| json!({"id": format!("id-{n:03}"), "group": if n < 40 { "a" } else { "b" }}))
        .collect();
    let calls = Arc::new(AtomicUsize::new(0));
    let pager = search_pager(Arc::new(docs.clone()), calls.clone())
        .sort(["group"])
        .page_size(7);
    assert_eq!(pager.effective_sort(), ["group", "id"]);
    let got: Vec<Value> = pager.items().try_collect().await.unwrap();
    assert_eq!(got, docs);
    assert_eq!(calls.load(Ordering::SeqCst), 50 / 7 + 1);
}

#[test]
fn the_id_is_added_only_when_absent() {
    let pager = |sort: &[&str]| {
        SearchAfterPager::<Value>::new(0, |_| async { Ok(Page::new(vec![])) })
            .sort(sort.iter().copied())
            .effective_sort()
    };
    assert_eq!(pager(&[]), ["id"]);
    assert_eq!(pager(&["-created", "name"]), ["-created", "name", "id"]);
    assert_eq!(pager(&["name", "-id"]), ["name", "-id"]);
    assert_eq!(pager(&["+id", "name"]), ["+id", "name"]);
    assert_eq!(pager(&["name:asc"]), ["name:asc", "id:asc"]);
    assert_eq!(pager(&["name:desc", "id:desc"]), ["name:desc", "id:desc"]);
}

#[test]
fn sort_values_read_dotted_and_missing_fields() {
    let doc = json!({"id": "x", "a.b": 1, "m": {"n": {"o": true}}});
    let sort: Vec<String> = ["a.b", "-m.n.o", "absent:desc", "+id"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(
        sort_values(&doc, &sort),
        [json!(1), json!(true), Value::Null, json!("x")]
    );
}

#[tokio::test]
async fn a_server_ignoring_search_after_cannot_loop_the_stream() {
    let calls = Arc::new(AtomicUsize::new(0));
    let counted = calls.clone();
    let pager = SearchAfterPager::new(10_000, move |req: SearchAfterRequest| {
        counted.fetch_add(1, Ordering::SeqCst);
        let page = (0..req.limit).map(|n| json!({ "id": n })).collect();
        async move { Ok(Page::<Value>::new(page)) }
    });
    let got: Vec<Value> = pager.page_size(3).items().try_collect().await.unwrap();
    assert_eq!(got.len(), 3);
    assert_eq!(calls.load(Ordering::SeqCst), 2);
}

#[test]
fn streams_can_move_to_another_task() {
    fn send<T: Send>() {}
    send::<OffsetItems<String>>();
    send::<OffsetPages<String>>();
    send::<SearchAfterItems<Value>>();
    send::<SearchAfterPages<Value>>();
}

/// A search over ids 0..n sorted by id that fails once with `status` for
/// the page after id `fail_after`, and logs the `limit` of every request.
fn failing_search(
    n: u64,
    fail_after: Option<u64>,
    status: u16,
) -> (SearchAfterPager<Value>, Arc<Mutex<Vec<u32>>>) {
    let limits = Arc::new(Mutex::new(Vec::new()));
    let log = limits.clone();
    let failed = Arc::new(AtomicUsize::new(0));
    let pager = SearchAfterPager::new(10_000, move |req: SearchAfterRequest| {
        log.lock().unwrap().push(req.limit);
        let start = req.search_after.map_or(0, |v| v[0].as_u64().unwrap() + 1);
        let fail = fail_after.is_some_and(|id| start == id + 1)
            && failed.fetch_add(1, Ordering::SeqCst) == 0;
        async move {
            if fail {
                return Err(api_error(status, "{}"));
            }
            let end = (start + u64::from(req.limit)).min(n);
            let items = (start..end).map(|id| json!({ "id": id })).collect();
            Ok(Page::new(items).with_total_count(Some(n)))
        }
    });
    (pager, limits)
}

#[tokio::test]
async fn a_search_after_error_fuses_and_resumes_from_the_last_values() {
    // Unlike offset paging, a 400 right after a full page is not an end.
    let (pager, limits) = failing_search(20, Some(9), 400);
    let mut items = pager.page_size(5).items();
    let mut got = Vec::new();
    let err = loop {
        match items.next().await.unwrap() {
            Ok(v) => got.push(v["id"].as_u64().unwrap()),
            Err(e) => break e,
        }
    };
    assert!(matches!(&err, Error::Api(e) if e.status() == 400));
    assert_eq!((got.len(), items.unread(), items.failed()), (10, 0, true));
    assert_eq!(items.search_after(), Some(&[json!(9)][..]));
    assert_eq!(items.total_count(), Some(20));
    assert!(items.next().await.is_none(), "fused after an error");
    items.resume();
    while let Some(v) = items.next().await {
        got.push(v.unwrap()["id"].as_u64().unwrap());
    }
    assert_eq!(got, (0..20).collect::<Vec<_>>());
    assert!(!items.failed());
    // Ids 0 and 5, the failure at 10 and its retry, 15, and the empty page
    // that ends the list after the full page at 15.
    assert_eq!(limits.lock().unwrap().len(), 6);
}

#[tokio::test]
async fn a_search_after_cap_shrinks_the_last_request() {
    let (pager, limits) = failing_search(100, None, 500);
    let got: Vec<Value> = pager
        .page_size(7)
        .max_items(10)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(got.len(), 10);
    assert_eq!(*limits.lock().unwrap(), [7, 3]);
}
