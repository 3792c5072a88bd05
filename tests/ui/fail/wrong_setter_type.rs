//! Optional parameters are set by name with their own types: a number where
//! the spec says string, text where it says integer, a string where it lists
//! enum values, and a required path parameter left out while setting
//! optional ones are all compile errors.

#[allow(dead_code)]
mod api {
    sailpoint_isc::include_api!("specs/calls.yaml");
}
use api::*;

async fn calls(api: &Api) {
    let _ = api.list_events("s").limit("ten").await;
    let _ = api.list_events("s").filters(5).await;
    let _ = api.list_events("s").types(["CREATED"]).await;
    let _ = api.list_events().limit(5).await;
    let _ = api.create_event().await;
}

fn main() {
    let _ = calls;
}
