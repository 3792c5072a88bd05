//! An example value for a schema without one of its own, built from the
//! examples its parts carry (property by property, as SailPoint's specs
//! write them), the way a mock server such as Prism builds one. An
//! optional part the spec gives no example for is left out; a required
//! one gets a placeholder of its type, so the value decodes as the
//! generated type.

use super::resolve::Resolver;
use openapiv3::{ReferenceOr, Schema, SchemaKind, Type};
use serde_json::{Map, Value};

/// Most references followed inside one another: deeper parts are left
/// out (a placeholder when required).
const MAX_DEPTH: usize = 6;

/// An example of `schema`: its own `example`, or one built from its parts.
pub(super) fn example(resolver: &mut Resolver<'_>, schema: &ReferenceOr<Schema>) -> Option<Value> {
    let mut walk = Walk {
        r: resolver,
        path: Vec::new(),
    };
    walk.build(schema).map(|b| b.value)
}

/// A built value, and whether any of it is an example from the spec (an
/// optional part built only of placeholders is left out).
struct Built {
    value: Value,
    from_spec: bool,
}

struct Walk<'r, 'a> {
    r: &'r mut Resolver<'a>,
    /// The references being built, outermost first: a schema met again
    /// inside itself is not built a second time.
    path: Vec<String>,
}

impl Walk<'_, '_> {
    fn build(&mut self, schema: &ReferenceOr<Schema>) -> Option<Built> {
        if let ReferenceOr::Reference { reference } = schema {
            if self.path.contains(reference) || self.path.len() > MAX_DEPTH {
                return None;
            }
            self.path.push(reference.clone());
            let built = self.build_resolved(schema);
            self.path.pop();
            return built;
        }
        self.build_resolved(schema)
    }

    fn build_resolved(&mut self, schema: &ReferenceOr<Schema>) -> Option<Built> {
        let s = self.r.peek(schema)?;
        if let Some(v) = s.schema_data.example.clone() {
            return Some(Built {
                value: v,
                from_spec: true,
            });
        }
        let part = |value| {
            Some(Built {
                value,
                from_spec: false,
            })
        };
        match &s.schema_kind {
            SchemaKind::Type(Type::Object(o)) => Some(self.object(&o.properties, &o.required)),
            SchemaKind::Type(Type::Array(a)) => {
                let item = a.items.clone().and_then(|i| self.build(&i.unbox()));
                let from_spec = item.as_ref().is_some_and(|i| i.from_spec);
                Some(Built {
                    value: Value::Array(item.map(|i| i.value).into_iter().collect()),
                    from_spec,
                })
            }
            SchemaKind::Type(Type::String(t)) => t
                .enumeration
                .iter()
                .flatten()
                .next()
                .and_then(|v| part(Value::from(v.as_str()))),
            SchemaKind::AllOf { all_of } => {
                let mut merged = Map::new();
                let mut from_spec = false;
                for p in all_of {
                    match self.build(p) {
                        Some(Built {
                            value: Value::Object(o),
                            from_spec: f,
                        }) => {
                            merged.extend(o);
                            from_spec |= f;
                        }
                        Some(other) => return Some(other),
                        None => {}
                    }
                }
                Some(Built {
                    value: Value::Object(merged),
                    from_spec,
                })
            }
            SchemaKind::OneOf { one_of: parts } | SchemaKind::AnyOf { any_of: parts } => {
                parts.iter().find_map(|p| self.build(p))
            }
            SchemaKind::Any(a) if !a.properties.is_empty() => {
                Some(self.object(&a.properties, &a.required))
            }
            _ => None,
        }
    }

    fn object(
        &mut self,
        properties: &indexmap::IndexMap<String, ReferenceOr<Box<Schema>>>,
        required: &[String],
    ) -> Built {
        let mut out = Map::new();
        let mut from_spec = false;
        for (name, p) in properties {
            let p = p.clone().unbox();
            let is_required = required.contains(name);
            match self.build(&p) {
                Some(b) if b.from_spec || is_required => {
                    from_spec |= b.from_spec;
                    out.insert(name.clone(), b.value);
                }
                _ if is_required => {
                    out.insert(name.clone(), placeholder(self.r, &p));
                }
                _ => {}
            }
        }
        Built {
            value: Value::Object(out),
            from_spec,
        }
    }
}

/// A value of `schema`'s type, for a required part without an example.
fn placeholder(r: &mut Resolver<'_>, schema: &ReferenceOr<Schema>) -> Value {
    let Some(s) = r.peek(schema) else {
        return Value::Null;
    };
    if s.schema_data.nullable {
        return Value::Null;
    }
    match &s.schema_kind {
        SchemaKind::Type(Type::String(t)) => Value::from(match &t.format {
            openapiv3::VariantOrUnknownOrEmpty::Item(openapiv3::StringFormat::DateTime) => {
                "2024-01-01T00:00:00Z"
            }
            openapiv3::VariantOrUnknownOrEmpty::Item(openapiv3::StringFormat::Date) => "2024-01-01",
            _ => "string",
        }),
        SchemaKind::Type(Type::Integer(_) | Type::Number(_)) => Value::from(0),
        SchemaKind::Type(Type::Boolean(_)) => Value::Bool(false),
        SchemaKind::Type(Type::Array(_)) => Value::Array(Vec::new()),
        _ => Value::Object(Map::new()),
    }
}
