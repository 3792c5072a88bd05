//! Read-modify-write through JSON Patch (RFC 6902): [`Patch`], a diff of two
//! values or a hand-written list of operations, guarded by `test`
//! operations against a concurrent change.
//!
//! Most ISC updates are `PATCH` with an `application/json-patch+json` body.
//! Every generated patch operation has a sibling method ending in `_with`
//! that sends a [`Patch`] in the body shape the operation's spec declares
//! (a plain array, `{"operations": [...]}`, or an array whose operations
//! are limited to some `op`s, such as role mining's `remove` and `replace`):
//!
//! ```no_run
//! # use sailpoint_isc::patch::Patch;
//! # #[derive(Clone, serde::Serialize)]
//! # struct AccessProfile { description: Option<Option<String>>, modified: Option<String> }
//! # struct Api;
//! # impl Api {
//! #     async fn get_access_profile(&self, _: &str) -> sailpoint_isc::Result<AccessProfile> { todo!() }
//! #     async fn patch_access_profile_with(&self, _: &str, _: &Patch) -> sailpoint_isc::Result<AccessProfile> { todo!() }
//! # }
//! # async fn run(api: Api, id: &str) -> sailpoint_isc::Result<()> {
//! // `api` is generated bindings of the v2024 spec; tests/runtime/patch.rs
//! // runs this recipe against a tenant.
//! use sailpoint_isc::patch::{self, Patch};
//!
//! let before = api.get_access_profile(id).await?;
//! let mut after = before.clone();
//! after.description = Some(Some("Managed by Rust".into()));
//! // `[{"op":"test","path":"/modified",…},{"op":"replace","path":"/description",…}]`
//! let patch = Patch::diff(&before, &after).guard("/modified");
//! match api.patch_access_profile_with(id, &patch).await {
//!     Ok(saved) => println!("saved {:?}", saved.modified),
//!     Err(e) if patch::refusal(&e).is_some() => {
//!         // Refused: a guard failed, or the patch was wrong. Which one?
//!         let now = api.get_access_profile(id).await?;
//!         match patch.check(&now) {
//!             Err(changed) => println!("changed meanwhile at {}: read again", changed.path()),
//!             Ok(()) => return Err(e), // the guards hold: the patch itself was refused
//!         }
//!     }
//!     Err(e) => return Err(e),
//! }
//! # Ok(()) }
//! ```
//!
//! # What a diff holds
//! [`Patch::diff`] serializes both values with serde (a generated type
//! through its codec, so exactly what it would send) and compares the JSON:
//! - properties are compared recursively; a new one is an `add`, a gone one
//!   a `remove`, a changed one a `replace`; the `extra` properties of
//!   generated types (those the spec does not list) take part like any other;
//! - `None` (left out) and `Some(None)` (sent as `null`) of an
//!   `Option<Option<T>>` field stay distinct: `Some(x)` → `None` is
//!   `remove`, `Some(x)` → `Some(None)` is `replace` with `null`;
//! - keys are escaped as RFC 6901 says (`a/b` → `/a~1b`, `m~n` → `/m~0n`);
//! - an array that changed in any way (reordered, grown, shrunk, an element
//!   changed) is **one `replace` of the whole array** with the new one, not
//!   operations by index, which would apply to whatever the array holds by
//!   the time the tenant reads them;
//! - two equal values give an **empty patch, which is sent as it is**: `[]`
//!   (or `{"operations": []}`) is a valid patch that changes nothing, and
//!   the tenant answers the object as it stands; test
//!   [`is_empty`](Patch::is_empty) (or [`has_changes`](Patch::has_changes)
//!   when guards were added) to skip the request instead.
//!
//! # Guards, and what ISC answers when one fails
//! [`Patch::guard`] adds a `test` of the value read at a path (`/modified`,
//! which ISC moves on every change, is the usual one);
//! [`Patch::guard_changed`] tests the value read at every path the patch
//! replaces or removes; [`Patch::test`] tests a value you give. Tests are
//! sent first, so a failing one stops the patch before any change.
//!
//! A tenant refuses the whole patch when a test fails (RFC 6902 §5). What
//! ISC answers is not written down: its specs document, for every patch
//! operation, `400` with an `ErrorResponseDto` (`detailCode`
//! `400.1 Bad Request Content`, "The request was syntactically correct but
//! its content is semantically invalid.") for a body it refuses, and no
//! `409` or `412` anywhere; SailPoint's patch guide says only that the
//! values "must be equal for the operation to be successful". So a failed
//! guard is a `400`, and on the wire it looks like any other refused patch
//! (a path that cannot be changed, a value of the wrong type). [`refusal`]
//! recognises the refusal (400, and 409, 412 and 422, the statuses RFC 5789
//! gives a patch that cannot be applied, in case the answer changes);
//! [`Patch::check`] against a fresh read tells a concurrent change
//! ([`GuardFailed`], naming the path) from a patch refused for another
//! reason.
//!
//! # Hand-written patches
//! [`Patch::new`] and [`add`](Patch::add), [`replace`](Patch::replace),
//! [`remove`](Patch::remove), [`test`](Patch::test) take a pointer and any
//! `serde` value; [`Patch::push`] takes a `move` or `copy` of
//! [`json_patch`]. A value that does not serialize, or a path that is not an
//! RFC 6901 pointer, is kept as the patch's error and fails the call with
//! [`Error::Encode`] before anything is sent; a patch
//! with an `op` the operation's schema does not list fails the same way.
//! [`pointer()`] builds a path from keys, escaping them.

mod body;
mod diff;

#[doc(hidden)]
pub use body::{patch_body, PatchBody, PatchShape};
/// The JSON Patch crate this module is built on, for its operation types
/// ([`Patch::push`]) and `patch` (to apply a patch in a test).
pub use json_patch;

use crate::error::{ApiError, Error};
use crate::json::{Encode, EncodeError};
use json_patch::jsonptr::PointerBuf;
use json_patch::{AddOperation, PatchOperation, RemoveOperation, ReplaceOperation, TestOperation};
use serde::Serialize;
use serde_json::Value;
use std::fmt;

/// A JSON Patch document (RFC 6902): `test` operations (guards) first, then
/// the changes, in the order they were made. See the [module docs](self).
#[derive(Clone, Default, PartialEq)]
pub struct Patch {
    guards: Vec<PatchOperation>,
    changes: Vec<PatchOperation>,
    /// The value a diff was made from, which guards test against.
    before: Option<Value>,
    /// The first thing that went wrong building the patch; sending fails
    /// with it.
    error: Option<EncodeError>,
}

impl Patch {
    /// A patch with no operations, to add them by hand.
    pub fn new() -> Self {
        Patch::default()
    }

    /// The operations that turn `before` into `after` (see the [module
    /// docs](self) for arrays, `null` and the empty diff). `before` is
    /// kept, so that [`guard`](Self::guard) can test the values read.
    pub fn diff<T: Serialize + ?Sized, U: Serialize + ?Sized>(before: &T, after: &U) -> Self {
        let mut patch = Patch::new();
        match (serde_json::to_value(before), serde_json::to_value(after)) {
            (Ok(b), Ok(a)) => {
                patch.changes = diff::diff(&b, &a);
                patch.before = Some(b);
            }
            (Err(e), _) | (_, Err(e)) => patch.fail(format!("a value to diff: {e}")),
        }
        patch
    }

    /// Adds `value` at `path` (a new property, or an array item:
    /// `/features/-` appends).
    pub fn add(self, path: &str, value: impl Serialize) -> Self {
        self.with_value(path, value, |path, value| {
            PatchOperation::Add(AddOperation { path, value })
        })
    }

    /// Replaces the value at `path` (which must exist) with `value`.
    pub fn replace(self, path: &str, value: impl Serialize) -> Self {
        self.with_value(path, value, |path, value| {
            PatchOperation::Replace(ReplaceOperation { path, value })
        })
    }

    /// Removes the value at `path` (which must exist).
    pub fn remove(mut self, path: &str) -> Self {
        if let Some(path) = self.parse(path) {
            self.changes
                .push(PatchOperation::Remove(RemoveOperation { path }));
        }
        self
    }

    /// Tests that the value at `path` equals `value`; the tenant refuses the
    /// whole patch if it does not. Sent before the changes.
    pub fn test(mut self, path: &str, value: impl Serialize) -> Self {
        match (self.parse(path), serde_json::to_value(value)) {
            (Some(path), Ok(value)) => self.push_guard(path, value),
            (None, _) => {}
            (_, Err(e)) => self.fail(format!("the value at `{path}`: {e}")),
        }
        self
    }

    /// Tests that the value at `path` is still the one the diff was made
    /// from (`before`): `guard("/modified")`. The value read must have
    /// something at `path` (a test cannot check that a property is absent);
    /// a patch not made by [`diff`](Self::diff) has no value read, use
    /// [`test`](Self::test).
    pub fn guard(mut self, path: &str) -> Self {
        let Some(parsed) = self.parse(path) else {
            return self;
        };
        match self.before.as_ref().map(|b| b.pointer(path)) {
            Some(Some(value)) => {
                let value = value.clone();
                self.push_guard(parsed, value);
            }
            Some(None) => self.fail(format!(
                "guard `{path}`: the value read has nothing there to test"
            )),
            None => self.fail(format!(
                "guard `{path}`: only a diff knows the value read; use `test(path, value)`"
            )),
        }
        self
    }

    /// Guards every path the diff replaces or removes with the value read
    /// there, so the patch applies only if none of what it changes was
    /// changed meanwhile. New properties (`add`) have nothing to test.
    pub fn guard_changed(mut self) -> Self {
        let Some(before) = self.before.take() else {
            self.fail("guard_changed: only a diff knows the values read".to_owned());
            return self;
        };
        let paths: Vec<PointerBuf> = self
            .changes
            .iter()
            .filter(|op| matches!(op, PatchOperation::Replace(_) | PatchOperation::Remove(_)))
            .map(|op| op.path().to_buf())
            .collect();
        for path in paths {
            if let Some(value) = before.pointer(path.as_str()) {
                self.push_guard(path, value.clone());
            }
        }
        self.before = Some(before);
        self
    }

    /// Adds any operation of [`json_patch`] (`move`, `copy`, …) as a change,
    /// or as a guard if it is a `test`.
    pub fn push(mut self, op: PatchOperation) -> Self {
        match op {
            PatchOperation::Test(_) => self.guards.push(op),
            op => self.changes.push(op),
        }
        self
    }

    /// Whether the patch has no operation at all, guards included: sending
    /// it sends `[]`.
    pub fn is_empty(&self) -> bool {
        self.guards.is_empty() && self.changes.is_empty()
    }

    /// Whether the patch changes anything (an operation other than `test`).
    pub fn has_changes(&self) -> bool {
        !self.changes.is_empty()
    }

    /// The number of operations, guards included.
    pub fn len(&self) -> usize {
        self.guards.len() + self.changes.len()
    }

    /// The operations as they are sent: guards, then changes.
    pub fn operations(&self) -> impl Iterator<Item = &PatchOperation> {
        self.guards.iter().chain(&self.changes)
    }

    /// The patch as the JSON array it is sent as, or what went wrong
    /// building it.
    pub fn to_value(&self) -> Result<Value, EncodeError> {
        if let Some(e) = &self.error {
            return Err(e.clone());
        }
        let ops: Vec<&PatchOperation> = self.operations().collect();
        serde_json::to_value(ops).map_err(|e| EncodeError::new(e.to_string()))
    }

    /// Checks the patch's `test` operations against `current` (a fresh
    /// read): `Err` names the first guard that no longer holds, which is why
    /// a tenant refuses the patch. See [`refusal`].
    pub fn check<T: Serialize + ?Sized>(&self, current: &T) -> Result<(), GuardFailed> {
        let current = serde_json::to_value(current).unwrap_or(Value::Null);
        for op in &self.guards {
            if let PatchOperation::Test(t) = op {
                let found = current.pointer(t.path.as_str());
                if found != Some(&t.value) {
                    return Err(GuardFailed {
                        path: t.path.as_str().to_owned(),
                        expected: Box::new(t.value.clone()),
                        found: found.cloned().map(Box::new),
                    });
                }
            }
        }
        Ok(())
    }

    fn with_value(
        mut self,
        path: &str,
        value: impl Serialize,
        op: impl FnOnce(PointerBuf, Value) -> PatchOperation,
    ) -> Self {
        match (self.parse(path), serde_json::to_value(value)) {
            (Some(p), Ok(v)) => self.changes.push(op(p, v)),
            (None, _) => {}
            (_, Err(e)) => self.fail(format!("the value at `{path}`: {e}")),
        }
        self
    }

    fn push_guard(&mut self, path: PointerBuf, value: Value) {
        let dup = self
            .guards
            .iter()
            .any(|g| matches!(g, PatchOperation::Test(t) if t.path == path));
        if !dup {
            self.guards
                .push(PatchOperation::Test(TestOperation { path, value }));
        }
    }

    fn parse(&mut self, path: &str) -> Option<PointerBuf> {
        match PointerBuf::parse(path) {
            Ok(p) => Some(p),
            Err(e) => {
                self.fail(format!("`{path}` is not a JSON pointer: {e}"));
                None
            }
        }
    }

    fn fail(&mut self, message: String) {
        self.error.get_or_insert_with(|| EncodeError::new(message));
    }
}

impl fmt::Debug for Patch {
    /// Each operation's `op` and path, not its value: values may be secrets.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ops: Vec<String> = self
            .operations()
            .map(|op| {
                let name = match op {
                    PatchOperation::Add(_) => "add",
                    PatchOperation::Remove(_) => "remove",
                    PatchOperation::Replace(_) => "replace",
                    PatchOperation::Move(_) => "move",
                    PatchOperation::Copy(_) => "copy",
                    PatchOperation::Test(_) => "test",
                };
                format!("{name} {}", op.path())
            })
            .collect();
        f.debug_struct("Patch")
            .field("operations", &ops)
            .field("error", &self.error)
            .finish()
    }
}

impl Encode for Patch {
    /// The array, or `null` if the patch could not be built (requests use
    /// [`try_encode`](Encode::try_encode), which says why).
    fn encode(&self) -> Value {
        self.to_value().unwrap_or(Value::Null)
    }

    fn try_encode(&self) -> Result<Value, EncodeError> {
        self.to_value()
    }
}

/// A guard that does not hold against a fresh read: the value at
/// [`path`](Self::path) changed since the patch was made.
#[derive(Clone, PartialEq)]
pub struct GuardFailed {
    path: String,
    // Boxed: a `Value` is large (an ordered map), and this is an `Err`.
    expected: Box<Value>,
    found: Option<Box<Value>>,
}

impl GuardFailed {
    /// The guard's path (`/modified`).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The value the guard tests for (the one read).
    pub fn expected(&self) -> &Value {
        &self.expected
    }

    /// The value there now, `None` if there is none.
    pub fn found(&self) -> Option<&Value> {
        self.found.as_deref()
    }
}

impl fmt::Debug for GuardFailed {
    /// The path only: the values may be secrets.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GuardFailed")
            .field("path", &self.path)
            .field("found", &self.found.is_some())
            .finish_non_exhaustive()
    }
}

impl fmt::Display for GuardFailed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.found {
            Some(_) => write!(f, "the value at `{}` changed since it was read", self.path),
            None => write!(f, "the value at `{}` is gone since it was read", self.path),
        }
    }
}

impl std::error::Error for GuardFailed {}

/// The tenant's refusal of a patch: the [`ApiError`] of a `400` (what ISC's
/// specs document for a patch body it refuses, a failed `test` included),
/// `409`, `412` or `422`; `None` for any other error. A refusal of a guarded
/// patch is either a concurrent change or a wrong patch;
/// [`Patch::check`] against a fresh read tells which.
pub fn refusal(err: &Error) -> Option<&ApiError> {
    match err {
        Error::Api(e) if matches!(e.status().as_u16(), 400 | 409 | 412 | 422) => Some(e),
        _ => None,
    }
}

/// The RFC 6901 pointer of a path of keys, each escaped:
/// `pointer(["connectorAttributes", "a/b"])` is `/connectorAttributes/a~1b`.
pub fn pointer<I, K>(keys: I) -> String
where
    I: IntoIterator<Item = K>,
    K: AsRef<str>,
{
    let mut p = PointerBuf::new();
    for k in keys {
        p.push_back(k.as_ref());
    }
    p.as_str().to_owned()
}

#[cfg(test)]
mod tests;
