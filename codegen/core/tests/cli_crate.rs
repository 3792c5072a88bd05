//! The two ways to get generated source into a build compile, with cargo,
//! against this workspace's runtime: a bindings crate written by the CLI's
//! `--crate` (the layout for big specs) and a crate whose `build.rs` uses
//! `build::Builder` and `include!`s the result. One temp workspace holds
//! both, and its binary names items of each.
//!
//! It builds `--offline` with the workspace's `Cargo.lock` into
//! `<target dir>/rebuild-test`, the dir the macro's rebuild test uses
//! (`tests/specs/rebuild.rs`), so the runtime's dependencies are compiled
//! once for both; the first run compiles them (minutes on two cores), later
//! ones take seconds. It cannot build into the workspace's own target dir,
//! which the running `cargo test` holds locked.

mod support;

use sailpoint_isc_codegen::build::Builder;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The cargo build must finish within this (a cold one included).
const BUDGET: Duration = Duration::from_secs(600);

/// One spec file with a suffix, and the multi-file per-resource spec
/// (paths, schemas and `../../shared` files) in the resources form.
const APP_BUILD_RS: &str = r#"use sailpoint_isc_codegen::build::{Builder, Error};

fn main() -> Result<(), Error> {
    Builder::new("spec.yaml").suffix("Beta").write_to_out_dir("beta.rs")?;
    Builder::resources(["password-management"])
        .dir("specs")
        .write_to_out_dir("resources.rs")
}
"#;

const APP_MAIN_RS: &str = r#"mod beta {
    include!(concat!(env!("OUT_DIR"), "/beta.rs"));
}
mod isc {
    include!(concat!(env!("OUT_DIR"), "/resources.rs"));
}

fn main() {
    let client = sailpoint_isc::Client::builder()
        .base_url("http://127.0.0.1:9")
        .bearer_token("unused")
        .build()
        .expect("client");
    let _v2024 = bindings::Api::new(client.clone());
    let _beta = beta::ApiBeta::new(client.clone());
    let _resource = isc::password_management::Api::new(client);
    let query = beta::PasswordInfoQueryDtoBeta::default();
    println!("{} {} {query:?}", bindings::BASE_PATH, beta::BASE_PATH);
}
"#;

fn toml_path(p: &Path) -> String {
    let s = p
        .canonicalize()
        .expect("exists")
        .to_str()
        .expect("UTF-8 path")
        .to_owned();
    assert!(!s.contains('"'), "path would break the TOML string");
    s
}

#[test]
fn a_cli_crate_and_a_build_rs_crate_compile() {
    let deadline = Instant::now() + BUDGET;
    let repo = support::repo_root();
    let ws = tempfile::tempdir().expect("temp dir");
    let root = ws.path();
    let runtime = toml_path(&repo.join("runtime"));
    let codegen = toml_path(&repo.join("codegen/core"));
    fs::write(
        root.join("Cargo.toml"),
        format!(
            "[workspace]\nresolver = \"2\"\nmembers = [\"bindings\", \"app\"]\n\n\
             # The bindings crate asks for sailpoint-isc by version, as from crates.io.\n\
             [patch.crates-io]\nsailpoint-isc = {{ path = \"{runtime}\" }}\n"
        ),
    )
    .expect("workspace manifest");
    fs::copy(repo.join("Cargo.lock"), root.join("Cargo.lock")).expect("Cargo.lock");
    fs::copy(
        repo.join("rust-toolchain.toml"),
        root.join("rust-toolchain.toml"),
    )
    .expect("toolchain");

    // 1. The bindings crate, by the CLI.
    let spec = repo.join("spec/v2024/password-management.yaml");
    let out = Command::new(env!("CARGO_BIN_EXE_sailpoint-isc-codegen"))
        .arg(&spec)
        .args(["--crate", "bindings", "--name", "bindings"])
        .current_dir(root)
        .output()
        .expect("run the CLI");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let manifest = fs::read_to_string(root.join("bindings/Cargo.toml")).expect("Cargo.toml");
    let pin = format!("sailpoint-isc = \"={}\"", env!("CARGO_PKG_VERSION"));
    assert!(
        manifest.contains("name = \"bindings\"") && manifest.contains(&pin),
        "{manifest}"
    );
    let entries: Vec<_> = fs::read_dir(root.join("bindings"))
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(entries.len(), 2, "Cargo.toml and src/ only: {entries:?}");
    let lib = fs::read_to_string(root.join("bindings/src/lib.rs")).expect("lib.rs");
    assert!(lib.starts_with("// @generated"), "{lib:.300}");

    // A second run keeps an edited manifest and rewrites nothing else.
    let edited = format!("{manifest}# edited by hand\n");
    fs::write(root.join("bindings/Cargo.toml"), &edited).expect("edit");
    let again = Command::new(env!("CARGO_BIN_EXE_sailpoint-isc-codegen"))
        .arg(&spec)
        .args(["--crate", "bindings"])
        .current_dir(root)
        .output()
        .expect("run the CLI");
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert_eq!(
        fs::read_to_string(root.join("bindings/Cargo.toml")).expect("read"),
        edited
    );
    assert_eq!(
        fs::read_to_string(root.join("bindings/src/lib.rs")).expect("read"),
        lib
    );

    // 2. The app: its build.rs generates the beta bindings.
    fs::create_dir_all(root.join("app/src")).expect("app/src");
    fs::write(
        root.join("app/Cargo.toml"),
        format!(
            "[package]\nname = \"app\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             [dependencies]\nbindings = {{ path = \"../bindings\" }}\nsailpoint-isc = {{ path = \"{runtime}\" }}\n\n\
             [build-dependencies]\nsailpoint-isc-codegen = {{ path = \"{codegen}\" }}\n"
        ),
    )
    .expect("app manifest");
    fs::copy(
        repo.join("spec/beta/password-management.yaml"),
        root.join("app/spec.yaml"),
    )
    .expect("spec");
    for part in ["password-management", "shared"] {
        copy_dir(
            &repo.join("spec").join(part),
            &root.join("app/specs").join(part),
        );
    }
    fs::write(root.join("app/build.rs"), APP_BUILD_RS).expect("build.rs");
    fs::write(root.join("app/src/main.rs"), APP_MAIN_RS).expect("main.rs");

    // `cargo fmt --check` in the user's workspace leaves the bindings be.
    let fmt = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args(["fmt", "--check", "-p", "bindings"])
        .current_dir(root)
        // `cargo fmt` resolves the workspace through `cargo metadata`.
        .env("CARGO_NET_OFFLINE", "true")
        .output()
        .expect("run cargo fmt");
    assert!(
        fmt.status.success(),
        "{}",
        String::from_utf8_lossy(&fmt.stdout)
    );

    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target dir")
        .join("rebuild-test");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let logs = tempfile::tempdir().expect("log dir");
    let err_path = logs.path().join("stderr");
    let out_path = logs.path().join("stdout");
    let mut child = Command::new(cargo)
        .args([
            "build",
            "--offline",
            "--color",
            "never",
            "-p",
            "app",
            "--message-format=json",
        ])
        .current_dir(root)
        .env("CARGO_TARGET_DIR", &target)
        .env_remove("CARGO_BUILD_TARGET_DIR")
        .stdin(Stdio::null())
        .stdout(fs::File::create(&out_path).expect("stdout file"))
        .stderr(fs::File::create(&err_path).expect("stderr file"))
        .spawn()
        .expect("spawn cargo");
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for cargo") {
            break status;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("cargo build did not finish within {BUDGET:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let stderr = fs::read_to_string(&err_path).unwrap_or_default();
    assert!(status.success(), "cargo build failed:\n{stderr}");

    let exe = target
        .join("debug")
        .join(format!("app{}", std::env::consts::EXE_SUFFIX));
    let run = Command::new(&exe).output().expect("run the app");
    assert!(run.status.success(), "{run:?}");
    let printed = String::from_utf8(run.stdout).expect("UTF-8");
    assert!(
        printed.starts_with("/v2024 /beta PasswordInfoQueryDtoBeta"),
        "{printed}"
    );

    // The build script told cargo about the spec it read (its `output`
    // file sits beside its OUT_DIR).
    let messages = fs::read_to_string(&out_path).expect("cargo's messages");
    let out_dir = messages
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|m| {
            m["reason"] == "build-script-executed"
                && m["package_id"]
                    .as_str()
                    .is_some_and(|id| id.contains("/app#") || id.starts_with("app "))
        })
        .and_then(|m| m["out_dir"].as_str().map(PathBuf::from))
        .expect("the app's build script ran");
    let output = fs::read_to_string(out_dir.with_file_name("output")).expect("build script output");
    let app = root.join("app");
    let tracked: BTreeSet<PathBuf> = output
        .lines()
        .filter_map(|l| l.strip_prefix("cargo:rerun-if-changed="))
        .map(|f| app.join(f).canonicalize().expect("a tracked file exists"))
        .collect();
    // Every file either spec reads, the multi-file one's `$ref`s included.
    let read = Builder::resources(["password-management"])
        .dir(app.join("specs"))
        .generate()
        .expect("generates");
    let mut expected: BTreeSet<PathBuf> = read
        .files()
        .iter()
        .map(|f| f.canonicalize().expect("exists"))
        .collect();
    expected.insert(app.join("spec.yaml").canonicalize().expect("exists"));
    assert!(expected.len() > 10, "{expected:?}");
    assert_eq!(tracked, expected, "{output}");
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create dir");
    for entry in fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
