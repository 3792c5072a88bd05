//! The generator behind `sailpoint_isc::include_api!`: an OpenAPI 3.0 spec in,
//! Rust tokens out, in three stages with their own types:
//!
//! 1. `load`: bytes to a parsed document, with file, line and column for
//!    syntax errors;
//! 2. `ir`: references resolved, every Rust name chosen, operations
//!    filtered, only reachable schemas kept;
//! 3. `emit`: `quote!` only.
//!
//! The front door is [`generate_file`] (or [`load_file`] then [`generate`]);
//! the proc macro, snapshot tests and any build script or CLI use it alike.
//! [`generate_resources`] does the same for several per-resource specs at
//! once, with the types they share generated once.
//! It never panics on spec data: every problem becomes a [`Diagnostic`], and
//! what did generate is still returned so one bad operation does not hide
//! the rest.
//!
//! [`build::Builder`] gives the same code as formatted source, for a
//! `build.rs` or the `sailpoint-isc-codegen` CLI (this crate's binary).
//!
//! Those functions, [`Settings`], [`Output`], [`Diagnostic`], [`render`],
//! [`version_check`], [`build`] and [`closest`] (for "did you mean" hints)
//! are the public API. The
//! stages themselves are private; the few internals this workspace's own
//! tests, benchmarks and full-spec build script need are in [`unstable`],
//! without any stability promise.
// The docs.rs address of these docs, for links from crates documented
// without them; equal to the package version (tests/docs.rs checks it).
#![doc(html_root_url = "https://docs.rs/sailpoint-isc-codegen/0.1.0")]
#![deny(missing_docs)]
// Spec and network data never reach an unwrap: every failure is an error value.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod build;
mod diag;
mod emit;
mod examples;
mod filter;
mod ir;
mod load;
mod names;
mod resources;
mod settings;
pub mod unstable;

pub use diag::{Diagnostic, Location};
pub use load::{load_file, load_str, Document, Format};
pub use names::closest;
pub use resources::{generate_resources, module_name, ResourceDiagnostic, ResourcesOutput};
pub use settings::Settings;

use proc_macro2::TokenStream;
use std::path::{Path, PathBuf};

/// What [`generate`] produced.
#[derive(Debug, Clone)]
pub struct Output {
    /// The module body: models, client struct and methods. Partial when
    /// there are diagnostics: what failed is left out, the rest is there.
    pub tokens: TokenStream,
    /// Every problem found: the filter's unknown entries first, then the
    /// spec's problems in the order the spec is walked.
    pub diagnostics: Vec<Diagnostic>,
    /// Every file read; the macro makes cargo track them.
    pub files: Vec<PathBuf>,
}

/// Generates the bindings for a loaded document.
pub fn generate(doc: &Document, settings: &Settings) -> Output {
    let mut diagnostics = load::check_filter(settings.filter(), &[doc]);
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
/// read when the file allows it; the whole file is loaded whenever that
/// gives up or anything reports a problem, so the output and every
/// diagnostic are those of [`generate_file_full`].
pub fn generate_file(path: &Path, settings: &Settings) -> Output {
    let generated = load::with_document(path, settings.filter(), |doc| {
        let out = generate(doc, settings);
        if out.diagnostics.is_empty() {
            Ok(out)
        } else {
            Err(out)
        }
    });
    generated.unwrap_or_else(|diagnostics| unloaded(path, diagnostics))
}

/// Like [`generate_file`], but always loads the whole file.
pub fn generate_file_full(path: &Path, settings: &Settings) -> Output {
    match load_file(path) {
        Ok(doc) => generate(&doc, settings),
        Err(diagnostics) => unloaded(path, diagnostics),
    }
}

/// The output for a spec that did not load.
fn unloaded(path: &Path, diagnostics: Vec<Diagnostic>) -> Output {
    Output {
        tokens: TokenStream::new(),
        diagnostics,
        files: if path.is_file() {
            vec![path.to_owned()]
        } else {
            Vec::new()
        },
    }
}

/// The item every front end puts before the bindings: a compile-time check
/// that the runtime at `runtime` is the version this generator (and the
/// macro crate, released with it) belongs to, which says so plainly when it
/// is not, instead of errors about items the other version lacks.
pub fn version_check(runtime: &syn::Path) -> TokenStream {
    let version = env!("CARGO_PKG_VERSION");
    quote::quote! {
        const _: () = #runtime::__private::v1::assert_macros_version(#version);
    }
}

/// Formats generated tokens as Rust source (for snapshots and a CLI).
pub fn render(tokens: &TokenStream) -> Result<String, syn::Error> {
    let file: syn::File = syn::parse2(tokens.clone())?;
    Ok(prettyplease::unparse(&file))
}
