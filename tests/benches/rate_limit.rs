//! Bulk work against a rate-limited tenant, measured: run with
//!
//! ```sh
//! cargo bench -p sailpoint-isc-tests --bench rate_limit
//! ```
//!
//! 1,000 concurrent `POST`s (not idempotent, each with its own id) from one
//! client against a loopback server that enforces ISC's limit scaled down
//! tenfold in time, 100 requests per 1 s fixed window (token requests
//! included), answering 429 with `Retry-After` beyond it. Once with the
//! client-side limit set to the server's and once with it off, both with
//! the default retry policy's attempts and the default retry budget.
//! Printed side by side: calls that succeeded or were lost, POSTs the
//! server applied twice, requests sent and answered 429, goodput (items
//! accepted per window of time against the limit), wall time.
//!
//! `BENCH_CALLS` sets the number of calls (default 1000).

use sailpoint_isc::RateLimit;
use sailpoint_isc_tests::rate_server::{print_side_by_side, run_load, Mode, RateServer};
use std::time::Duration;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let calls = std::env::var("BENCH_CALLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000usize);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    rt.block_on(async {
        let window = Duration::from_secs(1);
        let mode = Mode::Limit {
            requests: 100,
            window,
        };
        let server = RateServer::start(mode.clone()).await;
        let client = server
            .builder()
            .rate_limit(RateLimit::per(100, window))
            .build()?;
        let on = run_load(&client, &server, calls).await;
        let server_off = RateServer::start(mode).await;
        let client_off = server_off.builder().rate_limit(RateLimit::off()).build()?;
        let off = run_load(&client_off, &server_off, calls).await;
        println!("sailpoint-isc rate-limit benchmark");
        print_side_by_side(
            &format!("{calls} concurrent POSTs, server limit 100 per 1 s window"),
            &[("limiter on", &on), ("limiter off", &off)],
        );
        Ok::<_, Box<dyn std::error::Error>>(())
    })
}
