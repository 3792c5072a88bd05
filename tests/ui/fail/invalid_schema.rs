//! A schema that is not valid OpenAPI is reported at its own JSON pointer,
//! naming the keyword at fault; every such schema is reported in one build.

mod api {
    sailpoint_isc::include_api!("specs/invalid_schemas.yaml");
}

fn main() {}
