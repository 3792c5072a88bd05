//! Reading a spec file into a `serde_json::Value`.

use serde_json::Value;
use std::path::Path;

/// Reads a YAML (or JSON) file with serde_yaml into a `serde_json::Value`. Going through
/// `serde_yaml::Value` keeps non-string mapping keys (an unquoted `200:`) loadable.
pub fn load_spec(path: &Path) -> Result<Value, String> {
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

/// Reads a spec split across files (SailPoint's per-resource layout: `openapi.yaml`, `paths/`,
/// `schemas/`, `../shared/`) into one `serde_json::Value`, bundled by the generator's own loader
/// (`sailpoint_isc_codegen::load_file`): every file reference then points into the document, at
/// `#/x-sailpoint-isc-files/<path relative to the root file>`, so two specs laid out alike name
/// their files alike. Path items that are references (`/set-password/v1: {$ref: …}`) are
/// replaced by the item they name, since the differ looks for operations under `paths`.
pub fn load_bundled(path: &Path) -> Result<Value, String> {
    let document = sailpoint_isc_codegen::load_file(path).map_err(|diagnostics| {
        let messages: Vec<String> = diagnostics.iter().map(|d| d.to_string()).collect();
        format!("cannot load {}: {}", path.display(), messages.join("; "))
    })?;
    let mut raw = document.raw;
    let items: Vec<(String, Value)> = raw
        .get("paths")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter_map(|(name, item)| {
            let target = item.get("$ref")?.as_str()?.strip_prefix('#')?;
            Some((name.clone(), raw.pointer(target)?.clone()))
        })
        .collect();
    if let Some(paths) = raw.get_mut("paths").and_then(Value::as_object_mut) {
        for (name, item) in items {
            paths.insert(name, item);
        }
    }
    Ok(raw)
}
