//! Diagnostics: every problem the generator finds, with the place it is at.
//! The generator collects them instead of stopping at the first, so a user
//! sees the whole list in one build.
//!
//! Reporting is explicit, in the manner of serde_derive's `Ctxt`: a step
//! that can fail returns `Result<_, Diagnostic>` and its caller decides
//! whether to report it to the sink, so nothing is ever un-reported or
//! reported twice and the list comes out in the order the spec was walked.

mod pointer;

pub use pointer::{escape_segment, unescape_segment, Pointer};

use std::fmt;
use std::path::PathBuf;

/// Where a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// In a spec file: the file, a JSON pointer into it (`#/paths/~1x/post`),
    /// and line and column where the parser knows them.
    Spec {
        /// The file, as resolved.
        file: PathBuf,
        /// JSON pointer of the offending node, when known.
        pointer: Option<String>,
        /// 1-based line and column, when known.
        line_col: Option<(usize, usize)>,
    },
    /// In the `n`th entry of the `operations` filter option.
    OperationFilter(usize),
    /// In the `n`th entry of the `tags` filter option.
    TagFilter(usize),
}

/// One problem: a message and a place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// What is wrong, in a sentence.
    pub message: String,
    /// Where.
    pub at: Location,
}

impl Diagnostic {
    /// A problem at `pointer` in `file`.
    pub fn at_pointer(file: &std::path::Path, pointer: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            message: message.into(),
            at: Location::Spec {
                file: file.to_owned(),
                pointer: Some(pointer.to_owned()),
                line_col: None,
            },
        }
    }

    /// This diagnostic with its file shown relative to `base` (a crate's
    /// `CARGO_MANIFEST_DIR`), so messages read `spec/api.yaml:3:5` or
    /// `../spec/api.yaml` rather than a machine-specific absolute path. A
    /// file that shares no directory with `base` is left as is.
    pub fn relative_to(mut self, base: &std::path::Path) -> Self {
        if let Location::Spec { file, .. } = &mut self.at {
            if let Some(rel) = relative_path(file, base) {
                *file = rel;
            }
        }
        self
    }
}

/// `path` relative to `base`, with `..` where it lies outside; `None` when
/// the two have nothing in common but the root, or one is relative and the
/// other not.
fn relative_path(path: &std::path::Path, base: &std::path::Path) -> Option<PathBuf> {
    use std::path::Component;
    if let Ok(rel) = path.strip_prefix(base) {
        return Some(rel.to_owned());
    }
    let p: Vec<Component> = path.components().collect();
    let b: Vec<Component> = base.components().collect();
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let shares_a_directory = p
        .iter()
        .take(common)
        .any(|c| matches!(c, Component::Normal(_)));
    if !shares_a_directory
        || b[common..]
            .iter()
            .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &p[common..] {
        out.push(c.as_os_str());
    }
    Some(out)
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.at {
            Location::Spec {
                file,
                pointer,
                line_col,
            } => {
                write!(f, "{}", file.display())?;
                if let Some((l, c)) = line_col {
                    write!(f, ":{l}:{c}")?;
                }
                if let Some(p) = pointer {
                    write!(f, " at {p}")?;
                }
                write!(f, ": {}", self.message)
            }
            Location::OperationFilter(_) | Location::TagFilter(_) => f.write_str(&self.message),
        }
    }
}

/// Where the generator's diagnostics go, in the order they are reported.
#[derive(Debug, Default)]
pub(crate) struct Sink {
    diagnostics: Vec<Diagnostic>,
}

impl Sink {
    /// An empty sink.
    pub(crate) fn new() -> Self {
        Sink::default()
    }

    /// Reports one problem.
    pub(crate) fn report(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    /// Reports several problems, in order.
    pub(crate) fn report_all(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.diagnostics.extend(ds);
    }

    /// Everything reported, in order.
    #[must_use]
    pub(crate) fn finish(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}
