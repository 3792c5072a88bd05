//! Small specs written for each rule of the partial loader: what the kept
//! operations reach, YAML it does not read, problems, names, references,
//! operations without ids, multi-file specs.

use super::{assert_same, check, write};
use sailpoint_isc_codegen::unstable::load_partial;
use sailpoint_isc_codegen::{generate_file, generate_file_full, render, Output, Settings};

const HEAD: &str = "openapi: 3.0.1
info:
  title: T
  version: '1'
servers:
  - url: 'https://{tenant}.example.com/v9'
";

/// Two operations with their own schemas, tagged `A` and `B`.
const PATHS: &str = "paths:
  /a:
    get:
      operationId: getA
      tags:
        - A
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/ThingA'
  /b:
    get:
      operationId: getB
      tags:
        - B
      description: Not tagged A, though it mentions A.
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/ThingB'
";

const COMPONENTS: &str = "components:
  schemas:
    ThingA:
      type: object
      properties:
        name:
          type: string
    ThingB:
      type: object
      properties:
        size:
          type: integer
";

#[test]
fn only_what_kept_operations_reach_is_generated_either_way() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "api.yaml",
        &format!("{HEAD}{PATHS}{COMPONENTS}"),
    );
    let (out, fast) = check(&path, &Settings::default().with_tags(["A"]));
    assert!(fast);
    let text = render(&out.tokens).expect("parses");
    assert!(text.contains("pub struct ThingA"), "{text}");
    assert!(!text.contains("ThingB"), "{text}");
    assert!(!text.contains("get_b"), "{text}");
}

#[test]
fn odd_yaml_is_loaded_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let settings = Settings::default().with_tags(["A"]);
    let flow_paths = "paths: {/a: {get: {operationId: getA, tags: [A], responses: {'200': {description: ok}}}}}\n";
    let cases: Vec<(&str, String)> = vec![
        (
            "flow style throughout",
            "{openapi: 3.0.1, info: {title: T, version: '1'}, paths: {/a: {get: {operationId: getA, tags: [A], responses: {'200': {description: ok}}}}}}\n".to_owned(),
        ),
        ("paths in flow style", format!("{HEAD}{flow_paths}")),
        ("document marker", format!("---\n{HEAD}{PATHS}{COMPONENTS}")),
        (
            "anchors and aliases",
            format!(
                "{HEAD}{}{COMPONENTS}",
                PATHS
                    .replace("      tags:\n        - A\n", "      tags: &tags\n        - A\n")
                    .replace("      tags:\n        - B\n", "      tags: *tags\n")
            ),
        ),
        (
            "a tab in indentation",
            format!("{HEAD}{}{COMPONENTS}", PATHS.replace("  /b:", "\t/b:")),
        ),
        (
            "a path key with an escape",
            format!("{HEAD}{}{COMPONENTS}", PATHS.replace("  /b:", "  \"/\\x62\":")),
        ),
        (
            "a duplicate path",
            format!("{HEAD}{PATHS}{}{COMPONENTS}", &PATHS["paths:\n".len()..]),
        ),
        (
            "paths indented unevenly",
            format!("{HEAD}{}{COMPONENTS}", PATHS.replace("  /b:", " /b:")),
        ),
    ];
    for (what, text) in cases {
        let path = write(dir.path(), "api.yaml", &text);
        let full = generate_file_full(&path, &settings);
        let fast = generate_file(&path, &settings);
        assert_same(what, &fast, &full);
        if full.diagnostics.is_empty() {
            let text = render(&fast.tokens).expect("parses");
            assert!(text.contains("pub fn get_a("), "{what}: {text}");
        }
        assert!(
            load_partial(&path, &settings).is_none(),
            "{what}: fast path taken"
        );
    }

    // A tag spelt with an escape is not in the text as such; the entry is
    // read because of the escape, and kept.
    let escaped = Settings::default().with_tags(["Zeta"]);
    let path = write(
        dir.path(),
        "api.yaml",
        &format!(
            "{HEAD}{}{COMPONENTS}",
            PATHS.replace("        - A\n", "        - \"\\x5aeta\"\n")
        ),
    );
    let (out, fast) = check(&path, &escaped);
    assert!(fast);
    assert!(render(&out.tokens)
        .expect("parses")
        .contains("pub fn get_a("));

    // JSON is always loaded whole.
    let path = write(
        dir.path(),
        "api.json",
        r#"{"openapi": "3.0.1", "info": {"title": "T", "version": "1"}, "paths": {"/a": {"get": {"operationId": "getA", "tags": ["A"], "responses": {"200": {"description": "ok"}}}}}}"#,
    );
    let (_, fast) = check(&path, &settings);
    assert!(!fast);
}

#[test]
fn problems_are_reported_as_the_full_load_reports_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let settings = Settings::default().with_tags(["A"]);
    let cases = [
        // A syntax error inside a kept operation: line and column of the file.
        (
            "syntax",
            PATHS.replace(
                "          description: ok\n",
                "          description: [ok\n",
            ),
        ),
        // A reference that does not resolve, from a kept operation.
        (
            "reference",
            PATHS.replace("schemas/ThingA'", "schemas/Missing'"),
        ),
        // A bad schema reached by a kept operation.
        (
            "schema",
            PATHS.replace(
                "                $ref: '#/components/schemas/ThingA'\n",
                "                type: [object]\n",
            ),
        ),
    ];
    for (what, paths) in cases {
        let path = write(
            dir.path(),
            "api.yaml",
            &format!("{HEAD}{paths}{COMPONENTS}"),
        );
        let (out, _) = check(&path, &settings);
        assert!(!out.diagnostics.is_empty(), "{what}");
    }
}

#[test]
fn unreached_schemas_keep_their_claim_on_names() {
    // `foo_bar` is never reached but claims `FooBar` first, in spec order;
    // the reached `FooBar` is `FooBar2` whatever the filter.
    let dir = tempfile::tempdir().expect("tempdir");
    let spec = format!(
        "{HEAD}paths:
  /a:
    get:
      operationId: getA
      tags: [A]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/FooBar'
components:
  schemas:
    foo_bar:
      type: object
      properties:
        x:
          type: string
    FooBar:
      type: object
      properties:
        y:
          type: string
"
    );
    let path = write(dir.path(), "api.yaml", &spec);
    let (out, fast) = check(&path, &Settings::default().with_tags(["A"]));
    assert!(fast);
    let text = render(&out.tokens).expect("parses");
    assert!(text.contains("pub struct FooBar2"), "{text}");
}

#[test]
fn references_are_followed_wherever_they_point() {
    // A component schema that is a `$ref` (named after the component), an
    // `x-` section reached only through it, a pointer into another path's
    // operation, and shared responses and parameters.
    let dir = tempfile::tempdir().expect("tempdir");
    let spec = format!(
        "{HEAD}paths:
  /a/{{id}}:
    get:
      operationId: getA
      tags:
        - A
      parameters:
        - $ref: '#/components/parameters/id'
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/x-defs/Pet'
        '404':
          $ref: '#/paths/~1b/get/responses/404'
  /b:
    get:
      operationId: getB
      tags:
        - B
      responses:
        '404':
          $ref: '#/components/responses/NotFound'
x-defs:
  Pet:
    type: object
    properties:
      name:
        type: string
x-webhooks:
  ignored:
    $ref: './not-shipped.yaml'
components:
  parameters:
    id:
      in: path
      name: id
      required: true
      schema:
        type: string
  responses:
    NotFound:
      description: missing
      content:
        application/json:
          schema:
            $ref: '#/components/schemas/Error'
  schemas:
    Error:
      type: object
      properties:
        message:
          type: string
    Pet:
      $ref: '#/x-defs/Pet'
"
    );
    let path = write(dir.path(), "api.yaml", &spec);
    let (out, fast) = check(&path, &Settings::default().with_tags(["A"]));
    assert!(fast);
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    let text = render(&out.tokens).expect("parses");
    assert!(text.contains("pub struct Pet "), "{text}");
    assert!(text.contains("pub struct Error "), "{text}");
    assert!(
        text.split_whitespace()
            .collect::<String>()
            .contains("pubfnget_a(&self,id:&str"),
        "{text}"
    );
}

#[test]
fn operations_without_an_operation_id() {
    let dir = tempfile::tempdir().expect("tempdir");
    let spec = format!(
        "{HEAD}paths:
  /things/{{id}}:
    get:
      tags:
        - A
      parameters:
        - {{in: path, name: id, required: true, schema: {{type: string}}}}
      responses:
        '200':
          description: ok
  /other:
    get:
      tags:
        - B
      responses:
        '200':
          description: ok
"
    );
    let path = write(dir.path(), "api.yaml", &spec);
    // By tag: the derived id is what the generator names it.
    let (out, fast) = check(&path, &Settings::default().with_tags(["A"]));
    assert!(fast);
    let text = render(&out.tokens).expect("parses");
    assert!(text.contains("pub fn get_things_by_id("), "{text}");
    assert!(!text.contains("get_other"), "{text}");
    // By derived id: not in the text, so loaded whole.
    let (out, fast) = check(
        &path,
        &Settings::default().with_operations(["get_things_by_id"]),
    );
    assert!(!fast);
    let text = render(&out.tokens).expect("parses");
    assert!(text.contains("pub fn get_things_by_id("), "{text}");
}

#[test]
fn multi_file_specs_filtered() {
    // Paths inline in the root, schemas in other files: the fast path
    // bundles only the files the kept operations reach.
    let dir = tempfile::tempdir().expect("tempdir");
    let root = write(
        dir.path(),
        "api.yaml",
        &format!(
            "{HEAD}tags:
  - name: Things
paths:
  /things/{{id}}:
    get:
      operationId: getThing
      tags:
        - Things
      parameters:
        - {{in: path, name: id, required: true, schema: {{type: string}}}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Thing'
  /others:
    get:
      operationId: listOthers
      tags:
        - Others
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: './schemas/Other.yaml'
components:
  schemas:
    Thing:
      $ref: './schemas/Thing.yaml'
"
        ),
    );
    write(
        dir.path(),
        "schemas/Thing.yaml",
        "type: object\nproperties:\n  name: {type: string}\n  owner: {$ref: './common.yaml#/Owner'}\n",
    );
    write(
        dir.path(),
        "schemas/common.yaml",
        "Owner:\n  type: object\n  properties:\n    id: {type: string}\n",
    );
    write(
        dir.path(),
        "schemas/Other.yaml",
        "type: object\nproperties:\n  x: {type: string}\n",
    );
    let settings = Settings::default().with_tags(["Things"]);
    let fast = generate_file(&root, &settings);
    let full = generate_file_full(&root, &settings);
    assert!(fast.diagnostics.is_empty(), "{:?}", fast.diagnostics);
    assert_eq!(fast.tokens.to_string(), full.tokens.to_string());
    let names = |out: &Output| -> Vec<String> {
        out.files
            .iter()
            .map(|f| {
                f.strip_prefix(dir.path())
                    .unwrap_or(f)
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect()
    };
    // Root first; `Other.yaml` is not read, as nothing kept reaches it.
    assert_eq!(
        names(&fast),
        ["api.yaml", "schemas/Thing.yaml", "schemas/common.yaml"]
    );
    assert_eq!(
        names(&full),
        [
            "api.yaml",
            "schemas/Other.yaml",
            "schemas/Thing.yaml",
            "schemas/common.yaml"
        ]
    );
    let doc = load_partial(&root, &settings).expect("fast path");
    assert_eq!(doc.path, root);
    assert_eq!(doc.files.first(), Some(&root));

    // Path items in files of their own: those entries are always read.
    let root = write(
        dir.path(),
        "split.yaml",
        &format!(
            "{HEAD}paths:
  /things/{{id}}:
    $ref: './paths/thing.yaml'
  /others:
    get:
      operationId: listOthers
      responses:
        '200':
          description: ok
"
        ),
    );
    write(
        dir.path(),
        "paths/thing.yaml",
        "get:
  operationId: getThing
  tags: [Things]
  parameters:
    - {in: path, name: id, required: true, schema: {type: string}}
  responses:
    '200':
      description: ok
      content:
        application/json:
          schema: {$ref: '../schemas/Thing.yaml'}
",
    );
    for settings in [
        Settings::default().with_tags(["Things"]),
        Settings::default().with_operations(["getThing"]),
    ] {
        let (out, _) = check(&root, &settings);
        let text = render(&out.tokens).expect("parses");
        assert!(text.contains("pub fn get_thing("), "{text}");
        assert_eq!(
            names(&out),
            [
                "split.yaml",
                "paths/thing.yaml",
                "schemas/Thing.yaml",
                "schemas/common.yaml"
            ]
        );
    }
}
