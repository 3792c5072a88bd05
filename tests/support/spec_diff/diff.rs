//! Comparing two views, and the report of their differences.

use super::normalize::{find_operations, security_scheme_names, view, Scope};
use super::{child, MAX_SHOWN, SOURCE, SYNTHETIC};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// One disagreement between the two views.
#[derive(Debug)]
pub struct Difference {
    /// JSON pointer into the normalised view, e.g.
    /// `/operations/createDigitToken/requestBody/content/application~1json/schema/required`.
    pub pointer: String,
    /// JSON pointer (`#/...`) in our file where the value lives, or where it is missing.
    pub ours_at: String,
    /// Our value, `None` when absent.
    pub ours: Option<Value>,
    /// JSON pointer (`#/...`) in the upstream file.
    pub upstream_at: String,
    /// Upstream's value, `None` when absent.
    pub upstream: Option<Value>,
}

/// The outcome of comparing our file with upstream.
#[derive(Debug)]
pub struct Comparison {
    /// Every disagreement, in view order.
    pub differences: Vec<Difference>,
    /// How many leaf values of our view were compared (a sanity figure for the log).
    pub compared_values: usize,
    /// Problems met in our file (dangling refs, malformed nodes, unchecked operations).
    pub ours_problems: Vec<String>,
    /// Problems met in the upstream file.
    pub upstream_problems: Vec<String>,
}

/// Number of scalar leaves of a view, `$source` excluded.
fn leaves(value: &Value) -> usize {
    match value {
        Value::Object(map) => map
            .iter()
            .filter(|(k, _)| k.as_str() != SOURCE)
            .map(|(_, v)| leaves(v))
            .sum(),
        Value::Array(items) => items.iter().map(leaves).sum(),
        _ => 1,
    }
}

fn source_of(value: Option<&Value>) -> Option<&str> {
    value?.get(SOURCE)?.as_str()
}

fn annotated(items: &[Value]) -> bool {
    items.iter().all(|item| item.get(SOURCE).is_some())
}

/// The value as shown to a reader: no `$source`, no synthetic-key prefix.
fn shown(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| k.as_str() != SOURCE)
                .map(|(k, v)| (k.trim_start_matches(SYNTHETIC).to_owned(), shown(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(shown).collect()),
        other => other.clone(),
    }
}

/// Collects every difference between `ours` and `upstream` below `pointer`.
fn diff(
    ours: Option<&Value>,
    upstream: Option<&Value>,
    pointer: &str,
    ours_at: &str,
    upstream_at: &str,
    out: &mut Vec<Difference>,
) {
    let ours_at = source_of(ours).unwrap_or(ours_at);
    let upstream_at = source_of(upstream).unwrap_or(upstream_at);
    match (ours, upstream) {
        (Some(Value::Object(a)), Some(Value::Object(b))) => {
            let keys: BTreeSet<&String> =
                a.keys().chain(b.keys()).filter(|k| *k != SOURCE).collect();
            for key in keys {
                let (view_key, in_file) = match key.strip_prefix(SYNTHETIC) {
                    Some(stripped) => (stripped, false),
                    None => (key.as_str(), true),
                };
                let file_pointer = |at: &str| {
                    if in_file {
                        child(at, key)
                    } else {
                        at.to_owned()
                    }
                };
                diff(
                    a.get(key),
                    b.get(key),
                    &child(pointer, view_key),
                    &file_pointer(ours_at),
                    &file_pointer(upstream_at),
                    out,
                );
            }
        }
        (Some(Value::Array(a)), Some(Value::Array(b))) if annotated(a) && annotated(b) => {
            for i in 0..a.len().max(b.len()) {
                let index = i.to_string();
                diff(
                    a.get(i),
                    b.get(i),
                    &child(pointer, &index),
                    &child(ours_at, &index),
                    &child(upstream_at, &index),
                    out,
                );
            }
        }
        _ => {
            let ours = ours.map(shown);
            let upstream = upstream.map(shown);
            if ours != upstream {
                out.push(Difference {
                    pointer: pointer.to_owned(),
                    ours_at: ours_at.to_owned(),
                    ours,
                    upstream_at: upstream_at.to_owned(),
                    upstream,
                });
            }
        }
    }
}

/// Compares the named operations, the servers, security and security schemes, and every schema
/// `ours` defines, between `ours` and `upstream`.
pub fn compare(ours: &Value, upstream: &Value, operation_ids: &[&str]) -> Comparison {
    let mut security_schemes = BTreeSet::new();
    for doc in [ours, upstream] {
        security_scheme_names(doc.get("security"), &mut security_schemes);
        for found in find_operations(doc) {
            if operation_ids.contains(&found.id) {
                security_scheme_names(found.operation.get("security"), &mut security_schemes);
            }
        }
    }
    let defined = ours
        .pointer("/components/securitySchemes")
        .and_then(Value::as_object);
    security_schemes.extend(defined.into_iter().flat_map(Map::keys).cloned());
    let schemas: Vec<String> = ours
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(Map::keys)
        .cloned()
        .collect();
    let scope = Scope {
        operation_ids,
        security_schemes: &security_schemes,
        schemas: &schemas,
    };

    let (ours_view, mut ours_problems) = view(ours, &scope);
    let (upstream_view, upstream_problems) = view(upstream, &scope);
    for found in find_operations(ours) {
        if !operation_ids.contains(&found.id) {
            ours_problems.push(format!(
                "{}: operation {} is not among the checked operations {operation_ids:?}",
                child(&child("#/paths", found.path), found.method),
                found.id
            ));
        }
    }
    let mut differences = Vec::new();
    diff(
        Some(&ours_view),
        Some(&upstream_view),
        "",
        "#",
        "#",
        &mut differences,
    );
    Comparison {
        differences,
        compared_values: leaves(&ours_view),
        ours_problems,
        upstream_problems,
    }
}

fn show(value: Option<&Value>) -> String {
    let Some(value) = value else {
        return "(absent)".to_owned();
    };
    let text = value.to_string();
    let length = text.chars().count();
    if length <= MAX_SHOWN {
        return text;
    }
    let kept: String = text.chars().take(MAX_SHOWN).collect();
    format!("{kept}… ({} more characters)", length - MAX_SHOWN)
}

/// What a view pointer is about, for the reader.
fn subject(pointer: &str) -> String {
    let mut segments = pointer.split('/').skip(1);
    match (segments.next(), segments.next()) {
        (Some("operations"), Some(id)) => format!("operation {id}"),
        (Some("schemas"), Some(name)) => format!("components/schemas {name}"),
        (Some("securitySchemes"), Some(name)) => format!("security scheme {name}"),
        (Some(top), _) => top.to_owned(),
        (None, _) => "document".to_owned(),
    }
}

impl Comparison {
    /// No difference and no problem on either side.
    pub fn is_clean(&self) -> bool {
        self.differences.is_empty()
            && self.ours_problems.is_empty()
            && self.upstream_problems.is_empty()
    }

    /// A report grouping the differences by where they live in the two files (a drifted shared
    /// schema is reached by many operations), listing every view pointer that reaches each.
    pub fn report(&self, ours_name: &str, upstream_name: &str) -> String {
        let mut groups: Vec<(&Difference, Vec<&str>)> = Vec::new();
        for d in &self.differences {
            let same = |(g, _): &&mut (&Difference, Vec<&str>)| {
                g.ours_at == d.ours_at
                    && g.upstream_at == d.upstream_at
                    && g.ours == d.ours
                    && g.upstream == d.upstream
            };
            match groups.iter_mut().find(same) {
                Some((_, pointers)) => pointers.push(&d.pointer),
                None => groups.push((d, vec![&d.pointer])),
            }
        }
        let mut report = format!(
            "{ours_name} disagrees with {upstream_name}: {} difference(s) in {} place(s), {} problem(s).\n\
             Refs are resolved; description, title, example(s) and x-* are ignored. For each \
             difference: the file pointers (`#/...`) where each side's value lives or is missing, \
             the two values, and the pointers of the normalised view that reach it.\n",
            self.differences.len(),
            groups.len(),
            self.ours_problems.len() + self.upstream_problems.len(),
        );
        for (i, (d, pointers)) in groups.iter().enumerate() {
            report.push_str(&format!(
                "\n[{}] {}\n    ours:     {ours_name}{}\n              = {}\n    upstream: {upstream_name}{}\n              = {}\n",
                i + 1,
                subject(&d.pointer),
                d.ours_at,
                show(d.ours.as_ref()),
                d.upstream_at,
                show(d.upstream.as_ref()),
            ));
            for pointer in pointers {
                report.push_str(&format!("    via {pointer}  ({})\n", subject(pointer)));
            }
        }
        for (name, problems) in [
            (ours_name, &self.ours_problems),
            (upstream_name, &self.upstream_problems),
        ] {
            for problem in problems {
                report.push_str(&format!("\nproblem in {name}: {problem}\n"));
            }
        }
        report
    }
}
