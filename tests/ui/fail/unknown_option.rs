//! An unknown option is an error on that option, with the closest known one.

mod api {
    sailpoint_isc::include_api!(
        "spec/v2024/password-management.yaml",
        sufix = "Mine",
    );
}

fn main() {}
