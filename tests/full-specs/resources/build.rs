//! Finds the per-resource specs beside the repo and, when they are all
//! there, enables `cfg(resource_specs)` and writes the examples table (see
//! `sailpoint_isc_full_support::build::run_resources`).

fn main() {
    sailpoint_isc_full_support::build::run_resources(&[
        "password-management",
        "accounts",
        "identities",
        "search",
        "sources",
        "access-profiles",
    ]);
}
