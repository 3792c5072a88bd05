//! Specs split across files: every relative `$ref` to another file is
//! resolved from the referring file's directory, the file is loaded once, and
//! its content is placed in the root document under [`FILES_KEY`], with the
//! reference rewritten to point there. After bundling, the rest of the
//! generator sees one document with only internal references.
//!
//! Extension keys (`x-…`) are not followed: the generator does not use them,
//! and SailPoint's bundles carry `x-webhooks` references to files that are
//! not shipped.

use super::syntax::{self, Format};
use crate::diag::{escape_segment, Diagnostic, Location};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

/// Where bundled files live in the root document.
pub(crate) const FILES_KEY: &str = "x-sailpoint-isc-files";

/// Deepest chain of file references followed.
const MAX_DEPTH: usize = 64;

struct Bundler {
    root_dir: PathBuf,
    /// Loaded files by normalized path, with their key under [`FILES_KEY`].
    keys: BTreeMap<PathBuf, String>,
    store: Map<String, Value>,
    files: Vec<PathBuf>,
    diags: Vec<Diagnostic>,
}

/// Bundles the files `root` refers to into it. Returns every file read
/// (root first) and the problems met (a missing file or a malformed one,
/// with the chain of references that led to it).
pub(crate) fn bundle(root_path: &Path, root: &mut Value) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut b = Bundler {
        root_dir: normalize(root_path.parent().unwrap_or_else(|| Path::new(""))),
        keys: BTreeMap::new(),
        store: Map::new(),
        files: vec![root_path.to_path_buf()],
        diags: Vec::new(),
    };
    let mut chain = Vec::new();
    b.rewrite(root, root_path, None, "#", &mut chain);
    if !b.store.is_empty() {
        if let Value::Object(m) = root {
            m.insert(FILES_KEY.to_owned(), Value::Object(b.store));
        }
    }
    (b.files, b.diags)
}

/// The key of the file at `path` (normalized): its path relative to
/// `root_dir` (normalized), with `../` for a file beside the root's
/// directory (`../shared/responses/401.yaml`), so neither keys nor the
/// pointers built on them (which doc comments show) depend on where the
/// spec sits on the machine. A file on another root (another drive) keeps
/// its full path.
fn relative_key(path: &Path, root_dir: &Path) -> String {
    let from: Vec<Component<'_>> = root_dir.components().collect();
    let to: Vec<Component<'_>> = path.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    // Climbing out of a `..` of the root's directory needs a name this
    // path does not have: such a file keeps its full path.
    let climbable = !from[common..].contains(&Component::ParentDir);
    let shares_root = climbable && (common > 0 || (from.is_empty() && !path.has_root()));
    let rel: PathBuf = if shares_root {
        std::iter::repeat_n(Component::ParentDir, from.len() - common)
            .chain(to.get(common..).unwrap_or_default().iter().copied())
            .collect()
    } else {
        path.to_path_buf()
    };
    rel.to_string_lossy().replace('\\', "/")
}

/// `a/./b/../c` → `a/c`, without touching the file system.
pub(crate) fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            // A leading `..` stays: popping it would lose a level.
            Component::ParentDir => {
                if matches!(out.components().next_back(), Some(Component::Normal(_))) {
                    out.pop();
                } else if !out.has_root() || out.parent().is_some() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

impl Bundler {
    /// Rewrites the references in `value`, which lives in `file` (whose key
    /// is `key`, `None` for the root) at `pointer`.
    fn rewrite(
        &mut self,
        value: &mut Value,
        file: &Path,
        key: Option<&str>,
        pointer: &str,
        chain: &mut Vec<String>,
    ) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(r)) = map.get("$ref") {
                    if let Some(new) = self.reference(r, file, key, pointer, chain) {
                        map.insert("$ref".to_owned(), Value::String(new));
                    }
                }
                for (k, v) in map.iter_mut() {
                    if k == "$ref" || k.starts_with("x-") {
                        continue;
                    }
                    let p = format!("{pointer}/{}", escape_segment(k));
                    self.rewrite(v, file, key, &p, chain);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter_mut().enumerate() {
                    let p = format!("{pointer}/{i}");
                    self.rewrite(v, file, key, &p, chain);
                }
            }
            _ => {}
        }
    }

    /// The rewritten form of reference `r`, or `None` to leave it as is.
    fn reference(
        &mut self,
        r: &str,
        file: &Path,
        key: Option<&str>,
        pointer: &str,
        chain: &mut Vec<String>,
    ) -> Option<String> {
        let (target, fragment) = match r.split_once('#') {
            Some((t, f)) => (t, f),
            None => (r, ""),
        };
        if target.is_empty() {
            // Internal to `file`: re-anchor it when `file` is not the root.
            return key.map(|k| format!("#/{FILES_KEY}/{}{fragment}", escape_segment(k)));
        }
        if target.contains("://") {
            self.diags.push(Diagnostic {
                message: format!(
                    "`$ref: {r}` points at a URL; only relative file references are supported"
                ),
                at: Location::Spec {
                    file: file.to_owned(),
                    pointer: Some(pointer.to_owned()),
                    line_col: None,
                },
            });
            return None;
        }
        let base = file.parent().unwrap_or_else(|| Path::new(""));
        let path = normalize(&base.join(target));
        // Shown relative to the root's directory: the root file's own
        // location is already in the diagnostic, and an absolute path would
        // differ from machine to machine.
        let shown = relative_key(&normalize(file), &self.root_dir);
        let hop = format!("{shown}#{pointer} → {target}");
        let target_key = match self.keys.get(&path) {
            Some(k) => k.clone(),
            None => {
                chain.push(hop);
                let k = self.load(&path, chain);
                chain.pop();
                k?
            }
        };
        Some(format!(
            "#/{FILES_KEY}/{}{fragment}",
            escape_segment(&target_key)
        ))
    }

    /// Loads, rewrites and stores a referenced file; `None` if it failed.
    fn load(&mut self, path: &Path, chain: &mut Vec<String>) -> Option<String> {
        let at = |line_col| Location::Spec {
            file: path.to_owned(),
            pointer: None,
            line_col,
        };
        if chain.len() > MAX_DEPTH {
            self.diags.push(Diagnostic {
                message: format!(
                    "file references nest deeper than {MAX_DEPTH}: {}",
                    chain.join(", ")
                ),
                at: at(None),
            });
            return None;
        }
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                self.diags.push(Diagnostic {
                    message: format!(
                        "referenced file cannot be read ({e}); reached by {}",
                        chain.join(", then ")
                    ),
                    at: at(None),
                });
                return None;
            }
        };
        self.files.push(path.to_owned());
        let mut value = match syntax::parse(&text, path, Format::from_path(path)) {
            Ok(v) => v,
            Err(mut d) => {
                d.message = format!("{}; reached by {}", d.message, chain.join(", then "));
                self.diags.push(d);
                return None;
            }
        };
        let key = relative_key(path, &self.root_dir);
        self.keys.insert(path.to_owned(), key.clone());
        self.rewrite(&mut value, path, Some(&key), "#", chain);
        self.store.insert(key.clone(), value);
        Some(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(path: &str, root_dir: &str) -> String {
        relative_key(&normalize(Path::new(path)), &normalize(Path::new(root_dir)))
    }

    #[test]
    fn keys_are_relative_to_the_roots_directory() {
        assert_eq!(
            key("/s/apis/pm/schemas/a.yaml", "/s/apis/pm"),
            "schemas/a.yaml"
        );
        assert_eq!(
            key("/s/x/../apis/shared/responses/401.yaml", "/s/apis/pm/"),
            "../shared/responses/401.yaml"
        );
        assert_eq!(key("paths/a.yaml", ""), "paths/a.yaml");
        assert_eq!(key("spec/./paths/a.yaml", "spec"), "paths/a.yaml");
        assert_eq!(key("../shared/b.yaml", "../pm"), "../shared/b.yaml");
        // No name to climb back through `..`: the full path.
        assert_eq!(key("../b.yaml", "../../pm"), "../b.yaml");
        assert_eq!(key("../../q/b.yaml", "../pm"), "../../q/b.yaml");
        assert_eq!(key("/abs/b.yaml", ""), "/abs/b.yaml");
    }
}
