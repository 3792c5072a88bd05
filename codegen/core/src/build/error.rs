//! Why [`super::Builder`] wrote nothing.

use crate::{Diagnostic, Location};
use std::fmt;
use std::path::PathBuf;

/// What went wrong; its `Display` (and `Debug`, so that `fn main() ->
/// Result<(), Error>` in a build script prints it readably) is one line per
/// problem, `file:line:col: message` where the place is known.
#[non_exhaustive]
pub enum Error {
    /// The spec (or a file it refers to) or the operation filter has
    /// problems: all of them, in the order the spec was walked, with files
    /// relative to the current directory where they lie under it.
    Spec(Vec<Diagnostic>),
    /// An option is malformed (a suffix or crate path), or `dir` or
    /// `resources` name nothing.
    Settings(String),
    /// A file could not be written.
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

impl Error {
    /// A spec error, its files shown relative to the current directory.
    pub(super) fn spec(diagnostics: Vec<Diagnostic>) -> Self {
        let cwd = std::env::current_dir().unwrap_or_default();
        Error::Spec(
            diagnostics
                .into_iter()
                .map(|d| d.relative_to(&cwd))
                .collect(),
        )
    }
}

/// `file:line:col: message (at #/pointer)`: the place first, as compilers
/// print it, so editors and terminals can jump to it.
fn write_diagnostic(f: &mut fmt::Formatter<'_>, d: &Diagnostic) -> fmt::Result {
    match &d.at {
        Location::Spec {
            file,
            pointer,
            line_col,
        } => {
            write!(f, "{}", file.display())?;
            if let Some((l, c)) = line_col {
                write!(f, ":{l}:{c}")?;
            }
            write!(f, ": {}", d.message)?;
            if let Some(p) = pointer {
                write!(f, " (at {p})")?;
            }
            Ok(())
        }
        Location::OperationFilter(_) => write!(f, "operations: {}", d.message),
        Location::TagFilter(_) => write!(f, "tags: {}", d.message),
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Spec(diagnostics) => {
                for (i, d) in diagnostics.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write_diagnostic(f, d)?;
                }
                Ok(())
            }
            Error::Settings(message) => f.write_str(message),
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `main` returning `Err` prints `Error: {:?}`: the list, not a struct dump.
        writeln!(f)?;
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
