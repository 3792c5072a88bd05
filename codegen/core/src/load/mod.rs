//! Stage one: a file's bytes to a parsed OpenAPI 3.0 document, with the file
//! name and, where the parser gives it, line and column for every error.
//!
//! The stage is a one-way tree: [`syntax`] parses a file's text and is used
//! by everything else here; [`bundle`] pulls in the files a spec refers to;
//! [`combinators`] rewrites schemas openapiv3 would read only in part;
//! [`schema_check`] finds bad schemas before openapiv3 reads them;
//! [`parse_errors`] says where a document openapiv3 refuses is wrong;
//! [`filter_check`] finds the filter entries a document does not have; and
//! [`partial`] reads only what an operation filter reaches. This module
//! runs them, and it alone decides when a partial load stands and when the
//! whole file is loaded instead (see [`with_document`]).

mod bundle;
mod combinators;
mod filter_check;
mod parse_errors;
mod partial;
mod references;
mod schema_check;
mod syntax;
mod targets;

pub(crate) use bundle::{normalize, FILES_KEY};
pub(crate) use filter_check::check_filter;
pub use syntax::Format;
pub(crate) use targets::{CheckKey, Failure, Resolution, Target, Targets};

use crate::diag::{Diagnostic, Location};
use crate::filter::OperationFilter;
use std::path::{Path, PathBuf};

/// A parsed spec, as [`load_file`] or [`load_str`] builds it. Generation
/// follows `$ref`s through a table the load built from these fields, so
/// a reference added to `api` afterwards is reported as unresolved.
#[derive(Debug, Clone)]
pub struct Document {
    /// The root file.
    pub path: PathBuf,
    /// Every file read to build this document, root first; the macro makes
    /// cargo track each of them.
    pub files: Vec<PathBuf>,
    /// The typed document.
    pub api: openapiv3::OpenAPI,
    /// The same document as plain JSON, for reporting and for the raw
    /// data of examples.
    pub raw: serde_json::Value,
    /// The item behind every `$ref`, resolved, checked and typed once here
    /// so that the intermediate model reads typed data only.
    pub(crate) targets: Targets,
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
    let raw = syntax::parse(text, path, format).map_err(|d| vec![d])?;
    load_value(raw, path)
}

/// Loads the spec at `path` for a build under `filter` and returns what
/// `build` makes of it.
///
/// With a filter, only the parts of the file the kept operations reach are
/// read when the file allows it (see [`partial`]). What `build` makes of
/// that partial document is kept only if it reports no problem (`Ok`);
/// otherwise, and whenever the partial loader gives up, the whole file is
/// loaded and built, and its result is kept whatever it reports. So every
/// outcome and every diagnostic, with its line numbers and "did you mean"
/// hints, is that of the whole file. `Err` is the whole file's load
/// failing.
pub(crate) fn with_document<T>(
    path: &Path,
    filter: OperationFilter<'_>,
    build: impl Fn(&Document) -> Result<T, T>,
) -> Result<T, Vec<Diagnostic>> {
    if let Some(doc) = load_partial(path, filter) {
        if let Ok(built) = build(&doc) {
            return Ok(built);
        }
    }
    let doc = load_file(path)?;
    Ok(build(&doc).unwrap_or_else(|reported| reported))
}

/// The document under `path` reduced to what `filter` can reach, or `None`
/// when there is no filter, the file is not YAML of the shape the partial
/// loader reads, or anything reported a problem: a piece did not parse, a
/// later step of the load found an error, or a filter entry names nothing
/// in the reduced document.
pub(crate) fn load_partial(path: &Path, filter: OperationFilter<'_>) -> Option<Document> {
    if filter.is_empty() || Format::from_path(path) != Format::Yaml {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    load_partial_text(&text, path, filter)
}

/// [`load_partial`] on the root file's text.
fn load_partial_text(text: &str, path: &Path, filter: OperationFilter<'_>) -> Option<Document> {
    let pruned = partial::prune(text, path, filter)?;
    let mut doc = load_value(pruned.raw, path).ok()?;
    partial::restore_schema_names(&mut doc.api, pruned.schema_names);
    check_filter(filter, &[&doc]).is_empty().then_some(doc)
}

/// Everything after parsing the root file: version check, bundling of the
/// files it refers to, normalizing, schema checks and typing. Shared by the
/// whole load and the partial one, which parses only part of the file.
fn load_value(mut raw: serde_json::Value, path: &Path) -> Result<Document, Vec<Diagnostic>> {
    check_version(&raw, path).map_err(|d| vec![d])?;
    let (files, problems) = bundle::bundle(path, &mut raw);
    if !problems.is_empty() {
        // Later stages cannot resolve into a file that did not load.
        return Err(problems);
    }
    // openapiv3 drops keywords beside allOf/oneOf/anyOf; see `combinators`.
    combinators::normalize(&mut raw);
    // Bad schemas are found here, one by one, because openapiv3's own
    // parse takes exponential time on them; see `schema_check`.
    let bad_schemas = schema_check::check_document(&raw, path);
    if !bad_schemas.is_empty() {
        return Err(bad_schemas);
    }
    let api = serde_path_to_error::deserialize::<_, openapiv3::OpenAPI>(&raw)
        .map_err(|e| parse_errors::locate(&raw, path, e))?;
    let targets = Targets::resolve(&api, &raw, path);
    Ok(Document {
        path: path.to_owned(),
        files,
        api,
        raw,
        targets,
    })
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
