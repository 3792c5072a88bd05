//! The whole upstream beta spec: every operation and schema is generated,
//! and every example in it decodes into its generated type (or is on the
//! committed list of those that contradict their schema).

#[cfg(upstream_spec)]
mod kept {
    use sailpoint_isc_full_beta::api::*;
    include!(concat!(env!("OUT_DIR"), "/kept.rs"));
}

#[cfg(upstream_spec)]
mod table {
    use sailpoint_isc_full_beta::api::*;
    include!(concat!(env!("OUT_DIR"), "/examples.rs"));
}

const SPEC: &str = "deref-sailpoint-api.beta.yaml";

#[cfg(upstream_spec)]
#[test]
fn every_operation_and_schema_is_kept() {
    // Counted by hand in the file, so that a count of zero cannot pass.
    assert_eq!((kept::SPEC_OPERATIONS, kept::SPEC_SCHEMAS), (559, 728));
    assert_eq!(
        kept::METHODS.len(),
        kept::SPEC_OPERATIONS,
        "generated methods"
    );
    assert_eq!(
        kept::SCHEMAS.len(),
        kept::SPEC_SCHEMAS,
        "generated component types"
    );
    eprintln!(
        "{SPEC}: {} of {} operations and {} of {} schemas generated",
        kept::METHODS.len(),
        kept::SPEC_OPERATIONS,
        kept::SCHEMAS.len(),
        kept::SPEC_SCHEMAS
    );
}

#[cfg(upstream_spec)]
#[test]
fn the_spec_examples_decode() {
    sailpoint_isc_full_support::examples::assert_expected(
        SPEC,
        table::EXAMPLES,
        include_str!("../examples-expected.txt"),
        concat!(env!("CARGO_MANIFEST_DIR"), "/examples-expected.txt"),
    );
}

#[cfg(not(upstream_spec))]
#[test]
fn upstream_spec_present() {
    sailpoint_isc_full_support::skip::skipped(&format!(
        "../shared/specs/upstream not found ({SPEC}); the full-spec tests did not run"
    ));
}
