//! Every Rust name the generator emits is decided here: one sanitizer on top of
//! `heck`, one keyword rule, and one collision resolver per namespace. The
//! words each namespace holds back are listed in one table, `names/reserved.rs`.
//! What a file reference or a shared response is named after is decided in
//! `names/hints.rs`, with the splitter of lowercase file stems in
//! `names/words.rs`.
//!
//! A chosen name is an [`Ident`]: it knows whether it is written raw
//! (`r#type`), so nothing downstream re-parses identifier text.
//!
//! **No type shadows the prelude.** Users glob-import the bindings
//! (`use v2024::*;`), and a glob import shadows std's prelude, so a schema
//! named `Result` would turn every `Result<T, E>` in the user's module into
//! the spec's struct. The type namespace ([`Namespace::types`]) therefore
//! appends [`reserved::PRELUDE_SUFFIX`] to a wanted name that is one of
//! [`reserved::PRELUDE`] (`Result` → `ResultModel`, `Option` →
//! `OptionModel`) before the collision resolver sees it, so a taken
//! `ResultModel` makes it `ResultModel2`. The rule looks at the whole name,
//! the settings' suffix included (`Result` with suffix `Beta` is
//! `ResultBeta`, which shadows nothing). Variants, fields and methods are
//! not affected: they live in their own type's namespace and never shadow.

pub(crate) mod hints;
pub(crate) mod reserved;
pub(crate) mod words;

use heck::{ToSnakeCase, ToUpperCamelCase};
use reserved::{KEYWORDS, NOT_RAW};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The case a name is converted to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// `UpperCamelCase`, for types and enum variants.
    Type,
    /// `snake_case`, for fields, methods and parameters.
    Snake,
}

/// Converts any spec string (`PasswordInfoQueryDTO`, `X-SailPoint-Experimental`,
/// `IN_PROGRESS`, `200`) into an identifier body in `case`. The result is
/// never empty and never starts with a digit; keywords are left for
/// [`Ident::new`] to escape.
pub fn sanitize(name: &str, case: Case) -> String {
    // Separators heck does not know (`.`, `/`, `$`, `+`, …) become word breaks.
    let spaced: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    let mut out = match case {
        Case::Type => spaced.to_upper_camel_case(),
        Case::Snake => spaced.to_snake_case(),
    };
    if out.is_empty() {
        out = match case {
            Case::Type => "Unnamed".to_owned(),
            Case::Snake => "unnamed".to_owned(),
        };
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert_str(
            0,
            match case {
                Case::Type => "V",
                Case::Snake => "n",
            },
        );
    }
    out
}

/// A Rust identifier the generator chose: its name, and whether it is
/// written raw. Displays as written in Rust (`r#type`, `user_name`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ident {
    name: String,
    raw: bool,
}

impl Ident {
    /// The identifier for `name` (a sanitized, claimed name): keywords are
    /// written raw (`r#type`), and the few words that cannot be raw get an
    /// underscore (`self_`).
    pub fn new(name: &str) -> Ident {
        if NOT_RAW.contains(&name) {
            Ident {
                name: format!("{name}_"),
                raw: false,
            }
        } else {
            Ident {
                name: name.to_owned(),
                raw: KEYWORDS.contains(&name),
            }
        }
    }

    /// The name without any `r#` (`type` for `r#type`), as a reader sees it.
    pub fn as_str(&self) -> &str {
        &self.name
    }

    /// Whether it is written `r#…`.
    pub fn is_raw(&self) -> bool {
        self.raw
    }

    /// The `syn` identifier, raw where needed.
    pub fn to_syn(&self) -> syn::Ident {
        let span = proc_macro2::Span::call_site();
        if self.raw {
            syn::Ident::new_raw(&self.name, span)
        } else {
            syn::Ident::new(&self.name, span)
        }
    }
}

impl fmt::Display for Ident {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.raw {
            f.write_str("r#")?;
        }
        f.write_str(&self.name)
    }
}

impl quote::ToTokens for Ident {
    fn to_tokens(&self, tokens: &mut proc_macro2::TokenStream) {
        self.to_syn().to_tokens(tokens);
    }
}

/// Hands out unique names within one namespace, first come first served, in
/// the deterministic order the caller asks. A taken name gets the smallest
/// free numeric suffix (`Foo`, `Foo2`, `Foo3`).
#[derive(Debug, Default, Clone)]
pub struct Namespace {
    taken: BTreeSet<String>,
    /// Set for type names: prelude names are renamed before claiming, and
    /// each renamed claim maps to the name it was wanted as.
    prelude_renamed: Option<BTreeMap<String, String>>,
}

impl Namespace {
    /// An empty namespace.
    pub fn new() -> Self {
        Namespace::default()
    }

    /// The namespace of type names: it holds back [`reserved::TYPES`], and a
    /// wanted name of std's prelude gets [`reserved::PRELUDE_SUFFIX`] before
    /// it is claimed (see the module docs).
    pub fn types() -> Self {
        let mut ns = Namespace::reserving(reserved::TYPES);
        ns.prelude_renamed = Some(BTreeMap::new());
        ns
    }

    /// The prelude name that `claimed` was wanted as, when the prelude rule
    /// renamed it (`Result` for `ResultModel`); `None` for any other name.
    pub fn renamed_from_prelude(&self, claimed: &str) -> Option<&str> {
        self.prelude_renamed
            .as_ref()?
            .get(claimed)
            .map(String::as_str)
    }

    /// Marks `name` as taken without returning it (for names the generator
    /// emits itself, such as the client struct).
    pub fn reserve(&mut self, name: &str) {
        self.taken.insert(name.to_owned());
    }

    /// A namespace holding back `words`.
    pub fn reserving(words: &[&str]) -> Self {
        let mut ns = Namespace::new();
        for w in words {
            ns.reserve(w);
        }
        ns
    }

    /// Claims `wanted` (or the first free `wanted{n}`) as an identifier.
    pub fn claim_ident(&mut self, wanted: &str) -> Ident {
        Ident::new(&self.claim(wanted))
    }

    /// Claims `wanted`, or the first free `wanted{n}` for n ≥ 2. In the
    /// type namespace a prelude name is first renamed (`Result` →
    /// `ResultModel`, then `ResultModel2`, …).
    pub fn claim(&mut self, wanted: &str) -> String {
        match &mut self.prelude_renamed {
            Some(renamed) if reserved::PRELUDE.contains(&wanted) => {
                let avoided = format!("{wanted}{}", reserved::PRELUDE_SUFFIX);
                let claimed = claim_in(&mut self.taken, &avoided);
                renamed.insert(claimed.clone(), wanted.to_owned());
                claimed
            }
            _ => claim_in(&mut self.taken, wanted),
        }
    }
}

/// The collision resolver: `wanted`, or the first `wanted{n}` (n ≥ 2) not
/// in `taken`, which it is added to.
fn claim_in(taken: &mut BTreeSet<String>, wanted: &str) -> String {
    if taken.insert(wanted.to_owned()) {
        return wanted.to_owned();
    }
    let mut n = 2u32;
    loop {
        let candidate = format!("{wanted}{n}");
        if taken.insert(candidate.clone()) {
            return candidate;
        }
        n += 1;
    }
}

/// The id of an operation without an `operationId`: the method and the
/// path's literal segments, with `{param}` segments as `by_param`
/// (`GET /sources/{id}/schemas` → `get_sources_by_id_schemas`). It depends
/// only on the method and path, so it is stable.
pub(crate) fn derived_id(verb: &str, path: &str) -> String {
    let mut s = verb.to_owned();
    for seg in path.split('/').filter(|s| !s.is_empty()) {
        s.push('_');
        match seg.strip_prefix('{').and_then(|x| x.strip_suffix('}')) {
            Some(p) => {
                s.push_str("by_");
                s.push_str(p);
            }
            None => s.push_str(seg),
        }
    }
    sanitize(&s, Case::Snake)
}

/// Edit distance, for "did you mean" suggestions.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Up to three `candidates` closest to `wanted` (case-insensitive), best first.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let w = wanted.to_lowercase();
    let mut scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .map(|c| (levenshtein(&w, &c.to_lowercase()), c))
        .filter(|(d, c)| *d <= (c.len().max(w.len()) / 2).max(2))
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_names_become_rust_names() {
        assert_eq!(
            sanitize("PasswordInfoQueryDTO", Case::Type),
            "PasswordInfoQueryDto"
        );
        assert_eq!(sanitize("IN_PROGRESS", Case::Type), "InProgress");
        assert_eq!(
            sanitize("X-SailPoint-Experimental", Case::Snake),
            "x_sail_point_experimental"
        );
        assert_eq!(
            sanitize("queryPasswordInfo", Case::Snake),
            "query_password_info"
        );
        assert_eq!(sanitize("200", Case::Type), "V200");
        assert_eq!(sanitize("", Case::Snake), "unnamed");
        assert_eq!(sanitize("a.b/c", Case::Snake), "a_b_c");
        assert_eq!(Ident::new("type").to_string(), "r#type");
        assert_eq!(Ident::new("type").as_str(), "type");
        assert!(Ident::new("type").is_raw());
        assert_eq!(Ident::new("type").to_syn().to_string(), "r#type");
        assert_eq!(Ident::new("self").to_string(), "self_");
        assert!(!Ident::new("self").is_raw());
        assert_eq!(Ident::new("name").to_string(), "name");
    }

    #[test]
    fn collisions_get_numbered_in_claim_order() {
        let mut ns = Namespace::new();
        ns.reserve("Api");
        assert_eq!(ns.claim("Api"), "Api2");
        assert_eq!(ns.claim("Foo"), "Foo");
        assert_eq!(ns.claim("Foo"), "Foo2");
        assert_eq!(ns.claim("Foo"), "Foo3");
    }

    #[test]
    fn type_names_of_the_prelude_get_the_suffix() {
        let mut types = Namespace::types();
        assert_eq!(types.claim("Result"), "ResultModel");
        assert_eq!(types.renamed_from_prelude("ResultModel"), Some("Result"));
        // The renamed name goes through the collision resolver.
        assert_eq!(types.claim("Result"), "ResultModel2");
        assert_eq!(types.renamed_from_prelude("ResultModel2"), Some("Result"));
        assert_eq!(types.claim("ResultModel"), "ResultModel3");
        assert_eq!(types.renamed_from_prelude("ResultModel3"), None);
        // Only whole names: a longer name, or one with a suffix, is kept.
        assert_eq!(types.claim("ResultBeta"), "ResultBeta");
        assert_eq!(types.claim("Results"), "Results");
        assert_eq!(types.claim("Debug"), "Debug");
        assert_eq!(types.claim("Self"), "Self2");
        for name in reserved::PRELUDE {
            assert_eq!(Namespace::types().claim(name), format!("{name}Model"));
        }
        // Other namespaces (variants, fields, methods) keep prelude names.
        assert_eq!(Namespace::new().claim("Result"), "Result");
        assert_eq!(Namespace::new().renamed_from_prelude("Result"), None);
    }

    #[test]
    fn suggestions_rank_by_distance() {
        let c = ["queryPasswordInfo", "setPassword", "createDigitToken"];
        assert_eq!(closest("queryPaswordInfo", c), vec!["queryPasswordInfo"]);
        assert!(closest("zzzzzzzz", c).is_empty());
    }
}
