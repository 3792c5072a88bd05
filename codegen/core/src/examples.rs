//! The spec's own examples, each paired with the generated type it should
//! decode into, so that a test can check the generated types against them.
//!
//! Listed: the `example` and every `examples.*.value` of each request body
//! and response media type of each kept operation, and the `example` and
//! `examples.*.value` of each parameter. References are followed, and an
//! example reached through a shared component (`#/components/responses/404`,
//! `#/components/examples/…`) is listed once per generated type at the place
//! it lives. `externalValue` examples are not fetched. A media type the
//! generator does not decode (CSV, an image) is listed with no type. Every
//! success status shares the operation's one success type, as the
//! generated method decodes it.

use crate::diag::Pointer;
use crate::ir::{Api, BodyEncoding, Operation, ParamIn, Success, Ty};
use crate::load::Document;
use serde_json::Value;
use std::collections::BTreeSet;

/// Longest chain of references to references that is followed.
const MAX_REF_CHAIN: usize = 32;

/// One example from the spec.
#[derive(Debug, Clone)]
pub struct Example {
    /// JSON pointer of the example value where it lives, after following
    /// references (`#/paths/~1accounts/get/responses/200/content/application~1json/example`).
    pub pointer: Pointer,
    /// The `operationId` of the first kept operation that uses it.
    pub operation: String,
    /// The media type, or `None` for a parameter example.
    pub media_type: Option<String>,
    /// The example value.
    pub value: Value,
    /// The generated type it should decode into, or `None` when the media
    /// type has no generated type (the operation returns or sends it as bytes).
    pub ty: Option<Ty>,
}

/// Every example of the kept operations of `api`, in operation order.
pub fn examples(doc: &Document, api: &Api) -> Vec<Example> {
    let mut c = Collector {
        doc,
        seen: BTreeSet::new(),
        out: Vec::new(),
    };
    for op in &api.operations {
        c.operation(op);
    }
    c.out
}

struct Collector<'a> {
    doc: &'a Document,
    /// Pointer and type of every example already listed.
    seen: BTreeSet<(String, String)>,
    out: Vec<Example>,
}

impl<'a> Collector<'a> {
    fn operation(&mut self, op: &Operation) {
        let path_at = Pointer::root().join("paths").join(&op.path);
        let Some((item, _)) = self.follow(&path_at) else {
            return;
        };
        let verb = op.method.as_str().to_ascii_lowercase();
        let Some((raw_op, op_at)) = self.child(item, &path_at, &verb) else {
            return;
        };
        for (list, list_at) in [(item, path_at.clone()), (raw_op, op_at.clone())] {
            let Some(params) = list.get("parameters").filter(|p| p.is_array()) else {
                continue;
            };
            let params_at = list_at.join("parameters");
            for i in 0..params.as_array().map_or(0, Vec::len) {
                if let Some((p, p_at)) = self.child(params, &params_at, &i.to_string()) {
                    self.parameter(op, p, &p_at);
                }
            }
        }
        if let Some((body, body_at)) = self.child(raw_op, &op_at, "requestBody") {
            self.content(op, body, &body_at, |media| match &op.body {
                Some(b) => match &b.encoding {
                    BodyEncoding::Json(m) if m == media => Some(b.ty.clone()),
                    BodyEncoding::Multipart if media == "multipart/form-data" => Some(b.ty.clone()),
                    _ => None,
                },
                None => None,
            });
        }
        let Some(responses) = raw_op.get("responses").and_then(Value::as_object) else {
            return;
        };
        let responses_at = op_at.join("responses");
        for code in responses.keys() {
            let Some((resp, resp_at)) = self.child(&raw_op["responses"], &responses_at, code)
            else {
                continue;
            };
            let json_media = chosen_json_media(resp);
            self.content(op, resp, &resp_at, |media| {
                if Some(media) != json_media.as_deref() {
                    return None;
                }
                response_ty(op, code)
            });
        }
    }

    /// The examples of the media types in `holder.content`; `ty_of` gives
    /// the generated type for a media type.
    fn content(
        &mut self,
        op: &Operation,
        holder: &Value,
        at: &Pointer,
        ty_of: impl Fn(&str) -> Option<Ty>,
    ) {
        let Some(content) = holder.get("content").and_then(Value::as_object) else {
            return;
        };
        for (media, mt) in content {
            let mt_at = at.join("content").join(media);
            self.values(op, Some(media), mt, &mt_at, ty_of(media));
        }
    }

    fn parameter(&mut self, op: &Operation, p: &Value, at: &Pointer) {
        let (Some(name), Some(place)) = (
            p.get("name").and_then(Value::as_str),
            p.get("in").and_then(Value::as_str),
        ) else {
            return;
        };
        let location = match place {
            "path" => ParamIn::Path,
            "query" => ParamIn::Query,
            "header" => ParamIn::Header,
            _ => return,
        };
        let ty = op
            .params
            .iter()
            .find(|q| {
                q.location == location && (q.wire == name || q.declared_as.as_deref() == Some(name))
            })
            .map(|q| q.ty.clone());
        // A parameter the operation overrides is not this operation's, and
        // a path parameter the path has no place for is not an argument.
        if ty.is_some() {
            self.values(op, None, p, at, ty);
        }
    }

    /// `node.example` and `node.examples.*.value`.
    fn values(
        &mut self,
        op: &Operation,
        media: Option<&str>,
        node: &Value,
        at: &Pointer,
        ty: Option<Ty>,
    ) {
        if let Some(v) = node.get("example") {
            self.push(op, media, v.clone(), at.join("example"), ty.clone());
        }
        let Some(named) = node.get("examples").and_then(Value::as_object) else {
            return;
        };
        let examples_at = at.join("examples");
        for name in named.keys() {
            let Some((ex, ex_at)) = self.child(&node["examples"], &examples_at, name) else {
                continue;
            };
            if let Some(v) = ex.get("value") {
                self.push(op, media, v.clone(), ex_at.join("value"), ty.clone());
            }
        }
    }

    fn push(
        &mut self,
        op: &Operation,
        media: Option<&str>,
        value: Value,
        at: Pointer,
        ty: Option<Ty>,
    ) {
        let key = (at.to_string(), format!("{ty:?}"));
        if !self.seen.insert(key) {
            return;
        }
        self.out.push(Example {
            pointer: at,
            operation: op.id.clone(),
            media_type: media.map(str::to_owned),
            value,
            ty,
        });
    }

    /// `parent[key]` with references followed, and where it lives.
    fn child(
        &self,
        parent: &'a Value,
        parent_at: &Pointer,
        key: &str,
    ) -> Option<(&'a Value, Pointer)> {
        let v = match parent {
            Value::Object(m) => m.get(key)?,
            Value::Array(a) => a.get(key.parse::<usize>().ok()?)?,
            _ => return None,
        };
        self.deref(v, parent_at.join(key))
    }

    /// The node at `at`, with references followed.
    fn follow(&self, at: &Pointer) -> Option<(&'a Value, Pointer)> {
        let v = at.lookup(&self.doc.raw)?;
        self.deref(v, at.clone())
    }

    fn deref(&self, mut v: &'a Value, mut at: Pointer) -> Option<(&'a Value, Pointer)> {
        for _ in 0..MAX_REF_CHAIN {
            match v.get("$ref").and_then(Value::as_str) {
                Some(r) => {
                    at = Pointer::from_reference(r)?;
                    v = at.lookup(&self.doc.raw)?;
                }
                None => return Some((v, at)),
            }
        }
        None
    }
}

/// The media type whose schema the generator decodes, chosen as
/// [`crate::ir`] chooses it: `application/json`, else the first JSON-like type.
fn chosen_json_media(holder: &Value) -> Option<String> {
    let content = holder.get("content")?.as_object()?;
    if content.contains_key("application/json") {
        return Some("application/json".to_owned());
    }
    content
        .keys()
        .find(|k| k.ends_with("+json") || k.starts_with("application/json") || *k == "*/*")
        .cloned()
}

/// The generated type of a response status's JSON body.
fn response_ty(op: &Operation, code: &str) -> Option<Ty> {
    if code == "default" {
        return op
            .errors
            .iter()
            .find(|e| e.status.is_none())
            .map(|e| e.ty.clone());
    }
    let status = code.parse::<u16>().ok()?;
    match status {
        200..=299 => match &op.success {
            Success::Json(t) | Success::MaybeJson(t) => Some(t.clone()),
            Success::Bytes(_) | Success::Empty => None,
        },
        _ => op
            .errors
            .iter()
            .find(|e| e.status == Some(status))
            .map(|e| e.ty.clone()),
    }
}
