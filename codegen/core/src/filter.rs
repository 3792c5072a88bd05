//! The operation filter: which operations a build keeps, and which filter
//! entries name nothing in the spec. The intermediate model and the partial
//! loader both ask it, so a kept operation is the same to both.

use crate::diag::{Diagnostic, Location, Pointer};
use crate::load::Document;
use crate::names::closest;
use serde_json::Value;

/// The `operations` and `tags` of [`crate::Settings`], as a filter.
///
/// With neither, every operation is kept; otherwise an operation named by
/// either is (its `operationId`, or the id derived from its method and
/// path, in `operations`; or one of its tags in `tags`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct OperationFilter<'a> {
    operations: &'a [String],
    tags: &'a [String],
}

impl<'a> OperationFilter<'a> {
    /// A filter keeping the operations with these ids and those with one
    /// of these tags.
    pub(crate) fn new(operations: &'a [String], tags: &'a [String]) -> Self {
        OperationFilter { operations, tags }
    }

    /// Whether it keeps every operation.
    pub(crate) fn is_empty(self) -> bool {
        self.operations.is_empty() && self.tags.is_empty()
    }

    /// Whether the operation with this id and these tags is kept.
    pub(crate) fn keeps(self, id: &str, tags: &[String]) -> bool {
        self.is_empty()
            || self.operations.iter().any(|o| o == id)
            || tags.iter().any(|t| self.tags.contains(t))
    }

    /// Every entry, operation ids first, then tags.
    pub(crate) fn entries(self) -> impl Iterator<Item = &'a str> {
        self.operations.iter().chain(self.tags).map(String::as_str)
    }

    /// A diagnostic for every entry that names nothing in `doc`, at the
    /// entry, with the closest names the spec has. Operation ids are the
    /// spec's `operationId`s; tags are those declared at the top level or
    /// used by an operation.
    pub(crate) fn check(self, doc: &Document) -> Vec<Diagnostic> {
        self.check_all(&[doc])
    }

    /// [`OperationFilter::check`] over several specs built together: an
    /// entry is unknown when none of them has it, and the hints come from
    /// all of them.
    pub(crate) fn check_all(self, docs: &[&Document]) -> Vec<Diagnostic> {
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
        for (i, wanted) in self.operations.iter().enumerate() {
            if !ids.contains(wanted) {
                out.push(Diagnostic {
                    message: unknown("operation", wanted, &ids),
                    at: Location::OperationFilter(i),
                });
            }
        }
        for (i, wanted) in self.tags.iter().enumerate() {
            if !tags.contains(wanted) {
                out.push(Diagnostic {
                    message: unknown("tag", wanted, &tags),
                    at: Location::TagFilter(i),
                });
            }
        }
        out
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn keeps_the_union_of_ids_and_tags() {
        let ops = strings(&["getA"]);
        let tags = strings(&["B"]);
        let f = OperationFilter::new(&ops, &tags);
        assert!(f.keeps("getA", &[]));
        assert!(f.keeps("other", &strings(&["B"])));
        assert!(!f.keeps("other", &strings(&["C"])));
        let none = OperationFilter::new(&[], &[]);
        assert!(none.is_empty() && none.keeps("anything", &[]));
        assert_eq!(f.entries().collect::<Vec<_>>(), ["getA", "B"]);
    }
}
