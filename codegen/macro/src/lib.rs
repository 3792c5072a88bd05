//! The `include_api!` proc macro. A thin shim: it parses the arguments,
//! resolves the spec path, calls [`sailpoint_isc_codegen::generate_file`],
//! turns diagnostics into `compile_error!`s at the right span, and emits an
//! `include_bytes!` of every file read so cargo rebuilds when one changes.
//! Use it through `sailpoint_isc::include_api!`.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use sailpoint_isc_codegen::{generate_file, Location, Settings};
use std::path::PathBuf;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{bracketed, LitStr, Token};

/// Generates typed models and an async client from an OpenAPI 3.0 spec file
/// at compile time.
///
/// ```text
/// include_api!("PATH" [, OPTION]* [,])
///
/// OPTION := suffix = "Suffix"                 // appended to every type name
///         | operations = ["opId", ...]        // keep only these operationIds
///         | tags = ["Tag name", ...]          // keep only operations with these tags
///         | crate = "::path::to::runtime"     // if sailpoint-isc is renamed
/// ```
///
/// `PATH` is relative to the invoking crate's `CARGO_MANIFEST_DIR`; `.json`
/// files are read as JSON, anything else as YAML. With both `operations` and
/// `tags`, an operation named by either is kept; only the schemas that kept
/// operations reach are generated. Editing the spec file makes cargo
/// regenerate the bindings.
///
/// The expansion holds one struct per object schema, one enum per string
/// enum, a client struct `Api` (plus the suffix) with one async method per
/// operation (the `operationId` in snake_case), and `BASE_PATH`.
///
/// ```ignore
/// mod v2024 {
///     sailpoint_isc::include_api!("spec/v2024/password-management.yaml");
/// }
/// mod beta {
///     sailpoint_isc::include_api!(
///         "spec/beta/password-management.yaml",
///         suffix = "Beta",
///         operations = ["queryPasswordInfo", "setIdentityPassword"],
///     );
/// }
/// ```
///
/// A spec problem is a compile error that names the file and the place in it
/// (line and column, or a JSON pointer); all problems are reported in one
/// build, and operations that did generate are still there.
#[proc_macro]
pub fn include_api(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    match syn::parse::<Args>(input) {
        Ok(args) => expand(args).into(),
        Err(e) => e.to_compile_error().into(),
    }
}

struct Args {
    path: LitStr,
    suffix: Option<LitStr>,
    operations: Vec<LitStr>,
    tags: Vec<LitStr>,
    runtime: Option<syn::Path>,
}

impl Parse for Args {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.is_empty() {
            return Err(
                input.error("expected the spec path: include_api!(\"path/to/spec.yaml\", ...)")
            );
        }
        let path: LitStr = input.parse().map_err(|e| {
            syn::Error::new(e.span(), "expected the spec path as a string literal: include_api!(\"path/to/spec.yaml\", ...)")
        })?;
        let mut args = Args {
            path,
            suffix: None,
            operations: Vec::new(),
            tags: Vec::new(),
            runtime: None,
        };
        let mut seen: Vec<String> = Vec::new();
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let key: syn::Ident = if input.peek(Token![crate]) {
                let k: Token![crate] = input.parse()?;
                syn::Ident::new("crate", k.span)
            } else {
                input.parse().map_err(|e| {
                    syn::Error::new(
                        e.span(),
                        "expected an option: `suffix`, `operations`, `tags` or `crate`",
                    )
                })?
            };
            let name = key.to_string();
            if seen.contains(&name) {
                return Err(syn::Error::new(
                    key.span(),
                    format!("option `{name}` is given twice"),
                ));
            }
            seen.push(name.clone());
            input
                .parse::<Token![=]>()
                .map_err(|e| syn::Error::new(e.span(), format!("expected `=` after `{name}`")))?;
            match name.as_str() {
                "suffix" => {
                    let lit: LitStr = input.parse()?;
                    let v = lit.value();
                    if !v.chars().all(|c| c.is_ascii_alphanumeric()) || v.starts_with(|c: char| c.is_ascii_digit()) {
                        return Err(syn::Error::new(
                            lit.span(),
                            "`suffix` must be letters and digits that can end a type name, like \"Beta\"",
                        ));
                    }
                    args.suffix = Some(lit);
                }
                "operations" => args.operations = string_list(input, "operations")?,
                "tags" => args.tags = string_list(input, "tags")?,
                "crate" => {
                    let lit: LitStr = input.parse()?;
                    args.runtime = Some(lit.parse().map_err(|_| {
                        syn::Error::new(lit.span(), "`crate` must be a path such as \"::sailpoint_isc\"")
                    })?);
                }
                other => {
                    return Err(syn::Error::new(
                        key.span(),
                        format!("unknown option `{other}`; expected `suffix`, `operations`, `tags` or `crate`"),
                    ))
                }
            }
        }
        Ok(args)
    }
}

fn string_list(input: ParseStream, name: &str) -> syn::Result<Vec<LitStr>> {
    let content;
    bracketed!(content in input);
    let items: Punctuated<LitStr, Token![,]> = content
        .parse_terminated(|s: ParseStream| s.parse::<LitStr>(), Token![,])
        .map_err(|e| {
            syn::Error::new(
                e.span(),
                format!("`{name}` takes a list of strings: {name} = [\"a\", \"b\"]"),
            )
        })?;
    Ok(items.into_iter().collect())
}

fn expand(args: Args) -> TokenStream {
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let path = PathBuf::from(&manifest_dir).join(args.path.value());
    if !path.is_file() {
        let msg = format!(
            "spec file not found: {} (the path is relative to CARGO_MANIFEST_DIR={})",
            path.display(),
            manifest_dir
        );
        return syn::Error::new(args.path.span(), msg).to_compile_error();
    }
    let mut settings = Settings::default()
        .with_operations(args.operations.iter().map(LitStr::value))
        .with_tags(args.tags.iter().map(LitStr::value));
    if let Some(s) = &args.suffix {
        settings = settings.with_suffix(s.value());
    }
    if let Some(r) = args.runtime.clone() {
        settings = settings.with_runtime(r);
    }
    let out = generate_file(&path, &settings);

    let tracked = out.files.iter().filter_map(|f| {
        let abs = f.canonicalize().ok()?;
        let s = abs.to_str()?.to_owned();
        Some(quote!(
            const _: &[u8] = ::core::include_bytes!(#s);
        ))
    });
    let errors = out.diagnostics.iter().map(|d| {
        let span = match d.at {
            Location::Spec { .. } => args.path.span(),
            Location::OperationFilter(i) => args
                .operations
                .get(i)
                .map_or(Span::call_site(), LitStr::span),
            Location::TagFilter(i) => args.tags.get(i).map_or(Span::call_site(), LitStr::span),
        };
        syn::Error::new(span, d.to_string()).to_compile_error()
    });
    let tokens = out.tokens;
    quote! {
        #(#tracked)*
        #(#errors)*
        #tokens
    }
}
