//! Every `$ref` a typed spec item holds, with the kind of item it has to
//! lead to: the list [`super::targets`] resolves. A reference's kind comes
//! from where it stands (a `$ref` among an operation's `parameters` must
//! lead to a parameter), which only the typed document knows.
//!
//! The walk covers every place openapiv3 gives one of the five kinds the
//! intermediate model follows (schemas, parameters, request bodies,
//! responses, path items), so whatever reference the model meets, in the
//! document or in an item a reference led to, has been resolved.

use openapiv3::{
    AdditionalProperties, Header, MediaType, OpenAPI, Operation, Parameter,
    ParameterSchemaOrContent, PathItem, ReferenceOr, RequestBody, Response, Schema, SchemaKind,
    Type,
};

/// What a reference has to lead to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Kind {
    /// A schema.
    Schema,
    /// A parameter.
    Parameter,
    /// A request body.
    RequestBody,
    /// A response.
    Response,
    /// A path item.
    PathItem,
}

/// A typed item whose references are collected.
#[derive(Clone, Copy)]
pub(crate) enum Node<'a> {
    Document(&'a OpenAPI),
    Schema(&'a Schema),
    Parameter(&'a Parameter),
    RequestBody(&'a RequestBody),
    Response(&'a Response),
    PathItem(&'a PathItem),
    Operation(&'a Operation),
    Header(&'a Header),
    Media(&'a MediaType),
}

/// The references under `root`, each with its kind, in no particular
/// order. The walk keeps its own stack: schemas nest as deep as the spec
/// makes them.
pub(super) fn references(root: Node<'_>, out: &mut Vec<(Kind, String)>) {
    let mut stack = vec![root];
    let mut w = Walk {
        stack: &mut stack,
        out,
    };
    while let Some(node) = w.stack.pop() {
        w.node(node);
    }
}

struct Walk<'s, 'a> {
    stack: &'s mut Vec<Node<'a>>,
    out: &'s mut Vec<(Kind, String)>,
}

impl<'a> Walk<'_, 'a> {
    /// A field that is a reference or an item: the reference is collected,
    /// the item walked.
    fn either<T>(&mut self, kind: Kind, item: &'a ReferenceOr<T>, node: fn(&'a T) -> Node<'a>) {
        match item {
            ReferenceOr::Reference { reference } => self.out.push((kind, reference.clone())),
            ReferenceOr::Item(item) => self.stack.push(node(item)),
        }
    }

    fn schema(&mut self, s: &'a ReferenceOr<Schema>) {
        self.either(Kind::Schema, s, Node::Schema);
    }

    fn boxed(&mut self, s: &'a ReferenceOr<Box<Schema>>) {
        self.either(Kind::Schema, s, |s| Node::Schema(s));
    }

    fn additional(&mut self, a: &'a Option<AdditionalProperties>) {
        if let Some(AdditionalProperties::Schema(s)) = a {
            self.schema(s);
        }
    }

    fn format(&mut self, f: &'a ParameterSchemaOrContent) {
        match f {
            ParameterSchemaOrContent::Schema(s) => self.schema(s),
            ParameterSchemaOrContent::Content(c) => self.stack.extend(c.values().map(Node::Media)),
        }
    }

    fn node(&mut self, node: Node<'a>) {
        match node {
            Node::Document(api) => {
                for item in api.paths.paths.values() {
                    self.either(Kind::PathItem, item, Node::PathItem);
                }
                let Some(c) = &api.components else {
                    return;
                };
                c.schemas.values().for_each(|s| self.schema(s));
                for p in c.parameters.values() {
                    self.either(Kind::Parameter, p, Node::Parameter);
                }
                for b in c.request_bodies.values() {
                    self.either(Kind::RequestBody, b, Node::RequestBody);
                }
                for r in c.responses.values() {
                    self.either(Kind::Response, r, Node::Response);
                }
                for h in c.headers.values() {
                    if let ReferenceOr::Item(h) = h {
                        self.stack.push(Node::Header(h));
                    }
                }
                for callback in c.callbacks.values() {
                    if let ReferenceOr::Item(callback) = callback {
                        self.stack.extend(callback.values().map(Node::PathItem));
                    }
                }
            }
            Node::PathItem(item) => {
                for p in &item.parameters {
                    self.either(Kind::Parameter, p, Node::Parameter);
                }
                self.stack
                    .extend(item.iter().map(|(_, op)| Node::Operation(op)));
            }
            Node::Operation(op) => {
                for p in &op.parameters {
                    self.either(Kind::Parameter, p, Node::Parameter);
                }
                if let Some(b) = &op.request_body {
                    self.either(Kind::RequestBody, b, Node::RequestBody);
                }
                let responses = op.responses.responses.values();
                for r in responses.chain(op.responses.default.as_ref()) {
                    self.either(Kind::Response, r, Node::Response);
                }
                for callback in op.callbacks.values() {
                    self.stack.extend(callback.values().map(Node::PathItem));
                }
            }
            Node::Parameter(p) => self.format(&p.parameter_data_ref().format),
            Node::Header(h) => self.format(&h.format),
            Node::RequestBody(b) => self.stack.extend(b.content.values().map(Node::Media)),
            Node::Response(r) => {
                self.stack.extend(r.content.values().map(Node::Media));
                for h in r.headers.values() {
                    if let ReferenceOr::Item(h) = h {
                        self.stack.push(Node::Header(h));
                    }
                }
            }
            Node::Media(m) => {
                if let Some(s) = &m.schema {
                    self.schema(s);
                }
            }
            Node::Schema(s) => self.schema_kind(&s.schema_kind),
        }
    }

    fn schema_kind(&mut self, kind: &'a SchemaKind) {
        match kind {
            SchemaKind::OneOf { one_of: parts }
            | SchemaKind::AllOf { all_of: parts }
            | SchemaKind::AnyOf { any_of: parts } => parts.iter().for_each(|s| self.schema(s)),
            SchemaKind::Not { not } => self.schema(not),
            SchemaKind::Type(Type::Object(o)) => {
                o.properties.values().for_each(|s| self.boxed(s));
                self.additional(&o.additional_properties);
            }
            SchemaKind::Type(Type::Array(a)) => {
                if let Some(items) = &a.items {
                    self.boxed(items);
                }
            }
            SchemaKind::Type(_) => {}
            SchemaKind::Any(a) => {
                a.properties.values().for_each(|s| self.boxed(s));
                self.additional(&a.additional_properties);
                if let Some(items) = &a.items {
                    self.boxed(items);
                }
                let parts = a.one_of.iter().chain(&a.all_of).chain(&a.any_of);
                parts.for_each(|s| self.schema(s));
                if let Some(not) = &a.not {
                    self.schema(not);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_found_with_the_kind_their_place_needs() {
        let api: OpenAPI = serde_json::from_value(serde_json::json!({
            "openapi": "3.0.1",
            "info": {"title": "t", "version": "1"},
            "paths": {
                "/a": {"$ref": "#/x-paths/a"},
                "/b": {
                    "parameters": [{"$ref": "#/components/parameters/P"}],
                    "post": {
                        "requestBody": {"$ref": "#/components/requestBodies/B"},
                        "responses": {
                            "200": {"description": "ok", "content": {"application/json": {"schema": {
                                "type": "array", "items": {"anyOf": [{"$ref": "#/s/deep"}]}}}}},
                            "default": {"$ref": "#/components/responses/E"}
                        }
                    }
                }
            },
            "components": {"schemas": {"S": {"type": "object", "additionalProperties": {"$ref": "#/s/map"}}}}
        }))
        .unwrap();
        let mut found = Vec::new();
        references(Node::Document(&api), &mut found);
        found.sort_by(|a, b| a.1.cmp(&b.1));
        let expected = [
            (Kind::Parameter, "#/components/parameters/P"),
            (Kind::RequestBody, "#/components/requestBodies/B"),
            (Kind::Response, "#/components/responses/E"),
            (Kind::Schema, "#/s/deep"),
            (Kind::Schema, "#/s/map"),
            (Kind::PathItem, "#/x-paths/a"),
        ];
        let found: Vec<(Kind, &str)> = found.iter().map(|(k, r)| (*k, r.as_str())).collect();
        assert_eq!(found, expected);
    }
}
