//! ISC's `filters` and `sorters` parameters, typed from their prose: the
//! spec lists each list's filterable fields and operators, and its
//! sortable fields, in a regular form inside the parameter's description:
//!
//! ```text
//! Filtering is supported for the following fields and operators:
//!
//! **sourceId**: *eq, in, sw*
//!
//! Sorting is supported for the following fields: **id, name, created**
//! ```
//!
//! A description that parses gives the operation a field set (one type
//! per distinct set, shared by the operations that document the same
//! fields); one that does not keeps the text-only setter, and says why
//! ([`Collection`]'s `Err`), which the census test lists. The field types
//! come from the answer's item schema: a `date-time` property filters with
//! a `DateTime`; a field the schema does not have filters with strings.

use super::model::{Api, ModelKind, Operation, ParamIn, Success, Ty};
use crate::names::{sanitize, Case, Ident, Namespace};
use std::collections::HashMap;

/// The sentence that introduces the field lines of a `filters` description.
const FILTERS_INTRO: &str = "Filtering is supported for the following fields and operators:";
/// The sentence before the bold field list of a `sorters` description.
const SORTERS_INTRO: &str = "Sorting is supported for the following fields:";

/// A `filters` or `sorters` query parameter, and what its description
/// documents: the fields, or why none could be read from it.
#[derive(Debug, Clone)]
pub enum Collection {
    /// The `filters` parameter.
    Filters(Result<FilterSet, String>),
    /// The `sorters` parameter.
    Sorters(Result<SortSet, String>),
}

/// The filterable fields of one operation.
#[derive(Debug, Clone)]
pub struct FilterSet {
    /// The set's type in the `filters` module: the operation's type name.
    pub name: Ident,
    /// The set of an earlier operation documenting the same fields, which
    /// this one's name aliases.
    pub same_as: Option<Ident>,
    /// The fields in the description's order.
    pub fields: Vec<FilterField>,
}

/// One filterable field.
#[derive(Debug, Clone)]
pub struct FilterField {
    /// The name on the wire (`sourceId`, `recommendation.method`).
    pub wire: String,
    /// The function's name (`source_id`, `recommendation_method`).
    pub name: Ident,
    /// The documented operators, in the language's order, each once.
    pub ops: Vec<FilterOp>,
    /// The values' type.
    pub ty: FilterTy,
    /// The line lacked the colon after the field (`**reviewedByUser** *eq*`,
    /// v2024's one malformed line) and was read anyway.
    pub lenient: bool,
}

/// The value type of a filter field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FilterTy {
    /// Quoted text.
    String,
    /// `true`/`false`.
    Bool,
    /// An integer.
    Int,
    /// A number.
    Float,
    /// An RFC 3339 date-time.
    DateTime,
    /// An RFC 3339 date.
    Date,
}

/// An operator of the filter language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FilterOp {
    #[allow(missing_docs)]
    Eq,
    #[allow(missing_docs)]
    Ne,
    #[allow(missing_docs)]
    Co,
    #[allow(missing_docs)]
    Sw,
    #[allow(missing_docs)]
    Gt,
    #[allow(missing_docs)]
    Ge,
    #[allow(missing_docs)]
    Lt,
    #[allow(missing_docs)]
    Le,
    #[allow(missing_docs)]
    In,
    #[allow(missing_docs)]
    Ca,
    #[allow(missing_docs)]
    Pr,
    #[allow(missing_docs)]
    Isnull,
}

impl FilterOp {
    const ALL: [FilterOp; 12] = [
        FilterOp::Eq,
        FilterOp::Ne,
        FilterOp::Co,
        FilterOp::Sw,
        FilterOp::Gt,
        FilterOp::Ge,
        FilterOp::Lt,
        FilterOp::Le,
        FilterOp::In,
        FilterOp::Ca,
        FilterOp::Pr,
        FilterOp::Isnull,
    ];

    /// The operator as the language writes it.
    pub fn word(self) -> &'static str {
        match self {
            FilterOp::Eq => "eq",
            FilterOp::Ne => "ne",
            FilterOp::Co => "co",
            FilterOp::Sw => "sw",
            FilterOp::Gt => "gt",
            FilterOp::Ge => "ge",
            FilterOp::Lt => "lt",
            FilterOp::Le => "le",
            FilterOp::In => "in",
            FilterOp::Ca => "ca",
            FilterOp::Pr => "pr",
            FilterOp::Isnull => "isnull",
        }
    }

    fn from_word(word: &str) -> Option<FilterOp> {
        FilterOp::ALL.into_iter().find(|op| op.word() == word)
    }
}

/// The sortable fields of one operation.
#[derive(Debug, Clone)]
pub struct SortSet {
    /// The set's type in the `sorters` module: the operation's type name.
    pub name: Ident,
    /// The set of an earlier operation with the same fields.
    pub same_as: Option<Ident>,
    /// The fields: wire name and function name.
    pub fields: Vec<(String, Ident)>,
}

/// What the description of the query parameter `name` documents, when it
/// is `filters` or `sorters` and a string; set names are given later
/// ([`name_sets`]), field types later still ([`type_fields`]).
pub(super) fn parse(
    name: &str,
    location: ParamIn,
    ty: &Ty,
    description: Option<&str>,
) -> Option<Collection> {
    if location != ParamIn::Query || *ty != Ty::String {
        return None;
    }
    let text = description.unwrap_or("");
    match name {
        "filters" => Some(Collection::Filters(parse_filters(text))),
        "sorters" => Some(Collection::Sorters(parse_sorters(text))),
        _ => None,
    }
}

fn valid_field(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
}

fn parse_filters(text: &str) -> Result<FilterSet, String> {
    let Some((_, lines)) = text.split_once(FILTERS_INTRO) else {
        return Err(format!("the description lacks \"{FILTERS_INTRO}\""));
    };
    let mut fields: Vec<FilterField> = Vec::new();
    let mut names = Namespace::new();
    // Lines that do not start with a bold field path are prose (composite
    // operators, notes, task-management's `**Possible Values:** …`) and
    // are skipped; a bold field whose operators do not read as `*op, op*`
    // makes the whole description raw-only.
    for line in lines.lines().map(str::trim) {
        let Some((field, rest)) = line
            .strip_prefix("**")
            .and_then(|rest| rest.split_once("**"))
            .filter(|(field, _)| valid_field(field))
        else {
            continue;
        };
        let (rest, lenient) = match rest.strip_prefix(':') {
            Some(rest) => (rest, false),
            None => (rest, true),
        };
        let ops = rest
            .trim()
            .strip_prefix('*')
            .and_then(|r| r.strip_suffix('*'))
            .filter(|ops| !ops.contains('*'))
            .ok_or_else(|| format!("unreadable field line `{line}`"))?;
        let mut parsed = Vec::new();
        for word in ops.split(',').map(str::trim) {
            let op = FilterOp::from_word(word)
                .ok_or_else(|| format!("field `{field}`: `{word}` is not an operator"))?;
            parsed.push(op);
        }
        match fields.iter_mut().find(|f| f.wire == field) {
            Some(f) => f.ops.extend(parsed),
            None => fields.push(FilterField {
                wire: field.to_owned(),
                name: names.claim_ident(&sanitize(field, Case::Snake)),
                ops: parsed,
                ty: FilterTy::String,
                lenient,
            }),
        }
    }
    if fields.is_empty() {
        return Err("no `**field**: *operators*` line follows the introduction".to_owned());
    }
    for f in &mut fields {
        f.ops.sort();
        f.ops.dedup();
    }
    Ok(FilterSet {
        name: Ident::new("_"),
        same_as: None,
        fields,
    })
}

fn parse_sorters(text: &str) -> Result<SortSet, String> {
    let Some((_, rest)) = text.split_once(SORTERS_INTRO) else {
        return Err(format!("the description lacks \"{SORTERS_INTRO}\""));
    };
    let list = rest
        .trim_start()
        .strip_prefix("**")
        .and_then(|r| r.split_once("**"))
        .map(|(list, _)| list)
        .ok_or_else(|| "no bold field list follows the introduction".to_owned())?;
    let mut names = Namespace::new();
    let mut fields: Vec<(String, Ident)> = Vec::new();
    for field in list.split(',').map(str::trim) {
        if !valid_field(field) {
            return Err(format!("`{field}` is not a field path"));
        }
        if !fields.iter().any(|(w, _)| w == field) {
            fields.push((
                field.to_owned(),
                names.claim_ident(&sanitize(field, Case::Snake)),
            ));
        }
    }
    Ok(SortSet {
        name: Ident::new("_"),
        same_as: None,
        fields,
    })
}

/// Gives each typed set the name of its operation's type, and marks the
/// sets equal to an earlier operation's as aliases of it.
pub(super) fn name_sets(operations: &mut [Operation]) {
    let mut filters: HashMap<String, Ident> = HashMap::new();
    let mut sorters: HashMap<String, Ident> = HashMap::new();
    for op in operations.iter_mut() {
        let name = op.type_name.clone();
        for p in &mut op.params {
            match &mut p.collection {
                Some(Collection::Filters(Ok(set))) => {
                    let key: Vec<String> = set
                        .fields
                        .iter()
                        .map(|f| format!("{}:{:?}:{:?}", f.wire, f.ops, f.ty))
                        .collect();
                    set.name = name.clone();
                    set.same_as = shared(&mut filters, key.join(","), &name);
                }
                Some(Collection::Sorters(Ok(set))) => {
                    let key: Vec<&str> = set.fields.iter().map(|(w, _)| w.as_str()).collect();
                    set.name = name.clone();
                    set.same_as = shared(&mut sorters, key.join(","), &name);
                }
                _ => {}
            }
        }
    }
}

fn shared(seen: &mut HashMap<String, Ident>, key: String, name: &Ident) -> Option<Ident> {
    match seen.get(&key) {
        Some(first) => Some(first.clone()),
        None => {
            seen.insert(key, name.clone());
            None
        }
    }
}

/// Types each filter field from the property its path names in the
/// answer's item schema (`recommendation.method` through the
/// `recommendation` object); string where the schema has no such
/// property or it is not a scalar.
pub(super) fn type_fields(api: &mut Api) {
    let mut types: Vec<Vec<Vec<FilterTy>>> = Vec::new();
    for op in &api.operations {
        let item = match &op.success {
            Success::Json(Ty::Vec(item)) | Success::MaybeJson(Ty::Vec(item)) => Some(&**item),
            _ => None,
        };
        types.push(
            op.params
                .iter()
                .map(|p| match &p.collection {
                    Some(Collection::Filters(Ok(set))) => set
                        .fields
                        .iter()
                        .map(|f| item.map_or(FilterTy::String, |t| path_type(api, t, &f.wire)))
                        .collect(),
                    _ => Vec::new(),
                })
                .collect(),
        );
    }
    for (op, types) in api.operations.iter_mut().zip(types) {
        for (p, types) in op.params.iter_mut().zip(types) {
            if let Some(Collection::Filters(Ok(set))) = &mut p.collection {
                for (f, ty) in set.fields.iter_mut().zip(types) {
                    f.ty = ty;
                }
            }
        }
    }
}

fn path_type(api: &Api, ty: &Ty, path: &str) -> FilterTy {
    let mut ty = ty;
    for segment in path.split('.') {
        match property(api, ty, segment) {
            Some(t) => ty = t,
            None => return FilterTy::String,
        }
    }
    scalar(api, ty)
}

/// The type of property `name` of the object `ty` (through aliases,
/// options and arrays, whose items a filter compares).
fn property<'a>(api: &'a Api, ty: &'a Ty, name: &str) -> Option<&'a Ty> {
    match ty {
        Ty::Vec(inner) | Ty::Option(inner) => property(api, inner, name),
        Ty::Named(id) => match &api.model(*id)?.kind {
            ModelKind::Struct { fields, .. } => {
                fields.iter().find(|f| f.wire == name).map(|f| &f.ty)
            }
            ModelKind::Alias(t) => property(api, t, name),
            _ => None,
        },
        _ => None,
    }
}

fn scalar(api: &Api, ty: &Ty) -> FilterTy {
    match ty {
        Ty::Bool => FilterTy::Bool,
        Ty::I32 | Ty::I64 => FilterTy::Int,
        Ty::F64 => FilterTy::Float,
        Ty::DateTime => FilterTy::DateTime,
        Ty::Date => FilterTy::Date,
        Ty::Vec(inner) | Ty::Option(inner) => scalar(api, inner),
        Ty::Named(id) => match api.model(*id).map(|m| &m.kind) {
            Some(ModelKind::Alias(t)) => scalar(api, t),
            _ => FilterTy::String,
        },
        _ => FilterTy::String,
    }
}
