//! Shapes found in SailPoint's full upstream specs that the Password
//! Management files do not have: keywords beside `allOf`/`oneOf`, unions
//! of structs whose fields are all optional, non-exploded query arrays and
//! arrays of nullable enums as parameters. Each spec here is a reduced copy
//! of the upstream schema it names.

use sailpoint_isc_codegen::unstable::{emit, examples, ir};
use sailpoint_isc_codegen::{generate, load_str, render, Format, Settings};
use std::path::Path;

fn gen(yaml: &str) -> String {
    let doc = load_str(yaml, Path::new("test.yaml"), Format::Yaml).expect("spec loads");
    let out = generate(&doc, &Settings::default());
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    render(&out.tokens).expect("output parses")
}

/// The text of the generated item that starts with `start` (up to its
/// closing brace at column 0).
fn item<'a>(text: &'a str, start: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("no `{start}` in:\n{text}"));
    let rest = &text[from..];
    let end = rest.find("\n}\n").map_or(rest.len(), |i| i + 3);
    &rest[..end]
}

/// `text` without whitespace, so that checks do not depend on line breaks.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect()
}

const HEAD: &str = "openapi: 3.0.1\ninfo: {title: T, version: '1'}\nservers: [{url: 'https://{tenant}.example.com/v9'}]\n";

#[test]
fn keywords_beside_all_of_are_merged_not_dropped() {
    // Upstream `ExportPayload` (type and properties beside allOf) and
    // `SavedSearch` (type beside allOf): openapiv3 alone reads the first as
    // a struct with only `description` and the second as an untyped map.
    let spec = format!(
        "{HEAD}paths:
  /export:
    post:
      operationId: export
      requestBody: {{content: {{application/json: {{schema: {{$ref: '#/components/schemas/ExportPayload'}}}}}}}}
      responses: {{'200': {{description: ok, content: {{application/json: {{schema: {{$ref: '#/components/schemas/SavedSearch'}}}}}}}}}}
components:
  schemas:
    ExportOptions:
      type: object
      properties:
        excludeTypes: {{type: array, items: {{type: string}}}}
        includeTypes: {{type: array, items: {{type: string}}}}
    ExportPayload:
      type: object
      allOf: [{{$ref: '#/components/schemas/ExportOptions'}}]
      properties:
        description: {{type: string}}
      required: [description]
    SavedSearch:
      type: object
      allOf:
        - type: object
          properties: {{id: {{type: string}}}}
        - $ref: '#/components/schemas/ExportOptions'
"
    );
    let text = gen(&spec);
    let payload = item(&text, "pub struct ExportPayload");
    for field in [
        "pub exclude_types:",
        "pub include_types:",
        "pub description: ::std::string::String",
    ] {
        assert!(payload.contains(field), "{field} missing:\n{payload}");
    }
    let saved = item(&text, "pub struct SavedSearch");
    for field in ["pub id:", "pub exclude_types:"] {
        assert!(saved.contains(field), "{field} missing:\n{saved}");
    }
}

#[test]
fn an_object_type_beside_one_of_keeps_the_union() {
    // Upstream `SearchDocument`: `type: object` with a `oneOf` of documents.
    let spec = format!(
        "{HEAD}paths:
  /search:
    post:
      operationId: search
      responses: {{'200': {{description: ok, content: {{application/json: {{schema: {{$ref: '#/components/schemas/SearchDocument'}}}}}}}}}}
components:
  schemas:
    AccessProfileDocument:
      type: object
      properties: {{id: {{type: string}}, name: {{type: string}}}}
    IdentityDocument:
      type: object
      properties: {{id: {{type: string}}, name: {{type: string}}, firstName: {{type: string}}}}
    SearchDocument:
      type: object
      oneOf:
        - $ref: '#/components/schemas/AccessProfileDocument'
        - $ref: '#/components/schemas/IdentityDocument'
"
    );
    let text = gen(&spec);
    let union = item(&text, "pub enum SearchDocument");
    assert!(
        union.contains("AccessProfileDocument(AccessProfileDocument)"),
        "{union}"
    );
    assert!(
        union.contains("IdentityDocument(IdentityDocument)"),
        "{union}"
    );
    // Each variant's properties go to the runtime, which picks the variant
    // that knows them all: an identity document is not read as the first
    // variant, whose fields are all optional too.
    let decode = item(&text, "impl __rt::json::Decode for SearchDocument");
    assert!(
        squeeze(decode).contains(r#"&["id","name","firstName"]"#),
        "{decode}"
    );
}

#[test]
fn query_arrays_honour_explode_and_drop_null_items() {
    // Upstream `listRequestableObjects`: `types` and `statuses` are
    // `explode: false` arrays, and `statuses` items are a nullable enum.
    let spec = format!(
        "{HEAD}paths:
  /requestable-objects:
    get:
      operationId: listRequestableObjects
      parameters:
        - {{in: query, name: types, explode: false, schema: {{type: array, items: {{type: string, enum: [ACCESS_PROFILE, ROLE]}}}}}}
        - {{in: query, name: statuses, explode: false, schema: {{type: array, items: {{$ref: '#/components/schemas/Status'}}}}}}
        - {{in: query, name: tags, required: true, schema: {{type: array, items: {{type: string}}}}}}
      responses: {{'204': {{description: ok}}}}
components:
  schemas:
    Status: {{type: string, nullable: true, enum: [AVAILABLE, PENDING, null]}}
"
    );
    let text = gen(&spec);
    let method = squeeze(item(&text, "    pub fn list_requestable_objects"));
    assert!(method.contains(r#".query_each("tags",tags)"#), "{method}");
    // The optional arrays are setters on the builder.
    let types = squeeze(item(&text, "    pub fn types"));
    assert!(
        types.contains(r#"self.0.query("types",__rt::joined(types))"#),
        "joined with commas:\n{types}"
    );
    let statuses = squeeze(item(&text, "    pub fn statuses"));
    assert!(
        statuses.contains("statuses:impl::std::iter::IntoIterator<Item=Status>"),
        "nullable items kept:\n{statuses}"
    );
}

#[test]
fn examples_are_listed_with_their_generated_types() {
    let spec = format!(
        "{HEAD}paths:
  /things/{{id}}:
    parameters:
      - {{in: path, name: id, required: true, schema: {{type: string}}, example: abc}}
    post:
      operationId: postThing
      parameters:
        - {{$ref: '#/components/parameters/limit'}}
      requestBody:
        content:
          application/json:
            schema: {{$ref: '#/components/schemas/Thing'}}
            example: {{name: a}}
            examples:
              other: {{$ref: '#/components/examples/OtherThing'}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {{$ref: '#/components/schemas/Thing'}}
              example: {{name: b}}
            text/csv:
              schema: {{type: string}}
              example: 'name\\nb'
        '404': {{$ref: '#/components/responses/NotFound'}}
  /others:
    get:
      operationId: getOthers
      responses:
        '404': {{$ref: '#/components/responses/NotFound'}}
components:
  parameters:
    limit: {{in: query, name: limit, schema: {{type: integer, format: int32}}, example: 250}}
  examples:
    OtherThing: {{value: {{name: c}}}}
  responses:
    NotFound:
      description: not found
      content:
        application/json:
          schema: {{$ref: '#/components/schemas/Error'}}
          example: {{message: gone}}
  schemas:
    Thing: {{type: object, properties: {{name: {{type: string}}}}}}
    Error: {{type: object, properties: {{message: {{type: string}}}}}}
"
    );
    let doc = load_str(&spec, Path::new("test.yaml"), Format::Yaml).expect("spec loads");
    let (api, diags) = ir::build(&doc, &Settings::default());
    assert!(diags.is_empty(), "{diags:?}");
    let listed: Vec<(String, Option<String>, String)> = examples::examples(&doc, &api)
        .into_iter()
        .map(|e| {
            let ty =
                e.ty.map(|t| emit::type_tokens(&api, &t, &syn::parse_quote!(::rt)).to_string());
            (e.pointer.to_string(), ty, e.value.to_string())
        })
        .collect();
    let expect = |pointer: &str, ty: Option<&str>, value: &str| {
        (pointer.to_owned(), ty.map(str::to_owned), value.to_owned())
    };
    assert_eq!(
        listed,
        vec![
            expect(
                "#/paths/~1things~1{id}/parameters/0/example",
                Some(":: std :: string :: String"),
                r#""abc""#
            ),
            expect("#/components/parameters/limit/example", Some("i32"), "250"),
            expect(
                "#/paths/~1things~1{id}/post/requestBody/content/application~1json/example",
                Some("Thing"),
                r#"{"name":"a"}"#
            ),
            expect(
                "#/components/examples/OtherThing/value",
                Some("Thing"),
                r#"{"name":"c"}"#
            ),
            expect(
                "#/paths/~1things~1{id}/post/responses/200/content/application~1json/example",
                Some("Thing"),
                r#"{"name":"b"}"#
            ),
            expect(
                "#/paths/~1things~1{id}/post/responses/200/content/text~1csv/example",
                None,
                r#""name\\nb""#
            ),
            // The shared 404 is listed once, though two operations use it.
            expect(
                "#/components/responses/NotFound/content/application~1json/example",
                Some("Error"),
                r#"{"message":"gone"}"#
            ),
        ]
    );
}
