//! The README check itself: the extractor on fixtures (a broken block fails
//! to compile, a block cannot opt out), this crate's dependencies against
//! the README's dependency blocks, and the "Quick start" commands against
//! `.ci/run`.

#[allow(dead_code)]
#[path = "../extract.rs"]
mod extract;

use std::path::{Path, PathBuf};
use std::process::Command;

const README: &str = include_str!("../../../README.md");
const MANIFEST: &str = include_str!("../Cargo.toml");
const CI_RUN: &str = include_str!("../../../.ci/run");

/// Compiles `source` as a library crate with the compiler that built this
/// crate; `Err` holds the compiler's messages.
fn compile(name: &str, source: &str) -> Result<(), String> {
    let dir = PathBuf::from(env!("OUT_DIR")).join(format!("fixture-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("lib.rs");
    std::fs::write(&file, source).unwrap();
    let out = Command::new(env!("README_RUSTC"))
        .args([
            "--edition",
            "2024",
            "--crate-type",
            "lib",
            "--emit",
            "metadata",
            "--crate-name",
        ])
        .arg(name)
        .arg("--out-dir")
        .arg(&dir)
        .arg(&file)
        .output()
        .expect("rustc runs");
    let _ = std::fs::remove_dir_all(&dir);
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

const GOOD: &str = r#"# A fixture

```sh
cargo run
```

```rust
// src/shapes.rs
pub fn area(w: u32, h: u32) -> u32 {
    w * h
}
```

```rust
use crate::shapes::area;

let a = area(2, 3);
let parsed: u32 = "6".parse()?; // `?` works: the body of an async fn returning Result
assert_eq!(a, parsed);
std::future::ready(()).await; // and `.await`
```

```text
not code
```
"#;

#[test]
fn a_fixture_whose_blocks_compile_compiles() {
    let out = extract::extract(GOOD, "FIXTURE.md", true).unwrap();
    assert_eq!(out.compiled, [7, 14]);
    assert_eq!(compile("good", &out.lib), Ok(()));
}

#[test]
fn a_block_that_does_not_compile_fails_and_names_its_line() {
    let broken = GOOD.replace(
        r#"let parsed: u32 = "6".parse()?;"#,
        r#"let parsed: u32 = "6";"#,
    );
    let out = extract::extract(&broken, "FIXTURE.md", true).unwrap();
    let errors = compile("broken", &out.lib).unwrap_err();
    assert!(errors.contains("mismatched types"), "{errors}");
    // The function holding the block is named after its line in the file.
    assert!(out.lib.contains("// FIXTURE.md:14\n"), "{}", out.lib);
    assert!(out.lib.contains("readme_line_14"), "{}", out.lib);
}

#[test]
fn a_block_cannot_opt_out_of_the_check() {
    for (fence, why) in [
        ("```rust,ignore", "a block marked `rust,ignore`"),
        ("```rust,no_run", "a block marked `rust,no_run`"),
        ("```", "a block marked ``"),
        ("```python", "a block marked `python`"),
    ] {
        let text = GOOD.replacen("```rust\nuse crate", &format!("{fence}\nuse crate"), 1);
        let errors = extract::extract(&text, "FIXTURE.md", true).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("line 14: ") && errors[0].contains(why),
            "{errors:?}"
        );
    }
    let hidden = GOOD.replace("let a = area(2, 3);", "# let a = area(2, 3);");
    let errors = extract::extract(&hidden, "FIXTURE.md", true).unwrap_err();
    assert!(
        errors[0].starts_with("line 17: a hidden `# ` line"),
        "{errors:?}"
    );
    let open = format!("{GOOD}\n```rust\nlet x = 1;\n");
    let errors = extract::extract(&open, "FIXTURE.md", true).unwrap_err();
    assert!(errors[0].contains("never closed"), "{errors:?}");
}

#[test]
fn the_mock_server_only_in_test_blocks() {
    let text = GOOD.replace(
        "let a = area(2, 3);",
        "let a = sailpoint_isc::mock::MockServer::start();",
    );
    let errors = extract::extract(&text, "FIXTURE.md", true).unwrap_err();
    assert!(errors[0].contains("dev-dependency"), "{errors:?}");
}

#[test]
fn blocks_using_spec_bindings_are_left_out_without_the_spec() {
    let text = format!(
        "{GOOD}\n```rust\n// src/isc.rs\nsailpoint_isc::include_api!(\"specs/x.yaml\");\n```\n\n```rust\nlet api = crate::isc::Api::new(todo!());\n```\n\n```rust\nlet c = sailpoint_isc::Client::from_env()?;\n```\n"
    );
    let with = extract::extract(&text, "FIXTURE.md", true).unwrap();
    let without = extract::extract(&text, "FIXTURE.md", false).unwrap();
    assert_eq!(with.compiled.len(), 5);
    assert_eq!(
        without.compiled.len(),
        3,
        "`sailpoint_isc::` is not `isc::`"
    );
    assert_eq!(without.left_out.len(), 2);
}

#[test]
fn every_rust_block_of_the_readme_is_extracted() {
    let blocks = extract::blocks(README).unwrap();
    let rust = blocks.iter().filter(|b| b.lang == "rust").count();
    let out = extract::extract(README, "README.md", true).unwrap();
    assert_eq!(out.compiled.len(), rust);
    assert!(out.left_out.is_empty());
    assert!(rust >= 20, "{rust} Rust blocks");
    assert!(
        out.tests.contains("#[tokio::test]"),
        "the README's tests run"
    );
}

/// `(name, sorted features)` of every dependency in the `[section]` tables
/// of `toml`, for the simple one-line form both files use; versions are not
/// compared (this crate's are path dependencies).
fn deps(toml: &str, section: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    let mut inside = false;
    for line in toml.lines() {
        let line = line.split(" #").next().unwrap_or("").trim();
        if line.starts_with('[') {
            inside = line == format!("[{section}]");
            continue;
        }
        let Some((name, value)) = line.split_once('=') else {
            continue;
        };
        if !inside || line.starts_with('#') {
            continue;
        }
        let mut features: Vec<String> = value
            .split_once("features = [")
            .map(|(_, f)| f.split(']').next().unwrap_or(""))
            .unwrap_or("")
            .split(',')
            .map(|f| f.trim().trim_matches('"').to_owned())
            .filter(|f| !f.is_empty())
            .collect();
        if value.contains("default-features = false") {
            features.push("(no default features)".to_owned());
        }
        let name = name.trim().to_owned();
        match out.iter_mut().find(|(n, _)| *n == name) {
            Some((_, fs)) => fs.append(&mut features),
            None => out.push((name, features)),
        }
    }
    for (_, fs) in &mut out {
        fs.sort();
        fs.dedup();
    }
    out.sort();
    out
}

#[test]
fn this_crate_depends_on_exactly_what_the_readme_lists() {
    let toml_blocks: String = extract::blocks(README)
        .unwrap()
        .into_iter()
        .filter(|b| b.lang == "toml")
        .map(|b| b.code + "\n")
        .collect();
    for section in ["dependencies", "dev-dependencies"] {
        let listed = deps(&toml_blocks, section);
        assert!(!listed.is_empty(), "the README lists no [{section}]");
        assert_eq!(
            deps(MANIFEST, section),
            listed,
            "[{section}] of tests/readme/Cargo.toml"
        );
    }
}

#[test]
fn ci_runs_the_quick_start_commands() {
    let quick = &README[README.find("## Quick start").unwrap()..];
    let block = extract::blocks(quick).unwrap().remove(0);
    assert_eq!(block.lang, "sh");
    let commands: Vec<&str> = block
        .code
        .lines()
        .map(|l| l.split(" #").next().unwrap_or("").trim())
        .collect();
    assert_eq!(
        commands,
        [
            "cargo run --locked --example change_password",
            "cargo test --workspace --locked"
        ]
    );
    for c in commands {
        let c = c.strip_prefix("cargo ").unwrap();
        let args: Vec<&str> = c.split(' ').collect();
        // `.ci/run` runs each one, with the same arguments (and maybe more).
        let found = CI_RUN.lines().any(|l| {
            let l = l.trim();
            l.contains("cargo ") && args.iter().all(|a| l.split(' ').any(|w| w == *a))
        });
        assert!(found, "`.ci/run` does not run `cargo {c}`");
    }
    assert!(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../.ci/run")
            .is_file()
    );
}
