//! File syntax: a spec file's text to a JSON value, with the file name
//! and, where the parser gives it, line and column for a syntax error. The
//! whole load, the bundler and the partial loader all parse through here.

use crate::diag::{escape_segment, Diagnostic, Location};
use std::path::Path;

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

/// Parses `text`, which came from `path`, as `format`; refuses a document
/// nested deeper than [`MAX_DOCUMENT_DEPTH`].
pub(crate) fn parse(
    text: &str,
    path: &Path,
    format: Format,
) -> Result<serde_json::Value, Diagnostic> {
    match format {
        Format::Yaml => parse_yaml(text, path),
        Format::Json => parse_json(text, path),
    }
}

/// The one place YAML is parsed (serde_yaml is deprecated upstream; swapping
/// it means changing this function only).
pub(crate) fn parse_yaml(text: &str, path: &Path) -> Result<serde_json::Value, Diagnostic> {
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

/// The one place JSON is parsed.
fn parse_json(text: &str, path: &Path) -> Result<serde_json::Value, Diagnostic> {
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
pub(crate) const MAX_DOCUMENT_DEPTH: usize = 64;

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
            Children::Object(it) => it.next().map(|(k, v)| (escape_segment(k), v)),
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
