//! A user crate generating its own bindings with `include_api!`, keeping one
//! operation of the v2024 Password Management spec.
//!
//! The spec path is relative to `CARGO_MANIFEST_DIR`. Under trybuild that is
//! not this repository but the crate trybuild generates at
//! `<target dir>/tests/trybuild/sailpoint-isc-tests/`, and the target dir can
//! be anywhere (`CARGO_TARGET_DIR`), so no relative path from there reliably
//! reaches `spec/`. The driver (`tests/trybuild.rs`) therefore copies the
//! repository's `spec/v2024/password-management.yaml` to the same relative
//! path inside that generated crate before the cases are built, and the path
//! below is exactly what a user with the spec in their own crate would write.

mod passwords {
    sailpoint_isc::include_api!(
        "spec/v2024/password-management.yaml",
        suffix = "Mine",
        operations = ["queryPasswordInfo"],
    );
}

use passwords::{ApiMine, PasswordInfoMine, PasswordInfoQueryDtoMine};

/// Compiled, never run. `ApiMine` has only `query_password_info`; the other
/// three operations and the schemas only they reach are not generated (see
/// `ui/fail/filtered_out_operation.rs`).
async fn query(api: &ApiMine) -> sailpoint_isc::Result<PasswordInfoMine> {
    api.query_password_info(&PasswordInfoQueryDtoMine {
        user_name: Some("Abby.Smith".into()),
        source_name: Some("My-AD".into()),
        ..Default::default()
    })
    .await
}

fn main() {
    assert_eq!(passwords::BASE_PATH, "/v2024");
    let client = sailpoint_isc::Client::builder()
        .base_url("https://acme.api.identitynow.com")
        .bearer_token("a token obtained elsewhere")
        .build()
        .expect("a valid configuration");
    let api = ApiMine::new(client);
    drop(query(&api));
}
