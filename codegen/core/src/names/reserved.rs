//! The words the generator never hands out as names, in one table: Rust's
//! keywords (written raw), the words that cannot be raw (given an
//! underscore), the type names of std's prelude (renamed, so a glob import
//! does not shadow them), and per namespace the names the generated code
//! already uses.

/// Words that cannot be raw identifiers (`r#self` is not allowed); they get
/// a trailing underscore instead.
pub const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Strict and reserved keywords of Rust 2021, which need `r#` as identifiers.
pub const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// The client struct's name before the settings' suffix (`Api`, `ApiBeta`);
/// it is held back from the type namespace.
pub const CLIENT: &str = "Api";

/// Type names held back besides the client struct's: `Self` is the one
/// type-case keyword, so a schema called `self` is named `Self2` like any
/// other taken name.
pub const TYPES: &[&str] = &["Self"];

/// The names of the type namespace that Rust's std prelude brings into every
/// module, in any edition. A glob import (`use v2024::*;`) shadows the
/// prelude, so a generated type of one of these names would replace std's
/// for the user (`Result<(), E>` would then be the spec's struct); a type
/// that would get one is named [`PRELUDE_SUFFIX`] longer instead.
///
/// Source: `std::prelude::v1` (re-exporting `core::prelude::v1`) plus what
/// `std::prelude::rust_2021` and `rust_2024` add, as of Rust 1.95; every
/// entry was checked with `use std::prelude::rust_20xx::Name;`. Left out on
/// purpose: the derive macros `Debug` and `Hash` and the other built-in
/// macros, which live in the macro namespace (a glob-imported `struct
/// Debug` leaves `#[derive(Debug)]` working), and the prelude's lowercase
/// functions (`drop`, `size_of`, …), which no type name can equal.
pub const PRELUDE: &[&str] = &[
    // std::marker, std::ops
    "Copy",
    "Send",
    "Sized",
    "Sync",
    "Unpin",
    "Drop",
    "Fn",
    "FnMut",
    "FnOnce",
    "AsyncFn",
    "AsyncFnMut",
    "AsyncFnOnce",
    // std::clone, std::cmp, std::convert, std::default
    "Clone",
    "Eq",
    "Ord",
    "PartialEq",
    "PartialOrd",
    "AsMut",
    "AsRef",
    "From",
    "Into",
    "Default",
    // std::iter
    "DoubleEndedIterator",
    "ExactSizeIterator",
    "Extend",
    "IntoIterator",
    "Iterator",
    // std::option and std::result, variants included
    "Option",
    "Some",
    "None",
    "Result",
    "Ok",
    "Err",
    // std::borrow, std::boxed, std::string, std::vec
    "ToOwned",
    "Box",
    "String",
    "ToString",
    "Vec",
    // added by the 2021 prelude
    "TryFrom",
    "TryInto",
    "FromIterator",
    // added by the 2024 prelude
    "Future",
    "IntoFuture",
];

/// What a type name that is in [`PRELUDE`] gets appended (`Result` →
/// `ResultModel`): one fixed word, so the new name is easy to guess, and
/// one that fits every kind of generated type (struct, enum or alias).
pub const PRELUDE_SUFFIX: &str = "Model";

/// Method names of the client struct the generator writes itself (its
/// constructor, its field, and the derived `Clone` and `Debug` methods).
pub const METHODS: &[&str] = &["new", "client", "clone", "fmt"];

/// Argument names of a generated method that are not parameters: the
/// receiver and the request body.
pub const ARGUMENTS: &[&str] = &["self", "body"];

/// Method names of an operation's builder that the runtime writes (per-call
/// options, sending, the optional body's setter, streams and their
/// `max_items`): an optional
/// parameter of one of these names is set as `<name>_param`. The runtime
/// keeps the same list beside the code that writes those methods
/// (`sailpoint_isc::__private::v1::BUILDER_METHODS`), and a test in
/// `tests/runtime/calls.rs` holds the two equal.
pub const SETTERS: &[&str] = &[
    "header",
    "timeout",
    "retry_policy",
    "__options",
    "send",
    "send_with_response",
    "into_call",
    "into_future",
    "body",
    "stream",
    "pages",
    "pager",
    "max_items",
    "fmt",
];

/// What an operation's builder type is named after: the operation's type
/// name plus this (`ListAccessProfilesCall`), then the settings' suffix.
pub const BUILDER_SUFFIX: &str = "Call";

/// The field a struct's `additionalProperties` are collected into; a
/// property of that name is renumbered.
pub const ADDITIONAL_PROPERTIES_FIELD: &str = "additional_properties";

/// The field a struct without `additionalProperties` keeps the properties
/// it does not declare in; a property of that name is renumbered.
pub const EXTRA_FIELD: &str = "extra";

/// The catch-all variant of a string enum, claimed after the listed values.
pub const OTHER_VARIANT: &str = "Other";

/// The variant name of a string enum value that is the empty string.
pub const EMPTY_VARIANT: &str = "Empty";

/// The one variant of the enum a self-referring alias becomes (`enum Tree {
/// Value(Vec<Tree>) }`).
pub const RECURSIVE_ALIAS_VARIANT: &str = "Value";
