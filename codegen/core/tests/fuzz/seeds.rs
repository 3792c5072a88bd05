//! The documents mutants start from, and random filter settings for them.

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::Rng;
use sailpoint_isc_codegen::Settings;
use serde_json::{json, Map, Value};

/// A starting document and the operation ids and tags it has (for filters).
pub(crate) struct SeedSpec {
    pub(crate) name: String,
    pub(crate) doc: Value,
    operation_ids: Vec<String>,
    tags: Vec<String>,
}

impl SeedSpec {
    pub(crate) fn new(name: impl Into<String>, doc: Value) -> Self {
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

pub(crate) fn random_settings(rng: &mut StdRng, seed: &SeedSpec) -> Settings {
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

/// A self-contained slice of an upstream spec: `paths` cut to a window of
/// `count` paths from `start`, and only the components they reach.
pub(crate) fn trim_upstream(doc: &Value, start: usize, count: usize) -> Value {
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
