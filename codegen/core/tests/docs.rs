//! The generated doc text: types as intra-doc links (the item type of an
//! array, the runtime's items by absolute path), spec prose made clean for
//! rustdoc, and no invented sentence for what the spec does not describe.

use sailpoint_isc_codegen::{generate, load_str, render, Format, Settings};
use std::path::Path;

const SPEC: &str = r#"openapi: 3.0.1
info: {title: T, version: '1'}
servers: [{url: 'https://{tenant}.example.com/v9'}]
paths:
  /things:
    get:
      operationId: getThings
      summary: List   things
      description: "[Deprecated] See https://x.example.com/doc.  Or [the guide](https://x.example.com/g)."
      parameters:
        - {name: type, in: query, schema: {type: string}}
        - {name: count, in: query, required: true, description: How many, example: 3, schema: {type: integer}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/Thing'}}
        '400':
          description: bad
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Problem'}
  /maybe:
    post:
      operationId: postMaybe
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Thing'}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
        '204': {description: none}
components:
  schemas:
    Thing:
      type: object
      properties:
        id: {type: string}
        note: {type: string, description: "A note,   see http://x.example.com/n"}
        when: {type: string, format: date-time}
    Problem:
      type: object
      properties:
        message: {type: string, description: What went wrong}
"#;

fn generated(settings: &Settings) -> String {
    let doc = load_str(SPEC, Path::new("test.yaml"), Format::Yaml).expect("spec loads");
    let out = generate(&doc, settings);
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    render(&out.tokens).expect("output parses")
}

/// The doc lines of `text`, without the `///`.
fn doc_lines(text: &str) -> Vec<&str> {
    text.lines()
        .filter_map(|l| l.trim_start().strip_prefix("///"))
        .collect()
}

#[test]
fn types_are_links_that_name_the_item_type_and_the_runtime() {
    let text = generated(&Settings::default());
    let docs = doc_lines(&text);
    let has = |line: &str| docs.iter().any(|l| l.trim() == line);
    assert!(has("Returns `Vec<`[`Thing`]`>` on success."), "{text}");
    assert!(has("Request body: [`Thing`]."), "{text}");
    assert!(
        has("Returns `Some(`[`Thing`]`)` on a success with a body, `None` on one without (such as `204 No Content`)."),
        "{text}"
    );
    assert!(
        has("Error bodies, available from [`ApiError::body`](::sailpoint_isc::ApiError::body)`::<T>()` on [`Error::Api`](::sailpoint_isc::Error::Api):"),
        "{text}"
    );
    assert!(has("- 400: [`Problem`]"), "{text}");
    // A raw identifier cannot be a link path; the setter `r#type` is `type`.
    assert!(text.contains("[`r#type`](GetThingsCall::type)"), "{text}");
    assert!(
        has("- `count` (query `count`): How many. Example: `3`"),
        "{text}"
    );
}

#[test]
fn a_suffix_reaches_the_links() {
    let text = generated(&Settings::default().with_suffix("Beta"));
    let docs = doc_lines(&text);
    assert!(
        docs.iter()
            .any(|l| l.trim() == "Returns `Vec<`[`ThingBeta`]`>` on success."),
        "{text}"
    );
}

#[test]
fn prose_is_clean_for_rustdoc() {
    let text = generated(&Settings::default());
    assert!(
        text.contains(
            "/// \\[Deprecated\\] See <https://x.example.com/doc>. Or [the guide](https://x.example.com/g)."
        ),
        "{text}"
    );
    assert!(text.contains("/// List things\n"), "{text}");
    assert!(
        text.contains("/// A note, see <http://x.example.com/n>\n"),
        "{text}"
    );
    let mut in_fence = false;
    for line in doc_lines(&text) {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        }
        assert!(!line.ends_with(' '), "trailing space: {line:?}");
        // Code keeps its indentation; prose has single spaces.
        assert!(in_fence || !line.contains("  "), "run of spaces: {line:?}");
    }
}

#[test]
fn what_the_spec_does_not_describe_gets_no_sentence() {
    let text = generated(&Settings::default());
    assert!(!text.contains("property."), "{text}");
    // An `allow` instead, so a user's `#![deny(missing_docs)]` holds.
    assert!(
        text.contains(
            "#[allow(missing_docs)]\n    pub id: ::std::option::Option<::std::string::String>,"
        ),
        "{text}"
    );
}
