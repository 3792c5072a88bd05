//! One client under load against the embedded mock tenant on 127.0.0.1:
//! a thousand concurrent calls with a fifth of the answers injected as 429s
//! and 5xx, and token expiry in the middle of the load. Every call must end,
//! in a success or a typed error; no set-password may take effect twice; and
//! the token cache must make one token request per token lifetime.

use sailpoint_isc::beta::PasswordInfoQueryDtoBeta;
use sailpoint_isc::mock::{Fault, MockTenant, DEFAULT_SOURCE_NAME, DEFAULT_USER_NAME};
use sailpoint_isc::v2024::{PasswordChangeRequest, PasswordInfo, PasswordInfoQueryDto};
use sailpoint_isc::{
    encrypt_password, Client, Error, Password, RateLimit, RetryBudget, RetryPolicy,
};
use std::collections::{BTreeMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use tokio::task::JoinSet;

/// Calls made by each load test.
const CALLS: usize = 1000;

/// The load clients send as fast as they can, without the client-side
/// rate limit (the mock tenant does not enforce ISC's) and with an
/// unlimited retry budget: these tests count what the retry policy does
/// with every fault; `rate_limit.rs` tests the limit and the budget.
///
/// Retries that keep the run short: `Retry-After` of a second at most is
/// honoured, backoff waits are a few milliseconds.
fn load_retry() -> RetryPolicy {
    RetryPolicy::default()
        .with_max_attempts(5)
        .with_backoff_base(Duration::from_millis(10))
        .with_backoff_max(Duration::from_millis(50))
        .with_max_retry_after(Duration::from_secs(2))
        .with_max_elapsed(Duration::from_secs(30))
}

/// The four kinds of call mixed into the load.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    /// v2024 query-password-info (POST, not idempotent).
    Query,
    /// beta query-password-info.
    QueryBeta,
    /// v2024 set-password (POST) with a freshly encrypted password.
    SetPassword,
    /// v2024 get-password-change-status (GET, idempotent).
    Status,
}

/// How one call ended.
#[derive(Debug)]
enum Outcome {
    Ok,
    /// set-password succeeded with this request id.
    Set(String),
    /// A typed API error.
    Api {
        status: u16,
        attempts: u32,
        retry_after: bool,
    },
    /// Anything else: the load tests allow none of it.
    Other(String),
}

/// Everything a call needs from query-password-info, fetched before the load.
#[derive(Clone)]
struct Target {
    info: PasswordInfo,
    account_id: String,
    /// Change requests to poll.
    request_ids: Vec<String>,
}

async fn tenant(lifetime: Option<Duration>) -> MockTenant {
    let mut b = MockTenant::builder()
        .with_key_bits(1024)
        .with_in_progress_polls(0);
    if let Some(l) = lifetime {
        b = b.with_token_lifetime(l);
    }
    b.start().await.expect("mock tenant starts")
}

/// Reads the public key and ids with the tenant's own client (its own
/// token cache) and creates a few changes to poll, so the client under test
/// starts with a cold cache.
async fn prepare(t: &MockTenant) -> Target {
    let api = t.client().v2024();
    let info = api
        .query_password_info(&PasswordInfoQueryDto {
            user_name: Some(DEFAULT_USER_NAME.into()),
            source_name: Some(DEFAULT_SOURCE_NAME.into()),
            ..Default::default()
        })
        .await
        .expect("query-password-info");
    let account_id = info
        .accounts
        .as_ref()
        .and_then(|a| a.first())
        .and_then(|a| a.account_id.clone())
        .expect("an account");
    let mut target = Target {
        info,
        account_id,
        request_ids: Vec::new(),
    };
    for i in 0..5 {
        let resp = api
            .set_password(&change_request(&target, i))
            .await
            .expect("set-password");
        target
            .request_ids
            .push(resp.request_id.expect("a request id"));
    }
    target
}

fn change_request(t: &Target, n: usize) -> PasswordChangeRequest {
    let password = Password::new(format!("Load-Passw0rd-{n:04}"));
    let key = t.info.public_key.as_deref().unwrap_or_default();
    PasswordChangeRequest {
        identity_id: t.info.identity_id.clone(),
        encrypted_password: Some(encrypt_password(key, &password).expect("encrypts")),
        public_key_id: t.info.public_key_id.clone(),
        account_id: Some(t.account_id.clone()),
        source_id: t.info.source_id.clone(),
        ..Default::default()
    }
}

/// The kind of the `n`-th call: a quarter of each.
fn kind_of(n: usize) -> Kind {
    match n % 4 {
        0 => Kind::Query,
        1 => Kind::SetPassword,
        2 => Kind::Status,
        _ => Kind::QueryBeta,
    }
}

async fn call(client: Client, target: Target, n: usize) -> (Kind, Outcome) {
    let kind = kind_of(n);
    let query = || PasswordInfoQueryDto {
        user_name: Some(DEFAULT_USER_NAME.into()),
        source_name: Some(DEFAULT_SOURCE_NAME.into()),
        ..Default::default()
    };
    let result = match kind {
        Kind::Query => client
            .v2024()
            .query_password_info(&query())
            .await
            .map(|_| Outcome::Ok),
        Kind::QueryBeta => client
            .beta()
            .query_password_info(&PasswordInfoQueryDtoBeta {
                user_name: Some(DEFAULT_USER_NAME.into()),
                source_name: Some(DEFAULT_SOURCE_NAME.into()),
                ..Default::default()
            })
            .await
            .map(|_| Outcome::Ok),
        Kind::SetPassword => {
            let body = change_request(&target, n);
            client
                .v2024()
                .set_password(&body)
                .await
                .map(|r| Outcome::Set(r.request_id.unwrap_or_default()))
        }
        Kind::Status => {
            let id = &target.request_ids[n % target.request_ids.len()];
            client
                .v2024()
                .get_password_change_status(id)
                .await
                .map(|_| Outcome::Ok)
        }
    };
    let outcome = match result {
        Ok(o) => o,
        Err(Error::Api(e)) => Outcome::Api {
            status: e.status().as_u16(),
            attempts: e.attempts(),
            retry_after: e.retry_after().is_some(),
        },
        Err(other) => Outcome::Other(other.to_string()),
    };
    (kind, outcome)
}

/// Waits for every call, with an overall bound so that a hung call fails
/// the test instead of hanging it.
async fn collect(mut set: JoinSet<(Kind, Outcome)>, bound: Duration) -> Vec<(Kind, Outcome)> {
    let mut results = Vec::with_capacity(CALLS);
    let all = async {
        while let Some(joined) = set.join_next().await {
            results.push(joined.expect("no call panics"));
        }
    };
    tokio::time::timeout(bound, all)
        .await
        .expect("every call ends within the bound");
    results
}

/// The faults injected, in a fixed cycle of ten: six 429s (Retry-After 0
/// or 1), a 503 with Retry-After (retried for any method), a 503 without and
/// a 502 (ambiguous: retried for GET only), and a 500 (never retried).
fn fault_cycle() -> [Fault; 10] {
    [
        Fault::too_many_requests(1, 0),
        Fault::status(503, 1),
        Fault::too_many_requests(1, 1),
        Fault::status(500, 1),
        Fault::too_many_requests(1, 0),
        Fault::Status {
            status: 503,
            retry_after: Some("0".into()),
            count: 1,
        },
        Fault::too_many_requests(1, 0),
        Fault::status(502, 1),
        Fault::too_many_requests(1, 1),
        Fault::too_many_requests(1, 0),
    ]
}

/// Keeps one fault queued for every five requests the tenant has answered
/// since `base`, so that a fifth of the answers are faults spread over the
/// whole run, until `total` are injected or `done` is set. Returns how many
/// were injected.
async fn inject_a_fifth(t: &MockTenant, base: usize, total: usize, done: &AtomicBool) -> usize {
    let cycle = fault_cycle();
    let mut injected = 0;
    while injected < total && !done.load(Ordering::SeqCst) {
        let due = ((t.requests() - base) / 5 + 1).min(total);
        while injected < due {
            t.inject(cycle[injected % cycle.len()].clone());
            injected += 1;
        }
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    injected
}

/// Whether the policy would have sent a call of `kind` again after this
/// final answer, had it attempts left.
fn retryable(kind: Kind, status: u16, retry_after: bool) -> bool {
    match status {
        429 => true,
        503 if retry_after => true,
        502..=504 => kind == Kind::Status,
        _ => false,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_concurrent_calls_with_a_fifth_faulted_all_end_and_none_applies_twice() {
    let t = tenant(None).await;
    let target = prepare(&t).await;
    let tokens_before = t.token_requests();
    let applied_before = t.set_password_applied();
    let set_requests_before = t.set_password_requests();
    let requests_before = t.requests();

    let client = t
        .client_builder()
        .retry(load_retry())
        .rate_limit(RateLimit::off())
        .retry_budget(RetryBudget::unlimited())
        .request_timeout(Duration::from_secs(20))
        .build()
        .expect("client");
    let started = Instant::now();
    let mut set = JoinSet::new();
    for n in 0..CALLS {
        set.spawn(call(client.clone(), target.clone(), n));
    }
    let done = AtomicBool::new(false);
    let faults = CALLS / 5;
    let (results, injected) = tokio::join!(
        async {
            let r = collect(set, Duration::from_secs(45)).await;
            done.store(true, Ordering::SeqCst);
            r
        },
        inject_a_fifth(&t, requests_before, faults, &done),
    );
    let elapsed = started.elapsed();

    // No call is lost: a thousand calls, a thousand outcomes.
    assert_eq!(results.len(), CALLS);
    let mut tally: BTreeMap<(Kind, String), usize> = BTreeMap::new();
    let mut set_ids = HashSet::new();
    let mut others = Vec::new();
    for (kind, outcome) in &results {
        let key = match outcome {
            Outcome::Ok => "ok".to_owned(),
            Outcome::Set(id) => {
                assert!(set_ids.insert(id.clone()), "request id {id} seen twice");
                "ok".to_owned()
            }
            Outcome::Api {
                status,
                attempts,
                retry_after,
            } => {
                // A typed error is either an answer the policy does not
                // retry for this method, or the last of all its attempts.
                assert!(
                    !retryable(*kind, *status, *retry_after)
                        || *attempts == load_retry().max_attempts(),
                    "{kind:?} gave up on {status} after {attempts} attempts"
                );
                format!("api {status}")
            }
            Outcome::Other(e) => {
                others.push(e.clone());
                "other".to_owned()
            }
        };
        *tally.entry((*kind, key)).or_default() += 1;
    }
    eprintln!("{CALLS} calls in {elapsed:?}: {tally:?}");
    // Every call ended in a success or a typed API error.
    assert!(others.is_empty(), "untyped failures: {others:?}");

    // A fifth of the answers or so were faults.
    assert_eq!(injected, faults);
    let answered_faults = injected - t.pending_faults();
    let api_answers = t.requests() - requests_before - (t.token_requests() - tokens_before);
    eprintln!("{answered_faults} faulted answers of {api_answers}");
    assert!(api_answers >= CALLS);
    assert!(
        answered_faults * 100 / api_answers >= 15,
        "{answered_faults} faulted of {api_answers} answers"
    );

    // No set-password took effect twice: the mock applied exactly the ones
    // that succeeded, although 429s and 503s made the client re-send many.
    let set_ok = set_ids.len();
    assert_eq!(t.set_password_applied() - applied_before, set_ok);
    let set_sent = t.set_password_requests() - set_requests_before;
    assert!(set_sent > CALLS / 4, "{set_sent} set-password requests");
    eprintln!("set-password: {set_ok} applied of {set_sent} sent");

    // One token for the whole run: a cold cache under a thousand concurrent
    // callers makes one token request, and the token lives an hour.
    assert_eq!(t.token_requests() - tokens_before, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tokens_revoked_mid_load_cost_one_refresh_and_no_failed_call() {
    let t = tenant(None).await;
    let target = prepare(&t).await;
    let tokens_before = t.token_requests();
    let requests_before = t.requests();
    let client = t
        .client_builder()
        .retry(load_retry())
        .rate_limit(RateLimit::off())
        .retry_budget(RetryBudget::unlimited())
        .build()
        .expect("client");

    // Ten waves of a hundred concurrent calls, 30 ms apart; the tenant
    // revokes every token while the fifth wave is in flight.
    let mut set = JoinSet::new();
    for wave in 0..10 {
        for i in 0..CALLS / 10 {
            set.spawn(call(client.clone(), target.clone(), wave * 100 + i));
        }
        if wave == 4 {
            tokio::time::sleep(Duration::from_millis(5)).await;
            t.inject(Fault::ExpireTokens);
        }
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
    let results = collect(set, Duration::from_secs(45)).await;
    assert_eq!(results.len(), CALLS);
    let failed: Vec<_> = results
        .iter()
        .filter(|(_, o)| !matches!(o, Outcome::Ok | Outcome::Set(_)))
        .collect();
    assert!(failed.is_empty(), "{} failed: {failed:?}", failed.len());
    // The first token, then exactly one refresh shared by every call that
    // met a 401 (and each of those was sent once more).
    assert_eq!(t.token_requests() - tokens_before, 2);
    let replays = t.requests() - requests_before - CALLS - 2;
    assert!(
        replays > 0,
        "no call was in flight when the tokens were revoked"
    );
    eprintln!("{replays} calls met the revoked token and were replayed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_expiring_mid_load_is_refreshed_once_before_any_call_fails() {
    // A 4 s token is refreshed a quarter of its life early, at 3 s; calls
    // spread over 4 s need exactly two tokens.
    let lifetime = Duration::from_secs(4);
    let t = tenant(Some(lifetime)).await;
    let target = prepare(&t).await;
    let tokens_before = t.token_requests();
    let requests_before = t.requests();
    let client = t
        .client_builder()
        .retry(load_retry())
        .rate_limit(RateLimit::off())
        .retry_budget(RetryBudget::unlimited())
        .build()
        .expect("client");

    let waves = 40;
    let per_wave = CALLS / waves;
    let started = tokio::time::Instant::now();
    let mut set = JoinSet::new();
    for wave in 0..waves {
        tokio::time::sleep_until(started + Duration::from_millis(100) * wave as u32).await;
        for i in 0..per_wave {
            set.spawn(call(client.clone(), target.clone(), wave * per_wave + i));
        }
    }
    let results = collect(set, Duration::from_secs(45)).await;
    let elapsed = started.elapsed();
    assert_eq!(results.len(), CALLS);
    let failed: Vec<_> = results
        .iter()
        .filter(|(_, o)| !matches!(o, Outcome::Ok | Outcome::Set(_)))
        .collect();
    assert!(failed.is_empty(), "{} failed: {failed:?}", failed.len());
    assert!(
        elapsed < lifetime + Duration::from_secs(2),
        "the run took {elapsed:?}, past the second token's refresh"
    );
    let tokens = t.token_requests() - tokens_before;
    assert_eq!(tokens, 2, "one refresh in {elapsed:?}");
    // The refresh came before the old token expired: no call met a 401, so
    // the tenant saw each call once plus the two token requests.
    assert_eq!(t.requests() - requests_before, CALLS + tokens);
}
