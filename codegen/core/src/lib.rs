//! The generator behind `sailpoint_isc::include_api!`: an OpenAPI 3.0 spec in,
//! Rust tokens out, in three stages with their own types:
//!
//! 1. [`load`]: bytes to a parsed document, with file, line and column for
//!    syntax errors;
//! 2. [`ir`]: references resolved, every Rust name chosen, operations
//!    filtered, only reachable schemas kept;
//! 3. [`emit`]: `quote!` only.
//!
//! The front door is [`generate`]; the proc macro, snapshot tests and any
//! build script or CLI use it alike. It never panics on spec data: every
//! problem becomes a [`Diagnostic`], and what did generate is still returned
//! so one bad operation does not hide the rest.
#![deny(missing_docs)]
// Spec and network data never reach an unwrap: every failure is an error value.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod bundle;
mod combinators;
pub mod diag;
pub mod emit;
pub mod examples;
pub mod ir;
pub mod load;
pub mod names;
mod parse_errors;
pub mod prefilter;
mod schema_check;

pub use diag::{Diagnostic, Location};
pub use load::{load_file, load_str, Document, Format};

use proc_macro2::TokenStream;
use std::path::PathBuf;

/// How to generate.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Appended to every generated type name (`Beta` gives `PasswordInfoBeta`).
    pub suffix: String,
    /// Keep only these operationIds (with `tags`, the union is kept).
    pub operations: Vec<String>,
    /// Keep only operations with one of these tags.
    pub tags: Vec<String>,
    /// Path of the runtime crate in generated code.
    pub runtime: syn::Path,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            suffix: String::new(),
            operations: Vec::new(),
            tags: Vec::new(),
            runtime: syn::parse_quote!(::sailpoint_isc),
        }
    }
}

impl Settings {
    /// Sets the type-name suffix.
    pub fn with_suffix(mut self, suffix: impl Into<String>) -> Self {
        self.suffix = suffix.into();
        self
    }

    /// Keeps only the named operations (plus any kept by [`Settings::with_tags`]).
    pub fn with_operations<I: IntoIterator<Item = S>, S: Into<String>>(mut self, ids: I) -> Self {
        self.operations = ids.into_iter().map(Into::into).collect();
        self
    }

    /// Keeps only operations with one of these tags (plus any kept by
    /// [`Settings::with_operations`]).
    pub fn with_tags<I: IntoIterator<Item = S>, S: Into<String>>(mut self, tags: I) -> Self {
        self.tags = tags.into_iter().map(Into::into).collect();
        self
    }

    /// Sets the runtime crate's path (for a renamed dependency).
    pub fn with_runtime(mut self, path: syn::Path) -> Self {
        self.runtime = path;
        self
    }

    /// Whether an operation passes the filter.
    pub fn keeps(&self, id: &str, tags: &[String]) -> bool {
        (self.operations.is_empty() && self.tags.is_empty())
            || self.operations.iter().any(|o| o == id)
            || tags.iter().any(|t| self.tags.contains(t))
    }
}

/// What [`generate`] produced.
#[derive(Debug, Clone)]
pub struct Output {
    /// The module body: models, client struct and methods. Partial when
    /// there are diagnostics: what failed is left out, the rest is there.
    pub tokens: TokenStream,
    /// Every problem found, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// Every file read; the macro makes cargo track them.
    pub files: Vec<PathBuf>,
}

/// Generates the bindings for a loaded document.
pub fn generate(doc: &Document, settings: &Settings) -> Output {
    let mut diagnostics = check_filter(doc, settings);
    let (api, mut more) = ir::build(doc, settings);
    diagnostics.append(&mut more);
    Output {
        tokens: emit::emit(&api, &settings.runtime),
        diagnostics,
        files: doc.files.clone(),
    }
}

/// Loads the spec at `path` and generates its bindings.
///
/// With a filter, only the parts of the file the kept operations reach are
/// read when the file allows it (see [`prefilter`]); the whole file is
/// loaded whenever that gives up or anything reports a problem, so the
/// output and every diagnostic are those of [`generate_file_full`].
pub fn generate_file(path: &std::path::Path, settings: &Settings) -> Output {
    if let Some(doc) = prefilter::load(path, settings) {
        let out = generate(&doc, settings);
        if out.diagnostics.is_empty() {
            return out;
        }
    }
    generate_file_full(path, settings)
}

/// Like [`generate_file`], but always loads the whole file.
pub fn generate_file_full(path: &std::path::Path, settings: &Settings) -> Output {
    match load_file(path) {
        Ok(doc) => generate(&doc, settings),
        Err(diagnostics) => Output {
            tokens: TokenStream::new(),
            diagnostics,
            files: if path.is_file() {
                vec![path.to_owned()]
            } else {
                Vec::new()
            },
        },
    }
}

/// Formats generated tokens as Rust source (for snapshots and a CLI).
pub fn render(tokens: &TokenStream) -> Result<String, syn::Error> {
    let file: syn::File = syn::parse2(tokens.clone())?;
    Ok(prettyplease::unparse(&file))
}

/// Filter entries that name nothing in the spec, with the closest names.
pub(crate) fn check_filter(doc: &Document, settings: &Settings) -> Vec<Diagnostic> {
    let mut ids = Vec::new();
    let mut tags: Vec<String> = doc.api.tags.iter().map(|t| t.name.clone()).collect();
    for (_, item) in doc.api.paths.iter() {
        if let openapiv3::ReferenceOr::Item(item) = item {
            for (_, op) in item.iter() {
                ids.extend(op.operation_id.clone());
                tags.extend(op.tags.iter().cloned());
            }
        }
    }
    ids.sort();
    ids.dedup();
    tags.sort();
    tags.dedup();
    let mut out = Vec::new();
    for (i, wanted) in settings.operations.iter().enumerate() {
        if !ids.contains(wanted) {
            out.push(Diagnostic {
                message: unknown("operation", wanted, ids.iter().map(String::as_str)),
                at: Location::OperationFilter(i),
            });
        }
    }
    for (i, wanted) in settings.tags.iter().enumerate() {
        if !tags.contains(wanted) {
            out.push(Diagnostic {
                message: unknown("tag", wanted, tags.iter().map(String::as_str)),
                at: Location::TagFilter(i),
            });
        }
    }
    out
}

fn unknown<'a>(what: &str, wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    let close = names::closest(wanted, candidates);
    let mut m = format!("the spec has no {what} `{wanted}`");
    if !close.is_empty() {
        let list: Vec<String> = close.iter().map(|c| format!("`{c}`")).collect();
        m.push_str(&format!("; did you mean {}?", list.join(" or ")));
    }
    m
}
