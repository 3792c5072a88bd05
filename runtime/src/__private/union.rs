//! Decoding generated `oneOf`/`anyOf` enums.

/// One alternative of a generated `oneOf`/`anyOf` enum.
pub struct UnionVariant<T> {
    /// The properties the variant's struct defines, or `None` when it takes
    /// any value (not a struct, or one with `additionalProperties`).
    pub properties: Option<&'static [&'static str]>,
    /// Decodes the value as this variant.
    pub decode: fn(serde_json::Value) -> Result<T, serde_json::Error>,
}

/// `Deserialize` body shared by every generated `oneOf`/`anyOf` enum: of
/// the variants that decode the value, the first one that knows the most of
/// its (non-null) properties. Choosing the first that merely decodes would
/// read a payload as any earlier variant whose fields are all optional,
/// silently dropping the fields that variant does not have.
pub fn deserialize_union<'de, T, D: serde::Deserializer<'de>>(
    d: D,
    name: &str,
    variants: &[UnionVariant<T>],
) -> Result<T, D::Error> {
    use serde::de::Error as _;
    let value = <serde_json::Value as serde::Deserialize>::deserialize(d)?;
    let mut best: Option<(usize, T)> = None;
    let mut errors = Vec::new();
    for v in variants {
        match (v.decode)(value.clone()) {
            Ok(decoded) => {
                let unknown = unknown_properties(v.properties, &value);
                if unknown == 0 {
                    return Ok(decoded);
                }
                if best.as_ref().is_none_or(|(fewest, _)| unknown < *fewest) {
                    best = Some((unknown, decoded));
                }
            }
            Err(e) => errors.push(e.to_string()),
        }
    }
    best.map(|(_, decoded)| decoded).ok_or_else(|| {
        D::Error::custom(format!(
            "data did not match any variant of {name} ({})",
            errors.join("; ")
        ))
    })
}

/// How many of an object's non-null properties a variant does not define.
fn unknown_properties(properties: Option<&[&str]>, value: &serde_json::Value) -> usize {
    match (properties, value) {
        (Some(known), serde_json::Value::Object(map)) => map
            .iter()
            .filter(|(k, v)| !v.is_null() && !known.contains(&k.as_str()))
            .count(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::{deserialize_union, UnionVariant};
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Deserialize)]
    struct Short {
        id: Option<String>,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Long {
        id: Option<String>,
        first_name: Option<String>,
    }

    #[derive(Debug, PartialEq)]
    enum Doc {
        Short(Short),
        Long(Long),
        Text(String),
    }

    impl<'de> Deserialize<'de> for Doc {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            deserialize_union(
                d,
                "Doc",
                &[
                    UnionVariant {
                        properties: Some(&["id"]),
                        decode: |v| serde_json::from_value(v).map(Doc::Short),
                    },
                    UnionVariant {
                        properties: Some(&["id", "first_name"]),
                        decode: |v| serde_json::from_value(v).map(Doc::Long),
                    },
                    UnionVariant {
                        properties: None,
                        decode: |v| serde_json::from_value(v).map(Doc::Text),
                    },
                ],
            )
        }
    }

    fn decode(json: &str) -> Result<Doc, serde_json::Error> {
        serde_json::from_str(json)
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
