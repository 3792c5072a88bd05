//! Declared path parameters against the path template, for specs that name
//! them differently (the rule is in [`super::operation`]'s module docs).

use crate::diag::Pointer;
use openapiv3::Parameter;

/// What reconciling one operation's declared parameters with its path
/// template changed.
#[derive(Debug, Default)]
pub(crate) struct Reconciled {
    /// `(template variable, declared name)` of the one declared path
    /// parameter now named after the template variable it stands for.
    pub renamed: Option<(String, String)>,
    /// Declared path parameters the template has no place for, in spec
    /// order; they are left out of the parameters.
    pub unplaced: Vec<String>,
}

/// The variables of a path template, in order (`/a/{x}/b/{y}` → `x`, `y`).
pub(crate) fn template_vars(path: &str) -> impl Iterator<Item = &str> {
    path.split('{').skip(1).filter_map(|s| s.split('}').next())
}

/// Reconciles the declared parameters `resolved` of an operation with its
/// `path`: a declared path parameter missing from the template, when it is
/// the only one and exactly one template variable is undeclared, takes that
/// variable's name; every other declared path parameter missing from the
/// template is removed. Parameters in other locations are untouched.
pub(crate) fn reconcile(path: &str, resolved: &mut Vec<(Parameter, Pointer)>) -> Reconciled {
    let vars: Vec<&str> = template_vars(path).collect();
    let is_path = |p: &Parameter| matches!(p, Parameter::Path { .. });
    let declared: Vec<String> = resolved
        .iter()
        .filter(|(p, _)| is_path(p))
        .map(|(p, _)| p.parameter_data_ref().name.clone())
        .collect();
    let missing: Vec<&String> = declared
        .iter()
        .filter(|n| !vars.contains(&n.as_str()))
        .collect();
    let undeclared: Vec<&str> = vars
        .iter()
        .copied()
        .filter(|v| !declared.iter().any(|d| d == v))
        .collect();
    let mut out = Reconciled::default();
    if let ([from], [to]) = (missing.as_slice(), undeclared.as_slice()) {
        for (p, _) in resolved.iter_mut() {
            if let Parameter::Path { parameter_data, .. } = p {
                if &&parameter_data.name == from {
                    parameter_data.name = (*to).to_owned();
                }
            }
        }
        out.renamed = Some(((*to).to_owned(), (*from).clone()));
        return out;
    }
    resolved.retain(|(p, _)| {
        let name = &p.parameter_data_ref().name;
        let keep = !is_path(p) || vars.contains(&name.as_str());
        if !keep {
            out.unplaced.push(name.clone());
        }
        keep
    });
    out
}
