//! No generated type shadows std's prelude: users glob-import the bindings
//! (`use v2024::*;`), and a type named `Result` would then replace std's
//! `Result` in their module. Such a type is named with `Model` appended.

use sailpoint_isc_codegen::{generate, load_str, render, Format, Settings};
use std::path::Path;

/// Schemas named after prelude types, one of each kind (struct, string
/// enum, alias, array), a schema that already holds the renamed name, and a
/// root that refers to them all from properties named like them.
const SPEC: &str = r##"
openapi: 3.0.1
info: {title: Prelude, version: '1'}
servers: [{url: 'https://{tenant}.example.com/v9'}]
paths:
  /a:
    post:
      operationId: send
      requestBody:
        required: true
        content: {application/json: {schema: {$ref: '#/components/schemas/Root'}}}
      responses: {'204': {description: ok}}
components:
  schemas:
    Root:
      type: object
      properties:
        result: {$ref: '#/components/schemas/Result'}
        option: {$ref: '#/components/schemas/Option'}
        box: {$ref: '#/components/schemas/Box'}
        vec: {$ref: '#/components/schemas/Vec'}
        string: {$ref: '#/components/schemas/String'}
        taken: {$ref: '#/components/schemas/ResultModel'}
    Result:
      type: object
      properties: {status: {type: string}}
    Option:
      type: string
      enum: [Some, None, Ok]
    Box: {type: string}
    Vec:
      type: array
      items: {$ref: '#/components/schemas/String'}
    String:
      type: object
      properties: {value: {type: string}}
    ResultModel:
      type: object
      properties: {other: {type: integer}}
"##;

fn generated(settings: &Settings) -> String {
    let doc = load_str(SPEC, Path::new("prelude.yaml"), Format::Yaml).expect("spec loads");
    let out = generate(&doc, settings);
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    render(&out.tokens).expect("output parses")
}

/// The names of the types the code declares at its top level.
fn type_names(code: &str) -> Vec<&str> {
    code.lines()
        .filter_map(|l| {
            ["pub struct ", "pub enum ", "pub type "]
                .iter()
                .find_map(|kw| l.strip_prefix(kw))
        })
        .map(|rest| {
            rest.split(|c: char| !c.is_ascii_alphanumeric())
                .next()
                .unwrap_or_default()
        })
        .collect()
}

#[test]
fn prelude_names_get_model_appended() {
    let code = generated(&Settings::default());
    let names = type_names(&code);
    for prelude in ["Result", "Option", "Box", "Vec", "String"] {
        assert!(!names.contains(&prelude), "{prelude} shadows: {names:?}");
        let renamed = format!("{prelude}Model");
        assert!(names.contains(&renamed.as_str()), "{renamed}: {names:?}");
        // The type says why it is not named as its schema.
        let note = format!("/// Named `{renamed}`, not `{prelude}`: a type `{prelude}` would shadow the prelude's in a glob import.");
        assert!(code.contains(&note), "{note}\n{code}");
    }
    // The renamed name goes through the collision resolver: `Result` came
    // first in spec order and took `ResultModel`, so the schema that is
    // really called `ResultModel` gets the next number, without a note.
    assert!(code.contains("pub struct ResultModel {\n"), "{code}");
    assert!(code.contains("pub struct ResultModel2 {\n"), "{code}");
    assert!(!code.contains("Named `ResultModel2`"), "{code}");
    // Every reference uses the new names.
    for field in [
        "pub result: ::std::option::Option<ResultModel>,",
        "pub option: ::std::option::Option<OptionModel>,",
        "pub r#box: ::std::option::Option<BoxModel>,",
        "pub vec: ::std::option::Option<VecModel>,",
        "pub string: ::std::option::Option<StringModel>,",
        "pub taken: ::std::option::Option<ResultModel2>,",
        "pub type VecModel = ::std::vec::Vec<StringModel>;",
    ] {
        assert!(code.contains(field), "{field}\n{code}");
    }
    // Variants and fields are in their own type's namespace and keep
    // prelude names.
    for variant in ["    Some,", "    None,", "    Ok,"] {
        assert!(code.contains(variant), "{variant}\n{code}");
    }
}

#[test]
fn a_suffix_that_already_avoids_the_prelude_is_left_alone() {
    let code = generated(&Settings::default().with_suffix("Beta"));
    let names = type_names(&code);
    for name in [
        "ResultBeta",
        "OptionBeta",
        "BoxBeta",
        "VecBeta",
        "StringBeta",
    ] {
        assert!(names.contains(&name), "{name}: {names:?}");
    }
    assert!(!code.contains("Named `"), "{code}");
}
