//! The bindings as source text, for a build script or checked-in code: the
//! same code `include_api!` expands to, formatted with prettyplease.
//!
//! In `build.rs` (with `sailpoint-isc-codegen` under `[build-dependencies]`):
//!
//! ```no_run
//! fn main() -> Result<(), sailpoint_isc_codegen::build::Error> {
//!     sailpoint_isc_codegen::build::Builder::new("specs/sailpoint-api.v2024.yaml")
//!         .tags(["Sources", "Accounts"])
//!         .write_to_out_dir("api.rs")
//! }
//! ```
//!
//! and in the crate:
//! `#[allow(clippy::all)] mod api { include!(concat!(env!("OUT_DIR"), "/api.rs")); }`
//! (clippy lints `include!`d code as the crate's own, and the spec's doc
//! text does not always pass it; it skips the macro's expansion).
//! The `sailpoint-isc-codegen` binary (the CLI) is a front end over the same
//! [`Builder`].
//!
//! What differs from the macro's expansion: no `include_bytes!` of the spec
//! files (the macro's way to make cargo track them; a build script prints
//! `cargo:rerun-if-changed` instead, and checked-in code tracks nothing),
//! and a leading `// @generated` comment naming the `include_api!` call the
//! code equals. Spec problems are an [`Error`] listing all of them, and no
//! file is written.

mod error;

pub use error::Error;

use crate::{generate_file, generate_resources, render, version_check, Diagnostic, Settings};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// What to generate: a spec file or several per-resource specs, and the
/// options of `include_api!`, each a method of the same name.
#[derive(Debug, Clone)]
pub struct Builder {
    spec: Spec,
    dir: Option<PathBuf>,
    suffix: String,
    operations: Vec<String>,
    tags: Vec<String>,
    crate_path: Option<String>,
}

#[derive(Debug, Clone)]
enum Spec {
    /// `include_api!("PATH", ...)`.
    File(PathBuf),
    /// `include_api!([dir = "DIR",] resources = [...], ...)`.
    Resources(Vec<String>),
}

/// The generated source and the files it was generated from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    code: String,
    files: Vec<PathBuf>,
}

impl Builder {
    /// Generates from the spec file at `spec` (`.json` is read as JSON,
    /// anything else as YAML); a relative path is relative to the current
    /// directory, which in a build script is the package's root, as for
    /// `include_api!`.
    pub fn new(spec: impl AsRef<Path>) -> Self {
        Builder::with(Spec::File(spec.as_ref().to_owned()))
    }

    /// Generates several per-resource specs together, as
    /// `include_api!(resources = [...])` does: one module per resource and
    /// `shared` for the types they share. Each entry is a spec file or a
    /// directory holding `openapi.yaml`, relative to [`Builder::dir`] when
    /// given.
    pub fn resources<I: IntoIterator<Item = S>, S: Into<String>>(resources: I) -> Self {
        Builder::with(Spec::Resources(
            resources.into_iter().map(Into::into).collect(),
        ))
    }

    /// The directory the [`Builder::resources`] entries are in (the
    /// macro's `dir = "..."`). Only for resources.
    pub fn dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.dir = Some(dir.as_ref().to_owned());
        self
    }

    /// Appended to every generated type name (`suffix = "Beta"`).
    pub fn suffix(mut self, suffix: impl Into<String>) -> Self {
        self.suffix = suffix.into();
        self
    }

    /// Keeps only these operationIds (with [`Builder::tags`], the union).
    pub fn operations<I: IntoIterator<Item = S>, S: Into<String>>(mut self, ids: I) -> Self {
        self.operations = ids.into_iter().map(Into::into).collect();
        self
    }

    /// Keeps only operations with one of these tags.
    pub fn tags<I: IntoIterator<Item = S>, S: Into<String>>(mut self, tags: I) -> Self {
        self.tags = tags.into_iter().map(Into::into).collect();
        self
    }

    /// The path of the runtime crate in the generated code, when the
    /// `sailpoint-isc` dependency is renamed (the macro's `crate = "..."`).
    pub fn crate_path(mut self, path: impl Into<String>) -> Self {
        self.crate_path = Some(path.into());
        self
    }

    fn with(spec: Spec) -> Self {
        Builder {
            spec,
            dir: None,
            suffix: String::new(),
            operations: Vec::new(),
            tags: Vec::new(),
            crate_path: None,
        }
    }

    /// The [`Settings`] these options give, or what is wrong with them.
    fn settings(&self) -> Result<Settings, Error> {
        if let (Spec::File(_), Some(_)) = (&self.spec, &self.dir) {
            return Err(Error::Settings(
                "dir is for several specs: give it with resources, not with one spec file".into(),
            ));
        }
        let s = &self.suffix;
        if !s.chars().all(|c| c.is_ascii_alphanumeric())
            || s.starts_with(|c: char| c.is_ascii_digit())
        {
            return Err(Error::Settings(format!(
                "suffix `{s}` must be letters and digits that can end a type name, like \"Beta\""
            )));
        }
        let mut settings = Settings::default()
            .with_suffix(s.clone())
            .with_operations(self.operations.iter().cloned())
            .with_tags(self.tags.iter().cloned());
        if let Some(p) = &self.crate_path {
            let path = syn::parse_str::<syn::Path>(p).map_err(|_| {
                Error::Settings(format!(
                    "crate path `{p}` must be a path such as \"::sailpoint_isc\""
                ))
            })?;
            settings = settings.with_runtime(path);
        }
        Ok(settings)
    }

    /// Generates the code; every problem of the spec or the options is in
    /// the error, with files shown relative to the current directory.
    pub fn generate(&self) -> Result<Generated, Error> {
        self.generate_tracked().1
    }

    /// The files read (also when generation failed, so a build script
    /// reruns once they are fixed) and the outcome.
    fn generate_tracked(&self) -> (Vec<PathBuf>, Result<Generated, Error>) {
        let settings = match self.settings() {
            Ok(s) => s,
            Err(e) => return (self.spec_paths(), Err(e)),
        };
        let (tokens, files, diagnostics) = match &self.spec {
            Spec::File(path) => {
                let out = generate_file(path, &settings);
                (out.tokens, out.files, out.diagnostics)
            }
            Spec::Resources(_) => {
                let paths = match self.resource_paths() {
                    Ok(p) => p,
                    Err(e) => return (self.spec_paths(), Err(e)),
                };
                let out = generate_resources(&paths, &settings);
                let diagnostics = out.diagnostics.into_iter().map(|d| d.diagnostic).collect();
                (out.tokens, out.files, diagnostics)
            }
        };
        if !diagnostics.is_empty() {
            return (files, Err(Error::spec(diagnostics)));
        }
        let check = version_check(&settings.runtime);
        let code = match render(&quote::quote!(#check #tokens)) {
            Ok(code) => code,
            Err(e) => {
                return (
                    files,
                    Err(Error::Settings(format!(
                        "the generated code does not parse ({e}); please report this"
                    ))),
                )
            }
        };
        let code = format!("{}{code}", self.header());
        (files.clone(), Ok(Generated { code, files }))
    }

    /// The spec files as given, for tracking when nothing was read.
    fn spec_paths(&self) -> Vec<PathBuf> {
        match &self.spec {
            Spec::File(path) => vec![path.clone()],
            Spec::Resources(_) => self.resource_paths().unwrap_or_default(),
        }
    }

    /// Each resource entry's spec file; a directory stands for its
    /// `openapi.yaml`. Every entry that names no file is in the error.
    fn resource_paths(&self) -> Result<Vec<PathBuf>, Error> {
        let Spec::Resources(entries) = &self.spec else {
            return Ok(Vec::new());
        };
        let base = self.dir.clone().unwrap_or_default();
        if self.dir.is_some() && !base.is_dir() {
            return Err(Error::Settings(format!(
                "dir `{}` is not a directory",
                base.display()
            )));
        }
        if entries.is_empty() {
            return Err(Error::Settings(
                "resources is empty: name at least one spec".into(),
            ));
        }
        let mut paths = Vec::new();
        let mut missing = Vec::new();
        for entry in entries {
            let mut path = base.join(entry);
            if path.is_dir() {
                path.push("openapi.yaml");
            }
            if path.is_file() {
                paths.push(path);
            } else {
                missing.push(Diagnostic {
                    message: "spec file not found (a resource is a spec file or a directory holding openapi.yaml)".into(),
                    at: crate::Location::Spec { file: path, pointer: None, line_col: None },
                });
            }
        }
        if missing.is_empty() {
            Ok(paths)
        } else {
            Err(Error::spec(missing))
        }
    }

    /// `// @generated ...` and the `include_api!` call the code equals.
    /// (`@generated` is the marker review tools and linters know; rustfmt
    /// on stable still formats such a file, see the CLI's `--crate`.)
    fn header(&self) -> String {
        let mut call = String::new();
        let mut args: Vec<String> = Vec::new();
        match &self.spec {
            Spec::File(path) => args.push(format!("{:?}", path.display().to_string())),
            Spec::Resources(entries) => {
                if let Some(d) = &self.dir {
                    args.push(format!("dir = {:?}", d.display().to_string()));
                }
                args.push(format!("resources = {}", list(entries)));
            }
        }
        if !self.suffix.is_empty() {
            args.push(format!("suffix = {:?}", self.suffix));
        }
        if !self.operations.is_empty() {
            args.push(format!("operations = {}", list(&self.operations)));
        }
        if !self.tags.is_empty() {
            args.push(format!("tags = {}", list(&self.tags)));
        }
        if let Some(p) = &self.crate_path {
            args.push(format!("crate = {p:?}"));
        }
        let _ = write!(
            call,
            "// @generated by sailpoint-isc-codegen {}: the code of\n// include_api!({}).\n// Do not edit: regenerate it.\n",
            env!("CARGO_PKG_VERSION"),
            args.join(", ")
        );
        call
    }

    /// Generates and writes the code to `path` (only when it changed, so
    /// an unchanged spec does not make cargo rebuild the crate), printing
    /// `cargo:rerun-if-changed=` for every file read, also when the spec
    /// has problems. For `build.rs`.
    pub fn write_to(&self, path: impl AsRef<Path>) -> Result<(), Error> {
        let (files, generated) = self.generate_tracked();
        for f in &files {
            println!("cargo:rerun-if-changed={}", f.display());
        }
        generated?.write(path.as_ref()).map(|_| ())
    }

    /// [`Builder::write_to`] `$OUT_DIR/<file_name>`, the directory cargo
    /// gives a build script; the crate then has
    /// `include!(concat!(env!("OUT_DIR"), "/<file_name>"));`.
    pub fn write_to_out_dir(&self, file_name: &str) -> Result<(), Error> {
        let out_dir = std::env::var_os("OUT_DIR").ok_or_else(|| {
            Error::Settings(
                "OUT_DIR is not set: write_to_out_dir is for build scripts run by cargo".into(),
            )
        })?;
        self.write_to(Path::new(&out_dir).join(file_name))
    }
}

impl Generated {
    /// The formatted source: the `@generated` header, then the code.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// Every file read: the spec files and every file they refer to.
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// Writes the code to `path` unless it already holds exactly that;
    /// `true` when it wrote.
    pub fn write(&self, path: &Path) -> Result<bool, Error> {
        if std::fs::read(path).is_ok_and(|old| old == self.code.as_bytes()) {
            return Ok(false);
        }
        std::fs::write(path, &self.code).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
        Ok(true)
    }
}

/// `["a", "b"]`.
fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("{i:?}")).collect();
    format!("[{}]", quoted.join(", "))
}
