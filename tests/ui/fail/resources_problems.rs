//! With several specs (`resources = [...]`), each problem is an error on the
//! literal of the resource it is in: a malformed spec names its file, line
//! and column; an entry that names no file says so with the closest name;
//! the other resources still generate (so `password_management::Api` below
//! resolves and adds no error of its own). Giving `resources` beside a spec
//! path is an error on the option.

mod isc {
    sailpoint_isc::include_api!(
        resources = [
            "spec/v2024/password-management.yaml",
            "specs/malformed.yaml",
            "specs/broken-ref.yaml",
        ],
    );
}

mod both {
    sailpoint_isc::include_api!(
        "spec/v2024/password-management.yaml",
        resources = ["specs/malformed.yaml"],
    );
}

fn main() {
    let _ = isc::password_management::Api::new;
    let _ = both::Api::new;
}
