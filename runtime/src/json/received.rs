//! Lenient reading of answers that break their own spec: see [`Received`].

use serde_json::{Map, Value};
use std::cell::RefCell;

/// How a tenant sent a property that its spec does not allow in that form:
/// answers are read leniently, and this records where.
///
/// ISC sends `null` for properties its specs mark required and not nullable
/// (a task definition's `description`, a source's `owner`), leaves them out,
/// and spells enum values in another case (`Success` where the enum says
/// `SUCCESS`). Failing the call for that would end a stream of a thousand
/// records at the first odd one, so answers are read leniently and the
/// oddity is recorded instead:
///
/// - a required property that is `null` or absent gets a placeholder, the
///   type's empty value (`""`, `0`, `false`, `[]`, an object of
///   placeholders, the `Other("")` of a string enum), and the struct's
///   [`Extra`](super::Extra) records what was received
///   ([`Received::Null`] or [`Received::Absent`]);
/// - a string enum value that differs from a known one only in case is that
///   known variant, and the text received is recorded
///   ([`Received::OtherCase`]).
///
/// Encoding sends back what was received for a value left as read: a
/// placeholder still equal to itself is written as `null` (or left out), an
/// enum value still equal to the variant read is written in the received
/// spelling. A value the caller changed is sent as set. Requests built in
/// code are strict: nothing here applies to a value that was not decoded.
///
/// Read from a struct's [`Extra`](super::Extra) (a struct with
/// `additionalProperties` has no `extra` and keeps no record; an enum that is
/// not inside a struct neither):
/// `source.extra.received("owner") == Some(&Received::Null)` tells "the
/// tenant sent `null`" from an owner that is really there.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Received {
    /// The property is required and not nullable, and was `null`; the field
    /// holds a placeholder.
    Null,
    /// The property is required, and was not there; the field holds a
    /// placeholder.
    Absent,
    /// A string enum value in another case than the spec's (`Success` for
    /// `SUCCESS`): the field holds the known variant, this is the text.
    OtherCase(String),
}

/// One lenient read, kept in the struct's `Extra` so that encoding can send
/// back what was received.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Note {
    pub(crate) field: String,
    pub(crate) received: Received,
    /// The value as decoding left it: the placeholder's wire form, or the
    /// spec's spelling of the enum value. Encoding restores what was
    /// received only while the field still encodes to this.
    pub(crate) read_as: Value,
}

impl Note {
    /// Puts back, in `object` (the encoded struct), what was received for
    /// this note's field, if the field still holds what decoding made of it.
    pub(crate) fn restore(&self, object: &mut Map<String, Value>) {
        let Some(current) = object.get_mut(&self.field) else {
            return;
        };
        match &self.received {
            Received::Null if *current == self.read_as => *current = Value::Null,
            Received::Absent if *current == self.read_as => {
                object.shift_remove(&self.field);
            }
            Received::OtherCase(text) => restore_case(current, &self.read_as, text),
            _ => {}
        }
    }
}

/// The enum value `read_as` back in the spelling received: the field
/// itself, or the first item of an array or map field equal to it.
fn restore_case(current: &mut Value, read_as: &Value, text: &str) {
    let slot = match current {
        Value::Array(items) => items.iter_mut().find(|v| *v == read_as),
        Value::Object(map) => map.values_mut().find(|v| *v == read_as),
        v if v == read_as => Some(v),
        _ => None,
    };
    if let Some(slot) = slot {
        *slot = Value::String(text.to_owned());
    }
}

/// How deep placeholders nest: a required object inside a required object
/// inside ... A required `Box<Self>` would otherwise recurse forever.
const MAX_DEPTH: u8 = 6;

/// Enum values read in another case, waiting for the struct that holds
/// them to record them; bounded, so values decoded outside any struct
/// (whose record has nowhere to go) cannot pile up.
const MAX_PENDING: usize = 1024;

#[derive(Default)]
struct State {
    /// Reading a request as a server would (the mock tenant): no
    /// placeholders, enum values spelled exactly.
    strict: bool,
    depth: u8,
    /// Placeholders made so far on this thread; `oneOf` decoding prefers a
    /// variant read without one.
    lenient_reads: u64,
    /// (text received, the spec's spelling).
    pending: Vec<(String, &'static str)>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

/// `f` on this thread's state. Never panics: during thread teardown, or if
/// the state were somehow in use, `f` does not run and the answer is
/// `R::default()` (lenient reading off, no records), which only loses a
/// record.
fn with<R: Default>(f: impl FnOnce(&mut State) -> R) -> R {
    STATE
        .try_with(|s| {
            s.try_borrow_mut()
                .map(|mut s| f(&mut s))
                .unwrap_or_default()
        })
        .unwrap_or_default()
}

/// A placeholder for a required property that was `null` or absent: the
/// first of the empty JSON values that `T` decodes, with its encoding (what
/// the field encodes to while left as read).
pub(crate) fn placeholder<T: super::Decode + super::Encode>() -> Option<(T, Value)> {
    let deeper = with(|s| {
        let ok = !s.strict && s.depth < MAX_DEPTH;
        if ok {
            s.depth += 1;
        }
        ok
    });
    if !deeper {
        return None;
    }
    let candidates = [
        Value::Null,
        Value::Object(Map::new()),
        Value::String(String::new()),
        Value::Array(Vec::new()),
        Value::from(0),
        Value::Bool(false),
    ];
    let found = candidates.into_iter().find_map(|c| T::decode(c).ok());
    with(|s| {
        s.depth = s.depth.saturating_sub(1);
        if found.is_some() {
            s.lenient_reads += 1;
        }
    });
    found.map(|v| {
        let wire = v.encode();
        (v, wire)
    })
}

/// `f` with lenient reading off on this thread: what a server reading
/// requests uses, since the request side stays strict.
pub(crate) fn strictly<R>(f: impl FnOnce() -> R) -> R {
    /// Puts the previous mode back, also when `f` unwinds.
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            let was = self.0;
            with(|s| s.strict = was);
        }
    }
    let _restore = Restore(with(|s| std::mem::replace(&mut s.strict, true)));
    f()
}

/// Whether enum values must be spelled exactly (see [`strictly`]).
pub(crate) fn is_strict() -> bool {
    with(|s| s.strict)
}

/// How many placeholders this thread has made.
pub(crate) fn lenient_reads() -> u64 {
    with(|s| s.lenient_reads)
}

/// Records an enum value read in another case than `canonical`.
pub(crate) fn push_case(text: String, canonical: &'static str) {
    with(|s| {
        if s.pending.len() < MAX_PENDING {
            s.pending.push((text, canonical));
        }
    });
}

/// How many case records wait; the mark to [`take_cases`] from.
pub(crate) fn case_mark() -> usize {
    with(|s| s.pending.len())
}

/// The case records made since `mark`.
pub(crate) fn take_cases(mark: usize) -> Vec<(String, &'static str)> {
    with(|s| {
        if s.pending.len() > mark {
            s.pending.split_off(mark)
        } else {
            Vec::new()
        }
    })
}

/// Puts back case records taken with [`take_cases`] (the chosen variant of
/// a `oneOf`).
pub(crate) fn put_cases(cases: Vec<(String, &'static str)>) {
    with(|s| s.pending.extend(cases));
}

/// Forgets records no struct took (a top-level enum, a previous body).
pub(crate) fn clear_cases() {
    with(|s| s.pending.clear());
}
