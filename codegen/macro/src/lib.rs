//! The `include_api!` proc macro. A thin shim: it parses the arguments,
//! resolves the spec path, calls [`sailpoint_isc_codegen::generate_file`],
//! turns diagnostics into `compile_error!`s at the right span, and emits an
//! `include_bytes!` of every file read so cargo rebuilds when one changes.
//! Use it through `sailpoint_isc::include_api!`.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use sailpoint_isc_codegen::{generate_file, Location, Settings};
use std::path::{Path, PathBuf};
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
/// enum, a client struct `Api` (plus the suffix) with one method per
/// operation (the `operationId` in snake_case) returning a future to
/// `.await`, and `BASE_PATH`.
///
/// ```text
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
/// A spec problem is a compile error on the path literal that names the file
/// (relative to `CARGO_MANIFEST_DIR`) and the place in it (line and column,
/// or a JSON pointer); all problems are reported in one build, and operations
/// that did generate are still there. A problem with an option is an error
/// on that option; every option is checked, and the spec is still generated
/// with the options that are well-formed.
#[proc_macro]
pub fn include_api(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    match syn::parse::<Args>(input) {
        Ok(args) => expand(args).into(),
        Err(e) => e.to_compile_error().into(),
    }
}

/// The options a caller can give, for "did you mean" suggestions.
const OPTIONS: [&str; 4] = ["suffix", "operations", "tags", "crate"];

struct Args {
    path: LitStr,
    suffix: Option<LitStr>,
    operations: Vec<LitStr>,
    tags: Vec<LitStr>,
    runtime: Option<syn::Path>,
    /// Problems with the options, each at the option's span. They are all
    /// reported together, and the spec is still generated with the options
    /// that are well-formed.
    errors: Vec<syn::Error>,
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
            errors: Vec::new(),
        };
        let mut seen: Vec<String> = Vec::new();
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            if let Err(e) = parse_option(input, &mut args, &mut seen) {
                args.errors.push(e);
                skip_to_comma(input);
            }
        }
        Ok(args)
    }
}

/// Parses one `name = value` option into `args`.
fn parse_option(input: ParseStream, args: &mut Args, seen: &mut Vec<String>) -> syn::Result<()> {
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
    if !OPTIONS.contains(&name.as_str()) {
        let close = sailpoint_isc_codegen::closest(&name, OPTIONS);
        let hint = match close.first() {
            Some(c) => format!(" (did you mean `{c}`?)"),
            None => String::new(),
        };
        return Err(syn::Error::new(
            key.span(),
            format!(
                "unknown option `{name}`{hint}; the options are `suffix`, `operations`, `tags` and `crate`"
            ),
        ));
    }
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
            let lit: LitStr = input.parse().map_err(|e| {
                syn::Error::new(
                    e.span(),
                    "`suffix` takes a string literal: suffix = \"Beta\"",
                )
            })?;
            let v = lit.value();
            if !v.chars().all(|c| c.is_ascii_alphanumeric())
                || v.starts_with(|c: char| c.is_ascii_digit())
            {
                return Err(syn::Error::new(
                    lit.span(),
                    "`suffix` must be letters and digits that can end a type name, like \"Beta\"",
                ));
            }
            args.suffix = Some(lit);
        }
        "operations" => args.operations = string_list(input, "operations")?,
        "tags" => args.tags = string_list(input, "tags")?,
        _ => {
            let lit: LitStr = input.parse().map_err(|e| {
                syn::Error::new(
                    e.span(),
                    "`crate` takes a path in a string literal: crate = \"::sailpoint_isc\"",
                )
            })?;
            args.runtime = Some(lit.parse().map_err(|_| {
                syn::Error::new(
                    lit.span(),
                    "`crate` must be a path such as \"::sailpoint_isc\"",
                )
            })?);
        }
    }
    if !input.is_empty() && !input.peek(Token![,]) {
        return Err(input.error(format!(
            "unexpected tokens after the value of `{name}`; options are separated by commas"
        )));
    }
    Ok(())
}

/// After a malformed option, skips to the comma before the next one so the
/// rest are still checked.
fn skip_to_comma(input: ParseStream) {
    let _ = input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((tt, next)) = rest.token_tree() {
            if matches!(&tt, proc_macro2::TokenTree::Punct(p) if p.as_char() == ',') {
                break;
            }
            rest = next;
        }
        Ok(((), rest))
    });
}

fn string_list(input: ParseStream, name: &str) -> syn::Result<Vec<LitStr>> {
    let usage = format!("`{name}` takes a list of strings: {name} = [\"a\", \"b\"]");
    if !input.peek(syn::token::Bracket) {
        return Err(input.error(usage));
    }
    let content;
    bracketed!(content in input);
    let items: Punctuated<LitStr, Token![,]> = content
        .parse_terminated(|s: ParseStream| s.parse::<LitStr>(), Token![,])
        .map_err(|e| syn::Error::new(e.span(), &usage))?;
    Ok(items.into_iter().collect())
}

fn expand(args: Args) -> TokenStream {
    let option_errors = args.errors.iter().map(syn::Error::to_compile_error);
    let option_errors = quote!(#(#option_errors)*);
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let written = args.path.value();
    let path = manifest_dir.join(&written);
    if !path.is_file() {
        let msg = not_found_message(&manifest_dir, &written, &path);
        let e = syn::Error::new(args.path.span(), msg).to_compile_error();
        return quote!(#option_errors #e);
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
        // Files are shown relative to the crate, as the user wrote the path.
        let text = d.clone().relative_to(&manifest_dir).to_string();
        syn::Error::new(span, text).to_compile_error()
    });
    let tokens = out.tokens;
    // The runtime checks at compile time that it is the version this macro
    // was released with, and says so plainly when it is not.
    let runtime = &settings.runtime;
    let version = env!("CARGO_PKG_VERSION");
    quote! {
        const _: () = #runtime::__private::v1::assert_macros_version(#version);
        #(#tracked)*
        #option_errors
        #(#errors)*
        #tokens
    }
}

/// What to say when the spec path names no file. A relative path is shown
/// as `$CARGO_MANIFEST_DIR/...` rather than expanded, which reads the same on
/// every machine, and the closest file names in that directory are offered.
fn not_found_message(manifest_dir: &Path, written: &str, path: &Path) -> String {
    let shown = if Path::new(written).is_absolute() {
        written.to_owned()
    } else {
        format!("$CARGO_MANIFEST_DIR/{written}")
    };
    let what = if path.is_dir() {
        "is a directory, not a spec file"
    } else {
        "does not exist"
    };
    let mut msg = format!("spec file not found: `{shown}` {what}");
    if !Path::new(written).is_absolute() {
        msg.push_str(" (a relative path is resolved against CARGO_MANIFEST_DIR, the directory of the invoking crate's Cargo.toml)");
    }
    if let Some(hint) = similar_file(manifest_dir, written) {
        msg.push_str(&format!("; did you mean `{hint}`?"));
    }
    msg
}

/// A file next to where `written` points whose name is close to it.
fn similar_file(manifest_dir: &Path, written: &str) -> Option<String> {
    let written_path = Path::new(written);
    let parent_written = written_path.parent().unwrap_or_else(|| Path::new(""));
    let name = written_path.file_name()?.to_str()?;
    let dir = manifest_dir.join(parent_written);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| {
            let e = e.ok()?;
            e.file_type().ok()?.is_file().then_some(())?;
            e.file_name().into_string().ok()
        })
        .collect();
    names.sort();
    let best = sailpoint_isc_codegen::closest(name, names.iter().map(String::as_str))
        .first()?
        .to_string();
    Some(
        parent_written
            .join(best)
            .to_string_lossy()
            .replace('\\', "/"),
    )
}
