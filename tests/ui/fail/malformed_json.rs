//! A `.json` spec is read as JSON; a syntax error names the file, line and
//! column.

mod api {
    sailpoint_isc::include_api!("specs/malformed.json");
}

fn main() {}
