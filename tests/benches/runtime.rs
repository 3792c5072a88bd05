//! The runtime's cost, measured: run with
//!
//! ```sh
//! cargo bench -p sailpoint-isc-tests --bench runtime
//! ```
//!
//! It prints three figures:
//!
//! 1. **Per-call overhead** of a generated method
//!    (`client.v2024().get_password_change_status(id)`) against a
//!    hand-written reqwest call sending the same request (same URL, bearer
//!    header, `Accept`, per-request timeout, redirects off) and decoding the
//!    same JSON into the same type, alternated call by call in one run,
//!    sequentially on one connection, against a minimal axum server in a
//!    child process (its own core) answering a fixed body. The client uses
//!    OAuth2 client credentials, so every call also reads the token cache,
//!    and has its rate limit on (raised so that it never waits).
//! 2. **Encryption throughput** of `encrypt_password` for a 2048-bit key
//!    (ops/s, one thread), next to `openssl speed -seconds 1 rsa2048`'s
//!    public-key (verify) rate on the same machine, when openssl is there.
//! 3. **Memory** per idle client, per clone, and per in-flight request,
//!    from a counting global allocator: heap bytes held by N clients or N
//!    requests parked on a server that delays its answer, divided by N. The
//!    server runs in the child process, so only the client is counted.
//!
//! `BENCH_CALLS` sets the number of timed calls of each kind (default 20000).

use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use sailpoint_isc::v2024::PasswordStatus;
use sailpoint_isc::{crypto::PublicKey, encrypt_password, Client, Password};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOCATOR: cap::Cap<std::alloc::System> = cap::Cap::new(std::alloc::System, usize::MAX);

/// Set in the child process that serves.
const SERVER_ROLE: &str = "SAILPOINT_ISC_BENCH_SERVER";
const CLIENT_ID: &str = "bench-client";
const CLIENT_SECRET: &str = "bench-secret";
const TOKEN: &str = "bench-access-token";
/// What the server answers for every status call.
const STATUS_BODY: &str = r#"{"requestId":"089899f13a8f4da7824996191587bab9","state":"FINISHED","errors":[],"sourceIds":["2c918083746f642c01746f990884012a"]}"#;
/// How long the server holds a `hold-*` request.
const HOLD: Duration = Duration::from_secs(3);

type Result<T, E = Box<dyn std::error::Error>> = std::result::Result<T, E>;

fn main() -> Result<()> {
    if std::env::var_os(SERVER_ROLE).is_some() {
        return serve();
    }
    let calls = std::env::var("BENCH_CALLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000usize);
    let mut server = Server::start()?;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    println!("sailpoint-isc runtime benchmark");
    rt.block_on(overhead(&server.base, calls))?;
    rt.block_on(encryption())?;
    rt.block_on(memory(&server.base))?;
    server.stop();
    Ok(())
}

// ---------------------------------------------------------------- server

/// The child process serving on 127.0.0.1; stopped when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start() -> Result<Server> {
        let mut child = Command::new(std::env::current_exe()?)
            .env(SERVER_ROLE, "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line)?;
        let port = line
            .trim()
            .strip_prefix("PORT ")
            .ok_or_else(|| format!("server said {line:?}"))?;
        Ok(Server {
            child,
            base: format!("http://127.0.0.1:{port}"),
        })
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The child: a fixed JSON answer for status calls (`hold-*` ids after
/// [`HOLD`]), a token endpoint, and `/count` of the held calls. Exits when
/// its parent closes stdin.
fn serve() -> Result<()> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static HELD: AtomicUsize = AtomicUsize::new(0);
    std::thread::spawn(|| {
        let mut sink = String::new();
        while std::io::stdin().read_line(&mut sink).is_ok_and(|n| n > 0) {}
        std::process::exit(0);
    });
    async fn status(Path(id): Path<String>) -> Response {
        if id.starts_with("hold-") {
            HELD.fetch_add(1, Ordering::SeqCst);
            tokio::time::sleep(HOLD).await;
        }
        ([(header::CONTENT_TYPE, "application/json")], STATUS_BODY).into_response()
    }
    async fn token() -> Response {
        Json(serde_json::json!({ "access_token": TOKEN, "token_type": "bearer", "expires_in": 3600 }))
            .into_response()
    }
    async fn count() -> String {
        HELD.load(Ordering::SeqCst).to_string()
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        let router = Router::new()
            .route("/v2024/password-change-status/{id}", get(status))
            .route("/oauth/token", post(token))
            .route("/count", get(count));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        println!("PORT {}", listener.local_addr()?.port());
        axum::serve(listener, router).await?;
        Ok(())
    })
}

// -------------------------------------------------------------- overhead

/// The client measured: client credentials, and the client-side rate limit
/// on (every call takes its turn in the shared window and pays for it)
/// but raised far above the calls made, since what is measured is its
/// cost, not its waits; the default 100 per 10 s would hold the timed
/// loop for over half an hour.
fn sdk_client(base: &str) -> Result<Client> {
    Ok(Client::builder()
        .base_url(base)
        .client_credentials(CLIENT_ID, CLIENT_SECRET)
        .rate_limit(sailpoint_isc::RateLimit::per(
            1_000_000,
            Duration::from_secs(1),
        ))
        .build()?)
}

/// A reqwest client configured as the runtime configures its own.
fn raw_client() -> Result<reqwest::Client> {
    Ok(reqwest::Client::builder()
        .connect_timeout(sailpoint_isc::DEFAULT_CONNECT_TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent("sailpoint-isc-rs/bench")
        .build()?)
}

/// The hand-written call: the request the generated method sends, and the
/// same decoding into the same type.
async fn raw_call(http: &reqwest::Client, base: &str, id: &str) -> Result<PasswordStatus> {
    let resp = http
        .get(format!("{base}/v2024/password-change-status/{id}"))
        .timeout(sailpoint_isc::DEFAULT_REQUEST_TIMEOUT)
        .bearer_auth(TOKEN)
        .header(header::ACCEPT, "application/json")
        .send()
        .await?;
    if !resp.status().is_success() {
        return Err(format!("status {}", resp.status()).into());
    }
    let body = resp.bytes().await?;
    Ok(serde_json::from_slice(&body)?)
}

struct Stats {
    median: f64,
    mean: f64,
    p10: f64,
    p90: f64,
}

/// Figures in microseconds.
fn stats(mut us: Vec<f64>) -> Stats {
    us.sort_by(f64::total_cmp);
    let at = |q: f64| us[((us.len() - 1) as f64 * q).round() as usize];
    Stats {
        median: at(0.5),
        mean: us.iter().sum::<f64>() / us.len() as f64,
        p10: at(0.1),
        p90: at(0.9),
    }
}

async fn overhead(base: &str, calls: usize) -> Result<()> {
    let sdk = sdk_client(base)?;
    let api = sdk.v2024();
    let http = raw_client()?;
    let id = "089899f13a8f4da7824996191587bab9";
    let warmup = 2000.min(calls);
    for _ in 0..warmup {
        api.get_password_change_status(id).await?;
        raw_call(&http, base, id).await?;
    }
    let mut sdk_us = Vec::with_capacity(calls);
    let mut raw_us = Vec::with_capacity(calls);
    for i in 0..calls {
        // Alternate which goes first, so neither always follows the other.
        for first in [i % 2 == 0, i % 2 != 0] {
            let started = Instant::now();
            if first {
                std::hint::black_box(api.get_password_change_status(id).await?);
                sdk_us.push(started.elapsed().as_secs_f64() * 1e6);
            } else {
                std::hint::black_box(raw_call(&http, base, id).await?);
                raw_us.push(started.elapsed().as_secs_f64() * 1e6);
            }
        }
    }
    let (s, r) = (stats(sdk_us), stats(raw_us));
    println!();
    println!("1. per-call overhead: GET /v2024/password-change-status/{{id}} on 127.0.0.1,");
    println!("   {calls} calls each after {warmup} warm-up, alternated, one at a time");
    println!("                           median     mean      p10      p90   (µs)");
    for (name, x) in [("generated method", &s), ("hand-written reqwest", &r)] {
        println!(
            "   {name:<22} {:>8.2} {:>8.2} {:>8.2} {:>8.2}",
            x.median, x.mean, x.p10, x.p90
        );
    }
    println!(
        "   ratio (generated / reqwest): median {:.3}, mean {:.3}; overhead {:+.2} µs per call (median)",
        s.median / r.median,
        s.mean / r.mean,
        s.median - r.median
    );
    Ok(())
}

// ------------------------------------------------------------ encryption

/// Runs `op` for about a second; returns operations per second.
fn rate(mut op: impl FnMut() -> Result<()>) -> Result<f64> {
    for _ in 0..50 {
        op()?;
    }
    let started = Instant::now();
    let mut n = 0u64;
    while started.elapsed() < Duration::from_secs(1) {
        for _ in 0..20 {
            op()?;
        }
        n += 20;
    }
    Ok(n as f64 / started.elapsed().as_secs_f64())
}

/// `openssl speed -seconds 1 rsa2048`: each column of its `rsa 2048 bits`
/// line by the header's name (`verify/s`, and `encr./s` on OpenSSL 3.2+).
fn openssl_speed() -> Option<Vec<(String, f64)>> {
    let out = Command::new("openssl")
        .args(["speed", "-seconds", "1", "rsa2048"])
        .stderr(Stdio::null())
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut header: Option<Vec<String>> = None;
    for line in text.lines() {
        let line = line.trim();
        if line.ends_with("verify/s") || line.contains("verify/s ") {
            header = Some(line.split_whitespace().map(str::to_owned).collect());
        } else if let Some(rest) = line.strip_prefix("rsa 2048 bits") {
            let names = header.as_ref()?;
            let values: Vec<f64> = rest
                .split_whitespace()
                .filter_map(|v| v.trim_end_matches('s').parse().ok())
                .collect();
            if values.len() != names.len() {
                return None;
            }
            return Some(names.iter().cloned().zip(values).collect());
        }
    }
    None
}

async fn encryption() -> Result<()> {
    // A 2048-bit key as query-password-info returns it, from the mock tenant.
    let tenant = sailpoint_isc::mock::MockTenant::start().await?;
    let info = tenant
        .client()
        .v2024()
        .query_password_info(&sailpoint_isc::v2024::PasswordInfoQueryDto {
            user_name: Some(sailpoint_isc::mock::DEFAULT_USER_NAME.into()),
            source_name: Some(sailpoint_isc::mock::DEFAULT_SOURCE_NAME.into()),
            ..Default::default()
        })
        .await?;
    tenant.shutdown().await;
    let key_text = info.public_key.ok_or("no public key")?;
    let key = PublicKey::parse(&key_text)?;
    let password = Password::new("n3w-Passw0rd!-for-the-benchmark");

    let full = rate(|| {
        std::hint::black_box(encrypt_password(&key_text, &password)?);
        Ok(())
    })?;
    let parsed = rate(|| {
        std::hint::black_box(key.encrypt(&password)?);
        Ok(())
    })?;
    println!();
    println!("2. RSA-{} PKCS#1 v1.5 encryption, one thread", key.bits());
    println!("   encrypt_password (parse key + encrypt + base64): {full:>9.0} ops/s");
    println!("   PublicKey::encrypt (key parsed once):             {parsed:>9.0} ops/s");
    match openssl_speed() {
        Some(columns) => {
            for (name, value) in &columns {
                if name.ends_with("/s") {
                    println!(
                        "   openssl speed rsa2048 {name:<9}                    {value:>9.0} ops/s"
                    );
                }
            }
            if let Some((_, verify)) = columns.iter().find(|(n, _)| n == "verify/s") {
                println!(
                    "   ratio to openssl's public-key ops (verify/s): encrypt_password {:.2}, parsed key {:.2}",
                    full / verify,
                    parsed / verify
                );
            }
            if let Some((_, encr)) = columns.iter().find(|(n, _)| n == "encr./s") {
                println!(
                    "   ratio to openssl's encryption (encr./s): encrypt_password {:.2}",
                    full / encr
                );
            }
        }
        None => println!("   openssl speed: not available on this machine"),
    }
    Ok(())
}

// ---------------------------------------------------------------- memory

fn kib(bytes: f64) -> String {
    format!("{:.1} KiB", bytes / 1024.0)
}

/// Heap bytes now held, above `before`, per item.
fn per(before: usize, n: usize) -> f64 {
    (ALLOCATOR.allocated() as f64 - before as f64) / n as f64
}

async fn held_server_side(base: &str) -> Result<usize> {
    // Its own client, built before this is called and dropped right after.
    let text = reqwest::get(format!("{base}/count")).await?.text().await?;
    Ok(text.trim().parse()?)
}

async fn memory(base: &str) -> Result<()> {
    const CLIENTS: usize = 200;
    const IN_FLIGHT: usize = 500;
    println!();
    println!("3. memory (heap bytes held, from a counting allocator)");

    let before = ALLOCATOR.allocated();
    let clients: Vec<Client> = (0..CLIENTS)
        .map(|_| sdk_client(base))
        .collect::<Result<_>>()?;
    let per_client = per(before, CLIENTS);
    let before = ALLOCATOR.allocated();
    let clones: Vec<Client> = (0..CLIENTS).map(|i| clients[i % 2].clone()).collect();
    let per_clone = per(before, CLIENTS);
    drop(clones);
    drop(clients);
    let before = ALLOCATOR.allocated();
    let raw: Vec<reqwest::Client> = (0..CLIENTS).map(|_| raw_client()).collect::<Result<_>>()?;
    let per_raw = per(before, CLIENTS);
    drop(raw);
    println!(
        "   idle client (Client::builder()...build()):  {}",
        kib(per_client)
    );
    println!(
        "     of which a bare reqwest::Client:            {}",
        kib(per_raw)
    );
    println!(
        "   clone of a client (shares pool and token):    {}",
        kib(per_clone)
    );

    // In-flight: each request parked on the server for HOLD, each on its
    // own connection (HTTP/1.1), the token already cached.
    for kind in ["generated method", "hand-written reqwest"] {
        let sdk = sdk_client(base)?;
        let http = raw_client()?;
        let api = sdk.v2024();
        api.get_password_change_status("warm-up").await?;
        raw_call(&http, base, "warm-up").await?;
        let held_before = held_server_side(base).await?;
        let before = ALLOCATOR.allocated();
        let mut tasks = tokio::task::JoinSet::new();
        for i in 0..IN_FLIGHT {
            let id = format!("hold-{i}");
            if kind == "generated method" {
                let api = api.clone();
                tasks.spawn(async move {
                    api.get_password_change_status(&id)
                        .await
                        .map(|_| ())
                        .map_err(|e| e.to_string())
                });
            } else {
                let (http, base) = (http.clone(), base.to_owned());
                tasks.spawn(async move {
                    raw_call(&http, &base, &id)
                        .await
                        .map(|_| ())
                        .map_err(|e| e.to_string())
                });
            }
        }
        // Let every request reach the server and park there.
        tokio::time::sleep(HOLD / 2).await;
        let per_request = per(before, IN_FLIGHT);
        let parked = held_server_side(base).await? - held_before;
        while let Some(done) = tasks.join_next().await {
            done?.map_err(|e| format!("held call failed: {e}"))?;
        }
        println!(
            "   in-flight request, {kind:<20} {} ({parked} of {IN_FLIGHT} parked on the server)",
            kib(per_request)
        );
    }
    Ok(())
}
