//! The partial loader: a fast load for filtered builds.
//!
//! `include_api!(…, tags = ["Sources"])` on SailPoint's full spec (3 MB of
//! YAML) keeps a few dozen operations, yet a full load parses, checks and
//! types every line of it: most of a second in the unoptimized build a proc
//! macro runs in. This module reads only what the filter can reach:
//!
//! 1. [`scan`] and [`outline`]: the root file is cut into pieces by
//!    looking at lines alone, without parsing: its top-level keys, the
//!    entries of `paths`, and the entries of each section of `components`.
//!    Anything unexpected at those levels (flow style, tabs, document
//!    markers, uneven indentation, keys whose parsed form is not plain to
//!    see, duplicate keys, anchors anywhere) makes it give up.
//! 2. [`pruner`]: the small top-level sections the generator reads are
//!    parsed whole; `x-…`, `tags` and `externalDocs` only when a reference
//!    points into them. Of `paths`, the entries whose text could hold a
//!    kept operation are parsed (those that mention a filter entry,
//!    possibly folded across lines, and those a substring test cannot see
//!    into: a `$ref`, an escape sequence), and kept if they do hold one.
//! 3. Local `$ref`s are followed from what is kept, transitively, and only
//!    the entries they reach are parsed. Component schemas that are
//!    themselves a `$ref` are always read: the generator names their target
//!    after them.
//! 4. [`assemble`] puts the parsed pieces back together in the file's
//!    order. The pruned document goes through the rest of the ordinary
//!    pipeline ([`crate::load`]: bundling of the other files it refers to,
//!    normalizing, schema checks, typing). Then every component schema not
//!    reached is put back as an empty schema, because the generator claims
//!    the Rust names of all of them, in spec order, whatever the filter.
//!
//! The partial load is `None` whenever it gave up or anything reported a
//! problem: a piece did not parse, a later stage found an error, or a filter
//! entry names nothing in the pruned document. [`crate::load`] then loads
//! the whole file (as it also does when what is built from the pruned
//! document reports anything), so every diagnostic is exactly the
//! full load's, with its line numbers, and so are the "did you mean" hints
//! for a misspelt filter entry. An operation without an `operationId` is
//! never found by its derived name here, so a filter naming one always
//! loads the whole file.
//!
//! What is not parsed is not checked: a syntax error or an invalid schema in
//! a part of the file the filter does not reach is reported by an unfiltered
//! build only, and files referred to from those parts are not read (nor
//! tracked by cargo: a change there cannot change the output without a
//! change to the root file).

mod assemble;
mod outline;
mod pruner;
mod scan;

pub(crate) use assemble::restore_schema_names;

use crate::filter::OperationFilter;
use outline::Outline;
use pruner::Pruner;
use serde_json::Value;
use std::path::Path;

/// The root file pruned to what a filter reaches.
#[derive(Debug)]
pub(crate) struct Pruned {
    /// The pruned document, ready for the rest of the load.
    pub(crate) raw: Value,
    /// The names of all component schemas of the file, in file order, for
    /// [`restore_schema_names`].
    pub(crate) schema_names: Vec<String>,
}

/// The root file's `text`, which came from `path`, pruned to what `filter`
/// reaches; `None` when there is no filter, a filter entry may not be found
/// by searching the text, or the file is not of the shape the outline
/// reads.
pub(crate) fn prune(text: &str, path: &Path, filter: OperationFilter<'_>) -> Option<Pruned> {
    let needles: Vec<&str> = filter.entries().collect();
    if needles.is_empty() || !needles.iter().all(|n| pruner::searchable(n)) {
        return None;
    }
    let outline = Outline::split(text)?;
    let (raw, schema_names) = Pruner::new(text, path, &outline, filter).run(&needles)?;
    Some(Pruned { raw, schema_names })
}

#[cfg(test)]
mod tests {
    use crate::load::{load_partial_text, Format};
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};
    use std::path::Path;

    /// What the mutants insert into a line.
    const PIECES: [&str; 28] = [
        " ",
        "  ",
        "\t",
        "-",
        "- ",
        ":",
        ": ",
        "\"",
        "'",
        "&a ",
        "*a",
        "#",
        "|",
        ">-",
        "{",
        "[",
        "\\",
        "é",
        "$ref: '#/components/schemas/PasswordStatus'",
        "---",
        "? ",
        "\r",
        "Password Management",
        "x-a:",
        "  /b:",
        "paths:",
        "components:",
        "schemas:",
    ];

    /// The spec's `lines` with one to three random edits.
    fn mutant(lines: &[&str], rng: &mut StdRng) -> String {
        let mut mutant: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
        for _ in 0..rng.gen_range(1..4) {
            let i = rng.gen_range(0..mutant.len());
            match rng.gen_range(0..5) {
                0 => {
                    mutant.remove(i);
                }
                1 => {
                    let line = mutant[i].clone();
                    mutant.insert(i, line);
                }
                2 => {
                    let piece = PIECES[rng.gen_range(0..PIECES.len())];
                    let line = &mut mutant[i];
                    let at = rng.gen_range(0..=line.chars().count());
                    let byte = line.char_indices().nth(at).map_or(line.len(), |(b, _)| b);
                    line.insert_str(byte, piece);
                }
                3 => {
                    let line = &mut mutant[i];
                    let keep = rng.gen_range(0..=line.chars().count());
                    *line = line.chars().take(keep).collect();
                }
                _ => mutant.truncate(i + 1),
            }
        }
        mutant.join("\n")
    }

    /// Random edits of a real spec's lines never panic, and whenever the fast
    /// path loads a mutant that the full load also accepts, the two generate
    /// the same thing.
    #[test]
    fn mutants_never_panic_and_agree_with_the_full_load() {
        let spec = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../spec/v2024/password-management.yaml"),
        )
        .unwrap();
        let lines: Vec<&str> = spec.lines().collect();
        let settings = crate::Settings::default().with_tags(["Password Management"]);
        let path = Path::new("mutant.yaml");
        let mut rng = StdRng::seed_from_u64(7);
        let mut agreed = 0;
        for _ in 0..300 {
            let text = mutant(&lines, &mut rng);
            let fast = load_partial_text(&text, path, settings.filter());
            let Some(doc) = fast else { continue };
            let out = crate::generate(&doc, &settings);
            if !out.diagnostics.is_empty() {
                continue;
            }
            if let Ok(full) = crate::load_str(&text, path, Format::Yaml) {
                let whole = crate::generate(&full, &settings);
                assert_eq!(out.diagnostics, whole.diagnostics, "{text}");
                assert_eq!(out.tokens.to_string(), whole.tokens.to_string(), "{text}");
                agreed += 1;
            }
        }
        assert!(agreed > 50, "only {agreed} mutants took the fast path");
    }
}
