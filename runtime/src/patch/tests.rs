use super::*;
use serde_json::json;

#[test]
fn hand_written_operations_in_order_guards_first() {
    let patch = Patch::new()
        .replace("/description", "New")
        .add("/features/-", ["A", "B"])
        .test("/modified", "2024-05-01T10:00:00Z")
        .remove("/owner")
        .push(PatchOperation::Move(json_patch::MoveOperation {
            from: PointerBuf::parse("/a").unwrap(),
            path: PointerBuf::parse("/b").unwrap(),
        }));
    assert_eq!(patch.len(), 5);
    assert!(patch.has_changes());
    assert_eq!(
        patch.to_value().unwrap(),
        json!([
            {"op": "test", "path": "/modified", "value": "2024-05-01T10:00:00Z"},
            {"op": "replace", "path": "/description", "value": "New"},
            {"op": "add", "path": "/features/-", "value": ["A", "B"]},
            {"op": "remove", "path": "/owner"},
            {"op": "move", "from": "/a", "path": "/b"}
        ])
    );
    assert_eq!(patch.try_encode(), patch.to_value());
}

#[test]
fn problems_are_kept_and_reported_at_send() {
    let e = Patch::new()
        .replace("description", 1)
        .to_value()
        .unwrap_err();
    assert!(
        e.message().contains("`description` is not a JSON pointer"),
        "{e}"
    );
    let mut bad = std::collections::HashMap::new();
    bad.insert(vec![1u8], 1);
    let e = Patch::new()
        .add("/a", &bad)
        .remove("x")
        .to_value()
        .unwrap_err();
    // The first problem wins.
    assert!(
        e.message()
            .starts_with("the value at `/a`: key must be a string"),
        "{e}"
    );
    let e = Patch::new().guard("/modified").to_value().unwrap_err();
    assert!(e.message().contains("use `test(path, value)`"), "{e}");
    let e = Patch::new().guard_changed().to_value().unwrap_err();
    assert!(e.message().contains("only a diff"), "{e}");
    let e = Patch::diff(&json!({"a": 1}), &json!({"a": 2}))
        .guard("/modified")
        .to_value()
        .unwrap_err();
    assert!(e.message().contains("nothing there to test"), "{e}");
    assert_eq!(Patch::new().remove("x").encode(), Value::Null);
}

#[test]
fn guards_test_the_values_read() {
    let before = json!({"modified": "t1", "name": "n", "tags": ["a"], "gone": 1, "o": {"k": null}});
    let after =
        json!({"modified": "t1", "name": "m", "tags": ["a", "b"], "o": {"k": 2}, "new": true});
    let patch = Patch::diff(&before, &after)
        .guard("/modified")
        .guard_changed()
        .guard("/modified");
    assert_eq!(
        patch.to_value().unwrap(),
        json!([
            {"op": "test", "path": "/modified", "value": "t1"},
            {"op": "test", "path": "/name", "value": "n"},
            {"op": "test", "path": "/tags", "value": ["a"]},
            {"op": "test", "path": "/o/k", "value": null},
            {"op": "test", "path": "/gone", "value": 1},
            {"op": "replace", "path": "/name", "value": "m"},
            {"op": "replace", "path": "/tags", "value": ["a", "b"]},
            {"op": "replace", "path": "/o/k", "value": 2},
            {"op": "add", "path": "/new", "value": true},
            {"op": "remove", "path": "/gone"}
        ])
    );
    assert_eq!(patch.check(&before), Ok(()));
    let mut now = before.clone();
    now["modified"] = json!("t2");
    let failed = patch.check(&now).unwrap_err();
    assert_eq!(failed.path(), "/modified");
    assert_eq!(failed.expected(), &json!("t1"));
    assert_eq!(failed.found(), Some(&json!("t2")));
    assert_eq!(
        failed.to_string(),
        "the value at `/modified` changed since it was read"
    );
    now = before.clone();
    now.as_object_mut().unwrap().remove("gone");
    let failed = patch.check(&now).unwrap_err();
    assert_eq!((failed.path(), failed.found()), ("/gone", None));
    assert_eq!(
        failed.to_string(),
        "the value at `/gone` is gone since it was read"
    );
}

#[test]
fn an_empty_diff_is_an_empty_patch() {
    let v = json!({"a": [1, 2], "b": null});
    let patch = Patch::diff(&v, &v);
    assert!(patch.is_empty() && !patch.has_changes());
    assert_eq!(patch.to_value().unwrap(), json!([]));
    // Guarded, it still changes nothing: it only checks.
    let guarded = patch.guard("/a");
    assert!(!guarded.is_empty() && !guarded.has_changes());
}

#[test]
fn debug_shows_paths_not_values() {
    let patch = Patch::new()
        .replace("/secret", "hunter2")
        .test("/modified", "t");
    let shown = format!("{patch:?}");
    assert_eq!(
        shown,
        r#"Patch { operations: ["test /modified", "replace /secret"], error: None }"#
    );
    let failed = Patch::new()
        .test("/secret", "hunter2")
        .check(&json!({"secret": "other"}))
        .unwrap_err();
    assert!(!format!("{failed:?}").contains("hunter2"));
    assert!(!format!("{failed:?}").contains("other"));
}

#[test]
fn pointers_escape_keys() {
    assert_eq!(
        pointer(["connectorAttributes", "a/b", "m~n"]),
        "/connectorAttributes/a~1b/m~0n"
    );
    assert_eq!(pointer(Vec::<String>::new()), "");
}
