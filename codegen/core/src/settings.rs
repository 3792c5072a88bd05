//! What a build asks of the generator.

use crate::filter::OperationFilter;

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

    /// The operation filter of `operations` and `tags`.
    pub(crate) fn filter(&self) -> OperationFilter<'_> {
        OperationFilter::new(&self.operations, &self.tags)
    }
}
