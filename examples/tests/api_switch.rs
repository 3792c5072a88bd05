//! The example against the embedded mock tenant, once per API line its
//! `--api` switch picks: each run must reach `FINISHED` on that line's paths
//! and verify the password the mock decrypted.
//!
//! `cargo test` (without `--test`) builds the package's examples before it
//! runs its tests, so the binary is beside this test's own
//! (`target/<profile>/examples/`); `cargo test --test api_switch` alone would
//! run whatever example binary an earlier build left there.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

fn example_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("the test's own path");
    // target/<profile>/deps/api_switch-<hash> → target/<profile>/examples/
    let profile_dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("a target/<profile>/deps directory");
    let binary = profile_dir
        .join("examples")
        .join(format!("change_password{}", std::env::consts::EXE_SUFFIX));
    assert!(
        binary.is_file(),
        "{} is missing: run `cargo test -p sailpoint-isc-examples`, which builds the examples first",
        binary.display()
    );
    binary
}

/// The example with `args` and no `SAIL_*` variables, started.
fn start(args: &[&str]) -> Child {
    Command::new(example_binary())
        .args(args)
        .env_remove("SAIL_BASE_URL")
        .env_remove("SAIL_CLIENT_ID")
        .env_remove("SAIL_CLIENT_SECRET")
        .env_remove("SAIL_NEW_PASSWORD")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example starts")
}

/// Waits for a run that must succeed; returns its stdout.
fn succeeded(child: Child, args: &[&str]) -> String {
    let out = child.wait_with_output().expect("the example runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{args:?} failed\nstdout:\n{stdout}\nstderr:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

fn assert_finished(stdout: &str, api: &str) {
    assert!(
        stdout.lines().any(|l| l == format!("api      : {api}")),
        "{stdout}"
    );
    assert!(
        stdout.lines().any(|l| l.starts_with("final    : FINISHED")),
        "{stdout}"
    );
    assert!(
        stdout.contains("verified : the mock tenant decrypted exactly the password that was sent")
    );
}

#[test]
fn every_api_line_changes_the_password_on_the_mock_tenant() {
    let cases: [(&[&str], &str); 4] = [
        (&[], "v2024"),
        (&["--api", "beta"], "beta"),
        (&["--beta"], "beta"),
        (
            &["--api=password-management"],
            "password-management (per-resource, /set-password/v1)",
        ),
    ];
    // Each run generates an RSA key for its tenant; they run side by side.
    let running: Vec<Child> = cases.iter().map(|(args, _)| start(args)).collect();
    for (child, (args, api)) in running.into_iter().zip(cases) {
        assert_finished(&succeeded(child, args), api);
    }
}

#[test]
fn an_unknown_api_is_refused_before_anything_runs() {
    let out = start(&["--api", "v3"])
        .wait_with_output()
        .expect("the example runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("unknown API \"v3\""), "{stderr}");
}
