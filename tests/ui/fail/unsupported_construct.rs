//! An operation using a construct the generator does not support (a cookie
//! parameter) is reported with its JSON pointer and left out; the rest of the
//! spec still generates, so the call below compiles and the diagnostic is
//! the only error.

mod api {
    sailpoint_isc::include_api!("specs/cookie_parameter.yaml");
}

async fn call(api: &api::Api) {
    let thing: sailpoint_isc::Result<api::Thing> = api.get_thing("id").await;
    let _ = thing.map(|t| t.name);
}

fn main() {
    let _ = call;
}
