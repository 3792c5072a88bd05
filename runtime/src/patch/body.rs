//! How a [`Patch`] becomes one operation's request body: the shape of its
//! `application/json-patch+json` body and the operations its schema allows.
//! Generated code names one [`PatchShape`] per patch operation (data, not
//! code) and the runtime does the rest.

use super::Patch;
use crate::json::{Encode, EncodeError};
use serde_json::{Map, Value};

/// The body shape of one patch operation, as its spec declares it.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PatchShape {
    /// The property the operations are wrapped in (`{"operations": [...]}`),
    /// or `None` for a plain array.
    pub wrap: Option<&'static str>,
    /// The `op` values the schema allows (`["remove", "replace"]` for ISC's
    /// role-mining patches), or `None` for any.
    pub ops: Option<&'static [&'static str]>,
}

impl PatchShape {
    /// An array of operations, any `op`: most of ISC's patch operations.
    pub const ARRAY: PatchShape = PatchShape {
        wrap: None,
        ops: None,
    };
    /// `{"operations": [...]}`, any `op` (ISC's `JsonPatch` schema).
    pub const OPERATIONS: PatchShape = PatchShape {
        wrap: Some("operations"),
        ops: None,
    };
}

/// A patch as the body of the operation of `shape`: what a generated
/// `..._with` method sends. Encoding checks each `op` against the ones the
/// operation allows, so a refused one fails the call with
/// [`Error::Encode`](crate::Error::Encode) before anything is sent.
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub struct PatchBody<'a> {
    shape: &'static PatchShape,
    patch: &'a Patch,
}

/// `patch` as the body of the operation of `shape`.
#[doc(hidden)]
#[inline]
pub fn patch_body<'a>(shape: &'static PatchShape, patch: &'a Patch) -> PatchBody<'a> {
    PatchBody { shape, patch }
}

impl Encode for PatchBody<'_> {
    /// The body, or `null` when it cannot be written (requests use
    /// [`try_encode`](Encode::try_encode), which says why).
    fn encode(&self) -> Value {
        self.try_encode().unwrap_or(Value::Null)
    }

    fn try_encode(&self) -> Result<Value, EncodeError> {
        let ops = self.patch.to_value()?;
        if let (Some(allowed), Value::Array(items)) = (self.shape.ops, &ops) {
            for item in items {
                let op = item.get("op").and_then(Value::as_str).unwrap_or_default();
                if !allowed.contains(&op) {
                    let path = item.get("path").and_then(Value::as_str).unwrap_or_default();
                    return Err(EncodeError::new(format!(
                        "this operation takes only `{}` patch operations; the patch has `{op}` at `{path}`",
                        allowed.join("`, `")
                    )));
                }
            }
        }
        Ok(match self.shape.wrap {
            Some(key) => {
                let mut wrapper = Map::new();
                wrapper.insert(key.to_owned(), ops);
                Value::Object(wrapper)
            }
            None => ops,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn shapes_wrap_and_restrict() {
        let patch = Patch::new().replace("/a", 1).remove("/b");
        assert_eq!(
            patch_body(&PatchShape::ARRAY, &patch).try_encode(),
            Ok(
                json!([{"op": "replace", "path": "/a", "value": 1}, {"op": "remove", "path": "/b"}])
            )
        );
        assert_eq!(
            patch_body(&PatchShape::OPERATIONS, &patch).try_encode(),
            Ok(
                json!({"operations": [{"op": "replace", "path": "/a", "value": 1}, {"op": "remove", "path": "/b"}]})
            )
        );
        static MINING: PatchShape = PatchShape {
            wrap: None,
            ops: Some(&["remove", "replace"]),
        };
        assert!(patch_body(&MINING, &patch).try_encode().is_ok());
        let e = patch_body(&MINING, &patch.clone().add("/c", "x"))
            .try_encode()
            .unwrap_err();
        assert_eq!(
            e.message(),
            "this operation takes only `remove`, `replace` patch operations; the patch has `add` at `/c`"
        );
        assert_eq!(
            patch_body(&MINING, &Patch::new().add("/c", 1)).encode(),
            Value::Null
        );
    }
}
