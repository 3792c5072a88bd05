//! The pruner: parses the pieces of the outline that the filter reaches,
//! following local `$ref`s from what is kept, into [`Pieces`].

use super::assemble::Pieces;
use super::outline::{Entry, Outline, Target};
use crate::diag::unescape_segment;
use crate::filter::OperationFilter;
use crate::load::syntax::parse_yaml;
use crate::names::derived_id;
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

/// Whether a filter entry, if present in the parsed document, is sure to
/// appear in the file's text as written or folded across lines: no quotes,
/// escapes or control characters, and single spaces between words.
pub(super) fn searchable(needle: &str) -> bool {
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

/// Top-level sections the generator does not read, parsed only when a
/// reference points into them. Tag descriptions are documentation; the
/// tag names the filter check compares with are on the operations (a tag
/// declared but used by none makes the partial load give up, as the check
/// of the pruned document then fails).
const UNREAD: [&str; 2] = ["tags", "externalDocs"];

/// The HTTP methods of a path item, as openapiv3 lists them.
const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Parses the pieces a filter reaches and assembles the pruned document.
pub(super) struct Pruner<'a> {
    text: &'a str,
    path: &'a Path,
    outline: &'a Outline,
    filter: OperationFilter<'a>,
    pieces: Pieces,
    top_index: HashMap<&'a str, usize>,
    path_index: HashMap<&'a str, usize>,
    section_index: HashMap<&'a str, usize>,
    component_index: Vec<HashMap<&'a str, usize>>,
    pending: Vec<Target>,
}

impl<'a> Pruner<'a> {
    /// A pruner of `text`, cut up as `outline`, that came from `path`.
    pub(super) fn new(
        text: &'a str,
        path: &'a Path,
        outline: &'a Outline,
        filter: OperationFilter<'a>,
    ) -> Self {
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
            filter,
            pieces: Pieces::new(outline),
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
    pub(super) fn run(mut self, needles: &[&str]) -> Option<(Value, Vec<String>)> {
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
            if e.opaque || holds_kept_operation(&e.key, &value, self.filter) {
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
            if self.pieces.slot(target)?.is_none() {
                let entry = outline.entry(target)?;
                let value = parse_entry(self.text, self.path, entry)?;
                self.keep(target, value)?;
            }
        }
        let names = match schemas.and_then(|s| outline.sections().get(s)) {
            Some(section) => section.entries.iter().map(|e| e.key.clone()).collect(),
            None => Vec::new(),
        };
        Some((self.pieces.assemble(outline), names))
    }

    /// Stores a parsed piece and queues what its references reach.
    fn keep(&mut self, target: Target, value: Value) -> Option<()> {
        let mut refs = Vec::new();
        collect_refs(&value, &mut refs);
        *self.pieces.slot(target)? = Some(value);
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
        let outline = self.outline;
        if outline.is_paths(i) {
            match segments.next() {
                Some(key) => {
                    if let Some(&j) = self.path_index.get(key.as_str()) {
                        self.pending.push(Target::Path(j));
                    }
                }
                None => {
                    let n = outline.path_entries().len();
                    self.pending.extend((0..n).map(Target::Path));
                }
            }
        } else if outline.is_components(i) {
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
                None => (0..outline.sections().len()).collect(),
            };
            for s in sections {
                let n = outline.sections().get(s)?.entries.len();
                self.pending.extend((0..n).map(|j| Target::Component(s, j)));
            }
        } else {
            self.pending.push(Target::Top(i));
        }
        Some(())
    }
}

/// Whether a parsed path item has an operation the filter keeps, with ids
/// and tags read as the generator reads them (an operation without an
/// `operationId` by its derived id). Anything of an unexpected shape
/// counts as kept: the pipeline then reports it, and the whole file is
/// loaded.
fn holds_kept_operation(path: &str, item: &Value, filter: OperationFilter<'_>) -> bool {
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
            None => derived_id(verb, path),
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
        filter.keeps(&id, &tags)
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
}
