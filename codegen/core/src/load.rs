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
            message: format!("cannot read spec file {}: {e}", path.display()),
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
    let mut raw = match format {
        Format::Yaml => parse_yaml(text, path),
        Format::Json => parse_json(text, path),
    }
    .map_err(|d| vec![d])?;
    check_version(&raw, path).map_err(|d| vec![d])?;
    let (files, problems) = crate::bundle::bundle(path, &mut raw);
    if !problems.is_empty() {
        // Later stages cannot resolve into a file that did not load.
        return Err(problems);
    }
    let api = serde_path_to_error::deserialize::<_, openapiv3::OpenAPI>(&raw).map_err(|e| {
        let pointer = json_pointer_of(e.path());
        vec![Diagnostic {
            message: format!("not a valid OpenAPI 3.0 document: {}", e.inner()),
            at: Location::Spec {
                file: path.to_owned(),
                pointer: Some(pointer),
                line_col: None,
            },
        }]
    })?;
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
    serde_yaml::from_str::<serde_json::Value>(text).map_err(|e| {
        let line_col = e.location().map(|l| (l.line(), l.column()));
        Diagnostic {
            message: format!("malformed YAML: {}", strip_location(&e.to_string())),
            at: Location::Spec {
                file: path.to_owned(),
                pointer: None,
                line_col,
            },
        }
    })
}

pub(crate) fn parse_json(text: &str, path: &Path) -> Result<serde_json::Value, Diagnostic> {
    serde_json::from_str::<serde_json::Value>(text).map_err(|e| Diagnostic {
        message: format!("malformed JSON: {}", strip_location(&e.to_string())),
        at: Location::Spec {
            file: path.to_owned(),
            pointer: None,
            line_col: Some((e.line(), e.column())),
        },
    })
}

/// Parsers append " at line X column Y"; the location is reported separately.
fn strip_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
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

/// `serde_path_to_error`'s path (`paths./x.post.responses`) as a JSON pointer.
fn json_pointer_of(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::from("#");
    for seg in path.iter() {
        out.push('/');
        match seg {
            Segment::Seq { index } => out.push_str(&index.to_string()),
            Segment::Map { key } => out.push_str(&crate::diag::escape_segment(key)),
            Segment::Enum { variant } => out.push_str(&crate::diag::escape_segment(variant)),
            Segment::Unknown => out.push('?'),
        }
    }
    out
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
