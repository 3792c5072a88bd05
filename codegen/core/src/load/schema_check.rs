//! Schemas are checked bottom-up before openapiv3 reads them.
//!
//! openapiv3 reads a schema through untagged enums (`ReferenceOr`,
//! `SchemaKind`): on a mismatch serde tries the next variant, and two of the
//! variants read the nested schemas again. A nested schema that is invalid
//! therefore makes every level around it read its subtree twice, so parsing
//! takes time exponential in the nesting depth: twenty levels of `oneOf`
//! around one bad leaf take seconds, thirty take hours. The error that
//! finally comes out names only the outermost schema.
//!
//! This pass checks each schema on its own, innermost first, with its nested
//! schemas replaced by `{}` (always valid) once they have been checked, so
//! every schema is read once and shallowly: linear time, and each problem is
//! reported at its own JSON pointer. When it finds nothing, the typed parse
//! that follows sees only valid schemas and does not backtrack.

use crate::diag::{Diagnostic, Pointer};
use openapiv3::{ReferenceOr, Schema};
use serde_json::{Map, Value};
use std::path::Path;

/// Keys whose values are data, not spec structure; nothing under them is
/// read as a schema. `x-` extensions are skipped too.
const DATA_KEYS: [&str; 4] = ["example", "examples", "default", "enum"];

/// Checks every schema in a whole document (outside `x-` extensions) and
/// returns the problems found, each at its pointer in `file`.
pub(crate) fn check_document(doc: &Value, file: &Path) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    walk_structure(doc, &Pointer::root(), file, &mut out);
    out
}

/// Checks `value` as a schema (the target of a reference read as one).
pub(crate) fn check_schema(value: &Value, at: &Pointer, file: &Path) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    schema(value, at, file, &mut out);
    out
}

/// Checks the schemas inside `value`, a spec object that is not itself a
/// schema (a parameter, response, request body or path item).
pub(crate) fn check_structure(value: &Value, at: &Pointer, file: &Path) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    walk_structure(value, at, file, &mut out);
    out
}

/// Looks for schemas in spec structure: the value of every `schema` key
/// and of every entry of `components/schemas`.
fn walk_structure(value: &Value, at: &Pointer, file: &Path, out: &mut Vec<Diagnostic>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                if key.starts_with("x-") || DATA_KEYS.contains(&key.as_str()) {
                    continue;
                }
                let child_at = at.join(key);
                if key == "schema" && child.is_object() {
                    schema(child, &child_at, file, out);
                } else if key == "schemas" && at.as_str() == "#/components" {
                    if let Value::Object(schemas) = child {
                        for (name, s) in schemas {
                            if s.is_object() {
                                schema(s, &child_at.join(name), file, out);
                            }
                        }
                    }
                } else {
                    walk_structure(child, &child_at, file, out);
                }
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                walk_structure(child, &at.join(i.to_string()), file, out);
            }
        }
        _ => {}
    }
}

/// Checks the schema `value` at `at`, its nested schemas first. Only
/// objects are descended into; any other value where a schema belongs is
/// left in place for the enclosing schema's check to judge (openapiv3 takes
/// `items: null`, for one).
fn schema(value: &Value, at: &Pointer, file: &Path, out: &mut Vec<Diagnostic>) {
    let Value::Object(map) = value else {
        return;
    };
    let mut shallow = Map::with_capacity(map.len());
    for (key, child) in map {
        let child_at = at.join(key);
        let replaced = match (key.as_str(), child) {
            ("properties", Value::Object(props)) => {
                let mut placeholders = Map::with_capacity(props.len());
                for (name, prop) in props {
                    placeholders
                        .insert(name.clone(), checked(prop, &child_at.join(name), file, out));
                }
                Value::Object(placeholders)
            }
            ("items" | "not" | "additionalProperties", Value::Object(_)) => {
                checked(child, &child_at, file, out)
            }
            ("allOf" | "oneOf" | "anyOf", Value::Array(parts)) => Value::Array(
                parts
                    .iter()
                    .enumerate()
                    .map(|(i, part)| checked(part, &child_at.join(i.to_string()), file, out))
                    .collect(),
            ),
            _ => child.clone(),
        };
        shallow.insert(key.clone(), replaced);
    }
    if let Err(e) = parse(&shallow) {
        let message = match culprit(&shallow) {
            Some(key) => format!("not a valid schema (`{key}`): {}", describe(map, &e)),
            None => format!("not a valid schema: {}", describe(map, &e)),
        };
        out.push(Diagnostic::at_pointer(file, at.as_str(), message));
    }
}

fn parse(shallow: &Map<String, Value>) -> Result<ReferenceOr<Schema>, String> {
    serde_json::from_value(Value::Object(shallow.clone())).map_err(|e| e.to_string())
}

/// The keyword whose value makes the schema invalid: the first one without
/// which it parses. Only run on a schema that failed, on its shallow copy.
fn culprit(shallow: &Map<String, Value>) -> Option<&str> {
    shallow.keys().map(String::as_str).find(|key| {
        let mut without = shallow.clone();
        without.remove(*key);
        parse(&without).is_ok()
    })
}

/// Checks a nested schema and returns what stands in for it in its
/// parent's shallow copy: `{}` for an object (checked, and reported if
/// bad), the value itself otherwise.
fn checked(value: &Value, at: &Pointer, file: &Path, out: &mut Vec<Diagnostic>) -> Value {
    if value.is_object() {
        schema(value, at, file, out);
        Value::Object(Map::new())
    } else {
        value.clone()
    }
}

/// A readable reason: serde's, unless it is the one for an untagged enum
/// ("data did not match any variant"), which says nothing, so the usual
/// mistakes are named instead.
fn describe(map: &Map<String, Value>, serde_message: &str) -> String {
    if !serde_message.contains("did not match any variant") {
        return serde_message.to_owned();
    }
    if let Some(r) = map.get("$ref") {
        if !r.is_string() {
            return "`$ref` must be a string".to_owned();
        }
    }
    for key in ["properties"] {
        if map.get(key).is_some_and(|v| !v.is_object()) {
            return format!("`{key}` must be a mapping of names to schemas");
        }
    }
    for key in ["allOf", "oneOf", "anyOf"] {
        if let Some(v) = map.get(key) {
            if !v.is_array() {
                return format!("`{key}` must be a list of schemas");
            }
            if let Some(bad) = v.as_array().into_iter().flatten().find(|p| !p.is_object()) {
                return format!("`{key}` holds {}, which is not a schema", kind(bad));
            }
        }
    }
    for key in ["items", "not"] {
        if let Some(v) = map.get(key).filter(|v| !v.is_object() && !v.is_null()) {
            return format!("`{key}` holds {}, which is not a schema", kind(v));
        }
    }
    if let Some(v) = map.get("additionalProperties") {
        if !v.is_object() && !v.is_boolean() {
            return format!(
                "`additionalProperties` must be a schema or a boolean, not {}",
                kind(v)
            );
        }
    }
    if let Some(t) = map.get("type") {
        return match t.as_str() {
            Some(t) => {
                format!("a keyword does not fit `type: {t}` (or its value has the wrong type)")
            }
            None => format!("`type` must be a string, not {}", kind(t)),
        };
    }
    "it matches no kind of schema (a keyword has a value of the wrong type)".to_owned()
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_bad_leaf_deep_inside_is_reported_at_its_own_pointer_quickly() {
        let mut s = json!({"oneOf": [null, {"type": "integer"}]});
        for _ in 0..40 {
            s = json!({"oneOf": [s, {"type": "integer"}]});
        }
        let doc = json!({"components": {"schemas": {"S": s}}});
        let started = std::time::Instant::now();
        let found = check_document(&doc, Path::new("x.yaml"));
        assert!(started.elapsed().as_secs() < 5);
        assert_eq!(found.len(), 1, "{found:?}");
        let text = found[0].to_string();
        assert!(
            text.contains(&format!("#/components/schemas/S{}", "/oneOf/0".repeat(40))),
            "{text}"
        );
    }

    #[test]
    fn valid_schemas_and_data_are_not_reported() {
        let doc = json!({
            "paths": {"/a": {"get": {"parameters": [{"in": "query", "name": "q", "schema": {"type": "array", "items": {"type": "string"}}}],
                "responses": {"200": {"description": "ok", "content": {"application/json": {
                    "schema": {"type": "object", "properties": {"a": {"allOf": [{"$ref": "#/x"}, {"type": "object"}]}}, "additionalProperties": true},
                    "example": {"properties": 5, "items": "x"}}}}}}}},
            "components": {"schemas": {"N": {"type": "array", "items": null}}},
            "x-ignored": {"schema": {"type": 5}}
        });
        assert_eq!(check_document(&doc, Path::new("x.yaml")), Vec::new());
    }

    #[test]
    fn every_bad_schema_is_reported() {
        let doc = json!({"components": {"schemas": {
            "A": {"type": "object", "properties": {"x": {"type": 5}, "y": {"allOf": "no"}}},
            "B": {"type": "array", "items": "no"}
        }}});
        let found: Vec<String> = check_document(&doc, Path::new("x.yaml"))
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(found.len(), 3, "{found:#?}");
        let expected = [
            "x.yaml at #/components/schemas/A/properties/x: not a valid schema (`type`): invalid type: integer `5`, expected a string",
            "x.yaml at #/components/schemas/A/properties/y: not a valid schema (`allOf`): invalid type: string \"no\", expected a sequence",
            "x.yaml at #/components/schemas/B: not a valid schema (`items`): invalid type: string \"no\", expected struct Schema",
        ];
        for e in expected {
            assert!(found.iter().any(|m| m == e), "{e}\nnot in {found:#?}");
        }
    }
}
