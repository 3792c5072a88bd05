//! Finds the upstream beta spec beside the repo and, when it is there,
//! enables `cfg(upstream_spec)` and writes the test tables (see
//! `sailpoint_isc_full_support::build`).

fn main() {
    sailpoint_isc_full_support::build::run("deref-sailpoint-api.beta.yaml", "Beta");
}
