//! OpenAPI 3.1 is not supported: the error names the version found.

mod api {
    sailpoint_isc::include_api!("specs/openapi31.yaml");
}

fn main() {}
