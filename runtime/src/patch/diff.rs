//! The diff of two JSON values as RFC 6902 operations.
//!
//! Objects are compared property by property, recursively: a property only
//! `after` has is an `add`, one only `before` has a `remove`, one whose
//! value differs a `replace` (or, when both values are objects, the diff of
//! the two). An array that differs in any way is one `replace` of the whole
//! array with `after`'s. json-patch's own `diff` goes index by index
//! instead (`replace /entitlements/0/id`, `add /entitlements/3`,
//! `remove /entitlements/1`): those operations mean what they should only
//! if nobody changed the array since it was read, a reordered array turns
//! into a change of every element's fields (the identity of a reference
//! rewritten in place), and ISC's patch guide shows lists replaced whole
//! (`replace /features`). One `replace` says what the list must be.

use json_patch::jsonptr::PointerBuf;
use json_patch::{AddOperation, PatchOperation, RemoveOperation, ReplaceOperation};
use serde_json::Value;

/// The operations that turn `before` into `after`, in `after`'s property
/// order, removals of each object after its additions and replacements.
pub(super) fn diff(before: &Value, after: &Value) -> Vec<PatchOperation> {
    let mut out = Vec::new();
    walk(before, after, &mut PointerBuf::new(), &mut out);
    out
}

fn walk(before: &Value, after: &Value, at: &mut PointerBuf, out: &mut Vec<PatchOperation>) {
    match (before, after) {
        (Value::Object(b), Value::Object(a)) => {
            for (key, av) in a {
                // `push_back` escapes `~` and `/` in the key (RFC 6901).
                at.push_back(key.as_str());
                match b.get(key) {
                    Some(bv) => walk(bv, av, at, out),
                    None => out.push(PatchOperation::Add(AddOperation {
                        path: at.clone(),
                        value: av.clone(),
                    })),
                }
                at.pop_back();
            }
            for key in b.keys().filter(|k| !a.contains_key(*k)) {
                at.push_back(key.as_str());
                out.push(PatchOperation::Remove(RemoveOperation { path: at.clone() }));
                at.pop_back();
            }
        }
        _ if before == after => {}
        _ => out.push(PatchOperation::Replace(ReplaceOperation {
            path: at.clone(),
            value: after.clone(),
        })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ops(before: Value, after: Value) -> Value {
        serde_json::to_value(diff(&before, &after)).unwrap()
    }

    #[test]
    fn objects_recurse_and_arrays_are_replaced_whole() {
        let before = json!({"a": 1, "o": {"x": 1, "y": [1, 2]}, "gone": true});
        let after = json!({"a": 2, "o": {"x": 1, "y": [2, 1], "z": null}, "new": "n"});
        assert_eq!(
            ops(before, after),
            json!([
                {"op": "replace", "path": "/a", "value": 2},
                {"op": "replace", "path": "/o/y", "value": [2, 1]},
                {"op": "add", "path": "/o/z", "value": null},
                {"op": "add", "path": "/new", "value": "n"},
                {"op": "remove", "path": "/gone"}
            ])
        );
    }

    #[test]
    fn keys_are_escaped_and_equal_values_give_nothing() {
        let before = json!({"a/b": 1, "m~n": {"k": 1}});
        let after = json!({"a/b": 2, "m~n": {"k": 2}});
        assert_eq!(
            ops(before.clone(), after),
            json!([
                {"op": "replace", "path": "/a~1b", "value": 2},
                {"op": "replace", "path": "/m~0n/k", "value": 2}
            ])
        );
        assert_eq!(ops(before.clone(), before), json!([]));
        // Different roots: the whole document.
        assert_eq!(
            ops(json!([1]), json!({"a": 1})),
            json!([{"op": "replace", "path": "", "value": {"a": 1}}])
        );
    }
}
