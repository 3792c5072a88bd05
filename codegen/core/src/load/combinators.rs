//! Keywords beside `allOf`, `oneOf` and `anyOf` in one schema.
//!
//! openapiv3 reads a schema as exactly one kind (its `SchemaKind` is an
//! untagged enum whose variants ignore unknown keys), so part of such a
//! schema is silently dropped: `{type: object, allOf: […]}` is read as an
//! object with no properties (the `allOf` is lost), and `{allOf: […],
//! properties: {…}}` as an `allOf` without the properties. SailPoint's specs
//! have both (`SavedSearch`, `Campaign`, `ExportPayload`…). Before the
//! document is parsed, this pass rewrites such schemas into the equivalent
//! form that openapiv3 reads whole:
//!
//! - `properties`, `required` and `additionalProperties` beside `allOf`
//!   become one more `allOf` part;
//! - `type: object` beside a combinator is removed (the parts say what the
//!   value is), except beside `oneOf`/`anyOf` with `properties`, where the
//!   combinator only constrains the object and the properties are the type.
//!
//! Examples, defaults and enum values are data, not schemas, and are left alone.

use serde_json::{Map, Value};

/// Keys whose values are data rather than schemas.
const DATA_KEYS: [&str; 4] = ["example", "examples", "default", "enum"];

/// Object keywords that move into an `allOf` part.
const OBJECT_KEYS: [&str; 3] = ["properties", "required", "additionalProperties"];

/// Keys whose values map names to schemas (a property may be called `default`).
const NAMED_SCHEMAS: [&str; 2] = ["properties", "schemas"];

/// Rewrites every schema in `doc` that mixes a combinator with sibling
/// keywords openapiv3 would drop.
pub(crate) fn normalize(doc: &mut Value) {
    match doc {
        Value::Object(map) => {
            rewrite(map);
            for (key, value) in map.iter_mut() {
                match value {
                    Value::Object(named) if NAMED_SCHEMAS.contains(&key.as_str()) => {
                        named.values_mut().for_each(normalize)
                    }
                    _ if DATA_KEYS.contains(&key.as_str()) => {}
                    _ => normalize(value),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(normalize),
        _ => {}
    }
}

fn rewrite(map: &mut Map<String, Value>) {
    let is_object = map.get("type").and_then(Value::as_str) == Some("object");
    if map.get("allOf").is_some_and(Value::is_array) {
        let mut part = Map::new();
        for key in OBJECT_KEYS {
            if let Some(v) = map.remove(key) {
                part.insert(key.to_owned(), v);
            }
        }
        if is_object {
            map.remove("type");
        }
        if !part.is_empty() {
            part.insert("type".to_owned(), Value::String("object".to_owned()));
            if let Some(Value::Array(parts)) = map.get_mut("allOf") {
                parts.push(Value::Object(part));
            }
        }
        return;
    }
    let union = ["oneOf", "anyOf"]
        .iter()
        .any(|k| map.get(*k).is_some_and(Value::is_array));
    if union && is_object && !map.contains_key("properties") {
        map.remove("type");
    }
}

#[cfg(test)]
mod tests {
    use super::normalize;
    use serde_json::json;

    #[test]
    fn properties_beside_all_of_become_a_part() {
        let mut v = json!({
            "type": "object",
            "title": "Export Payload",
            "allOf": [{"$ref": "#/components/schemas/ExportOptions"}],
            "properties": {"description": {"type": "string"}},
            "required": ["description"],
        });
        normalize(&mut v);
        assert_eq!(
            v,
            json!({
                "title": "Export Payload",
                "allOf": [
                    {"$ref": "#/components/schemas/ExportOptions"},
                    {"type": "object", "properties": {"description": {"type": "string"}}, "required": ["description"]},
                ],
            })
        );
    }

    #[test]
    fn object_type_beside_a_union_is_removed_unless_it_has_properties() {
        let mut v = json!({"type": "object", "nullable": true, "oneOf": [{"$ref": "#/a"}, {"$ref": "#/b"}]});
        normalize(&mut v);
        assert_eq!(
            v,
            json!({"nullable": true, "oneOf": [{"$ref": "#/a"}, {"$ref": "#/b"}]})
        );

        let constrained = json!({
            "type": "object",
            "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
            "oneOf": [{"required": ["a"]}, {"required": ["b"]}],
        });
        let mut v = constrained.clone();
        normalize(&mut v);
        assert_eq!(v, constrained);
    }

    #[test]
    fn examples_and_nested_schemas() {
        let mut v = json!({
            "properties": {
                "owner": {"type": "object", "allOf": [{"$ref": "#/x"}]},
                "default": {"type": "object", "anyOf": [{"$ref": "#/x"}, {"$ref": "#/y"}]},
            },
            "example": {"type": "object", "allOf": [], "properties": {}},
        });
        normalize(&mut v);
        assert_eq!(
            v,
            json!({
                "properties": {
                    "owner": {"allOf": [{"$ref": "#/x"}]},
                    "default": {"anyOf": [{"$ref": "#/x"}, {"$ref": "#/y"}]},
                },
                "example": {"type": "object", "allOf": [], "properties": {}},
            })
        );
    }
}
