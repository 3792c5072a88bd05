//! Schemas that contain themselves generate types that compile: an array or
//! map of itself is a one-variant enum (a type alias cannot be recursive),
//! and a struct field on a cycle is boxed.

mod api {
    sailpoint_isc::include_api!("specs/recursive.yaml");
}

use api::{Dictionary, Filter, Leaf, Not, Tree};

async fn calls(api: &api::Api) -> sailpoint_isc::Result<()> {
    let tree = Tree::Value(vec![Tree::Value(Vec::new())]);
    let filter: Filter = api.plant_tree(&tree).await?;
    if let Filter::Not(not) = filter {
        let inner: Filter = *not.not;
        let _: Option<Box<Not>> = not.parent;
        let _ = inner;
    }
    let Dictionary::Value(entries) = api.get_dictionary().await?;
    let _: Option<&Dictionary> = entries.get("nested");
    Ok(())
}

fn main() {
    let leaf = Filter::Leaf(Leaf {
        value: Some("x".into()),
        ..Default::default()
    });
    let not = Not {
        not: Box::new(leaf),
        parent: None,
        extra: Default::default(),
    };
    let text =
        serde_json::to_string(&Filter::Not(not)).expect("serializes");
    assert_eq!(text, r#"{"not":{"value":"x"}}"#);
    let tree: Tree = serde_json::from_str("[[],[[]]]").expect("parses");
    let Tree::Value(children) = tree;
    assert_eq!(children.len(), 2);
    let _ = calls;
}
