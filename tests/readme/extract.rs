//! Turns the Rust blocks of a Markdown file into Rust source, so that cargo
//! compiles them. Used by this crate's `build.rs` on the repository's
//! README.md and by `tests/extract.rs` on small fixtures. Standard library
//! only: a build script's dependencies are not the README's.
//!
//! The rules, which the README states where its recipes begin:
//!
//! - every fenced block has a language: ```` ```rust ```` is compiled;
//!   `sh`, `toml`, `text`, `yaml` and `json` are not code a user compiles;
//!   any other (a block with none, `rust,ignore`, `rust,no_run`) is an error,
//!   so a block cannot opt out of the check;
//! - a Rust block whose first line is `// src/NAME.rs` is the module `NAME`
//!   of the user's crate (items only); `// tests/NAME.rs`, a module of an
//!   integration test (its `#[tokio::test]`s run);
//! - any other Rust block is the body of an
//!   `async fn … -> Result<(), Box<dyn std::error::Error>>`, compiled and
//!   never run: statements, `?` and `.await` work as in `main`;
//! - rustdoc's hidden `# ` lines are refused: a README reader sees them;
//! - blocks that use bindings made by `include_api!` from the upstream specs
//!   (a module block holding `include_api!`, and every block naming one of
//!   those modules as `NAME::`) can be left out when the specs are absent.

use std::collections::BTreeSet;

/// The languages of blocks that are not Rust a user compiles.
pub const NOT_CODE: [&str; 5] = ["sh", "toml", "text", "yaml", "json"];

/// One fenced block.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Line of the opening fence, from 1.
    pub line: usize,
    /// The info string (`rust`, `sh`, …).
    pub lang: String,
    /// The lines between the fences.
    pub code: String,
}

/// Where a Rust block goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The body of a never-run `async fn` in the library.
    Body,
    /// A module of the library (`// src/NAME.rs`).
    Lib,
    /// A module of the integration test (`// tests/NAME.rs`).
    Test,
}

/// A Rust block and where it goes.
#[derive(Debug, Clone, PartialEq)]
pub struct RustBlock {
    /// The block.
    pub block: Block,
    /// Where it goes.
    pub place: Place,
    /// The module name for [`Place::Lib`] and [`Place::Test`].
    pub module: Option<String>,
    /// Whether it holds `include_api!` (bindings from a spec).
    pub bindings: bool,
}

/// The generated sources.
#[derive(Debug, Default)]
pub struct Extracted {
    /// Items for the library (`include!`d by `src/lib.rs`).
    pub lib: String,
    /// Items for the integration test (`include!`d by `tests/readme.rs`).
    pub tests: String,
    /// The Rust blocks compiled.
    pub compiled: Vec<usize>,
    /// The Rust blocks left out because the bindings they use were left out.
    pub left_out: Vec<usize>,
}

/// Every fenced block of `markdown`, or what is wrong with its fences.
pub fn blocks(markdown: &str) -> Result<Vec<Block>, Vec<String>> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut open: Option<(usize, String, String, Vec<&str>)> = None;
    for (i, line) in markdown.lines().enumerate() {
        let n = i + 1;
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        match &mut open {
            None => {
                if let Some(info) = trimmed.strip_prefix("```") {
                    open = Some((n, info.trim().to_owned(), indent.to_owned(), Vec::new()));
                }
            }
            Some((start, lang, ind, lines)) => {
                if trimmed.starts_with("```") {
                    out.push(Block {
                        line: *start,
                        lang: std::mem::take(lang),
                        code: lines.join("\n"),
                    });
                    open = None;
                } else {
                    lines.push(line.strip_prefix(ind.as_str()).unwrap_or(line));
                }
            }
        }
    }
    if let Some((start, ..)) = open {
        errors.push(format!("line {start}: the block is never closed"));
    }
    for b in &out {
        let ok = b.lang == "rust" || NOT_CODE.contains(&b.lang.as_str());
        if !ok {
            errors.push(format!(
                "line {}: a block marked `{}`: mark Rust `rust` (it is compiled) and anything else one of {:?}",
                b.line, b.lang, NOT_CODE
            ));
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Classifies the Rust blocks of `markdown`.
pub fn rust_blocks(markdown: &str) -> Result<Vec<RustBlock>, Vec<String>> {
    let mut errors = Vec::new();
    let mut names = BTreeSet::new();
    let mut out = Vec::new();
    for block in blocks(markdown)?.into_iter().filter(|b| b.lang == "rust") {
        for (k, l) in block.code.lines().enumerate() {
            let t = l.trim_start();
            if t == "#" || t.starts_with("# ") {
                errors.push(format!(
                    "line {}: a hidden `# ` line: README readers see it; write the code out",
                    block.line + 1 + k
                ));
            }
        }
        let first = block.code.lines().next().unwrap_or("").trim();
        let (place, module) = match module_of(first) {
            Some((place, name)) => {
                if !names.insert((place == Place::Test, name.clone())) {
                    errors.push(format!("line {}: a second module `{name}`", block.line));
                }
                (place, Some(name))
            }
            None => (Place::Body, None),
        };
        if place != Place::Test && mentions(&block.code, "mock") {
            errors.push(format!(
                "line {}: the mock server is a dev-dependency: put this in a `// tests/NAME.rs` block",
                block.line
            ));
        }
        let bindings = block.code.contains("include_api!");
        if bindings && module.is_none() {
            errors.push(format!(
                "line {}: `include_api!` outside a `// src/NAME.rs` block",
                block.line
            ));
        }
        out.push(RustBlock {
            block,
            place,
            module,
            bindings,
        });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// `// src/NAME.rs …` or `// tests/NAME.rs …`.
fn module_of(first: &str) -> Option<(Place, String)> {
    let rest = first.strip_prefix("//")?.trim_start();
    let (place, rest) = if let Some(r) = rest.strip_prefix("src/") {
        (Place::Lib, r)
    } else {
        (Place::Test, rest.strip_prefix("tests/")?)
    };
    let name = rest.split(".rs").next()?;
    let ident = !name.is_empty()
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit());
    (ident && rest[name.len()..].starts_with(".rs")).then(|| (place, name.to_owned()))
}

/// Whether `code` names `module` as a path segment (`isc::…`, `crate::isc::…`),
/// not as the end of another name (`sailpoint_isc::…`).
pub fn mentions(code: &str, module: &str) -> bool {
    let pat = format!("{module}::");
    code.match_indices(&pat).any(|(at, _)| {
        !code[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
    })
}

/// The sources for `markdown` (named `source` in comments). With
/// `with_bindings` false, the bindings blocks and every block that uses
/// them are left out.
pub fn extract(
    markdown: &str,
    source: &str,
    with_bindings: bool,
) -> Result<Extracted, Vec<String>> {
    let blocks = rust_blocks(markdown)?;
    let bindings: Vec<&str> = blocks
        .iter()
        .filter(|b| b.bindings)
        .filter_map(|b| b.module.as_deref())
        .collect();
    let mut out = Extracted::default();
    for b in &blocks {
        let line = b.block.line;
        let uses_bindings = b.bindings || bindings.iter().any(|m| mentions(&b.block.code, m));
        if uses_bindings && !with_bindings {
            out.left_out.push(line);
            continue;
        }
        out.compiled.push(line);
        let code = &b.block.code;
        let text = match (&b.place, &b.module) {
            (Place::Body, _) | (_, None) => format!(
                "// {source}:{line}\n\
                 #[allow(unused, redundant_semicolons, clippy::all)]\n\
                 pub async fn readme_line_{line}() -> ::std::result::Result<(), ::std::boxed::Box<dyn ::std::error::Error>> {{\n\
                 {code}\n;\n#[allow(unreachable_code)]\n::std::result::Result::Ok(())\n}}\n\n"
            ),
            (_, Some(name)) => format!("// {source}:{line}\npub mod {name} {{\n{code}\n}}\n\n"),
        };
        match b.place {
            Place::Test => out.tests.push_str(&text),
            _ => out.lib.push_str(&text),
        }
    }
    Ok(out)
}
