//! `build::Builder`, the build-script front end, on its own: what it
//! reports and what it records. (That its code equals the macro's and the
//! CLI's is in `cli.rs` and the macro crate's tests; that a build script
//! using it compiles is in `cli_crate.rs`.)

mod support;

use sailpoint_isc_codegen::build::{Builder, Error};

#[test]
fn every_file_read_is_recorded() {
    let spec = support::repo_root().join("spec");
    let generated = Builder::resources(["password-management"])
        .dir(&spec)
        .generate()
        .expect("generates");
    let files: Vec<String> = generated
        .files()
        .iter()
        .map(|f| f.canonicalize().expect("exists").display().to_string())
        .collect();
    for part in [
        "spec/password-management/openapi.yaml",
        "spec/password-management/schemas/passwordinfo.yaml",
        "spec/shared/responses/429.yaml",
        "spec/shared/schemas/errorresponsedto.yaml",
    ] {
        assert!(
            files.iter().any(|f| f.ends_with(part)),
            "{part} not in {files:#?}"
        );
    }
}

#[test]
fn every_missing_resource_is_reported() {
    let spec = support::repo_root().join("spec");
    let err = Builder::resources(["acounts", "password-management", "identitys"])
        .dir(&spec)
        .generate()
        .expect_err("two entries name nothing");
    let Error::Spec(problems) = &err else {
        panic!("{err}");
    };
    assert_eq!(problems.len(), 2, "{err}");
    let text = err.to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].ends_with("spec/acounts: spec file not found (a resource is a spec file or a directory holding openapi.yaml)"), "{text}");
    assert!(lines[1].contains("spec/identitys: "), "{text}");
    // `main() -> Result<(), Error>` prints the Debug: the same lines.
    assert_eq!(format!("{err:?}"), format!("\n{text}"));
}

#[test]
fn malformed_options_are_errors() {
    let spec = support::repo_root().join("spec/v2024/password-management.yaml");
    let cases = [
        (
            Builder::new(&spec).suffix("9Lives"),
            "suffix `9Lives` must be letters and digits",
        ),
        (
            Builder::new(&spec).crate_path("not a path"),
            "crate path `not a path` must be a path",
        ),
        (Builder::new(&spec).dir("spec"), "dir is for several specs"),
        (
            Builder::resources(["a"]).dir(spec.join("nope")),
            "is not a directory",
        ),
        (
            Builder::resources(Vec::<String>::new()),
            "resources is empty",
        ),
    ];
    for (builder, says) in cases {
        let err = builder.generate().expect_err(says);
        assert!(matches!(err, Error::Settings(_)), "{err}");
        assert!(err.to_string().contains(says), "{err}");
    }
}

/// A problem the spec's structure causes is at the file and the JSON
/// pointer; nothing is written.
#[test]
fn a_spec_problem_names_file_and_pointer_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let spec = dir.path().join("api.yaml");
    std::fs::write(
        &spec,
        "openapi: 3.0.1\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Missing'}\n",
    )
    .expect("write spec");
    let out = dir.path().join("api.rs");
    let err = Builder::new(&spec)
        .write_to(&out)
        .expect_err("a dangling $ref");
    let text = err.to_string();
    assert!(text.contains("api.yaml"), "{text}");
    assert!(text.contains("(at #/paths/~1a/get"), "{text}");
    assert!(!out.exists());
}

#[test]
fn write_leaves_an_unchanged_file_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("api.rs");
    let spec = support::repo_root().join("spec/v2024/password-management.yaml");
    let generated = Builder::new(&spec).generate().expect("generates");
    assert!(generated.write(&out).expect("writes"), "first write");
    assert!(!generated.write(&out).expect("checks"), "no second write");
    assert_eq!(
        std::fs::read_to_string(&out).expect("read"),
        generated.code()
    );
}
