//! Mechanical agreement between our Password Management spec files and SailPoint's upstream
//! specifications (issue 2, "Spec files"), so that drift is caught, not argued about.
//!
//! For each checked operation, found by `operationId` in both files, the test builds a
//! normalised *view* of everything that shapes the generated client, then diffs the two views:
//!
//! - the path and HTTP method, `tags` (as a set), `deprecated`, operation-level `security`
//!   (alternatives and scopes as sets) and `servers`;
//! - parameters (path-level and operation-level, keyed by `in:name`): `name`, `in`, `required`,
//!   `style`/`explode`/`allowEmptyValue`/`allowReserved`, `default`, `schema` and `content`;
//! - the request body: `required`, media types, schema;
//! - the set of response status codes and, per response, its media types and schema;
//! - the document's `servers` (url, variables with `default` and `enum`), its top-level
//!   `security`, the security schemes used by either file or defined by ours (type, flows with
//!   their URLs and scope names, and the other fields that shape a request);
//! - every schema our file defines under `components/schemas`, which must exist upstream.
//!
//! Every `$ref` is resolved recursively (a schema already being expanded becomes a `$recursive`
//! marker, so cycles terminate). Schemas keep only the keys that affect generated types: `type`,
//! `format`, `properties`, `required` (a set), `enum` (in order), `nullable`, `items`,
//! `additionalProperties`, `allOf`/`oneOf`/`anyOf`, `discriminator`, `default`, `readOnly`,
//! `writeOnly`. `description`, `title`, `example`, `examples` and `x-*` extensions are ignored:
//! our files may correct upstream examples (e.g. the digit-token numbers) on purpose.
//!
//! Every normalised node remembers the JSON pointer it came from (`$source`, never compared), so
//! a difference is reported with the pointer into the view (which names the operation) *and*,
//! for each file, the JSON pointer where the differing value lives or is missing.

use std::collections::BTreeSet;
use std::path::Path;

use sailpoint_isc_tests::{upstream_spec, workspace_root};
use serde_json::{json, Map, Value};

const V2024_OPERATIONS: [&str; 4] = [
    "createDigitToken",
    "getPasswordChangeStatus",
    "queryPasswordInfo",
    "setPassword",
];
const BETA_OPERATIONS: [&str; 4] = [
    "createDigitToken",
    "getIdentityPasswordChangeStatus",
    "queryPasswordInfo",
    "setIdentityPassword",
];

/// Key holding a node's origin in the view; skipped by the diff.
const SOURCE: &str = "$source";
/// View keys starting with this are synthetic: they name a view node but are not a key of the
/// file, so they are left out of the file pointer (and the prefix out of the view pointer).
const SYNTHETIC: char = '@';
const HTTP_METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];
/// Longest value printed in a report, in characters.
const MAX_SHOWN: usize = 1500;

// ---------------------------------------------------------------------------------------------
// Loading

/// Reads a YAML (or JSON) file with serde_yaml into a `serde_json::Value`. Going through
/// `serde_yaml::Value` keeps non-string mapping keys (an unquoted `200:`) loadable.
fn load_spec(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut yaml: serde_yaml::Value = serde_yaml::from_str(&text)
        .map_err(|e| format!("{} is not valid YAML: {e}", path.display()))?;
    yaml.apply_merge()
        .map_err(|e| format!("{}: cannot apply YAML merge keys: {e}", path.display()))?;
    Ok(yaml_to_json(yaml))
}

fn yaml_to_json(yaml: serde_yaml::Value) -> Value {
    use serde_yaml::Value as Yaml;
    match yaml {
        Yaml::Null => Value::Null,
        Yaml::Bool(b) => Value::Bool(b),
        Yaml::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::from(i)
            } else if let Some(u) = n.as_u64() {
                Value::from(u)
            } else {
                n.as_f64()
                    .and_then(serde_json::Number::from_f64)
                    .map_or(Value::Null, Value::Number)
            }
        }
        Yaml::String(s) => Value::String(s),
        Yaml::Sequence(items) => Value::Array(items.into_iter().map(yaml_to_json).collect()),
        Yaml::Mapping(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (yaml_key(k), yaml_to_json(v)))
                .collect(),
        ),
        Yaml::Tagged(tagged) => yaml_to_json(tagged.value),
    }
}

fn yaml_key(key: serde_yaml::Value) -> String {
    use serde_yaml::Value as Yaml;
    match key {
        Yaml::String(s) => s,
        Yaml::Null => "null".to_owned(),
        Yaml::Bool(b) => b.to_string(),
        Yaml::Number(n) => n.to_string(),
        other => yaml_to_json(other).to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// JSON pointers

fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

fn child(at: &str, segment: &str) -> String {
    format!("{at}/{}", escape(segment))
}

/// `#/a/b` → the `Value::pointer` form `/a/b`.
fn lookup<'a>(doc: &'a Value, at: &str) -> Option<&'a Value> {
    doc.pointer(at.strip_prefix('#')?)
}

// ---------------------------------------------------------------------------------------------
// Normalisation

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

fn security_scheme_names(security: Option<&Value>, names: &mut BTreeSet<String>) {
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
struct Found<'a> {
    id: &'a str,
    path: &'a str,
    method: &'static str,
    item: &'a Value,
    operation: &'a Value,
}

fn find_operations(doc: &Value) -> Vec<Found<'_>> {
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
struct Scope<'s> {
    operation_ids: &'s [&'s str],
    security_schemes: &'s BTreeSet<String>,
    schemas: &'s [String],
}

/// The normalised view of `doc`, and the problems met while building it.
fn view(doc: &Value, scope: &Scope<'_>) -> (Value, Vec<String>) {
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

// ---------------------------------------------------------------------------------------------
// Diff

/// One disagreement between the two views.
#[derive(Debug)]
struct Difference {
    /// JSON pointer into the normalised view, e.g.
    /// `/operations/createDigitToken/requestBody/content/application~1json/schema/required`.
    pointer: String,
    /// JSON pointer (`#/...`) in our file where the value lives, or where it is missing.
    ours_at: String,
    /// Our value, `None` when absent.
    ours: Option<Value>,
    /// JSON pointer (`#/...`) in the upstream file.
    upstream_at: String,
    /// Upstream's value, `None` when absent.
    upstream: Option<Value>,
}

/// The outcome of comparing our file with upstream.
#[derive(Debug)]
struct Comparison {
    differences: Vec<Difference>,
    /// How many leaf values of our view were compared (a sanity figure for the log).
    compared_values: usize,
    ours_problems: Vec<String>,
    upstream_problems: Vec<String>,
}

/// Number of scalar leaves of a view, `$source` excluded.
fn leaves(value: &Value) -> usize {
    match value {
        Value::Object(map) => map
            .iter()
            .filter(|(k, _)| k.as_str() != SOURCE)
            .map(|(_, v)| leaves(v))
            .sum(),
        Value::Array(items) => items.iter().map(leaves).sum(),
        _ => 1,
    }
}

fn source_of(value: Option<&Value>) -> Option<&str> {
    value?.get(SOURCE)?.as_str()
}

fn annotated(items: &[Value]) -> bool {
    items.iter().all(|item| item.get(SOURCE).is_some())
}

/// The value as shown to a reader: no `$source`, no synthetic-key prefix.
fn shown(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| k.as_str() != SOURCE)
                .map(|(k, v)| (k.trim_start_matches(SYNTHETIC).to_owned(), shown(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(shown).collect()),
        other => other.clone(),
    }
}

/// Collects every difference between `ours` and `upstream` below `pointer`.
fn diff(
    ours: Option<&Value>,
    upstream: Option<&Value>,
    pointer: &str,
    ours_at: &str,
    upstream_at: &str,
    out: &mut Vec<Difference>,
) {
    let ours_at = source_of(ours).unwrap_or(ours_at);
    let upstream_at = source_of(upstream).unwrap_or(upstream_at);
    match (ours, upstream) {
        (Some(Value::Object(a)), Some(Value::Object(b))) => {
            let keys: BTreeSet<&String> =
                a.keys().chain(b.keys()).filter(|k| *k != SOURCE).collect();
            for key in keys {
                let (view_key, in_file) = match key.strip_prefix(SYNTHETIC) {
                    Some(stripped) => (stripped, false),
                    None => (key.as_str(), true),
                };
                let file_pointer = |at: &str| {
                    if in_file {
                        child(at, key)
                    } else {
                        at.to_owned()
                    }
                };
                diff(
                    a.get(key),
                    b.get(key),
                    &child(pointer, view_key),
                    &file_pointer(ours_at),
                    &file_pointer(upstream_at),
                    out,
                );
            }
        }
        (Some(Value::Array(a)), Some(Value::Array(b))) if annotated(a) && annotated(b) => {
            for i in 0..a.len().max(b.len()) {
                let index = i.to_string();
                diff(
                    a.get(i),
                    b.get(i),
                    &child(pointer, &index),
                    &child(ours_at, &index),
                    &child(upstream_at, &index),
                    out,
                );
            }
        }
        _ => {
            let ours = ours.map(shown);
            let upstream = upstream.map(shown);
            if ours != upstream {
                out.push(Difference {
                    pointer: pointer.to_owned(),
                    ours_at: ours_at.to_owned(),
                    ours,
                    upstream_at: upstream_at.to_owned(),
                    upstream,
                });
            }
        }
    }
}

/// Compares the named operations, the servers, security and security schemes, and every schema
/// `ours` defines, between `ours` and `upstream`.
fn compare(ours: &Value, upstream: &Value, operation_ids: &[&str]) -> Comparison {
    let mut security_schemes = BTreeSet::new();
    for doc in [ours, upstream] {
        security_scheme_names(doc.get("security"), &mut security_schemes);
        for found in find_operations(doc) {
            if operation_ids.contains(&found.id) {
                security_scheme_names(found.operation.get("security"), &mut security_schemes);
            }
        }
    }
    let defined = ours
        .pointer("/components/securitySchemes")
        .and_then(Value::as_object);
    security_schemes.extend(defined.into_iter().flat_map(Map::keys).cloned());
    let schemas: Vec<String> = ours
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(Map::keys)
        .cloned()
        .collect();
    let scope = Scope {
        operation_ids,
        security_schemes: &security_schemes,
        schemas: &schemas,
    };

    let (ours_view, mut ours_problems) = view(ours, &scope);
    let (upstream_view, upstream_problems) = view(upstream, &scope);
    for found in find_operations(ours) {
        if !operation_ids.contains(&found.id) {
            ours_problems.push(format!(
                "{}: operation {} is not among the checked operations {operation_ids:?}",
                child(&child("#/paths", found.path), found.method),
                found.id
            ));
        }
    }
    let mut differences = Vec::new();
    diff(
        Some(&ours_view),
        Some(&upstream_view),
        "",
        "#",
        "#",
        &mut differences,
    );
    Comparison {
        differences,
        compared_values: leaves(&ours_view),
        ours_problems,
        upstream_problems,
    }
}

fn show(value: Option<&Value>) -> String {
    let Some(value) = value else {
        return "(absent)".to_owned();
    };
    let text = value.to_string();
    let length = text.chars().count();
    if length <= MAX_SHOWN {
        return text;
    }
    let kept: String = text.chars().take(MAX_SHOWN).collect();
    format!("{kept}… ({} more characters)", length - MAX_SHOWN)
}

/// What a view pointer is about, for the reader.
fn subject(pointer: &str) -> String {
    let mut segments = pointer.split('/').skip(1);
    match (segments.next(), segments.next()) {
        (Some("operations"), Some(id)) => format!("operation {id}"),
        (Some("schemas"), Some(name)) => format!("components/schemas {name}"),
        (Some("securitySchemes"), Some(name)) => format!("security scheme {name}"),
        (Some(top), _) => top.to_owned(),
        (None, _) => "document".to_owned(),
    }
}

impl Comparison {
    fn is_clean(&self) -> bool {
        self.differences.is_empty()
            && self.ours_problems.is_empty()
            && self.upstream_problems.is_empty()
    }

    /// A report grouping the differences by where they live in the two files (a drifted shared
    /// schema is reached by many operations), listing every view pointer that reaches each.
    fn report(&self, ours_name: &str, upstream_name: &str) -> String {
        let mut groups: Vec<(&Difference, Vec<&str>)> = Vec::new();
        for d in &self.differences {
            let same = |(g, _): &&mut (&Difference, Vec<&str>)| {
                g.ours_at == d.ours_at
                    && g.upstream_at == d.upstream_at
                    && g.ours == d.ours
                    && g.upstream == d.upstream
            };
            match groups.iter_mut().find(same) {
                Some((_, pointers)) => pointers.push(&d.pointer),
                None => groups.push((d, vec![&d.pointer])),
            }
        }
        let mut report = format!(
            "{ours_name} disagrees with {upstream_name}: {} difference(s) in {} place(s), {} problem(s).\n\
             Refs are resolved; description, title, example(s) and x-* are ignored. For each \
             difference: the file pointers (`#/...`) where each side's value lives or is missing, \
             the two values, and the pointers of the normalised view that reach it.\n",
            self.differences.len(),
            groups.len(),
            self.ours_problems.len() + self.upstream_problems.len(),
        );
        for (i, (d, pointers)) in groups.iter().enumerate() {
            report.push_str(&format!(
                "\n[{}] {}\n    ours:     {ours_name}{}\n              = {}\n    upstream: {upstream_name}{}\n              = {}\n",
                i + 1,
                subject(&d.pointer),
                d.ours_at,
                show(d.ours.as_ref()),
                d.upstream_at,
                show(d.upstream.as_ref()),
            ));
            for pointer in pointers {
                report.push_str(&format!("    via {pointer}  ({})\n", subject(pointer)));
            }
        }
        for (name, problems) in [
            (ours_name, &self.ours_problems),
            (upstream_name, &self.upstream_problems),
        ] {
            for problem in problems {
                report.push_str(&format!("\nproblem in {name}: {problem}\n"));
            }
        }
        report
    }
}

// ---------------------------------------------------------------------------------------------
// Tests

fn check_against_upstream(
    version: &str,
    upstream_name: &str,
    operation_ids: &[&str],
) -> Result<(), String> {
    let Some(upstream_path) = upstream_spec(upstream_name) else {
        return Ok(());
    };
    let ours_name = format!("spec/{version}/password-management.yaml");
    let ours = load_spec(&workspace_root().join(&ours_name))?;
    let upstream = load_spec(&upstream_path)?;
    let comparison = compare(&ours, &upstream, operation_ids);
    let upstream_name = format!("../shared/specs/upstream/{upstream_name}");
    assert!(
        comparison.is_clean(),
        "{}",
        comparison.report(&ours_name, &upstream_name)
    );
    eprintln!(
        "{ours_name} agrees with {upstream_name}: operations {operation_ids:?}, {} schemas, \
         {} normalised values compared",
        ours.pointer("/components/schemas")
            .and_then(Value::as_object)
            .map_or(0, Map::len),
        comparison.compared_values
    );
    Ok(())
}

#[test]
fn v2024_spec_agrees_with_upstream() -> Result<(), String> {
    check_against_upstream("v2024", "deref-sailpoint-api.v2024.yaml", &V2024_OPERATIONS)
}

#[test]
fn beta_spec_agrees_with_upstream() -> Result<(), String> {
    check_against_upstream("beta", "deref-sailpoint-api.beta.yaml", &BETA_OPERATIONS)
}

fn set(doc: &mut Value, pointer: &str, value: Value) -> Result<(), String> {
    let slot = doc
        .pointer_mut(pointer)
        .ok_or_else(|| format!("our v2024 file has no {pointer}"))?;
    *slot = value;
    Ok(())
}

fn take(doc: &mut Value, parent: &str, key: &str) -> Result<Value, String> {
    doc.pointer_mut(parent)
        .and_then(Value::as_object_mut)
        .and_then(|map| map.remove(key))
        .ok_or_else(|| format!("our v2024 file has no {parent}/{key}"))
}

fn insert(doc: &mut Value, parent: &str, key: &str, value: Value) -> Result<(), String> {
    let map = doc
        .pointer_mut(parent)
        .and_then(Value::as_object_mut)
        .ok_or_else(|| format!("our v2024 file has no object at {parent}"))?;
    map.insert(key.to_owned(), value);
    Ok(())
}

fn find<'c>(comparison: &'c Comparison, pointer: &str) -> Result<&'c Difference, String> {
    comparison
        .differences
        .iter()
        .find(|d| d.pointer == pointer)
        .ok_or_else(|| format!("no difference reported at {pointer}"))
}

/// The checker can fail: each mutation of our v2024 file is reported at its own pointer, and
/// changes to ignored keys are not reported at all.
#[test]
fn checker_reports_each_mutation_at_its_pointer() -> Result<(), String> {
    let original = load_spec(&workspace_root().join("spec/v2024/password-management.yaml"))?;
    let itself = compare(&original, &original, &V2024_OPERATIONS);
    assert!(itself.is_clean(), "{}", itself.report("ours", "ours"));

    let mut mutated = original.clone();
    let schemas = "/components/schemas";
    set(
        &mut mutated,
        "/components/schemas/PasswordDigitTokenReset/required",
        json!([]),
    )?;
    set(
        &mut mutated,
        "/components/schemas/PasswordStatus/properties/state/type",
        json!("integer"),
    )?;
    // A renamed schema: our file defines a name upstream does not.
    let account = take(&mut mutated, schemas, "PasswordInfoAccount")?;
    insert(&mut mutated, schemas, "PasswordAccount", account)?;
    set(
        &mut mutated,
        "/components/schemas/PasswordInfo/properties/accounts/items/$ref",
        json!("#/components/schemas/PasswordAccount"),
    )?;
    set(
        &mut mutated,
        "/servers/0/variables/tenant/default",
        json!("acme"),
    )?;
    take(
        &mut mutated,
        "/paths/~1password-change-status~1{id}/get/responses",
        "404",
    )?;
    set(
        &mut mutated,
        "/paths/~1set-password/post/security/0/userAuth/0",
        json!("idn:password-change:read"),
    )?;
    set(
        &mut mutated,
        "/paths/~1generate-password-reset-token~1digit/post/parameters/0/required",
        json!(false),
    )?;
    // Ignored: documentation, examples and extensions.
    set(
        &mut mutated,
        "/components/schemas/PasswordDigitTokenReset/properties/userId/description",
        json!("changed"),
    )?;
    set(
        &mut mutated,
        "/components/schemas/PasswordDigitToken/properties/digitToken/example",
        json!(12345),
    )?;
    set(
        &mut mutated,
        "/components/schemas/PasswordStatus/title",
        json!("Changed"),
    )?;
    take(
        &mut mutated,
        "/paths/~1password-change-status~1{id}/get",
        "x-sailpoint-userLevels",
    )?;

    let comparison = compare(&mutated, &original, &V2024_OPERATIONS);
    let report = comparison.report("mutated", "original");
    let found: BTreeSet<&str> = comparison
        .differences
        .iter()
        .map(|d| d.pointer.as_str())
        .collect();
    let expected = BTreeSet::from([
        "/operations/createDigitToken/requestBody/content/application~1json/schema/required",
        "/schemas/PasswordDigitTokenReset/required",
        "/operations/getPasswordChangeStatus/responses/200/content/application~1json/schema/properties/state/type",
        "/schemas/PasswordStatus/properties/state/type",
        "/schemas/PasswordAccount",
        "/servers/0/variables/tenant/default",
        "/operations/getPasswordChangeStatus/responses/404",
        "/operations/setPassword/security",
        "/operations/createDigitToken/parameters/header:X-SailPoint-Experimental/required",
    ]);
    assert_eq!(found, expected, "{report}");
    assert!(
        comparison.ours_problems.is_empty() && comparison.upstream_problems.is_empty(),
        "{report}"
    );

    let required = find(
        &comparison,
        "/operations/createDigitToken/requestBody/content/application~1json/schema/required",
    )?;
    assert_eq!(
        required.ours_at,
        "#/components/schemas/PasswordDigitTokenReset/required"
    );
    assert_eq!(
        required.upstream_at,
        "#/components/schemas/PasswordDigitTokenReset/required"
    );
    assert_eq!(required.ours, None);
    assert_eq!(required.upstream, Some(json!(["userId"])));

    let state = find(&comparison, "/schemas/PasswordStatus/properties/state/type")?;
    assert_eq!(
        state.ours_at,
        "#/components/schemas/PasswordStatus/properties/state/type"
    );
    assert_eq!(
        (state.ours.clone(), state.upstream.clone()),
        (Some(json!("integer")), Some(json!("string")))
    );

    let renamed = find(&comparison, "/schemas/PasswordAccount")?;
    assert_eq!(
        renamed.upstream, None,
        "a renamed schema is missing upstream"
    );
    assert_eq!(renamed.upstream_at, "#/components/schemas/PasswordAccount");

    let missing = find(
        &comparison,
        "/operations/getPasswordChangeStatus/responses/404",
    )?;
    assert_eq!(missing.ours, None);
    assert_eq!(
        missing.ours_at,
        "#/paths/~1password-change-status~1{id}/get/responses/404"
    );
    assert_eq!(missing.upstream_at, "#/components/responses/404");

    let header = find(
        &comparison,
        "/operations/createDigitToken/parameters/header:X-SailPoint-Experimental/required",
    )?;
    assert_eq!(
        header.ours_at,
        "#/paths/~1generate-password-reset-token~1digit/post/parameters/0/required"
    );

    assert!(report.contains("operation createDigitToken"), "{report}");
    assert!(
        report.contains("mutated#/components/schemas/PasswordDigitTokenReset/required"),
        "{report}"
    );

    // The same mutations are caught against upstream itself (ours otherwise agrees with it).
    if let Some(path) = upstream_spec("deref-sailpoint-api.v2024.yaml") {
        let upstream = load_spec(&path)?;
        let comparison = compare(&mutated, &upstream, &V2024_OPERATIONS);
        let found: BTreeSet<&str> = comparison
            .differences
            .iter()
            .map(|d| d.pointer.as_str())
            .collect();
        let report = comparison.report("mutated", "upstream");
        assert_eq!(found, expected, "{report}");
    }
    Ok(())
}

/// Recursive schemas terminate, and a dangling `$ref` is a reported problem, not a panic.
#[test]
fn recursive_and_dangling_refs_are_handled() {
    let doc = json!({
        "paths": { "/nodes": { "get": {
            "operationId": "getNode",
            "responses": { "200": { "content": { "application/json": { "schema": {
                "$ref": "#/components/schemas/Node"
            } } } } }
        } } },
        "components": { "schemas": {
            "Node": { "type": "object", "properties": {
                "children": { "type": "array", "items": { "$ref": "#/components/schemas/Node" } },
                "parent": { "$ref": "#/components/schemas/Missing" }
            } }
        } }
    });
    let comparison = compare(&doc, &doc, &["getNode"]);
    let report = comparison.report("doc", "doc");
    assert!(comparison.differences.is_empty(), "{report}");
    assert!(
        comparison
            .ours_problems
            .iter()
            .any(|p| p.contains("#/components/schemas/Missing")),
        "{report}"
    );

    let mut deeper = doc.clone();
    if let Some(children) = deeper.pointer_mut("/components/schemas/Node/properties/children") {
        *children = json!({ "type": "array", "items": { "type": "string" } });
    }
    let comparison = compare(&deeper, &doc, &["getNode"]);
    let found: Vec<&str> = comparison
        .differences
        .iter()
        .map(|d| d.pointer.as_str())
        .collect();
    assert_eq!(
        found,
        [
            "/operations/getNode/responses/200/content/application~1json/schema/properties/children/items/$recursive",
            "/operations/getNode/responses/200/content/application~1json/schema/properties/children/items/type",
            "/schemas/Node/properties/children/items/$recursive",
            "/schemas/Node/properties/children/items/type",
        ],
        "{}",
        comparison.report("deeper", "doc")
    );
}
