//! Helpers shared by the crates that compile SailPoint's full upstream
//! specs (`tests/full-specs/v2024`, `tests/full-specs/beta`):
//!
//! - [`build`] (feature `build`): what their build scripts do: find the
//!   spec beside the repo, and write test tables computed with the generator
//!   library (every generated method and type; every example with its type);
//! - [`examples`]: decoding and re-encoding one example, and the report;
//! - [`prism`] (feature `prism`): a proxy in front of Stoplight Prism that
//!   records every request violation Prism reports;
//! - [`skip`]: skipping a test whose inputs are absent, except under `CI=true`.
#![deny(missing_docs)]

#[cfg(feature = "build")]
pub mod build;
pub mod examples;
#[cfg(feature = "prism")]
pub mod prism;
pub mod skip;

/// The `upstream` tests of a full-spec crate: every operation and schema is
/// kept, and every example decodes (or is on the committed list). Invoked
/// once per crate as `upstream_tests!(crate_name, "spec file", (operations, schemas));`
/// with the counts taken by hand from the spec file, so a count of zero
/// cannot pass.
#[macro_export]
macro_rules! upstream_tests {
    ($krate:ident, $spec:literal, ($ops:literal, $schemas:literal)) => {
        #[cfg(upstream_spec)]
        mod kept {
            use $krate::api::*;
            include!(concat!(env!("OUT_DIR"), "/kept.rs"));
        }

        #[cfg(upstream_spec)]
        mod table {
            use $krate::api::*;
            include!(concat!(env!("OUT_DIR"), "/examples.rs"));
        }

        #[cfg(upstream_spec)]
        #[test]
        fn every_operation_and_schema_is_kept() {
            assert_eq!(
                (kept::SPEC_OPERATIONS, kept::SPEC_SCHEMAS),
                ($ops, $schemas)
            );
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
                "{}: {} of {} operations and {} of {} schemas generated",
                $spec,
                kept::METHODS.len(),
                kept::SPEC_OPERATIONS,
                kept::SCHEMAS.len(),
                kept::SPEC_SCHEMAS
            );
        }

        #[cfg(upstream_spec)]
        #[test]
        fn the_spec_examples_decode() {
            $crate::examples::assert_expected(
                $spec,
                table::EXAMPLES,
                include_str!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/examples-expected.txt"
                )),
                concat!(env!("CARGO_MANIFEST_DIR"), "/examples-expected.txt"),
            );
        }

        #[cfg(not(upstream_spec))]
        #[test]
        fn upstream_spec_present() {
            $crate::skip::skipped(&format!(
                "../shared/specs/upstream not found ({}); the full-spec tests did not run",
                $spec
            ));
        }
    };
}
