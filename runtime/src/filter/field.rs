//! A field of a list operation's filter and the operators it takes: the
//! operators are traits of the field's operator set, so an operator the
//! spec does not document for a field is a compile error naming it.

use super::value::FilterValue;
use super::{Filter, Node};
use std::marker::PhantomData;

/// A field a filter can compare, of the operation (or field set) `S`, with
/// values of type `V` and the operators the set `O` implements
/// ([`op`] traits).
///
/// The generated bindings make one per documented field:
/// `filters::ListAccounts::source_id()` is the `sourceId` field of
/// `listAccounts`, taking strings and `eq`, `in` and `sw`.
pub struct Field<S, V, O> {
    name: &'static str,
    // `fn() -> _`: the field holds no `S`, `V` or `O` and is `Send`,
    // `Sync` and `Copy` whatever they are.
    _types: PhantomData<Types<S, V, O>>,
}

/// What a [`Field`] is generic over, held by none of its values.
type Types<S, V, O> = fn() -> (S, V, O);

impl<S, V, O> Clone for Field<S, V, O> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<S, V, O> Copy for Field<S, V, O> {}

impl<S, V, O> std::fmt::Debug for Field<S, V, O> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Field").field(&self.name).finish()
    }
}

impl<S, V, O> Field<S, V, O> {
    /// The field called `name` on the wire (`sourceId`,
    /// `recommendation.method`).
    pub const fn new(name: &'static str) -> Self {
        Field {
            name,
            _types: PhantomData,
        }
    }

    /// The field's name on the wire.
    pub const fn name(&self) -> &'static str {
        self.name
    }
}

impl<S, V: FilterValue, O> Field<S, V, O> {
    fn compare(self, op: &str, value: V) -> Filter<S> {
        let mut text = format!("{} {op} ", self.name);
        value.write_literal(&mut text);
        Filter::node(Node::Term(text))
    }

    fn list<I>(self, op: &str, values: I) -> Filter<S>
    where
        I: IntoIterator,
        I::Item: Into<V>,
    {
        let mut text = format!("{} {op} (", self.name);
        for (i, v) in values.into_iter().enumerate() {
            if i > 0 {
                text.push_str(", ");
            }
            v.into().write_literal(&mut text);
        }
        text.push(')');
        Filter::node(Node::Term(text))
    }

    /// `field eq value`: equal to `value`.
    pub fn eq(self, value: impl Into<V>) -> Filter<S>
    where
        O: op::TakesEq,
    {
        self.compare("eq", value.into())
    }

    /// `field ne value`: not equal to `value`.
    pub fn ne(self, value: impl Into<V>) -> Filter<S>
    where
        O: op::TakesNe,
    {
        self.compare("ne", value.into())
    }

    /// `field co value`: contains `value`.
    pub fn co(self, value: impl Into<V>) -> Filter<S>
    where
        O: op::TakesCo,
    {
        self.compare("co", value.into())
    }

    /// `field sw value`: starts with `value`.
    pub fn sw(self, value: impl Into<V>) -> Filter<S>
    where
        O: op::TakesSw,
    {
        self.compare("sw", value.into())
    }

    /// `field gt value`: greater than `value`.
    pub fn gt(self, value: impl Into<V>) -> Filter<S>
    where
        O: op::TakesGt,
    {
        self.compare("gt", value.into())
    }

    /// `field ge value`: greater than or equal to `value`.
    pub fn ge(self, value: impl Into<V>) -> Filter<S>
    where
        O: op::TakesGe,
    {
        self.compare("ge", value.into())
    }

    /// `field lt value`: less than `value`.
    pub fn lt(self, value: impl Into<V>) -> Filter<S>
    where
        O: op::TakesLt,
    {
        self.compare("lt", value.into())
    }

    /// `field le value`: less than or equal to `value`.
    pub fn le(self, value: impl Into<V>) -> Filter<S>
    where
        O: op::TakesLe,
    {
        self.compare("le", value.into())
    }

    /// `field in ("a", "b")`: equal to one of `values` (ISC's `in`; `in`
    /// is a Rust keyword).
    pub fn in_<I>(self, values: I) -> Filter<S>
    where
        O: op::TakesIn,
        I: IntoIterator,
        I::Item: Into<V>,
    {
        self.list("in", values)
    }

    /// `field ca ("a", "b")`: a multi-valued field that contains all of
    /// `values`.
    pub fn ca<I>(self, values: I) -> Filter<S>
    where
        O: op::TakesCa,
        I: IntoIterator,
        I::Item: Into<V>,
    {
        self.list("ca", values)
    }

    /// `pr field`: the field is present (has a value).
    pub fn pr(self) -> Filter<S>
    where
        O: op::TakesPr,
    {
        Filter::node(Node::Term(format!("pr {}", self.name)))
    }

    /// `field isnull`: the field has no value.
    pub fn isnull(self) -> Filter<S>
    where
        O: op::TakesIsnull,
    {
        Filter::node(Node::Term(format!("{} isnull", self.name)))
    }
}

/// The operators, one trait each (`TakesEq` for `eq`), implemented by a
/// field's operator set
/// (see [`filter_ops!`](crate::filter_ops)). A field offers an operator's
/// method only when its set implements the operator's trait, and the
/// compile error for one it does not says so.
pub mod op {
    // The messages are written out per trait: an attribute's arguments
    // take literals only, never `concat!`.
    /// `eq`: equal.
    #[diagnostic::on_unimplemented(
        message = "this filter field does not take the `eq` operator",
        label = "`eq` is not among the operators the spec documents for this field: `{Self}`",
        note = "a field's methods are the operators its operation's `filters` description lists; to send another filter, pass its text: `.filters(\"...\")`"
    )]
    pub trait TakesEq {}
    /// `ne`: not equal.
    #[diagnostic::on_unimplemented(
        message = "this filter field does not take the `ne` operator",
        label = "`ne` is not among the operators the spec documents for this field: `{Self}`",
        note = "a field's methods are the operators its operation's `filters` description lists; to send another filter, pass its text: `.filters(\"...\")`"
    )]
    pub trait TakesNe {}
    /// `co`: contains.
    #[diagnostic::on_unimplemented(
        message = "this filter field does not take the `co` operator",
        label = "`co` is not among the operators the spec documents for this field: `{Self}`",
        note = "a field's methods are the operators its operation's `filters` description lists; to send another filter, pass its text: `.filters(\"...\")`"
    )]
    pub trait TakesCo {}
    /// `sw`: starts with.
    #[diagnostic::on_unimplemented(
        message = "this filter field does not take the `sw` operator",
        label = "`sw` is not among the operators the spec documents for this field: `{Self}`",
        note = "a field's methods are the operators its operation's `filters` description lists; to send another filter, pass its text: `.filters(\"...\")`"
    )]
    pub trait TakesSw {}
    /// `gt`: greater than.
    #[diagnostic::on_unimplemented(
        message = "this filter field does not take the `gt` operator",
        label = "`gt` is not among the operators the spec documents for this field: `{Self}`",
        note = "a field's methods are the operators its operation's `filters` description lists; to send another filter, pass its text: `.filters(\"...\")`"
    )]
    pub trait TakesGt {}
    /// `ge`: greater than or equal.
    #[diagnostic::on_unimplemented(
        message = "this filter field does not take the `ge` operator",
        label = "`ge` is not among the operators the spec documents for this field: `{Self}`",
        note = "a field's methods are the operators its operation's `filters` description lists; to send another filter, pass its text: `.filters(\"...\")`"
    )]
    pub trait TakesGe {}
    /// `lt`: less than.
    #[diagnostic::on_unimplemented(
        message = "this filter field does not take the `lt` operator",
        label = "`lt` is not among the operators the spec documents for this field: `{Self}`",
        note = "a field's methods are the operators its operation's `filters` description lists; to send another filter, pass its text: `.filters(\"...\")`"
    )]
    pub trait TakesLt {}
    /// `le`: less than or equal.
    #[diagnostic::on_unimplemented(
        message = "this filter field does not take the `le` operator",
        label = "`le` is not among the operators the spec documents for this field: `{Self}`",
        note = "a field's methods are the operators its operation's `filters` description lists; to send another filter, pass its text: `.filters(\"...\")`"
    )]
    pub trait TakesLe {}
    /// `in`: one of a list.
    #[diagnostic::on_unimplemented(
        message = "this filter field does not take the `in` operator",
        label = "`in` is not among the operators the spec documents for this field: `{Self}`",
        note = "a field's methods are the operators its operation's `filters` description lists; to send another filter, pass its text: `.filters(\"...\")`"
    )]
    pub trait TakesIn {}
    /// `ca`: contains all of a list.
    #[diagnostic::on_unimplemented(
        message = "this filter field does not take the `ca` operator",
        label = "`ca` is not among the operators the spec documents for this field: `{Self}`",
        note = "a field's methods are the operators its operation's `filters` description lists; to send another filter, pass its text: `.filters(\"...\")`"
    )]
    pub trait TakesCa {}
    /// `pr`: present.
    #[diagnostic::on_unimplemented(
        message = "this filter field does not take the `pr` operator",
        label = "`pr` is not among the operators the spec documents for this field: `{Self}`",
        note = "a field's methods are the operators its operation's `filters` description lists; to send another filter, pass its text: `.filters(\"...\")`"
    )]
    pub trait TakesPr {}
    /// `isnull`: has no value.
    #[diagnostic::on_unimplemented(
        message = "this filter field does not take the `isnull` operator",
        label = "`isnull` is not among the operators the spec documents for this field: `{Self}`",
        note = "a field's methods are the operators its operation's `filters` description lists; to send another filter, pass its text: `.filters(\"...\")`"
    )]
    pub trait TakesIsnull {}
}

/// Defines an operator set: a unit struct implementing the [`op`] traits
/// of the operators named (`eq ne co sw gt ge lt le in ca pr isnull`).
/// Generated bindings define one per distinct set their fields use.
///
/// ```
/// sailpoint_isc::filter_ops!(EqInSw: eq in sw);
/// let id = sailpoint_isc::filter::Field::<(), String, EqInSw>::new("id");
/// assert_eq!(id.sw("2c").to_string(), r#"id sw "2c""#);
/// ```
#[macro_export]
macro_rules! filter_ops {
    ($(#[$attr:meta])* $name:ident: $($op:ident)*) => {
        $(#[$attr])*
        #[doc = concat!("The filter operators", $(" `", stringify!($op), "`",)* ".")]
        #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::marker::Copy)]
        pub struct $name;
        $($crate::filter_ops!(@op $name $op);)*
    };
    (@op $name:ident eq) => { impl $crate::filter::op::TakesEq for $name {} };
    (@op $name:ident ne) => { impl $crate::filter::op::TakesNe for $name {} };
    (@op $name:ident co) => { impl $crate::filter::op::TakesCo for $name {} };
    (@op $name:ident sw) => { impl $crate::filter::op::TakesSw for $name {} };
    (@op $name:ident gt) => { impl $crate::filter::op::TakesGt for $name {} };
    (@op $name:ident ge) => { impl $crate::filter::op::TakesGe for $name {} };
    (@op $name:ident lt) => { impl $crate::filter::op::TakesLt for $name {} };
    (@op $name:ident le) => { impl $crate::filter::op::TakesLe for $name {} };
    (@op $name:ident in) => { impl $crate::filter::op::TakesIn for $name {} };
    (@op $name:ident ca) => { impl $crate::filter::op::TakesCa for $name {} };
    (@op $name:ident pr) => { impl $crate::filter::op::TakesPr for $name {} };
    (@op $name:ident isnull) => { impl $crate::filter::op::TakesIsnull for $name {} };
}

crate::filter_ops!(
    /// Every operator: the set of [`field`](super::field)s, whose
    /// operation the bindings do not describe.
    AllOps: eq ne co sw gt ge lt le in ca pr isnull
);
