//! A fast load for filtered builds.
//!
//! `include_api!(…, tags = ["Sources"])` on SailPoint's full spec (3 MB of
//! YAML) keeps a few dozen operations, yet a full load parses, checks and
//! types every line of it: most of a second in the unoptimized build a proc
//! macro runs in. This module reads only what the filter can reach:
//!
//! 1. The root file is cut into pieces by looking at lines alone, without
//!    parsing: its top-level keys, the entries of `paths`, and the entries of
//!    each section of `components`. Anything unexpected at those levels
//!    (flow style, tabs, document markers, uneven indentation, keys whose
//!    parsed form is not plain to see, duplicate keys, anchors anywhere)
//!    makes it give up.
//! 2. The small top-level sections the generator reads are parsed whole;
//!    `x-…`, `tags` and `externalDocs` only when a reference points into
//!    them. Of `paths`, the entries whose text could hold a kept operation
//!    are parsed (those that mention a filter entry, possibly folded across
//!    lines, and those a substring test cannot see into: a `$ref`, an
//!    escape sequence), and kept if they do hold one.
//! 3. Local `$ref`s are followed from what is kept, transitively, and only
//!    the entries they reach are parsed. Component schemas that are
//!    themselves a `$ref` are always read: the generator names their target
//!    after them.
//! 4. The pruned document goes through the rest of the ordinary pipeline
//!    ([`crate::load`]: bundling of the other files it refers to,
//!    normalizing, schema checks, typing). Then every component schema not
//!    reached is put back as an empty schema, because the generator claims
//!    the Rust names of all of them, in spec order, whatever the filter.
//!
//! [`load`] returns `None` whenever it gave up or anything reported a
//! problem: a piece did not parse, a later stage found an error, or a filter
//! entry names nothing in the pruned document. [`crate::generate_file`]
//! then loads the whole file (as it also does when generating from the
//! pruned document reports anything), so every diagnostic is exactly the
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

use crate::diag::unescape_segment;
use crate::load::{parse_yaml, Document, Format};
use crate::Settings;
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;

/// The document under `path`, reduced to what the filter in `settings` can
/// reach, or `None` when there is no filter, the file is not YAML of the
/// expected shape, or anything reported a problem (the caller then loads
/// the whole file with [`crate::load_file`]).
pub fn load(path: &Path, settings: &Settings) -> Option<Document> {
    if settings.operations.is_empty() && settings.tags.is_empty() {
        return None;
    }
    if Format::from_path(path) != Format::Yaml {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    load_text(&text, path, settings)
}

/// [`load`] on the root file's text.
fn load_text(text: &str, path: &Path, settings: &Settings) -> Option<Document> {
    let needles: Vec<&str> = settings
        .operations
        .iter()
        .chain(&settings.tags)
        .map(String::as_str)
        .collect();
    if needles.is_empty() || !needles.iter().all(|n| searchable(n)) {
        return None;
    }
    let outline = Outline::split(text)?;
    let (raw, schema_names) = Pruner::new(text, path, &outline, settings).run(&needles)?;
    let mut doc = crate::load::load_value(raw, path).ok()?;
    restore_schema_names(&mut doc.api, schema_names);
    if !crate::check_filter(&doc, settings).is_empty() {
        return None;
    }
    Some(doc)
}

/// Whether a filter entry, if present in the parsed document, is sure to
/// appear in the file's text as written or folded across lines: no quotes,
/// escapes or control characters, and single spaces between words.
fn searchable(needle: &str) -> bool {
    !needle.is_empty()
        && !needle.starts_with(' ')
        && !needle.ends_with(' ')
        && !needle.contains("  ")
        && !needle.chars().any(|c| {
            c.is_control() || c == '\\' || c == '\'' || c == '"' || (c.is_whitespace() && c != ' ')
        })
}

/// Whether `text` could hold `needle` as a string: written out, or folded
/// across lines (YAML turns a line break and the indentation after it into
/// one space in plain and quoted scalars).
fn mentions(text: &str, needle: &str) -> bool {
    if text.contains(needle) {
        return true;
    }
    let mut words = needle.split(' ');
    let Some(first) = words.next() else {
        return false;
    };
    let rest: Vec<&str> = words.collect();
    if rest.is_empty() {
        return false;
    }
    text.match_indices(first).any(|(i, _)| {
        let mut tail = text.get(i + first.len()..).unwrap_or("");
        rest.iter().all(|word| {
            let after = tail.trim_start_matches([' ', '\t', '\r', '\n']);
            if after.len() == tail.len() {
                return false;
            }
            match after.strip_prefix(word) {
                Some(t) => {
                    tail = t;
                    true
                }
                None => false,
            }
        })
    })
}

/// What a line of the root file is, as far as cutting it up is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Nothing but whitespace.
    Blank,
    /// A comment.
    Comment,
    /// Inside a scalar that began on an earlier line: a block scalar's text,
    /// or the continuation of a plain or quoted one.
    Scalar,
    /// Structure: a key, a sequence entry, part of a flow collection.
    Node,
    /// Indented deeper than any level the file is cut at, and not looked
    /// into: structure or scalar text, it belongs to the entry above it.
    Deep,
}

/// One line of the root file.
#[derive(Debug, Clone, Copy)]
struct Line {
    /// Byte offset of its first character.
    start: usize,
    /// Byte offset past its line break (or the end of the text).
    next: usize,
    /// Leading spaces.
    indent: usize,
    kind: Kind,
}

/// The root file's lines, classified.
#[derive(Debug)]
struct Scan {
    lines: Vec<Line>,
    /// Indices in `lines` of the [`Kind::Node`] lines, in order.
    nodes: Vec<usize>,
    /// Lines indented up to this many spaces are classified; deeper ones
    /// are [`Kind::Deep`] unless they continue a scalar begun above.
    shallow: usize,
}

/// Most steps [`inside_scalar`] may take in all, so that a file made of
/// anchor-like text cannot make the scan quadratic.
const WALK_BUDGET: usize = 200_000;

/// Classifies the lines the cut needs (the top-level keys, the entries of
/// `paths` and of each `components` section, and their children's keys:
/// three levels of the file's first indentation), or gives up on a file
/// that uses anchors (an alias in a part that is not parsed could stand for
/// anything) or tabs in indentation.
///
/// This runs over every line of a large file in an unoptimized build, so
/// deeper lines cost no more than finding where they end: a line's kind
/// depends only on lines less indented than itself, and the text of deeper
/// lines is only looked at where an anchor could be.
///
/// A quoted scalar must continue on lines indented deeper than the key
/// that owns it (libyaml accepts less); one opened on a deep line is not
/// followed, so the cut assumes that rule holds there.
fn scan(text: &str) -> Option<Scan> {
    let mut lines = Vec::with_capacity(text.len() / 24 + 1);
    let mut shallow: Option<usize> = None;
    // Lines indented deeper than this continue a scalar begun above.
    let mut scalar_above: Option<usize> = None;
    // A quoted scalar left open: lines up to its closing quote are its text,
    // however they are indented.
    let mut open_quote: Option<char> = None;
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let bytes = piece.as_bytes();
        let mut indent = 0;
        while indent < bytes.len() && bytes[indent] == b' ' {
            indent += 1;
        }
        // Most lines are decided by their indentation and first character.
        let first = bytes.get(indent).copied();
        let kind = if let Some(q) = open_quote {
            if let Some(after) = close_quote(piece, q) {
                open_quote = None;
                if !is_blank_or_comment(after) {
                    return None;
                }
            }
            Kind::Scalar
        } else if matches!(first, None | Some(b'\n' | b'\r' | b'\t'))
            && piece.get(indent..)?.trim().is_empty()
        {
            Kind::Blank
        } else if scalar_above.is_some_and(|n| indent > n) {
            Kind::Scalar
        } else if first == Some(b'#') {
            scalar_above = None;
            Kind::Comment
        } else if shallow.is_some_and(|s| indent > s) {
            Kind::Deep
        } else if first == Some(b'\t') {
            return None;
        } else {
            if indent > 0 && shallow.is_none() {
                shallow = Some(3 * indent);
            }
            let rest = piece.get(indent..)?.trim_end_matches(['\n', '\r']);
            let shape = node_shape(rest, indent);
            scalar_above = shape.scalar_owner;
            open_quote = shape.open_quote;
            Kind::Node
        };
        lines.push(Line {
            start,
            next: start + piece.len(),
            indent,
            kind,
        });
        start += piece.len();
    }
    let nodes = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind == Kind::Node)
        .map(|(i, _)| i)
        .collect();
    let scan = Scan {
        lines,
        nodes,
        shallow: shallow.unwrap_or(0),
    };
    let mut budget = WALK_BUDGET;
    for (at, _) in text.match_indices('&') {
        let bytes = text.as_bytes();
        let before = at.checked_sub(1).and_then(|b| bytes.get(b)).copied();
        let after = bytes.get(at + 1).copied();
        if !(matches!(
            before,
            None | Some(b' ' | b'\t' | b'\n' | b'[' | b'{' | b',')
        ) && after.is_some_and(|a| !anchor_end(a)))
        {
            continue;
        }
        let i = scan
            .lines
            .partition_point(|l| l.start <= at)
            .checked_sub(1)?;
        let line = scan.lines.get(i)?;
        let suspect = match line.kind {
            Kind::Node => true,
            Kind::Deep => !inside_scalar(text, &scan.lines, i, &mut budget)?,
            Kind::Blank | Kind::Comment | Kind::Scalar => false,
        };
        if suspect && has_anchor(text.get(line.start + line.indent..line.next)?) {
            return None;
        }
    }
    Some(scan)
}

/// Whether byte `b` cannot begin an anchor's name.
fn anchor_end(b: u8) -> bool {
    matches!(
        b,
        b' ' | b'\t' | b'\r' | b'\n' | b',' | b'[' | b']' | b'{' | b'}'
    )
}

/// Whether line `x`, which the scan did not look into, is the text of a
/// scalar begun above it: walking back, some line less indented than every
/// line since owns a scalar that `x` is deeper than. `None` when the walk
/// budget is spent.
fn inside_scalar(text: &str, lines: &[Line], x: usize, budget: &mut usize) -> Option<bool> {
    let mut min = lines.get(x)?.indent;
    for j in (0..x).rev() {
        *budget = budget.checked_sub(1)?;
        let p = lines.get(j)?;
        if p.kind == Kind::Blank || p.indent >= min {
            continue;
        }
        if p.kind == Kind::Scalar {
            return Some(true);
        }
        let rest = text.get(p.start + p.indent..p.next)?.trim_end();
        if !rest.starts_with('#')
            && node_shape(rest, p.indent)
                .scalar_owner
                .is_some_and(|n| n < min)
        {
            return Some(true);
        }
        min = p.indent;
        if min == 0 {
            break;
        }
    }
    Some(false)
}

fn is_blank_or_comment(text: &str) -> bool {
    let t = text.trim();
    t.is_empty() || t.starts_with('#')
}

/// An anchor (`&name`) where a node can start. A false alarm (an `&` that
/// starts a word in plain text) only costs the fast path.
fn has_anchor(rest: &str) -> bool {
    let bytes = rest.as_bytes();
    rest.match_indices('&').any(|(i, _)| {
        let before = i.checked_sub(1).and_then(|b| bytes.get(b)).copied();
        let after = bytes.get(i + 1).copied();
        matches!(before, None | Some(b' ' | b'\t' | b'[' | b'{' | b','))
            && after.is_some_and(|a| !anchor_end(a))
    })
}

/// What a structural line says about the lines after it.
#[derive(Debug, Default)]
struct Shape {
    /// The line ends in a scalar owned by the key or sequence entry at this
    /// column: deeper lines that follow are its text.
    scalar_owner: Option<usize>,
    /// The line ends inside a quoted scalar opened with this quote.
    open_quote: Option<char>,
}

/// Reads a structural line (`rest`, after `indent` spaces): sequence dashes,
/// then `key: value` or a value. Only a value after a key or a dash counts;
/// a bare value line (part of a flow collection, say) says nothing, so the
/// lines after it are all looked at.
fn node_shape(rest: &str, indent: usize) -> Shape {
    let mut col = indent;
    let mut owner = None;
    let mut s = rest;
    while let Some(after) = s.strip_prefix('-') {
        if !(after.is_empty() || after.starts_with(' ')) {
            break;
        }
        owner = Some(col);
        let t = after.trim_start_matches(' ');
        col += s.len() - t.len();
        s = t;
    }
    let value = match split_key(s) {
        Some((_, value)) => {
            owner = Some(col);
            value
        }
        None => s,
    };
    let Some(owner) = owner else {
        return Shape::default();
    };
    let value = value.trim_start_matches([' ', '\t']);
    match value.chars().next() {
        None | Some('#' | '[' | '{' | '!' | '&' | '*' | '?') => Shape::default(),
        Some(q @ ('"' | '\'')) => Shape {
            scalar_owner: Some(owner),
            open_quote: match value.get(1..).and_then(|v| close_quote(v, q)) {
                Some(_) => None,
                None => Some(q),
            },
        },
        Some(_) => Shape {
            scalar_owner: Some(owner),
            open_quote: None,
        },
    }
}

/// The text after the quote `q` that closes a quoted scalar whose content
/// starts at `text`, or `None` if it does not close on this line.
fn close_quote(text: &str, q: char) -> Option<&str> {
    let mut from = 0;
    loop {
        let i = from + text.get(from..)?.find(q)?;
        let after = text.get(i + 1..)?;
        if q == '\'' {
            // `''` is a quote inside single quotes.
            match after.strip_prefix('\'') {
                Some(_) => from = i + 2,
                None => return Some(after),
            }
        } else {
            // Escaped by an odd number of backslashes before it.
            let backslashes = text
                .get(..i)?
                .bytes()
                .rev()
                .take_while(|&b| b == b'\\')
                .count();
            if backslashes % 2 == 0 {
                return Some(after);
            }
            from = i + 1;
        }
    }
}

/// Splits `key: value` (or `key:`) into its key text and the value text,
/// or `None` if `s` is not a simple mapping entry.
fn split_key(s: &str) -> Option<(&str, &str)> {
    let key_end = match s.chars().next() {
        Some(q @ ('"' | '\'')) => {
            let after = close_quote(s.get(1..)?, q)?;
            s.len() - after.len()
        }
        _ => {
            let mut from = 0;
            loop {
                let i = from + s.get(from..)?.find(':')?;
                let next = s.get(i + 1..)?;
                if next.is_empty() || next.starts_with(' ') || next.starts_with('\t') {
                    break i;
                }
                from = i + 1;
            }
        }
    };
    let after = s.get(key_end..)?.strip_prefix(':')?;
    if !(after.is_empty() || after.starts_with(' ') || after.starts_with('\t')) {
        return None;
    }
    Some((s.get(..key_end)?, after))
}

/// The key a split-level line names, exactly as the YAML parser reads it,
/// and whether a value follows on the line; `None` for anything but a
/// plain key of ordinary characters or a quoted key without escapes.
fn parse_key(rest: &str) -> Option<(String, bool)> {
    let (key_text, after) = split_key(rest)?;
    let key = match key_text.chars().next()? {
        '\'' => key_text
            .strip_prefix('\'')?
            .strip_suffix('\'')?
            .replace("''", "'"),
        '"' => {
            let inner = key_text.strip_prefix('"')?.strip_suffix('"')?;
            if inner.contains('\\') {
                return None;
            }
            inner.to_owned()
        }
        c if c.is_ascii_alphanumeric() || c == '/' || c == '_' => {
            // The parser keeps a plain key's text as is (`200`, `true` and
            // `~` stay strings), except what ends it or is trimmed.
            if key_text.contains(" #")
                || key_text.ends_with(' ')
                || key_text.chars().any(|c| c.is_control())
            {
                return None;
            }
            key_text.to_owned()
        }
        _ => return None,
    };
    Some((key, !is_blank_or_comment(after)))
}

/// One entry of a mapping the file is split at.
#[derive(Debug)]
struct Entry {
    key: String,
    /// Its lines, key line first, as a byte range of the text.
    span: Range<usize>,
    /// Its lines, as indices into the line list.
    lines: Range<usize>,
    /// A substring test cannot tell what it holds: a value on the key
    /// line, no content, or a child that is not an ordinary key (a `$ref`,
    /// a quoted or complex key, a merge).
    opaque: bool,
}

/// The root file cut at its top-level keys, the entries of `paths` and the
/// entries of each section of `components`.
#[derive(Debug)]
struct Outline {
    top: Vec<Entry>,
    /// Index in `top` of `paths`, and its entries.
    paths: Option<(usize, Vec<Entry>)>,
    /// Index in `top` of `components`, and its sections with their entries.
    components: Option<(usize, Vec<Section>)>,
}

/// A section of `components` (`schemas`, `responses`…) and its entries.
#[derive(Debug)]
struct Section {
    head: Entry,
    entries: Vec<Entry>,
}

impl Outline {
    fn split(text: &str) -> Option<Outline> {
        let scan = scan(text)?;
        let top = entries(text, &scan, 0..scan.lines.len(), None, false)?;
        let mut outline = Outline {
            top,
            paths: None,
            components: None,
        };
        for (i, e) in outline.top.iter().enumerate() {
            match e.key.as_str() {
                "paths" => {
                    outline.paths = Some((i, children(text, &scan, e, true)?));
                }
                "components" => {
                    let mut sections = Vec::new();
                    for s in children(text, &scan, e, false)? {
                        let inner = children(text, &scan, &s, true)?;
                        sections.push(Section {
                            head: s,
                            entries: inner,
                        });
                    }
                    outline.components = Some((i, sections));
                }
                _ => {}
            }
        }
        Some(outline)
    }
}

/// The entries of the block mapping under `parent`'s key line; `None` if it
/// is not one (a value on the key line, no entries). With `inspect`, each
/// entry's children are looked at (see [`Entry::opaque`]).
fn children(text: &str, scan: &Scan, parent: &Entry, inspect: bool) -> Option<Vec<Entry>> {
    let first = scan.lines.get(parent.lines.start)?;
    let (_, inline) = parse_key(text.get(first.start + first.indent..first.next)?.trim_end())?;
    if inline {
        return None;
    }
    let found = entries(
        text,
        scan,
        parent.lines.start + 1..parent.lines.end,
        Some(first.indent),
        inspect,
    )?;
    (!found.is_empty()).then_some(found)
}

/// Splits `range` of `lines` into mapping entries: the first structural
/// line sets their indentation (0 at the top level), deeper lines belong
/// to the entry above them, and anything shallower, or a line at the
/// entries' indentation that is not a key, gives up. At the top level a
/// block sequence may sit at column 0 under its key (`tags:\n- name: …`).
/// Entries deeper than the scan classified give up too.
fn entries(
    text: &str,
    scan: &Scan,
    range: Range<usize>,
    parent_indent: Option<usize>,
    inspect: bool,
) -> Option<Vec<Entry>> {
    let lines = &scan.lines;
    let indent = match parent_indent {
        None => 0,
        Some(parent) => {
            let first = lines.get(first_structure(scan, range.clone())?)?;
            if first.kind != Kind::Node || first.indent <= parent {
                return None;
            }
            first.indent
        }
    };
    if indent > scan.shallow {
        return None;
    }
    let end_offset = lines.get(range.end.wrapping_sub(1)).map_or(0, |l| l.next);
    let mut out: Vec<Entry> = Vec::new();
    let mut seen = HashSet::new();
    for &i in nodes_in(scan, range.clone()) {
        let line = lines.get(i)?;
        if line.indent < indent {
            return None;
        }
        if line.indent > indent {
            if out.is_empty() {
                return None;
            }
            continue;
        }
        let rest = text.get(line.start + line.indent..line.next)?.trim_end();
        if parent_indent.is_none() && (rest == "-" || rest.starts_with("- ")) {
            match out.last() {
                Some(e) if !e.opaque => continue,
                _ => return None,
            }
        }
        let (key, inline) = parse_key(rest)?;
        // The parser keeps the last of duplicate keys, in the first one's place.
        if !seen.insert(key.clone()) {
            return None;
        }
        if let Some(prev) = out.last_mut() {
            prev.span.end = line.start;
            prev.lines.end = i;
        }
        out.push(Entry {
            key,
            span: line.start..end_offset,
            lines: i..range.end,
            opaque: inline,
        });
    }
    // A deep line before the first entry (where the scan did not look).
    if let Some(first) = out.first() {
        if first_structure(scan, range.start..first.lines.start).is_some() {
            return None;
        }
    }
    if inspect {
        for e in &mut out {
            if !e.opaque {
                e.opaque = !plain_children(text, scan, e.lines.clone());
            }
        }
    }
    Some(out)
}

/// The index of the first structural line in `range` (classified or deep).
fn first_structure(scan: &Scan, range: Range<usize>) -> Option<usize> {
    range.into_iter().find(|&i| {
        scan.lines
            .get(i)
            .is_some_and(|l| matches!(l.kind, Kind::Node | Kind::Deep))
    })
}

/// The indices of the classified structural lines in `range`.
fn nodes_in(scan: &Scan, range: Range<usize>) -> &[usize] {
    let from = scan.nodes.partition_point(|&i| i < range.start);
    let to = scan.nodes.partition_point(|&i| i < range.end);
    scan.nodes.get(from..to).unwrap_or(&[])
}

/// Whether the entry on `range` (key line first) has content whose direct
/// children are all ordinary keys, so that nothing in it hides behind a
/// reference or an alias.
fn plain_children(text: &str, scan: &Scan, range: Range<usize>) -> bool {
    let inner = range.start + 1..range.end;
    let Some(first) = first_structure(scan, inner.clone()).and_then(|i| scan.lines.get(i)) else {
        return false;
    };
    if first.kind != Kind::Node {
        return false;
    }
    nodes_in(scan, inner)
        .iter()
        .all(|&i| match scan.lines.get(i) {
            Some(line) if line.indent == first.indent => text
                .get(line.start + line.indent..)
                .and_then(|t| t.chars().next())
                .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_'),
            Some(_) => true,
            None => false,
        })
}

/// A piece of the outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// A top-level section parsed whole.
    Top(usize),
    /// An entry of `paths`.
    Path(usize),
    /// An entry of a `components` section.
    Component(usize, usize),
}

/// Top-level sections the generator does not read, parsed only when a
/// reference points into them. Tag descriptions are documentation; the
/// tag names the filter check compares with are on the operations (a tag
/// declared but used by none makes [`load`] give up, as the check of the
/// pruned document then fails).
const UNREAD: [&str; 2] = ["tags", "externalDocs"];

/// The HTTP methods of a path item, as openapiv3 lists them.
const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Parses the pieces a filter reaches and assembles the pruned document.
struct Pruner<'a> {
    text: &'a str,
    path: &'a Path,
    outline: &'a Outline,
    settings: &'a Settings,
    top: Vec<Option<Value>>,
    paths: Vec<Option<Value>>,
    components: Vec<Vec<Option<Value>>>,
    top_index: HashMap<&'a str, usize>,
    path_index: HashMap<&'a str, usize>,
    section_index: HashMap<&'a str, usize>,
    component_index: Vec<HashMap<&'a str, usize>>,
    pending: Vec<Target>,
}

impl<'a> Pruner<'a> {
    fn new(text: &'a str, path: &'a Path, outline: &'a Outline, settings: &'a Settings) -> Self {
        let index = |entries: &'a [Entry]| -> HashMap<&'a str, usize> {
            entries
                .iter()
                .enumerate()
                .map(|(i, e)| (e.key.as_str(), i))
                .collect()
        };
        let path_entries = outline.path_entries();
        let sections = outline.sections();
        Pruner {
            text,
            path,
            outline,
            settings,
            top: vec![None; outline.top.len()],
            paths: vec![None; path_entries.len()],
            components: sections
                .iter()
                .map(|s| vec![None; s.entries.len()])
                .collect(),
            top_index: index(&outline.top),
            path_index: index(path_entries),
            section_index: sections
                .iter()
                .enumerate()
                .map(|(i, s)| (s.head.key.as_str(), i))
                .collect(),
            component_index: sections.iter().map(|s| index(&s.entries)).collect(),
            pending: Vec::new(),
        }
    }

    /// The pruned document and the names of all component schemas in file
    /// order, or `None` to give up.
    fn run(mut self, needles: &[&str]) -> Option<(Value, Vec<String>)> {
        let outline = self.outline;
        for (i, e) in outline.top.iter().enumerate() {
            if !outline.is_split(i) && !e.key.starts_with("x-") && !UNREAD.contains(&e.key.as_str())
            {
                self.pending.push(Target::Top(i));
            }
        }
        // Entries that may hold a kept operation are parsed; those that do
        // (or that a reference makes opaque) are kept, and their references
        // followed.
        for (i, e) in outline.path_entries().iter().enumerate() {
            let text = self.text.get(e.span.clone())?;
            // A double-quoted scalar can spell any character as an escape.
            let candidate = e.opaque
                || (text.contains('\\') && text.contains('"'))
                || needles.iter().any(|n| mentions(text, n));
            if !candidate {
                continue;
            }
            let value = parse_entry(self.text, self.path, e)?;
            if e.opaque || holds_kept_operation(&e.key, &value, self.settings) {
                self.keep(Target::Path(i), value)?;
            }
        }
        // A component schema that is a `$ref` is named after the component
        // wherever its target is reached, so these are always read.
        let schemas = self.section_index.get("schemas").copied();
        if let Some(s) = schemas {
            for (j, e) in outline.sections().get(s)?.entries.iter().enumerate() {
                if e.opaque {
                    self.pending.push(Target::Component(s, j));
                }
            }
        }
        while let Some(target) = self.pending.pop() {
            if self.slot(target)?.is_none() {
                let entry = outline.entry(target)?;
                let value = parse_entry(self.text, self.path, entry)?;
                self.keep(target, value)?;
            }
        }
        let names = match schemas.and_then(|s| outline.sections().get(s)) {
            Some(section) => section.entries.iter().map(|e| e.key.clone()).collect(),
            None => Vec::new(),
        };
        Some((self.assemble(), names))
    }

    fn slot(&mut self, target: Target) -> Option<&mut Option<Value>> {
        match target {
            Target::Top(i) => self.top.get_mut(i),
            Target::Path(i) => self.paths.get_mut(i),
            Target::Component(s, j) => self.components.get_mut(s)?.get_mut(j),
        }
    }

    /// Stores a parsed piece and queues what its references reach.
    fn keep(&mut self, target: Target, value: Value) -> Option<()> {
        let mut refs = Vec::new();
        collect_refs(&value, &mut refs);
        *self.slot(target)? = Some(value);
        for r in refs {
            self.reach(&r)?;
        }
        Some(())
    }

    /// Queues the pieces reference `r` needs; `None` for one that needs the
    /// whole document. Other files' references are the bundler's, and a
    /// target that does not exist is reported by the generator as it would
    /// be from the whole document.
    fn reach(&mut self, r: &str) -> Option<()> {
        let Some(fragment) = r.strip_prefix('#') else {
            return Some(());
        };
        // The segments as the generator's `$ref` lookup reads them.
        let mut segments = fragment.split('/').skip(1).map(unescape_segment);
        let first = segments.next()?;
        let Some(&i) = self.top_index.get(first.as_str()) else {
            return Some(());
        };
        if self.outline.paths.as_ref().is_some_and(|(p, _)| *p == i) {
            match segments.next() {
                Some(key) => {
                    if let Some(&j) = self.path_index.get(key.as_str()) {
                        self.pending.push(Target::Path(j));
                    }
                }
                None => self.pending.extend((0..self.paths.len()).map(Target::Path)),
            }
        } else if self
            .outline
            .components
            .as_ref()
            .is_some_and(|(c, _)| *c == i)
        {
            let sections: Vec<usize> = match segments.next() {
                Some(section) => match self.section_index.get(section.as_str()) {
                    Some(&s) => match segments.next() {
                        Some(key) => {
                            if let Some(&j) = self.component_index.get(s)?.get(key.as_str()) {
                                self.pending.push(Target::Component(s, j));
                            }
                            Vec::new()
                        }
                        None => vec![s],
                    },
                    None => Vec::new(),
                },
                None => (0..self.components.len()).collect(),
            };
            for s in sections {
                let n = self.components.get(s)?.len();
                self.pending.extend((0..n).map(|j| Target::Component(s, j)));
            }
        } else {
            self.pending.push(Target::Top(i));
        }
        Some(())
    }

    /// The document of the parsed pieces, in the file's order.
    fn assemble(mut self) -> Value {
        let outline = self.outline;
        let mut root = Map::new();
        for (i, e) in outline.top.iter().enumerate() {
            let value = if outline.paths.as_ref().is_some_and(|(p, _)| *p == i) {
                Value::Object(kept(outline.path_entries(), &mut self.paths))
            } else if outline.components.as_ref().is_some_and(|(c, _)| *c == i) {
                let mut components = Map::new();
                for (section, values) in outline.sections().iter().zip(self.components.iter_mut()) {
                    components.insert(
                        section.head.key.clone(),
                        Value::Object(kept(&section.entries, values)),
                    );
                }
                Value::Object(components)
            } else {
                match self.top.get_mut(i).and_then(Option::take) {
                    Some(v) => v,
                    None => continue,
                }
            };
            root.insert(e.key.clone(), value);
        }
        Value::Object(root)
    }
}

/// The parsed entries among `entries`, by key, in order.
fn kept(entries: &[Entry], values: &mut [Option<Value>]) -> Map<String, Value> {
    entries
        .iter()
        .zip(values.iter_mut())
        .filter_map(|(e, v)| Some((e.key.clone(), v.take()?)))
        .collect()
}

impl Outline {
    fn path_entries(&self) -> &[Entry] {
        self.paths.as_ref().map_or(&[], |(_, p)| p)
    }

    fn sections(&self) -> &[Section] {
        self.components.as_ref().map_or(&[], |(_, c)| c)
    }

    /// Whether top-level entry `i` is cut into entries of its own.
    fn is_split(&self, i: usize) -> bool {
        self.paths.as_ref().is_some_and(|(p, _)| *p == i)
            || self.components.as_ref().is_some_and(|(c, _)| *c == i)
    }

    fn entry(&self, target: Target) -> Option<&Entry> {
        match target {
            Target::Top(i) => self.top.get(i),
            Target::Path(i) => self.path_entries().get(i),
            Target::Component(s, j) => self.sections().get(s)?.entries.get(j),
        }
    }
}

/// Whether a parsed path item has an operation the filter keeps, with ids
/// and tags read as the generator reads them (an operation without an
/// `operationId` by its derived id). Anything of an unexpected shape
/// counts as kept: the pipeline then reports it, and the whole file is
/// loaded.
fn holds_kept_operation(path: &str, item: &Value, settings: &Settings) -> bool {
    let Value::Object(item) = item else {
        return true;
    };
    if item.contains_key("$ref") {
        return true;
    }
    METHODS.iter().any(|verb| {
        let Some(op) = item.get(*verb) else {
            return false;
        };
        let Value::Object(op) = op else {
            return true;
        };
        let id = match op.get("operationId") {
            None => crate::ir::derived_id(verb, path),
            Some(Value::String(id)) => id.clone(),
            Some(_) => return true,
        };
        let tags = match op.get("tags") {
            None => Vec::new(),
            Some(Value::Array(tags)) => {
                let names: Option<Vec<String>> =
                    tags.iter().map(|t| t.as_str().map(str::to_owned)).collect();
                match names {
                    Some(names) => names,
                    None => return true,
                }
            }
            Some(_) => return true,
        };
        settings.keeps(&id, &tags)
    })
}

/// Puts every component schema of the file into the typed document, in
/// file order, the ones not reached as an empty schema (what `{}` reads
/// as). The generator claims the Rust names of all component schemas
/// whatever the filter, so a kept type's name depends on the others'.
/// Added after loading rather than as `{}` in the pruned document, where
/// checking and typing two thousand of them would cost more than the rest.
fn restore_schema_names(api: &mut openapiv3::OpenAPI, names: Vec<String>) {
    let Some(components) = api.components.as_mut() else {
        return;
    };
    let mut reached = std::mem::take(&mut components.schemas);
    let mut all = indexmap::IndexMap::with_capacity(names.len() + reached.len());
    for name in names {
        let schema = reached.swap_remove(&name).unwrap_or_else(empty_schema);
        all.insert(name, schema);
    }
    all.extend(reached);
    components.schemas = all;
}

/// An empty schema, as openapiv3 reads `{}`.
fn empty_schema() -> openapiv3::ReferenceOr<openapiv3::Schema> {
    openapiv3::ReferenceOr::Item(openapiv3::Schema {
        schema_data: Default::default(),
        schema_kind: openapiv3::SchemaKind::Any(Default::default()),
    })
}

/// Parses an entry's text (a one-key mapping, indented as in the file) and
/// returns its value, checking that the key is the one the outline read.
fn parse_entry(text: &str, path: &Path, entry: &Entry) -> Option<Value> {
    let chunk = text.get(entry.span.clone())?;
    match parse_yaml(chunk, path).ok()? {
        Value::Object(map) if map.len() == 1 => {
            let (key, value) = map.into_iter().next()?;
            (key == entry.key).then_some(value)
        }
        _ => None,
    }
}

/// Every `$ref` in `value`, outside `x-` extensions (which nothing follows).
fn collect_refs(value: &Value, out: &mut Vec<String>) {
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(map) => {
                if let Some(Value::String(r)) = map.get("$ref") {
                    out.push(r.clone());
                }
                stack.extend(
                    map.iter()
                        .filter(|(k, _)| !k.starts_with("x-") && k.as_str() != "$ref")
                        .map(|(_, v)| v),
                );
            }
            Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};

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
        let pieces = [
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
        let settings = crate::Settings::default().with_tags(["Password Management"]);
        let path = Path::new("mutant.yaml");
        let mut rng = StdRng::seed_from_u64(7);
        let mut agreed = 0;
        for _ in 0..300 {
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
                        let piece = pieces[rng.gen_range(0..pieces.len())];
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
            let text = mutant.join("\n");
            let fast = load_text(&text, path, &settings);
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

    #[test]
    fn folded_needles_are_found() {
        assert!(mentions(
            "tags:\n  - Password Management\n",
            "Password Management"
        ));
        assert!(mentions(
            "description: \"about Password\n    Management\"",
            "Password Management"
        ));
        assert!(!mentions("Password Manager", "Password Management"));
        assert!(!searchable("a\\b") || !searchable(" a"));
    }

    #[test]
    fn block_scalar_text_is_not_structure() {
        let text = "a:\n  b: |-\n    x && y\n    &z\n  c: 1\n";
        let kinds: Vec<Kind> = scan(text).unwrap().lines.iter().map(|l| l.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::Node,
                Kind::Node,
                Kind::Scalar,
                Kind::Scalar,
                Kind::Node
            ]
        );
        assert!(scan("a:\n  b: &x 1\n").is_none());
        assert!(scan("a:\n  b:\t&x 1\n").is_none());
        assert!(scan("a:\n  b:\n    c:\n      d:\n        e: &x 1\n").is_none());
        assert!(scan("a:\n  b:\n    c:\n      d: |\n        &x 1\n").is_some());
        assert!(scan("a:\n  b: [1,\n    &x 2]\n").is_none());
    }

    #[test]
    fn keys_are_read_as_the_parser_reads_them() {
        assert_eq!(parse_key("/a/{id}:"), Some(("/a/{id}".to_owned(), false)));
        assert_eq!(parse_key("'400':"), Some(("400".to_owned(), false)));
        assert_eq!(parse_key("'it''s': x"), Some(("it's".to_owned(), true)));
        assert_eq!(parse_key("a: # c"), Some(("a".to_owned(), false)));
        assert_eq!(parse_key("\"a\\tb\":"), None);
        assert_eq!(parse_key("? a"), None);
        assert_eq!(parse_key("- a:"), None);
        assert_eq!(parse_key("a #b:"), None);
    }

    #[test]
    fn quoted_scalars_may_span_lines_at_any_indentation() {
        let text = "a:\n  b: \"x\nc: y\"\nd: 1\n";
        let kinds: Vec<Kind> = scan(text).unwrap().lines.iter().map(|l| l.kind).collect();
        assert_eq!(kinds, [Kind::Node, Kind::Node, Kind::Scalar, Kind::Node]);
    }
}
