//! Stage two: the intermediate model. Resolves `$ref`s, picks every Rust name
//! (through [`crate::names`]), applies the operation filter and keeps only
//! the schemas that kept operations reach. Emitters read only these types:
//! they never see `ReferenceOr` and never look anything up in the spec.

mod all_of;
mod collection;
mod docs;
mod example;
mod model;
mod operation;
mod operation_docs;
mod paging;
mod patch;
mod path_params;
mod prose;
mod recursion;
mod resolve;
mod schema;
mod shared;
mod waiters;

pub use collection::{Collection, FilterField, FilterOp, FilterSet, FilterTy, SortSet};
pub use docs::Docs;
pub use shared::{share, ResourceApi, ResourceSet};
pub use waiters::Waiter;

use crate::diag::Diagnostic;
use crate::load::Document;
use crate::names::{reserved, Ident, Namespace};
use crate::settings::Settings;
pub use model::{
    Api, BodyEncoding, Field, Model, ModelId, ModelKind, Operation, Paging, Param, ParamIn,
    PatchMethod, Success, Ty, Variant,
};

/// Builds the model of `doc` under `settings`. Problems become diagnostics,
/// in the order the spec is walked (operations in spec order, then the
/// component schemas no operation reached, then recursive types); whatever
/// could be built is returned alongside them.
pub fn build(doc: &Document, settings: &Settings) -> (Api, Vec<Diagnostic>) {
    let client_name = Ident::new(&format!("{}{}", reserved::CLIENT, settings.suffix));
    let mut types = Namespace::types();
    types.reserve(client_name.as_str());
    let mut b = schema::Builder::new(doc, settings, types);
    let operations = operation::build_all(&mut b);
    if settings.filter().is_empty() {
        b.ensure_all_components();
    }
    let (models, mut sink, mut types) = b.finish();
    let mut operations = operations;
    name_builders(&mut operations, &mut types, &settings.suffix);
    let mut api = Api {
        title: doc.api.info.title.clone(),
        base_path: base_path(doc),
        client_name,
        sent: Vec::new(),
        models,
        operations,
        waiters: Vec::new(),
    };
    recursion::box_cycles(&mut api);
    for (pointer, message) in recursion::fix_recursive_types(&mut api) {
        sink.report(Diagnostic::at_pointer(&doc.path, pointer.as_str(), message));
    }
    api.sent = sent_models(&api);
    paging::detect(&mut api);
    patch::detect(&mut api);
    collection::type_fields(&mut api);
    collection::name_sets(&mut api.operations);
    relax_read_only(&mut api);
    api.waiters = waiters::detect(&api);
    (api, sink.finish())
}

/// Names the builder type of each operation with optional parameters
/// (`ListAccessProfilesCall`), after every model is named, so that adding
/// builders never renames a model; and each operation's type in the `ops`
/// module, a namespace of its own (`QueryPasswordInfo`, with the suffix).
fn name_builders(operations: &mut [Operation], types: &mut Namespace, suffix: &str) {
    let mut op_types = Namespace::new();
    for op in operations.iter_mut() {
        let stem = crate::names::sanitize(&op.id, crate::names::Case::Type);
        op.type_name = op_types.claim_ident(&format!("{stem}{suffix}"));
        if op.has_setters() {
            op.builder =
                Some(types.claim_ident(&format!("{stem}{}{suffix}", reserved::BUILDER_SUFFIX)));
        }
    }
}

/// Required read-only properties of types that are sent become optional.
fn relax_read_only(api: &mut Api) {
    for (id, model) in api.models.iter_mut().enumerate() {
        if !api.sent.get(id).copied().unwrap_or(false) {
            continue;
        }
        if let Some(Model {
            kind: ModelKind::Struct { fields, .. },
            ..
        }) = model
        {
            for f in fields.iter_mut().filter(|f| f.read_only && f.required) {
                f.required = false;
                f.docs.push_raw(
                    "Read-only: required in responses; leave it `None` in requests.".to_owned(),
                );
            }
        }
    }
}

/// Marks every model reachable from a request body or parameter.
fn sent_models(api: &Api) -> Vec<bool> {
    let mut sent = vec![false; api.models.len()];
    let mut stack: Vec<&Ty> = Vec::new();
    for op in &api.operations {
        stack.extend(op.body.iter().map(|b| &b.ty));
        stack.extend(op.params.iter().map(|p| &p.ty));
    }
    while let Some(ty) = stack.pop() {
        match ty {
            Ty::Vec(i) | Ty::Map(i) | Ty::Option(i) => stack.push(i),
            Ty::Named(id) => {
                if std::mem::replace(&mut sent[*id], true) {
                    continue;
                }
                match api.model(*id).map(|m| &m.kind) {
                    Some(ModelKind::Struct { fields, additional }) => {
                        stack.extend(fields.iter().map(|f| &f.ty));
                        stack.extend(additional.iter());
                    }
                    Some(ModelKind::Untagged { variants }) => {
                        stack.extend(variants.iter().map(|(_, t)| t))
                    }
                    Some(ModelKind::Alias(t)) => stack.push(t),
                    Some(ModelKind::StringEnum { .. }) | None => {}
                }
            }
            _ => {}
        }
    }
    sent
}

/// The path part of the first server URL: `https://{tenant}.api.identitynow.com/v2024` → `/v2024`.
fn base_path(doc: &Document) -> String {
    let Some(server) = doc.api.servers.first() else {
        return String::new();
    };
    let url = server.url.as_str();
    let after_scheme = url.find("://").map_or(url, |i| &url[i + 3..]);
    let path = if url.starts_with('/') {
        url
    } else {
        after_scheme.find('/').map_or("", |i| &after_scheme[i..])
    };
    path.trim_end_matches('/').to_owned()
}
