//! A schema that contains itself with no object, array or map in between
//! has no finite Rust type: each is reported at its JSON pointer and typed
//! as `serde_json::Value`, and the operations still generate.

mod api {
    sailpoint_isc::include_api!("specs/self_containing.yaml");
}

async fn calls(api: &api::Api) {
    let _ = api.get_loop().await;
    let _ = api.get_choice().await;
}

fn main() {
    let _ = calls;
}
