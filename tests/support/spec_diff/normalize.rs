//! The normalised view of a document: only what shapes the generated client, every node
//! annotated with the JSON pointer it came from.

use super::{child, lookup, HTTP_METHODS, SOURCE, SYNTHETIC};
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;

/// Sorted, deduplicated copy of an array (a set); anything else unchanged.
fn as_set(value: &Value) -> Value {
    match value.as_array() {
        Some(items) => {
            let mut items = items.clone();
            items.sort_by_key(Value::to_string);
            items.dedup();
            Value::Array(items)
        }
        None => value.clone(),
    }
}

/// A security requirement list: alternatives as a set, each scheme's scopes as a set.
fn security(value: &Value) -> Value {
    let Some(alternatives) = value.as_array() else {
        return value.clone();
    };
    let alternatives: Vec<Value> = alternatives
        .iter()
        .map(|alternative| match alternative.as_object() {
            Some(schemes) => Value::Object(
                schemes
                    .iter()
                    .map(|(name, scopes)| (name.clone(), as_set(scopes)))
                    .collect(),
            ),
            None => alternative.clone(),
        })
        .collect();
    as_set(&Value::Array(alternatives))
}

pub(super) fn security_scheme_names(security: Option<&Value>, names: &mut BTreeSet<String>) {
    for alternative in security.and_then(Value::as_array).into_iter().flatten() {
        for name in alternative.as_object().into_iter().flat_map(Map::keys) {
            names.insert(name.clone());
        }
    }
}

fn servers(value: &Value, at: &str) -> Value {
    let Some(list) = value.as_array() else {
        return value.clone();
    };
    let list = list.iter().enumerate().map(|(i, server)| {
        let mut out = Map::new();
        out.insert(SOURCE.into(), child(at, &i.to_string()).into());
        if let Some(url) = server.get("url") {
            out.insert("url".into(), url.clone());
        }
        let mut variables = Map::new();
        for (name, variable) in server
            .get("variables")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let mut kept = Map::new();
            for key in ["default", "enum"] {
                if let Some(v) = variable.get(key) {
                    kept.insert(key.into(), v.clone());
                }
            }
            variables.insert(name.clone(), Value::Object(kept));
        }
        out.insert("variables".into(), Value::Object(variables));
        Value::Object(out)
    });
    Value::Array(list.collect())
}

fn discriminator(value: &Value) -> Value {
    let mut out = Map::new();
    for key in ["propertyName", "mapping"] {
        if let Some(v) = value.get(key) {
            out.insert(key.into(), v.clone());
        }
    }
    Value::Object(out)
}

/// An operation found in a document.
pub(super) struct Found<'a> {
    pub(super) id: &'a str,
    pub(super) path: &'a str,
    pub(super) method: &'static str,
    item: &'a Value,
    pub(super) operation: &'a Value,
}

pub(super) fn find_operations(doc: &Value) -> Vec<Found<'_>> {
    let mut found = Vec::new();
    for (path, item) in doc
        .get("paths")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        for method in HTTP_METHODS {
            let Some(operation) = item.get(method) else {
                continue;
            };
            if let Some(id) = operation.get("operationId").and_then(Value::as_str) {
                found.push(Found {
                    id,
                    path,
                    method,
                    item,
                    operation,
                });
            }
        }
    }
    found
}

/// Builds the normalised view of one document, collecting problems (dangling refs, malformed
/// nodes) instead of panicking.
struct Normalizer<'a> {
    doc: &'a Value,
    problems: Vec<String>,
}

impl<'a> Normalizer<'a> {
    /// Follows a chain of `$ref`s from `value` (found at `at`) to the node it names.
    fn resolve(&mut self, value: &'a Value, at: &str) -> Option<(&'a Value, String)> {
        let mut current = value;
        let mut current_at = at.to_owned();
        let mut seen: Vec<String> = Vec::new();
        while let Some(reference) = current.get("$ref") {
            let Some(reference) = reference.as_str() else {
                self.problems
                    .push(format!("{current_at}: `$ref` is not a string: {reference}"));
                return None;
            };
            if seen.iter().any(|s| s == reference) {
                self.problems
                    .push(format!("{at}: `$ref` chain loops back to {reference}"));
                return None;
            }
            let Some(target) = lookup(self.doc, reference) else {
                self.problems.push(format!(
                    "{current_at}: `$ref: {reference}` does not resolve within the file"
                ));
                return None;
            };
            seen.push(reference.to_owned());
            current = target;
            current_at = reference.to_owned();
        }
        Some((current, current_at))
    }

    fn schema(&mut self, value: &'a Value, at: &str, expanding: &mut Vec<String>) -> Value {
        let Some(reference) = value.get("$ref") else {
            return Value::Object(self.schema_body(value, at, expanding));
        };
        let key = reference.as_str().unwrap_or_default().to_owned();
        if expanding.contains(&key) {
            return json!({ SOURCE: at, "$recursive": key });
        }
        let Some((target, target_at)) = self.resolve(value, at) else {
            return json!({ SOURCE: at, "$unresolved": reference });
        };
        expanding.push(key);
        let resolved = self.schema(target, &target_at, expanding);
        expanding.pop();
        // OpenAPI 3.0 ignores siblings of `$ref`, but tools do not agree; keep any that matter.
        let mut siblings = self.schema_body(value, at, expanding);
        if siblings.len() <= 1 {
            return resolved;
        }
        siblings.insert("$ref".into(), resolved);
        Value::Object(siblings)
    }

    fn schema_body(
        &mut self,
        value: &'a Value,
        at: &str,
        expanding: &mut Vec<String>,
    ) -> Map<String, Value> {
        let mut out = Map::new();
        out.insert(SOURCE.into(), at.into());
        let Some(object) = value.as_object() else {
            out.insert("$schema".into(), value.clone());
            return out;
        };
        for (key, v) in object {
            let here = child(at, key);
            let normalised = match key.as_str() {
                "type" | "format" | "enum" | "default" => Some(v.clone()),
                "nullable" | "readOnly" | "writeOnly" => {
                    (v != &Value::Bool(false)).then(|| v.clone())
                }
                "required" => {
                    Some(as_set(v)).filter(|r| r.as_array().is_none_or(|a| !a.is_empty()))
                }
                "properties" => Some(match v.as_object() {
                    Some(properties) => Value::Object(
                        properties
                            .iter()
                            .map(|(name, s)| {
                                (name.clone(), self.schema(s, &child(&here, name), expanding))
                            })
                            .collect(),
                    ),
                    None => v.clone(),
                }),
                "items" => Some(self.schema(v, &here, expanding)),
                "additionalProperties" if v.is_boolean() => Some(v.clone()),
                "additionalProperties" => Some(self.schema(v, &here, expanding)),
                "allOf" | "oneOf" | "anyOf" => Some(match v.as_array() {
                    Some(list) => Value::Array(
                        list.iter()
                            .enumerate()
                            .map(|(i, s)| self.schema(s, &child(&here, &i.to_string()), expanding))
                            .collect(),
                    ),
                    None => v.clone(),
                }),
                "discriminator" => Some(discriminator(v)),
                _ => None,
            };
            if let Some(normalised) = normalised {
                out.insert(key.clone(), normalised);
            }
        }
        out
    }

    fn content(&mut self, value: Option<&'a Value>, at: &str) -> Value {
        let mut out = Map::new();
        out.insert(SOURCE.into(), at.into());
        for (media, entry) in value.and_then(Value::as_object).into_iter().flatten() {
            let media_at = child(at, media);
            let mut kept = Map::new();
            kept.insert(SOURCE.into(), media_at.clone().into());
            if let Some(schema) = entry.get("schema") {
                let schema = self.schema(schema, &child(&media_at, "schema"), &mut Vec::new());
                kept.insert("schema".into(), schema);
            }
            out.insert(media.clone(), Value::Object(kept));
        }
        Value::Object(out)
    }

    /// A parameter's view and its key `@in:name`.
    fn parameter(&mut self, value: &'a Value, at: &str) -> Option<(String, Value)> {
        let (parameter, parameter_at) = self.resolve(value, at)?;
        let name = parameter.get("name").and_then(Value::as_str);
        let location = parameter.get("in").and_then(Value::as_str);
        let (Some(name), Some(location)) = (name, location) else {
            self.problems.push(format!(
                "{parameter_at}: parameter without a string `name` and `in`"
            ));
            return None;
        };
        let mut out = Map::new();
        out.insert(SOURCE.into(), parameter_at.clone().into());
        out.insert("name".into(), name.into());
        out.insert("in".into(), location.into());
        let required = parameter.get("required").cloned();
        out.insert("required".into(), required.unwrap_or(Value::Bool(false)));
        for key in [
            "style",
            "explode",
            "allowEmptyValue",
            "allowReserved",
            "default",
        ] {
            if let Some(v) = parameter.get(key) {
                out.insert(key.into(), v.clone());
            }
        }
        if let Some(schema) = parameter.get("schema") {
            let schema = self.schema(schema, &child(&parameter_at, "schema"), &mut Vec::new());
            out.insert("schema".into(), schema);
        }
        if let Some(content) = parameter.get("content") {
            let content = self.content(Some(content), &child(&parameter_at, "content"));
            out.insert("content".into(), content);
        }
        Some((format!("{SYNTHETIC}{location}:{name}"), Value::Object(out)))
    }

    fn request_body(&mut self, value: &'a Value, at: &str) -> Value {
        let Some((body, body_at)) = self.resolve(value, at) else {
            return json!({ SOURCE: at, "$unresolved": value.get("$ref") });
        };
        let required = body.get("required").cloned().unwrap_or(Value::Bool(false));
        let content = self.content(body.get("content"), &child(&body_at, "content"));
        json!({ SOURCE: body_at, "required": required, "content": content })
    }

    fn response(&mut self, value: &'a Value, at: &str) -> Value {
        let Some((response, response_at)) = self.resolve(value, at) else {
            return json!({ SOURCE: at, "$unresolved": value.get("$ref") });
        };
        let content = self.content(response.get("content"), &child(&response_at, "content"));
        json!({ SOURCE: response_at, "content": content })
    }

    fn operation(&mut self, found: &Found<'a>) -> Value {
        let item_at = child("#/paths", found.path);
        let at = child(&item_at, found.method);
        let operation = found.operation;
        let mut out = Map::new();
        out.insert(SOURCE.into(), at.clone().into());
        out.insert(format!("{SYNTHETIC}path"), found.path.into());
        out.insert(format!("{SYNTHETIC}method"), found.method.into());
        let tags = operation.get("tags").map_or(json!([]), as_set);
        out.insert("tags".into(), tags);
        if let Some(deprecated) = operation
            .get("deprecated")
            .filter(|d| *d != &Value::Bool(false))
        {
            out.insert("deprecated".into(), deprecated.clone());
        }
        if let Some(requirements) = operation.get("security") {
            out.insert("security".into(), security(requirements));
        }
        if let Some(list) = operation.get("servers") {
            out.insert("servers".into(), servers(list, &child(&at, "servers")));
        }

        let mut parameters = Map::new();
        parameters.insert(SOURCE.into(), child(&at, "parameters").into());
        // Path-level parameters first: an operation-level one with the same key overrides it.
        for (list, list_at) in [(found.item, &item_at), (operation, &at)] {
            let list_at = child(list_at, "parameters");
            let list = list.get("parameters").and_then(Value::as_array);
            for (i, parameter) in list.into_iter().flatten().enumerate() {
                if let Some((key, view)) =
                    self.parameter(parameter, &child(&list_at, &i.to_string()))
                {
                    parameters.insert(key, view);
                }
            }
        }
        out.insert("parameters".into(), Value::Object(parameters));

        if let Some(body) = operation.get("requestBody") {
            let body = self.request_body(body, &child(&at, "requestBody"));
            out.insert("requestBody".into(), body);
        }

        let responses_at = child(&at, "responses");
        let mut responses = Map::new();
        responses.insert(SOURCE.into(), responses_at.clone().into());
        let listed = operation.get("responses").and_then(Value::as_object);
        for (status, response) in listed.into_iter().flatten() {
            let response = self.response(response, &child(&responses_at, status));
            responses.insert(status.clone(), response);
        }
        out.insert("responses".into(), Value::Object(responses));
        Value::Object(out)
    }

    fn security_scheme(&mut self, name: &str) -> Option<Value> {
        let at = child("#/components/securitySchemes", name);
        let (scheme, scheme_at) = self.resolve(lookup(self.doc, &at)?, &at)?;
        let mut out = Map::new();
        out.insert(SOURCE.into(), scheme_at.clone().into());
        for key in [
            "type",
            "scheme",
            "bearerFormat",
            "in",
            "name",
            "openIdConnectUrl",
        ] {
            if let Some(v) = scheme.get(key) {
                out.insert(key.into(), v.clone());
            }
        }
        if let Some(flows) = scheme.get("flows").and_then(Value::as_object) {
            let mut kept_flows = Map::new();
            for (flow_name, flow) in flows {
                let mut kept = Map::new();
                for key in ["authorizationUrl", "tokenUrl", "refreshUrl"] {
                    if let Some(v) = flow.get(key) {
                        kept.insert(key.into(), v.clone());
                    }
                }
                // Scope names only: their descriptions are documentation.
                let scopes = flow.get("scopes").and_then(Value::as_object);
                let scopes = scopes.into_iter().flat_map(Map::keys).cloned();
                kept.insert(
                    "scopes".into(),
                    Value::Array(scopes.map(Value::String).collect()),
                );
                kept_flows.insert(flow_name.clone(), Value::Object(kept));
            }
            out.insert("flows".into(), Value::Object(kept_flows));
        }
        Some(Value::Object(out))
    }
}

/// What a view covers, decided from both documents so that both views have the same shape.
pub(super) struct Scope<'s> {
    pub(super) operation_ids: &'s [&'s str],
    pub(super) security_schemes: &'s BTreeSet<String>,
    pub(super) schemas: &'s [String],
}

/// The normalised view of `doc`, and the problems met while building it.
pub(super) fn view(doc: &Value, scope: &Scope<'_>) -> (Value, Vec<String>) {
    let mut normalizer = Normalizer {
        doc,
        problems: Vec::new(),
    };
    let mut root = Map::new();
    root.insert(SOURCE.into(), "#".into());
    if let Some(list) = doc.get("servers") {
        root.insert("servers".into(), servers(list, "#/servers"));
    }
    if let Some(requirements) = doc.get("security") {
        root.insert("security".into(), security(requirements));
    }

    let found = find_operations(doc);
    let mut operations = Map::new();
    operations.insert(SOURCE.into(), "#/paths".into());
    for id in scope.operation_ids {
        let mut matches = found.iter().filter(|f| f.id == *id);
        if let Some(first) = matches.next() {
            let others: Vec<String> = matches
                .map(|f| child(&child("#/paths", f.path), f.method))
                .collect();
            if !others.is_empty() {
                normalizer.problems.push(format!(
                    "operationId {id} is used more than once: also at {}",
                    others.join(", ")
                ));
            }
            let operation = normalizer.operation(first);
            operations.insert(format!("{SYNTHETIC}{id}"), operation);
        } else {
            normalizer
                .problems
                .push(format!("no operation has operationId {id}"));
        }
    }
    root.insert(format!("{SYNTHETIC}operations"), Value::Object(operations));

    let mut schemes = Map::new();
    schemes.insert(SOURCE.into(), "#/components/securitySchemes".into());
    for name in scope.security_schemes {
        if let Some(scheme) = normalizer.security_scheme(name) {
            schemes.insert(name.clone(), scheme);
        }
    }
    root.insert(
        format!("{SYNTHETIC}securitySchemes"),
        Value::Object(schemes),
    );

    let mut schemas = Map::new();
    schemas.insert(SOURCE.into(), "#/components/schemas".into());
    for name in scope.schemas {
        let at = child("#/components/schemas", name);
        if let Some(schema) = lookup(doc, &at) {
            let mut expanding = vec![format!("#/components/schemas/{name}")];
            let schema = normalizer.schema(schema, &at, &mut expanding);
            schemas.insert(name.clone(), schema);
        }
    }
    root.insert(format!("{SYNTHETIC}schemas"), Value::Object(schemas));
    (Value::Object(root), normalizer.problems)
}
