//! The generator library on small specs written for each behaviour that a
//! snapshot cannot show: filters, diagnostics, what still generates beside
//! a problem, properties of the whole output, and regressions run on the
//! proc macro's stack budget. The shapes of the generated code (types of
//! fields and parameters, builders, streams, unions, bodies and answers,
//! names) are in the snapshot of `tests/specs/shapes.yaml`
//! (`tests/snapshots.rs`).

use sailpoint_isc_codegen::{
    generate, generate_file, load_str, render, Format, Location, Output, Settings,
};
use serde_json::{json, Map, Value};
use std::path::Path;
use std::time::{Duration, Instant};
use support::{generate_on_case_stack, spec_with_schemas};

mod support;

fn gen(yaml: &str, settings: &Settings) -> (Output, String) {
    let doc = load_str(yaml, Path::new("test.yaml"), Format::Yaml).expect("spec loads");
    let out = generate(&doc, settings);
    let text = render(&out.tokens).expect("output parses");
    (out, text)
}

const HEAD: &str = "openapi: 3.0.1\ninfo: {title: T, version: '1'}\nservers: [{url: 'https://{tenant}.example.com/v9'}]\n";

#[test]
fn filter_keeps_only_named_operations_and_the_schemas_they_reach() {
    let spec =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../spec/v2024/password-management.yaml");
    let out = generate_file(
        &spec,
        &Settings::default().with_operations(["queryPasswordInfo"]),
    );
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    let text = render(&out.tokens).expect("parses");
    assert!(text.contains("pub fn query_password_info("));
    assert!(!text.contains("pub fn set_password("));
    assert!(text.contains("pub struct PasswordInfoQueryDto"));
    assert!(text.contains("pub struct ErrorResponseDto"));
    assert!(
        !text.contains("pub struct PasswordChangeRequest"),
        "unreached schema emitted"
    );
    assert!(!text.contains("pub enum PasswordStatusState"));

    let by_tag = generate_file(
        &spec,
        &Settings::default().with_tags(["Password Management"]),
    );
    let text = render(&by_tag.tokens).expect("parses");
    assert_eq!(text.matches("-> ::sailpoint_isc::Call<").count(), 4);
}

#[test]
fn unknown_filter_entries_are_reported_with_suggestions() {
    let spec =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../spec/v2024/password-management.yaml");
    let out = generate_file(
        &spec,
        &Settings::default()
            .with_operations(["queryPasswordInfo", "setPasword"])
            .with_tags(["Password Managment"]),
    );
    assert_eq!(out.diagnostics.len(), 2, "{:?}", out.diagnostics);
    let op = &out
        .diagnostics
        .iter()
        .find(|d| d.at == Location::OperationFilter(1))
        .expect("op diag")
        .message;
    assert!(
        op.contains("`setPasword`") && op.contains("did you mean `setPassword`"),
        "{op}"
    );
    let tag = &out
        .diagnostics
        .iter()
        .find(|d| d.at == Location::TagFilter(0))
        .expect("tag diag")
        .message;
    assert!(tag.contains("`Password Management`"), "{tag}");
}

#[test]
fn suffix_names_every_type_and_the_client() {
    let spec =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../spec/beta/password-management.yaml");
    let out = generate_file(&spec, &Settings::default().with_suffix("Beta"));
    let text = render(&out.tokens).expect("parses");
    for line in text
        .lines()
        .filter(|l| l.starts_with("pub struct") || l.starts_with("pub enum"))
    {
        let name = line.split_whitespace().nth(2).unwrap_or_default();
        assert!(name.ends_with("Beta"), "{line}");
    }
}

#[test]
fn problems_are_all_reported_and_the_rest_still_generates() {
    let yaml = format!(
        r#"{HEAD}paths:
  /a:
    get:
      operationId: getA
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {{$ref: '#/components/schemas/Missing'}}
  /b:
    get:
      operationId: getA
      responses: {{'200': {{description: ok}}}}
  /c:
    get:
      operationId: getC
      parameters:
        - {{in: cookie, name: session, schema: {{type: string}}}}
      responses: {{'200': {{description: ok}}}}
  /d/{{id}}:
    get:
      responses: {{'200': {{description: ok}}}}
"#
    );
    let (out, text) = gen(&yaml, &Settings::default());
    let msgs: Vec<String> = out.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(msgs.len(), 3, "{msgs:#?}");
    assert!(
        msgs.iter().any(|m| m
            .contains("#/paths/~1a/get/responses/200/content/application~1json/schema")
            && m.contains("#/components/schemas/Missing")),
        "{msgs:#?}"
    );
    assert!(
        msgs.iter()
            .any(|m| m.contains("duplicate operationId `getA`")),
        "{msgs:#?}"
    );
    assert!(
        msgs.iter()
            .any(|m| m.contains("cookie parameters") && m.contains("#/paths/~1c/get/parameters/0")),
        "{msgs:#?}"
    );
    // What did generate is still there; the operation without an id gets a derived name.
    assert!(text.contains("pub fn get_a("), "{text}");
    assert!(
        text.split_whitespace()
            .collect::<String>()
            .contains("pubfnget_d_by_id(&self,id:&str"),
        "{text}"
    );
    assert!(!text.contains("fn get_c("), "{text}");
}

// Regression cases found by the fuzzer (`tests/fuzz`) or while bounding the
// generator's recursion, run on the proc macro's stack budget.

/// Unparsable output: a schema named `self` became `pub struct Self`, and
/// a `oneOf` variant titled `Self` an enum variant `Self(…)`.
#[test]
fn regression_self_is_not_a_type_or_variant_name() {
    let (diags, code) = generate_on_case_stack(spec_with_schemas(json!({
        "Root": {"type": "object", "properties": {"s": {"$ref": "#/components/schemas/self"}}},
        "self": {"oneOf": [{"title": "Self", "type": "string"}, {"type": "integer"}]}
    })));
    assert!(diags.is_empty(), "{diags:#?}");
    let code = code.expect("generated");
    assert!(code.contains("pub enum Self2"), "{code}");
    assert!(code.contains("Self_(::std::string::String)"), "{code}");
}

/// Stack overflow: each component reached from another was built on the
/// spot, so a chain of a few thousand recursed as deep. Components met deep
/// in the stack are now built afterwards from a work list.
#[test]
fn regression_long_chains_of_components_do_not_recurse_deeply() {
    let mut schemas = Map::new();
    schemas.insert(
        "Root".to_owned(),
        json!({"type": "object", "properties": {"next": {"$ref": "#/components/schemas/C0"}}}),
    );
    for i in 0..3000 {
        let next = format!("#/components/schemas/C{}", i + 1);
        let s = match i % 3 {
            0 => json!({"type": "object", "properties": {"next": {"$ref": next}}}),
            1 => json!({"$ref": next}),
            _ => json!({"type": "array", "items": {"$ref": next}}),
        };
        schemas.insert(format!("C{i}"), s);
    }
    schemas.insert("C3000".to_owned(), json!({"type": "string"}));
    let (diags, code) = generate_on_case_stack(spec_with_schemas(Value::Object(schemas)));
    assert!(diags.is_empty(), "{diags:#?}");
    let code = code.expect("generated");
    assert!(code.contains("pub struct C2997"), "{code:.200}");
}

/// Exponential time: `allOf` parts that refer to each other were merged
/// once per path to them, and a cycle ran to a fixed depth on every branch.
#[test]
fn regression_allof_cycles_and_diamonds_merge_once() {
    let parts = |names: &[&str]| -> Value {
        Value::Array(
            names
                .iter()
                .map(|n| json!({"$ref": format!("#/components/schemas/{n}")}))
                .chain([json!({"type": "object", "properties": {"x": {"type": "string"}}})])
                .collect(),
        )
    };
    let mut schemas = Map::new();
    schemas.insert(
        "Root".to_owned(),
        json!({"allOf": parts(&["A0", "A0", "A0", "Root"])}),
    );
    // Three ways to each next level, 25 levels: 3^25 paths to the last.
    for i in 0..25 {
        let next = format!("A{}", i + 1);
        schemas.insert(
            format!("A{i}"),
            json!({"allOf": parts(&[&next, &next, &next, "Root"])}),
        );
    }
    schemas.insert(
        "A25".to_owned(),
        json!({"type": "object", "properties": {"y": {"type": "integer"}}}),
    );
    let started = Instant::now();
    let (diags, code) = generate_on_case_stack(spec_with_schemas(Value::Object(schemas)));
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    assert!(diags.is_empty(), "{diags:#?}");
    let code = code.expect("generated");
    assert!(code.contains("pub struct Root {"), "{code}");
    assert!(code.contains("pub y: ::std::option::Option<i64>"), "{code}");
}

/// A property called `additional_properties` beside `additionalProperties`
/// gave two fields of that name.
#[test]
fn regression_additional_properties_field_name_is_reserved() {
    let (diags, code) = generate_on_case_stack(spec_with_schemas(json!({
        "Root": {"type": "object", "additionalProperties": {"type": "integer"},
                 "properties": {"additional_properties": {"type": "string"}}}
    })));
    assert!(diags.is_empty(), "{diags:#?}");
    let code = code.expect("generated");
    assert!(code.contains("pub additional_properties2:"), "{code}");
    assert_eq!(
        code.matches("pub additional_properties:").count(),
        1,
        "{code}"
    );
}

/// Every struct without `additionalProperties` keeps undeclared properties
/// in `extra`; a property called `extra` gets another field name, and a
/// struct with `additionalProperties` has no second store.
#[test]
fn the_extra_store_is_reserved_and_only_where_no_additional_properties() {
    let (diags, code) = generate_on_case_stack(spec_with_schemas(json!({
        "Root": {"type": "object", "properties": {"extra": {"type": "string"},
                 "open": {"$ref": "#/components/schemas/Open"}}},
        "Open": {"type": "object", "additionalProperties": true,
                 "properties": {"name": {"type": "string"}}}
    })));
    assert!(diags.is_empty(), "{diags:#?}");
    let code = code.expect("generated");
    assert!(code.contains("pub extra2:"), "{code}");
    assert!(code.contains("extra2: o.opt(\"extra\"),"), "{code}");
    assert_eq!(code.matches("pub extra: ").count(), 1, "{code}");
    assert_eq!(code.matches("extra: o.extra(),").count(), 1, "{code}");
    assert_eq!(
        code.matches("pub additional_properties:").count(),
        1,
        "{code}"
    );
}
