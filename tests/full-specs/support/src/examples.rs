//! Decoding the spec's examples into their generated types and encoding
//! them back.
//!
//! An example *decodes* when its JSON deserializes into the generated type,
//! and *round-trips* when the type then serializes to the same JSON, where
//! "the same" ignores members whose value is `null` (an absent optional
//! field and an explicit `null` are one `None`) and compares numbers by value
//! (`1` and `1.0`). A parameter example is also tried as the text it is on
//! the wire (`true` for a string header is the text `true`; `A,B` for an
//! array is two items), since that is how the generated method sends it. The generated types follow the
//! schema, not the example:
//! an example that contradicts its schema by type does not decode (the
//! reason listed is the decode error, with the failing path); one that
//! leaves out a required property, or sends it as `null`, decodes leniently
//! (a recorded placeholder, see `sailpoint_isc::json::Received`) and
//! round-trips; one with properties its
//! schema does not define decodes and round-trips: a generated struct keeps
//! such properties in `extra` and writes them back, so a read-modify-write
//! loses nothing. Each crate commits the list of its examples that do not
//! decode or do not round-trip, with the reason, in `examples-expected.txt`.

use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Decodes an example's JSON into a generated type and encodes it back.
pub type Check = fn(&str) -> Outcome;

/// One example of the spec, as the build script lists it.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// JSON pointer of the example value in the spec.
    pub pointer: &'static str,
    /// The operation that uses it.
    pub operation: &'static str,
    /// Its media type, or `None` for a parameter example.
    pub media_type: Option<&'static str>,
    /// The example as JSON text.
    pub json: &'static str,
    /// The check for its generated type; `None` when the media type has no
    /// generated type (CSV, an image: the operation sends or returns bytes).
    pub check: Option<Check>,
}

/// What became of one example.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// It did not deserialize: the error, with the path of the failing field.
    NotDecoded(String),
    /// It deserialized but did not serialize again.
    NotEncoded(String),
    /// It deserialized and serialized to this JSON.
    Encoded(Value),
}

/// Decodes `json` as a `T` (as the client decodes a response) and encodes
/// it back through serde (as a program storing it would), then checks that
/// serde's `Deserialize` reads it the same way.
#[cfg(feature = "runtime")]
pub fn check<
    T: sailpoint_isc::json::Decode + serde::de::DeserializeOwned + serde::Serialize + PartialEq,
>(
    json: &str,
) -> Outcome {
    let typed: T = match sailpoint_isc::json::decode_slice(json.as_bytes()) {
        Ok(t) => t,
        Err(e) => return Outcome::NotDecoded(format!("at `{}`: {}", e.path(), e.message())),
    };
    match serde_json::from_str::<T>(json) {
        Ok(via_serde) if via_serde == typed => {}
        Ok(_) => return Outcome::NotEncoded("serde's Deserialize reads it differently".into()),
        Err(e) => return Outcome::NotEncoded(format!("serde's Deserialize fails: {e}")),
    }
    match serde_json::to_value(&typed) {
        Ok(v) => Outcome::Encoded(v),
        Err(e) => Outcome::NotEncoded(e.to_string()),
    }
}

/// Why an example is on the committed list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Failure {
    /// It does not decode into its type.
    NotDecoded,
    /// It decodes but comes back different.
    Differs,
}

impl Failure {
    fn word(self) -> &'static str {
        match self {
            Failure::NotDecoded => "not-decoded",
            Failure::Differs => "differs",
        }
    }
}

/// The figures and failures of a run over every example.
#[derive(Debug, Default)]
pub struct Report {
    /// Examples listed.
    pub listed: usize,
    /// Examples of media types without a generated type (not tried).
    pub untyped: usize,
    /// Examples tried (those with a generated type).
    pub tried: usize,
    /// Examples that decoded.
    pub decoded: usize,
    /// Examples that decoded and encoded back to the same JSON.
    pub round_tripped: usize,
    /// Parameter examples among those tried, decoded, round-tripped.
    pub parameters: (usize, usize, usize),
    /// Parameter examples that decoded only in their text form.
    pub parameters_as_text: usize,
    /// Each failure by pointer: what failed and why.
    pub failures: BTreeMap<String, (Failure, String)>,
}

/// Runs every check.
pub fn run(entries: &[Entry]) -> Report {
    let mut r = Report {
        listed: entries.len(),
        ..Report::default()
    };
    for e in entries {
        let Some(check) = e.check else {
            r.untyped += 1;
            continue;
        };
        let param = e.media_type.is_none();
        r.tried += 1;
        r.parameters.0 += usize::from(param);
        let original: Value = match serde_json::from_str(e.json) {
            Ok(v) => v,
            Err(err) => {
                // The build script wrote it from a JSON value; this cannot happen.
                r.failures.insert(
                    e.pointer.to_owned(),
                    (
                        Failure::NotDecoded,
                        format!("the table's JSON is invalid: {err}"),
                    ),
                );
                continue;
            }
        };
        let (original, outcome) = match (check(e.json), param) {
            // A parameter travels as text: the example `true` for a string
            // header is the text `true`, "5" for an integer query parameter
            // is the number 5, and "A,B" for an array is its two items.
            (Outcome::NotDecoded(why), true) => {
                let text_form = wire_readings(&original)
                    .into_iter()
                    .map(|alt| {
                        let outcome = check(&alt.to_string());
                        (alt, outcome)
                    })
                    .find(|(_, outcome)| !matches!(outcome, Outcome::NotDecoded(_)));
                match text_form {
                    Some(found) => {
                        r.parameters_as_text += 1;
                        found
                    }
                    None => (original, Outcome::NotDecoded(why)),
                }
            }
            (outcome, _) => (original, outcome),
        };
        let back = match outcome {
            Outcome::NotDecoded(why) => {
                r.failures
                    .insert(e.pointer.to_owned(), (Failure::NotDecoded, why));
                continue;
            }
            Outcome::NotEncoded(why) => {
                r.decoded += 1;
                r.parameters.1 += usize::from(param);
                r.failures.insert(
                    e.pointer.to_owned(),
                    (Failure::Differs, format!("does not encode: {why}")),
                );
                continue;
            }
            Outcome::Encoded(v) => v,
        };
        r.decoded += 1;
        r.parameters.1 += usize::from(param);
        match difference(&original, &back, "") {
            None => {
                r.round_tripped += 1;
                r.parameters.2 += usize::from(param);
            }
            Some(why) => {
                r.failures
                    .insert(e.pointer.to_owned(), (Failure::Differs, why));
            }
        }
    }
    r
}

impl Report {
    /// The figures, in one paragraph.
    pub fn figures(&self, spec: &str) -> String {
        format!(
            "{spec}: {} examples; {} tried (with a generated type), {} decoded, {} round-tripped; \
             of them parameters: {} tried, {} decoded ({} only as wire text), {} round-tripped; \
             {} not tried (CSV and other byte bodies)",
            self.listed,
            self.tried,
            self.decoded,
            self.round_tripped,
            self.parameters.0,
            self.parameters.1,
            self.parameters_as_text,
            self.parameters.2,
            self.untyped,
        )
    }

    /// The failures in the committed list's format: `kind pointer  # reason`.
    pub fn listing(&self) -> String {
        let mut out = String::new();
        for (pointer, (kind, why)) in &self.failures {
            let why = why.replace('\n', " ");
            let _ = writeln!(out, "{} {pointer}  # {why}", kind.word());
        }
        out
    }

    /// Compares the failures with a committed list (lines `kind pointer`,
    /// anything after `  #` is a comment): the entries that are new, and the
    /// listed ones that no longer fail.
    pub fn compare(&self, expected: &str) -> (Vec<String>, Vec<String>) {
        let mut listed: BTreeMap<String, String> = BTreeMap::new();
        for line in expected.lines() {
            let line = line.split("  #").next().unwrap_or("").trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some((kind, pointer)) = line.split_once(' ') {
                listed.insert(pointer.trim().to_owned(), kind.to_owned());
            }
        }
        let mut new = Vec::new();
        for (pointer, (kind, why)) in &self.failures {
            if listed.get(pointer).map(String::as_str) != Some(kind.word()) {
                new.push(format!("{} {pointer}  # {why}", kind.word()));
            }
        }
        let gone = listed
            .iter()
            .filter(|(p, k)| self.failures.get(*p).map(|(f, _)| f.word()) != Some(k.as_str()))
            .map(|(p, k)| format!("{k} {p}"))
            .collect();
        (new, gone)
    }
}

/// Other readings of a scalar parameter example, as the text it is on the
/// wire: a boolean or number as a string; a string holding a boolean or
/// number as that value; a string as the comma-separated items of an array
/// (one item, or several for `explode: false`).
fn wire_readings(v: &Value) -> Vec<Value> {
    match v {
        Value::Bool(_) | Value::Number(_) => vec![Value::String(v.to_string())],
        Value::String(s) => {
            let mut out = Vec::new();
            if let Ok(parsed @ (Value::Bool(_) | Value::Number(_))) = serde_json::from_str(s) {
                out.push(parsed);
            }
            out.push(Value::Array(
                s.split(',')
                    .map(|item| Value::String(item.to_owned()))
                    .collect(),
            ));
            out
        }
        _ => Vec::new(),
    }
}

/// The first place where `b` differs from `a`, ignoring `null` members and
/// comparing numbers by value.
pub fn difference(a: &Value, b: &Value, at: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, v) in x.iter().filter(|(_, v)| !v.is_null()) {
                let here = format!("{at}/{k}");
                match y.get(k) {
                    Some(w) => {
                        if let Some(d) = difference(v, w, &here) {
                            return Some(d);
                        }
                    }
                    None => {
                        return Some(format!(
                            "`{here}` is dropped on encoding (neither a field nor `extra` kept it)"
                        ))
                    }
                }
            }
            y.iter()
                .filter(|(k, v)| !v.is_null() && !x.contains_key(*k))
                .map(|(k, _)| format!("`{at}/{k}` is added on encoding"))
                .next()
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (v, w))| difference(v, w, &format!("{at}/{i}"))),
        (Value::Number(x), Value::Number(y)) if x.as_f64() == y.as_f64() => None,
        _ if a == b => None,
        _ => Some(format!(
            "`{at}` was {} and came back as {}",
            short(a),
            short(b)
        )),
    }
}

/// A value's JSON, cut to 60 characters.
fn short(v: &Value) -> String {
    let text = v.to_string();
    match text.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text,
    }
}

/// The opening comment of an `examples-expected.txt`.
const LIST_HEADER: &str = "\
# Examples of the upstream spec that do not decode into their generated type
# (`not-decoded`) or do not encode back to the same JSON (`differs`), with why.
# The generated types follow the schema; these examples contradict it (a
# required property left out or null is read leniently, so it is not here). The
# test fails when an example is missing from this list or listed wrongly, so
# a new failure or a newly passing example shows up as a change here.
# Regenerate with UPDATE_EXPECTED=1 cargo test -p <crate> --test upstream.
";

/// Runs every example, prints the figures, and panics unless the failures
/// are exactly those of the committed list `expected`. With
/// `UPDATE_EXPECTED=1` it rewrites the list at `expected_path` instead.
pub fn assert_expected(spec: &str, entries: &[Entry], expected: &str, expected_path: &str) {
    let report = run(entries);
    eprintln!("{}", report.figures(spec));
    if std::env::var("UPDATE_EXPECTED").is_ok_and(|v| v == "1") {
        let text = format!("{LIST_HEADER}{}", report.listing());
        if let Err(e) = std::fs::write(expected_path, text) {
            panic!("cannot write {expected_path}: {e}");
        }
        eprintln!("wrote {expected_path}");
        return;
    }
    let (new, gone) = report.compare(expected);
    assert!(
        new.is_empty() && gone.is_empty(),
        "the examples that fail are not those listed in {expected_path}\n\
         failing but not listed ({}):\n{}\n\
         listed but not failing so ({}):\n{}\n\
         (UPDATE_EXPECTED=1 rewrites the list)",
        new.len(),
        new.join("\n"),
        gone.len(),
        gone.join("\n"),
    );
}
