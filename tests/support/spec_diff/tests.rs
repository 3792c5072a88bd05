//! The differ can fail: mutations are reported at their pointers, ignored keys are not,
//! and recursive or dangling references neither loop nor panic.

use super::*;
use crate::{upstream_spec, workspace_root};
use serde_json::{json, Value};
use std::collections::BTreeSet;

fn set(doc: &mut Value, pointer: &str, value: Value) -> Result<(), String> {
    let slot = doc
        .pointer_mut(pointer)
        .ok_or_else(|| format!("our v2024 file has no {pointer}"))?;
    *slot = value;
    Ok(())
}

fn take(doc: &mut Value, parent: &str, key: &str) -> Result<Value, String> {
    doc.pointer_mut(parent)
        .and_then(Value::as_object_mut)
        .and_then(|map| map.remove(key))
        .ok_or_else(|| format!("our v2024 file has no {parent}/{key}"))
}

fn insert(doc: &mut Value, parent: &str, key: &str, value: Value) -> Result<(), String> {
    let map = doc
        .pointer_mut(parent)
        .and_then(Value::as_object_mut)
        .ok_or_else(|| format!("our v2024 file has no object at {parent}"))?;
    map.insert(key.to_owned(), value);
    Ok(())
}

fn find<'c>(comparison: &'c Comparison, pointer: &str) -> Result<&'c Difference, String> {
    comparison
        .differences
        .iter()
        .find(|d| d.pointer == pointer)
        .ok_or_else(|| format!("no difference reported at {pointer}"))
}

/// Our v2024 file with mutations the differ must report (one per concern: a required list, a
/// type, a renamed schema, a server default, a missing response, a scope, a parameter's
/// `required`) and changes to keys it must ignore (documentation, examples, extensions).
fn mutated(original: &Value) -> Result<Value, String> {
    let mut mutated = original.clone();
    let schemas = "/components/schemas";
    set(
        &mut mutated,
        "/components/schemas/PasswordDigitTokenReset/required",
        json!([]),
    )?;
    set(
        &mut mutated,
        "/components/schemas/PasswordStatus/properties/state/type",
        json!("integer"),
    )?;
    // A renamed schema: our file defines a name upstream does not.
    let account = take(&mut mutated, schemas, "PasswordInfoAccount")?;
    insert(&mut mutated, schemas, "PasswordAccount", account)?;
    set(
        &mut mutated,
        "/components/schemas/PasswordInfo/properties/accounts/items/$ref",
        json!("#/components/schemas/PasswordAccount"),
    )?;
    set(
        &mut mutated,
        "/servers/0/variables/tenant/default",
        json!("acme"),
    )?;
    take(
        &mut mutated,
        "/paths/~1password-change-status~1{id}/get/responses",
        "404",
    )?;
    set(
        &mut mutated,
        "/paths/~1set-password/post/security/0/userAuth/0",
        json!("idn:password-change:read"),
    )?;
    set(
        &mut mutated,
        "/paths/~1generate-password-reset-token~1digit/post/parameters/0/required",
        json!(false),
    )?;
    // Ignored: documentation, examples and extensions.
    set(
        &mut mutated,
        "/components/schemas/PasswordDigitTokenReset/properties/userId/description",
        json!("changed"),
    )?;
    set(
        &mut mutated,
        "/components/schemas/PasswordDigitToken/properties/digitToken/example",
        json!(12345),
    )?;
    set(
        &mut mutated,
        "/components/schemas/PasswordStatus/title",
        json!("Changed"),
    )?;
    take(
        &mut mutated,
        "/paths/~1password-change-status~1{id}/get",
        "x-sailpoint-userLevels",
    )?;
    Ok(mutated)
}

/// The view pointers at which [`mutated`] differs from the original.
fn expected_pointers() -> BTreeSet<&'static str> {
    BTreeSet::from([
        "/operations/createDigitToken/requestBody/content/application~1json/schema/required",
        "/schemas/PasswordDigitTokenReset/required",
        "/operations/getPasswordChangeStatus/responses/200/content/application~1json/schema/properties/state/type",
        "/schemas/PasswordStatus/properties/state/type",
        "/schemas/PasswordAccount",
        "/servers/0/variables/tenant/default",
        "/operations/getPasswordChangeStatus/responses/404",
        "/operations/setPassword/security",
        "/operations/createDigitToken/parameters/header:X-SailPoint-Experimental/required",
    ])
}

/// Each reported difference names, for both files, where its value lives or is missing.
fn check_file_pointers(comparison: &Comparison, report: &str) -> Result<(), String> {
    let required = find(
        comparison,
        "/operations/createDigitToken/requestBody/content/application~1json/schema/required",
    )?;
    assert_eq!(
        required.ours_at,
        "#/components/schemas/PasswordDigitTokenReset/required"
    );
    assert_eq!(
        required.upstream_at,
        "#/components/schemas/PasswordDigitTokenReset/required"
    );
    assert_eq!(required.ours, None);
    assert_eq!(required.upstream, Some(json!(["userId"])));

    let state = find(comparison, "/schemas/PasswordStatus/properties/state/type")?;
    assert_eq!(
        state.ours_at,
        "#/components/schemas/PasswordStatus/properties/state/type"
    );
    assert_eq!(
        (state.ours.clone(), state.upstream.clone()),
        (Some(json!("integer")), Some(json!("string")))
    );

    let renamed = find(comparison, "/schemas/PasswordAccount")?;
    assert_eq!(
        renamed.upstream, None,
        "a renamed schema is missing upstream"
    );
    assert_eq!(renamed.upstream_at, "#/components/schemas/PasswordAccount");

    let missing = find(
        comparison,
        "/operations/getPasswordChangeStatus/responses/404",
    )?;
    assert_eq!(missing.ours, None);
    assert_eq!(
        missing.ours_at,
        "#/paths/~1password-change-status~1{id}/get/responses/404"
    );
    assert_eq!(missing.upstream_at, "#/components/responses/404");

    let header = find(
        comparison,
        "/operations/createDigitToken/parameters/header:X-SailPoint-Experimental/required",
    )?;
    assert_eq!(
        header.ours_at,
        "#/paths/~1generate-password-reset-token~1digit/post/parameters/0/required"
    );

    assert!(report.contains("operation createDigitToken"), "{report}");
    assert!(
        report.contains("mutated#/components/schemas/PasswordDigitTokenReset/required"),
        "{report}"
    );
    Ok(())
}

/// The checker can fail: each mutation of our v2024 file is reported at its own pointer, and
/// changes to ignored keys are not reported at all.
#[test]
fn checker_reports_each_mutation_at_its_pointer() -> Result<(), String> {
    let original = load_spec(&workspace_root().join("spec/v2024/password-management.yaml"))?;
    let itself = compare(&original, &original, &V2024_OPERATIONS);
    assert!(itself.is_clean(), "{}", itself.report("ours", "ours"));

    let mutated = mutated(&original)?;
    let comparison = compare(&mutated, &original, &V2024_OPERATIONS);
    let report = comparison.report("mutated", "original");
    let found: BTreeSet<&str> = comparison
        .differences
        .iter()
        .map(|d| d.pointer.as_str())
        .collect();
    let expected = expected_pointers();
    assert_eq!(found, expected, "{report}");
    assert!(
        comparison.ours_problems.is_empty() && comparison.upstream_problems.is_empty(),
        "{report}"
    );
    check_file_pointers(&comparison, &report)?;

    // The same mutations are caught against upstream itself (ours otherwise agrees with it).
    if let Some(path) = upstream_spec("deref-sailpoint-api.v2024.yaml") {
        let upstream = load_spec(&path)?;
        let comparison = compare(&mutated, &upstream, &V2024_OPERATIONS);
        let found: BTreeSet<&str> = comparison
            .differences
            .iter()
            .map(|d| d.pointer.as_str())
            .collect();
        let report = comparison.report("mutated", "upstream");
        assert_eq!(found, expected, "{report}");
    }
    Ok(())
}

/// Recursive schemas terminate, and a dangling `$ref` is a reported problem, not a panic.
#[test]
fn recursive_and_dangling_refs_are_handled() {
    let doc = json!({
        "paths": { "/nodes": { "get": {
            "operationId": "getNode",
            "responses": { "200": { "content": { "application/json": { "schema": {
                "$ref": "#/components/schemas/Node"
            } } } } }
        } } },
        "components": { "schemas": {
            "Node": { "type": "object", "properties": {
                "children": { "type": "array", "items": { "$ref": "#/components/schemas/Node" } },
                "parent": { "$ref": "#/components/schemas/Missing" }
            } }
        } }
    });
    let comparison = compare(&doc, &doc, &["getNode"]);
    let report = comparison.report("doc", "doc");
    assert!(comparison.differences.is_empty(), "{report}");
    assert!(
        comparison
            .ours_problems
            .iter()
            .any(|p| p.contains("#/components/schemas/Missing")),
        "{report}"
    );

    let mut deeper = doc.clone();
    if let Some(children) = deeper.pointer_mut("/components/schemas/Node/properties/children") {
        *children = json!({ "type": "array", "items": { "type": "string" } });
    }
    let comparison = compare(&deeper, &doc, &["getNode"]);
    let found: Vec<&str> = comparison
        .differences
        .iter()
        .map(|d| d.pointer.as_str())
        .collect();
    assert_eq!(
        found,
        [
            "/operations/getNode/responses/200/content/application~1json/schema/properties/children/items/$recursive",
            "/operations/getNode/responses/200/content/application~1json/schema/properties/children/items/type",
            "/schemas/Node/properties/children/items/$recursive",
            "/schemas/Node/properties/children/items/type",
        ],
        "{}",
        comparison.report("deeper", "doc")
    );
}

/// The bundled per-resource comparison can fail: a changed type in a schema file, a response
/// removed from a path file and a changed field in a shared file are each reported on the
/// operation that reaches them, with the file pointer into the bundle.
#[test]
fn bundled_per_resource_mutations_are_reported() -> Result<(), String> {
    let original = load_bundled(&workspace_root().join("spec/password-management/openapi.yaml"))?;
    let itself = compare(&original, &original, &RESOURCE_OPERATIONS);
    assert!(itself.is_clean(), "{}", itself.report("ours", "ours"));
    assert!(itself.compared_values > 300, "{}", itself.compared_values);

    let files = "/x-sailpoint-isc-files";
    let mut mutated = original.clone();
    set(
        &mut mutated,
        &format!("{files}/schemas~1passworddigittokenreset.yaml/properties/length/type"),
        json!("string"),
    )?;
    take(
        &mut mutated,
        "/paths/~1password-change-status~1v1~1{id}/get/responses",
        "404",
    )?;
    set(
        &mut mutated,
        &format!("{files}/..~1shared~1schemas~1errormessagedto.yaml/properties/text/type"),
        json!("integer"),
    )?;
    let comparison = compare(&mutated, &original, &RESOURCE_OPERATIONS);
    let report = comparison.report("mutated", "original");
    let found: BTreeSet<&str> = comparison
        .differences
        .iter()
        .map(|d| d.pointer.as_str())
        .collect();
    for expected in [
        "/operations/createDigitTokenV1/requestBody/content/application~1json/schema/properties/length/type",
        "/operations/getPasswordChangeStatusV1/responses/404",
        "/operations/setPasswordV1/responses/400/content/application~1json/schema/properties/messages/items/properties/text/type",
    ] {
        assert!(found.contains(expected), "{expected} not in\n{report}");
    }
    assert!(
        report.contains("x-sailpoint-isc-files/schemas~1passworddigittokenreset.yaml"),
        "{report}"
    );
    Ok(())
}
