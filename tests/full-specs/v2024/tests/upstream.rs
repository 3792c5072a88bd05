//! The whole upstream v2024 spec: every operation and schema is generated,
//! and every example in it decodes into its generated type (or is on the
//! committed list of those that contradict their schema); and the generated
//! client conforms to the spec as Stoplight Prism checks it ([`prism`]). One
//! binary, so the generated bindings are linked once.

mod lenient;
mod prism;
mod waiters;

sailpoint_isc_full_support::upstream_tests!(
    sailpoint_isc_full_v2024,
    "deref-sailpoint-api.v2024.yaml",
    (716, 915)
);
