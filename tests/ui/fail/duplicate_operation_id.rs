//! Two operations with one `operationId`: the second is reported at its
//! `operationId`, naming where the first is, and left out; the first still
//! generates.

mod api {
    sailpoint_isc::include_api!("specs/duplicate_operation_id.yaml");
}

async fn call(api: &api::Api) {
    let _ = api.list_things().await;
}

fn main() {
    let _ = call;
}
