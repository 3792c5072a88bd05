//! A `$ref` that does not resolve is reported with the JSON pointer of the
//! reference and of its missing target. The operation still generates, with
//! `serde_json::Value` where the type would be, so code calling it is not
//! buried under follow-on errors.

mod api {
    sailpoint_isc::include_api!("specs/broken_ref.yaml");
}

async fn call(api: &api::Api) {
    let _ = api.get_thing("id").await;
}

fn main() {
    let _ = call;
}
