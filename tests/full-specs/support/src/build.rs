//! The build script of a full-spec crate.
//!
//! It looks for the upstream spec at `../shared/specs/upstream/` beside the
//! repo. When the file is there it sets `cfg(upstream_spec)` (the crate's
//! `include_api!` and tests are behind it) and writes two files to `OUT_DIR`:
//!
//! - `kept.rs`: the spec's operation and schema counts, taken from its raw
//!   JSON without the generator's model, the lists of generated methods and
//!   types, and a function that names every one of them, so the test crate
//!   compiles only if the generated module has them all;
//! - `examples.rs`: every example of the spec with the generated type it
//!   should decode into (see [`sailpoint_isc_codegen::unstable::examples`]).
//!
//! Generation problems fail the build: every operation must be kept.
//!
//! [`run_resources`] does the same for several per-resource specs from
//! `../shared/specs/idn/apis/` generated in one `include_api!`.

use proc_macro2::TokenStream;
use quote::quote;
use sailpoint_isc_codegen::unstable::diag::Pointer;
use sailpoint_isc_codegen::unstable::{emit, examples, ir};
use sailpoint_isc_codegen::{load_file, Document, Settings};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The HTTP methods an OpenAPI path item can hold.
const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Where the upstream spec `file` sits for the crate being built:
/// `<repo>/../shared/specs/upstream/<file>`.
pub fn upstream_spec_path(file: &str) -> PathBuf {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default();
    Path::new(&manifest)
        .join("../../../../shared/specs/upstream")
        .join(file)
}

/// Runs the build script for the upstream spec `file`, generated with the
/// type-name `suffix`. Exits with an error when the spec is there but does
/// not generate cleanly.
pub fn run(file: &str, suffix: &str) {
    println!("cargo::rustc-check-cfg=cfg(upstream_spec)");
    let path = upstream_spec_path(file);
    // A missing file makes cargo rerun the script on every build, which is
    // what notices the spec appearing; the script is cheap without it.
    println!("cargo::rerun-if-changed={}", path.display());
    if !path.is_file() {
        return;
    }
    println!("cargo::rustc-cfg=upstream_spec");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    if let Err(problems) = write_tables(&path, suffix, &out_dir) {
        for p in &problems {
            eprintln!("error: {p}");
        }
        std::process::exit(1);
    }
}

fn write_tables(path: &Path, suffix: &str, out_dir: &Path) -> Result<(), Vec<String>> {
    let doc =
        load_file(path).map_err(|ds| ds.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    let settings = Settings::default().with_suffix(suffix);
    let (api, diags) = ir::build(&doc, &settings);
    if !diags.is_empty() {
        return Err(diags.iter().map(ToString::to_string).collect());
    }
    let runtime = settings.runtime.clone();
    let kept = kept_table(&doc, &api)?;
    let examples = examples_table(&doc, &api, &runtime, "");
    for (name, tokens) in [("kept.rs", kept), ("examples.rs", examples)] {
        std::fs::write(out_dir.join(name), tokens.to_string())
            .map_err(|e| vec![format!("cannot write {name}: {e}")])?;
    }
    Ok(())
}

/// Counts from the raw spec, and every generated method and type by name.
fn kept_table(doc: &Document, api: &ir::Api) -> Result<TokenStream, Vec<String>> {
    let spec_operations = count_operations(&doc.raw);
    let schema_keys: Vec<String> = doc.raw["components"]["schemas"]
        .as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    let spec_schemas = schema_keys.len();

    let client = &api.client_name;
    let ids: Vec<&str> = api.operations.iter().map(|o| o.id.as_str()).collect();
    let methods: Vec<String> = api
        .operations
        .iter()
        .map(|o| o.method_name.to_string())
        .collect();
    let method_idents = api.operations.iter().map(|o| &o.method_name);

    let mut missing = Vec::new();
    let mut keys = Vec::new();
    let mut types = Vec::new();
    for key in &schema_keys {
        let pointer = Pointer::root().join("components").join("schemas").join(key);
        match api.emitted_models().find(|(_, m)| m.pointer == pointer) {
            Some((_, m)) => {
                keys.push(key.as_str());
                types.push(&m.name);
            }
            None => missing.push(format!("component schema `{key}` has no generated type")),
        }
    }
    if !missing.is_empty() {
        return Err(missing);
    }
    let type_names: Vec<String> = types.iter().map(ToString::to_string).collect();
    Ok(quote! {
        /// Operations in the spec file, counted in its raw JSON.
        pub const SPEC_OPERATIONS: usize = #spec_operations;
        /// Component schemas in the spec file, counted in its raw JSON.
        pub const SPEC_SCHEMAS: usize = #spec_schemas;
        /// `(operationId, method)` of every generated method.
        pub const METHODS: &[(&str, &str)] = &[ #( (#ids, #methods), )* ];
        /// `(component schema, type)` of every generated component type.
        pub const SCHEMAS: &[(&str, &str)] = &[ #( (#keys, #type_names), )* ];
        /// Names every method and type listed above: this compiles only if
        /// the generated module has them all.
        #[allow(dead_code, deprecated)]
        fn every_method_and_type_exists() {
            #( let _ = #client::#method_idents; )*
            #( let _: ::std::option::Option<#types> = ::std::option::Option::None; )*
        }
    })
}

/// Operations in the raw spec: the method keys of every path item.
fn count_operations(raw: &Value) -> usize {
    raw["paths"]
        .as_object()
        .map(|paths| {
            paths
                .values()
                .filter_map(Value::as_object)
                .map(|item| {
                    item.keys()
                        .filter(|k| METHODS.contains(&k.as_str()))
                        .count()
                })
                .sum()
        })
        .unwrap_or(0)
}

/// Every example with a check function for its generated type; each
/// pointer is written after `prefix` (a resource's `module:`).
fn examples_table(doc: &Document, api: &ir::Api, runtime: &syn::Path, prefix: &str) -> TokenStream {
    let entries = examples::examples(doc, api).into_iter().map(|e| {
        let pointer = format!("{prefix}{}", e.pointer.as_str());
        let operation = &e.operation;
        let media = match &e.media_type {
            Some(m) => quote!(::std::option::Option::Some(#m)),
            None => quote!(::std::option::Option::None),
        };
        let json = e.value.to_string();
        let check = match &e.ty {
            Some(ty) => {
                let ty = emit::type_tokens(api, ty, runtime);
                quote! {
                    ::std::option::Option::Some(
                        ::sailpoint_isc_full_support::examples::check::<#ty>
                            as ::sailpoint_isc_full_support::examples::Check
                    )
                }
            }
            None => quote!(::std::option::Option::None),
        };
        quote! {
            ::sailpoint_isc_full_support::examples::Entry {
                pointer: #pointer,
                operation: #operation,
                media_type: #media,
                json: #json,
                check: #check,
            },
        }
    });
    quote! {
        /// Every example of the spec, with the check for its generated type.
        pub const EXAMPLES: &[::sailpoint_isc_full_support::examples::Entry] = &[ #(#entries)* ];
    }
}

/// Where the per-resource specs sit for the crate being built:
/// `<repo>/../shared/specs/idn/apis`.
pub fn resource_specs_dir() -> PathBuf {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default();
    Path::new(&manifest).join("../../../../shared/specs/idn/apis")
}

/// The build script of a crate that generates the per-resource specs
/// `resources` (directory names under [`resource_specs_dir`]) in one
/// `include_api!`. When they are all there it sets `cfg(resource_specs)`
/// and writes `examples.rs` to `OUT_DIR`: one module per resource, named
/// as the generated one, whose `EXAMPLES` lists every example of that
/// resource (pointers prefixed with `module:`) with its generated type,
/// for code where `api` is the generated bindings. Exits with an error
/// when the specs do not generate cleanly.
pub fn run_resources(resources: &[&str]) {
    println!("cargo::rustc-check-cfg=cfg(resource_specs)");
    let dir = resource_specs_dir();
    let paths: Vec<PathBuf> = resources
        .iter()
        .map(|r| dir.join(r).join("openapi.yaml"))
        .collect();
    for p in &paths {
        println!("cargo::rerun-if-changed={}", p.display());
    }
    if !paths.iter().all(|p| p.is_file()) {
        return;
    }
    println!("cargo::rustc-cfg=resource_specs");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    if let Err(problems) = write_resource_tables(&paths, &out_dir) {
        for p in &problems {
            eprintln!("error: {p}");
        }
        std::process::exit(1);
    }
}

fn write_resource_tables(paths: &[PathBuf], out_dir: &Path) -> Result<(), Vec<String>> {
    let settings = Settings::default();
    let (set, docs, diags) = sailpoint_isc_codegen::unstable::build_resources(paths, &settings);
    if !diags.is_empty() {
        return Err(diags.iter().map(|d| d.diagnostic.to_string()).collect());
    }
    let mut modules = Vec::new();
    for (resource, doc) in set.resources.iter().zip(&docs) {
        let Some(doc) = doc else {
            return Err(vec![format!("resource `{}` did not load", resource.module)]);
        };
        for f in &doc.files {
            println!("cargo::rerun-if-changed={}", f.display());
        }
        let module = resource.module.to_syn();
        let prefix = format!("{module}:");
        let table = examples_table(doc, &resource.api, &settings.runtime, &prefix);
        modules.push(quote! {
            pub mod #module {
                #[allow(unused_imports)]
                use super::api::#module::*;
                #table
            }
        });
    }
    let tokens = quote!(#(#modules)*);
    std::fs::write(out_dir.join("examples.rs"), tokens.to_string())
        .map_err(|e| vec![format!("cannot write examples.rs: {e}")])
}
