//! `$ref` resolution for the model: every reference target was resolved,
//! checked and typed once when the spec was loaded (see `load::targets`);
//! this looks references up in that table and decides which of its
//! problems are reported, and where.
//!
//! The resolver reports nothing itself: it returns the problems and the
//! caller decides whether to report them.

use crate::diag::{Diagnostic, Pointer};
use crate::load::{CheckKey, Document, Failure, Resolution, Target};
use openapiv3::ReferenceOr;
use std::collections::HashSet;

/// Why an item could not be resolved: the problems to report. A problem
/// belongs to a place in the spec, and a place can be reached many times
/// (the target of many references, a link of a chain many references pass
/// through, an `allOf` part merged into several schemas): the resolver
/// remembers the places it has judged and hands each problem out once, to
/// the first resolution that meets it, so the list can be empty.
#[derive(Debug)]
#[must_use = "the problems are reported by the caller, or dropped on purpose"]
pub(crate) struct Unresolved(pub(crate) Vec<Diagnostic>);

/// Follows references in one document.
pub(crate) struct Resolver<'a> {
    doc: &'a Document,
    /// Places whose problem was handed out.
    told: HashSet<Pointer>,
    /// Targets whose bad schemas were handed out.
    told_schemas: HashSet<CheckKey>,
}

impl<'a> Resolver<'a> {
    /// A resolver for `doc`.
    pub(crate) fn new(doc: &'a Document) -> Self {
        Resolver {
            doc,
            told: HashSet::new(),
            told_schemas: HashSet::new(),
        }
    }

    /// The item behind `item`, met at `at`, and the pointer where it lives.
    pub(crate) fn resolve<T: Target>(
        &mut self,
        item: &ReferenceOr<T>,
        at: &Pointer,
    ) -> Result<(T, Pointer), Unresolved> {
        self.follow(item, at, true)
    }

    /// The item behind `item`, or `None`, for a caller that does not report:
    /// problems found stay to be handed out by a later [`Resolver::resolve`].
    pub(crate) fn peek<T: Target>(&mut self, item: &ReferenceOr<T>) -> Option<T> {
        self.follow(item, &Pointer::root(), false)
            .ok()
            .map(|(t, _)| t)
    }

    fn follow<T: Target>(
        &mut self,
        item: &ReferenceOr<T>,
        at: &Pointer,
        hand_out: bool,
    ) -> Result<(T, Pointer), Unresolved> {
        let reference = match item {
            ReferenceOr::Item(v) => return Ok((v.clone(), at.clone())),
            ReferenceOr::Reference { reference } => reference,
        };
        let doc = self.doc;
        match doc.targets.get::<T>(reference) {
            Some(Resolution::Found(item, target)) => Ok((item.clone(), target.clone())),
            Some(Resolution::Failed(Failure::Link { place, message })) => {
                let place = place.as_ref().unwrap_or(at);
                Err(self.problem(place, message.clone(), hand_out))
            }
            Some(Resolution::Failed(Failure::BadSchemas(key))) => {
                let fresh = hand_out && self.told_schemas.insert(key.clone());
                Err(Unresolved(if fresh {
                    doc.targets.bad_schemas(key).to_vec()
                } else {
                    Vec::new()
                }))
            }
            // Load resolves every reference the typed document holds, so
            // this is a gap in its walk; say so rather than panic.
            None => {
                let message = format!(
                    "`$ref: {reference}` was not resolved when the spec was loaded (a bug in the generator)"
                );
                Err(self.problem(at, message, hand_out))
            }
        }
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
}
