//! `operations = [...]` keeps only the named operations: the filtered client
//! has no `set_password`, and `PasswordChangeRequest`, reached only by the
//! operations left out, is not generated. The spec is staged by
//! `tests/trybuild.rs` (see `ui/pass/own_spec.rs`).

mod passwords {
    sailpoint_isc::include_api!(
        "spec/v2024/password-management.yaml",
        operations = ["queryPasswordInfo"],
    );
}

async fn left_out(api: &passwords::Api) {
    let _ = api
        .set_password(&passwords::PasswordChangeRequest::default())
        .await;
}

fn main() {
    let _ = left_out;
}
