//! Prints the code `include_api!` would generate for a spec, and its
//! diagnostics on stderr.
//!
//! ```text
//! cargo run -p sailpoint-isc-codegen --example generate -- SPEC [--suffix S] [--tag T]... [--op ID]...
//! ```

use sailpoint_isc_codegen::{generate_file, render, Settings};
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(spec) = args.next() else {
        eprintln!("usage: generate SPEC [--suffix S] [--tag T]... [--op ID]...");
        return ExitCode::from(2);
    };
    let (mut suffix, mut tags, mut ops) = (String::new(), Vec::new(), Vec::new());
    while let Some(flag) = args.next() {
        let value = args.next().unwrap_or_default();
        match flag.as_str() {
            "--suffix" => suffix = value,
            "--tag" => tags.push(value),
            "--op" => ops.push(value),
            other => {
                eprintln!("unknown flag {other}");
                return ExitCode::from(2);
            }
        }
    }
    let settings = Settings::default()
        .with_suffix(suffix)
        .with_tags(tags)
        .with_operations(ops);
    let started = Instant::now();
    let out = generate_file(std::path::Path::new(&spec), &settings);
    let took = started.elapsed();
    for d in &out.diagnostics {
        eprintln!("error: {d}");
    }
    match render(&out.tokens) {
        Ok(text) => println!("{text}"),
        Err(e) => {
            eprintln!("generated tokens do not parse: {e}");
            return ExitCode::FAILURE;
        }
    }
    eprintln!(
        "generated in {took:?}: {} diagnostics",
        out.diagnostics.len()
    );
    if out.diagnostics.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
