//! Random mutations of a JSON document, and the node addressing they use.

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::Rng;
use serde_json::{json, Map, Value};

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

/// The node a mutation starts from, and every node of the document.
struct Site<'p> {
    target: NodePath,
    ptr: String,
    paths: &'p [NodePath],
}

/// Applies one random mutation; returns its name for the report.
pub(crate) fn mutate(rng: &mut StdRng, doc: &mut Value) -> &'static str {
    let paths = all_paths(doc);
    let target = pick(rng, doc, &paths);
    let site = Site {
        ptr: pointer(&target),
        target,
        paths: &paths,
    };
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
        0 => drop_key(rng, doc, &site),
        1 => swap_type(rng, doc, &site),
        3 => missing_ref(rng, doc, &site),
        4 => self_ref(rng, doc, &site),
        5 => allof_cycle(rng, doc, &site),
        6 => odd_enum(rng, doc, &site),
        7 => weird_name(rng, doc, &site),
        9 => deep_nesting(rng, doc, &site),
        10 => ref_chain(rng, doc, &site),
        11 => copy_subtree(rng, doc, &site),
        _ => scalar(rng, doc, &site),
    }
}

/// Drop a key.
fn drop_key(rng: &mut StdRng, doc: &mut Value, site: &Site<'_>) -> &'static str {
    let target = site.target.clone();
    if let Some(Value::Object(m)) = get_mut(doc, &target) {
        let keys: Vec<String> = m.keys().cloned().collect();
        if let Some(k) = keys.choose(rng) {
            m.shift_remove(k);
        }
    }
    "drop-key"
}

/// Swap a value's type.
fn swap_type(rng: &mut StdRng, doc: &mut Value, site: &Site<'_>) -> &'static str {
    let target = site.target.clone();
    if let Some(v) = get_mut(doc, &target) {
        *v = other_type(rng, v);
    }
    "swap-type"
}

/// A reference to a target that does not exist (or is odd).
fn missing_ref(rng: &mut StdRng, doc: &mut Value, site: &Site<'_>) -> &'static str {
    let target = site.target.clone();
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

/// A node that refers to itself, or two that refer to each other.
fn self_ref(rng: &mut StdRng, doc: &mut Value, site: &Site<'_>) -> &'static str {
    let target = site.target.clone();
    let ptr = site.ptr.clone();
    let paths = site.paths;
    if rng.gen_bool(0.5) {
        if let Some(v) = get_mut(doc, &target) {
            *v = json!({ "$ref": ptr });
        }
    } else {
        let other = pick(rng, doc, paths);
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

/// A cycle through allOf, on a component schema or any node.
fn allof_cycle(rng: &mut StdRng, doc: &mut Value, site: &Site<'_>) -> &'static str {
    let target = site.target.clone();
    let ptr = site.ptr.clone();
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

/// Empty and odd enums.
fn odd_enum(rng: &mut StdRng, doc: &mut Value, site: &Site<'_>) -> &'static str {
    let target = site.target.clone();
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

/// Weird names: a renamed key, or a name-like string replaced;
fn weird_name(rng: &mut StdRng, doc: &mut Value, site: &Site<'_>) -> &'static str {
    let target = site.target.clone();
    let paths = site.paths;
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
    if let (Some((Seg::Key(last), parent)), true) = (target.split_last(), rng.gen_bool(0.5)) {
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

/// Deep nesting; sometimes past the generator's limit of 64
fn deep_nesting(rng: &mut StdRng, doc: &mut Value, site: &Site<'_>) -> &'static str {
    let target = site.target.clone();
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

/// A long chain of references, which no parser limit bounds.
fn ref_chain(rng: &mut StdRng, doc: &mut Value, site: &Site<'_>) -> &'static str {
    let target = site.target.clone();
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

/// A subtree copied over another one.
fn copy_subtree(rng: &mut StdRng, doc: &mut Value, site: &Site<'_>) -> &'static str {
    let target = site.target.clone();
    let paths = site.paths;
    let from = pick(rng, doc, paths);
    if let Some(v) = get(doc, &from).cloned() {
        if let Some(t) = get_mut(doc, &target) {
            *t = v;
        }
    }
    "copy-subtree"
}

/// A random scalar anywhere.
fn scalar(rng: &mut StdRng, doc: &mut Value, site: &Site<'_>) -> &'static str {
    let target = site.target.clone();
    let s = random_scalar(rng);
    if let Some(v) = get_mut(doc, &target) {
        *v = s;
    }
    "scalar"
}
