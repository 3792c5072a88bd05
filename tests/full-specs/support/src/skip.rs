//! Tests whose inputs live outside the repo (`../shared`, a running Prism)
//! print `SKIPPED` when the input is absent, and fail under `CI=true`, so a
//! CI run can never pass by skipping.

/// Reports a skipped test: prints `SKIPPED: {why}`, and panics when the
/// environment variable `CI` is `true`.
pub fn skipped(why: &str) {
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("CI=true but this test cannot run: {why}");
    }
    eprintln!("SKIPPED: {why}");
}
