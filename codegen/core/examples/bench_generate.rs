//! Times the generator's three stages on a spec: load (parse and bundle),
//! model (the IR) and emit (tokens), median of several runs.
//!
//! ```text
//! cargo run --release -p sailpoint-isc-codegen --example bench_generate -- SPEC [RUNS] [--tag T]... [--operation ID]... [--full]
//! ```
//!
//! The file is loaded as [`generate_file`](sailpoint_isc_codegen::generate_file)
//! (and so the macro) loads it: with a filter, only what the filter reaches
//! when the file allows it (the partial loader), else the whole file. `--full`
//! always loads the whole file. The line says which load was used.
//!
//! ```text
//! cargo run --release -p sailpoint-isc-codegen --example bench_generate -- DIR [RUNS] --resources a,b,c [--separate]
//! ```
//!
//! times the per-resource specs `DIR/a/openapi.yaml`... generated together
//! (as `include_api!(resources = [...])` does), or with `--separate` one by
//! one (as six separate invocations do): load, model and emit in one figure.

use sailpoint_isc_codegen::unstable::{emit, ir, load_partial};
use sailpoint_isc_codegen::{load_file, Settings};
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
    let values = |flag: &str| -> Vec<String> {
        args.windows(2)
            .filter(|w| w[0] == flag)
            .map(|w| w[1].clone())
            .collect()
    };
    let settings = Settings::default()
        .with_tags(values("--tag"))
        .with_operations(values("--operation"));
    if let Some(list) = values("--resources").first() {
        let separate = args.iter().any(|a| a == "--separate");
        resources(spec, list, runs, separate, &settings);
        return;
    }
    let full = args.iter().any(|a| a == "--full");
    let mut how = "full";
    let (mut load, mut model, mut out, mut total) = (vec![], vec![], vec![], vec![]);
    let mut sizes = (0, 0, 0);
    for _ in 0..runs {
        let t0 = Instant::now();
        let path = std::path::Path::new(spec);
        let pruned = if full {
            None
        } else {
            load_partial(path, &settings)
        };
        let doc = match pruned {
            Some(d) => {
                how = "partial";
                d
            }
            None => match load_file(path) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("{e:?}");
                    std::process::exit(1);
                }
            },
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
        "{spec}: {} operations, {} types, {} bytes of tokens; median of {runs}: load ({how}) {:?}, model {:?}, emit {:?}, total {:?}",
        sizes.0,
        sizes.1,
        sizes.2,
        median(load),
        median(model),
        median(out),
        median(total)
    );
}

/// Times several resources, together or one by one.
fn resources(dir: &str, list: &str, runs: usize, separate: bool, settings: &Settings) {
    let paths: Vec<std::path::PathBuf> = list
        .split(',')
        .map(|r| std::path::Path::new(dir).join(r).join("openapi.yaml"))
        .collect();
    let mut total = Vec::new();
    let mut bytes = 0;
    for _ in 0..runs {
        let t0 = Instant::now();
        bytes = if separate {
            paths
                .iter()
                .map(|p| {
                    sailpoint_isc_codegen::generate_file(p, settings)
                        .tokens
                        .to_string()
                        .len()
                })
                .sum()
        } else {
            sailpoint_isc_codegen::generate_resources(&paths, settings)
                .tokens
                .to_string()
                .len()
        };
        total.push(t0.elapsed());
    }
    let how = if separate { "one by one" } else { "together" };
    println!(
        "{dir}: {} resources {how}, {bytes} bytes of tokens; median of {runs}: total {:?}",
        paths.len(),
        median(total)
    );
}
