//! `include_api!` makes cargo rebuild when the spec changes: a small crate in a
//! temp dir is built, its spec (and nothing else) is edited, and the next
//! build regenerates the bindings with the new property, no `.rs` touched.
//!
//! The temp crate builds into `<target dir>/rebuild-test` so that repeated
//! runs reuse its compiled dependencies; the first run compiles them (a few
//! minutes on two cores). Run with `--nocapture` to see the timings.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Every cargo invocation of the test together must finish within this.
const BUDGET: Duration = Duration::from_secs(600);
/// The temp crate's package name, as cargo prints it in `Compiling …`.
const PROBE: &str = "rebuild-probe";

fn workspace_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
}

/// Runs cargo in one crate dir against a shared target dir, all within one
/// deadline.
struct Cargo {
    crate_dir: PathBuf,
    target_dir: PathBuf,
    logs: tempfile::TempDir,
    deadline: Instant,
}

struct Finished {
    stdout: String,
    stderr: String,
}

impl Cargo {
    fn build(&self, what: &str) -> Finished {
        self.run(what, &["build", "--offline", "--color", "never"])
    }

    /// Runs `cargo args…`, killing it at the deadline; panics unless it
    /// succeeds. Output goes to files, so a chatty child never blocks on a
    /// full pipe.
    fn run(&self, what: &str, args: &[&str]) -> Finished {
        let out_path = self.logs.path().join("stdout");
        let err_path = self.logs.path().join("stderr");
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let started = Instant::now();
        let mut child = Command::new(cargo)
            .args(args)
            .current_dir(&self.crate_dir)
            .env("CARGO_TARGET_DIR", &self.target_dir)
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
            if Instant::now() >= self.deadline {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "{what}: cargo did not finish within the {BUDGET:?} budget\n{}",
                    fs::read_to_string(&err_path).unwrap_or_default()
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        };
        let elapsed = started.elapsed();
        let stdout = fs::read_to_string(&out_path).expect("read stdout");
        let stderr = fs::read_to_string(&err_path).expect("read stderr");
        println!("{what}: `cargo {}` took {elapsed:.1?}", args.join(" "));
        assert!(
            status.success(),
            "{what}: cargo {} failed ({status})\n{stderr}",
            args.join(" ")
        );
        Finished { stdout, stderr }
    }

    /// Runs the probe's binary, as built by the last `build`.
    fn run_probe(&self) -> String {
        let exe = self
            .target_dir
            .join("debug")
            .join(format!("{PROBE}{}", std::env::consts::EXE_SUFFIX));
        let out = Command::new(&exe).output().expect("run the probe");
        assert!(out.status.success(), "{} failed: {out:?}", exe.display());
        String::from_utf8(out.stdout).expect("UTF-8 output")
    }
}

fn recompiled(build: &Finished, package: &str) -> bool {
    build.stderr.lines().any(|l| {
        l.trim_start()
            .starts_with(&format!("Compiling {package} v"))
    })
}

const CARGO_TOML: &str = r#"[package]
name = "rebuild-probe"
version = "0.1.0"
edition = "2021"
publish = false

# Not part of any enclosing workspace, wherever the temp dir is.
[workspace]

[dependencies]
sailpoint-isc = { path = "RUNTIME" }
tokio = { version = "1", features = ["rt-multi-thread", "macros"] }
serde_json = "1"
"#;

/// Prints the `Debug` of a default `PasswordInfoQueryDto`: it lists every
/// field the generated struct has, whatever the spec currently says.
const MAIN_RS: &str = r#"#[allow(dead_code)]
mod api {
    sailpoint_isc::include_api!("spec.yaml");
}

#[tokio::main]
async fn main() {
    let query = api::PasswordInfoQueryDto {
        user_name: Some("Abby.Smith".into()),
        ..Default::default()
    };
    println!("{query:?}");
}
"#;

/// The third step: code that names the property added to the spec.
const MAIN_RS_USING_NICKNAME: &str = r#"#[allow(dead_code)]
mod api {
    sailpoint_isc::include_api!("spec.yaml");
}

#[tokio::main]
async fn main() {
    let query = api::PasswordInfoQueryDto {
        user_name: Some("Abby.Smith".into()),
        source_name: None,
        nickname: Some("Abby".into()),
        extra: Default::default(),
    };
    println!("{}", serde_json::to_string(&query).expect("serializes"));
}
"#;

/// Adds `nickname: {type: string}` as the first property of
/// `PasswordInfoQueryDTO`.
fn add_nickname(spec: &str) -> String {
    let schema = "\n    PasswordInfoQueryDTO:\n";
    let at = spec.find(schema).expect("spec has PasswordInfoQueryDTO") + schema.len();
    let props = "      properties:\n";
    let rel = spec[at..]
        .find(props)
        .expect("PasswordInfoQueryDTO has properties");
    let insert_at = at + rel + props.len();
    let mut edited = spec.to_owned();
    edited.insert_str(
        insert_at,
        "        nickname:\n          type: string\n          description: A name the user goes by\n",
    );
    edited
}

#[test]
fn editing_the_spec_regenerates_without_touching_rust_sources() {
    let deadline = Instant::now() + BUDGET;
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let ws = workspace_dir();
    let runtime = ws.join("runtime").canonicalize().expect("runtime dir");
    let runtime = runtime.to_str().expect("UTF-8 path");
    assert!(!runtime.contains('"'), "path would break the TOML string");

    fs::create_dir_all(root.join("src")).expect("src dir");
    fs::write(
        root.join("Cargo.toml"),
        CARGO_TOML.replace("RUNTIME", runtime),
    )
    .expect("Cargo.toml");
    // The workspace's lockfile pins the same dependency versions the workspace
    // was built with, which also keeps `--offline` resolvable.
    fs::copy(ws.join("Cargo.lock"), root.join("Cargo.lock")).expect("Cargo.lock");
    fs::copy(
        ws.join("rust-toolchain.toml"),
        root.join("rust-toolchain.toml"),
    )
    .expect("rust-toolchain.toml");
    let spec_path = root.join("spec.yaml");
    let spec = fs::read_to_string(ws.join("spec/v2024/password-management.yaml"))
        .expect("the repository's v2024 spec");
    fs::write(&spec_path, &spec).expect("spec.yaml");
    let main_path = root.join("src/main.rs");
    fs::write(&main_path, MAIN_RS).expect("main.rs");

    let cargo = Cargo {
        crate_dir: root.to_owned(),
        // `CARGO_TARGET_TMPDIR` is `<target dir>/tmp`.
        target_dir: Path::new(env!("CARGO_TARGET_TMPDIR"))
            .parent()
            .expect("target dir")
            .join("rebuild-test"),
        logs: tempfile::tempdir().expect("log dir"),
        deadline,
    };

    // 1. The first build generates the bindings from the spec as shipped.
    let first = cargo.build("1st build (spec as shipped)");
    assert!(recompiled(&first, PROBE), "{}", first.stderr);
    let before = cargo.run_probe();
    assert!(
        before.contains("user_name: Some(\"Abby.Smith\")"),
        "{before}"
    );
    assert!(!before.contains("nickname"), "{before}");

    // Control: with nothing changed the crate is fresh, so the rebuild below
    // is caused by the edit, not by a macro that always reruns.
    let unchanged = cargo.build("2nd build (nothing changed)");
    assert!(!recompiled(&unchanged, PROBE), "{}", unchanged.stderr);

    // 2. Edit the spec and nothing else. The pause only makes sure the edit
    // gets a later mtime than the first build even on a file system with
    // coarse timestamps; no file is touched.
    let main_mtime = fs::metadata(&main_path)
        .and_then(|m| m.modified())
        .expect("mtime");
    std::thread::sleep(Duration::from_millis(1100));
    let edited = add_nickname(&spec);
    assert_ne!(edited, spec);
    fs::write(&spec_path, &edited).expect("edit spec.yaml");

    let after_edit = cargo.build("3rd build (spec edited, no .rs touched)");
    assert!(
        recompiled(&after_edit, PROBE),
        "editing only the spec must recompile the crate:\n{}",
        after_edit.stderr
    );
    assert!(
        !recompiled(&after_edit, "sailpoint-isc"),
        "only the crate holding the spec is rebuilt:\n{}",
        after_edit.stderr
    );
    assert_eq!(fs::read_to_string(&main_path).expect("main.rs"), MAIN_RS);
    assert_eq!(
        fs::metadata(&main_path)
            .and_then(|m| m.modified())
            .expect("mtime"),
        main_mtime,
        "src/main.rs must not have been touched"
    );
    let after = cargo.run_probe();
    assert!(
        after.contains("nickname: None"),
        "the regenerated struct has the new field: {after}"
    );

    // 3. Code can use the new field.
    fs::write(&main_path, MAIN_RS_USING_NICKNAME).expect("main.rs");
    let using = cargo.build("4th build (main.rs uses the new field)");
    assert!(recompiled(&using, PROBE), "{}", using.stderr);
    let json = cargo.run_probe();
    assert_eq!(
        json.trim(),
        r#"{"nickname":"Abby","userName":"Abby.Smith"}"#,
        "stdout: {}",
        using.stdout
    );
}
