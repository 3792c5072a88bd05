//! Recursive schemas: a struct that contains itself without indirection has
//! infinite size, so such fields are boxed. Only the edges on a cycle are
//! boxed; `Vec` and map fields are already indirect.

use super::model::{Api, Model, ModelId, ModelKind, Ty};
use crate::diag::Pointer;
use crate::names::{reserved, Ident};

/// Direct (unboxed) model references of a type.
fn direct(ty: &Ty, out: &mut Vec<ModelId>) {
    match ty {
        Ty::Named(id) => out.push(*id),
        Ty::Option(inner) => direct(inner, out),
        _ => {}
    }
}

fn edges(api: &Api, id: ModelId) -> Vec<ModelId> {
    let mut out = Vec::new();
    match api.model(id).map(|m| &m.kind) {
        Some(ModelKind::Struct { fields, .. }) => {
            for f in fields.iter().filter(|f| !f.boxed) {
                direct(&f.ty, &mut out);
            }
        }
        Some(ModelKind::Untagged { variants }) => {
            for (_, t) in variants {
                direct(t, &mut out);
            }
        }
        Some(ModelKind::Alias(t)) => direct(t, &mut out),
        _ => {}
    }
    out
}

fn reaches(api: &Api, from: ModelId, to: ModelId) -> bool {
    let mut seen = vec![false; api.models.len()];
    let mut stack = vec![from];
    while let Some(n) = stack.pop() {
        if n == to {
            return true;
        }
        if std::mem::replace(&mut seen[n], true) {
            continue;
        }
        stack.extend(edges(api, n));
    }
    false
}

/// Boxes every struct field whose type leads back to its own struct.
pub(super) fn box_cycles(api: &mut Api) {
    for id in 0..api.models.len() {
        let n_fields = match api.model(id).map(|m| &m.kind) {
            Some(ModelKind::Struct { fields, .. }) => fields.len(),
            _ => continue,
        };
        for i in 0..n_fields {
            let targets = match api.model(id).map(|m| &m.kind) {
                Some(ModelKind::Struct { fields, .. }) => {
                    let mut t = Vec::new();
                    direct(&fields[i].ty, &mut t);
                    t
                }
                _ => continue,
            };
            if targets.iter().any(|&t| reaches(api, t, id)) {
                if let Some(Some(m)) = api.models.get_mut(id) {
                    if let ModelKind::Struct { fields, .. } = &mut m.kind {
                        fields[i].boxed = true;
                    }
                }
            }
        }
    }
}

/// Every model a type mentions, through `Vec`, maps and `Option`.
fn mentions(ty: &Ty, out: &mut Vec<ModelId>) {
    match ty {
        Ty::Named(id) => out.push(*id),
        Ty::Vec(inner) | Ty::Map(inner) | Ty::Option(inner) => mentions(inner, out),
        _ => {}
    }
}

/// Whether alias `id`'s type leads back to `id` through aliases alone.
fn alias_reaches_itself(api: &Api, id: ModelId) -> bool {
    let mut seen = vec![false; api.models.len()];
    let mut stack = Vec::new();
    if let Some(ModelKind::Alias(t)) = api.model(id).map(|m| &m.kind) {
        mentions(t, &mut stack);
    }
    while let Some(n) = stack.pop() {
        if n == id {
            return true;
        }
        if std::mem::replace(&mut seen[n], true) {
            continue;
        }
        if let Some(ModelKind::Alias(t)) = api.model(n).map(|m| &m.kind) {
            mentions(t, &mut stack);
        }
    }
    false
}

/// Makes every recursive type expressible in Rust, after [`box_cycles`]:
///
/// - A type alias cannot refer to itself, even through `Vec` (`type Tree =
///   Vec<Tree>` is a compile error). Such a schema (an array of itself, a
///   map of itself, or aliases that refer to each other) becomes a
///   one-variant untagged enum, `enum Tree { Value(Vec<Tree>) }`, which has
///   the same JSON form and may be recursive.
/// - A type that contains itself with no indirection at all and no struct
///   in between (`A: {$ref: B}`, `B: {$ref: A}`, or a `oneOf` listing the
///   union itself) has no finite form: the reference that closes the loop
///   is reported, as `(pointer, message)`, and typed as `serde_json::Value`.
pub(super) fn fix_recursive_types(api: &mut Api) -> Vec<(Pointer, String)> {
    let mut was_alias = vec![false; api.models.len()];
    for (id, converted) in was_alias.iter_mut().enumerate() {
        if !alias_reaches_itself(api, id) {
            continue;
        }
        *converted = true;
        if let Some(Some(m)) = api.models.get_mut(id) {
            if let ModelKind::Alias(t) = &m.kind {
                m.kind = ModelKind::Untagged {
                    variants: vec![(Ident::new(reserved::RECURSIVE_ALIAS_VARIANT), t.clone())],
                };
            }
        }
    }
    let mut problems = Vec::new();
    for (id, &converted) in was_alias.iter().enumerate() {
        let (n_parts, pointer, name) = match api.model(id) {
            Some(
                m @ Model {
                    kind: ModelKind::Untagged { variants },
                    ..
                },
            ) => (variants.len(), m.pointer.clone(), m.name.clone()),
            _ => continue,
        };
        for i in 0..n_parts {
            let targets = match api.model(id).map(|m| &m.kind) {
                Some(ModelKind::Untagged { variants }) => {
                    let mut t = Vec::new();
                    direct(&variants[i].1, &mut t);
                    t
                }
                _ => continue,
            };
            if !targets.iter().any(|&t| reaches(api, t, id)) {
                continue;
            }
            let Some(Some(m)) = api.models.get_mut(id) else {
                continue;
            };
            if converted {
                problems.push((
                    pointer.clone(),
                    format!(
                        "`{name}` refers back to itself through references alone (no object, array or map in between), so it has no finite Rust type; it is typed as `serde_json::Value`"
                    ),
                ));
                m.kind = ModelKind::Alias(Ty::Json);
                break;
            }
            if let ModelKind::Untagged { variants } = &mut m.kind {
                let variant = &mut variants[i];
                problems.push((
                    pointer.clone(),
                    format!(
                        "union `{name}` contains itself through its variant `{}` with no object, array or map in between, so it has no finite Rust type; that variant is typed as `serde_json::Value`",
                        variant.0
                    ),
                ));
                variant.1 = Ty::Json;
            }
        }
    }
    problems
}
