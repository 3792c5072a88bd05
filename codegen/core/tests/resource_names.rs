//! Names in SailPoint's per-resource specs (`idn/apis/<resource>`), where
//! every schema and response has its own file: a file schema is named by
//! its title, else by its stem split into the spec's words; a shared
//! response file by its status. Runs over the six resources in
//! `../shared/specs/idn/apis` (skipped with a message when absent, an error
//! under `CI=true`).

mod support;

use sailpoint_isc_codegen::unstable::names::split_stem;
use sailpoint_isc_codegen::{generate_file, load_file, render, Settings};
use std::collections::BTreeSet;
use std::path::Path;
use support::resource_spec;

/// The type names `resource` generates, and the lowercase stems of the
/// schema files its spec directory and `shared/` hold.
fn generated(spec: &Path) -> BTreeSet<String> {
    let out = generate_file(spec, &Settings::default());
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
    let text = render(&out.tokens).expect("generated code parses as a file");
    let file = syn::parse_file(&text).expect("parses");
    let mut names = BTreeSet::new();
    collect(&file.items, &mut names);
    names
}

fn collect(items: &[syn::Item], names: &mut BTreeSet<String>) {
    for item in items {
        match item {
            syn::Item::Struct(s) => drop(names.insert(s.ident.to_string())),
            syn::Item::Enum(e) => drop(names.insert(e.ident.to_string())),
            syn::Item::Type(t) => drop(names.insert(t.ident.to_string())),
            syn::Item::Mod(m) => {
                if let Some((_, inner)) = &m.content {
                    collect(inner, names);
                }
            }
            _ => {}
        }
    }
}

#[test]
fn list() {
    for r in ["password-management", "accounts", "identities", "search", "sources", "access-profiles"] {
        let Some(spec) = resource_spec(r) else { return };
        println!("== {r}: {:?}", generated(&spec));
    }
    for r in ["password-management", "accounts", "identities", "search", "sources", "access-profiles"] {
        let Some(spec) = resource_spec(r) else { return };
        let doc = load_file(&spec).expect("loads");
        let mut dirs = vec![spec.parent().unwrap().join("schemas"), spec.parent().unwrap().join("../shared/schemas")];
        let mut out = Vec::new();
        for d in dirs.drain(..) {
            for e in std::fs::read_dir(d).unwrap() {
                let n = e.unwrap().file_name().into_string().unwrap();
                let stem = n.trim_end_matches(".yaml");
                out.push(split_stem(&doc, stem).join(" "));
            }
        }
        out.sort();
        println!("## {r}: {}", out.join(" | "));
    }
}
