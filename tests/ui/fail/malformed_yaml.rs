//! A YAML syntax error names the file, line and column.

mod api {
    sailpoint_isc::include_api!("specs/malformed.yaml");
}

fn main() {}
