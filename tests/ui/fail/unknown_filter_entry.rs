//! An `operations` or `tags` entry that names nothing in the spec is an error
//! on that entry, suggesting the closest names the spec has.

mod api {
    sailpoint_isc::include_api!(
        "spec/v2024/password-management.yaml",
        operations = ["queryPaswordInfo", "setPassword"],
        tags = ["Password Managment"],
    );
}

fn main() {}
