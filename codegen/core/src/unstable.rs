//! Internals for this workspace's own tests, benchmarks and full-spec build
//! script. Nothing here is part of the generator's API: it changes with the
//! generator's stages, without notice and without a version bump. A build
//! script or CLI uses the crate root ([`crate::generate_file`] and the
//! rest), never this module.

use crate::{Document, Settings};
use std::path::Path;

/// Stage two: the intermediate model, for tests and tools that look at
/// what the generator decided before any tokens are made.
pub mod ir {
    pub use crate::ir::{
        build, Api, BodyEncoding, Collection, FilterField, FilterOp, FilterSet, FilterTy, Paging,
        PatchMethod, ResourceApi, ResourceSet, SortSet,
    };
}

/// Stages one and two for several resources, for the full-spec build
/// script: the split model (shared types and one model per resource),
/// each resource's document (`None` where it did not load) and every
/// problem.
pub fn build_resources(
    paths: &[std::path::PathBuf],
    settings: &Settings,
) -> (
    ir::ResourceSet,
    Vec<Option<Document>>,
    Vec<crate::ResourceDiagnostic>,
) {
    crate::resources::build_resources(paths, settings)
}

/// Stage three on its own, for timing it and for tokens of single types.
pub mod emit {
    pub use crate::emit::{emit, type_tokens};
}

/// The spec's examples with the generated type each should decode into.
pub mod examples {
    pub use crate::examples::examples;
}

/// The splitter of lowercase file stems, for tests that check the names
/// of per-resource specs.
pub mod names {
    use crate::names::words::Vocabulary;

    /// The builder method names an optional parameter's setter never takes
    /// (it becomes `<name>_param`), for the test that holds them equal to
    /// the runtime's.
    pub const RESERVED_SETTERS: &[&str] = crate::names::reserved::SETTERS;

    /// `stem` split into the words of `doc` (its titles, component names,
    /// property names and operation ids), as a file schema without a
    /// sensible title is named.
    pub fn split_stem(doc: &crate::Document, stem: &str) -> Vec<String> {
        let vocabulary = Vocabulary::from_document(&doc.raw);
        vocabulary
            .split(stem)
            .into_iter()
            .map(str::to_owned)
            .collect()
    }
}

/// JSON pointers as the generator writes them in its model.
pub mod diag {
    pub use crate::diag::Pointer;
}

/// The partial load [`crate::generate_file`] tries first: the document under
/// `path` reduced to what the filter in `settings` can reach, or `None`
/// when there is no filter, the file is not YAML of the shape the partial
/// loader reads, or anything reported a problem (then the whole file is
/// loaded instead). Tests use it to check that the fast path is taken.
pub fn load_partial(path: &Path, settings: &Settings) -> Option<Document> {
    crate::load::load_partial(path, settings.filter())
}
