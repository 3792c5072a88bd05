//! Our Password Management spec files agree with SailPoint's upstream
//! specifications on everything that shapes the generated client (issue 2,
//! "Spec files"): the differ in `sailpoint_isc_tests::spec_diff` (unit-tested
//! there, mutations included) applied to each API line's file, `spec/v2024`
//! and `spec/beta` against the upstream specs, and the per-resource
//! `spec/password-management` (bundled with `spec/shared` first, as the
//! generator bundles it) against `idn/apis/password-management`.

use sailpoint_isc_tests::spec_diff::{compare, load_bundled, load_spec};
use sailpoint_isc_tests::workspace_root;
use serde_json::{Map, Value};

/// The files a bundled spec was assembled from besides its `openapi.yaml`.
fn files(doc: &Value) -> usize {
    doc.get("x-sailpoint-isc-files")
        .and_then(Value::as_object)
        .map_or(0, Map::len)
}

sailpoint_isc_tests::for_each_line! {
    /// The same operations at the same paths, and every schema (and, for
    /// the per-resource files, every shared response) compared through the
    /// references that reach it. The per-resource layout is upstream's, so a
    /// file ours has and upstream lacks is a dangling reference.
    #[test]
    fn the_spec_agrees_with_upstream() -> Result<(), String> {
        let Some(upstream_path) = line::upstream() else {
            return Ok(());
        };
        let load = if line::BUNDLED { load_bundled } else { load_spec };
        let ours = load(&workspace_root().join(line::SPEC))?;
        let upstream = load(&upstream_path)?;
        let comparison = compare(&ours, &upstream, line::OPERATIONS);
        assert!(
            comparison.is_clean(),
            "{}",
            comparison.report(line::SPEC, line::UPSTREAM_NAME)
        );
        // A single-file spec is loaded as it is, with no files beside it.
        let own_files = if line::BUNDLED { 21 } else { 0 };
        assert_eq!(files(&ours), own_files, "our files besides openapi.yaml");
        let schemas = ours
            .pointer("/components/schemas")
            .and_then(Value::as_object)
            .map_or(0, Map::len);
        eprintln!(
            "{} agrees with {}: operations {:?}, {schemas} schemas, {} of our files ({} upstream), \
             {} normalised values compared",
            line::SPEC,
            line::UPSTREAM_NAME,
            line::OPERATIONS,
            files(&ours),
            files(&upstream),
            comparison.compared_values
        );
        Ok(())
    }
}
