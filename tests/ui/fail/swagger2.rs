//! A Swagger 2.0 document is refused, saying what was found and what is
//! supported.

mod api {
    sailpoint_isc::include_api!("specs/swagger2.yaml");
}

fn main() {}
