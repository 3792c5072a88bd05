//! Decoding generated `oneOf`/`anyOf` enums.

use crate::json::received;
use crate::json::DecodeError;
use serde_json::Value;

/// One alternative of a generated `oneOf`/`anyOf` enum.
pub struct UnionVariant<T> {
    /// The properties the variant's struct defines, or `None` when it takes
    /// any value (not a struct, or one with `additionalProperties`).
    pub properties: Option<&'static [&'static str]>,
    /// Decodes the value as this variant.
    pub decode: fn(Value) -> Result<T, DecodeError>,
}

/// `Decode` body shared by every generated `oneOf`/`anyOf` enum: of the
/// variants that decode the value, the first one that knows the most of its
/// (non-null) properties. Choosing the first that merely decodes would read
/// a payload as any earlier variant whose fields are all optional, silently
/// dropping the fields that variant does not have.
///
/// A variant that decodes only leniently (a required property filled with
/// a placeholder, see [`Received`](crate::json::Received)) loses to one
/// that decodes as specified: lenient reading must not pick a variant the
/// value was never meant to be.
pub fn decode_union<T>(
    value: Value,
    name: &str,
    variants: &[UnionVariant<T>],
) -> Result<T, DecodeError> {
    // (lenient?, unknown properties, the variant, its enum case records)
    type Best<T> = (bool, usize, T, Vec<(String, &'static str)>);
    let mut best: Option<Best<T>> = None;
    let mut errors = Vec::new();
    let cases = received::case_mark();
    for v in variants {
        let lenient_before = received::lenient_reads();
        let decoded = (v.decode)(value.clone());
        let lenient = received::lenient_reads() != lenient_before;
        let case_records = received::take_cases(cases);
        match decoded {
            Ok(decoded) => {
                let unknown = unknown_properties(v.properties, &value);
                if unknown == 0 && !lenient {
                    received::put_cases(case_records);
                    return Ok(decoded);
                }
                let rank = (lenient, unknown);
                if best.as_ref().is_none_or(|(l, u, _, _)| rank < (*l, *u)) {
                    best = Some((lenient, unknown, decoded, case_records));
                }
            }
            Err(e) => errors.push(e.to_string()),
        }
    }
    match best {
        Some((_, _, decoded, case_records)) => {
            received::put_cases(case_records);
            Ok(decoded)
        }
        None => Err(DecodeError::new(format!(
            "data did not match any variant of {name} ({})",
            errors.join("; ")
        ))),
    }
}

/// How many of an object's non-null properties a variant does not define.
fn unknown_properties(properties: Option<&[&str]>, value: &Value) -> usize {
    match (properties, value) {
        (Some(known), Value::Object(map)) => map
            .iter()
            .filter(|(k, v)| !v.is_null() && !known.contains(&k.as_str()))
            .count(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::{decode_union, UnionVariant};
    use crate::__private::codec::Object;
    use crate::json::{Decode, DecodeError};
    use serde_json::Value;

    #[derive(Debug, PartialEq)]
    struct Short {
        id: Option<String>,
    }

    impl Decode for Short {
        fn decode(v: Value) -> Result<Self, DecodeError> {
            let mut o = Object::new(v, "Short")?;
            let v = Short { id: o.opt("id") };
            o.finish(v)
        }
    }

    #[derive(Debug, PartialEq)]
    struct Long {
        id: Option<String>,
        first_name: Option<String>,
    }

    impl Decode for Long {
        fn decode(v: Value) -> Result<Self, DecodeError> {
            let mut o = Object::new(v, "Long")?;
            let v = Long {
                id: o.opt("id"),
                first_name: o.opt("first_name"),
            };
            o.finish(v)
        }
    }

    #[derive(Debug, PartialEq)]
    enum Doc {
        Short(Short),
        Long(Long),
        Text(String),
    }

    fn decode(json: &str) -> Result<Doc, DecodeError> {
        let value: Value = serde_json::from_str(json).unwrap();
        decode_union(
            value,
            "Doc",
            &[
                UnionVariant {
                    properties: Some(&["id"]),
                    decode: |v| Short::decode(v).map(Doc::Short),
                },
                UnionVariant {
                    properties: Some(&["id", "first_name"]),
                    decode: |v| Long::decode(v).map(Doc::Long),
                },
                UnionVariant {
                    properties: None,
                    decode: |v| String::decode(v).map(Doc::Text),
                },
            ],
        )
    }

    #[test]
    fn the_variant_that_knows_every_property_wins_over_an_earlier_one() {
        let doc = decode(r#"{"id": "1", "first_name": "Abby"}"#).unwrap();
        assert_eq!(
            doc,
            Doc::Long(Long {
                id: Some("1".into()),
                first_name: Some("Abby".into())
            })
        );
    }

    #[test]
    fn the_first_of_equally_good_variants_wins_and_nulls_do_not_count() {
        let doc = decode(r#"{"id": "1", "first_name": null}"#).unwrap();
        assert_eq!(
            doc,
            Doc::Short(Short {
                id: Some("1".into())
            })
        );
    }

    #[test]
    fn unknown_properties_fall_back_to_the_closest_variant() {
        let doc = decode(r#"{"id": "1", "first_name": "Abby", "extra": true}"#).unwrap();
        assert!(matches!(doc, Doc::Long(_)), "{doc:?}");
    }

    #[test]
    fn non_objects_and_failures() {
        assert_eq!(decode(r#""plain""#).unwrap(), Doc::Text("plain".into()));
        let err = decode("[1]").unwrap_err().to_string();
        assert!(
            err.contains("data did not match any variant of Doc"),
            "{err}"
        );
    }
}
