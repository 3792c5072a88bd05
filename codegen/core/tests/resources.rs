//! Several per-resource specs in one build ([`generate_resources`]): one
//! module per resource, and the types that come from the same file in more
//! than one resource defined once in `shared` and re-exported. Runs over the
//! six resources in `../shared/specs/idn/apis` (skipped with a message when
//! absent, an error under `CI=true`) and over small specs written here.

mod support;

use sailpoint_isc_codegen::{
    generate_file, generate_resources, render, Location, ResourcesOutput, Settings,
};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use support::resource_spec;

const SIX: [&str; 6] = [
    "password-management",
    "accounts",
    "identities",
    "search",
    "sources",
    "access-profiles",
];

/// What a rendered module holds: the types it defines, the names it
/// re-exports from `shared`, and its client's methods.
#[derive(Debug, Default)]
struct Module {
    defined: BTreeSet<String>,
    reexported: BTreeSet<String>,
    methods: BTreeSet<String>,
}

/// Every module of the rendered output, by name.
fn modules(out: &ResourcesOutput) -> BTreeMap<String, Module> {
    let text = render(&out.tokens).expect("generated code parses as a file");
    let file = syn::parse_file(&text).expect("rendered code parses");
    let mut all = BTreeMap::new();
    for item in &file.items {
        let syn::Item::Mod(m) = item else {
            panic!("only modules at the top: {item:?}");
        };
        let mut module = Module::default();
        for inner in &m.content.as_ref().expect("inline module").1 {
            read_item(inner, &mut module);
        }
        all.insert(m.ident.to_string(), module);
    }
    all
}

fn read_item(item: &syn::Item, module: &mut Module) {
    match item {
        syn::Item::Struct(s) => {
            module.defined.insert(s.ident.to_string());
        }
        syn::Item::Enum(e) => {
            module.defined.insert(e.ident.to_string());
        }
        syn::Item::Type(t) => {
            module.defined.insert(t.ident.to_string());
        }
        syn::Item::Use(u) => {
            let text = quote::quote!(#u).to_string();
            let names = text.split('{').nth(1).unwrap_or("").split('}').next();
            for n in names.unwrap_or("").split(',') {
                module.reexported.insert(n.trim().to_owned());
            }
            module.reexported.remove("");
        }
        syn::Item::Impl(i) if i.trait_.is_none() && is_client(&i.self_ty) => {
            for f in &i.items {
                if let syn::ImplItem::Fn(f) = f {
                    if f.sig.ident != "new" && f.sig.ident != "client" {
                        module.methods.insert(f.sig.ident.to_string());
                    }
                }
            }
        }
        _ => {}
    }
}

/// Whether `ty` is the client struct, `Api`.
fn is_client(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.path.is_ident("Api"))
}

/// The six resources' spec files, or `None` when `../shared` is absent.
fn six() -> Option<Vec<PathBuf>> {
    SIX.iter().map(|r| resource_spec(r)).collect()
}

#[test]
fn six_resources_in_one_call_share_their_common_types() {
    let Some(paths) = six() else { return };
    let out = generate_resources(&paths, &Settings::default());
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
    assert_eq!(
        out.modules,
        [
            "password_management",
            "accounts",
            "identities",
            "search",
            "sources",
            "access_profiles"
        ]
    );
    let mods = modules(&out);
    assert_eq!(mods.len(), 7, "{:?}", mods.keys());
    // Each shared type is defined once, in `shared`, and nowhere else.
    for shared in [
        "BaseReferenceDto",
        "ErrorResponseDto",
        "UnauthorizedError",
        "TooManyRequestsError",
    ] {
        let defining: Vec<&String> = mods
            .iter()
            .filter(|(_, m)| m.defined.contains(shared))
            .map(|(n, _)| n)
            .collect();
        assert_eq!(defining, ["shared"], "{shared}");
    }
    for (module, shared) in [
        ("accounts", "ErrorResponseDto"),
        ("identities", "ErrorResponseDto"),
        ("identities", "BaseReferenceDto"),
        ("sources", "BaseReferenceDto"),
    ] {
        assert!(
            mods[module].reexported.contains(shared),
            "{module} re-exports {shared}: {:?}",
            mods[module].reexported
        );
    }
    // Every resource keeps the names it has alone: what it defines plus what
    // it re-exports is exactly the set of types it gets by itself.
    let mut alone_total = 0;
    for (path, module) in paths.iter().zip(&out.modules) {
        let alone = generate_file(path, &Settings::default());
        let alone_file = syn::parse_file(&render(&alone.tokens).expect("renders")).expect("parses");
        let mut by_itself = Module::default();
        alone_file
            .items
            .iter()
            .for_each(|i| read_item(i, &mut by_itself));
        let m = &mods[module];
        let together: BTreeSet<String> = m.defined.union(&m.reexported).cloned().collect();
        assert_eq!(together, by_itself.defined, "{module}");
        assert_eq!(m.methods, by_itself.methods, "{module}");
        assert!(m.defined.contains("Api"), "{module} has its client");
        // Model types, without the client.
        alone_total += by_itself.defined.len() - 1;
    }
    let clients = out.modules.len();
    let together_total: usize = mods.values().map(|m| m.defined.len()).sum::<usize>() - clients;
    eprintln!(
        "six resources: {together_total} model types in one call ({} shared), {alone_total} generated one by one",
        mods["shared"].defined.len()
    );
    assert!(together_total < alone_total);
    // Every file read is listed once, shared ones included.
    let unique: BTreeSet<&PathBuf> = out.files.iter().collect();
    assert_eq!(unique.len(), out.files.len());
    assert!(out
        .files
        .iter()
        .any(|f| f.ends_with("shared/schemas/basereferencedto.yaml")));
    // Deterministic: the same input gives the same tokens.
    let again = generate_resources(&paths, &Settings::default());
    assert_eq!(again.tokens.to_string(), out.tokens.to_string());
}

#[test]
fn filters_apply_across_resources() {
    let Some(paths) = six() else { return };
    let settings = Settings::default()
        .with_tags(["Accounts"])
        .with_operations(["getIdentityV1"]);
    let out = generate_resources(&paths, &settings);
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
    let mods = modules(&out);
    assert!(mods["accounts"].methods.contains("list_accounts_v1"));
    assert_eq!(
        mods["identities"].methods,
        BTreeSet::from(["get_identity_v1".to_owned()])
    );
    for empty in [
        "password_management",
        "search",
        "sources",
        "access_profiles",
    ] {
        assert!(mods[empty].methods.is_empty(), "{empty}");
        assert!(
            mods[empty].defined.contains("Api"),
            "{empty} keeps its client"
        );
    }
    // Both kept resources use the error body, so it is shared.
    assert!(mods["shared"].defined.contains("ErrorResponseDto"));

    let typo = Settings::default()
        .with_tags(["Acounts"])
        .with_operations(["getIdentityV2"]);
    let out = generate_resources(&paths, &typo);
    let messages: Vec<(Option<usize>, String)> = out
        .diagnostics
        .iter()
        .map(|d| (d.resource, d.diagnostic.message.clone()))
        .collect();
    assert_eq!(messages.len(), 2, "{messages:#?}");
    assert!(matches!(
        out.diagnostics[0].diagnostic.at,
        Location::OperationFilter(0)
    ));
    assert!(messages[0].1.contains("`getIdentityV1`"), "{messages:#?}");
    assert!(matches!(
        out.diagnostics[1].diagnostic.at,
        Location::TagFilter(0)
    ));
    assert!(messages[1].1.contains("`Accounts`"), "{messages:#?}");
    assert!(messages.iter().all(|(r, _)| r.is_none()));
}

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    fs::create_dir_all(p.parent().expect("a parent")).expect("mkdir");
    fs::write(p, text).expect("write");
}

/// A resource `name` whose one operation returns `schema` (a `$ref` text).
fn resource(dir: &Path, name: &str, schemas: &[&str]) {
    let mut paths = String::new();
    for (i, schema) in schemas.iter().enumerate() {
        paths.push_str(&format!(
            "  /{name}/v1/{i}:\n    get:\n      operationId: get{i}\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {{$ref: '{schema}'}}\n"
        ));
    }
    paths.push_str(&format!(
        "  /{name}/v1/derived:\n    post:\n      responses:\n        '204': {{description: done}}\n"
    ));
    write(
        dir,
        &format!("{name}/openapi.yaml"),
        &format!("openapi: 3.0.1\ninfo: {{title: {name}, version: v1}}\npaths:\n{paths}"),
    );
}

fn thing(title: &str) -> String {
    format!("type: object\ntitle: {title}\nproperties:\n  id: {{type: string}}\n  owner: {{$ref: 'owner.yaml'}}\n")
}

#[test]
fn shared_names_win_and_local_types_give_way() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "shared/schemas/thing.yaml", &thing("Thing"));
    write(
        d,
        "shared/schemas/owner.yaml",
        "type: object\nproperties:\n  name: {type: string}\n",
    );
    write(
        d,
        "beta/schemas/thing.yaml",
        "type: object\ntitle: Thing\nproperties:\n  local: {type: boolean}\n",
    );
    resource(d, "alpha", &["../shared/schemas/thing.yaml"]);
    // beta meets its own Thing first, so alone it names the shared one Thing2.
    resource(
        d,
        "beta",
        &["schemas/thing.yaml", "../shared/schemas/thing.yaml"],
    );
    let paths = vec![d.join("alpha/openapi.yaml"), d.join("beta/openapi.yaml")];
    let out = generate_resources(&paths, &Settings::default());
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
    let mods = modules(&out);
    assert_eq!(
        mods["shared"].defined,
        BTreeSet::from(["Thing".to_owned(), "Owner".to_owned()])
    );
    assert!(mods["beta"].reexported.contains("Thing"));
    assert!(
        mods["beta"].defined.contains("Thing2"),
        "{:?}",
        mods["beta"]
    );
    // Operations without an operationId keep their derived names.
    assert!(mods["alpha"].methods.contains("post_alpha_v1_derived"));
    let text = render(&out.tokens).expect("renders");
    assert!(
        text.contains("pub use super::shared::{Owner, Thing};"),
        "{text}"
    );
}

#[test]
fn a_bad_resource_is_an_error_on_its_file_and_the_rest_still_generate() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "shared/schemas/thing.yaml", &thing("Thing"));
    write(
        d,
        "shared/schemas/owner.yaml",
        "type: object\nproperties:\n  name: {type: string}\n",
    );
    resource(d, "alpha", &["../shared/schemas/thing.yaml"]);
    write(
        d,
        "broken/openapi.yaml",
        "openapi: 3.0.1\ninfo: [unclosed\n",
    );
    let paths = vec![
        d.join("alpha/openapi.yaml"),
        d.join("broken/openapi.yaml"),
        d.join("missing/openapi.yaml"),
    ];
    let out = generate_resources(&paths, &Settings::default());
    let found: Vec<(Option<usize>, PathBuf, bool)> = out
        .diagnostics
        .iter()
        .map(|d| match &d.diagnostic.at {
            Location::Spec { file, line_col, .. } => (d.resource, file.clone(), line_col.is_some()),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        found,
        [
            (Some(1), paths[1].clone(), true),
            (Some(2), paths[2].clone(), false)
        ],
        "{:#?}",
        out.diagnostics
    );
    let mods = modules(&out);
    assert!(mods["alpha"].methods.contains("get0"));
    assert!(
        mods["broken"].defined.contains("Api"),
        "an empty module stands in"
    );
    assert!(
        out.files.contains(&paths[1]),
        "the broken file is still tracked"
    );
}

#[test]
fn a_bad_shared_file_is_reported_once_at_that_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(
        d,
        "shared/schemas/bad.yaml",
        "type: object\nproperties: {a: [\n",
    );
    resource(d, "alpha", &["../shared/schemas/bad.yaml"]);
    resource(d, "beta", &["../shared/schemas/bad.yaml"]);
    let paths = vec![d.join("alpha/openapi.yaml"), d.join("beta/openapi.yaml")];
    let out = generate_resources(&paths, &Settings::default());
    assert_eq!(out.diagnostics.len(), 1, "{:#?}", out.diagnostics);
    let only = &out.diagnostics[0];
    assert_eq!(only.resource, Some(0));
    match &only.diagnostic.at {
        Location::Spec { file, line_col, .. } => {
            assert!(file.ends_with("shared/schemas/bad.yaml"), "{file:?}");
            assert!(line_col.is_some());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn two_resources_with_one_module_name_are_an_error_on_the_second() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(
        d,
        "shared/schemas/owner.yaml",
        "type: object\nproperties:\n  name: {type: string}\n",
    );
    resource(d, "alpha", &["../shared/schemas/owner.yaml"]);
    write(
        d,
        "other/alpha.yaml",
        &fs::read_to_string(d.join("alpha/openapi.yaml")).expect("read"),
    );
    let paths = vec![d.join("alpha/openapi.yaml"), d.join("other/alpha.yaml")];
    let out = generate_resources(&paths, &Settings::default());
    assert_eq!(out.diagnostics.len(), 1, "{:#?}", out.diagnostics);
    assert_eq!(out.diagnostics[0].resource, Some(1));
    assert!(out.diagnostics[0].diagnostic.message.contains("`alpha`"));
    assert_eq!(out.modules, ["alpha", "alpha2"]);
}

#[test]
fn a_filter_finds_operations_whose_path_item_is_in_its_own_file() {
    let Some(path) = resource_spec("accounts") else {
        return;
    };
    let out = generate_file(
        &path,
        &Settings::default().with_operations(["getAccountV1"]),
    );
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
    let text = render(&out.tokens).expect("renders");
    assert!(text.contains("pub fn get_account_v1("), "{text}");
    assert!(!text.contains("pub fn list_accounts_v1("));
}
