//! Several specs in one build: SailPoint's per-resource specs
//! (`idn/apis/<resource>/openapi.yaml`), one module per resource plus one
//! module of the types they share (see [`crate::ir::share`]).

use crate::diag::{Diagnostic, Location};
use crate::load::{check_filter, load_file, normalize, Document};
use crate::names::{sanitize, Case, Ident, Namespace};
use crate::{emit, ir, Settings};
use proc_macro2::TokenStream;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A problem found by [`generate_resources`], with the resource it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceDiagnostic {
    /// The index of the resource whose spec (or a file it refers to) has
    /// the problem; `None` for a filter entry that names nothing in any
    /// of them.
    pub resource: Option<usize>,
    /// The problem.
    pub diagnostic: Diagnostic,
}

/// What [`generate_resources`] produced.
#[derive(Debug, Clone)]
pub struct ResourcesOutput {
    /// The shared module and one module per resource. A resource that did
    /// not load is an empty module.
    pub tokens: TokenStream,
    /// Every problem: the filter's unknown entries first, then each
    /// resource's in the order given. A problem in a file several
    /// resources read is reported once, for the first of them.
    pub diagnostics: Vec<ResourceDiagnostic>,
    /// Every file read, each once; the macro makes cargo track them.
    pub files: Vec<PathBuf>,
    /// The module name of each resource, in the order given.
    pub modules: Vec<String>,
}

/// The module a resource spec is generated in: the directory's name for a
/// file called `openapi` (`idn/apis/access-profiles/openapi.yaml` →
/// `access_profiles`), else the file's own name without its extension
/// (`spec/password-management.yaml` → `password_management`), in snake case.
pub fn module_name(path: &Path) -> String {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let name = if stem.eq_ignore_ascii_case("openapi") {
        path.parent()
            .and_then(Path::file_name)
            .and_then(|s| s.to_str())
            .unwrap_or(stem)
    } else {
        stem
    };
    sanitize(name, Case::Snake)
}

/// Loads the specs at `paths` and generates their bindings together: one
/// module per resource (named by [`module_name`]) and one module, `shared`,
/// for the types that come from the same file and JSON pointer in more
/// than one of them. `settings` apply to every resource; a filter entry is
/// unknown only when no resource has it.
pub fn generate_resources(paths: &[PathBuf], settings: &Settings) -> ResourcesOutput {
    let (set, loaded, mut diagnostics) = build_resources(paths, settings);
    let mut files: Vec<PathBuf> = Vec::new();
    let mut seen_files = BTreeSet::new();
    for doc in loaded.iter().flatten() {
        for f in &doc.files {
            if seen_files.insert(normalize(f)) {
                files.push(f.clone());
            }
        }
    }
    for (path, doc) in paths.iter().zip(&loaded) {
        if doc.is_none() && path.is_file() && !files.contains(path) {
            files.push(path.clone());
        }
    }
    // A problem in a file several resources read is met by each of them;
    // only the chain of references that led there differs.
    let mut seen: Vec<(Location, String)> = Vec::new();
    diagnostics.retain(|d| {
        let message = d.diagnostic.message.split("; reached by ").next();
        let key = (d.diagnostic.at.clone(), message.unwrap_or("").to_owned());
        let new = !seen.contains(&key);
        if new {
            seen.push(key);
        }
        new
    });
    ResourcesOutput {
        tokens: emit::emit_resources(&set, &settings.runtime),
        diagnostics,
        files,
        modules: set
            .resources
            .iter()
            .map(|r| r.module.as_str().to_owned())
            .collect(),
    }
}

/// Stage one and two for several resources: the split model, each
/// resource's document (`None` where it did not load, or its module name
/// is already taken), and every problem.
pub(crate) fn build_resources(
    paths: &[PathBuf],
    settings: &Settings,
) -> (
    ir::ResourceSet,
    Vec<Option<Document>>,
    Vec<ResourceDiagnostic>,
) {
    let mut diagnostics = Vec::new();
    let mut modules = Namespace::reserving(&["shared"]);
    let mut names = Vec::with_capacity(paths.len());
    let mut loaded: Vec<Option<Document>> = Vec::with_capacity(paths.len());
    for (i, path) in paths.iter().enumerate() {
        let wanted = module_name(path);
        let claimed = modules.claim(&wanted);
        let mut report = |d: Diagnostic| {
            diagnostics.push(ResourceDiagnostic {
                resource: Some(i),
                diagnostic: d,
            })
        };
        if claimed != wanted {
            report(module_taken(path, &wanted));
            loaded.push(None);
        } else {
            match load_file(path) {
                Ok(doc) => loaded.push(Some(doc)),
                Err(ds) => {
                    ds.into_iter().for_each(&mut report);
                    loaded.push(None);
                }
            }
        }
        names.push(Ident::new(&claimed));
    }
    let docs: Vec<&Document> = loaded.iter().flatten().collect();
    let unknown = check_filter(settings.filter(), &docs);
    let mut all: Vec<ResourceDiagnostic> = unknown
        .into_iter()
        .map(|d| ResourceDiagnostic {
            resource: None,
            diagnostic: d,
        })
        .collect();
    all.append(&mut diagnostics);
    let mut built = Vec::with_capacity(paths.len());
    let empty = empty_document();
    for (i, (name, doc)) in names.into_iter().zip(&loaded).enumerate() {
        let doc = doc.as_ref().unwrap_or(&empty);
        let (api, ds) = ir::build(doc, settings);
        all.extend(ds.into_iter().map(|d| ResourceDiagnostic {
            resource: Some(i),
            diagnostic: d,
        }));
        built.push((name, doc, api));
    }
    (ir::share(built), loaded, all)
}

/// Two resources whose module names are the same.
fn module_taken(path: &Path, wanted: &str) -> Diagnostic {
    let message = if wanted == "shared" {
        "this resource would be module `shared`, which holds the types resources share; \
         rename its directory or file"
            .to_owned()
    } else {
        format!(
            "another resource is already module `{wanted}` (a module is named after the \
             resource's directory, or the file for one not called `openapi`); \
             this one is left out"
        )
    };
    Diagnostic {
        message,
        at: Location::Spec {
            file: path.to_owned(),
            pointer: None,
            line_col: None,
        },
    }
}

/// A spec with nothing in it, for a resource that did not load: its
/// module is still generated, empty but for the client, so the user sees
/// the load error and not a flood of "cannot find" errors after it.
fn empty_document() -> Document {
    Document {
        path: PathBuf::new(),
        files: Vec::new(),
        api: openapiv3::OpenAPI::default(),
        raw: serde_json::Value::Object(Default::default()),
        targets: Default::default(),
    }
}
