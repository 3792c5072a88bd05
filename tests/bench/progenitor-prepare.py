#!/usr/bin/env python3
"""Mechanical edits that progenitor 0.15.1 needs to accept a SailPoint spec.

    python3 tests/bench/progenitor-prepare.py IN.yaml OUT.json

Reads the upstream spec, applies the smallest edits that let
`progenitor::generate_api!` generate and compile it, writes JSON, and prints
one line per kind of edit with how many places it touched (stderr). Used by
tests/bench/progenitor.sh; the spec itself is never copied into the repo.
Values under `example`/`examples` are data, not schemas, and are left alone.

Each fix says in its docstring what progenitor (or typify, which makes its
types) does without it. Kinds of edit, in order: schema-level (bad types,
enums, defaults, field names), per operation (request body media types, path
parameters, response types), then components (nullable roots, type names).
"""
import copy
import json
import re
import sys
from collections import Counter

import yaml

SKIP = ("example", "examples")
counts = Counter()


REF = "#/components/schemas/"


JSON_TYPES = {"string": str, "boolean": bool, "integer": int, "number": (int, float)}


def fix_type(node):
    """`type: date-time` is not an OpenAPI type (progenitor: `todo!`)."""
    if node.get("type") == "date-time":
        node["type"] = "string"
        node["format"] = "date-time"
        counts["type: date-time -> type: string, format: date-time"] += 1


def dedup_enum(node):
    """A value listed twice in an `enum` (typify panics: no unique variant names)."""
    values = node.get("enum")
    if isinstance(values, list):
        kept = []
        for v in values:
            if v not in kept:
                kept.append(v)
        if len(kept) < len(values):
            node["enum"] = kept
            counts["enum value listed twice -> listed once"] += 1


def fix_string_enum(node):
    """A boolean or number in the `enum` of a string schema (upstream has a
    bare `false` among language codes; typify: "unexpected value type").
    Written as its JSON text, e.g. "false"."""
    values = node.get("enum")
    if node.get("type") == "string" and isinstance(values, list):
        for i, v in enumerate(values):
            if v is not None and not isinstance(v, str):
                values[i] = json.dumps(v)
                counts["non-string value in a string enum -> its JSON text"] += 1


def fix_default(node):
    """A `default` of another JSON type than its schema's (typify rejects it:
    "value does not conform to the given schema"). `true` on a string becomes
    "true", "false" on a boolean becomes false; a null default is dropped."""
    if "default" not in node:
        return
    value = node["default"]
    if value is None:
        if not node.get("nullable"):
            del node["default"]
            counts["default: null on a non-nullable schema -> removed"] += 1
        return
    want = JSON_TYPES.get(node.get("type"))
    ok = isinstance(value, want) if want else True
    if want and not (want is bool) and isinstance(value, bool):
        ok = False  # Python's bool is an int; JSON's is not.
    if ok:
        return
    if node["type"] == "string" and isinstance(value, bool):
        node["default"] = "true" if value else "false"
        counts["default: true on a string schema -> default: \"true\""] += 1
    elif node["type"] == "boolean" and value in ("true", "false"):
        node["default"] = value == "true"
        counts["default: \"true\"/\"false\" on a boolean schema -> the boolean"] += 1
    else:
        del node["default"]
        counts[f"default of the wrong type on a {node['type']} schema -> removed"] += 1


def fix_property_names(node, seen=None):
    """Two properties that typify turns into one Rust field name (`_type`
    and `type` both become `type_`: E0124), in one object or in the parts of
    one `allOf` (`seen`: the fields of the other parts). The later one gets
    `-2` appended (the JSON name changes; the bench never sends a request)."""
    props = node.get("properties")
    if not isinstance(props, dict):
        return
    seen = set() if seen is None else seen
    for name in list(props):
        field = pascal(name).lower()
        if field in seen:
            props[f"{name}-2"] = props.pop(name)
            if name in node.get("required", []):
                node["required"] = [f"{name}-2" if r == name else r for r in node["required"]]
            counts["property named like another one as a Rust field -> `<name>-2`"] += 1
        seen.add(field)


FIXES = [fix_type, dedup_enum, fix_string_enum, fix_default, fix_property_names]


def walk(node):
    """Applies FIXES to every schema-like object (not to examples)."""
    if isinstance(node, dict):
        for fix in FIXES:
            fix(node)
        for key, value in node.items():
            if key not in SKIP:
                walk(value)
    elif isinstance(node, list):
        for value in node:
            walk(value)


# Request body media types progenitor 0.15.1 has no code for (it knows JSON,
# octet-stream, form-urlencoded and text). Renamed to JSON, schema kept, so the
# body's types are still generated; the wire format of those calls is then
# wrong, which does not matter for a compile-time figure.
BODY_TYPES = ("application/json-patch+json", "multipart/form-data")


def fix_request_body(op):
    """One media type per request body, one that progenitor has code for."""
    content = op.get("requestBody", {}).get("content", {})
    if len(content) > 1:
        # progenitor takes one media type per body (`todo!` otherwise); JSON
        # is kept where there is a choice.
        keep = "application/json" if "application/json" in content else next(iter(content))
        for media in [m for m in content if m != keep]:
            del content[media]
            counts[f"second media type of a request body ({media}) -> removed"] += 1
    for media in BODY_TYPES:
        if media in content and "application/json" not in content:
            content["application/json"] = content.pop(media)
            counts[f"request body {media} -> application/json"] += 1
            # `encoding` describes multipart parts (progenitor: `todo!`).
            if content["application/json"].pop("encoding", None) is not None:
                counts["multipart `encoding` of a renamed body -> removed"] += 1


def fix_path_params(path, item, op):
    """Path parameters must match the `{names}` of the path template one to
    one (progenitor panics: "X missing from path" / "missing path name
    mapping"). Unmatched declared and template names are paired in order and
    the parameter renamed; a declared one left over becomes a query parameter;
    a template name left over gets a required string parameter."""
    names = re.findall(r"\{([^}]+)\}", path)
    shared = [p for p in item.get("parameters", []) if p.get("in") == "path"]
    params = op.setdefault("parameters", [])
    declared = [p for p in params if p.get("in") == "path"]
    have = {p["name"] for p in shared + declared}
    free_names = [n for n in names if n not in have]
    extra = [p for p in declared if p["name"] not in names]
    for param, name in zip(extra, free_names):
        param["name"] = name
        counts["path parameter named unlike the path template -> renamed"] += 1
    for param in extra[len(free_names):]:
        param["in"] = "query"
        counts["path parameter absent from the path template -> query parameter"] += 1
    for name in free_names[len(extra):]:
        params.append({"name": name, "in": "path", "required": True, "schema": {"type": "string"}})
        counts["path template name without a parameter -> string parameter added"] += 1


def fix_missing_schemas(op):
    """A JSON media type with an example but no `schema` (progenitor:
    `todo!`) gets `schema: {}`, any JSON value."""
    bodies = [op.get("requestBody", {})] + list(op.get("responses", {}).values())
    for body in bodies:
        media = body.get("content", {}).get("application/json")
        if media is not None and "schema" not in media:
            media["schema"] = {}
            counts["JSON media type without a schema -> schema: {}"] += 1


def unify_responses(doc, op):
    """progenitor 0.15.1 allows one type for all success responses of an
    operation and one for all error responses (`assert!(response_types.len()
    <= 1)`; its TODO is an enum per operation). Within each group (2xx;
    4xx and 5xx) a response whose content differs from the group's first
    (lowest status) one is replaced by a copy of that first response."""
    responses = op.get("responses", {})

    def content(code):
        response = responses[code]
        ref = response.get("$ref", "")
        if ref.startswith("#/components/responses/"):
            response = doc["components"]["responses"][ref.rsplit("/", 1)[1]]
        return response.get("content")

    for group in ("2", "45"):
        codes = sorted(c for c in responses if c[:1] in group)
        for code in codes[1:]:
            if content(code) != content(codes[0]):
                responses[code] = copy.deepcopy(responses[codes[0]])
                counts["response unlike the first of its group (2xx; 4xx-5xx) -> copy of that first"] += 1


def fix_operations(doc):
    """Applies the per-operation fixes to every operation of `paths`."""
    for path, item in doc.get("paths", {}).items():
        for op in item.values():
            if isinstance(op, dict) and "responses" in op:
                fix_request_body(op)
                fix_path_params(path, item, op)
                fix_missing_schemas(op)
                unify_responses(doc, op)


def fix_nullable_components(doc):
    """typify 0.8 turns a nullable object schema in components into a struct
    *and* a same-named `struct X(Option<X>)` wrapper (E0428, infinite size).
    `nullable: true` is dropped at the root of such a schema; properties that
    refer to it are optional anyway."""
    for schema in doc.get("components", {}).get("schemas", {}).values():
        if schema.get("nullable") and "properties" in schema:
            del schema["nullable"]
            counts["nullable: true at the root of an object component -> removed"] += 1
        if None in schema.get("enum", []):
            schema["enum"] = [v for v in schema["enum"] if v is not None]
            counts["null in the enum at the root of a component -> removed"] += 1


def pascal(name):
    """Roughly heck's UpperCamelCase, which typify names types with."""
    words = re.findall(r"[A-Z]+(?=[A-Z][a-z]|[^A-Za-z]|$)|[A-Z]?[a-z]+|[A-Z]+|[0-9]+", name)
    return "".join(w[:1].upper() + w[1:].lower() for w in words)


def property_names(schemas, key, seen=()):
    """Names of a component's inline (not `$ref`) properties, through `allOf`
    and its `$ref`s."""
    schema = schemas.get(key, {})
    names = []
    for part in [schema] + schema.get("allOf", []):
        ref = part.get("$ref", "")
        if ref.startswith(REF) and ref[len(REF):] not in seen:
            names += property_names(schemas, ref[len(REF):], seen + (key,))
        names += [n for n, p in part.get("properties", {}).items() if "$ref" not in p]
    return names


def all_property_names(schemas, key, seen=()):
    """Names of all properties of a component, through `allOf` and `$ref`s."""
    schema = schemas.get(key, {})
    names = []
    for part in [schema] + schema.get("allOf", []):
        ref = part.get("$ref", "")
        if ref.startswith(REF) and ref[len(REF):] not in seen:
            names += all_property_names(schemas, ref[len(REF):], seen + (key,))
        names += list(part.get("properties", {}))
    return names


def rename_colliding_components(doc):
    """typify names a component by its key and an inline property type by
    `<Component><Property>`, both in UpperCamelCase, and emits two items of
    one name when they meet (`selector` and `Selector`; the inline `status`
    enum of ManagedClient and the component ManagedClientStatus). The later
    component of such a pair is renamed `<key>-renamed`, with every `$ref`."""
    schemas = doc.get("components", {}).get("schemas", {})
    taken = {}
    renames = {}
    for key in schemas:
        if pascal(key) in taken:
            renames[key] = f"{key}-renamed"
        taken.setdefault(pascal(key), key)
    for key in schemas:
        for prop in property_names(schemas, key):
            other = taken.get(pascal(f"{key}-{prop}"))
            if other not in (None, key):
                renames.setdefault(other, f"{other}-renamed")
    if not renames:
        return
    doc["components"]["schemas"] = {renames.get(k, k): v for k, v in schemas.items()}
    counts["component named like another type typify makes -> `<key>-renamed`"] += len(renames)

    def rewrite(node):
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith(REF) and ref[len(REF):] in renames:
                node["$ref"] = REF + renames[ref[len(REF):]]
            for value in node.values():
                rewrite(value)
        elif isinstance(node, list):
            for value in node:
                rewrite(value)

    rewrite(doc)


def fix_all_of_property_names(doc):
    """`fix_property_names` across the parts of a component's `allOf`."""
    schemas = doc.get("components", {}).get("schemas", {})
    for schema in schemas.values():
        seen = set()
        for part in schema.get("allOf", []):
            ref = part.get("$ref", "")
            if ref.startswith(REF):
                seen.update(pascal(n).lower() for n in all_property_names(schemas, ref[len(REF):]))
            else:
                fix_property_names(part, seen)


class Yaml12Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Reads plain scalars as YAML 1.2 does (serde_yaml, which both generators
    use, is YAML 1.2): only true/false are booleans, no dates, no base-60 or
    leading-zero octal numbers. PyYAML's YAML 1.1 rules would turn a
    language code `no` into false and dates into timestamps."""


Yaml12Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag.rsplit(":", 1)[-1] not in ("bool", "int", "float", "timestamp")]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _tag, _regex, _first in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^[-+]?[0-9]+$", "-+0123456789"),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+.0123456789"),
]:
    Yaml12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_regex), list(_first))


def _float(loader, node):
    text = loader.construct_scalar(node).lower()
    return float(text.replace(".inf", "inf").replace(".nan", "nan"))


Yaml12Loader.add_constructor("tag:yaml.org,2002:bool", lambda l, n: l.construct_scalar(n).lower() == "true")
Yaml12Loader.add_constructor("tag:yaml.org,2002:int", lambda l, n: int(l.construct_scalar(n), 10))
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _float)


def main():
    src, dst = sys.argv[1], sys.argv[2]
    with open(src, encoding="utf-8") as f:
        doc = yaml.load(f, Loader=Yaml12Loader)
    # Through JSON once, so that YAML aliases become separate objects and an
    # edit in one place does not show up in another.
    doc = json.loads(json.dumps(doc))
    walk(doc)
    fix_operations(doc)
    fix_nullable_components(doc)
    rename_colliding_components(doc)
    fix_all_of_property_names(doc)
    with open(dst, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    for what, n in sorted(counts.items()):
        print(f"  edit: {what}: {n}", file=sys.stderr)


if __name__ == "__main__":
    main()
