//! Recursive schemas: a struct that contains itself without indirection has
//! infinite size, so such fields are boxed. Only the edges on a cycle are
//! boxed; `Vec` and map fields are already indirect.

use super::{Api, ModelId, ModelKind, Ty};

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
