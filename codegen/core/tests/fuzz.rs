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
//! loading fails without a diagnostic, or if the generated tokens do not
//! parse as Rust.
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
//! found are kept as `regression_*` tests below.

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use sailpoint_isc_codegen::{generate, load_str, render, Format, Settings};
use serde_json::{json, Map, Value};
use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Once};
use std::time::{Duration, Instant};

const DEFAULT_SEED: u64 = 0x5A11_9017;

fn env_u64(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) => v
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v} is not a number")),
        Err(_) => default,
    }
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The upstream spec `name` from `../shared`, or `None` with a message when
/// it is absent (an error under `CI=true`, where it must be present).
fn upstream_spec(name: &str) -> Option<PathBuf> {
    let path = repo_root().join("../shared/specs/upstream").join(name);
    if path.is_file() {
        return Some(path);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "CI=true but the upstream spec {} is missing: ../shared must sit beside the repo",
            path.display()
        );
    }
    eprintln!(
        "SKIPPED: upstream spec {} not found (../shared is not beside the repo)",
        path.display()
    );
    None
}

fn read_yaml(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("read spec");
    serde_yaml::from_str(&text).expect("spec parses")
}

// ---------------------------------------------------------------------------
// Panic capture: the hook records the message on the panicking thread, so a
// failure is reported once, compactly, with its case number.

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let captured = LAST_PANIC.with(|p| {
                let mut p = p.borrow_mut();
                if p.is_some() {
                    // Inside a case: keep the message for the report.
                    *p = Some(info.to_string());
                    true
                } else {
                    false
                }
            });
            if !captured {
                default(info);
            }
        }));
    });
}

/// Runs `f`, returning the panic message if it panicked.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    LAST_PANIC.with(|p| *p.borrow_mut() = Some(String::new()));
    let r = catch_unwind(AssertUnwindSafe(f));
    let msg = LAST_PANIC
        .with(|p| p.borrow_mut().take())
        .unwrap_or_default();
    r.map_err(|_| msg)
}

/// Aborts the process if one case runs longer than the timeout: a hang
/// must fail the run with the case's number, not stall it.
struct Watchdog {
    started_ms: Arc<AtomicU64>,
    case: Arc<AtomicU64>,
    stop: Arc<AtomicBool>,
    epoch: Instant,
}

impl Watchdog {
    fn start(label: String, seed: u64, timeout: Duration) -> Self {
        let w = Watchdog {
            started_ms: Arc::new(AtomicU64::new(u64::MAX)),
            case: Arc::new(AtomicU64::new(0)),
            stop: Arc::new(AtomicBool::new(false)),
            epoch: Instant::now(),
        };
        let (started, case, stop, epoch) = (
            w.started_ms.clone(),
            w.case.clone(),
            w.stop.clone(),
            w.epoch,
        );
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(250));
                let s = started.load(Ordering::Relaxed);
                if s != u64::MAX {
                    let now = epoch.elapsed().as_millis() as u64;
                    if now.saturating_sub(s) > timeout.as_millis() as u64 {
                        eprintln!(
                            "HUNG: {label} case {} (FUZZ_SEED={seed} FUZZ_ONLY={}) ran over {timeout:?}",
                            case.load(Ordering::Relaxed),
                            case.load(Ordering::Relaxed),
                        );
                        std::process::exit(101);
                    }
                }
            }
        });
        w
    }

    fn begin(&self, case: u64) {
        self.case.store(case, Ordering::Relaxed);
        self.started_ms
            .store(self.epoch.elapsed().as_millis() as u64, Ordering::Relaxed);
    }

    fn end(&self) {
        self.started_ms.store(u64::MAX, Ordering::Relaxed);
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

// ---------------------------------------------------------------------------
// Addressing nodes of a JSON value.

#[derive(Debug, Clone)]
enum Seg {
    Key(String),
    Index(usize),
}

type NodePath = Vec<Seg>;

/// Every node's path, parents before children (bounded, for huge documents).
fn all_paths(root: &Value) -> Vec<NodePath> {
    const LIMIT: usize = 200_000;
    let mut out = Vec::new();
    let mut stack: Vec<(NodePath, &Value)> = vec![(Vec::new(), root)];
    while let Some((path, v)) = stack.pop() {
        match v {
            Value::Object(m) => {
                for (k, child) in m {
                    let mut p = path.clone();
                    p.push(Seg::Key(k.clone()));
                    stack.push((p, child));
                }
            }
            Value::Array(a) => {
                for (i, child) in a.iter().enumerate() {
                    let mut p = path.clone();
                    p.push(Seg::Index(i));
                    stack.push((p, child));
                }
            }
            _ => {}
        }
        out.push(path);
        if out.len() >= LIMIT {
            break;
        }
    }
    out
}

fn get_mut<'a>(root: &'a mut Value, path: &[Seg]) -> Option<&'a mut Value> {
    let mut node = root;
    for seg in path {
        node = match (seg, node) {
            (Seg::Key(k), Value::Object(m)) => m.get_mut(k)?,
            (Seg::Index(i), Value::Array(a)) => a.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(node)
}

fn get<'a>(root: &'a Value, path: &[Seg]) -> Option<&'a Value> {
    let mut node = root;
    for seg in path {
        node = match (seg, node) {
            (Seg::Key(k), Value::Object(m)) => m.get(k)?,
            (Seg::Index(i), Value::Array(a)) => a.get(*i)?,
            _ => return None,
        };
    }
    Some(node)
}

fn pointer(path: &[Seg]) -> String {
    let mut s = String::from("#");
    for seg in path {
        s.push('/');
        match seg {
            Seg::Key(k) => s.push_str(&k.replace('~', "~0").replace('/', "~1")),
            Seg::Index(i) => s.push_str(&i.to_string()),
        }
    }
    s
}

/// Keys that mark a node as part of the API's structure rather than prose
/// or examples; mutations prefer such nodes.
const STRUCTURAL: &[&str] = &[
    "type",
    "properties",
    "$ref",
    "allOf",
    "oneOf",
    "anyOf",
    "items",
    "schema",
    "parameters",
    "responses",
    "content",
    "enum",
    "requestBody",
    "operationId",
    "required",
    "additionalProperties",
    "nullable",
    "format",
    "in",
];

fn is_structural(v: &Value) -> bool {
    matches!(v, Value::Object(m) if STRUCTURAL.iter().any(|k| m.contains_key(*k)))
}

// ---------------------------------------------------------------------------
// Mutations.

const WEIRD_NAMES: &[&str] = &[
    "",
    " ",
    "_",
    "__",
    "-",
    "self",
    "Self",
    "super",
    "crate",
    "type",
    "r#type",
    "fn",
    "async",
    "await",
    "gen",
    "Api",
    "BASE_PATH",
    "new",
    "client",
    "fmt",
    "body",
    "Other",
    "Option",
    "String",
    "Vec",
    "Result",
    "0",
    "123abc",
    "💥",
    "naïve",
    "a/b~c",
    "{id}",
    "#/components/schemas/x",
    "x-sailpoint-isc-files",
    "$ref",
    "a\nb",
    "\"quoted\"",
    "very_long_name_very_long_name_very_long_name_very_long_name_very_long_name",
];

const MISSING_REFS: &[&str] = &[
    "#/components/schemas/DoesNotExist",
    "#/components/responses/DoesNotExist",
    "#/components/parameters/DoesNotExist",
    "#/paths/~1nowhere/get",
    "#/components/schemas",
    "#/info/title",
    "#/openapi",
    "#",
    "#/",
    "",
    "#//",
    "#/components/schemas/~2bad-escape",
    "#/paths/0",
    "missing-file.yaml",
    "./missing/dir/file.json#/x",
    "https://example.com/spec.yaml#/components/schemas/X",
];

fn random_scalar(rng: &mut StdRng) -> Value {
    match rng.gen_range(0..6) {
        0 => Value::Null,
        1 => Value::Bool(rng.gen()),
        2 => json!(rng.gen_range(-1000i64..100_000)),
        3 => json!(rng.gen::<f64>() * 1e6),
        4 => Value::String((*WEIRD_NAMES.choose(rng).unwrap_or(&"x")).to_owned()),
        _ => Value::String("string".to_owned()),
    }
}

/// A value of a different JSON type than `v`.
fn other_type(rng: &mut StdRng, v: &Value) -> Value {
    loop {
        let candidate = match rng.gen_range(0..6) {
            0 => Value::Null,
            1 => Value::Bool(rng.gen()),
            2 => json!(rng.gen_range(-5i64..70_000)),
            3 => Value::String("swapped".to_owned()),
            4 => json!([random_scalar(rng), {"type": "string"}]),
            _ => json!({"type": "object", "swapped": random_scalar(rng)}),
        };
        if std::mem::discriminant(&candidate) != std::mem::discriminant(v) {
            return candidate;
        }
    }
}

/// A nested value of depth `depth`.
fn nested(rng: &mut StdRng, depth: usize) -> Value {
    let kind = rng.gen_range(0..6);
    let mut v = match kind {
        0 | 1 => json!({"type": "string"}),
        2 => json!({"$ref": "#/components/schemas/DoesNotExist"}),
        _ => json!(null),
    };
    for i in 0..depth {
        v = match kind {
            0 => json!({"type": "array", "items": v}),
            1 => json!({"type": "object", "properties": {format!("p{i}"): v}}),
            2 => json!({"allOf": [v, {"type": "object"}]}),
            3 => json!({"oneOf": [v, {"type": "integer"}]}),
            4 => json!([v]),
            _ => json!({"additionalProperties": v}),
        };
    }
    v
}

fn component_schema_names(doc: &Value) -> Vec<String> {
    doc.pointer("/components/schemas")
        .and_then(Value::as_object)
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

fn ensure_schemas(doc: &mut Value) -> Option<&mut Map<String, Value>> {
    let root = doc.as_object_mut()?;
    let components = root
        .entry("components")
        .or_insert_with(|| json!({}))
        .as_object_mut()?;
    components
        .entry("schemas")
        .or_insert_with(|| json!({}))
        .as_object_mut()
}

/// Picks a node, preferring structural ones.
fn pick(rng: &mut StdRng, doc: &Value, paths: &[NodePath]) -> NodePath {
    if rng.gen_bool(0.8) {
        for _ in 0..20 {
            if let Some(p) = paths.choose(rng) {
                if get(doc, p).is_some_and(is_structural) {
                    return p.clone();
                }
            }
        }
    }
    paths.choose(rng).cloned().unwrap_or_default()
}

/// Applies one random mutation; returns its name for the report.
fn mutate(rng: &mut StdRng, doc: &mut Value) -> &'static str {
    let paths = all_paths(doc);
    let target = pick(rng, doc, &paths);
    let ptr = pointer(&target);
    // Weights: mutations that keep the document valid OpenAPI (so the
    // generator, not just the loader, sees the mutant) are picked more often.
    const WEIGHTS: [(u8, u32); 11] = [
        (0, 1),  // drop-key
        (1, 1),  // swap-type
        (3, 2),  // missing-ref
        (4, 2),  // self-ref
        (5, 2),  // allof-cycle
        (6, 1),  // enum
        (7, 3),  // weird-name
        (9, 1),  // deep-nesting
        (10, 1), // ref-chain
        (11, 1), // copy-subtree
        (12, 1), // scalar
    ];
    let total: u32 = WEIGHTS.iter().map(|(_, w)| w).sum();
    let mut roll = rng.gen_range(0..total);
    let mut which = 0;
    for (m, w) in WEIGHTS {
        if roll < w {
            which = m;
            break;
        }
        roll -= w;
    }
    match which {
        0 => {
            // Drop a key.
            if let Some(Value::Object(m)) = get_mut(doc, &target) {
                let keys: Vec<String> = m.keys().cloned().collect();
                if let Some(k) = keys.choose(rng) {
                    m.shift_remove(k);
                }
            }
            "drop-key"
        }
        1 => {
            // Swap a value's type.
            if let Some(v) = get_mut(doc, &target) {
                *v = other_type(rng, v);
            }
            "swap-type"
        }
        3 => {
            // A reference to a target that does not exist (or is odd).
            let r = *MISSING_REFS.choose(rng).unwrap_or(&"#/x");
            if let Some(v) = get_mut(doc, &target) {
                if rng.gen_bool(0.5) {
                    *v = json!({ "$ref": r });
                } else if let Value::Object(m) = v {
                    m.insert("$ref".to_owned(), json!(r));
                }
            }
            "missing-ref"
        }
        4 => {
            // A node that refers to itself, or two that refer to each other.
            if rng.gen_bool(0.5) {
                if let Some(v) = get_mut(doc, &target) {
                    *v = json!({ "$ref": ptr });
                }
            } else {
                let other = pick(rng, doc, &paths);
                let other_ptr = pointer(&other);
                if let Some(v) = get_mut(doc, &target) {
                    *v = json!({ "$ref": other_ptr });
                }
                if let Some(v) = get_mut(doc, &other) {
                    *v = json!({ "$ref": ptr });
                }
            }
            "self-ref"
        }
        5 => {
            // A cycle through allOf, on a component schema or any node.
            let names = component_schema_names(doc);
            let (at, path) = match names.choose(rng) {
                Some(n) if rng.gen_bool(0.7) => (
                    format!(
                        "#/components/schemas/{}",
                        n.replace('~', "~0").replace('/', "~1")
                    ),
                    vec![
                        Seg::Key("components".into()),
                        Seg::Key("schemas".into()),
                        Seg::Key(n.clone()),
                    ],
                ),
                _ => (ptr.clone(), target.clone()),
            };
            let width = rng.gen_range(1..6);
            let mut parts: Vec<Value> = (0..width).map(|_| json!({ "$ref": at })).collect();
            if let Some(other) = names.choose(rng) {
                parts.push(json!({ "$ref": format!("#/components/schemas/{other}") }));
            }
            parts.push(json!({"type": "object", "properties": {"extra": {"type": "string"}}}));
            if let Some(v) = get_mut(doc, &path) {
                *v = json!({ "allOf": parts });
            }
            // Sometimes close the loop through another schema too.
            if let (Some(other), true) = (names.choose(rng), rng.gen_bool(0.5)) {
                let path = vec![
                    Seg::Key("components".into()),
                    Seg::Key("schemas".into()),
                    Seg::Key(other.clone()),
                ];
                if let Some(v) = get_mut(doc, &path) {
                    *v = json!({ "allOf": [{ "$ref": at }, { "$ref": at }] });
                }
            }
            "allof-cycle"
        }
        6 => {
            // Empty and odd enums.
            let e = match rng.gen_range(0..5) {
                0 => json!([]),
                1 => json!([null]),
                2 => json!(["", "", "a", "A", "a-", "self", "Self", "Other", "1", "💥"]),
                3 => json!([1, "x", {"a": 1}, [2], true, null]),
                _ => json!("not-a-list"),
            };
            if let Some(Value::Object(m)) = get_mut(doc, &target) {
                m.insert("enum".to_owned(), e);
                if rng.gen_bool(0.5) {
                    m.insert("type".to_owned(), json!("string"));
                }
            }
            "enum"
        }
        7 => {
            // Weird names: a renamed key, or a name-like string replaced;
            // mostly where names come from (properties, components,
            // operationIds, parameter names, enum values).
            let weird = *WEIRD_NAMES.choose(rng).unwrap_or(&"x");
            let named: Vec<&NodePath> = paths
                .iter()
                .filter(|p| match p.as_slice() {
                    [.., Seg::Key(parent), Seg::Key(_)] => {
                        matches!(parent.as_str(), "properties" | "schemas" | "responses")
                    }
                    [.., Seg::Key(k)] => matches!(k.as_str(), "operationId" | "name" | "title"),
                    [.., Seg::Key(parent), Seg::Index(_)] => {
                        matches!(parent.as_str(), "enum" | "tags")
                    }
                    _ => false,
                })
                .collect();
            let target = match named.choose(rng) {
                Some(p) if rng.gen_bool(0.8) => (*p).clone(),
                _ => target,
            };
            if let (Some((Seg::Key(last), parent)), true) = (target.split_last(), rng.gen_bool(0.5))
            {
                if let Some(Value::Object(m)) = get_mut(doc, parent) {
                    if let Some(v) = m.shift_remove(last) {
                        m.insert(weird.to_owned(), v);
                        return "weird-name";
                    }
                }
            }
            match get_mut(doc, &target) {
                Some(Value::Object(m)) if !m.is_empty() => {
                    let keys: Vec<String> = m.keys().cloned().collect();
                    if let Some(k) = keys.choose(rng) {
                        if let Some(v) = m.shift_remove(k) {
                            m.insert(weird.to_owned(), v);
                        }
                    }
                    for key in ["operationId", "name", "title"] {
                        if m.contains_key(key) && rng.gen_bool(0.5) {
                            m.insert(key.to_owned(), json!(weird));
                        }
                    }
                }
                Some(v @ Value::String(_)) => *v = json!(weird),
                _ => {
                    // Rename a component schema.
                    if let Some(schemas) = ensure_schemas(doc) {
                        let keys: Vec<String> = schemas.keys().cloned().collect();
                        if let Some(k) = keys.choose(rng) {
                            if let Some(v) = schemas.shift_remove(k) {
                                schemas.insert(weird.to_owned(), v);
                            }
                        }
                    }
                }
            }
            "weird-name"
        }
        9 => {
            // Deep nesting; sometimes past the generator's limit of 64
            // levels, or the parsers' of 128.
            let depth = if rng.gen_bool(0.85) {
                rng.gen_range(5..60)
            } else {
                rng.gen_range(60..300)
            };
            let n = nested(rng, depth);
            if let Some(v) = get_mut(doc, &target) {
                *v = n;
            }
            "deep-nesting"
        }
        10 => {
            // A long chain of references, which no parser limit bounds.
            // Well past the depth at which components are deferred (24);
            // longer chains only cost time (cycle detection is quadratic).
            let len = rng.gen_range(30..400);
            let components = rng.gen_bool(0.6);
            let link = |i: usize| {
                if components {
                    format!("#/components/schemas/Chain{i}")
                } else {
                    format!("#/x-chain/c{i}")
                }
            };
            let mut chain = Map::new();
            for i in 0..len {
                let next = if i + 1 == len && rng.gen_bool(0.3) {
                    link(0)
                } else {
                    link(i + 1)
                };
                let node = match i % 3 {
                    0 => json!({"type": "object", "properties": {"next": {"$ref": next}}}),
                    1 => json!({"type": "array", "items": {"$ref": next}}),
                    _ => json!({"allOf": [{"$ref": next}]}),
                };
                let key = if components {
                    format!("Chain{i}")
                } else {
                    format!("c{i}")
                };
                chain.insert(key, node);
            }
            if components {
                if let Some(schemas) = ensure_schemas(doc) {
                    schemas.extend(chain);
                }
            } else if let Some(root) = doc.as_object_mut() {
                root.insert("x-chain".to_owned(), Value::Object(chain));
            }
            let first = link(0);
            if let Some(v) = get_mut(doc, &target) {
                *v = json!({ "$ref": first });
            }
            "ref-chain"
        }
        11 => {
            // A subtree copied over another one.
            let from = pick(rng, doc, &paths);
            if let Some(v) = get(doc, &from).cloned() {
                if let Some(t) = get_mut(doc, &target) {
                    *t = v;
                }
            }
            "copy-subtree"
        }
        _ => {
            // A random scalar anywhere.
            let s = random_scalar(rng);
            if let Some(v) = get_mut(doc, &target) {
                *v = s;
            }
            "scalar"
        }
    }
}

// ---------------------------------------------------------------------------
// Running cases.

/// A starting document and the operation ids and tags it has (for filters).
struct SeedSpec {
    name: String,
    doc: Value,
    operation_ids: Vec<String>,
    tags: Vec<String>,
}

impl SeedSpec {
    fn new(name: impl Into<String>, doc: Value) -> Self {
        let mut operation_ids = Vec::new();
        let mut tags = Vec::new();
        if let Some(paths) = doc.get("paths").and_then(Value::as_object) {
            for item in paths.values().filter_map(Value::as_object) {
                for op in item.values().filter_map(Value::as_object) {
                    if let Some(id) = op.get("operationId").and_then(Value::as_str) {
                        operation_ids.push(id.to_owned());
                    }
                    for t in op
                        .get("tags")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                    {
                        tags.push(t.to_owned());
                    }
                }
            }
        }
        SeedSpec {
            name: name.into(),
            doc,
            operation_ids,
            tags,
        }
    }
}

fn random_settings(rng: &mut StdRng, seed: &SeedSpec) -> Settings {
    let mut s = Settings::default();
    if rng.gen_bool(0.3) {
        s = s.with_suffix("Fz");
    }
    match rng.gen_range(0..6) {
        0 => {
            let ops: Vec<String> = seed
                .operation_ids
                .choose_multiple(rng, 2)
                .cloned()
                .chain(rng.gen_bool(0.3).then(|| "noSuchOperation".to_owned()))
                .collect();
            s = s.with_operations(ops);
        }
        1 => {
            let tags: Vec<String> = seed.tags.choose(rng).cloned().into_iter().collect();
            s = s.with_tags(tags);
        }
        _ => {}
    }
    s
}

#[derive(Default)]
struct Tally {
    cases: u64,
    load_errors: u64,
    generated_clean: u64,
    generated_with_diagnostics: u64,
    failures: Vec<String>,
    slowest: Duration,
    mutations: std::collections::BTreeMap<&'static str, u64>,
    /// Load errors by the start of their message.
    load_error_kinds: std::collections::BTreeMap<String, u64>,
}

/// Stack of the thread the cases run on. rustc runs proc macros on its main
/// thread, which has 8 MiB; the generator gets half of that here, unoptimized
/// as proc macros are built, so a case that passes leaves the compiler room.
const CASE_STACK: usize = 4 << 20;

/// Runs `cases` mutants of `seeds` on a thread with [`CASE_STACK`].
fn run(label: &'static str, seeds: Vec<SeedSpec>, cases: u64, max_mutations: usize) -> Tally {
    std::thread::Builder::new()
        .name(format!("fuzz-{label}"))
        .stack_size(CASE_STACK)
        .spawn(move || run_on_this_thread(label, &seeds, cases, max_mutations))
        .expect("spawn the fuzz thread")
        .join()
        .expect("the fuzz thread does not panic outside a case")
}

fn run_on_this_thread(label: &str, seeds: &[SeedSpec], cases: u64, max_mutations: usize) -> Tally {
    install_panic_hook();
    let seed = env_u64("FUZZ_SEED", DEFAULT_SEED);
    let only = std::env::var("FUZZ_ONLY")
        .ok()
        .and_then(|v| v.parse::<u64>().ok());
    let timeout = Duration::from_secs(env_u64("FUZZ_CASE_TIMEOUT", 120));
    let verbose = std::env::var_os("FUZZ_VERBOSE").is_some();
    let watchdog = Watchdog::start(label.to_owned(), seed, timeout);
    let failure_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fuzz-failures");
    // Relative file references resolve here, where nothing exists.
    let spec_path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fuzz-no-such-dir/spec");
    let mut tally = Tally::default();
    let started = Instant::now();
    for case in 0..cases {
        if only.is_some_and(|o| o != case) {
            continue;
        }
        let mut rng = StdRng::seed_from_u64(
            seed ^ case.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ label.len() as u64,
        );
        let Some(base) = seeds.choose(&mut rng) else {
            return tally;
        };
        let mut doc = base.doc.clone();
        let n = rng.gen_range(1..=max_mutations);
        let mut applied = Vec::new();
        for _ in 0..n {
            let m = mutate(&mut rng, &mut doc);
            *tally.mutations.entry(m).or_default() += 1;
            applied.push(m);
        }
        let yaml = rng.gen_bool(0.15);
        let mut text = if yaml {
            serde_yaml::to_string(&doc).unwrap_or_default()
        } else {
            serde_json::to_string(&doc).unwrap_or_default()
        };
        if rng.gen_bool(0.1) && !text.is_empty() {
            let mut cut = rng.gen_range(0..text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.truncate(cut);
            applied.push("truncate");
        }
        let settings = random_settings(&mut rng, base);
        let (format, ext) = if yaml {
            (Format::Yaml, "yaml")
        } else {
            (Format::Json, "json")
        };
        let path = spec_path.with_extension(ext);

        if verbose {
            eprintln!("{label} case {case} from {}: {applied:?}", base.name);
            let _ = std::fs::create_dir_all(&failure_dir);
            let _ = std::fs::write(failure_dir.join(format!("last.{ext}")), &text);
        }
        watchdog.begin(case);
        let t0 = Instant::now();
        let outcome = guarded(|| match load_str(&text, &path, format) {
            Err(diags) if diags.is_empty() => Err("load failed without a diagnostic".to_owned()),
            Err(diags) => {
                // Every diagnostic must display.
                let _: Vec<String> = diags.iter().map(ToString::to_string).collect();
                let kind: String = diags[0].message.chars().take(40).collect();
                Ok(Err(kind))
            }
            Ok(doc) => {
                let out = generate(&doc, &settings);
                let _: Vec<String> = out.diagnostics.iter().map(ToString::to_string).collect();
                match render(&out.tokens) {
                    Ok(_) => Ok(Ok(out.diagnostics.len())),
                    Err(e) => Err(format!("generated tokens do not parse: {e}")),
                }
            }
        });
        let took = t0.elapsed();
        watchdog.end();
        tally.slowest = tally.slowest.max(took);
        tally.cases += 1;
        let problem = match outcome {
            Ok(Ok(Err(kind))) => {
                tally.load_errors += 1;
                *tally.load_error_kinds.entry(kind).or_default() += 1;
                None
            }
            Ok(Ok(Ok(0))) => {
                tally.generated_clean += 1;
                None
            }
            Ok(Ok(Ok(_))) => {
                tally.generated_with_diagnostics += 1;
                None
            }
            Ok(Err(e)) => Some(e),
            Err(panic) => Some(format!("PANIC {panic}")),
        };
        if let Some(problem) = problem {
            let _ = std::fs::create_dir_all(&failure_dir);
            let file = failure_dir.join(format!("{label}-{case}.{ext}"));
            let _ = std::fs::write(&file, &text);
            tally.failures.push(format!(
                "{label} case {case} (FUZZ_SEED={seed} FUZZ_ONLY={case}) from {} with {applied:?}: {problem}\n    mutant: {}",
                base.name,
                file.display()
            ));
        }
    }
    eprintln!(
        "fuzz {label}: seed {seed}, {} cases in {:.1?} ({} load errors, {} generated with diagnostics, {} generated clean), slowest case {:.1?}, {} failures (panics or unparsable output)\n  mutations: {:?}",
        tally.cases,
        started.elapsed(),
        tally.load_errors,
        tally.generated_with_diagnostics,
        tally.generated_clean,
        tally.slowest,
        tally.failures.len(),
        tally.mutations,
    );
    if verbose {
        eprintln!("  load errors: {:#?}", tally.load_error_kinds);
    }
    tally
}

fn assert_no_failures(tally: &Tally) {
    assert!(
        tally.failures.is_empty(),
        "{} of {} cases failed:\n{}",
        tally.failures.len(),
        tally.cases,
        tally.failures.join("\n")
    );
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

/// A self-contained slice of an upstream spec: `paths` cut to a window of
/// `count` paths from `start`, and only the components they reach.
fn trim_upstream(doc: &Value, start: usize, count: usize) -> Value {
    let mut out = Map::new();
    for key in ["openapi", "info", "servers", "security", "tags"] {
        if let Some(v) = doc.get(key) {
            out.insert(key.to_owned(), v.clone());
        }
    }
    let paths: Map<String, Value> = doc
        .get("paths")
        .and_then(Value::as_object)
        .map(|m| {
            m.iter()
                .skip(start)
                .take(count)
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        })
        .unwrap_or_default();
    // Close over the component references the kept paths make.
    let mut components: Map<String, Value> = Map::new();
    let mut todo: Vec<Value> = vec![Value::Object(paths.clone())];
    while let Some(v) = todo.pop() {
        let mut refs = Vec::new();
        collect_refs(&v, &mut refs);
        for r in refs {
            let Some(rest) = r.strip_prefix("#/components/") else {
                continue;
            };
            let Some((section, name)) = rest.split_once('/') else {
                continue;
            };
            let name = name.replace("~1", "/").replace("~0", "~");
            let entry = components
                .entry(section.to_owned())
                .or_insert_with(|| json!({}));
            let Some(section_map) = entry.as_object_mut() else {
                continue;
            };
            if section_map.contains_key(&name) {
                continue;
            }
            if let Some(target) = doc
                .get("components")
                .and_then(|c| c.get(section))
                .and_then(|s| s.get(&name))
            {
                section_map.insert(name, target.clone());
                todo.push(target.clone());
            }
        }
    }
    out.insert("paths".to_owned(), Value::Object(paths));
    out.insert("components".to_owned(), Value::Object(components));
    Value::Object(out)
}

fn collect_refs(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get("$ref") {
                out.push(r.clone());
            }
            m.values().for_each(|c| collect_refs(c, out));
        }
        Value::Array(a) => a.iter().for_each(|c| collect_refs(c, out)),
        _ => {}
    }
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

// ---------------------------------------------------------------------------
// Regression cases: inputs that broke the generator (found by this fuzzer or
// while bounding its recursion), kept small and explicit.

/// Loads, generates and renders `doc` on a thread with [`CASE_STACK`];
/// returns the diagnostics' texts and the rendered code, if any.
fn generate_on_case_stack(doc: Value) -> (Vec<String>, Option<String>) {
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

fn spec_with_schemas(schemas: Value) -> Value {
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

/// Stack overflow: openapiv3's parse takes tens of kilobytes of stack per
/// nesting level unoptimized, so a document near the JSON parser's limit of
/// 128 levels overflowed. Documents deeper than 64 levels are refused.
#[test]
fn regression_deep_nesting_is_refused_not_a_stack_overflow() {
    let mut s = json!({"type": "string"});
    for _ in 0..100 {
        s = json!({"type": "object", "additionalProperties": s});
    }
    let (diags, code) = generate_on_case_stack(spec_with_schemas(json!({ "Root": s })));
    assert!(code.is_none());
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert!(
        diags[0].contains("more than 64 levels deep")
            && diags[0].contains("#/components/schemas/Root/additionalProperties/"),
        "{diags:#?}"
    );
}

/// Stack overflow in `render`: a schema nested 60 levels as arrays gave a
/// `Vec<Vec<…>>` 60 deep that syn could not parse back on a small stack.
/// Inline nesting past 32 levels becomes `serde_json::Value` with an error.
#[test]
fn regression_deep_inline_types_are_bounded() {
    let mut s = json!({"type": "string"});
    for _ in 0..58 {
        s = json!({"type": "array", "items": s});
    }
    let (diags, code) = generate_on_case_stack(spec_with_schemas(json!({ "Root": s })));
    assert!(code.is_some());
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert!(diags[0].contains("nest more than 32 levels"), "{diags:#?}");
}

/// Hang: twenty levels of `oneOf` around one invalid schema took openapiv3
/// seconds (thirty, hours), since each level re-parsed its subtree on
/// backtracking. Schemas are now checked innermost first.
#[test]
fn regression_invalid_schema_deep_inside_combinators_fails_fast() {
    let mut s = json!({"oneOf": [null, {"type": "integer"}]});
    for _ in 0..28 {
        s = json!({"oneOf": [s, {"type": "integer"}]});
    }
    let started = Instant::now();
    let (diags, code) = generate_on_case_stack(spec_with_schemas(json!({ "Root": s })));
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    assert!(code.is_none());
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert!(
        diags[0].contains(&format!(
            "#/components/schemas/Root{}:",
            "/oneOf/0".repeat(28)
        )),
        "{diags:#?}"
    );
}

/// Unparsable output: a schema named `self` became `pub struct Self`, and
/// a `oneOf` variant titled `Self` an enum variant `Self(…)`.
#[test]
fn regression_self_is_not_a_type_or_variant_name() {
    let (diags, code) = generate_on_case_stack(spec_with_schemas(json!({
        "Root": {"type": "object", "properties": {"s": {"$ref": "#/components/schemas/self"}}},
        "self": {"oneOf": [{"title": "Self", "type": "string"}, {"type": "integer"}]}
    })));
    assert!(diags.is_empty(), "{diags:#?}");
    let code = code.expect("generated");
    assert!(code.contains("pub enum Self2"), "{code}");
    assert!(code.contains("Self_(::std::string::String)"), "{code}");
}

/// Stack overflow: each component reached from another was built on the
/// spot, so a chain of a few thousand recursed as deep. Components met deep
/// in the stack are now built afterwards from a work list.
#[test]
fn regression_long_chains_of_components_do_not_recurse_deeply() {
    let mut schemas = Map::new();
    schemas.insert(
        "Root".to_owned(),
        json!({"type": "object", "properties": {"next": {"$ref": "#/components/schemas/C0"}}}),
    );
    for i in 0..3000 {
        let next = format!("#/components/schemas/C{}", i + 1);
        let s = match i % 3 {
            0 => json!({"type": "object", "properties": {"next": {"$ref": next}}}),
            1 => json!({"$ref": next}),
            _ => json!({"type": "array", "items": {"$ref": next}}),
        };
        schemas.insert(format!("C{i}"), s);
    }
    schemas.insert("C3000".to_owned(), json!({"type": "string"}));
    let (diags, code) = generate_on_case_stack(spec_with_schemas(Value::Object(schemas)));
    assert!(diags.is_empty(), "{diags:#?}");
    let code = code.expect("generated");
    assert!(code.contains("pub struct C2997"), "{code:.200}");
}

/// Exponential time: `allOf` parts that refer to each other were merged
/// once per path to them, and a cycle ran to a fixed depth on every branch.
#[test]
fn regression_allof_cycles_and_diamonds_merge_once() {
    let parts = |names: &[&str]| -> Value {
        Value::Array(
            names
                .iter()
                .map(|n| json!({"$ref": format!("#/components/schemas/{n}")}))
                .chain([json!({"type": "object", "properties": {"x": {"type": "string"}}})])
                .collect(),
        )
    };
    let mut schemas = Map::new();
    schemas.insert(
        "Root".to_owned(),
        json!({"allOf": parts(&["A0", "A0", "A0", "Root"])}),
    );
    // Three ways to each next level, 25 levels: 3^25 paths to the last.
    for i in 0..25 {
        let next = format!("A{}", i + 1);
        schemas.insert(
            format!("A{i}"),
            json!({"allOf": parts(&[&next, &next, &next, "Root"])}),
        );
    }
    schemas.insert(
        "A25".to_owned(),
        json!({"type": "object", "properties": {"y": {"type": "integer"}}}),
    );
    let started = Instant::now();
    let (diags, code) = generate_on_case_stack(spec_with_schemas(Value::Object(schemas)));
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    assert!(diags.is_empty(), "{diags:#?}");
    let code = code.expect("generated");
    assert!(code.contains("pub struct Root {"), "{code}");
    assert!(code.contains("pub y: ::std::option::Option<i64>"), "{code}");
}

/// A property called `additional_properties` beside `additionalProperties`
/// gave two fields of that name.
#[test]
fn regression_additional_properties_field_name_is_reserved() {
    let (diags, code) = generate_on_case_stack(spec_with_schemas(json!({
        "Root": {"type": "object", "additionalProperties": {"type": "integer"},
                 "properties": {"additional_properties": {"type": "string"}}}
    })));
    assert!(diags.is_empty(), "{diags:#?}");
    let code = code.expect("generated");
    assert!(code.contains("pub additional_properties2:"), "{code}");
    assert_eq!(
        code.matches("pub additional_properties:").count(),
        1,
        "{code}"
    );
}
