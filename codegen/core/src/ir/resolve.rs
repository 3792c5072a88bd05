//! `$ref` resolution. Every local reference is looked up in the raw document
//! by its JSON pointer, so references to any place
//! (`#/components/responses/401`, `#/paths/...`) work the same way; chains
//! of references are followed with a bound, so a cycle is an error instead
//! of a hang. References to other files were already rewritten to local
//! ones when the spec was loaded (see [`crate::bundle`]); one that is left
//! (a URL, or a file that could not be read) is reported here too.
//!
//! The resolver reports nothing itself: it returns the problems and the
//! caller decides whether to report them.

use crate::diag::{Diagnostic, Pointer};
use crate::load::Document;
use openapiv3::{ReferenceOr, Schema};
use serde::de::DeserializeOwned;
use std::any::TypeId;
use std::collections::{HashMap, HashSet};

/// Longest chain of references to references that is followed.
const MAX_REF_CHAIN: usize = 32;

/// Why an item could not be resolved: the problems to report. A problem
/// belongs to a place in the spec, and a place can be reached many times
/// (the target of many references, a link of a chain many references pass
/// through, an `allOf` part merged into several schemas): the resolver
/// remembers the places it has judged and hands each problem out once, to
/// the first resolution that meets it, so the list can be empty.
#[derive(Debug)]
#[must_use = "the problems are reported by the caller, or dropped on purpose"]
pub(crate) struct Unresolved(pub(crate) Vec<Diagnostic>);

/// The result of checking one reference target's schemas.
struct Checked {
    ok: bool,
    /// Problems not yet handed out.
    unreported: Vec<Diagnostic>,
}

/// Follows references in one document.
pub(crate) struct Resolver<'a> {
    doc: &'a Document,
    /// Reference targets whose schemas were checked (by pointer, and
    /// whether the target is read as a schema).
    checked: HashMap<(Pointer, bool), Checked>,
    /// Places whose problem was handed out.
    told: HashSet<Pointer>,
}

impl<'a> Resolver<'a> {
    /// A resolver for `doc`.
    pub(crate) fn new(doc: &'a Document) -> Self {
        Resolver {
            doc,
            checked: HashMap::new(),
            told: HashSet::new(),
        }
    }

    /// The item behind `item`, met at `at`, and the pointer where it lives.
    pub(crate) fn resolve<T>(
        &mut self,
        item: &ReferenceOr<T>,
        at: &Pointer,
    ) -> Result<(T, Pointer), Unresolved>
    where
        T: DeserializeOwned + Clone + 'static,
    {
        self.follow(item, at, true)
    }

    /// The item behind `item`, or `None`, for a caller that does not report:
    /// problems found stay to be handed out by a later [`Resolver::resolve`].
    pub(crate) fn peek<T>(&mut self, item: &ReferenceOr<T>) -> Option<T>
    where
        T: DeserializeOwned + Clone + 'static,
    {
        self.follow(item, &Pointer::root(), false)
            .ok()
            .map(|(t, _)| t)
    }

    fn follow<T>(
        &mut self,
        item: &ReferenceOr<T>,
        at: &Pointer,
        hand_out: bool,
    ) -> Result<(T, Pointer), Unresolved>
    where
        T: DeserializeOwned + Clone + 'static,
    {
        let mut reference = match item {
            ReferenceOr::Item(v) => return Ok((v.clone(), at.clone())),
            ReferenceOr::Reference { reference } => reference.clone(),
        };
        let mut from = at.clone();
        for _ in 0..MAX_REF_CHAIN {
            let (value, target) = match self.lookup(&reference) {
                Ok(found) => found,
                Err(message) => return Err(self.problem(&from, message, hand_out)),
            };
            self.check_target::<T>(&value, &target, hand_out)?;
            match serde_json::from_value::<ReferenceOr<T>>(value) {
                Ok(ReferenceOr::Item(v)) => return Ok((v, target)),
                Ok(ReferenceOr::Reference { reference: next }) => {
                    from = target;
                    reference = next;
                }
                Err(e) => {
                    let message =
                        format!("`$ref: {reference}` points at something of the wrong shape: {e}");
                    return Err(self.problem(&from, message, hand_out));
                }
            }
        }
        let message =
            format!("`$ref` chain longer than {MAX_REF_CHAIN} links (a cycle of references?)");
        Err(self.problem(at, message, hand_out))
    }

    /// A problem at `place`, handed out the first time only.
    fn problem(&mut self, place: &Pointer, message: String, hand_out: bool) -> Unresolved {
        let fresh = hand_out && self.told.insert(place.clone());
        Unresolved(if fresh {
            vec![Diagnostic::at_pointer(
                &self.doc.path,
                place.as_str(),
                message,
            )]
        } else {
            Vec::new()
        })
    }

    /// Checks the schemas in a reference's target before it is parsed as a
    /// `T` (see `load::schema_check`: a bad nested schema would make the
    /// parse take exponential time), once per target. The problems are at
    /// their own pointers and handed out once.
    fn check_target<T: 'static>(
        &mut self,
        value: &serde_json::Value,
        target: &Pointer,
        hand_out: bool,
    ) -> Result<(), Unresolved> {
        let as_schema = TypeId::of::<T>() == TypeId::of::<Schema>();
        let file = &self.doc.path;
        let checked = self
            .checked
            .entry((target.clone(), as_schema))
            .or_insert_with(|| {
                let unreported = if as_schema {
                    crate::load::check_schema(value, target, file)
                } else {
                    crate::load::check_structure(value, target, file)
                };
                Checked {
                    ok: unreported.is_empty(),
                    unreported,
                }
            });
        match (checked.ok, hand_out) {
            (true, _) => Ok(()),
            (false, true) => Err(Unresolved(std::mem::take(&mut checked.unreported))),
            (false, false) => Err(Unresolved(Vec::new())),
        }
    }

    /// The raw JSON at `reference` and its pointer, or why there is none.
    fn lookup(&self, reference: &str) -> Result<(serde_json::Value, Pointer), String> {
        let Some(target) = Pointer::from_reference(reference) else {
            return Err(format!(
                "`$ref: {reference}` refers to another document that was not bundled into this one"
            ));
        };
        match target.lookup(&self.doc.raw) {
            Some(value) => Ok((value.clone(), target)),
            None => Err(format!(
                "`$ref` does not resolve: target `{reference}` does not exist"
            )),
        }
    }
}
