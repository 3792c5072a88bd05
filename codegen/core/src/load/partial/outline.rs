//! The outline: the root file cut at its top-level keys, the entries of
//! `paths` and the entries of each section of `components`, as byte and
//! line ranges of the text.

use super::scan::{parse_key, scan, Kind, Scan};
use std::collections::HashSet;
use std::ops::Range;

/// One entry of a mapping the file is split at.
#[derive(Debug)]
pub(super) struct Entry {
    pub(super) key: String,
    /// Its lines, key line first, as a byte range of the text.
    pub(super) span: Range<usize>,
    /// Its lines, as indices into the line list.
    pub(super) lines: Range<usize>,
    /// A substring test cannot tell what it holds: a value on the key
    /// line, no content, or a child that is not an ordinary key (a `$ref`,
    /// a quoted or complex key, a merge).
    pub(super) opaque: bool,
}

/// The root file cut at its top-level keys, the entries of `paths` and the
/// entries of each section of `components`.
#[derive(Debug)]
pub(super) struct Outline {
    pub(super) top: Vec<Entry>,
    /// Index in `top` of `paths`, and its entries.
    pub(super) paths: Option<(usize, Vec<Entry>)>,
    /// Index in `top` of `components`, and its sections with their entries.
    pub(super) components: Option<(usize, Vec<Section>)>,
}

/// A section of `components` (`schemas`, `responses`…) and its entries.
#[derive(Debug)]
pub(super) struct Section {
    pub(super) head: Entry,
    pub(super) entries: Vec<Entry>,
}

/// A piece of the outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    /// A top-level section parsed whole.
    Top(usize),
    /// An entry of `paths`.
    Path(usize),
    /// An entry of a `components` section.
    Component(usize, usize),
}

impl Outline {
    /// Cuts `text` up, or `None` where it is not of the expected shape.
    pub(super) fn split(text: &str) -> Option<Outline> {
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

    /// The entries of `paths`.
    pub(super) fn path_entries(&self) -> &[Entry] {
        self.paths.as_ref().map_or(&[], |(_, p)| p)
    }

    /// The sections of `components`.
    pub(super) fn sections(&self) -> &[Section] {
        self.components.as_ref().map_or(&[], |(_, c)| c)
    }

    /// Whether top-level entry `i` is `paths`.
    pub(super) fn is_paths(&self, i: usize) -> bool {
        self.paths.as_ref().is_some_and(|(p, _)| *p == i)
    }

    /// Whether top-level entry `i` is `components`.
    pub(super) fn is_components(&self, i: usize) -> bool {
        self.components.as_ref().is_some_and(|(c, _)| *c == i)
    }

    /// Whether top-level entry `i` is cut into entries of its own.
    pub(super) fn is_split(&self, i: usize) -> bool {
        self.is_paths(i) || self.is_components(i)
    }

    /// The entry `target` names.
    pub(super) fn entry(&self, target: Target) -> Option<&Entry> {
        match target {
            Target::Top(i) => self.top.get(i),
            Target::Path(i) => self.path_entries().get(i),
            Target::Component(s, j) => self.sections().get(s)?.entries.get(j),
        }
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
