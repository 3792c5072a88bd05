//! The `include_api!` proc macro. A thin shim: it parses the arguments,
//! resolves the spec path, calls [`sailpoint_isc_codegen::generate_file`]
//! (or [`sailpoint_isc_codegen::generate_resources`] for several specs),
//! turns diagnostics into `compile_error!`s at the right span, and emits an
//! `include_bytes!` of every file read so cargo rebuilds when one changes.
//! Use it through `sailpoint_isc::include_api!`.
// The docs.rs address of these docs, for links from crates documented
// without them; equal to the package version (tests/docs.rs checks it).
#![doc(html_root_url = "https://docs.rs/sailpoint-isc-macros/0.1.0")]

use proc_macro2::{Span, TokenStream};
use quote::quote;
use sailpoint_isc_codegen::{generate_file, generate_resources, Diagnostic, Location, Settings};
use std::path::{Path, PathBuf};
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{bracketed, LitStr, Token};

#[cfg(test)]
mod tests;

/// Generates typed models and an async client from an OpenAPI 3.0 spec file
/// at compile time.
///
/// ```text
/// include_api!("PATH" [, OPTION]* [,])
/// include_api!([dir = "DIR",] resources = ["RESOURCE", ...] [, OPTION]* [,])
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
/// With `resources`, several specs are generated together (SailPoint's
/// per-resource specs, `idn/apis/<resource>/openapi.yaml`): one module per
/// resource, named after the resource's directory in snake case (or the
/// file, when it is not called `openapi`), each with its own `Api` client,
/// and a module `shared` for the types that come from the same file (and
/// the same place in it) in more than one resource. Each resource module
/// re-exports the shared types it uses, so `accounts::ErrorResponseDto` and
/// `identities::ErrorResponseDto` are one type. Each `RESOURCE` is a path
/// (relative to `DIR` when given, else to `CARGO_MANIFEST_DIR`) to a spec
/// file or to a directory holding `openapi.yaml`. The filters apply to all
/// resources; an entry is unknown only if no resource has it.
///
/// ```text
/// mod isc {
///     sailpoint_isc::include_api!(
///         dir = "specs/idn/apis",
///         resources = ["accounts", "identities", "password-management"],
///     );
/// }
/// // isc::accounts::Api, isc::identities::Api, isc::shared::BaseReferenceDto
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
const OPTIONS: [&str; 6] = ["suffix", "operations", "tags", "crate", "resources", "dir"];

/// The options, as messages list them.
const OPTIONS_TEXT: &str = "`suffix`, `operations`, `tags`, `crate`, `resources` and `dir`";

struct Args {
    /// The one spec file, or `None` when `resources` is given.
    path: Option<LitStr>,
    /// `dir = "..."`: where the `resources` entries are.
    dir: Option<LitStr>,
    /// `resources = [...]`: several specs, one module each.
    resources: Option<Vec<LitStr>>,
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
            return Err(input.error(
                "expected the spec path: include_api!(\"path/to/spec.yaml\", ...), or several: include_api!(resources = [\"a/openapi.yaml\", ...], ...)",
            ));
        }
        let path = if input.peek(LitStr) {
            Some(input.parse::<LitStr>()?)
        } else if input.peek(syn::Ident) {
            None
        } else {
            return Err(input.error("expected the spec path as a string literal: include_api!(\"path/to/spec.yaml\", ...)"));
        };
        let mut args = Args {
            path,
            dir: None,
            resources: None,
            suffix: None,
            operations: Vec::new(),
            tags: Vec::new(),
            runtime: None,
            errors: Vec::new(),
        };
        let mut seen: Vec<String> = Vec::new();
        let mut first = args.path.is_none();
        while !input.is_empty() {
            if !first {
                input.parse::<Token![,]>()?;
                if input.is_empty() {
                    break;
                }
            }
            first = false;
            if let Err(e) = parse_option(input, &mut args, &mut seen) {
                args.errors.push(e);
                skip_to_comma(input);
            }
        }
        if args.path.is_none() && args.resources.is_none() {
            return Err(syn::Error::new(
                Span::call_site(),
                "expected the spec path first, or `resources = [\"a/openapi.yaml\", ...]` for several specs",
            ));
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
                "expected an option: `suffix`, `operations`, `tags`, `crate`, `resources` or `dir`",
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
            format!("unknown option `{name}`{hint}; the options are {OPTIONS_TEXT}"),
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
        "suffix" => args.suffix = Some(parse_suffix(input)?),
        "resources" | "dir" if args.path.is_some() => {
            return Err(syn::Error::new(
                key.span(),
                format!("`{name}` is for several specs and takes the place of the spec path: include_api!(resources = [\"a/openapi.yaml\", ...]) or include_api!(dir = \"apis\", resources = [\"accounts\", ...])"),
            ));
        }
        "resources" => args.resources = Some(string_list(input, "resources")?),
        "dir" => {
            args.dir = Some(input.parse().map_err(|e| {
                syn::Error::new(
                    e.span(),
                    "`dir` takes a string literal: dir = \"specs/idn/apis\"",
                )
            })?);
        }
        "operations" => args.operations = string_list(input, "operations")?,
        "tags" => args.tags = string_list(input, "tags")?,
        _ => args.runtime = Some(parse_runtime(input)?),
    }
    if !input.is_empty() && !input.peek(Token![,]) {
        return Err(input.error(format!(
            "unexpected tokens after the value of `{name}`; options are separated by commas"
        )));
    }
    Ok(())
}

/// The value of `suffix`: letters and digits that can end a type name.
fn parse_suffix(input: ParseStream) -> syn::Result<LitStr> {
    let lit: LitStr = input.parse().map_err(|e| {
        syn::Error::new(
            e.span(),
            "`suffix` takes a string literal: suffix = \"Beta\"",
        )
    })?;
    let v = lit.value();
    if !v.chars().all(|c| c.is_ascii_alphanumeric()) || v.starts_with(|c: char| c.is_ascii_digit())
    {
        return Err(syn::Error::new(
            lit.span(),
            "`suffix` must be letters and digits that can end a type name, like \"Beta\"",
        ));
    }
    Ok(lit)
}

/// The value of `crate`: a path in a string literal.
fn parse_runtime(input: ParseStream) -> syn::Result<syn::Path> {
    let lit: LitStr = input.parse().map_err(|e| {
        syn::Error::new(
            e.span(),
            "`crate` takes a path in a string literal: crate = \"::sailpoint_isc\"",
        )
    })?;
    lit.parse().map_err(|_| {
        syn::Error::new(
            lit.span(),
            "`crate` must be a path such as \"::sailpoint_isc\"",
        )
    })
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
    let mut settings = Settings::default()
        .with_operations(args.operations.iter().map(LitStr::value))
        .with_tags(args.tags.iter().map(LitStr::value));
    if let Some(s) = &args.suffix {
        settings = settings.with_suffix(s.value());
    }
    if let Some(r) = args.runtime.clone() {
        settings = settings.with_runtime(r);
    }
    let generated = match (&args.path, &args.resources) {
        (Some(path), _) => expand_one(&args, path, &manifest_dir, &settings),
        (None, Some(resources)) => expand_resources(&args, resources, &manifest_dir, &settings),
        (None, None) => Err(TokenStream::new()),
    };
    let generated = match generated {
        Ok(tokens) => tokens,
        Err(e) => return quote!(#option_errors #e),
    };
    // The runtime checks at compile time that it is the version this macro
    // was released with (the generator's, which moves with it), and says so
    // plainly when it is not.
    let check = sailpoint_isc_codegen::version_check(&settings.runtime);
    quote! {
        #check
        #option_errors
        #generated
    }
}

/// One spec: its bindings, with an `include_bytes!` of every file read and
/// its problems as errors; `Err` when the path names no file.
fn expand_one(
    args: &Args,
    lit: &LitStr,
    manifest_dir: &Path,
    settings: &Settings,
) -> Result<TokenStream, TokenStream> {
    let path = spec_file(lit, manifest_dir, Path::new(""), false)?;
    let out = generate_file(&path, settings);
    let tracked = track(&out.files);
    let errors = out
        .diagnostics
        .iter()
        .map(|d| error(args, lit, d, manifest_dir));
    let tokens = out.tokens;
    Ok(quote! {
        #tracked
        #(#errors)*
        #tokens
    })
}

/// Several specs: one module per resource and the shared module. A
/// resource entry that names no file is an error on that entry, and the
/// others are still generated.
fn expand_resources(
    args: &Args,
    resources: &[LitStr],
    manifest_dir: &Path,
    settings: &Settings,
) -> Result<TokenStream, TokenStream> {
    let base = match &args.dir {
        Some(dir) => {
            let base = manifest_dir.join(dir.value());
            if !base.is_dir() {
                let shown = shown_path(&dir.value());
                let msg = format!("`dir`: `{shown}` is not a directory (a relative path is resolved against CARGO_MANIFEST_DIR)");
                return Err(syn::Error::new(dir.span(), msg).to_compile_error());
            }
            PathBuf::from(dir.value())
        }
        None => PathBuf::new(),
    };
    if resources.is_empty() {
        let span = args.dir.as_ref().map_or(Span::call_site(), LitStr::span);
        return Err(
            syn::Error::new(span, "`resources` is empty: name at least one spec")
                .to_compile_error(),
        );
    }
    let mut missing = TokenStream::new();
    let mut found: Vec<(&LitStr, PathBuf)> = Vec::new();
    for lit in resources {
        match spec_file(lit, manifest_dir, &base, true) {
            Ok(path) => found.push((lit, path)),
            Err(e) => missing.extend(e),
        }
    }
    let paths: Vec<PathBuf> = found.iter().map(|(_, p)| p.clone()).collect();
    let out = generate_resources(&paths, settings);
    let tracked = track(&out.files);
    let errors = out.diagnostics.iter().map(|d| {
        let lit = d
            .resource
            .and_then(|i| found.get(i))
            .map_or(&resources[0], |(l, _)| *l);
        error(args, lit, &d.diagnostic, manifest_dir)
    });
    let tokens = out.tokens;
    Ok(quote! {
        #tracked
        #missing
        #(#errors)*
        #tokens
    })
}

/// The spec file `lit` names (relative to `CARGO_MANIFEST_DIR`, then to
/// `base`); with `resource`, a directory stands for the `openapi.yaml` in
/// it. `Err` is the error on `lit` when there is no such file.
fn spec_file(
    lit: &LitStr,
    manifest_dir: &Path,
    base: &Path,
    resource: bool,
) -> Result<PathBuf, TokenStream> {
    let mut written = base.join(lit.value()).to_string_lossy().replace('\\', "/");
    if resource && manifest_dir.join(&written).is_dir() {
        written = format!("{}/openapi.yaml", written.trim_end_matches('/'));
    }
    let path = manifest_dir.join(&written);
    if path.is_file() {
        return Ok(path);
    }
    let msg = not_found_message(manifest_dir, &written, &path);
    Err(syn::Error::new(lit.span(), msg).to_compile_error())
}

/// An `include_bytes!` of every file read, so cargo rebuilds when one changes.
fn track(files: &[PathBuf]) -> TokenStream {
    let tracked = files.iter().filter_map(|f| {
        let abs = f.canonicalize().ok()?;
        let s = abs.to_str()?.to_owned();
        Some(quote!(
            const _: &[u8] = ::core::include_bytes!(#s);
        ))
    });
    quote!(#(#tracked)*)
}

/// A diagnostic as a compile error: a spec problem on the literal of the
/// spec it was found in, a filter problem on the filter entry.
fn error(args: &Args, spec: &LitStr, d: &Diagnostic, manifest_dir: &Path) -> TokenStream {
    let span = match d.at {
        Location::Spec { .. } => spec.span(),
        Location::OperationFilter(i) => args
            .operations
            .get(i)
            .map_or(Span::call_site(), LitStr::span),
        Location::TagFilter(i) => args.tags.get(i).map_or(Span::call_site(), LitStr::span),
    };
    // Files are shown relative to the crate, as the user wrote the path.
    let text = d.clone().relative_to(manifest_dir).to_string();
    syn::Error::new(span, text).to_compile_error()
}

/// A path as messages show it: a relative one as `$CARGO_MANIFEST_DIR/...`.
fn shown_path(written: &str) -> String {
    if Path::new(written).is_absolute() {
        written.to_owned()
    } else {
        format!("$CARGO_MANIFEST_DIR/{written}")
    }
}

/// What to say when the spec path names no file. A relative path is shown
/// as `$CARGO_MANIFEST_DIR/...` rather than expanded, which reads the same on
/// every machine, and the closest file names in that directory are offered.
fn not_found_message(manifest_dir: &Path, written: &str, path: &Path) -> String {
    let shown = shown_path(written);
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
