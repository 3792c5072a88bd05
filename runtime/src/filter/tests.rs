use super::*;
use crate::{DateTime, DateTimeParts};

fn name() -> Field<Untyped, Literal, AllOps> {
    field("name")
}

#[test]
fn every_operator_writes_its_form() {
    let cases: Vec<(Filter, &str)> = vec![
        (name().eq("a"), r#"name eq "a""#),
        (name().ne("a"), r#"name ne "a""#),
        (name().co("a"), r#"name co "a""#),
        (name().sw("a"), r#"name sw "a""#),
        (name().gt(5), "name gt 5"),
        (name().ge(5_i64), "name ge 5"),
        (name().lt(1.5), "name lt 1.5"),
        (name().le(true), "name le true"),
        (name().in_(["a", "b"]), r#"name in ("a", "b")"#),
        (name().ca(["CREATE"]), r#"name ca ("CREATE")"#),
        (name().pr(), "pr name"),
        (name().isnull(), "name isnull"),
    ];
    for (filter, text) in cases {
        assert_eq!(filter.to_string(), text);
    }
}

#[test]
fn strings_escape_quote_and_backslash_only() {
    let f = name().eq(r#"a"b\c'd (e) or f %#&é"#);
    assert_eq!(f.to_string(), r#"name eq "a\"b\\c'd (e) or f %#&é""#);
}

#[test]
fn date_times_are_bare_and_canonical_and_unparsed_text_is_quoted() {
    let at = DateTime::from(DateTimeParts::new(2024, 5, 17, 6, 30, 0).unwrap());
    assert_eq!(
        field("created").gt(at).to_string(),
        "created gt 2024-05-17T06:30:00Z"
    );
    let odd = DateTime::from_wire("2024 or name pr");
    assert_eq!(
        field("created").gt(odd).to_string(),
        r#"created gt "2024 or name pr""#
    );
    assert_eq!(name().eq(f64::NAN).to_string(), r#"name eq "NaN""#);
}

#[test]
fn precedence_adds_parentheses_only_where_needed() {
    let (a, b, c) = (name().eq("a"), name().eq("b"), name().eq("c"));
    assert_eq!(
        (a.clone() & b.clone() | c.clone()).to_string(),
        r#"name eq "a" and name eq "b" or name eq "c""#
    );
    assert_eq!(
        (a.clone() & (b.clone() | c.clone())).to_string(),
        r#"name eq "a" and (name eq "b" or name eq "c")"#
    );
    assert_eq!(
        (a.clone() | b.clone() | c.clone()).to_string(),
        r#"name eq "a" or name eq "b" or name eq "c""#
    );
    assert_eq!(
        (a.clone() & b.clone() & c.clone()).to_string(),
        r#"name eq "a" and name eq "b" and name eq "c""#
    );
    assert_eq!(
        (!(a.clone() | b.clone())).to_string(),
        r#"not (name eq "a" or name eq "b")"#
    );
    assert_eq!(
        (!a.clone() & b.clone()).to_string(),
        r#"not name eq "a" and name eq "b""#
    );
    assert_eq!((!!a.clone()).to_string(), r#"name eq "a""#);
    assert_eq!(
        ((a.clone() | b.clone()) & (b.clone() | c.clone())).to_string(),
        r#"(name eq "a" or name eq "b") and (name eq "b" or name eq "c")"#
    );
}

#[test]
fn raw_text_stands_alone_and_is_parenthesized_when_combined() {
    let raw: Filter = "a eq 1 or b eq 2".into();
    assert_eq!(raw.to_string(), "a eq 1 or b eq 2");
    assert_eq!(
        (raw.clone() & name().pr()).to_string(),
        "(a eq 1 or b eq 2) and pr name"
    );
    assert_eq!(
        (raw.clone() | name().pr()).to_string(),
        "(a eq 1 or b eq 2) or pr name"
    );
    assert_eq!((!raw).to_string(), "not (a eq 1 or b eq 2)");
}

#[test]
fn sorters_join_keys_with_commas() {
    struct Set;
    let (n, m) = (Sort::<Set>::new("name"), Sort::<Set>::new("modified"));
    assert_eq!(Sorters::from([n, m.desc()]).to_string(), "name,-modified");
    assert_eq!(n.desc().asc().then(m).to_string(), "name,modified");
    assert_eq!(Sorters::from(vec![m.desc()]).to_string(), "-modified");
    assert_eq!(
        Sorters::<Set>::from("id,-name").then(m).to_string(),
        "id,-name,modified"
    );
}

#[test]
fn an_unchecked_filter_joins_a_typed_one() {
    struct Set;
    let typed: Filter<Set> = Field::<Set, String, AllOps>::new("id").eq("a");
    let f = typed & field("x y").eq("\"").unchecked();
    assert_eq!(f.to_string(), r#"id eq "a" and x y eq "\"""#);
}
