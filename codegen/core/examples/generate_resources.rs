//! Prints the code `include_api!(resources = [...])` would generate for
//! several per-resource specs, and its diagnostics on stderr.
//!
//! ```text
//! cargo run -p sailpoint-isc-codegen --example generate_resources -- SPEC...
//! ```

use sailpoint_isc_codegen::{generate_resources, render, Settings};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let specs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if specs.is_empty() {
        eprintln!("usage: generate_resources SPEC...");
        return ExitCode::from(2);
    }
    let out = generate_resources(&specs, &Settings::default());
    for d in &out.diagnostics {
        eprintln!("error: {}", d.diagnostic);
    }
    match render(&out.tokens) {
        Ok(text) => println!("{text}"),
        Err(e) => {
            eprintln!("generated tokens do not parse: {e}");
            return ExitCode::FAILURE;
        }
    }
    eprintln!(
        "modules {:?}: {} diagnostics, {} files",
        out.modules,
        out.diagnostics.len(),
        out.files.len()
    );
    if out.diagnostics.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
