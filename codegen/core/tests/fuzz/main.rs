//! Never a panic: the generator is fed random mutants of real specs and must
//! answer each with tokens or diagnostics.
//!
//! Each case starts from one of the spec files in `spec/` (or, when
//! `../shared` sits beside the repository, a trimmed copy of an upstream
//! SailPoint spec), applies a few random mutations to the parsed document
//! (dropped keys, values of another type, `$ref`s to missing targets,
//! self-referencing and cyclic `$ref`s, cycles through `allOf`, odd enums,
//! weird names, deep nesting, long chains of references), serializes it as
//! JSON or YAML (sometimes truncated), and runs `load_str`, `generate` and
//! `render` under `catch_unwind`. A case fails if any of them panics, if
//! loading fails without a diagnostic, if a diagnostic is reported twice,
//! or if the generated tokens do not parse as Rust.
//!
//! The bounded run in the normal suite takes well under a minute in a debug
//! build. A longer run:
//!
//! ```text
//! FUZZ_CASES=200000 FUZZ_SEED=1 cargo test --release -p sailpoint-isc-codegen --test fuzz -- --nocapture
//! ```
//!
//! - `FUZZ_CASES`: cases on the small specs (default 2000); the upstream
//!   specs get `FUZZ_UPSTREAM_CASES` (default 16).
//! - `FUZZ_SEED`: the run's seed (default fixed, so the suite is
//!   deterministic); every case's own seed derives from it and its number.
//! - `FUZZ_ONLY=N`: run case N alone (to reproduce a failure).
//! - `FUZZ_VERBOSE=1`: print each case before it runs and write its mutant
//!   to `fuzz-failures/last.<ext>` (to find the one that overflows the
//!   stack, which aborts the process).
//! - `FUZZ_CASE_TIMEOUT`: seconds one case may take before the run is
//!   aborted as hung (default 120).
//!
//! A failing case's mutant is written to
//! `<target>/tmp/fuzz-failures/<seed set>-<case>.<json|yaml>`, and the bugs
//! found are kept as `regression_*` tests beside the topic they guard
//! (`diagnostics.rs`, `generate.rs`), on the same stack (see `support`).

mod guard;
mod mutate;
mod run;
mod seeds;
#[path = "../support/mod.rs"]
mod support;

use support::{repo_root, upstream_spec};

use run::{assert_no_failures, run};
use seeds::{trim_upstream, SeedSpec};
use serde_json::{Map, Value};
use std::path::Path;

pub(crate) const DEFAULT_SEED: u64 = 0x5A11_9017;

pub(crate) fn env_u64(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) => v
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v} is not a number")),
        Err(_) => default,
    }
}

fn read_yaml(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("read spec");
    serde_yaml::from_str(&text).expect("spec parses")
}

#[test]
fn mutants_of_the_shipped_specs_never_panic() {
    let seeds: Vec<SeedSpec> = [
        "spec/v2024/password-management.yaml",
        "spec/beta/password-management.yaml",
    ]
    .iter()
    .map(|rel| SeedSpec::new(*rel, read_yaml(&repo_root().join(rel))))
    .collect();
    let tally = run("small", seeds, env_u64("FUZZ_CASES", 2000), 3);
    assert_no_failures(&tally);
}

#[test]
fn mutants_of_trimmed_upstream_specs_never_panic() {
    let mut seeds = Vec::new();
    for name in [
        "deref-sailpoint-api.v2024.yaml",
        "deref-sailpoint-api.beta.yaml",
    ] {
        let Some(path) = upstream_spec(name) else {
            return;
        };
        let doc = read_yaml(&path);
        let n_paths = doc
            .get("paths")
            .and_then(Value::as_object)
            .map_or(0, Map::len);
        // A few windows spread over the spec, so different areas are covered.
        for w in 0..4 {
            let start = n_paths * w / 4;
            seeds.push(SeedSpec::new(
                format!("{name} paths {start}..{}", start + 6),
                trim_upstream(&doc, start, 6),
            ));
        }
    }
    let tally = run("upstream", seeds, env_u64("FUZZ_UPSTREAM_CASES", 16), 3);
    assert_no_failures(&tally);
}
