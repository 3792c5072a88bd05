//! Which entries of an operation filter name nothing in the specs: a pass
//! over loaded documents, so the filter itself knows nothing of them. The
//! partial loader runs it to decide whether a pruned document stands, and
//! a build runs it to report the unknown entries.

use super::Document;
use crate::diag::{Diagnostic, Location, Pointer};
use crate::filter::OperationFilter;
use crate::names::closest;
use serde_json::Value;

/// A diagnostic for every entry of `filter` that names nothing in any of
/// `docs` (several specs built together, or one), at the entry, with the
/// closest names the specs have. Operation ids are the specs'
/// `operationId`s; tags are those declared at the top level or used by an
/// operation.
pub(crate) fn check_filter(filter: OperationFilter<'_>, docs: &[&Document]) -> Vec<Diagnostic> {
    let mut ids = Vec::new();
    let mut tags = Vec::new();
    for doc in docs {
        names_in(doc, &mut ids, &mut tags);
    }
    ids.sort();
    ids.dedup();
    tags.sort();
    tags.dedup();
    let mut out = Vec::new();
    for (i, wanted) in filter.operations().iter().enumerate() {
        if !ids.contains(wanted) {
            out.push(Diagnostic {
                message: unknown("operation", wanted, &ids),
                at: Location::OperationFilter(i),
            });
        }
    }
    for (i, wanted) in filter.tags().iter().enumerate() {
        if !tags.contains(wanted) {
            out.push(Diagnostic {
                message: unknown("tag", wanted, &tags),
                at: Location::TagFilter(i),
            });
        }
    }
    out
}

/// The operation ids and tags of `doc`, read from its raw JSON so that a
/// path item that is a `$ref` (each path in its own file, as SailPoint's
/// per-resource specs are written) counts too.
fn names_in(doc: &Document, ids: &mut Vec<String>, tags: &mut Vec<String>) {
    tags.extend(doc.api.tags.iter().map(|t| t.name.clone()));
    let Some(paths) = doc.raw.get("paths").and_then(Value::as_object) else {
        return;
    };
    for item in paths.values() {
        let item = match item.get("$ref").and_then(Value::as_str) {
            Some(r) => match Pointer::from_reference(r).and_then(|p| p.lookup(&doc.raw)) {
                Some(target) => target,
                None => continue,
            },
            None => item,
        };
        let Some(item) = item.as_object() else {
            continue;
        };
        for (verb, op) in item {
            if !METHODS.contains(&verb.as_str()) {
                continue;
            }
            if let Some(id) = op.get("operationId").and_then(Value::as_str) {
                ids.push(id.to_owned());
            }
            let op_tags = op.get("tags").and_then(Value::as_array);
            tags.extend(
                op_tags
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .map(str::to_owned),
            );
        }
    }
}

/// The keys of a path item that are operations.
const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// "the spec has no tag `X`", with the closest of `candidates` if any.
fn unknown(what: &str, wanted: &str, candidates: &[String]) -> String {
    let close = closest(wanted, candidates.iter().map(String::as_str));
    let mut m = format!("the spec has no {what} `{wanted}`");
    if !close.is_empty() {
        let list: Vec<String> = close.iter().map(|c| format!("`{c}`")).collect();
        m.push_str(&format!("; did you mean {}?", list.join(" or ")));
    }
    m
}
