//! Schemas to models and type references.

use super::all_of;
use super::docs::Docs;
use super::model::{Field, Model, ModelId, ModelKind, Sorted, Ty, Variant};
use super::resolve::{Resolver, Unresolved};
use crate::diag::{Diagnostic, Pointer, Sink};
use crate::load::{Document, Target};
use crate::names::hints::FileNames;
use crate::names::{reserved, sanitize, Case, Ident, Namespace};
use crate::settings::Settings;
use openapiv3::{
    AdditionalProperties, IntegerFormat, ObjectType, ReferenceOr, Schema, SchemaKind, StringFormat,
    Type, VariantOrUnknownOrEmpty,
};
use std::collections::HashMap;

/// Where component schemas live.
const COMPONENTS: &str = "#/components/schemas";

/// Deepest nesting of inline schemas (properties, items, unions and
/// references to places other than `#/components/schemas`) converted into
/// nested Rust types; deeper ones become `serde_json::Value` with an error.
/// Real specs nest a handful of levels; the bound keeps the generator's
/// recursion, and the type nesting of its output, small.
pub(crate) const MAX_INLINE_DEPTH: usize = 32;

/// Component schemas met deeper than this on the call stack are built
/// afterwards from a work list instead of on the spot, so a long chain of
/// components referring to each other cannot exhaust the stack. Below it the
/// order in which models (and colliding inline names) are claimed is the
/// natural depth-first one.
const DEFER_DEPTH: usize = 24;

/// What a schema turns into before it is given a home.
enum Shape {
    /// It needs a named type of its own.
    Model(ModelKind),
    /// It is a plain type reference.
    Ty(Ty),
}

/// Builds models on demand, so that only what kept operations reach is
/// emitted. Component schema names are all claimed up front, in spec order,
/// so a schema's Rust name does not depend on the operation filter.
pub(crate) struct Builder<'a> {
    pub(crate) doc: &'a Document,
    pub(crate) settings: &'a Settings,
    /// Follows `$ref`s; its problems are reported through [`Builder::resolve`].
    pub(crate) resolver: Resolver<'a>,
    /// Every problem, in the order met.
    pub(crate) sink: Sink,
    types: Namespace,
    names: Vec<Ident>,
    models: Vec<Option<Model>>,
    started: Vec<bool>,
    components: Sorted<String, ModelId>,
    /// Components that are only a `$ref` to a schema elsewhere (another
    /// file, say): the reference text maps to the component, so the schema
    /// is one type under the component's name however it is reached.
    component_refs: Sorted<String, (String, ModelId)>,
    /// Types already converted, by reference text or by the pointer of an
    /// inline schema (a lookup table only; never iterated, so output order
    /// is unaffected).
    ref_memo: HashMap<String, Ty>,
    /// Schemas being converted on the call stack, components included.
    stack_depth: usize,
    /// Inline schemas being converted since the innermost component.
    inline_depth: usize,
    /// Components reached at [`DEFER_DEPTH`], still to build.
    deferred: Vec<(ModelId, String)>,
    /// Names schemas and responses that come from their own file.
    pub(crate) file_names: FileNames,
}

impl<'a> Builder<'a> {
    /// A builder claiming type names in `types`, the type namespace
    /// ([`Namespace::types`]) with the client struct's name reserved.
    pub(crate) fn new(doc: &'a Document, settings: &'a Settings, mut types: Namespace) -> Self {
        let mut b = Builder {
            doc,
            settings,
            resolver: Resolver::new(doc),
            sink: Sink::new(),
            types: Namespace::new(),
            names: Vec::new(),
            models: Vec::new(),
            started: Vec::new(),
            components: Sorted::new(),
            component_refs: Sorted::new(),
            ref_memo: HashMap::new(),
            stack_depth: 0,
            inline_depth: 0,
            deferred: Vec::new(),
            file_names: FileNames::default(),
        };
        if let Some(c) = &doc.api.components {
            for key in c.schemas.keys() {
                let name =
                    types.claim_ident(&format!("{}{}", sanitize(key, Case::Type), settings.suffix));
                let id = b.alloc(name);
                b.components.insert(key.clone(), id);
            }
            for (key, schema) in &c.schemas {
                if let (ReferenceOr::Reference { reference }, Some(&id)) =
                    (schema, b.components.get(key))
                {
                    if Pointer::from_text(reference).child_of(COMPONENTS).is_none() {
                        b.component_refs
                            .insert(reference.clone(), (key.clone(), id));
                    }
                }
            }
        }
        b.types = types;
        b
    }

    /// Reports a problem.
    pub(crate) fn error(&mut self, d: Diagnostic) {
        self.sink.report(d);
    }

    /// The item behind `item` met at `at`, and where it lives; a reference
    /// that does not resolve is reported and gives `None`.
    pub(crate) fn resolve<T: Target>(
        &mut self,
        item: &ReferenceOr<T>,
        at: &Pointer,
    ) -> Option<(T, Pointer)> {
        match self.resolver.resolve(item, at) {
            Ok(found) => Some(found),
            Err(Unresolved(problems)) => {
                self.sink.report_all(problems);
                None
            }
        }
    }

    /// The built models and the sink holding every problem so far.
    pub(crate) fn finish(mut self) -> (Vec<Option<Model>>, Sink, Namespace) {
        while let Some((id, key)) = self.deferred.pop() {
            self.build_component(id, &key);
        }
        (self.models, self.sink, self.types)
    }

    fn alloc(&mut self, name: Ident) -> ModelId {
        self.names.push(name);
        self.models.push(None);
        self.started.push(false);
        self.models.len() - 1
    }

    /// Claims a name for an inline schema from a hint such as
    /// `PasswordStatus` + `state`.
    fn new_inline(&mut self, hint: &str) -> ModelId {
        let name = self.types.claim_ident(&format!(
            "{}{}",
            sanitize(hint, Case::Type),
            self.settings.suffix
        ));
        self.alloc(name)
    }

    /// The type of a schema or reference met at `at`; `hint` names any model
    /// it needs. Never fails: what cannot be converted is reported and
    /// becomes `serde_json::Value`.
    pub(crate) fn ty(&mut self, schema: &ReferenceOr<Schema>, hint: &str, at: &Pointer) -> Ty {
        match schema {
            ReferenceOr::Item(s) => self.inline_at(s, hint, at),
            ReferenceOr::Reference { reference } => self.reference(reference, at),
        }
    }

    fn ty_boxed(&mut self, schema: &ReferenceOr<Box<Schema>>, hint: &str, at: &Pointer) -> Ty {
        match schema {
            ReferenceOr::Item(s) => self.inline_at(s, hint, at),
            ReferenceOr::Reference { reference } => self.reference(reference, at),
        }
    }

    fn reference(&mut self, reference: &str, at: &Pointer) -> Ty {
        if let Some(key) = Pointer::from_text(reference).child_of(COMPONENTS) {
            if let Some(&id) = self.components.get(&key) {
                self.ensure_component(id, &key);
                return Ty::Named(id);
            }
        }
        if let Some((key, id)) = self.component_refs.get(reference).cloned() {
            self.ensure_component(id, &key);
            return Ty::Named(id);
        }
        if let Some(t) = self.ref_memo.get(reference) {
            return t.clone();
        }
        // Guard against a reference cycle that passes through this entry.
        self.ref_memo.insert(reference.to_owned(), Ty::Json);
        let item = ReferenceOr::<Schema>::Reference {
            reference: reference.to_owned(),
        };
        let ty = match self.resolve(&item, at) {
            Some((schema, target)) => {
                let title = schema.schema_data.title.as_deref();
                let hint = self.file_names.schema_hint(&self.doc.raw, reference, title);
                self.inline(&schema, &hint, &target)
            }
            None => Ty::Json,
        };
        self.ref_memo.insert(reference.to_owned(), ty.clone());
        ty
    }

    /// Builds every component schema (when no filter is set, all are kept,
    /// reached or not), in spec order.
    pub(crate) fn ensure_all_components(&mut self) {
        let all: Vec<(String, ModelId)> = self
            .components
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        for (key, id) in all {
            self.ensure_component(id, &key);
        }
    }

    fn ensure_component(&mut self, id: ModelId, key: &str) {
        if self.started[id] {
            return;
        }
        self.started[id] = true;
        if self.stack_depth >= DEFER_DEPTH {
            self.deferred.push((id, key.to_owned()));
            return;
        }
        self.build_component(id, key);
    }

    fn build_component(&mut self, id: ModelId, key: &str) {
        // A component's own inline nesting counts from zero, wherever it is
        // reached from.
        let outer_inline = std::mem::replace(&mut self.inline_depth, 0);
        // Counted here too: a component that is only a `$ref` to another
        // recurses without passing through `shape`.
        self.stack_depth += 1;
        self.build_component_at_depth(id, key);
        self.stack_depth -= 1;
        self.inline_depth = outer_inline;
    }

    fn build_component_at_depth(&mut self, id: ModelId, key: &str) {
        let at = Pointer::root().join("components").join("schemas").join(key);
        let Some(schema) = self
            .doc
            .api
            .components
            .as_ref()
            .and_then(|c| c.schemas.get(key))
            .cloned()
        else {
            return;
        };
        let (kind, docs) = match &schema {
            ReferenceOr::Reference { reference } if self.component_refs.contains_key(reference) => {
                // The component is this schema: build it under the component's name.
                match self.resolve(&schema, &at) {
                    Some((s, target)) => {
                        let kind = match self.shape(&s, key, &target) {
                            Shape::Model(k) => k,
                            Shape::Ty(t) => ModelKind::Alias(t),
                        };
                        (kind, schema_docs(&s))
                    }
                    None => (ModelKind::Alias(Ty::Json), Docs::new()),
                }
            }
            ReferenceOr::Reference { reference } => (
                ModelKind::Alias(self.reference(reference, &at)),
                Docs::new(),
            ),
            ReferenceOr::Item(s) => {
                let kind = match self.shape(s, key, &at) {
                    Shape::Model(k) => k,
                    Shape::Ty(t) => ModelKind::Alias(t),
                };
                (kind, schema_docs(s))
            }
        };
        self.models[id] = Some(Model {
            name: self.names[id].clone(),
            docs: self.with_rename_note(id, docs),
            kind,
            pointer: at,
        });
    }

    /// `docs`, plus a line saying why when model `id` is not named what
    /// its schema asks for because that would shadow the prelude.
    fn with_rename_note(&self, id: ModelId, mut docs: Docs) -> Docs {
        let name = &self.names[id];
        if let Some(wanted) = self.types.renamed_from_prelude(name.as_str()) {
            docs.push_raw(format!("Named `{name}`, not `{wanted}`: a type `{wanted}` would shadow the prelude's in a glob import."));
        }
        docs
    }

    /// An inline schema at `at`. One place in the document is one type: an
    /// inline schema inside a shared component (the 401 body of
    /// `#/components/responses/401`) is converted once, however many
    /// operations reach it.
    fn inline_at(&mut self, schema: &Schema, hint: &str, at: &Pointer) -> Ty {
        if let Some(t) = self.ref_memo.get(at.as_str()) {
            return t.clone();
        }
        let ty = self.inline(schema, hint, at);
        self.ref_memo.insert(at.as_str().to_owned(), ty.clone());
        ty
    }

    fn inline(&mut self, schema: &Schema, hint: &str, at: &Pointer) -> Ty {
        match self.shape(schema, hint, at) {
            Shape::Ty(t) => t,
            Shape::Model(kind) => {
                let id = self.new_inline(hint);
                self.started[id] = true;
                self.models[id] = Some(Model {
                    name: self.names[id].clone(),
                    docs: self.with_rename_note(id, schema_docs(schema)),
                    kind,
                    pointer: at.clone(),
                });
                Ty::Named(id)
            }
        }
    }

    /// What `schema` turns into. Nesting is bounded: past
    /// [`MAX_INLINE_DEPTH`] inline levels the schema is reported and typed as
    /// `serde_json::Value`.
    fn shape(&mut self, schema: &Schema, hint: &str, at: &Pointer) -> Shape {
        if self.inline_depth >= MAX_INLINE_DEPTH {
            self.error(Diagnostic::at_pointer(
                &self.doc.path,
                at.as_str(),
                format!(
                    "schemas nest more than {MAX_INLINE_DEPTH} levels deep here (through properties, items, unions or references); this one is typed as `serde_json::Value`"
                ),
            ));
            return Shape::Ty(Ty::Json);
        }
        self.stack_depth += 1;
        self.inline_depth += 1;
        let shape = self.shape_unbounded(schema, hint, at);
        self.inline_depth -= 1;
        self.stack_depth -= 1;
        shape
    }

    fn shape_unbounded(&mut self, schema: &Schema, hint: &str, at: &Pointer) -> Shape {
        match &schema.schema_kind {
            SchemaKind::Type(Type::String(s)) => {
                let values: Vec<&str> =
                    s.enumeration.iter().flatten().map(String::as_str).collect();
                if !values.is_empty() {
                    Shape::Model(string_enum(&values))
                } else {
                    Shape::Ty(string_ty(&s.format))
                }
            }
            SchemaKind::Type(Type::Number(_)) => Shape::Ty(Ty::F64),
            SchemaKind::Type(Type::Integer(i)) => Shape::Ty(match i.format {
                VariantOrUnknownOrEmpty::Item(IntegerFormat::Int32) => Ty::I32,
                _ => Ty::I64,
            }),
            SchemaKind::Type(Type::Boolean(_)) => Shape::Ty(Ty::Bool),
            SchemaKind::Type(Type::Object(o)) => self.object(o, hint, at),
            SchemaKind::Type(Type::Array(a)) => {
                let item_at = at.join("items");
                let item = match &a.items {
                    Some(items) => {
                        let t = self.ty_boxed(items, &format!("{hint}Item"), &item_at);
                        if self.is_nullable_boxed(items) {
                            Ty::Option(Box::new(t))
                        } else {
                            t
                        }
                    }
                    None => Ty::Json,
                };
                Shape::Ty(Ty::Vec(Box::new(item)))
            }
            SchemaKind::OneOf { one_of } => self.union(one_of, hint, &at.join("oneOf")),
            SchemaKind::AnyOf { any_of } => self.union(any_of, hint, &at.join("anyOf")),
            SchemaKind::AllOf { all_of } => match self.merge_all_of(all_of, at) {
                Some(o) => self.object(&o, hint, at),
                None => Shape::Ty(Ty::Json),
            },
            SchemaKind::Not { .. } => Shape::Ty(Ty::Json),
            SchemaKind::Any(any) => {
                if !any.properties.is_empty() || any.typ.as_deref() == Some("object") {
                    let o = ObjectType {
                        properties: any.properties.clone(),
                        required: any.required.clone(),
                        additional_properties: any.additional_properties.clone(),
                        min_properties: None,
                        max_properties: None,
                    };
                    return self.object(&o, hint, at);
                }
                if !any.all_of.is_empty() {
                    return match self.merge_all_of(&any.all_of, at) {
                        Some(o) => self.object(&o, hint, at),
                        None => Shape::Ty(Ty::Json),
                    };
                }
                if !any.one_of.is_empty() {
                    return self.union(&any.one_of, hint, &at.join("oneOf"));
                }
                if !any.any_of.is_empty() {
                    return self.union(&any.any_of, hint, &at.join("anyOf"));
                }
                Shape::Ty(match any.typ.as_deref() {
                    Some("string") => match any.format.as_deref() {
                        Some("date-time") => Ty::DateTime,
                        Some("date") => Ty::Date,
                        _ => Ty::String,
                    },
                    Some("integer") => Ty::I64,
                    Some("number") => Ty::F64,
                    Some("boolean") => Ty::Bool,
                    Some("array") => Ty::Vec(Box::new(Ty::Json)),
                    _ => Ty::Json,
                })
            }
        }
    }

    fn object(&mut self, o: &ObjectType, hint: &str, at: &Pointer) -> Shape {
        let additional = match &o.additional_properties {
            None | Some(AdditionalProperties::Any(false)) => None,
            Some(AdditionalProperties::Any(true)) => Some(Ty::Json),
            Some(AdditionalProperties::Schema(s)) => {
                let t = self.ty(s, &format!("{hint}Value"), &at.join("additionalProperties"));
                // `nullable` values (`{type: string, nullable: true}`) may be `null`.
                let nullable = match &**s {
                    ReferenceOr::Item(s) => schema_nullable(s),
                    ReferenceOr::Reference { reference } => self.ref_nullable(reference),
                };
                Some(if nullable { Ty::Option(Box::new(t)) } else { t })
            }
        };
        if o.properties.is_empty() {
            return Shape::Ty(match additional {
                Some(t) => Ty::Map(Box::new(t)),
                None => Ty::JsonObject,
            });
        }
        let mut names = Namespace::new();
        // The field that keeps undeclared properties must not clash with one.
        names.reserve(match additional {
            Some(_) => reserved::ADDITIONAL_PROPERTIES_FIELD,
            None => reserved::EXTRA_FIELD,
        });
        let mut fields = Vec::with_capacity(o.properties.len());
        for (wire, prop) in &o.properties {
            let prop_at = at.join("properties").join(wire);
            let ty = self.ty_boxed(prop, &format!("{hint} {wire}"), &prop_at);
            let nullable = self.is_nullable_boxed(prop);
            let docs = match prop {
                ReferenceOr::Item(s) => schema_docs(s),
                ReferenceOr::Reference { .. } => Docs::new(),
            };
            let read_only = matches!(prop, ReferenceOr::Item(s) if s.schema_data.read_only);
            fields.push(Field {
                name: names.claim_ident(&sanitize(wire, Case::Snake)),
                wire: wire.clone(),
                ty,
                required: o.required.iter().any(|r| r == wire),
                nullable,
                read_only,
                boxed: false,
                docs,
            });
        }
        Shape::Model(ModelKind::Struct { fields, additional })
    }

    fn union(&mut self, parts: &[ReferenceOr<Schema>], hint: &str, at: &Pointer) -> Shape {
        if let [only] = parts {
            return Shape::Ty(self.ty(only, hint, &at.join("0")));
        }
        let mut names = Namespace::new();
        let mut variants = Vec::with_capacity(parts.len());
        for (i, part) in parts.iter().enumerate() {
            let wanted = match part {
                ReferenceOr::Reference { reference } => {
                    reference.rsplit('/').next().unwrap_or("Variant").to_owned()
                }
                ReferenceOr::Item(s) => s
                    .schema_data
                    .title
                    .clone()
                    .unwrap_or_else(|| format!("Variant{i}")),
            };
            let ty = self.ty(part, &format!("{hint} {wanted}"), &at.join(i.to_string()));
            variants.push((names.claim_ident(&sanitize(&wanted, Case::Type)), ty));
        }
        Shape::Model(ModelKind::Untagged { variants })
    }

    /// Merges `allOf` parts that are objects into one object (see
    /// [`all_of`]); `None` when a part is not an object.
    fn merge_all_of(&mut self, parts: &[ReferenceOr<Schema>], at: &Pointer) -> Option<ObjectType> {
        all_of::merge(
            &mut self.resolver,
            &mut self.sink,
            &self.doc.path,
            parts,
            at,
            MAX_INLINE_DEPTH,
        )
    }

    fn is_nullable_boxed(&mut self, schema: &ReferenceOr<Box<Schema>>) -> bool {
        match schema {
            ReferenceOr::Item(s) => schema_nullable(s),
            ReferenceOr::Reference { reference } => self.ref_nullable(reference),
        }
    }

    fn ref_nullable(&mut self, reference: &str) -> bool {
        let item = ReferenceOr::<Schema>::Reference {
            reference: reference.to_owned(),
        };
        // A broken reference is reported where its type is built.
        self.resolver
            .peek(&item)
            .is_some_and(|s| schema_nullable(&s))
    }
}

/// The type of a string without `enum`, by its `format`: a file for
/// `binary`, the runtime's date-time and date types for `date-time` and
/// `date`, else `String`.
fn string_ty(format: &VariantOrUnknownOrEmpty<StringFormat>) -> Ty {
    match format {
        VariantOrUnknownOrEmpty::Item(StringFormat::Binary) => Ty::File,
        VariantOrUnknownOrEmpty::Item(StringFormat::DateTime) => Ty::DateTime,
        VariantOrUnknownOrEmpty::Item(StringFormat::Date) => Ty::Date,
        _ => Ty::String,
    }
}

fn schema_nullable(s: &Schema) -> bool {
    s.schema_data.nullable
        || matches!(&s.schema_kind, SchemaKind::Type(Type::String(t)) if t.enumeration.iter().any(Option::is_none))
}

fn string_enum(values: &[&str]) -> ModelKind {
    let mut names = Namespace::new();
    let mut variants = Vec::with_capacity(values.len());
    let mut seen = std::collections::BTreeSet::new();
    for v in values {
        if !seen.insert(*v) {
            continue;
        }
        let wanted = if v.is_empty() {
            reserved::EMPTY_VARIANT.to_owned()
        } else {
            sanitize(v, Case::Type)
        };
        variants.push(Variant {
            name: names.claim_ident(&wanted),
            wire: (*v).to_owned(),
        });
    }
    let other = names.claim_ident(reserved::OTHER_VARIANT);
    ModelKind::StringEnum { variants, other }
}

/// Title, description and example of a schema.
pub(crate) fn schema_docs(s: &Schema) -> Docs {
    let mut d = Docs::new();
    d.push_opt(s.schema_data.title.as_deref())
        .push_opt(s.schema_data.description.as_deref())
        .push_example(s.schema_data.example.as_ref());
    if s.schema_data.deprecated {
        d.push_raw("**Deprecated** in the spec.".to_owned());
    }
    d
}
