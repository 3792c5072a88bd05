//! Specs split across files, as SailPoint writes them: a root file,
//! `paths/*.yaml` and `schemas/*.yaml`, joined by relative `$ref`s.

use sailpoint_isc_codegen::{generate_file, render, Settings};
use std::fs;
use std::path::Path;

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).expect("mkdir");
    }
    fs::write(p, text).expect("write");
}

fn layout(dir: &Path) {
    write(
        dir,
        "api.yaml",
        r#"openapi: 3.0.1
info: {title: Split, version: '1'}
servers: [{url: 'https://{tenant}.api.identitynow.com/v3'}]
paths:
  /things/{id}:
    $ref: './paths/thing.yaml'
components:
  schemas:
    Thing:
      $ref: './schemas/Thing.yaml'
x-webhooks:
  ignored:
    $ref: './webhooks/not-shipped.yaml'
"#,
    );
    write(
        dir,
        "paths/thing.yaml",
        r#"get:
  operationId: getThing
  parameters:
    - {in: path, name: id, required: true, schema: {type: string}}
  responses:
    '200':
      description: ok
      content:
        application/json:
          schema: {$ref: '../schemas/Thing.yaml'}
    '404':
      description: missing
      content:
        application/json:
          schema: {$ref: '../schemas/common.yaml#/Error'}
"#,
    );
    write(
        dir,
        "schemas/Thing.yaml",
        r#"type: object
properties:
  name: {type: string}
  owner: {$ref: './common.yaml#/Owner'}
"#,
    );
    write(
        dir,
        "schemas/common.yaml",
        r#"Owner:
  type: object
  properties:
    id: {type: string}
    error: {$ref: '#/Error'}
Error:
  type: object
  properties:
    message: {type: string}
"#,
    );
}

#[test]
fn relative_references_resolve_from_the_referring_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    layout(dir.path());
    let out = generate_file(&dir.path().join("api.yaml"), &Settings::default());
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
    let text = render(&out.tokens).expect("parses");
    assert!(
        text.split_whitespace()
            .collect::<String>()
            .contains("pubfnget_thing(&self,id:&str"),
        "{text}"
    );
    // The component and the file it points at are one type, not two.
    assert!(text.contains("pub struct Thing {"), "{text}");
    assert!(!text.contains("Thing2"), "{text}");
    assert!(text.contains("::sailpoint_isc::Call<Thing>"), "{text}");
    assert!(
        text.contains("pub struct Owner {") && text.contains("pub struct Error {"),
        "{text}"
    );
    // Every file read is tracked (the root first); x-webhooks is not followed.
    let names: Vec<String> = out
        .files
        .iter()
        .map(|f| {
            f.strip_prefix(dir.path())
                .unwrap_or(f)
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(
        names,
        [
            "api.yaml",
            "paths/thing.yaml",
            "schemas/Thing.yaml",
            "schemas/common.yaml"
        ]
    );
}

#[test]
fn a_missing_file_is_reported_with_the_chain_of_references() {
    let dir = tempfile::tempdir().expect("tempdir");
    layout(dir.path());
    fs::remove_file(dir.path().join("schemas/common.yaml")).expect("rm");
    let out = generate_file(&dir.path().join("api.yaml"), &Settings::default());
    let msgs: Vec<String> = out.diagnostics.iter().map(ToString::to_string).collect();
    assert!(!msgs.is_empty());
    let m = msgs
        .iter()
        .find(|m| m.contains("common.yaml"))
        .expect("names the missing file");
    assert!(
        m.contains("paths/thing.yaml") || m.contains("schemas/Thing.yaml"),
        "chain missing: {m}"
    );
    assert!(m.contains("cannot be read"), "{m}");
}

#[test]
fn a_malformed_referenced_file_names_its_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    layout(dir.path());
    write(
        dir.path(),
        "schemas/Thing.yaml",
        "type: object\nproperties: [unclosed\n",
    );
    let out = generate_file(&dir.path().join("api.yaml"), &Settings::default());
    let m = out
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .find(|m| m.contains("Thing.yaml"))
        .expect("diag");
    assert!(m.contains("Thing.yaml:"), "line and column missing: {m}");
    assert!(m.contains("malformed YAML"), "{m}");
}
