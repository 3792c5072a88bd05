//! The operation filter: which operations a build keeps. The intermediate
//! model and the partial loader both ask it, so a kept operation is the
//! same to both. It knows nothing of documents: which of its entries name
//! nothing in a spec is a load pass (`load::check_filter`).

/// The `operations` and `tags` of [`crate::Settings`], as a filter.
///
/// With neither, every operation is kept; otherwise an operation named by
/// either is (its `operationId`, or the id derived from its method and
/// path, in `operations`; or one of its tags in `tags`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct OperationFilter<'a> {
    operations: &'a [String],
    tags: &'a [String],
}

impl<'a> OperationFilter<'a> {
    /// A filter keeping the operations with these ids and those with one
    /// of these tags.
    pub(crate) fn new(operations: &'a [String], tags: &'a [String]) -> Self {
        OperationFilter { operations, tags }
    }

    /// Whether it keeps every operation.
    pub(crate) fn is_empty(self) -> bool {
        self.operations.is_empty() && self.tags.is_empty()
    }

    /// Whether the operation with this id and these tags is kept.
    pub(crate) fn keeps(self, id: &str, tags: &[String]) -> bool {
        self.is_empty()
            || self.operations.iter().any(|o| o == id)
            || tags.iter().any(|t| self.tags.contains(t))
    }

    /// Every entry, operation ids first, then tags.
    pub(crate) fn entries(self) -> impl Iterator<Item = &'a str> {
        self.operations.iter().chain(self.tags).map(String::as_str)
    }

    /// The operation ids it keeps, in the order given.
    pub(crate) fn operations(self) -> &'a [String] {
        self.operations
    }

    /// The tags it keeps, in the order given.
    pub(crate) fn tags(self) -> &'a [String] {
        self.tags
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn keeps_the_union_of_ids_and_tags() {
        let ops = strings(&["getA"]);
        let tags = strings(&["B"]);
        let f = OperationFilter::new(&ops, &tags);
        assert!(f.keeps("getA", &[]));
        assert!(f.keeps("other", &strings(&["B"])));
        assert!(!f.keeps("other", &strings(&["C"])));
        let none = OperationFilter::new(&[], &[]);
        assert!(none.is_empty() && none.keeps("anything", &[]));
        assert_eq!(f.entries().collect::<Vec<_>>(), ["getA", "B"]);
    }
}
