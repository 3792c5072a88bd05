//! Every problem comes out in one pass, each at the right place: the fast,
//! compiler-free counterpart of the trybuild `compile_fail` cases in
//! `tests/ui/fail/`, which check how the macro shows the same messages.

mod support;

use sailpoint_isc_codegen::{generate, load_str, render, Diagnostic, Format, Location, Settings};
use serde_json::json;
use std::path::Path;
use std::time::{Duration, Instant};
use support::{generate_on_case_stack, spec_with_schemas};

/// The file every spec in this test claims to come from.
const FILE: &str = "specs/api.yaml";

fn load(yaml: &str) -> Result<sailpoint_isc_codegen::Document, Vec<Diagnostic>> {
    load_str(yaml, Path::new(FILE), Format::Yaml)
}

/// `(pointer, message)` of each diagnostic, asserting each is in [`FILE`].
fn spots(diags: &[Diagnostic]) -> Vec<(String, String)> {
    diags
        .iter()
        .map(|d| match &d.at {
            Location::Spec { file, pointer, .. } => {
                assert_eq!(file, Path::new(FILE), "{d}");
                (pointer.clone().unwrap_or_default(), d.message.clone())
            }
            other => panic!("not in the spec: {other:?} {d}"),
        })
        .collect()
}

const SPEC_WITH_SIX_PROBLEMS: &str = r##"openapi: 3.0.1
info: {title: Six problems, version: '1'}
servers: [{url: 'https://{tenant}.api.identitynow.com/v3'}]
paths:
  /things/{id}:
    get:
      operationId: getThing
      parameters:
        - {in: path, name: id, required: true, schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thingy'}
        '404':
          $ref: '#/components/responses/NotFound'
  /things:
    get:
      operationId: getThing
      responses: {'200': {description: ok}}
    post:
      operationId: importThings
      requestBody:
        content:
          application/xml:
            schema: {type: string}
      responses: {'204': {description: ok}}
  /session:
    get:
      operationId: getSession
      parameters:
        - {in: cookie, name: session, schema: {type: string}}
      responses: {'200': {description: ok}}
  /loops:
    get:
      operationId: getLoop
      parameters:
        - $ref: '#/components/parameters/Loop'
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Itself'}
  /fine:
    get:
      operationId: getFine
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
components:
  parameters:
    Loop: {$ref: '#/components/parameters/Loop'}
  schemas:
    Thing:
      type: object
      properties:
        name: {type: string}
    Itself:
      $ref: '#/components/schemas/Itself'
"##;

#[test]
fn independent_problems_all_come_out_in_one_pass_with_their_pointers() {
    let doc = load(SPEC_WITH_SIX_PROBLEMS).expect("the document itself is well-formed");
    let out = generate(&doc, &Settings::default());
    let found = spots(&out.diagnostics);
    let expected: [(&str, &str); 7] = [
        (
            "#/paths/~1things~1{id}/get/responses/200/content/application~1json/schema",
            "`$ref` does not resolve: target `#/components/schemas/Thingy` does not exist",
        ),
        (
            "#/paths/~1things~1{id}/get/responses/404",
            "`$ref` does not resolve: target `#/components/responses/NotFound` does not exist",
        ),
        (
            "#/paths/~1things/get/operationId",
            "duplicate operationId `getThing` (first used at #/paths/~1things~1{id}/get); this operation is left out",
        ),
        (
            "#/paths/~1things/post/requestBody/content",
            "operation `importThings`: request body content type application/xml is not supported yet; the operation is left out",
        ),
        (
            "#/paths/~1session/get/parameters/0",
            "operation `getSession`: cookie parameters are not supported; the operation is left out",
        ),
        (
            "#/paths/~1loops/get/parameters/0",
            "`$ref` chain longer than 32 links (a cycle of references?)",
        ),
        (
            "#/components/schemas/Itself",
            "`Itself` refers back to itself through references alone (no object, array or map in between), so it has no finite Rust type; it is typed as `serde_json::Value`",
        ),
    ];
    // In spec order (operations as listed, then the components no
    // operation reached, then recursive types), each once.
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(p, m)| ((*p).to_owned(), (*m).to_owned()))
        .collect();
    assert_eq!(found, expected);

    // The Display form names the file and the pointer.
    let texts: Vec<String> = out.diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        texts.iter().all(|t| t.starts_with("specs/api.yaml at #/")),
        "{texts:#?}"
    );

    // What did generate is there: the operations with problems only in a
    // response keep their method; the ones left out do not have one.
    let code = render(&out.tokens).expect("output parses");
    for kept in [
        "fn get_thing(",
        "fn get_loop(",
        "fn get_fine(",
        "pub struct Thing {",
    ] {
        assert!(code.contains(kept), "{kept} missing:\n{code}");
    }
    for left_out in ["fn import_things(", "fn get_session("] {
        assert!(!code.contains(left_out), "{left_out} generated:\n{code}");
    }
}

#[test]
fn a_problem_at_a_place_reached_many_times_is_reported_once() {
    // A broken path-level parameter shared by two operations, a response
    // component whose chain breaks, used by both, and an `allOf` part that
    // is broken in a schema merged into another as well as built itself.
    let yaml = r##"openapi: 3.0.1
info: {title: Shared, version: '1'}
paths:
  /things:
    parameters:
      - $ref: '#/components/parameters/Missing'
    get:
      operationId: listThings
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Child'}
        '404': {$ref: '#/components/responses/NotFound'}
    post:
      operationId: addThing
      responses:
        '204': {description: ok}
        '404': {$ref: '#/components/responses/NotFound'}
components:
  responses:
    NotFound: {$ref: '#/components/responses/Gone'}
  schemas:
    Child:
      allOf:
        - $ref: '#/components/schemas/Parent'
        - {type: object, properties: {name: {type: string}}}
    Parent:
      allOf:
        - {type: object, properties: {id: {type: string}}}
        - $ref: '#/components/schemas/Absent'
"##;
    let doc = load(yaml).expect("loads");
    let out = generate(&doc, &Settings::default());
    assert_eq!(
        spots(&out.diagnostics),
        [
            (
                "#/paths/~1things/parameters/0".to_owned(),
                "`$ref` does not resolve: target `#/components/parameters/Missing` does not exist"
                    .to_owned()
            ),
            (
                "#/components/schemas/Parent/allOf/1".to_owned(),
                "`$ref` does not resolve: target `#/components/schemas/Absent` does not exist"
                    .to_owned()
            ),
            (
                "#/components/responses/NotFound".to_owned(),
                "`$ref` does not resolve: target `#/components/responses/Gone` does not exist"
                    .to_owned()
            ),
        ]
    );
}

#[test]
fn filter_entries_that_match_nothing_are_each_reported_with_suggestions() {
    let doc = load(SPEC_WITH_SIX_PROBLEMS).expect("loads");
    let settings = Settings::default()
        .with_operations(["getFine", "getThng", "zzzzzzzzzzzz"])
        .with_tags(["Thngs"]);
    let out = generate(&doc, &settings);
    let filters: Vec<(Location, String)> = out
        .diagnostics
        .iter()
        .filter(|d| !matches!(d.at, Location::Spec { .. }))
        .map(|d| (d.at.clone(), d.message.clone()))
        .collect();
    assert_eq!(
        filters,
        [
            (
                Location::OperationFilter(1),
                "the spec has no operation `getThng`; did you mean `getThing` or `getFine`?"
                    .to_owned()
            ),
            (
                Location::OperationFilter(2),
                "the spec has no operation `zzzzzzzzzzzz`".to_owned()
            ),
            (
                Location::TagFilter(0),
                "the spec has no tag `Thngs`".to_owned()
            ),
        ]
    );
    // Only the kept operation's problems are reported besides.
    let code = render(&out.tokens).expect("parses");
    assert!(code.contains("fn get_fine("), "{code}");
    assert!(!code.contains("fn get_thing("), "{code}");
}

#[test]
fn syntax_errors_name_the_line_and_column() {
    let yaml = "openapi: 3.0.1\ninfo:\n  title: t\n  version: '1'\npaths:\n  /a:\n    get: [unclosed\n    post: {}\n";
    let d = load(yaml).expect_err("malformed");
    assert_eq!(d.len(), 1);
    assert_eq!(
        d[0].to_string(),
        "specs/api.yaml:8:9: malformed YAML: did not find expected ',' or ']', while parsing a flow sequence at line 7 column 10"
    );

    let json = "{\n  \"openapi\": \"3.0.1\",\n  \"info\": {\"title\": \"t\", \"version\": \"1\"},\n  \"paths\": {,}\n}\n";
    let d = load_str(json, Path::new("specs/api.json"), Format::Json).expect_err("malformed");
    assert_eq!(d.len(), 1);
    assert_eq!(
        d[0].to_string(),
        "specs/api.json:4:13: malformed JSON: key must be a string"
    );
}

#[test]
fn documents_that_are_not_openapi_3_0_say_what_they_are() {
    let cases = [
        (
            "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n",
            "specs/api.yaml at #/swagger: this is a Swagger 2.0 document; only OpenAPI 3.0.x is supported (convert it first, e.g. with swagger2openapi)",
        ),
        (
            "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n",
            "specs/api.yaml at #/openapi: found `openapi: 3.1.0`; only OpenAPI 3.0.x is supported",
        ),
        (
            "info: {title: t, version: '1'}\npaths: {}\n",
            "specs/api.yaml at #: no `openapi` version field: this is not an OpenAPI document (only OpenAPI 3.0.x is supported)",
        ),
        (
            "- just\n- a list\n",
            "specs/api.yaml at #: the document is not a mapping: this is not an OpenAPI document",
        ),
    ];
    for (yaml, expected) in cases {
        let d = load(yaml).expect_err(expected);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].to_string(), expected);
    }
}

#[test]
fn every_invalid_schema_is_reported_at_its_own_pointer() {
    let yaml = r#"openapi: 3.0.1
info: {title: t, version: '1'}
paths:
  /a:
    get:
      parameters:
        - {in: query, name: q, schema: {type: array, items: 5}}
      responses: {'200': {description: ok}}
components:
  schemas:
    A:
      type: object
      properties:
        deep:
          oneOf:
            - {type: string}
            - {allOf: not-a-list}
    B: {type: string, enum: 7}
"#;
    let d = load(yaml).expect_err("invalid schemas");
    assert_eq!(
        spots(&d),
        [
            (
                "#/paths/~1a/get/parameters/0/schema".to_owned(),
                "not a valid schema (`items`): invalid type: integer `5`, expected struct Schema"
                    .to_owned()
            ),
            (
                "#/components/schemas/A/properties/deep/oneOf/1".to_owned(),
                "not a valid schema (`allOf`): invalid type: string \"not-a-list\", expected a sequence"
                    .to_owned()
            ),
            (
                "#/components/schemas/B".to_owned(),
                "not a valid schema (`enum`): invalid type: integer `7`, expected a sequence"
                    .to_owned()
            ),
        ]
    );
}

#[test]
fn other_structural_errors_name_their_pointer() {
    let yaml = "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses: 5\n";
    let d = load(yaml).expect_err("invalid");
    let found = spots(&d);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "#/paths/~1a/get/responses");
    assert!(
        found[0].1.starts_with("not a valid OpenAPI 3.0 document: "),
        "{found:?}"
    );
}

#[test]
fn a_document_nested_too_deep_is_refused_at_the_deepest_place() {
    let mut schema = String::from("{type: string}");
    for _ in 0..70 {
        schema = format!("{{type: array, items: {schema}}}");
    }
    let yaml = format!(
        "openapi: 3.0.1\ninfo: {{title: t, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n    Deep: {schema}\n"
    );
    let d = load(&yaml).expect_err("too deep");
    let found = spots(&d);
    assert_eq!(found.len(), 1);
    // Levels: the root, components, schemas, Deep, then 61 `items`.
    assert_eq!(
        found[0].0,
        format!("#/components/schemas/Deep{}", "/items".repeat(61))
    );
    assert_eq!(
        found[0].1,
        "the document nests mappings and sequences more than 64 levels deep here; a spec this deep is not supported"
    );
}

#[test]
fn paths_are_shown_relative_to_the_crate() {
    let d = Diagnostic::at_pointer(Path::new("/home/me/crate/spec/api.yaml"), "#/paths", "x");
    assert_eq!(
        d.clone()
            .relative_to(Path::new("/home/me/crate"))
            .to_string(),
        "spec/api.yaml at #/paths: x"
    );
    // Beside the crate: through `..`.
    assert_eq!(
        d.clone()
            .relative_to(Path::new("/home/me/other-crate"))
            .to_string(),
        "../crate/spec/api.yaml at #/paths: x"
    );
    // Nothing in common but the root: the full path.
    assert_eq!(
        d.relative_to(Path::new("/elsewhere")).to_string(),
        "/home/me/crate/spec/api.yaml at #/paths: x"
    );
}

// Regression cases found by the fuzzer (`tests/fuzz`) or while bounding the
// generator's recursion, run on the proc macro's stack budget.

/// Stack overflow: openapiv3's parse takes tens of kilobytes of stack per
/// nesting level unoptimized, so a document near the JSON parser's limit of
/// 128 levels overflowed. Documents deeper than 64 levels are refused.
#[test]
fn regression_deep_nesting_is_refused_not_a_stack_overflow() {
    let mut s = json!({"type": "string"});
    for _ in 0..100 {
        s = json!({"type": "object", "additionalProperties": s});
    }
    let (diags, code) = generate_on_case_stack(spec_with_schemas(json!({ "Root": s })));
    assert!(code.is_none());
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert!(
        diags[0].contains("more than 64 levels deep")
            && diags[0].contains("#/components/schemas/Root/additionalProperties/"),
        "{diags:#?}"
    );
}

/// Stack overflow in `render`: a schema nested 60 levels as arrays gave a
/// `Vec<Vec<…>>` 60 deep that syn could not parse back on a small stack.
/// Inline nesting past 32 levels becomes `serde_json::Value` with an error.
#[test]
fn regression_deep_inline_types_are_bounded() {
    let mut s = json!({"type": "string"});
    for _ in 0..58 {
        s = json!({"type": "array", "items": s});
    }
    let (diags, code) = generate_on_case_stack(spec_with_schemas(json!({ "Root": s })));
    assert!(code.is_some());
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert!(diags[0].contains("nest more than 32 levels"), "{diags:#?}");
}

/// Hang: twenty levels of `oneOf` around one invalid schema took openapiv3
/// seconds (thirty, hours), since each level re-parsed its subtree on
/// backtracking. Schemas are now checked innermost first.
#[test]
fn regression_invalid_schema_deep_inside_combinators_fails_fast() {
    let mut s = json!({"oneOf": [null, {"type": "integer"}]});
    for _ in 0..28 {
        s = json!({"oneOf": [s, {"type": "integer"}]});
    }
    let started = Instant::now();
    let (diags, code) = generate_on_case_stack(spec_with_schemas(json!({ "Root": s })));
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    assert!(code.is_none());
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert!(
        diags[0].contains(&format!(
            "#/components/schemas/Root{}:",
            "/oneOf/0".repeat(28)
        )),
        "{diags:#?}"
    );
}
