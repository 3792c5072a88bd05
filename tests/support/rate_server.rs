//! A loopback server that enforces a rate limit the way ISC does (a count
//! per fixed window, 429 with `Retry-After` in seconds beyond it), or
//! answers 429/503 as a test scripts, logging every request it gets; and
//! the load the rate-limit test and benchmark run against it.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use sailpoint_isc::{Client, Error, Request};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const CLIENT_ID: &str = "rate-client-id";
pub const CLIENT_SECRET: &str = "rate-client-secret";

/// How the server answers.
#[derive(Debug, Clone)]
pub enum Mode {
    /// `requests` per fixed window of `window` from the server's start,
    /// token requests included; 429 beyond, `Retry-After` the seconds
    /// (rounded up) to the next window.
    Limit { requests: u32, window: Duration },
    /// 503 with `Retry-After: 0` to every API request.
    Unavailable,
    /// 429 with `Retry-After: retry_after_s` to the first `count` API
    /// requests, then 200.
    TooManyFirst { count: usize, retry_after_s: u64 },
    /// 200 to everything.
    Ok,
}

/// One request the server got.
#[derive(Debug, Clone)]
pub struct Hit {
    /// Since the server started.
    pub at: Duration,
    pub method: Method,
    pub path: String,
    pub status: u16,
    /// The `id` of a JSON body, if any.
    pub id: Option<u64>,
}

struct St {
    start: Instant,
    mode: Mode,
    log: Mutex<Vec<Hit>>,
    /// Fixed window index and its count.
    window: Mutex<(u64, u32)>,
}

/// A running server.
#[derive(Clone)]
pub struct RateServer {
    pub url: String,
    st: Arc<St>,
}

impl RateServer {
    pub async fn start(mode: Mode) -> RateServer {
        let st = Arc::new(St {
            start: Instant::now(),
            mode,
            log: Mutex::new(Vec::new()),
            window: Mutex::new((0, 0)),
        });
        let router = Router::new().fallback(handle).with_state(Arc::clone(&st));
        let url = crate::net::serve(router).await;
        RateServer { url, st }
    }

    /// Everything received so far, in arrival order.
    pub fn hits(&self) -> Vec<Hit> {
        self.st
            .log
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// API requests (not token requests) received so far.
    pub fn api_hits(&self) -> Vec<Hit> {
        let mut hits = self.hits();
        hits.retain(|h| h.path != "/oauth/token");
        hits
    }

    /// A client with this server's credentials and quick retries.
    pub fn builder(&self) -> sailpoint_isc::ClientBuilder {
        Client::builder()
            .base_url(self.url.as_str())
            .client_credentials(CLIENT_ID, CLIENT_SECRET)
            .retry(
                sailpoint_isc::RetryPolicy::default()
                    .with_backoff_base(Duration::from_millis(5))
                    .with_backoff_max(Duration::from_millis(20))
                    .with_max_retry_after(Duration::from_secs(5))
                    .with_max_elapsed(Duration::from_secs(60)),
            )
    }
}

async fn handle(State(st): State<Arc<St>>, method: Method, uri: Uri, body: Bytes) -> Response {
    let at = st.start.elapsed();
    let path = uri.path().to_owned();
    let token = path == "/oauth/token";
    let id = serde_json::from_slice::<serde_json::Value>(&body)
        .ok()
        .and_then(|v| v.get("id").and_then(serde_json::Value::as_u64));
    let mut retry_after = None;
    let status = match &st.mode {
        Mode::Limit { requests, window } => {
            let index = (at.as_nanos() / window.as_nanos().max(1)) as u64;
            let mut w = st.window.lock().unwrap_or_else(|e| e.into_inner());
            if w.0 != index {
                *w = (index, 0);
            }
            if w.1 < *requests {
                w.1 += 1;
                200
            } else {
                let next = window.saturating_mul(index as u32 + 1);
                retry_after = Some(next.saturating_sub(at).as_secs_f64().ceil() as u64);
                429
            }
        }
        Mode::Unavailable if !token => {
            retry_after = Some(0);
            503
        }
        Mode::TooManyFirst {
            count,
            retry_after_s,
        } if !token => {
            let seen = st
                .log
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .iter()
                .filter(|h| h.path != "/oauth/token")
                .count();
            if seen < *count {
                retry_after = Some(*retry_after_s);
                429
            } else {
                200
            }
        }
        _ => 200,
    };
    st.log.lock().unwrap_or_else(|e| e.into_inner()).push(Hit {
        at,
        method,
        path,
        status,
        id,
    });
    let code = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut resp = if status != 200 {
        (code, r#"{"detailCode":"429 Rate Limit Exceeded"}"#).into_response()
    } else if token {
        axum::Json(serde_json::json!({
            "access_token": "rate-token", "token_type": "bearer", "expires_in": 3600
        }))
        .into_response()
    } else {
        axum::Json(serde_json::json!({ "id": id })).into_response()
    };
    if let Some(s) = retry_after {
        resp.headers_mut()
            .insert("retry-after", s.to_string().parse().expect("digits"));
    }
    resp
}

/// A `POST` (not idempotent) carrying `id`.
pub fn create_item(id: u64) -> Request {
    Request::post("/v2024/items")
        .operation_id("createItem")
        .json(&serde_json::json!({ "id": id }))
}

/// What one load run did.
#[derive(Debug, Clone)]
pub struct LoadFigures {
    pub calls: usize,
    /// Calls that returned success.
    pub succeeded: usize,
    /// Calls that returned an error (of which `budget_spent` said the
    /// retry budget was spent).
    pub lost: usize,
    pub budget_spent: usize,
    /// Items the server accepted more than once.
    pub duplicated: usize,
    /// Requests the server got, token requests included, and of them 429s.
    pub sent: usize,
    pub answered_429: usize,
    /// Wall time of the run.
    pub elapsed: Duration,
    /// Accepted items per window of time, from the first request the
    /// server got to the last item it accepted (at least one window),
    /// against the server's limit per window.
    pub goodput_per_window: f64,
    pub limit: u32,
}

impl LoadFigures {
    pub fn share_429(&self) -> f64 {
        self.answered_429 as f64 / self.sent.max(1) as f64
    }

    pub fn goodput_share(&self) -> f64 {
        self.goodput_per_window / f64::from(self.limit)
    }

    /// One line per figure, for the test's output and the benchmark.
    pub fn lines(&self) -> Vec<(&'static str, String)> {
        vec![
            ("calls", self.calls.to_string()),
            ("succeeded", self.succeeded.to_string()),
            (
                "lost (error returned)",
                format!("{} ({} budget spent)", self.lost, self.budget_spent),
            ),
            ("duplicated POSTs", self.duplicated.to_string()),
            ("requests sent", self.sent.to_string()),
            (
                "answered 429",
                format!("{} ({:.1} %)", self.answered_429, 100.0 * self.share_429()),
            ),
            (
                "goodput per window",
                format!(
                    "{:.1} of {} ({:.1} %)",
                    self.goodput_per_window,
                    self.limit,
                    100.0 * self.goodput_share()
                ),
            ),
            ("wall time", format!("{:.2} s", self.elapsed.as_secs_f64())),
        ]
    }
}

/// Prints runs side by side.
pub fn print_side_by_side(title: &str, runs: &[(&str, &LoadFigures)]) {
    println!("{title}");
    print!("   {:<24}", "");
    for (name, _) in runs {
        print!(" {name:>28}");
    }
    println!();
    let lines: Vec<_> = runs.iter().map(|(_, f)| f.lines()).collect();
    for (i, (label, _)) in lines[0].iter().enumerate() {
        print!("   {label:<24}");
        for l in &lines {
            print!(" {:>28}", l[i].1);
        }
        println!();
    }
}

/// `calls` concurrent POSTs, each with its own id, through `client`
/// against `server` (in [`Mode::Limit`]).
pub async fn run_load(client: &Client, server: &RateServer, calls: usize) -> LoadFigures {
    let (limit, window) = match server.st.mode {
        Mode::Limit { requests, window } => (requests, window),
        _ => (u32::MAX, Duration::from_secs(1)),
    };
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for n in 0..calls as u64 {
        let client = client.clone();
        tasks.spawn(async move {
            client
                .execute::<serde_json::Value>(create_item(n))
                .await
                .map(|_| ())
        });
    }
    let (mut succeeded, mut lost, mut budget_spent) = (0, 0, 0);
    while let Some(done) = tasks.join_next().await {
        match done.expect("no call panics") {
            Ok(()) => succeeded += 1,
            Err(Error::RetryBudgetSpent { .. }) => {
                lost += 1;
                budget_spent += 1;
            }
            Err(_) => lost += 1,
        }
    }
    let elapsed = started.elapsed();
    let hits = server.hits();
    let mut accepted: HashMap<u64, usize> = HashMap::new();
    let mut last_accepted = Duration::ZERO;
    let mut first = None;
    for h in &hits {
        first.get_or_insert(h.at);
        if let (Some(id), 200) = (h.id, h.status) {
            *accepted.entry(id).or_default() += 1;
            last_accepted = h.at;
        }
    }
    let span = last_accepted.saturating_sub(first.unwrap_or_default());
    // At least one window: a run that fits in one has no rate to speak of.
    let windows = (span.as_secs_f64() / window.as_secs_f64()).max(1.0);
    LoadFigures {
        calls,
        succeeded,
        lost,
        budget_spent,
        duplicated: accepted.values().filter(|&&n| n > 1).count(),
        sent: hits.len(),
        answered_429: hits.iter().filter(|h| h.status == 429).count(),
        elapsed,
        goodput_per_window: accepted.len() as f64 / windows,
        limit,
    }
}
