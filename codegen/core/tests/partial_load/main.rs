//! The fast load of filtered builds (the partial loader): whatever path a filtered
//! `generate_file` takes, its tokens, diagnostics and files are those of the
//! full load (`generate_file_full`). Each case also says whether the fast
//! path is taken, so a change that silently sends everything to the full
//! load fails here too. The cases are real specs ([`real_specs`]: upstream
//! and this repo's) and small ones written for each rule of the loader
//! ([`written_specs`]).

mod real_specs;
#[path = "../support/mod.rs"]
mod support;
mod written_specs;

use sailpoint_isc_codegen::unstable::load_partial;
use sailpoint_isc_codegen::{generate_file, generate_file_full, Output, Settings};
use std::fs;
use std::path::{Path, PathBuf};

fn write(dir: &Path, rel: &str, text: &str) -> PathBuf {
    let p = dir.join(rel);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).expect("mkdir");
    }
    fs::write(&p, text).expect("write");
    p
}

fn assert_same(what: &str, fast: &Output, full: &Output) {
    assert_eq!(fast.diagnostics, full.diagnostics, "{what}: diagnostics");
    assert_eq!(
        fast.tokens.to_string(),
        full.tokens.to_string(),
        "{what}: tokens"
    );
    assert_eq!(fast.files, full.files, "{what}: files");
}

/// `generate_file` and `generate_file_full` agree on `path`; returns the
/// output and whether the fast path loads it.
fn check(path: &Path, settings: &Settings) -> (Output, bool) {
    let fast = generate_file(path, settings);
    let full = generate_file_full(path, settings);
    assert_same(&format!("{} {settings:?}", path.display()), &fast, &full);
    (fast, load_partial(path, settings).is_some())
}
