//! Times the generator's three stages on a spec: load (parse and bundle),
//! model (the IR) and emit (tokens), median of several runs.
//!
//! ```text
//! cargo run --release -p sailpoint-isc-codegen --example bench_generate -- SPEC [RUNS] [--tag T]
//! ```

use sailpoint_isc_codegen::{emit, ir, load_file, Settings};
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(spec) = args.first() else {
        eprintln!("usage: bench_generate SPEC [RUNS] [--tag T]");
        std::process::exit(2);
    };
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5);
    let mut settings = Settings::default();
    if let Some(i) = args.iter().position(|a| a == "--tag") {
        settings = settings.with_tags(args.get(i + 1).cloned());
    }
    let (mut load, mut model, mut out, mut total) = (vec![], vec![], vec![], vec![]);
    let mut sizes = (0, 0, 0);
    for _ in 0..runs {
        let t0 = Instant::now();
        let doc = match load_file(std::path::Path::new(spec)) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{e:?}");
                std::process::exit(1);
            }
        };
        let t1 = Instant::now();
        let (api, _diags) = ir::build(&doc, &settings);
        let t2 = Instant::now();
        let tokens = emit::emit(&api, &settings.runtime);
        let t3 = Instant::now();
        sizes = (
            api.operations.len(),
            api.emitted_models().count(),
            tokens.to_string().len(),
        );
        load.push(t1 - t0);
        model.push(t2 - t1);
        out.push(t3 - t2);
        total.push(t3 - t0);
    }
    println!(
        "{spec}: {} operations, {} types, {} bytes of tokens; median of {runs}: load {:?}, model {:?}, emit {:?}, total {:?}",
        sizes.0,
        sizes.1,
        sizes.2,
        median(load),
        median(model),
        median(out),
        median(total)
    );
}
