//! Memory while streaming a long list: run with
//!
//! ```sh
//! cargo bench -p sailpoint-isc-tests --bench paginate
//! ```
//!
//! A loopback ISC list server makes `PAGINATE_RECORDS` records (default
//! 100,000, about 300 bytes of JSON each) on the fly, and an
//! `OffsetPager` streams them through `sailpoint_isc::Client` in pages of
//! 250, one record at a time. A counting global allocator gives the heap in
//! use (client and server together: they share the process), read at every
//! record and by a thread every 50 µs. The figures printed:
//!
//! - the heap in use every 10% of the stream and the highest value read
//!   since the previous line, then the peak over the whole stream: flat
//!   figures mean the stream holds one page at a time, whatever the length
//!   of the list;
//! - for contrast, the heap held by collecting the same records into a `Vec`.

use axum::extract::Query;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use futures_util::{StreamExt, TryStreamExt};
use sailpoint_isc::json::{Decode, DecodeError};
use sailpoint_isc::paginate::{OffsetPager, Page, PageRequest, ISC_MAX_PAGE_SIZE};
use sailpoint_isc::{Client, Request};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOCATOR: cap::Cap<std::alloc::System> = cap::Cap::new(std::alloc::System, usize::MAX);

type Result<T, E = Box<dyn std::error::Error>> = std::result::Result<T, E>;

/// An identity-like record, decoded as the generated models are.
#[derive(Debug, Deserialize)]
#[allow(dead_code)] // Fields are read only to make decoding real.
#[serde(rename_all = "camelCase")]
struct Identity {
    id: String,
    name: String,
    email: String,
    created: String,
    attributes: BTreeMap<String, Value>,
}

impl Decode for Identity {
    fn decode(v: Value) -> Result<Self, DecodeError> {
        sailpoint_isc::json::decode_with_serde(v)
    }
}

#[derive(Deserialize)]
struct ListQuery {
    offset: u64,
    limit: u64,
}

fn identity(n: u64) -> Value {
    let department = ["Sales", "Engineering", "Finance"][(n % 3) as usize];
    json!({
        "id": format!("2c9180858082150f0180893dbaf{n:05x}"),
        "name": format!("identity.{n:06}"),
        "email": format!("identity.{n:06}@example.com"),
        "created": "2023-01-03T21:16:22.432Z",
        "attributes": {
            "department": department,
            "location": "Austin",
            "title": "Account Executive",
            "cloudLifecycleState": "active"
        }
    })
}

async fn serve(records: u64) -> Result<String> {
    let router = Router::new().route(
        "/v2024/identities",
        get(move |Query(q): Query<ListQuery>| async move {
            let end = (q.offset + q.limit.min(250)).min(records);
            let page: Vec<Value> = (q.offset.min(end)..end).map(identity).collect();
            Json(page).into_response()
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    Ok(format!("http://{addr}"))
}

fn pager(client: &Client) -> OffsetPager<Identity> {
    let client = client.clone();
    OffsetPager::new(ISC_MAX_PAGE_SIZE, move |req: PageRequest| {
        let call = Request::get("/v2024/identities")
            .operation_id("listIdentities")
            .query("offset", req.offset)
            .query("limit", req.limit);
        let client = client.clone();
        async move { Ok(Page::new(client.execute::<Vec<Identity>>(call).await?)) }
    })
}

/// The highest heap in use seen by a thread reading it every 50 µs.
struct PeakSampler {
    peak: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
}

impl PeakSampler {
    fn start() -> Self {
        let peak = Arc::new(AtomicUsize::new(ALLOCATOR.allocated()));
        let stop = Arc::new(AtomicBool::new(false));
        let (p, s) = (peak.clone(), stop.clone());
        std::thread::spawn(move || {
            while !s.load(Ordering::Relaxed) {
                p.fetch_max(ALLOCATOR.allocated(), Ordering::Relaxed);
                std::thread::sleep(Duration::from_micros(50));
            }
        });
        PeakSampler { peak, stop }
    }

    fn peak(&self) -> usize {
        self.peak.load(Ordering::Relaxed)
    }
}

impl Drop for PeakSampler {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

fn kib(bytes: usize) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

async fn run(records: u64) -> Result<()> {
    let base = serve(records).await?;
    let client = Client::builder()
        .base_url(&base)
        .bearer_token("bench-token")
        .build()?;
    // Warm up: connection pool, TLS-free HTTP machinery, tracing callsites.
    let _ = pager(&client).max_items(500).items().count().await;
    let baseline = ALLOCATOR.allocated();
    println!("streaming {records} records in pages of 250 (heap in use, client and server)");
    println!("  before the stream: {}", kib(baseline));

    let sampler = PeakSampler::start();
    let started = Instant::now();
    let mut items = pager(&client).items();
    let (mut seen, mut at_records_peak, mut window_peak) = (0u64, 0usize, 0usize);
    let mut checkpoints = Vec::new();
    while let Some(item) = items.next().await {
        let identity = item?;
        seen += 1;
        window_peak = window_peak.max(ALLOCATOR.allocated());
        drop(identity);
        if seen % (records / 10).max(1) == 0 {
            checkpoints.push((seen, ALLOCATOR.allocated(), window_peak));
            at_records_peak = at_records_peak.max(window_peak);
            window_peak = 0;
        }
    }
    at_records_peak = at_records_peak.max(window_peak);
    let elapsed = started.elapsed();
    drop(items);
    println!("  records read     in use then   highest since the line before");
    for (n, heap, peak) in &checkpoints {
        println!("  {n:>12}  {:>14}  {:>14}", kib(*heap), kib(*peak));
    }
    println!(
        "  peak while streaming: {} at record boundaries, {} sampled every 50 µs (+{} over baseline)",
        kib(at_records_peak),
        kib(sampler.peak()),
        kib(sampler.peak().saturating_sub(baseline)),
    );
    println!(
        "  {seen} records in {:.2} s ({:.0} records/s)",
        elapsed.as_secs_f64(),
        seen as f64 / elapsed.as_secs_f64()
    );
    drop(sampler);

    let before = ALLOCATOR.allocated();
    let all: Vec<Identity> = pager(&client).items().try_collect().await?;
    println!(
        "  for contrast, collecting all {} into a Vec holds {}",
        all.len(),
        kib(ALLOCATOR.allocated().saturating_sub(before))
    );
    if seen != records || all.len() as u64 != records {
        return Err(format!(
            "expected {records} records, streamed {seen}, collected {}",
            all.len()
        )
        .into());
    }
    Ok(())
}

fn main() -> Result<()> {
    let records = std::env::var("PAGINATE_RECORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000u64);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(run(records))
}
