//! `$ref` resolution. Every reference is looked up in the raw document by its
//! JSON pointer, so references to any place (`#/components/responses/401`,
//! `#/paths/...`) work the same way; chains of references are followed with
//! a bound, so a cycle is an error instead of a hang.

use super::schema::Builder;
use crate::diag::{unescape_segment, Diagnostic, Pointer};
use openapiv3::{ReferenceOr, Schema};
use serde::de::DeserializeOwned;
use std::any::TypeId;

/// Longest chain of references to references that is followed.
const MAX_REF_CHAIN: usize = 32;

impl Builder<'_> {
    /// The item behind `item`, and the pointer where it lives. A broken
    /// reference is reported at `at` and yields `None`.
    pub(crate) fn resolve<T>(&mut self, item: &ReferenceOr<T>, at: &Pointer) -> Option<(T, Pointer)>
    where
        T: DeserializeOwned + Clone + 'static,
    {
        let mut reference = match item {
            ReferenceOr::Item(v) => return Some((v.clone(), at.clone())),
            ReferenceOr::Reference { reference } => reference.clone(),
        };
        let mut from = at.clone();
        for _ in 0..MAX_REF_CHAIN {
            let value = self.lookup(&reference, &from)?;
            let target = Pointer::from_text(&reference);
            if !self.check_target::<T>(&value, &target) {
                return None;
            }
            match serde_json::from_value::<ReferenceOr<T>>(value.clone()) {
                Ok(ReferenceOr::Item(v)) => return Some((v, target)),
                Ok(ReferenceOr::Reference { reference: next }) => {
                    from = target;
                    reference = next;
                }
                Err(e) => {
                    self.error(Diagnostic::at_pointer(
                        &self.doc.path,
                        from.as_str(),
                        format!("`$ref: {reference}` points at something of the wrong shape: {e}"),
                    ));
                    return None;
                }
            }
        }
        self.error(Diagnostic::at_pointer(
            &self.doc.path,
            at.as_str(),
            format!("`$ref` chain longer than {MAX_REF_CHAIN} links (a cycle of references?)"),
        ));
        None
    }

    /// Checks the schemas in a reference's target before it is parsed as a
    /// `T` (see [`crate::schema_check`]: a bad nested schema would make the
    /// parse take exponential time), once per target. Problems are reported
    /// at their own pointers; `false` if there were any.
    fn check_target<T: 'static>(&mut self, value: &serde_json::Value, target: &Pointer) -> bool {
        let key = (
            target.as_str().to_owned(),
            TypeId::of::<T>() == TypeId::of::<Schema>(),
        );
        let problems = match self.checked_targets.get(&key) {
            Some(known) => known.clone(),
            None => {
                let found = if key.1 {
                    crate::schema_check::check_schema(value, target, &self.doc.path)
                } else {
                    crate::schema_check::check_structure(value, target, &self.doc.path)
                };
                self.checked_targets.insert(key, found.clone());
                found
            }
        };
        // Reported again on every use (the list is deduplicated at the
        // end), so a caller that discards its diagnostics loses nothing.
        let ok = problems.is_empty();
        for p in problems {
            self.error(p);
        }
        ok
    }

    /// The raw JSON at `reference`, reporting a reference that does not resolve.
    pub(crate) fn lookup(&mut self, reference: &str, from: &Pointer) -> Option<serde_json::Value> {
        let Some(fragment) = reference.strip_prefix('#') else {
            self.error(Diagnostic::at_pointer(
                &self.doc.path,
                from.as_str(),
                format!("`$ref: {reference}` refers to another file; references to other files are not supported yet"),
            ));
            return None;
        };
        let mut node = &self.doc.raw;
        for seg in fragment.split('/').skip(1) {
            let key = unescape_segment(seg);
            let next = match node {
                serde_json::Value::Object(m) => m.get(&key),
                serde_json::Value::Array(a) => key.parse::<usize>().ok().and_then(|i| a.get(i)),
                _ => None,
            };
            match next {
                Some(n) => node = n,
                None => {
                    self.error(Diagnostic::at_pointer(
                        &self.doc.path,
                        from.as_str(),
                        format!("`$ref` does not resolve: target `{reference}` does not exist"),
                    ));
                    return None;
                }
            }
        }
        Some(node.clone())
    }
}
