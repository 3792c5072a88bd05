//! ISC's filter and sorter languages (the `filters` and `sorters` query
//! parameters of its lists) as values that cannot be mistyped or injected.
//!
//! The generated bindings give each list operation whose spec documents
//! its filterable fields a field set: `filters::ListAccounts` has one
//! function per field, and each field offers exactly the operators the spec
//! lists for it, taking values of the field's type. Values are quoted and
//! escaped here, so no input can change the expression it is put in:
//!
//! ```text
//! use sailpoint_isc::v2024::{filters, sorters};
//! use filters::ListAccounts as f;
//!
//! let accounts = api
//!     .list_accounts()
//!     .filters(f::source_id().eq(id) & (f::name().sw("a\"b") | f::modified().gt(since)))
//!     .sorters([sorters::ListAccounts::name(), sorters::ListAccounts::modified().desc()])
//!     .await?;
//! ```
//!
//! The language: `eq ne co sw gt ge lt le` between a field and a value,
//! `in` and `ca` with a list (`("a", "b")`), `pr field` and
//! `field isnull`; `and`, `or` and `not` with `not` binding tightest, then
//! `and`, then `or`. [`Filter`]'s `Display` writes parentheses only where
//! that precedence needs them. Strings are double-quoted with `\` and `"`
//! escaped by a backslash; RFC 3339 date-times, booleans and numbers are
//! bare. `%`, `#`, `&` and non-ASCII text need only the URL encoding the
//! query already gets.
//!
//! The text form stays: a `filters` setter takes a `&str` or `String` as
//! well ([`Filter::raw`]), for what the spec does not document.

mod field;
mod sort;
mod value;

pub use field::{op, AllOps, Field};
pub use sort::{Sort, Sorters};
pub use value::{FilterValue, Literal};

use std::fmt;
use std::marker::PhantomData;

/// A filter of the operation (or field set) `S`: a comparison, a
/// combination of filters with `and`, `or` and `not`, or raw text.
/// `Display` writes it in ISC's filter language; that text is what the
/// `filters` query parameter carries.
///
/// Combine with [`and`](Self::and), [`or`](Self::or) and
/// [`not`](Self::not), or with `&`, `|` and `!`:
///
/// ```
/// use sailpoint_isc::filter::{field, Filter};
///
/// let f: Filter = (field("name").sw("a") | field("name").sw("b")) & !field("disabled").eq(true);
/// assert_eq!(f.to_string(), r#"(name sw "a" or name sw "b") and not disabled eq true"#);
/// let quoted = field("name").eq(r#"x" or name pr or name eq "y"#);
/// assert_eq!(quoted.to_string(), r#"name eq "x\" or name pr or name eq \"y""#);
/// ```
pub struct Filter<S = Untyped> {
    node: Node,
    _set: PhantomData<fn() -> S>,
}

/// The field set of filters built from [`field`]: fields the bindings do
/// not describe, for a hand-written [`Request`](crate::Request). A typed
/// setter does not take them.
#[derive(Debug, Clone, Copy)]
pub struct Untyped;

/// The expression tree; terms are already written out.
#[derive(Debug, Clone, PartialEq)]
enum Node {
    /// One comparison, written (`name eq "x"`, `pr name`).
    Term(String),
    /// Text given by the caller: parenthesized whenever it is combined,
    /// since its precedence is unknown.
    Raw(String),
    And(Vec<Node>),
    Or(Vec<Node>),
    Not(Box<Node>),
}

impl Node {
    /// Binding strength: `or` < `and` < `not` < a term. Raw text is below
    /// `or`, so it is parenthesized under every operator.
    fn precedence(&self) -> u8 {
        match self {
            Node::Raw(_) => 0,
            Node::Or(_) => 1,
            Node::And(_) => 2,
            Node::Not(_) => 3,
            Node::Term(_) => 4,
        }
    }

    /// Writes the node, in parentheses when it binds looser than `min`.
    fn write(&self, f: &mut fmt::Formatter<'_>, min: u8) -> fmt::Result {
        let parens = self.precedence() < min;
        if parens {
            f.write_str("(")?;
        }
        match self {
            Node::Term(text) | Node::Raw(text) => f.write_str(text)?,
            Node::And(items) => write_joined(f, items, " and ", 2)?,
            Node::Or(items) => write_joined(f, items, " or ", 1)?,
            Node::Not(inner) => {
                f.write_str("not ")?;
                inner.write(f, 3)?;
            }
        }
        if parens {
            f.write_str(")")?;
        }
        Ok(())
    }
}

/// `items` joined by `sep`, each in parentheses when it binds looser than
/// `min`. `and` and `or` lists are flattened when built, so an item of the
/// same kind never occurs.
fn write_joined(f: &mut fmt::Formatter<'_>, items: &[Node], sep: &str, min: u8) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(sep)?;
        }
        // An `or` inside `or` (or `and` inside `and`) would need none; the
        // flattening keeps that from arising, and `min + 1` parenthesizes
        // anything looser.
        item.write(f, min + 1)?;
    }
    Ok(())
}

impl<S> Filter<S> {
    fn node(node: Node) -> Self {
        Filter {
            node,
            _set: PhantomData,
        }
    }

    /// Text in ISC's filter language, sent as it is: for a filter the
    /// bindings do not describe. It is parenthesized when combined with
    /// another filter. The caller is responsible for quoting values in it.
    pub fn raw(text: impl Into<String>) -> Self {
        Filter::node(Node::Raw(text.into()))
    }

    /// Both `self` and `other`: `self and other`.
    pub fn and(self, other: Filter<S>) -> Self {
        Filter::node(combine(self.node, other.node, true))
    }

    /// Either `self` or `other`: `self or other`.
    pub fn or(self, other: Filter<S>) -> Self {
        Filter::node(combine(self.node, other.node, false))
    }

    /// The negation: `not self`. Negating a negation gives the filter back.
    #[allow(clippy::should_implement_trait)] // `!` is implemented too; this reads better in chains
    pub fn not(self) -> Self {
        Filter::node(match self.node {
            Node::Not(inner) => *inner,
            node => Node::Not(Box::new(node)),
        })
    }
}

impl Filter<Untyped> {
    /// This filter of [`field`]s, which the bindings do not check, where a
    /// typed filter of the set `S` is wanted: for a field or operator the
    /// spec does not document, still quoted and escaped
    /// (`f::source_id().eq(id) & field("x").eq(v).unchecked()`).
    pub fn unchecked<S>(self) -> Filter<S> {
        Filter::node(self.node)
    }
}

/// `a and b` (or `a or b`), with either side's items taken in when it is
/// the same kind, so that `a and b and c` needs no parentheses.
fn combine(a: Node, b: Node, and: bool) -> Node {
    let mut items = Vec::new();
    for node in [a, b] {
        match node {
            Node::And(inner) if and => items.extend(inner),
            Node::Or(inner) if !and => items.extend(inner),
            other => items.push(other),
        }
    }
    if and {
        Node::And(items)
    } else {
        Node::Or(items)
    }
}

impl<S> fmt::Display for Filter<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.node.write(f, 0)
    }
}

impl<S> fmt::Debug for Filter<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Filter").field(&self.to_string()).finish()
    }
}

impl<S> Clone for Filter<S> {
    fn clone(&self) -> Self {
        Filter::node(self.node.clone())
    }
}

impl<S> PartialEq for Filter<S> {
    fn eq(&self, other: &Self) -> bool {
        self.node == other.node
    }
}

/// Raw text, as [`Filter::raw`]: what a `filters` setter took before it
/// was typed, so `.filters("name eq \"x\"")` keeps working.
impl<S> From<&str> for Filter<S> {
    fn from(text: &str) -> Self {
        Filter::raw(text)
    }
}

/// Raw text, as [`Filter::raw`].
impl<S> From<String> for Filter<S> {
    fn from(text: String) -> Self {
        Filter::raw(text)
    }
}

/// Raw text, as [`Filter::raw`].
impl<S> From<&String> for Filter<S> {
    fn from(text: &String) -> Self {
        Filter::raw(text.as_str())
    }
}

impl<S> std::ops::BitAnd for Filter<S> {
    type Output = Filter<S>;
    /// [`Filter::and`].
    fn bitand(self, other: Filter<S>) -> Filter<S> {
        self.and(other)
    }
}

impl<S> std::ops::BitOr for Filter<S> {
    type Output = Filter<S>;
    /// [`Filter::or`].
    fn bitor(self, other: Filter<S>) -> Filter<S> {
        self.or(other)
    }
}

impl<S> std::ops::Not for Filter<S> {
    type Output = Filter<S>;
    /// [`Filter::not`].
    fn not(self) -> Filter<S> {
        Filter::not(self)
    }
}

/// A field the bindings do not describe, by its name on the wire, with
/// every operator and values of any type ([`Literal`]): for filters of a
/// hand-written [`Request`](crate::Request), still quoted and escaped.
///
/// ```
/// use sailpoint_isc::filter::field;
///
/// let f = field("sourceId").in_(["a", "b"]) & field("created").gt(sailpoint_isc::DateTime::parse("2024-01-01T00:00:00Z")?);
/// assert_eq!(f.to_string(), r#"sourceId in ("a", "b") and created gt 2024-01-01T00:00:00Z"#);
/// # Ok::<(), sailpoint_isc::DateTimeError>(())
/// ```
pub const fn field(name: &'static str) -> Field<Untyped, Literal, AllOps> {
    Field::new(name)
}

#[cfg(test)]
mod tests;
