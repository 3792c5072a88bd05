//! Running cases: each mutant is loaded, generated and rendered under
//! `catch_unwind` on a thread with the proc macro's stack budget.

use crate::guard::{guarded, install_panic_hook, Watchdog};
use crate::mutate::mutate;
use crate::seeds::{random_settings, SeedSpec};
use crate::support::CASE_STACK;
use crate::{env_u64, DEFAULT_SEED};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use sailpoint_isc_codegen::{generate, load_str, render, Format, Settings};
use std::path::PathBuf;
use std::time::{Duration, Instant};

#[derive(Default)]
pub(crate) struct Tally {
    cases: u64,
    load_errors: u64,
    generated_clean: u64,
    generated_with_diagnostics: u64,
    failures: Vec<String>,
    slowest: Duration,
    mutations: std::collections::BTreeMap<&'static str, u64>,
    /// Load errors by the start of their message.
    load_error_kinds: std::collections::BTreeMap<String, u64>,
}

/// Runs `cases` mutants of `seeds` on a thread with [`CASE_STACK`].
pub(crate) fn run(
    label: &'static str,
    seeds: Vec<SeedSpec>,
    cases: u64,
    max_mutations: usize,
) -> Tally {
    std::thread::Builder::new()
        .name(format!("fuzz-{label}"))
        .stack_size(CASE_STACK)
        .spawn(move || run_on_this_thread(label, &seeds, cases, max_mutations))
        .expect("spawn the fuzz thread")
        .join()
        .expect("the fuzz thread does not panic outside a case")
}

/// One mutant: its text, how it was made, and how it is read.
struct Mutant {
    text: String,
    applied: Vec<&'static str>,
    format: Format,
    ext: &'static str,
}

/// Applies up to `max_mutations` random mutations to `base` and serializes
/// the result as JSON or YAML, sometimes truncated.
fn mutant(rng: &mut StdRng, base: &SeedSpec, max_mutations: usize, tally: &mut Tally) -> Mutant {
    let mut doc = base.doc.clone();
    let n = rng.gen_range(1..=max_mutations);
    let mut applied = Vec::new();
    for _ in 0..n {
        let m = mutate(rng, &mut doc);
        *tally.mutations.entry(m).or_default() += 1;
        applied.push(m);
    }
    let yaml = rng.gen_bool(0.15);
    let mut text = if yaml {
        serde_yaml::to_string(&doc).unwrap_or_default()
    } else {
        serde_json::to_string(&doc).unwrap_or_default()
    };
    if rng.gen_bool(0.1) && !text.is_empty() {
        let mut cut = rng.gen_range(0..text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
        applied.push("truncate");
    }
    let (format, ext) = if yaml {
        (Format::Yaml, "yaml")
    } else {
        (Format::Json, "json")
    };
    Mutant {
        text,
        applied,
        format,
        ext,
    }
}

/// What one case came to, when it did not fail.
enum Outcome {
    /// Loading failed with a diagnostic (the start of its message).
    LoadError(String),
    /// Generated, with this many diagnostics.
    Generated(usize),
}

/// Loads, generates and renders a mutant; `Err` for a failure of the
/// generator (a panic, a load error without diagnostic, unparsable output).
fn evaluate(m: &Mutant, path: &std::path::Path, settings: &Settings) -> Result<Outcome, String> {
    let outcome = guarded(|| match load_str(&m.text, path, m.format) {
        Err(diags) if diags.is_empty() => Err("load failed without a diagnostic".to_owned()),
        Err(diags) => {
            // Every diagnostic must display.
            let _: Vec<String> = diags.iter().map(ToString::to_string).collect();
            let kind: String = diags[0].message.chars().take(40).collect();
            Ok(Outcome::LoadError(kind))
        }
        Ok(doc) => {
            let out = generate(&doc, settings);
            let texts: Vec<String> = out.diagnostics.iter().map(ToString::to_string).collect();
            // Each problem is reported once.
            let mut unique = texts.clone();
            unique.sort();
            unique.dedup();
            if unique.len() != texts.len() {
                return Err(format!("a diagnostic is reported twice: {texts:#?}"));
            }
            match render(&out.tokens) {
                Ok(_) => Ok(Outcome::Generated(out.diagnostics.len())),
                Err(e) => Err(format!("generated tokens do not parse: {e}")),
            }
        }
    });
    match outcome {
        Ok(result) => result,
        Err(panic) => Err(format!("PANIC {panic}")),
    }
}

impl Tally {
    fn count(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::LoadError(kind) => {
                self.load_errors += 1;
                *self.load_error_kinds.entry(kind).or_default() += 1;
            }
            Outcome::Generated(0) => self.generated_clean += 1,
            Outcome::Generated(_) => self.generated_with_diagnostics += 1,
        }
    }

    fn report(&self, label: &str, seed: u64, took: Duration, verbose: bool) {
        eprintln!(
            "fuzz {label}: seed {seed}, {} cases in {:.1?} ({} load errors, {} generated with diagnostics, {} generated clean), slowest case {:.1?}, {} failures (panics or unparsable output)\n  mutations: {:?}",
            self.cases,
            took,
            self.load_errors,
            self.generated_with_diagnostics,
            self.generated_clean,
            self.slowest,
            self.failures.len(),
            self.mutations,
        );
        if verbose {
            eprintln!("  load errors: {:#?}", self.load_error_kinds);
        }
    }
}

fn run_on_this_thread(label: &str, seeds: &[SeedSpec], cases: u64, max_mutations: usize) -> Tally {
    install_panic_hook();
    let seed = env_u64("FUZZ_SEED", DEFAULT_SEED);
    let only = std::env::var("FUZZ_ONLY")
        .ok()
        .and_then(|v| v.parse::<u64>().ok());
    let timeout = Duration::from_secs(env_u64("FUZZ_CASE_TIMEOUT", 120));
    let verbose = std::env::var_os("FUZZ_VERBOSE").is_some();
    let watchdog = Watchdog::start(label.to_owned(), seed, timeout);
    let failure_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fuzz-failures");
    // Relative file references resolve here, where nothing exists.
    let spec_path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fuzz-no-such-dir/spec");
    let mut tally = Tally::default();
    let started = Instant::now();
    for case in 0..cases {
        if only.is_some_and(|o| o != case) {
            continue;
        }
        let mut rng = StdRng::seed_from_u64(
            seed ^ case.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ label.len() as u64,
        );
        let Some(base) = seeds.choose(&mut rng) else {
            return tally;
        };
        let m = mutant(&mut rng, base, max_mutations, &mut tally);
        let settings = random_settings(&mut rng, base);
        let path = spec_path.with_extension(m.ext);
        let (text, applied, ext) = (&m.text, &m.applied, m.ext);
        if verbose {
            eprintln!("{label} case {case} from {}: {applied:?}", base.name);
            let _ = std::fs::create_dir_all(&failure_dir);
            let _ = std::fs::write(failure_dir.join(format!("last.{ext}")), text);
        }
        watchdog.begin(case);
        let t0 = Instant::now();
        let outcome = evaluate(&m, &path, &settings);
        tally.slowest = tally.slowest.max(t0.elapsed());
        watchdog.end();
        tally.cases += 1;
        match outcome {
            Ok(outcome) => tally.count(outcome),
            Err(problem) => {
                let _ = std::fs::create_dir_all(&failure_dir);
                let file = failure_dir.join(format!("{label}-{case}.{ext}"));
                let _ = std::fs::write(&file, text);
                tally.failures.push(format!(
                    "{label} case {case} (FUZZ_SEED={seed} FUZZ_ONLY={case}) from {} with {applied:?}: {problem}\n    mutant: {}",
                    base.name,
                    file.display()
                ));
            }
        }
    }
    tally.report(label, seed, started.elapsed(), verbose);
    tally
}

pub(crate) fn assert_no_failures(tally: &Tally) {
    assert!(
        tally.failures.is_empty(),
        "{} of {} cases failed:\n{}",
        tally.failures.len(),
        tally.cases,
        tally.failures.join("\n")
    );
}
