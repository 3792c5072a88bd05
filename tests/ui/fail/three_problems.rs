//! A spec with three independent problems gives three errors in one build:
//! a `$ref` that does not resolve, a duplicate `operationId` and a request
//! body content type that is not supported. What did generate is usable.

mod api {
    sailpoint_isc::include_api!("specs/three_problems.yaml");
}

async fn call(api: &api::Api) {
    let _: sailpoint_isc::Result<api::Thing> = api.get_thing("id").await;
}

fn main() {
    let _ = call;
}
