//! The client-side rate limit and the retry budget against loopback
//! servers that enforce a limit, or answer 429/503 as scripted
//! (`support::rate_server`).
//!
//! Windows are an hour where a test checks that calls are held back: a
//! call let through wrongly arrives in milliseconds, so "nothing more
//! arrived within [`SETTLE`]" cannot pass by luck on a fast machine, and
//! a slow machine only makes it wait longer. The load test runs on a
//! scaled-down limit (100 per 500 ms) to stay a few seconds long.

use sailpoint_isc::{Client, Error, RateLimit, Request, RetryBudget, RetryPolicy};
use sailpoint_isc_tests::rate_server::{
    create_item, print_side_by_side, run_load, Hit, Mode, RateServer,
};
use std::time::Duration;
use tokio::task::JoinSet;

const HOUR: Duration = Duration::from_secs(3600);
/// How long a held-back call is given to show up wrongly.
const SETTLE: Duration = Duration::from_millis(300);

fn get(path: &'static str) -> Request {
    Request::get(path).operation_id("getThing")
}

/// Spawns `n` calls of `request` on `client`.
fn spawn(set: &mut JoinSet<Result<(), Error>>, client: &Client, request: Request, n: usize) {
    for _ in 0..n {
        let (client, request) = (client.clone(), request.clone());
        set.spawn(async move {
            client
                .execute::<serde_json::Value>(request)
                .await
                .map(|_| ())
        });
    }
}

/// Waits until the server has logged `n` requests (bounded).
async fn wait_for_hits(server: &RateServer, n: usize) -> Vec<Hit> {
    let wait = async {
        loop {
            let hits = server.hits();
            if hits.len() >= n {
                return hits;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    };
    tokio::time::timeout(Duration::from_secs(20), wait)
        .await
        .expect("the requests arrive")
}

/// Waits for every call of `set`, each must succeed (bounded).
async fn all_succeed(mut set: JoinSet<Result<(), Error>>) {
    let all = async {
        while let Some(done) = set.join_next().await {
            done.expect("no panic").expect("the call succeeds");
        }
    };
    tokio::time::timeout(Duration::from_secs(20), all)
        .await
        .expect("every call ends");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_clients_with_the_same_credentials_share_one_limit() {
    let server = RateServer::start(Mode::Ok).await;
    let limit = RateLimit::per(4, HOUR);
    let a = server.builder().rate_limit(limit).build().unwrap();
    let b = server.builder().rate_limit(limit).build().unwrap();
    let mut set = JoinSet::new();
    // Each client: a token request and three calls, eight in all.
    spawn(&mut set, &a, get("/v2024/things"), 3);
    spawn(&mut set, &b.clone(), get("/v2024/things"), 3);
    wait_for_hits(&server, 4).await;
    tokio::time::sleep(SETTLE).await;
    assert_eq!(server.hits().len(), 4, "{:#?}", server.hits());
    set.abort_all();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn different_client_ids_and_api_lines_have_limits_of_their_own() {
    let server = RateServer::start(Mode::Ok).await;
    let limit = RateLimit::per(4, HOUR);
    let a = server.builder().rate_limit(limit).build().unwrap();
    let other = Client::builder()
        .base_url(server.url.as_str())
        .client_credentials("another-client-id", "its-secret")
        .rate_limit(limit)
        .build()
        .unwrap();
    // The token request counts against the line of the call that needed
    // it: v2024 here, so v2024 has 4 - 2 places left after this.
    a.execute::<serde_json::Value>(get("/v2024/things"))
        .await
        .unwrap();
    let mut set = JoinSet::new();
    spawn(&mut set, &a, get("/v2024/things"), 2);
    spawn(&mut set, &a, get("/beta/things"), 4);
    spawn(&mut set, &other, get("/v2024/things"), 3);
    all_succeed(set).await;
    // 2 + 2 on a's v2024, 4 on a's beta, 1 + 3 on the other client's v2024.
    assert_eq!(server.hits().len(), 12);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_429_pauses_every_caller_on_the_key() {
    let server = RateServer::start(Mode::TooManyFirst {
        count: 1,
        retry_after_s: 1,
    })
    .await;
    let client = server.builder().build().unwrap();
    let mut set = JoinSet::new();
    spawn(&mut set, &client, get("/v2024/things"), 1);
    // The token, then the call's first send, answered 429.
    let hits = wait_for_hits(&server, 2).await;
    let rejected = hits.iter().find(|h| h.status == 429).expect("a 429").at;
    // Others start while the key is paused: none may be sent before the
    // second is over, though none of them got a 429 itself.
    spawn(&mut set, &client.clone(), get("/v2024/things"), 5);
    spawn(&mut set, &client.clone(), create_item(1), 1);
    all_succeed(set).await;
    let later: Vec<_> = server.api_hits().into_iter().skip(1).collect();
    assert_eq!(later.len(), 7, "the retry and six calls");
    for h in &later {
        assert!(
            h.at >= rejected + Duration::from_secs(1),
            "{h:?} sent {:?} after the 429",
            h.at - rejected
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn testing_a_workflow_is_held_to_its_own_limit() {
    let server = RateServer::start(Mode::Ok).await;
    let client = server.builder().build().unwrap();
    let test_workflow = Request::post("/beta/workflows/{id}/test")
        .operation_id("testWorkflow")
        .path("id", "wf-1")
        .json(&serde_json::json!({ "input": {} }));
    let mut held = JoinSet::new();
    spawn(&mut held, &client, test_workflow, 7);
    // 5 per 10 s: five go, two wait.
    wait_for_hits(&server, 6).await;
    // Other operations of the line are not held back meanwhile.
    let mut others = JoinSet::new();
    spawn(&mut others, &client, get("/beta/things"), 3);
    all_succeed(others).await;
    tokio::time::sleep(SETTLE).await;
    let tests = server
        .api_hits()
        .iter()
        .filter(|h| h.path.ends_with("/test"))
        .count();
    assert_eq!(tests, 5);
    held.abort_all();
}

/// A server and a client allowed 2 requests an hour, after one call: its
/// token request and the call itself have filled the window.
async fn one_call_into_a_window_of_two() -> (RateServer, Client) {
    let server = RateServer::start(Mode::Ok).await;
    let client = server
        .builder()
        .rate_limit(RateLimit::per(2, HOUR))
        .build()
        .unwrap();
    client
        .execute::<serde_json::Value>(get("/v2024/things"))
        .await
        .unwrap();
    (server, client)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_token_endpoint_counts_against_the_limit() {
    let (server, client) = one_call_into_a_window_of_two().await;
    let mut set = JoinSet::new();
    spawn(&mut set, &client, get("/v2024/things"), 1);
    tokio::time::sleep(SETTLE).await;
    let paths: Vec<_> = server.hits().into_iter().map(|h| h.path).collect();
    assert_eq!(paths, ["/oauth/token", "/v2024/things"]);
    set.abort_all();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_call_waiting_for_its_turn_keeps_its_own_deadline() {
    let (server, client) = one_call_into_a_window_of_two().await;
    // The window is full for an hour: a call with a deadline of its own
    // gives up when it passes instead of waiting.
    let late = client
        .execute::<serde_json::Value>(get("/v2024/things").timeout(Duration::from_millis(200)))
        .await;
    assert!(matches!(late, Err(Error::Timeout { .. })), "{late:?}");
    assert_eq!(server.hits().len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_spent_budget_bounds_the_retries_and_later_calls_fail_fast() {
    let server = RateServer::start(Mode::Unavailable).await;
    // 50 tokens, 5 per retry: ten retries in all while nothing succeeds.
    let client = server
        .builder()
        .retry_budget(RetryBudget::default().with_capacity(50))
        .build()
        .unwrap();
    let mut outcomes = Vec::new();
    for _ in 0..20 {
        outcomes.push(client.execute::<serde_json::Value>(create_item(1)).await);
    }
    // The token request plus 20 first sends plus 10 retries.
    assert_eq!(server.api_hits().len(), 30);
    let attempts: Vec<(bool, u32)> = outcomes
        .iter()
        .map(|o| match o {
            Err(Error::Api(e)) => (false, e.attempts()),
            Err(Error::RetryBudgetSpent { attempts, last, .. }) => {
                assert!(matches!(**last, Error::Api(ref e) if e.status() == 503));
                (true, *attempts)
            }
            other => panic!("{other:?}"),
        })
        .collect();
    // Two calls use their five attempts, the third is cut short, and the
    // other seventeen are sent once each and fail at once.
    assert_eq!(attempts[..3], [(false, 5), (false, 5), (true, 3)]);
    assert!(
        attempts[3..].iter().all(|&a| a == (true, 1)),
        "{attempts:?}"
    );
    let spent = outcomes.last().unwrap().as_ref().unwrap_err().to_string();
    assert!(spent.contains("retry budget is spent"), "{spent}");
    assert!(spent.contains("503"), "{spent}");

    // A per-call policy still applies within the budget: a call that asks
    // for no retries is not told about the budget.
    let once = client
        .execute::<serde_json::Value>(create_item(2).retry_policy(RetryPolicy::none()))
        .await;
    assert!(matches!(once, Err(Error::Api(ref e)) if e.attempts() == 1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_concurrent_posts_stay_within_the_servers_limit() {
    const CALLS: usize = 1000;
    let window = Duration::from_millis(500);
    let mode = Mode::Limit {
        requests: 100,
        window,
    };
    let server = RateServer::start(mode.clone()).await;
    let client = server
        .builder()
        .rate_limit(RateLimit::per(100, window))
        .build()
        .unwrap();
    let on = run_load(&client, &server, CALLS).await;

    let server_off = RateServer::start(mode).await;
    let client_off = server_off
        .builder()
        .rate_limit(RateLimit::off())
        .build()
        .unwrap();
    let off = run_load(&client_off, &server_off, CALLS).await;
    print_side_by_side(
        "1,000 concurrent POSTs, server limit 100 per 500 ms",
        &[("limiter on", &on), ("limiter off", &off)],
    );

    assert_eq!(on.lost, 0, "{on:?}");
    assert_eq!(on.succeeded, CALLS);
    assert_eq!(on.duplicated, 0);
    assert!(on.share_429() <= 0.01, "{on:?}");
    assert!(on.goodput_share() >= 0.9, "{on:?}");
    // Without it the same load does worse, and still never applies a POST
    // twice.
    assert_eq!(off.duplicated, 0);
    assert!(off.answered_429 > on.answered_429, "{off:?}");
}
