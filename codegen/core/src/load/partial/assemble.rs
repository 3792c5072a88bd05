//! Reassembly: the parsed pieces put back together in the file's order,
//! and the names of the component schemas that were not reached.

use super::outline::{Entry, Outline, Target};
use serde_json::{Map, Value};

/// The parsed pieces of the root file: one slot per entry of the outline,
/// filled as the pruner parses what the filter reaches.
#[derive(Debug)]
pub(super) struct Pieces {
    top: Vec<Option<Value>>,
    paths: Vec<Option<Value>>,
    components: Vec<Vec<Option<Value>>>,
}

impl Pieces {
    /// Empty slots for every entry of `outline`.
    pub(super) fn new(outline: &Outline) -> Pieces {
        Pieces {
            top: vec![None; outline.top.len()],
            paths: vec![None; outline.path_entries().len()],
            components: outline
                .sections()
                .iter()
                .map(|s| vec![None; s.entries.len()])
                .collect(),
        }
    }

    /// The slot of `target`; `None` for a target the outline does not have.
    pub(super) fn slot(&mut self, target: Target) -> Option<&mut Option<Value>> {
        match target {
            Target::Top(i) => self.top.get_mut(i),
            Target::Path(i) => self.paths.get_mut(i),
            Target::Component(s, j) => self.components.get_mut(s)?.get_mut(j),
        }
    }

    /// The document of the parsed pieces, in the file's order.
    pub(super) fn assemble(mut self, outline: &Outline) -> Value {
        let mut root = Map::new();
        for (i, e) in outline.top.iter().enumerate() {
            let value = if outline.is_paths(i) {
                Value::Object(kept(outline.path_entries(), &mut self.paths))
            } else if outline.is_components(i) {
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

/// Puts every component schema of the file into the typed document, in
/// file order, the ones not reached as an empty schema (what `{}` reads
/// as). The generator claims the Rust names of all component schemas
/// whatever the filter, so a kept type's name depends on the others'.
/// Added after loading rather than as `{}` in the pruned document, where
/// checking and typing two thousand of them would cost more than the rest.
pub(crate) fn restore_schema_names(api: &mut openapiv3::OpenAPI, names: Vec<String>) {
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
