//! Several resources in one build. A model that comes from the same place
//! (the same file and the same JSON pointer in it) in more than one
//! resource is one type: it is defined once, in the shared module, and each
//! resource module that uses it re-exports it under the same name. What a
//! shared type refers to is shared too, so the shared module needs nothing
//! from a resource module.
//!
//! Names: a shared type keeps the name the first resource (in the order
//! given) chose for it; shared names are made unique among themselves in
//! that order. A resource's own type whose name a shared type it uses has
//! taken gets the next free number (`Foo2`); every other name is the one
//! the resource gets when generated alone.

use super::model::{Api, Model, ModelId, ModelKind, Ty};
use crate::diag::Pointer;
use crate::load::{normalize, Document, FILES_KEY};
use crate::names::{reserved, Ident, Namespace};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// One resource of a [`ResourceSet`].
#[derive(Debug, Clone)]
pub struct ResourceApi {
    /// The module it is generated in (`accounts`, `access_profiles`).
    pub module: Ident,
    /// Its model: every type it reaches, the shared ones included under
    /// their shared names (so that type references resolve), and its
    /// operations.
    pub api: Api,
    /// By model id: the type is defined in the shared module and
    /// re-exported into this one.
    pub imported: Vec<bool>,
}

/// The models of several resources, with the types they share split out.
#[derive(Debug, Clone)]
pub struct ResourceSet {
    /// The module the shared types are defined in (`shared`).
    pub shared_module: Ident,
    /// The shared types; it has no operations.
    pub shared: Api,
    /// The resources, in the order given.
    pub resources: Vec<ResourceApi>,
}

/// Where a model comes from, the same text in every resource: the
/// normalized file path and the JSON pointer in that file.
type Origin = String;

/// The [`Origin`] of a model of `doc`: a pointer into a bundled file
/// (`#/x-sailpoint-isc-files/../shared/schemas/x.yaml/properties/a`) names
/// that file; any other pointer is in the root file.
fn origin(doc: &Document, pointer: &Pointer) -> Origin {
    let segments: Vec<String> = pointer.segments().collect();
    let root_dir = doc.path.parent().unwrap_or_else(|| Path::new(""));
    let (file, rest) = match segments.as_slice() {
        [first, key, rest @ ..] if first == FILES_KEY => (normalize(&root_dir.join(key)), rest),
        all => (normalize(&doc.path), all),
    };
    let inner = rest.iter().fold(Pointer::root(), |p, s| p.join(s));
    format!("{}{}", file.display(), inner.as_str())
}

/// Every model id `ty` refers to.
fn named_in(ty: &Ty, out: &mut Vec<ModelId>) {
    match ty {
        Ty::Named(id) => out.push(*id),
        Ty::Vec(i) | Ty::Map(i) | Ty::Option(i) => named_in(i, out),
        _ => {}
    }
}

/// Every model id `model` refers to.
fn children(model: &Model) -> Vec<ModelId> {
    let mut out = Vec::new();
    match &model.kind {
        ModelKind::Struct { fields, additional } => {
            fields.iter().for_each(|f| named_in(&f.ty, &mut out));
            additional.iter().for_each(|t| named_in(t, &mut out));
        }
        ModelKind::Untagged { variants } => {
            variants.iter().for_each(|(_, t)| named_in(t, &mut out))
        }
        ModelKind::Alias(t) => named_in(t, &mut out),
        ModelKind::StringEnum { .. } => {}
    }
    out
}

/// `ty` with its model ids mapped by `map`; an id without a mapping (which
/// the closure in [`shared_origins`] rules out) becomes a JSON value.
fn remap(ty: &mut Ty, map: &dyn Fn(ModelId) -> Option<ModelId>) {
    match ty {
        Ty::Named(id) => *ty = map(*id).map_or(Ty::Json, Ty::Named),
        Ty::Vec(i) | Ty::Map(i) | Ty::Option(i) => remap(i, map),
        _ => {}
    }
}

fn remap_model(model: &mut Model, map: &dyn Fn(ModelId) -> Option<ModelId>) {
    match &mut model.kind {
        ModelKind::Struct { fields, additional } => {
            fields.iter_mut().for_each(|f| remap(&mut f.ty, map));
            additional.iter_mut().for_each(|t| remap(t, map));
        }
        ModelKind::Untagged { variants } => variants.iter_mut().for_each(|(_, t)| remap(t, map)),
        ModelKind::Alias(t) => remap(t, map),
        ModelKind::StringEnum { .. } => {}
    }
}

/// One resource as built alone, with the origin of each of its models.
struct Built {
    module: Ident,
    api: Api,
    origins: Vec<Option<Origin>>,
}

/// Splits the shared types out of resources built one by one (module name,
/// document, model), in the order given.
pub fn share(built: Vec<(Ident, &Document, Api)>) -> ResourceSet {
    let built: Vec<Built> = built
        .into_iter()
        .map(|(module, doc, api)| {
            let origins = api
                .models
                .iter()
                .map(|m| m.as_ref().map(|m| origin(doc, &m.pointer)))
                .collect();
            Built {
                module,
                api,
                origins,
            }
        })
        .collect();
    let shared = shared_origins(&built);
    let (shared_api, shared_names) = shared_models(&built, &shared);
    let resources = built
        .into_iter()
        .map(|b| localize(b, &shared_names))
        .collect();
    ResourceSet {
        shared_module: Ident::new("shared"),
        shared: shared_api,
        resources,
    }
}

/// The origins used by more than one resource, and everything they refer to.
fn shared_origins(built: &[Built]) -> BTreeSet<Origin> {
    let mut users: BTreeMap<&Origin, usize> = BTreeMap::new();
    for b in built {
        let distinct: BTreeSet<&Origin> = b.origins.iter().flatten().collect();
        for o in distinct {
            *users.entry(o).or_default() += 1;
        }
    }
    let mut shared: BTreeSet<Origin> = users
        .into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(o, _)| o.clone())
        .collect();
    // A shared type's fields must name shared types. The same file gives
    // the same references, so this adds nothing for real specs; it keeps
    // the shared module self-contained whatever the input.
    let mut changed = true;
    while changed {
        changed = false;
        for b in built {
            for (id, m) in b.api.emitted_models() {
                if !b.origins[id].as_ref().is_some_and(|o| shared.contains(o)) {
                    continue;
                }
                for child in children(m) {
                    if let Some(Some(o)) = b.origins.get(child) {
                        changed |= shared.insert(o.clone());
                    }
                }
            }
        }
    }
    shared
}

/// The shared module's model, and the shared name of each shared origin.
/// Each type is taken from the first resource that has it, or from the
/// first that sends it if any does (a sent type's read-only properties are
/// optional, see `relax_read_only`), so it works for every resource.
fn shared_models(
    built: &[Built],
    shared: &BTreeSet<Origin>,
) -> (Api, BTreeMap<Origin, (ModelId, Ident)>) {
    let mut order: Vec<&Origin> = Vec::new();
    let mut source: BTreeMap<&Origin, (usize, ModelId)> = BTreeMap::new();
    for (r, b) in built.iter().enumerate() {
        for (id, _) in b.api.emitted_models() {
            let Some(o) = b.origins[id].as_ref().filter(|o| shared.contains(*o)) else {
                continue;
            };
            let sent = |(r, id): (usize, ModelId)| built[r].api.sent.get(id) == Some(&true);
            match source.get(o) {
                None => {
                    order.push(o);
                    source.insert(o, (r, id));
                }
                Some(&first) if !sent(first) && sent((r, id)) => {
                    source.insert(o, (r, id));
                }
                Some(_) => {}
            }
        }
    }
    let new_id: BTreeMap<&Origin, ModelId> =
        order.iter().enumerate().map(|(i, o)| (*o, i)).collect();
    let mut names = Namespace::types();
    let mut models = Vec::with_capacity(order.len());
    let mut sent = Vec::with_capacity(order.len());
    let mut shared_names = BTreeMap::new();
    for (i, o) in order.iter().enumerate() {
        let (r, id) = source[*o];
        let b = &built[r];
        let Some(mut model) = b.api.model(id).cloned() else {
            continue;
        };
        let map = |child: ModelId| {
            let o = b.origins.get(child)?.as_ref()?;
            new_id.get(o).copied()
        };
        remap_model(&mut model, &map);
        model.name = names.claim_ident(model.name.as_str());
        shared_names.insert((*o).clone(), (i, model.name.clone()));
        sent.push(b.api.sent.get(id).copied().unwrap_or(false));
        models.push(Some(model));
    }
    let api = Api {
        title: "the types several resources share".to_owned(),
        base_path: String::new(),
        client_name: Ident::new(reserved::CLIENT),
        models,
        operations: Vec::new(),
        sent,
        waiters: Vec::new(),
    };
    (api, shared_names)
}

/// A resource's model with the shared types under their shared names and
/// its own types renamed where a shared one took their name.
fn localize(b: Built, shared: &BTreeMap<Origin, (ModelId, Ident)>) -> ResourceApi {
    let Built {
        module,
        mut api,
        origins,
    } = b;
    let shared_of = |id: ModelId| origins.get(id)?.as_ref().and_then(|o| shared.get(o));
    let imported: Vec<bool> = (0..api.models.len())
        .map(|id| shared_of(id).is_some())
        .collect();
    let mut names = Namespace::types();
    names.reserve(api.client_name.as_str());
    for (id, model) in api.models.iter_mut().enumerate() {
        if let (Some(m), Some((_, name))) = (model.as_mut(), shared_of(id)) {
            m.name = name.clone();
            names.reserve(name.as_str());
        }
    }
    for (id, model) in api.models.iter_mut().enumerate() {
        if let (Some(m), false) = (model.as_mut(), imported[id]) {
            m.name = names.claim_ident(m.name.as_str());
        }
    }
    ResourceApi {
        module,
        api,
        imported,
    }
}
