//! Stage one: a file's bytes to a parsed OpenAPI 3.0 document, with the file
//! name and, where the parser gives it, line and column for every error.

use crate::diag::{Diagnostic, Location};
use std::path::{Path, PathBuf};

/// A parsed spec.
#[derive(Debug, Clone)]
pub struct Document {
    /// The root file.
    pub path: PathBuf,
    /// Every file read to build this document, root first; the macro makes
    /// cargo track each of them.
    pub files: Vec<PathBuf>,
    /// The typed document.
    pub api: openapiv3::OpenAPI,
    /// The same document as plain JSON, for resolving arbitrary `$ref`
    /// pointers and for reporting.
    pub raw: serde_json::Value,
}

/// The syntax of a spec file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.yaml` / `.yml`.
    Yaml,
    /// `.json`.
    Json,
}

impl Format {
    /// The format a file's extension names; YAML for anything else, since
    /// YAML is a superset of JSON.
    pub fn from_path(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("json") => Format::Json,
            _ => Format::Yaml,
        }
    }
}

/// Reads and parses the spec at `path`, and every file it refers to.
pub fn load_file(path: &Path) -> Result<Document, Vec<Diagnostic>> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        vec![Diagnostic {
            message: format!("cannot read the spec file: {e}"),
            at: Location::Spec {
                file: path.to_owned(),
                pointer: None,
                line_col: None,
            },
        }]
    })?;
    load_str(&text, path, Format::from_path(path))
}

/// Parses spec text that came from `path`; relative file references are
/// resolved from `path`'s directory. All problems are returned together.
pub fn load_str(text: &str, path: &Path, format: Format) -> Result<Document, Vec<Diagnostic>> {
    let raw = match format {
        Format::Yaml => parse_yaml(text, path),
        Format::Json => parse_json(text, path),
    }
    .map_err(|d| vec![d])?;
    load_value(raw, path)
}

/// Everything after parsing the root file: version check, bundling of the
/// files it refers to, normalizing, schema checks and typing. Shared by
/// [`load_str`] and [`crate::prefilter`], which parses only part of the file.
pub(crate) fn load_value(
    mut raw: serde_json::Value,
    path: &Path,
) -> Result<Document, Vec<Diagnostic>> {
    check_version(&raw, path).map_err(|d| vec![d])?;
    let (files, problems) = crate::bundle::bundle(path, &mut raw);
    if !problems.is_empty() {
        // Later stages cannot resolve into a file that did not load.
        return Err(problems);
    }
    // openapiv3 drops keywords beside allOf/oneOf/anyOf; see `combinators`.
    crate::combinators::normalize(&mut raw);
    // Bad schemas are found here, one by one, because openapiv3's own
    // parse takes exponential time on them; see `schema_check`.
    let bad_schemas = crate::schema_check::check_document(&raw, path);
    if !bad_schemas.is_empty() {
        return Err(bad_schemas);
    }
    let api = serde_path_to_error::deserialize::<_, openapiv3::OpenAPI>(&raw)
        .map_err(|e| crate::parse_errors::locate(&raw, path, e))?;
    Ok(Document {
        path: path.to_owned(),
        files,
        api,
        raw,
    })
}

/// The one place YAML is parsed (serde_yaml is deprecated upstream; swapping
/// it means changing this function only).
pub fn parse_yaml(text: &str, path: &Path) -> Result<serde_json::Value, Diagnostic> {
    let value = serde_yaml::from_str::<serde_json::Value>(text).map_err(|e| {
        let line_col = e.location().map(|l| (l.line(), l.column()));
        Diagnostic {
            message: format!(
                "malformed YAML: {}",
                strip_location(&e.to_string(), line_col)
            ),
            at: Location::Spec {
                file: path.to_owned(),
                pointer: None,
                line_col,
            },
        }
    })?;
    check_depth(&value, path)?;
    Ok(value)
}

pub(crate) fn parse_json(text: &str, path: &Path) -> Result<serde_json::Value, Diagnostic> {
    let value = serde_json::from_str::<serde_json::Value>(text).map_err(|e| {
        let line_col = Some((e.line(), e.column()));
        Diagnostic {
            message: format!(
                "malformed JSON: {}",
                strip_location(&e.to_string(), line_col)
            ),
            at: Location::Spec {
                file: path.to_owned(),
                pointer: None,
                line_col,
            },
        }
    })?;
    check_depth(&value, path)?;
    Ok(value)
}

/// Deepest nesting of mappings and sequences a spec file may have.
///
/// SailPoint's specs nest about 20 levels. The parsers stop at 128, but
/// turning a document into typed OpenAPI (serde's untagged and flattened
/// enums buffer every level) takes tens of kilobytes of stack per level in
/// an unoptimized build, which is how proc macros are built, so a file near
/// the parsers' limit could overflow the compiler's stack. A file this deep
/// is refused with an error instead.
pub const MAX_DOCUMENT_DEPTH: usize = 64;

/// Refuses a document nested deeper than [`MAX_DOCUMENT_DEPTH`], naming
/// the first place that is too deep. Iterative, so it cannot overflow itself.
fn check_depth(value: &serde_json::Value, path: &Path) -> Result<(), Diagnostic> {
    use serde_json::Value;
    enum Children<'a> {
        Object(serde_json::map::Iter<'a>),
        Array(std::iter::Enumerate<std::slice::Iter<'a, Value>>),
    }
    fn children(v: &Value) -> Option<Children<'_>> {
        match v {
            Value::Object(m) => Some(Children::Object(m.iter())),
            Value::Array(a) => Some(Children::Array(a.iter().enumerate())),
            _ => None,
        }
    }
    let Some(root) = children(value) else {
        return Ok(());
    };
    // `segments[i]` leads to the container `stack[i + 1]` iterates.
    let mut stack = vec![root];
    let mut segments: Vec<String> = Vec::new();
    while let Some(top) = stack.last_mut() {
        let next = match top {
            Children::Object(it) => it.next().map(|(k, v)| (crate::diag::escape_segment(k), v)),
            Children::Array(it) => it.next().map(|(i, v)| (i.to_string(), v)),
        };
        let Some((segment, child)) = next else {
            stack.pop();
            segments.pop();
            continue;
        };
        let Some(grandchildren) = children(child) else {
            continue;
        };
        segments.push(segment);
        if stack.len() >= MAX_DOCUMENT_DEPTH {
            return Err(Diagnostic {
                message: format!(
                    "the document nests mappings and sequences more than {MAX_DOCUMENT_DEPTH} levels deep here; a spec this deep is not supported"
                ),
                at: Location::Spec {
                    file: path.to_owned(),
                    pointer: Some(format!("#/{}", segments.join("/"))),
                    line_col: None,
                },
            });
        }
        stack.push(grandchildren);
    }
    Ok(())
}

/// Parsers put " at line X column Y" in their messages; that location is
/// reported separately, so it is taken out of the text. Other locations in
/// the message (where an unclosed sequence began, say) are kept.
fn strip_location(message: &str, line_col: Option<(usize, usize)>) -> String {
    match line_col {
        Some((l, c)) => message.replacen(&format!(" at line {l} column {c}"), "", 1),
        None => message.to_owned(),
    }
}

/// Only OpenAPI 3.0.x is supported; say what was found otherwise.
fn check_version(raw: &serde_json::Value, path: &Path) -> Result<(), Diagnostic> {
    let at = |pointer: &str| Location::Spec {
        file: path.to_owned(),
        pointer: Some(pointer.to_owned()),
        line_col: None,
    };
    if let Some(v) = raw.get("swagger") {
        return Err(Diagnostic {
            message: format!(
                "this is a Swagger {} document; only OpenAPI 3.0.x is supported (convert it first, e.g. with swagger2openapi)",
                display_scalar(v)
            ),
            at: at("#/swagger"),
        });
    }
    match raw.get("openapi") {
        Some(serde_json::Value::String(v)) if v.starts_with("3.0") => Ok(()),
        Some(v) => Err(Diagnostic {
            message: format!(
                "found `openapi: {}`; only OpenAPI 3.0.x is supported",
                display_scalar(v)
            ),
            at: at("#/openapi"),
        }),
        None if raw.is_object() => Err(Diagnostic {
            message: "no `openapi` version field: this is not an OpenAPI document (only OpenAPI 3.0.x is supported)".to_owned(),
            at: at("#"),
        }),
        None => Err(Diagnostic {
            message: "the document is not a mapping: this is not an OpenAPI document".to_owned(),
            at: at("#"),
        }),
    }
}

fn display_scalar(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_errors_have_line_and_column() {
        let err = load_str(
            "openapi: 3.0.1\ninfo: [unclosed\n",
            Path::new("x.yaml"),
            Format::Yaml,
        )
        .unwrap_err()
        .remove(0);
        match err.at {
            Location::Spec { line_col, .. } => assert!(line_col.is_some(), "{err}"),
            other => panic!("unexpected location {other:?}"),
        }
    }

    #[test]
    fn swagger_and_31_are_refused_with_what_was_found() {
        let e = load_str("swagger: '2.0'\n", Path::new("s.yaml"), Format::Yaml)
            .unwrap_err()
            .remove(0);
        assert!(e.message.contains("Swagger 2.0"), "{e}");
        let e = load_str("{\"openapi\":\"3.1.0\"}", Path::new("s.json"), Format::Json)
            .unwrap_err()
            .remove(0);
        assert!(
            e.message.contains("3.1.0") && e.message.contains("3.0"),
            "{e}"
        );
    }

    #[test]
    fn numeric_response_keys_load_as_strings() {
        let doc = load_str(
            "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        200:\n          description: ok\n",
            Path::new("n.yaml"),
            Format::Yaml,
        );
        assert!(doc.is_ok(), "{doc:?}");
    }
}
