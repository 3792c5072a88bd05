//! `allOf`: the parts that are objects merge into one object, whose
//! properties and `required` lists are the union of the parts'. A part that
//! is not an object makes the whole schema `serde_json::Value`.

use super::resolve::{Resolver, Unresolved};
use crate::diag::{Diagnostic, Pointer, Sink};
use openapiv3::{ObjectType, ReferenceOr, Schema, SchemaKind, Type};
use std::collections::BTreeSet;
use std::path::Path;

/// Merges `parts`, the `allOf` of the schema at `at`, into one object;
/// `None` when a part is not an object or cannot be resolved, or when
/// `allOf`s nest deeper than `max_depth` (reported).
pub(super) fn merge(
    resolver: &mut Resolver<'_>,
    sink: &mut Sink,
    file: &Path,
    parts: &[ReferenceOr<Schema>],
    at: &Pointer,
    max_depth: usize,
) -> Option<ObjectType> {
    let mut m = Merger {
        resolver,
        sink,
        file,
        max_depth,
        merged: ObjectType::default(),
        seen: BTreeSet::new(),
    };
    m.merge_into(parts, at, 0)?;
    Some(m.merged)
}

struct Merger<'m, 'a> {
    resolver: &'m mut Resolver<'a>,
    sink: &'m mut Sink,
    file: &'m Path,
    max_depth: usize,
    merged: ObjectType,
    /// References already merged.
    seen: BTreeSet<String>,
}

impl Merger<'_, '_> {
    /// Merges `parts` (the `allOf` of the schema at `at`) into `merged`.
    /// Merging is idempotent, so a reference already merged is skipped: a
    /// cycle through `allOf` ends, and a schema reached along many paths is
    /// merged once rather than once per path (which grows exponentially).
    fn merge_into(
        &mut self,
        parts: &[ReferenceOr<Schema>],
        at: &Pointer,
        depth: usize,
    ) -> Option<()> {
        if depth > self.max_depth {
            self.sink.report(Diagnostic::at_pointer(
                self.file,
                at.as_str(),
                format!(
                    "`allOf` parts nest more than {} levels deep here; the schema is typed as `serde_json::Value`",
                    self.max_depth
                ),
            ));
            return None;
        }
        for (i, part) in parts.iter().enumerate() {
            if let ReferenceOr::Reference { reference } = part {
                if !self.seen.insert(reference.clone()) {
                    continue;
                }
            }
            let part_at = at.join("allOf").join(i.to_string());
            let (schema, part_at) = match self.resolver.resolve(part, &part_at) {
                Ok(found) => found,
                Err(Unresolved(problems)) => {
                    self.sink.report_all(problems);
                    return None;
                }
            };
            match &schema.schema_kind {
                SchemaKind::Type(Type::Object(o)) => {
                    self.add(&o.properties, &o.required);
                    if self.merged.additional_properties.is_none() {
                        self.merged.additional_properties = o.additional_properties.clone();
                    }
                }
                SchemaKind::AllOf { all_of } => self.merge_into(all_of, &part_at, depth + 1)?,
                SchemaKind::Any(a) if a.typ.is_none() || a.typ.as_deref() == Some("object") => {
                    self.add(&a.properties, &a.required);
                    if !a.all_of.is_empty() {
                        self.merge_into(&a.all_of, &part_at, depth + 1)?;
                    }
                }
                _ => return None,
            }
        }
        Some(())
    }

    /// Adds a part's properties (a later one of the same name wins) and
    /// required names.
    fn add(
        &mut self,
        properties: &indexmap::IndexMap<String, ReferenceOr<Box<Schema>>>,
        required: &[String],
    ) {
        for (k, v) in properties {
            self.merged.properties.insert(k.clone(), v.clone());
        }
        for r in required {
            if !self.merged.required.contains(r) {
                self.merged.required.push(r.clone());
            }
        }
    }
}
