//! A malformed option is an error on its value. Every option is checked, so
//! all of them are reported in one build.

mod api {
    sailpoint_isc::include_api!(
        "spec/v2024/password-management.yaml",
        suffix = "2nd",
        operations = "queryPasswordInfo",
        tags = ["Password Management", 42],
        crate = sailpoint_isc,
    );
}

fn main() {}
