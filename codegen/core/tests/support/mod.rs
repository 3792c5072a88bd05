//! Helpers shared by the generator's integration tests (each test binary
//! uses a part of them).
#![allow(dead_code)]

use sailpoint_isc_codegen::{generate, load_str, render, Format, Settings};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// Stack of the thread generator cases run on. rustc runs proc macros on its
/// main thread, which has 8 MiB; the generator gets half of that here,
/// unoptimized as proc macros are built, so a case that passes leaves the
/// compiler room.
pub const CASE_STACK: usize = 4 << 20;

/// Loads, generates and renders `doc` on a thread with [`CASE_STACK`];
/// returns the diagnostics' texts and the rendered code, if any.
pub fn generate_on_case_stack(doc: Value) -> (Vec<String>, Option<String>) {
    std::thread::Builder::new()
        .stack_size(CASE_STACK)
        .spawn(move || {
            let text = serde_json::to_string(&doc).expect("serializes");
            match load_str(&text, Path::new("regression.json"), Format::Json) {
                Err(d) => (d.iter().map(ToString::to_string).collect(), None),
                Ok(doc) => {
                    let out = generate(&doc, &Settings::default());
                    let code = render(&out.tokens).expect("generated tokens parse");
                    (
                        out.diagnostics.iter().map(ToString::to_string).collect(),
                        Some(code),
                    )
                }
            }
        })
        .expect("spawn")
        .join()
        .expect("no panic")
}

/// A spec with one operation that sends `#/components/schemas/Root`, and
/// `schemas` as its component schemas.
pub fn spec_with_schemas(schemas: Value) -> Value {
    json!({
        "openapi": "3.0.1",
        "info": {"title": "Regression", "version": "1"},
        "paths": {"/a": {"post": {
            "operationId": "send",
            "requestBody": {"required": true, "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/Root"}}}},
            "responses": {"204": {"description": "ok"}}}}},
        "components": {"schemas": schemas}
    })
}

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The upstream spec `name` from `../shared`, or `None` with a message when
/// it is absent (an error under `CI=true`, where it must be present).
pub fn upstream_spec(name: &str) -> Option<PathBuf> {
    shared_file(
        "upstream spec",
        repo_root().join("../shared/specs/upstream").join(name),
    )
}

/// The per-resource spec `../shared/specs/idn/apis/<resource>/openapi.yaml`
/// beside the repo, or `None` with a message when it is absent (an error
/// under `CI=true`, where it must be present).
pub fn resource_spec(resource: &str) -> Option<PathBuf> {
    shared_file(
        "per-resource spec",
        repo_root()
            .join("../shared/specs/idn/apis")
            .join(resource)
            .join("openapi.yaml"),
    )
}

/// `path` when it is a file; otherwise a skip message, or a failure under
/// `CI=true` so that a CI run can never pass by skipping.
fn shared_file(what: &str, path: PathBuf) -> Option<PathBuf> {
    if path.is_file() {
        return Some(path);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "CI=true but the {what} {} is missing: ../shared must sit beside the repo",
            path.display()
        );
    }
    eprintln!(
        "SKIPPED: {what} {} not found (../shared is not beside the repo)",
        path.display()
    );
    None
}
