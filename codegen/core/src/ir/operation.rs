//! Operations: filter, names, parameters, bodies and responses.
//!
//! An operation without an `operationId` gets a derived one: the method and
//! the path's literal segments, with `{param}` segments as `by_param`
//! (`GET /sources/{id}/schemas` → `get_sources_by_id_schemas`). It depends
//! only on the method and path, so it is stable.
//!
//! # Path parameters the spec names wrongly
//! Some specs declare a path parameter under another name than the path
//! template uses (v2024's `GET /data-segments/{segmentId}` declares `id`).
//! Where a declared path parameter is missing from the template and it is
//! the only one, and exactly one template variable is undeclared, they are
//! one parameter: one argument, named after the template variable (which is
//! what the URL needs), documented from the declaration, with the declared
//! name recorded in [`Param::declared_as`] and shown in the method's docs. A
//! declared path parameter that the template cannot hold at all (the
//! template has no undeclared variable left, or several parameters compete
//! for it) is not an argument; it is listed in
//! [`Operation::unplaced_path_params`] and the method's docs say so. A
//! template variable nobody declares is still an argument, a `String`.

use super::docs::Docs;
use super::model::{
    Body, BodyEncoding, ErrorResponse, Method, Operation, Param, ParamIn, Success, Ty,
};
use super::operation_docs::operation_doc;
use super::path_params::{reconcile, template_vars};
use super::schema::Builder;
use crate::diag::{Diagnostic, Pointer};
use crate::names::hints::reason_hint;
use crate::names::{derived_id, reserved, sanitize, Case, Ident, Namespace};
use openapiv3::{
    Parameter, ParameterSchemaOrContent, PathItem, ReferenceOr, RequestBody, Response, StatusCode,
};

/// Builds every kept operation, in spec order.
pub(crate) fn build_all(b: &mut Builder<'_>) -> Vec<Operation> {
    let mut methods = Namespace::reserving(reserved::METHODS);
    let mut seen_ids: std::collections::BTreeMap<String, Pointer> = Default::default();
    let mut out = Vec::new();
    let paths: Vec<(String, ReferenceOr<PathItem>)> = b
        .doc
        .api
        .paths
        .paths
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for (path, item) in &paths {
        let path_at = Pointer::root().join("paths").join(path);
        let Some((item, _)) = b.resolve(item, &path_at) else {
            continue;
        };
        // Resolved (and their problems reported) once, for the first kept
        // operation of the path.
        let mut path_params: Option<Vec<(Parameter, Pointer)>> = None;
        for (verb, op) in item.iter() {
            let at = path_at.join(verb);
            let id = op
                .operation_id
                .clone()
                .unwrap_or_else(|| derived_id(verb, path));
            if !b.settings.filter().keeps(&id, &op.tags) {
                continue;
            }
            if let Some(first) = seen_ids.get(&id) {
                b.error(Diagnostic::at_pointer(
                    &b.doc.path,
                    at.join("operationId").as_str(),
                    format!("duplicate operationId `{id}` (first used at {first}); this operation is left out"),
                ));
                continue;
            }
            seen_ids.insert(id.clone(), at.clone());
            let Some(method) = method_of(verb) else {
                continue;
            };
            let path_params = path_params.get_or_insert_with(|| {
                resolve_list(b, &item.parameters, &path_at.join("parameters"))
            });
            let cx = OperationContext {
                type_hint: sanitize(&id, Case::Type),
                id,
                method,
                path,
                op,
                at,
                unsupported: Vec::new(),
                unplaced: Vec::new(),
            };
            if let Some(op) = cx.build(b, &mut methods, path_params) {
                out.push(op);
            }
        }
    }
    out
}

/// An integer schema's `maximum`.
fn integer_maximum(s: &openapiv3::Schema) -> Option<i64> {
    match &s.schema_kind {
        openapiv3::SchemaKind::Type(openapiv3::Type::Integer(i)) => i.maximum,
        _ => None,
    }
}

/// The default and the limits a parameter's schema sets, for its setter's
/// docs: what a caller needs to know without opening the spec.
fn push_constraints(docs: &mut Docs, s: &openapiv3::Schema) {
    use openapiv3::{SchemaKind, Type};
    let mut limits: Vec<String> = Vec::new();
    match &s.schema_kind {
        SchemaKind::Type(Type::Integer(i)) => {
            limits.extend(i.minimum.map(|m| format!("at least {m}")));
            limits.extend(i.maximum.map(|m| format!("at most {m}")));
        }
        SchemaKind::Type(Type::Number(n)) => {
            limits.extend(n.minimum.map(|m| format!("at least {m}")));
            limits.extend(n.maximum.map(|m| format!("at most {m}")));
        }
        SchemaKind::Type(Type::String(t)) => {
            limits.extend(t.min_length.map(|m| format!("at least {m} characters")));
            limits.extend(t.max_length.map(|m| format!("at most {m} characters")));
            limits.extend(t.pattern.as_ref().map(|p| format!("matches `{p}`")));
        }
        SchemaKind::Type(Type::Array(a)) => {
            limits.extend(a.min_items.map(|m| format!("at least {m} items")));
            limits.extend(a.max_items.map(|m| format!("at most {m} items")));
        }
        _ => {}
    }
    if let Some(d) = &s.schema_data.default {
        docs.push_raw(format!("Default: `{d}`."));
    }
    if !limits.is_empty() {
        docs.push_raw(format!("Constraints: {}.", limits.join(", ")));
    }
}

fn method_of(verb: &str) -> Option<Method> {
    Some(match verb {
        "get" => Method::Get,
        "put" => Method::Put,
        "post" => Method::Post,
        "delete" => Method::Delete,
        "options" => Method::Options,
        "head" => Method::Head,
        "patch" => Method::Patch,
        "trace" => Method::Trace,
        _ => return None,
    })
}

/// What the phases of building one operation share.
struct OperationContext<'o> {
    /// The `operationId` (or the derived one).
    id: String,
    method: Method,
    path: &'o str,
    op: &'o openapiv3::Operation,
    /// Where the operation is in the spec.
    at: Pointer,
    /// The operation's name in type case, the start of its inline types' names.
    type_hint: String,
    /// Parts the generator cannot express, with where they are; any of them
    /// leaves the operation out.
    unsupported: Vec<(Pointer, String)>,
    /// Declared path parameters the template has no place for.
    unplaced: Vec<String>,
}

impl OperationContext<'_> {
    /// Builds the operation in its phases: parameters, body, responses,
    /// docs. `None` (with the reasons reported) when part of it cannot be
    /// expressed.
    fn build(
        mut self,
        b: &mut Builder<'_>,
        methods: &mut Namespace,
        path_params: &[(Parameter, Pointer)],
    ) -> Option<Operation> {
        let params = self.params(b, path_params);
        let body = self.body(b);
        let (success, errors) = self.responses(b);
        let (success_status, example) = self.success_example(b);
        if !self.unsupported.is_empty() {
            for (p, msg) in std::mem::take(&mut self.unsupported) {
                b.error(Diagnostic::at_pointer(
                    &b.doc.path,
                    p.as_str(),
                    format!("operation `{}`: {msg}; the operation is left out", self.id),
                ));
            }
            return None;
        }
        let doc = operation_doc(b, self.op, &params);
        Some(Operation {
            method_name: methods.claim_ident(&sanitize(&self.id, Case::Snake)),
            type_name: Ident::new(&sanitize(&self.id, Case::Type)),
            id: self.id,
            method: self.method,
            path: self.path.to_owned(),
            params,
            body,
            success,
            success_status,
            example,
            errors,
            doc,
            deprecated: self.op.deprecated,
            unplaced_path_params: self.unplaced,
            builder: None,
            paging: None,
            patch: None,
        })
    }

    /// The parameters: path-level ones, overridden by operation-level ones
    /// with the same name and location; path parameters first, in the order
    /// the path names them; any the path names but the spec forgot, added.
    fn params(&mut self, b: &mut Builder<'_>, path_params: &[(Parameter, Pointer)]) -> Vec<Param> {
        let mut resolved: Vec<(Parameter, Pointer)> = path_params.to_vec();
        for (p, p_at) in resolve_list(b, &self.op.parameters, &self.at.join("parameters")) {
            let key = (p.parameter_data_ref().name.clone(), location_name(&p));
            resolved
                .retain(|(q, _)| (q.parameter_data_ref().name.clone(), location_name(q)) != key);
            resolved.push((p, p_at));
        }
        let fix = reconcile(self.path, &mut resolved);
        self.unplaced = fix.unplaced;
        let mut arg_names = Namespace::reserving(reserved::ARGUMENTS);
        let mut params = Vec::new();
        for (p, p_at) in &resolved {
            if let Some(mut param) = self.param(b, &mut arg_names, p, p_at) {
                if let Some((to, from)) = &fix.renamed {
                    if param.location == ParamIn::Path && &param.wire == to {
                        param.declared_as = Some(from.clone());
                    }
                }
                params.push(param);
            }
        }
        let path = self.path;
        let order = |p: &Param| match p.location {
            ParamIn::Path => path.find(&format!("{{{}}}", p.wire)).unwrap_or(usize::MAX),
            _ => usize::MAX,
        };
        params.sort_by_key(order);
        for seg in template_vars(path) {
            if !params
                .iter()
                .any(|p| p.location == ParamIn::Path && p.wire == seg)
            {
                // The spec forgot to declare it; it is still needed to build the URL.
                params.push(Param {
                    name: arg_names.claim_ident(&sanitize(seg, Case::Snake)),
                    wire: seg.to_owned(),
                    location: ParamIn::Path,
                    ty: Ty::String,
                    required: true,
                    explode: true,
                    fixed: None,
                    docs: Docs::new(),
                    example: None,
                    maximum: None,
                    declared_as: None,
                    collection: None,
                });
            }
        }
        params
    }

    /// One parameter; `None` for a kind that is not supported (recorded).
    fn param(
        &mut self,
        b: &mut Builder<'_>,
        arg_names: &mut Namespace,
        p: &Parameter,
        p_at: &Pointer,
    ) -> Option<Param> {
        let location = match p {
            Parameter::Path { .. } => ParamIn::Path,
            Parameter::Query { .. } => ParamIn::Query,
            Parameter::Header { .. } => ParamIn::Header,
            Parameter::Cookie { .. } => {
                self.unsupported.push((
                    p_at.clone(),
                    "cookie parameters are not supported".to_owned(),
                ));
                return None;
            }
        };
        let data = p.parameter_data_ref();
        let (ty, schema) = match &data.format {
            ParameterSchemaOrContent::Schema(s) => {
                let hint = format!("{} {}", self.type_hint, data.name);
                let ty = without_null_items(b.ty(s, &hint, &p_at.join("schema")));
                let schema = match s {
                    ReferenceOr::Item(s) => Some(s),
                    ReferenceOr::Reference { .. } => None,
                };
                (ty, schema)
            }
            ParameterSchemaOrContent::Content(_) => (Ty::String, None),
        };
        let default = schema.and_then(|s| s.schema_data.default.clone());
        let required = data.required || location == ParamIn::Path;
        // A required header with a default is sent for the caller.
        let fixed = match (&default, location, required) {
            (Some(v), ParamIn::Header, true) => Some(match v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            }),
            _ => None,
        };
        let mut docs = Docs::new();
        docs.push_opt(data.description.as_deref())
            .push_example(data.example.as_ref());
        if let Some(s) = schema {
            push_constraints(&mut docs, s);
        }
        let mut name = sanitize(&data.name, Case::Snake);
        if !required && fixed.is_none() && reserved::SETTERS.contains(&name.as_str()) {
            name.push_str("_param");
        }
        let example = data
            .example
            .clone()
            .or_else(|| schema.and_then(|s| s.schema_data.example.clone()))
            .or_else(|| default.clone());
        let collection =
            super::collection::parse(&data.name, location, &ty, data.description.as_deref());
        Some(Param {
            name: arg_names.claim_ident(&name),
            wire: data.name.clone(),
            location,
            ty,
            required,
            explode: data.explode.unwrap_or(true),
            fixed,
            docs,
            example,
            maximum: schema.and_then(integer_maximum),
            declared_as: None,
            collection,
        })
    }

    /// The request body, if the operation has one the generator can send.
    fn body(&mut self, b: &mut Builder<'_>) -> Option<Body> {
        let rb = self.op.request_body.as_ref()?;
        let (rb, rb_at) = b.resolve::<RequestBody>(rb, &self.at.join("requestBody"))?;
        match body_schema(&rb.content) {
            Some((media, schema, encoding)) => {
                let s_at = rb_at.join("content").join(media).join("schema");
                let hint = format!("{} Request", self.type_hint);
                Some(Body {
                    ty: b.ty(&schema, &hint, &s_at),
                    required: rb.required,
                    encoding,
                })
            }
            None if rb.content.is_empty() => None,
            None => {
                let types: Vec<&str> = rb.content.keys().map(String::as_str).collect();
                self.unsupported.push((
                    rb_at.join("content"),
                    format!(
                        "request body content type {} is not supported yet",
                        types.join(", ")
                    ),
                ));
                None
            }
        }
    }

    /// The success type and the documented error bodies.
    fn responses(&mut self, b: &mut Builder<'_>) -> (Success, Vec<ErrorResponse>) {
        let responses = &self.op.responses;
        let mut success: Option<Success> = None;
        let mut errors = Vec::new();
        for (code, resp) in &responses.responses {
            let (status, label) = match code {
                StatusCode::Code(c) => (Some(*c), c.to_string()),
                StatusCode::Range(r) => (None, format!("{r}XX")),
            };
            let r_at = self.at.join("responses").join(&label);
            let Some((resp, r_at)) = b.resolve::<Response>(resp, &r_at) else {
                continue;
            };
            let doc = b.doc;
            let hint = match resp_ref(&responses.responses, code)
                .and_then(|r| b.file_names.response_hint(&doc.raw, r))
            {
                Some(hint) => hint,
                None => format!("{} {}", self.type_hint, reason_hint(status.unwrap_or(0))),
            };
            let ty = json_schema(&resp.content).map(|(media, schema)| {
                let s_at = r_at.join("content").join(media).join("schema");
                b.ty(&schema, &hint, &s_at)
            });
            match status {
                Some(200..=299) => {
                    let this = match ty {
                        Some(t) => Success::Json(t),
                        None if resp.content.is_empty() => Success::Empty,
                        None => Success::Bytes(resp.content.keys().cloned().collect()),
                    };
                    success = Some(match success {
                        Some(first) => combine(first, this),
                        None => this,
                    });
                }
                Some(s) if s >= 400 => {
                    if let Some(ty) = ty {
                        errors.push(ErrorResponse {
                            status: Some(s),
                            ty,
                        });
                    }
                }
                _ => {}
            }
        }
        if let Some(resp) = &responses.default {
            let at = self.at.join("responses").join("default");
            if let Some((resp, r_at)) = b.resolve::<Response>(resp, &at) {
                if let Some((media, schema)) = json_schema(&resp.content) {
                    let s_at = r_at.join("content").join(media).join("schema");
                    let hint = format!("{} Error", self.type_hint);
                    let ty = b.ty(&schema, &hint, &s_at);
                    errors.push(ErrorResponse { status: None, ty });
                }
            }
        }
        (success.unwrap_or(Success::Empty), errors)
    }

    /// The lowest documented success status and the example of its JSON
    /// body, if the spec gives one.
    fn success_example(&self, b: &mut Builder<'_>) -> (u16, Option<String>) {
        let lowest = self
            .op
            .responses
            .responses
            .iter()
            .filter_map(|(code, resp)| match code {
                StatusCode::Code(c @ 200..=299) => Some((*c, resp)),
                _ => None,
            })
            .min_by_key(|(c, _)| *c);
        let Some((status, resp)) = lowest else {
            return (200, None);
        };
        // Peeked, not resolved: `responses` has reported any broken reference.
        let Some(resp) = b.resolver.peek::<Response>(resp) else {
            return (status, None);
        };
        let Some((media, schema)) = json_schema(&resp.content) else {
            return (status, None);
        };
        let mt = &resp.content[media];
        let inline = mt.examples.values().find_map(|e| match e {
            ReferenceOr::Item(e) => e.value.clone(),
            ReferenceOr::Reference { .. } => None,
        });
        let value = mt
            .example
            .clone()
            .or(inline)
            .or_else(|| super::example::example(&mut b.resolver, &schema));
        (status, value.map(|v| v.to_string()))
    }
}

/// The items of a list of parameters (path-level or operation-level) at
/// `list_at`, references followed; broken ones are reported and skipped.
fn resolve_list(
    b: &mut Builder<'_>,
    list: &[ReferenceOr<Parameter>],
    list_at: &Pointer,
) -> Vec<(Parameter, Pointer)> {
    list.iter()
        .enumerate()
        .filter_map(|(i, p)| b.resolve(p, &list_at.join(i.to_string())))
        .collect()
}

/// A parameter's type without nullable array items: a query string has no
/// way to send a `null` item, so an array of a nullable enum is sent (and
/// taken from the caller) as an array of the enum.
fn without_null_items(ty: Ty) -> Ty {
    match ty {
        Ty::Vec(item) => match *item {
            Ty::Option(inner) => Ty::Vec(inner),
            other => Ty::Vec(Box::new(other)),
        },
        other => other,
    }
}

/// The success of an operation with several success statuses: a JSON body
/// on one and none on another is `Option<T>`; otherwise the first wins.
fn combine(first: Success, next: Success) -> Success {
    match (first, next) {
        (Success::Json(t), Success::Empty) | (Success::Empty, Success::Json(t)) => {
            Success::MaybeJson(t)
        }
        (first, _) => first,
    }
}

fn location_name(p: &Parameter) -> &'static str {
    match p {
        Parameter::Path { .. } => "path",
        Parameter::Query { .. } => "query",
        Parameter::Header { .. } => "header",
        Parameter::Cookie { .. } => "cookie",
    }
}

/// The schema of a request body and how to encode it: JSON first, then
/// `multipart/form-data`.
fn body_schema(
    content: &indexmap::IndexMap<String, openapiv3::MediaType>,
) -> Option<(
    &str,
    openapiv3::ReferenceOr<openapiv3::Schema>,
    BodyEncoding,
)> {
    if let Some((media, schema)) = json_schema(content) {
        let encoding = BodyEncoding::Json(media.to_owned());
        return Some((media, schema, encoding));
    }
    let (media, mt) = content
        .iter()
        .find(|(k, _)| k.as_str() == "multipart/form-data")?;
    let schema = mt.schema.clone()?;
    Some((media.as_str(), schema, BodyEncoding::Multipart))
}

/// The JSON media type of a content map and its schema: `application/json`
/// first, then any `+json` or `*/*` type.
fn json_schema(
    content: &indexmap::IndexMap<String, openapiv3::MediaType>,
) -> Option<(&str, openapiv3::ReferenceOr<openapiv3::Schema>)> {
    let pick = content
        .iter()
        .find(|(k, _)| k.as_str() == "application/json")
        .or_else(|| {
            content.iter().find(|(k, _)| {
                k.ends_with("+json") || k.starts_with("application/json") || k.as_str() == "*/*"
            })
        })?;
    let schema = pick
        .1
        .schema
        .clone()
        .unwrap_or(ReferenceOr::Item(openapiv3::Schema {
            schema_data: Default::default(),
            schema_kind: openapiv3::SchemaKind::Any(Default::default()),
        }));
    Some((pick.0.as_str(), schema))
}

/// The reference a response is, if it is one.
fn resp_ref<'m>(
    map: &'m indexmap::IndexMap<StatusCode, ReferenceOr<Response>>,
    code: &StatusCode,
) -> Option<&'m str> {
    match map.get(code)? {
        ReferenceOr::Reference { reference } => Some(reference),
        ReferenceOr::Item(_) => None,
    }
}
