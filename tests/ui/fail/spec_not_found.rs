//! A spec path that names no file is an error on the path literal. The
//! message shows the path resolved against `CARGO_MANIFEST_DIR` (spelled as
//! the variable, so it reads the same on every machine) and, when the
//! directory exists, the closest file name in it.

mod misspelled {
    sailpoint_isc::include_api!("specs/broken-ref.yaml");
}

mod wrong_directory {
    sailpoint_isc::include_api!("no-such-dir/api.yaml");
}

fn main() {}
