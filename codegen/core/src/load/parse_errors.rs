//! Where a document that openapiv3 refuses is wrong, as precisely as the
//! parser allows, and every such place at once.
//!
//! serde_path_to_error tracks the path of a failure through plain structs,
//! but not through the untagged enums openapiv3 uses for `$ref`-or-item
//! (`paths` is a map of them), so a mistake deep in an operation is reported
//! at `#/paths`. When that happens the path items and component entries are
//! parsed one by one, each as its own type, which finds every bad one and
//! the place inside it.

use crate::diag::{escape_segment, Diagnostic, Location};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::path::Path;

/// Diagnostics for a document whose typed parse failed with `whole`.
pub(crate) fn locate(
    raw: &Value,
    file: &Path,
    whole: serde_path_to_error::Error<serde_json::Error>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if let Some(Value::Object(paths)) = raw.get("paths") {
        for (key, item) in paths {
            if !key.starts_with("x-") {
                check_item::<openapiv3::PathItem>(
                    item,
                    &format!("#/paths/{}", escape_segment(key)),
                    file,
                    &mut out,
                );
            }
        }
    }
    if let Some(Value::Object(components)) = raw.get("components") {
        for (section, entries) in components {
            let Value::Object(entries) = entries else {
                continue;
            };
            for (name, entry) in entries {
                let at = format!(
                    "#/components/{}/{}",
                    escape_segment(section),
                    escape_segment(name)
                );
                match section.as_str() {
                    "parameters" => check_item::<openapiv3::Parameter>(entry, &at, file, &mut out),
                    "requestBodies" => {
                        check_item::<openapiv3::RequestBody>(entry, &at, file, &mut out)
                    }
                    "responses" => check_item::<openapiv3::Response>(entry, &at, file, &mut out),
                    "headers" => check_item::<openapiv3::Header>(entry, &at, file, &mut out),
                    "securitySchemes" => {
                        check_item::<openapiv3::SecurityScheme>(entry, &at, file, &mut out)
                    }
                    "examples" => check_item::<openapiv3::Example>(entry, &at, file, &mut out),
                    "links" => check_item::<openapiv3::Link>(entry, &at, file, &mut out),
                    _ => {}
                }
            }
        }
    }
    if out.is_empty() {
        // The failure is somewhere the whole-document path is precise.
        out.push(diagnostic(
            file,
            json_pointer_of("#", whole.path()),
            whole.inner(),
        ));
    }
    out
}

/// Parses one `$ref`-or-item entry as a `T` unless it is a reference.
fn check_item<T: DeserializeOwned>(item: &Value, at: &str, file: &Path, out: &mut Vec<Diagnostic>) {
    if item.get("$ref").is_some_and(Value::is_string) {
        return;
    }
    if let Err(e) = serde_path_to_error::deserialize::<_, T>(item) {
        out.push(diagnostic(file, json_pointer_of(at, e.path()), e.inner()));
    }
}

fn diagnostic(file: &Path, pointer: String, error: &serde_json::Error) -> Diagnostic {
    Diagnostic {
        message: format!("not a valid OpenAPI 3.0 document: {error}"),
        at: Location::Spec {
            file: file.to_owned(),
            pointer: Some(pointer),
            line_col: None,
        },
    }
}

/// `serde_path_to_error`'s path (`get.responses`) as a JSON pointer below `base`.
pub(crate) fn json_pointer_of(base: &str, path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::from(base);
    for seg in path.iter() {
        out.push('/');
        match seg {
            Segment::Seq { index } => out.push_str(&index.to_string()),
            Segment::Map { key } => out.push_str(&escape_segment(key)),
            Segment::Enum { variant } => out.push_str(&escape_segment(variant)),
            Segment::Unknown => out.push('?'),
        }
    }
    out
}
