//! rustdoc's lints on the generated doc text, and its links into the
//! runtime's docs on docs.rs. rustdoc does not lint text a
//! proc macro produced (the spans are the macro's), so `cargo doc` on a
//! crate that calls `include_api!` would pass whatever the docs say. Here
//! the generator's output is written into a crate as plain `.rs` source, so
//! `cargo doc` with `-D warnings` reports broken intra-doc links, bare URLs,
//! invalid HTML and missing docs as it would in hand-written code.
//!
//! The inputs are the Password Management specs this repo ships (v2024 and
//! beta, and the per-resource one both as one module and in the resources
//! layout, a module per resource beside `shared`) and the snapshot spec of
//! every shape, `codegen/core/tests/specs/shapes.yaml`: every layout the
//! `ops` types' links to their methods must resolve in.
//!
//! The crate and its own target dir live in `CARGO_TARGET_TMPDIR`, so the
//! runtime's dependencies are built (checked) once and later runs only
//! document the generated modules (seconds). It runs `--offline` with the
//! workspace's `Cargo.lock`, so nothing is downloaded: the workspace's own
//! build has fetched every package. It cannot share the workspace's target
//! dir, which the running `cargo test` holds locked.

use sailpoint_isc_codegen::{
    generate, generate_file, generate_resources, load_str, render, Format, Settings,
};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
fn repo() -> PathBuf {
    sailpoint_isc_tests::workspace_root()
}

/// A crate under `CARGO_TARGET_TMPDIR`, emptied of its old source.
fn scratch_crate(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let src = dir.join("src");
    if src.exists() {
        std::fs::remove_dir_all(&src).expect("remove the old source");
    }
    std::fs::create_dir_all(&src).expect("create the crate's src/");
    dir
}

/// The target dir of the crates of this test.
fn docs_target() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("docs-target")
}

/// `cargo doc` of the crate at `dir` (or of its dependency `package`),
/// with every rustdoc warning an error, into [`docs_target`].
fn cargo_doc(dir: &Path) -> Output {
    cargo_doc_of(dir, None)
}

fn cargo_doc_of(dir: &Path, package: Option<&str>) -> Output {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command.args(["doc", "--offline", "--no-deps", "--lib"]);
    if let Some(package) = package {
        command.args(["-p", package]);
    }
    command
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", docs_target())
        // `CARGO_ENCODED_RUSTDOCFLAGS` would win over `RUSTDOCFLAGS`.
        .env_remove("CARGO_ENCODED_RUSTDOCFLAGS")
        .env("RUSTDOCFLAGS", "-D warnings")
        .output()
        .expect("run cargo doc")
}

/// A manifest of a crate of its own (not a member of the workspace it sits
/// inside when the target dir is in the repo), with `deps`.
fn manifest(name: &str, deps: &str) -> String {
    format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [workspace]\n\n[dependencies]\n{deps}"
    )
}

/// The generated code for one spec file, rendered as a file.
fn generated(spec: &str, settings: &Settings) -> String {
    let out = generate_file(&repo().join(spec), settings);
    assert!(out.diagnostics.is_empty(), "{spec}: {:#?}", out.diagnostics);
    render(&out.tokens).expect("generated code parses")
}

/// Names that are Rust keywords: the method `r#type` and its setter
/// `r#type`, whose link paths cannot hold the `r#`.
const KEYWORDS: &str = r#"openapi: 3.0.1
info: {title: Keywords, version: '1'}
servers: [{url: 'https://{tenant}.example.com/v9'}]
paths:
  /kinds:
    get:
      operationId: type
      parameters:
        - {name: type, in: query, description: The kind., schema: {type: string}}
      responses:
        '204': {description: none}
"#;

/// The modules of the checked crate: name, what it holds and its source.
fn modules() -> Vec<(&'static str, &'static str, String)> {
    let per_resource = repo().join("spec/password-management/openapi.yaml");
    let resources = generate_resources(&[per_resource], &Settings::default());
    assert!(
        resources.diagnostics.is_empty(),
        "{:#?}",
        resources.diagnostics
    );
    vec![
        (
            "v2024",
            "spec/v2024/password-management.yaml",
            generated("spec/v2024/password-management.yaml", &Settings::default()),
        ),
        (
            "beta",
            "spec/beta/password-management.yaml, suffix Beta",
            generated(
                "spec/beta/password-management.yaml",
                &Settings::default().with_suffix("Beta"),
            ),
        ),
        (
            "per_resource",
            "spec/password-management/openapi.yaml",
            generated(
                "spec/password-management/openapi.yaml",
                &Settings::default(),
            ),
        ),
        (
            "resources",
            "spec/password-management/openapi.yaml in the resources layout",
            render(&resources.tokens).expect("generated code parses"),
        ),
        ("keywords", "a spec of keyword names", {
            let doc = load_str(KEYWORDS, Path::new("keywords.yaml"), Format::Yaml)
                .expect("the keywords spec loads");
            let out = generate(&doc, &Settings::default());
            assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
            render(&out.tokens).expect("generated code parses")
        }),
        (
            "shapes",
            "codegen/core/tests/specs/shapes.yaml",
            generated("codegen/core/tests/specs/shapes.yaml", &Settings::default()),
        ),
    ]
}

#[test]
fn generated_docs_pass_rustdoc_lints() {
    let dir = scratch_crate("generated-docs");
    let runtime = repo().join("runtime");
    let deps = format!(
        "sailpoint-isc = {{ path = {:?} }}\n",
        runtime.display().to_string()
    );
    std::fs::write(dir.join("Cargo.toml"), manifest("generated_docs", &deps))
        .expect("write Cargo.toml");
    // The workspace's versions, so the packages it fetched are the ones
    // needed; cargo drops the entries this crate does not use.
    std::fs::copy(repo().join("Cargo.lock"), dir.join("Cargo.lock")).expect("copy Cargo.lock");
    let mut lib = String::from(
        "//! The generated code of the repo's specs, as source, for rustdoc's lints.\n\
         #![deny(missing_docs)]\n",
    );
    for (name, from, source) in modules() {
        std::fs::write(dir.join("src").join(format!("{name}.rs")), source).expect("write a module");
        lib.push_str(&format!("/// Generated from {from}.\npub mod {name};\n"));
    }
    std::fs::write(dir.join("src/lib.rs"), lib).expect("write lib.rs");

    // rustdoc links a dependency relatively when its docs sit in the same
    // doc dir (the runtime's, documented below by an earlier run): gone, so
    // that the links are those of a `--no-deps` build of a user's crate.
    let runtime_docs = docs_target().join("doc/sailpoint_isc");
    if runtime_docs.exists() {
        std::fs::remove_dir_all(&runtime_docs).expect("remove the runtime's docs");
    }
    let out = cargo_doc(&dir);
    assert!(
        out.status.success(),
        "rustdoc rejects the generated docs (source in {}):\n{}",
        dir.join("src").display(),
        String::from_utf8_lossy(&out.stderr)
    );
    // The links were resolved, not dropped: an `ops` type's page links its
    // method on the client, in a flat module and in a resource module, and
    // for a method whose name is a keyword.
    let doc = docs_target().join("doc/generated_docs");
    for (module, op, client, method) in [
        ("v2024", "QueryPasswordInfo", "Api", "query_password_info"),
        (
            "beta",
            "QueryPasswordInfoBeta",
            "ApiBeta",
            "query_password_info",
        ),
        (
            "resources/password_management",
            "QueryPasswordInfoV1",
            "Api",
            "query_password_info_v1",
        ),
    ] {
        let page = doc.join(module).join(format!("ops/struct.{op}.html"));
        let html = std::fs::read_to_string(&page)
            .unwrap_or_else(|e| panic!("read {}: {e}", page.display()));
        let href = format!("href=\"../struct.{client}.html#method.{method}\"");
        assert!(html.contains(&href), "{} has no {href}", page.display());
    }
    // With `--no-deps` the runtime's docs are not built beside these, so
    // links into it go to docs.rs, at the runtime's version (its
    // `html_root_url`), never to a `sailpoint_isc/` directory that is not
    // there. Each one names a page of the runtime's docs as rustdoc writes
    // them (docs.rs publishes the same; an item re-exported from a private
    // module has a redirect page at its module path).
    let page = doc.join("v2024/struct.Api.html");
    let html =
        std::fs::read_to_string(&page).unwrap_or_else(|e| panic!("read {}: {e}", page.display()));
    let root = format!("https://docs.rs/sailpoint-isc/{}/", version());
    assert!(
        !html.contains("href=\"../../sailpoint_isc/") && !html.contains("href=\"../sailpoint_isc/"),
        "{} links to runtime docs that --no-deps did not build",
        page.display()
    );
    let links: Vec<&str> = html
        .split(&format!("href=\"{root}"))
        .skip(1)
        .filter_map(|rest| rest.split(['"', '#']).next())
        .collect();
    for item in [
        "struct.ApiError.html",
        "enum.Error.html",
        "struct.Client.html",
    ] {
        assert!(
            links
                .iter()
                .any(|l| l.starts_with("sailpoint_isc/") && l.ends_with(item)),
            "{} has no link to {root}…/{item}: {links:?}",
            page.display()
        );
    }
    let out = cargo_doc_of(&dir, Some("sailpoint-isc"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for link in &links {
        let target = docs_target().join("doc").join(link);
        assert!(
            target.is_file(),
            "{root}{link} is not a page of the runtime's docs"
        );
    }
    std::fs::remove_dir_all(&runtime_docs).expect("remove the runtime's docs");
}

/// The version of the workspace's packages, from `[workspace.package]` of
/// the root `Cargo.toml` (every published crate takes it with
/// `version.workspace = true`).
fn version() -> String {
    let manifest = std::fs::read_to_string(repo().join("Cargo.toml")).expect("read Cargo.toml");
    let package = manifest
        .split("[workspace.package]")
        .nth(1)
        .expect("a [workspace.package] table");
    let line = package
        .lines()
        .find(|l| l.trim_start().starts_with("version"))
        .expect("a version in [workspace.package]");
    line.split('"').nth(1).expect("a quoted version").to_owned()
}

/// Every published crate says where its docs are, at its own version: a
/// version bump that forgets `html_root_url` fails here, before links from
/// users' docs point at the previous release.
#[test]
fn html_root_url_is_each_crate_at_the_package_version() {
    let version = version();
    for (dir, name) in [
        ("runtime", "sailpoint-isc"),
        ("codegen/core", "sailpoint-isc-codegen"),
        ("codegen/macro", "sailpoint-isc-macros"),
    ] {
        let manifest = std::fs::read_to_string(repo().join(dir).join("Cargo.toml"))
            .expect("read a crate's Cargo.toml");
        assert!(
            manifest.contains("version.workspace = true")
                && manifest.contains(&format!("name = \"{name}\"")),
            "{dir}/Cargo.toml: not {name} at the workspace's version"
        );
        let lib =
            std::fs::read_to_string(repo().join(dir).join("src/lib.rs")).expect("read lib.rs");
        let attr = format!("#![doc(html_root_url = \"https://docs.rs/{name}/{version}\")]");
        assert!(lib.contains(&attr), "{dir}/src/lib.rs has no {attr}");
        assert_eq!(
            lib.matches("html_root_url").count(),
            1,
            "{dir}/src/lib.rs: one html_root_url"
        );
    }
}

/// The check fails when it should: the same `cargo doc` rejects a bare
/// URL, a link to nothing and an undocumented item, and says so on stderr.
#[test]
fn the_check_rejects_bad_docs() {
    let dir = scratch_crate("bad-docs");
    std::fs::write(dir.join("Cargo.toml"), manifest("bad_docs", "")).expect("write Cargo.toml");
    std::fs::write(
        dir.join("src/lib.rs"),
        "//! Docs rustdoc rejects.\n#![deny(missing_docs)]\n\
         /// See https://example.com and [`Nowhere`].\npub struct Documented;\n\
         pub struct Undocumented;\n",
    )
    .expect("write lib.rs");
    let out = cargo_doc(&dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "cargo doc passed:\n{stderr}");
    for lint in [
        "this URL is not a hyperlink",
        "unresolved link to `Nowhere`",
        "missing documentation for a struct",
    ] {
        assert!(stderr.contains(lint), "no {lint:?} in:\n{stderr}");
    }
}
