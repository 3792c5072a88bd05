//! A recording proxy between the generated client and Stoplight Prism.
//!
//! `prism mock` serves the spec's paths at its root (`/accounts`), without
//! the path of the spec's server URL (`/v2024`), so the client is built
//! with [`ClientBuilder::api_url`](sailpoint_isc::ClientBuilder::api_url),
//! which sends the operations' paths without the version path: the way a
//! user points a client at Prism. The proxy forwards every request as it
//! came and records each exchange with the `sl-violations` header in which
//! Prism lists what a request breaks, so that a test can tell how many
//! requests each call made and fail on any violation.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::response::Response;
use http::{header, HeaderValue, StatusCode};
use std::io;
use std::net::Ipv4Addr;
use std::sync::{Arc, Mutex, PoisonError};
use tokio::sync::oneshot;

/// Largest request body forwarded.
const MAX_BODY: usize = 16 << 20;

/// Values the conformance calls send, taken from the upstream specs'
/// examples, so that both versions' calls send the same data.
pub mod sample {
    /// A user name (`queryPasswordInfo`, `createDigitToken`).
    pub const USER_NAME: &str = "Abby.Smith";
    /// A source name.
    pub const SOURCE_NAME: &str = "My-AD";
    /// An identity id.
    pub const IDENTITY_ID: &str = "8a807d4c73c545510173c545f0a002ff";
    /// An encrypted password, as `setPassword` takes it.
    pub const ENCRYPTED_PASSWORD: &str =
        "XzN+YwKgr2C+InkMYFMBG3UtjMEw5ZIql/XFlXo8cJNeslmkplx6vn4URJ7WNkG1";
    /// The id of the public key the password was encrypted with.
    pub const PUBLIC_KEY_ID: &str = "YWQ2NjQ4MTItZjY0NC00MWExLWFjMjktOGNmMzU3Y2VlNjk2";
    /// An account id: a distinguished name.
    pub const ACCOUNT_DN: &str =
        "CN=Abby Smith,OU=Austin,OU=Americas,OU=Demo,DC=seri,DC=acme,DC=com";
    /// A source id.
    pub const SOURCE_ID: &str = "8a807d4c73c545510173c545d4b60246";
    /// A password-change request id.
    pub const REQUEST_ID: &str = "089899f13a8f4da7824996191587bab9";
}

/// Where the upstream version specs serve `queryPasswordInfo` (Prism serves
/// a spec's paths at its root), the default target of the referee check.
pub const QUERY_PASSWORD_INFO: &str = "/query-password-info";

/// The conformance test of a crate built without its upstream spec: says
/// so (see [`crate::skip::skipped`]).
pub fn spec_absent(spec: &str) {
    crate::skip::skipped(&format!(
        "../shared/specs/upstream not found ({spec}); the Prism conformance test did not run"
    ));
}

/// The environment variable naming Prism's URL for a version, or `None`
/// (after [`crate::skip::skipped`]) when it is not set.
pub fn prism_url(var: &str) -> Option<String> {
    match std::env::var(var) {
        Ok(url) if !url.is_empty() => Some(url.trim_end_matches('/').to_owned()),
        _ => {
            crate::skip::skipped(&format!(
                "{var} is not set (.ci/prism.sh starts Prism and sets it; .ci/run runs it)"
            ));
            None
        }
    }
}

/// One request through the proxy.
#[derive(Debug, Clone)]
pub struct Exchange {
    /// The HTTP method.
    pub method: String,
    /// Path and query as the client sent them.
    pub path: String,
    /// Prism's status.
    pub status: u16,
    /// Prism's `sl-violations` header, or the proxy's own complaint.
    pub violations: Option<String>,
}

struct Shared {
    prism: String,
    http: reqwest::Client,
    log: Mutex<Vec<Exchange>>,
}

impl Shared {
    fn record(&self, e: Exchange) {
        self.log
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(e);
    }
}

/// A running proxy on 127.0.0.1; stops when dropped.
pub struct Proxy {
    url: String,
    shared: Arc<Shared>,
    stop: Option<oneshot::Sender<()>>,
}

impl Proxy {
    /// Starts a proxy to the Prism at `prism`.
    pub async fn start(prism: &str) -> io::Result<Proxy> {
        let http = reqwest::Client::builder()
            .no_proxy()
            .build()
            .map_err(io::Error::other)?;
        let shared = Arc::new(Shared {
            prism: prism.trim_end_matches('/').to_owned(),
            http,
            log: Mutex::new(Vec::new()),
        });
        let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
        let url = format!("http://{}", listener.local_addr()?);
        let app = axum::Router::new()
            .fallback(forward)
            .with_state(Arc::clone(&shared));
        let (stop, stopped) = oneshot::channel::<()>();
        tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await
        });
        Ok(Proxy {
            url,
            shared,
            stop: Some(stop),
        })
    }

    /// The proxy's URL, for `Client::builder().api_url(…)`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Every exchange so far, in order.
    pub fn exchanges(&self) -> Vec<Exchange> {
        self.shared
            .log
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

async fn forward(State(s): State<Arc<Shared>>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let sent = parts
        .uri
        .path_and_query()
        .map_or_else(|| parts.uri.path().to_owned(), |p| p.as_str().to_owned());
    let mut exchange = Exchange {
        method: parts.method.to_string(),
        path: sent.clone(),
        status: 0,
        violations: None,
    };
    let body = match axum::body::to_bytes(body, MAX_BODY).await {
        Ok(b) => b,
        Err(e) => return failed(&s, exchange, format!("cannot read the request body: {e}")),
    };
    let mut out = s
        .http
        .request(parts.method.clone(), format!("{}{sent}", s.prism))
        .body(body);
    for (name, value) in &parts.headers {
        if name != header::HOST && name != header::CONTENT_LENGTH {
            out = out.header(name, value);
        }
    }
    let resp = match out.send().await {
        Ok(r) => r,
        Err(e) => return failed(&s, exchange, format!("Prism did not answer: {e}")),
    };
    let status = resp.status();
    let mut headers = resp.headers().clone();
    let bytes = match resp.bytes().await {
        Ok(b) => b,
        Err(e) => return failed(&s, exchange, format!("cannot read Prism's body: {e}")),
    };
    exchange.status = status.as_u16();
    exchange.violations = headers
        .get("sl-violations")
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
    s.record(exchange);
    for hop in [
        header::CONNECTION,
        header::TRANSFER_ENCODING,
        header::CONTENT_LENGTH,
    ] {
        headers.remove(hop);
    }
    let mut response = Response::new(Body::from(bytes));
    *response.status_mut() = status;
    *response.headers_mut() = headers;
    response
}

fn failed(s: &Shared, mut exchange: Exchange, why: String) -> Response {
    exchange.status = 502;
    exchange.violations = Some(why.clone());
    s.record(exchange);
    plain(StatusCode::BAD_GATEWAY, &why)
}

fn plain(status: StatusCode, text: &str) -> Response {
    let mut r = Response::new(Body::from(text.to_owned()));
    *r.status_mut() = status;
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain"));
    r
}

/// A conformance run: the proxy, a client pointed at it, and the outcome of
/// every call made through it.
pub struct Conformance {
    spec: String,
    proxy: Proxy,
    client: sailpoint_isc::Client,
    outcomes: Vec<(String, Result<(), String>)>,
}

impl Conformance {
    /// Starts a proxy to the Prism at `prism` serving `spec`, and a client
    /// for it (the spec's paths without its version path, a fixed bearer
    /// token, no retries: one call is one request).
    ///
    /// First it checks the referee: a request that breaks both specs (a
    /// number where `/query-password-info` takes a string) must come back
    /// with violations, or every later "no violations" would mean nothing.
    pub async fn start(spec: &str, prism: &str) -> io::Result<Conformance> {
        Conformance::start_checked(spec, prism, QUERY_PASSWORD_INFO).await
    }

    /// [`Conformance::start`], with the referee check sent to `control`,
    /// Prism's path of `queryPasswordInfo` (`/query-password-info/v1` in
    /// the per-resource specs).
    pub async fn start_checked(spec: &str, prism: &str, control: &str) -> io::Result<Conformance> {
        let control = reqwest::Client::builder()
            .no_proxy()
            .build()
            .map_err(io::Error::other)?
            .post(format!("{}{control}", prism.trim_end_matches('/')))
            .bearer_auth("conformance-test-token")
            .header(header::CONTENT_TYPE, "application/json")
            .body(r#"{"userName": 5, "sourceName": "My-AD"}"#)
            .send()
            .await
            .map_err(io::Error::other)?;
        if control.headers().get("sl-violations").is_none() {
            return Err(io::Error::other(format!(
                "Prism at {prism} did not report a violation for a request that breaks the spec \
                 (status {}); is it running `prism mock --errors` on {spec}?",
                control.status()
            )));
        }
        let proxy = Proxy::start(prism).await?;
        let client = sailpoint_isc::Client::builder()
            .api_url(proxy.url())
            .bearer_token("conformance-test-token")
            .retry(sailpoint_isc::RetryPolicy::none())
            .build()
            .map_err(io::Error::other)?;
        Ok(Conformance {
            spec: spec.to_owned(),
            proxy,
            client,
            outcomes: Vec::new(),
        })
    }

    /// The run against the Prism named by the environment variable `var`
    /// (see [`Conformance::start`]), or `None` (after [`crate::skip::skipped`])
    /// when it is not set. Panics when the proxy cannot start or Prism fails
    /// the referee check.
    pub async fn from_env(spec: &str, var: &str) -> Option<Conformance> {
        Conformance::from_env_checked(spec, var, QUERY_PASSWORD_INFO).await
    }

    /// [`Conformance::from_env`], with the referee check sent to `control`
    /// (see [`Conformance::start_checked`]).
    pub async fn from_env_checked(spec: &str, var: &str, control: &str) -> Option<Conformance> {
        let prism = prism_url(var)?;
        let run = Conformance::start_checked(spec, &prism, control).await;
        Some(run.unwrap_or_else(|e| panic!("start the conformance run for {spec}: {e}")))
    }

    /// The client that goes through the proxy.
    pub fn client(&self) -> &sailpoint_isc::Client {
        &self.client
    }

    /// How many requests reached the proxy so far.
    pub fn requests(&self) -> usize {
        self.proxy.exchanges().len()
    }

    /// Reads two pages at most from a stream of pages and records each
    /// request it sent as one call; the stream must ask for a second page.
    /// Prism answers every page with the same records, so a `searchAfter`
    /// stream sees its cursor repeat and stops after asking, without
    /// yielding the second page; that request is recorded by its verdict
    /// alone.
    pub async fn record_pages<T, S>(&mut self, name: &str, pages: S)
    where
        S: futures_util::Stream<Item = sailpoint_isc::Result<T>>,
    {
        use futures_util::StreamExt;
        let before = self.requests();
        let pages: Vec<_> = pages.take(2).collect().await;
        let sent = self.requests() - before;
        assert_eq!(sent, 2, "{name}: the stream asks for a second page");
        let mut pages = pages.into_iter();
        for i in 1..=sent {
            let call = format!("{name}, page {i}");
            match pages.next() {
                Some(page) => self.record(&call, page),
                None => self.record(&call, Ok(())),
            }
        }
    }

    /// Records the outcome of the call named `call`.
    pub fn record<T>(&mut self, call: &str, result: sailpoint_isc::Result<T>) {
        self.outcomes.push((
            call.to_owned(),
            result.map(|_| ()).map_err(|e| e.to_string()),
        ));
    }

    /// Records a waiter's outcome as its poll call's: only a failed poll
    /// counts as the call failing (a wait that ends on Prism's made-up
    /// status, finished, failed or exceeded, polled as it should).
    pub fn record_poll<T>(
        &mut self,
        call: &str,
        outcome: Result<sailpoint_isc::wait::Done<T>, sailpoint_isc::wait::WaitError>,
    ) {
        let polled = match outcome {
            Err(sailpoint_isc::wait::WaitError::PollFailed { source, .. }) => Err(source),
            _ => Ok(()),
        };
        self.record(call, polled);
    }

    /// Prints every exchange and panics on any request violation, on a call
    /// that made other than one request, and on a failed call, except those
    /// in `expected_failures` (`(call, text in its error)`), which must fail
    /// so: a response example Prism returns that contradicts its schema.
    pub fn finish(self, expected_failures: &[(&str, &str)]) {
        let exchanges = self.proxy.exchanges();
        eprintln!(
            "{}: {} calls, {} requests to Prism",
            self.spec,
            self.outcomes.len(),
            exchanges.len()
        );
        for x in &exchanges {
            eprintln!(
                "  {} {} -> {}{}",
                x.method,
                x.path,
                x.status,
                x.violations
                    .as_deref()
                    .map(|v| format!("  VIOLATIONS {v}"))
                    .unwrap_or_default()
            );
        }
        let mut problems: Vec<String> = exchanges
            .iter()
            .filter_map(|x| {
                let v = x.violations.as_ref()?;
                Some(format!("{} {}: {v}", x.method, x.path))
            })
            .collect();
        if exchanges.len() != self.outcomes.len() {
            problems.push(format!(
                "{} calls made {} requests",
                self.outcomes.len(),
                exchanges.len()
            ));
        }
        for (call, outcome) in &self.outcomes {
            let expected = expected_failures.iter().find(|(c, _)| c == call);
            match (outcome, expected) {
                (Ok(()), None) => {}
                (Err(e), Some((_, text))) if e.contains(text) => {
                    eprintln!("  {call}: fails as expected: {e}");
                }
                (Ok(()), Some((_, text))) => problems.push(format!(
                    "{call} succeeded; expected it to fail with {text:?}"
                )),
                (Err(e), _) => problems.push(format!("{call} failed: {e}")),
            }
        }
        let violations = exchanges.iter().filter(|x| x.violations.is_some()).count();
        eprintln!("{}: {violations} request violations", self.spec);
        assert!(
            problems.is_empty(),
            "{}:\n{}",
            self.spec,
            problems.join("\n")
        );
    }
}
