//! `$ref` targets, resolved once when the spec is loaded. Every reference
//! the typed document holds (see [`super::references`]) is looked up in the
//! raw document by its JSON pointer, so references to any place
//! (`#/components/responses/401`, `#/paths/...`, a bundled file under
//! [`super::FILES_KEY`]) work the same way; the target is checked for bad
//! schemas and read as the kind of item the reference's place needs, and
//! the references inside it are resolved in turn. Chains of references are
//! followed with a bound, so a cycle is an error instead of a hang.
//! References to other files were already rewritten to local ones by
//! [`super::bundle`]; one that is left (a URL, or a file that could not be
//! read) fails here too.
//!
//! Nothing is reported here: the table records why each failed reference
//! failed, and the intermediate model reports that where it meets the
//! reference (its `resolve` module hands each problem out once).

use super::references::{references, Kind, Node};
use super::schema_check::{check_schema, check_structure};
use crate::diag::{Diagnostic, Pointer};
use indexmap::IndexMap;
use openapiv3::{
    Components, OpenAPI, Parameter, PathItem, ReferenceOr, RequestBody, Response, Schema,
};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

/// Longest chain of references to references that is followed.
const MAX_REF_CHAIN: usize = 32;

/// What a reference met as a `T` leads to.
#[derive(Debug, Clone)]
pub(crate) enum Resolution<T> {
    /// The item at the end of the chain, and the pointer where it lives.
    Found(T, Pointer),
    /// Why there is none.
    Failed(Failure),
}

/// Why a reference leads to no item.
#[derive(Debug, Clone)]
pub(crate) enum Failure {
    /// A link of the chain is broken: its target does not exist, is in
    /// another document or has the wrong shape, or the chain is too long.
    /// The problem belongs to `place`, the target holding the broken
    /// link, or, when `None`, to the place the reference was met.
    Link {
        /// Where the problem is, if not where the reference was met.
        place: Option<Pointer>,
        /// What is wrong.
        message: String,
    },
    /// The target at this pointer holds schemas that are not valid; they
    /// are in [`Targets::bad_schemas`], each at its own pointer.
    BadSchemas(CheckKey),
}

/// A target as it was checked: its pointer, and whether it was read as a
/// schema (otherwise as spec structure holding schemas).
pub(crate) type CheckKey = (Pointer, bool);

/// Every reference of a document, resolved, by reference text, one table
/// per kind of item: what the intermediate model looks references up in.
#[derive(Debug, Clone, Default)]
pub(crate) struct Targets {
    schemas: HashMap<String, Resolution<Schema>>,
    parameters: HashMap<String, Resolution<Parameter>>,
    request_bodies: HashMap<String, Resolution<RequestBody>>,
    responses: HashMap<String, Resolution<Response>>,
    path_items: HashMap<String, Resolution<PathItem>>,
    /// The problems of every target with bad schemas (a lookup table only,
    /// never iterated).
    bad: HashMap<CheckKey, Vec<Diagnostic>>,
}

/// A kind of item a reference can lead to.
pub(crate) trait Target: DeserializeOwned + Clone {
    /// The kind.
    const KIND: Kind;
    /// The item as a node of the reference walk.
    fn node(&self) -> Node<'_>;
    /// The table of references to items of this kind.
    fn table(targets: &Targets) -> &HashMap<String, Resolution<Self>>;
    /// The same table, to fill.
    fn table_mut(targets: &mut Targets) -> &mut HashMap<String, Resolution<Self>>;
    /// The component of this kind called `name`, as the typed document
    /// holds it, where [`Target::SECTION`] says to take it from there.
    fn component<'a>(api: &'a OpenAPI, name: &str) -> Option<&'a ReferenceOr<Self>>;
    /// Where the components of this kind live (`#/components/schemas`),
    /// when a reference to one is taken from the typed document.
    const SECTION: Option<&'static str>;
}

macro_rules! target {
    ($ty:ty, $kind:ident, $field:ident, $section:expr, $components:expr) => {
        impl Target for $ty {
            const KIND: Kind = Kind::$kind;
            const SECTION: Option<&'static str> = $section;
            fn component<'a>(api: &'a OpenAPI, name: &str) -> Option<&'a ReferenceOr<Self>> {
                let pick: fn(&'a Components) -> Option<&'a IndexMap<String, ReferenceOr<Self>>> =
                    $components;
                pick(api.components.as_ref()?)?.get(name)
            }
            fn node(&self) -> Node<'_> {
                Node::$kind(self)
            }
            fn table(targets: &Targets) -> &HashMap<String, Resolution<Self>> {
                &targets.$field
            }
            fn table_mut(targets: &mut Targets) -> &mut HashMap<String, Resolution<Self>> {
                &mut targets.$field
            }
        }
    };
}

// Only component schemas are taken from the typed document: the whole
// load's check skips entries named `default`, `example` or `x-…` in the
// other component sections, so it does not vouch for every one of them.
target!(Schema, Schema, schemas, Some("#/components/schemas"), |c| {
    Some(&c.schemas)
});
target!(Parameter, Parameter, parameters, None, |_| None);
target!(RequestBody, RequestBody, request_bodies, None, |_| None);
target!(Response, Response, responses, None, |_| None);
target!(PathItem, PathItem, path_items, None, |_| None);

impl Targets {
    /// Resolves every reference in `api`, and in the items they lead to,
    /// against `raw`, the same document as JSON, which came from `file`.
    pub(crate) fn resolve(api: &OpenAPI, raw: &Value, file: &Path) -> Targets {
        let mut pass = Pass {
            api,
            raw,
            file,
            targets: Targets::default(),
            checked: HashMap::new(),
            pending: Vec::new(),
        };
        references(Node::Document(api), &mut pass.pending);
        while let Some((kind, reference)) = pass.pending.pop() {
            match kind {
                Kind::Schema => pass.add::<Schema>(reference),
                Kind::Parameter => pass.add::<Parameter>(reference),
                Kind::RequestBody => pass.add::<RequestBody>(reference),
                Kind::Response => pass.add::<Response>(reference),
                Kind::PathItem => pass.add::<PathItem>(reference),
            }
        }
        pass.targets
    }

    /// What `reference`, met as a `T`, leads to; `None` for a reference
    /// that is not in the document.
    pub(crate) fn get<T: Target>(&self, reference: &str) -> Option<&Resolution<T>> {
        T::table(self).get(reference)
    }

    /// The problems of the target checked as `key`, each at its pointer.
    pub(crate) fn bad_schemas(&self, key: &CheckKey) -> &[Diagnostic] {
        self.bad.get(key).map_or(&[], Vec::as_slice)
    }
}

/// The state of [`Targets::resolve`].
struct Pass<'a> {
    api: &'a OpenAPI,
    raw: &'a Value,
    file: &'a Path,
    targets: Targets,
    /// Every target checked, and whether it was found valid.
    checked: HashMap<CheckKey, bool>,
    /// References still to resolve.
    pending: Vec<(Kind, String)>,
}

impl Pass<'_> {
    /// Resolves `reference` as a `T`, unless it was, and queues the
    /// references in the item it leads to.
    fn add<T: Target>(&mut self, reference: String) {
        if T::table(&self.targets).contains_key(&reference) {
            return;
        }
        let resolution = self.follow::<T>(&reference);
        if let Resolution::Found(item, _) = &resolution {
            references(item.node(), &mut self.pending);
        }
        T::table_mut(&mut self.targets).insert(reference, resolution);
    }

    /// Follows the chain that starts at `reference`, checking each link's
    /// target before reading it as a `T` (see [`super::schema_check`]: a
    /// bad nested schema would make the read take exponential time).
    fn follow<T: Target>(&mut self, reference: &str) -> Resolution<T> {
        let mut reference = reference.to_owned();
        let mut from: Option<Pointer> = None;
        for _ in 0..MAX_REF_CHAIN {
            let (value, target) = match lookup(self.raw, &reference) {
                Ok(found) => found,
                Err(message) => return failed(from, message),
            };
            let read = match self.typed_component::<T>(&target) {
                Some(typed) => Ok(typed.clone()),
                None => {
                    let key = (target.clone(), T::KIND == Kind::Schema);
                    if !self.check(value, &key) {
                        return Resolution::Failed(Failure::BadSchemas(key));
                    }
                    serde_json::from_value::<ReferenceOr<T>>(value.clone())
                }
            };
            match read {
                Ok(ReferenceOr::Item(item)) => return Resolution::Found(item, target),
                Ok(ReferenceOr::Reference { reference: next }) => {
                    from = Some(target);
                    reference = next;
                }
                Err(e) => {
                    let message =
                        format!("`$ref: {reference}` points at something of the wrong shape: {e}");
                    return failed(from, message);
                }
            }
        }
        let message =
            format!("`$ref` chain longer than {MAX_REF_CHAIN} links (a cycle of references?)");
        failed(None, message)
    }

    /// The typed document's own item when `target` is a component schema
    /// read as a schema: the whole load checked every component schema at
    /// its pointer as this check would (so it is valid) and typed it from
    /// the same JSON, so checking and reading it again would only repeat
    /// that work.
    fn typed_component<T: Target>(&self, target: &Pointer) -> Option<&ReferenceOr<T>> {
        let name = target.child_of(T::SECTION?)?;
        T::component(self.api, &name)
    }

    /// Whether the schemas in the target `value` are valid, checked once
    /// per target and way of reading it; the problems go to the table.
    fn check(&mut self, value: &Value, key: &CheckKey) -> bool {
        if let Some(&ok) = self.checked.get(key) {
            return ok;
        }
        let (at, as_schema) = key;
        let problems = if *as_schema {
            check_schema(value, at, self.file)
        } else {
            check_structure(value, at, self.file)
        };
        let ok = problems.is_empty();
        if !ok {
            self.targets.bad.insert(key.clone(), problems);
        }
        self.checked.insert(key.clone(), ok);
        ok
    }
}

/// The raw JSON at `reference` and its pointer, or why there is none.
fn lookup<'v>(raw: &'v Value, reference: &str) -> Result<(&'v Value, Pointer), String> {
    let Some(target) = Pointer::from_reference(reference) else {
        return Err(format!(
            "`$ref: {reference}` refers to another document that was not bundled into this one"
        ));
    };
    match target.lookup(raw) {
        Some(value) => Ok((value, target)),
        None => Err(format!(
            "`$ref` does not resolve: target `{reference}` does not exist"
        )),
    }
}

fn failed<T>(place: Option<Pointer>, message: String) -> Resolution<T> {
    Resolution::Failed(Failure::Link { place, message })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn targets(raw: Value) -> Targets {
        let api: OpenAPI = serde_json::from_value(raw.clone()).unwrap();
        Targets::resolve(&api, &raw, Path::new("t.yaml"))
    }

    /// The place and message of a broken link, or a panic naming what
    /// the reference led to instead.
    fn link<T: Target + std::fmt::Debug>(t: &Targets, reference: &str) -> (Option<String>, String) {
        match t.get::<T>(reference) {
            Some(Resolution::Failed(Failure::Link { place, message })) => (
                place.as_ref().map(|p| p.as_str().to_owned()),
                message.clone(),
            ),
            other => panic!("{reference}: {other:?}"),
        }
    }

    #[test]
    fn chains_are_followed_to_their_end_or_the_link_that_breaks() {
        let responses = json!({
            "Loop": {"$ref": "#/components/responses/Back"},
            "Back": {"$ref": "#/components/responses/Loop"},
            "Via": {"$ref": "#/components/responses/Missing"},
            "Two": {"$ref": "#/components/responses/End"},
            "End": {"description": "the end"}
        });
        let parameters = json!({"Odd": {"$ref": "#/x-defs/NotAParameter"}});
        let t = targets(json!({
            "openapi": "3.0.1",
            "info": {"title": "t", "version": "1"},
            "paths": {"/a": {"get": {
                "parameters": [{"$ref": "#/components/parameters/Odd"}],
                "responses": {
                    "200": {"$ref": "#/components/responses/Loop"},
                    "201": {"$ref": "#/components/responses/Via"},
                    "202": {"$ref": "#/components/responses/Two"},
                    "203": {"$ref": "elsewhere.yaml#/R"}
                }
            }}},
            "components": {"responses": responses, "parameters": parameters},
            "x-defs": {"NotAParameter": {"size": 1}}
        }));
        let (place, message) = link::<Response>(&t, "#/components/responses/Loop");
        assert_eq!(place, None);
        assert_eq!(
            message,
            "`$ref` chain longer than 32 links (a cycle of references?)"
        );
        // The broken link is the target that holds it, not the start.
        let (place, message) = link::<Response>(&t, "#/components/responses/Via");
        assert_eq!(place.as_deref(), Some("#/components/responses/Via"));
        assert_eq!(
            message,
            "`$ref` does not resolve: target `#/components/responses/Missing` does not exist"
        );
        let (place, message) = link::<Response>(&t, "elsewhere.yaml#/R");
        assert_eq!(place, None);
        assert!(message.contains("another document"), "{message}");
        let (place, message) = link::<Parameter>(&t, "#/components/parameters/Odd");
        assert_eq!(place.as_deref(), Some("#/components/parameters/Odd"));
        assert!(message.contains("wrong shape"), "{message}");
        match t.get::<Response>("#/components/responses/Two") {
            Some(Resolution::Found(r, at)) => {
                assert_eq!(r.description, "the end");
                assert_eq!(at.as_str(), "#/components/responses/End");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn references_inside_targets_are_resolved_and_bad_schemas_kept_by_target() {
        // The whole load's check skips `x-` extensions, so a bad schema can
        // sit there; it is reached through a component schema's property.
        let t = targets(json!({
            "openapi": "3.0.1",
            "info": {"title": "t", "version": "1"},
            "paths": {},
            "components": {"schemas": {
                "S": {"type": "object", "properties": {"x": {"$ref": "#/x-defs/Bad"}}}
            }},
            "x-defs": {"Bad": {"type": "object", "properties": {"a": {"type": 5}}}}
        }));
        let key = match t.get::<Schema>("#/x-defs/Bad") {
            Some(Resolution::Failed(Failure::BadSchemas(key))) => key.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(key, (Pointer::from_text("#/x-defs/Bad"), true));
        let places: Vec<_> = t
            .bad_schemas(&key)
            .iter()
            .map(|d| format!("{:?}", d.at))
            .collect();
        assert!(
            places.len() == 1 && places[0].contains("#/x-defs/Bad/properties/a"),
            "{places:?}"
        );
        // Only references are in the table, not every component.
        assert!(t.get::<Schema>("#/components/schemas/S").is_none());
    }
}
