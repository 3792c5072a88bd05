//! Our Password Management spec files agree with SailPoint's upstream
//! specifications on everything that shapes the generated client (issue 2,
//! "Spec files"): the differ in `sailpoint_isc_tests::spec_diff` (unit-tested
//! there, mutations included) applied to `spec/{v2024,beta}`, and to the
//! per-resource `spec/password-management` (bundled with `spec/shared` first,
//! as the generator bundles it) against `idn/apis/password-management`.

use sailpoint_isc_tests::spec_diff::{
    compare, load_bundled, load_spec, BETA_OPERATIONS, RESOURCE_OPERATIONS, V2024_OPERATIONS,
};
use sailpoint_isc_tests::{resource_spec, upstream_spec, workspace_root};
use serde_json::{Map, Value};

fn check_against_upstream(
    version: &str,
    upstream_name: &str,
    operation_ids: &[&str],
) -> Result<(), String> {
    let Some(upstream_path) = upstream_spec(upstream_name) else {
        return Ok(());
    };
    let ours_name = format!("spec/{version}/password-management.yaml");
    let ours = load_spec(&workspace_root().join(&ours_name))?;
    let upstream = load_spec(&upstream_path)?;
    let comparison = compare(&ours, &upstream, operation_ids);
    let upstream_name = format!("../shared/specs/upstream/{upstream_name}");
    assert!(
        comparison.is_clean(),
        "{}",
        comparison.report(&ours_name, &upstream_name)
    );
    eprintln!(
        "{ours_name} agrees with {upstream_name}: operations {operation_ids:?}, {} schemas, \
         {} normalised values compared",
        ours.pointer("/components/schemas")
            .and_then(Value::as_object)
            .map_or(0, Map::len),
        comparison.compared_values
    );
    Ok(())
}

#[test]
fn v2024_spec_agrees_with_upstream() -> Result<(), String> {
    check_against_upstream("v2024", "deref-sailpoint-api.v2024.yaml", &V2024_OPERATIONS)
}

#[test]
fn beta_spec_agrees_with_upstream() -> Result<(), String> {
    check_against_upstream("beta", "deref-sailpoint-api.beta.yaml", &BETA_OPERATIONS)
}

/// Our per-resource files against SailPoint's, both bundled: the same
/// operations at the same paths, and every schema and shared response
/// compared through the references that reach it (the file layout is the
/// same, so a file ours has and upstream lacks is a dangling reference).
#[test]
fn per_resource_spec_agrees_with_upstream() -> Result<(), String> {
    let Some(upstream_path) = resource_spec("password-management") else {
        return Ok(());
    };
    let ours_name = "spec/password-management/openapi.yaml";
    let ours = load_bundled(&workspace_root().join(ours_name))?;
    let upstream = load_bundled(&upstream_path)?;
    let comparison = compare(&ours, &upstream, &RESOURCE_OPERATIONS);
    let upstream_name = "../shared/specs/idn/apis/password-management/openapi.yaml";
    assert!(
        comparison.is_clean(),
        "{}",
        comparison.report(ours_name, upstream_name)
    );
    let files = |doc: &Value| {
        doc.get("x-sailpoint-isc-files")
            .and_then(Value::as_object)
            .map_or(0, Map::len)
    };
    assert_eq!(files(&ours), 21, "our files besides openapi.yaml");
    eprintln!(
        "{ours_name} agrees with {upstream_name}: operations {RESOURCE_OPERATIONS:?}, {} of our \
         files ({} upstream), {} normalised values compared",
        files(&ours),
        files(&upstream),
        comparison.compared_values
    );
    Ok(())
}
