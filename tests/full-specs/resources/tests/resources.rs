//! The six per-resource specs generated in one `include_api!`: every
//! example in them decodes into its generated type (or is on the committed
//! list of those that contradict their schema), with counts per resource;
//! and the generated clients conform to the specs as Stoplight Prism checks
//! them ([`prism`]). The shared-type and one-call-per-resource checks are in
//! the library, where compiling is the test.

mod mock;
mod prism;

#[cfg(resource_specs)]
mod table {
    use sailpoint_isc_full_resources::api;
    include!(concat!(env!("OUT_DIR"), "/examples.rs"));
}

#[cfg(resource_specs)]
#[test]
fn the_resource_examples_decode() {
    use sailpoint_isc_full_support::examples;
    let per_resource: [(&str, &[examples::Entry]); 6] = [
        ("password_management", table::password_management::EXAMPLES),
        ("accounts", table::accounts::EXAMPLES),
        ("identities", table::identities::EXAMPLES),
        ("search", table::search::EXAMPLES),
        ("sources", table::sources::EXAMPLES),
        ("access_profiles", table::access_profiles::EXAMPLES),
    ];
    for (module, entries) in per_resource {
        assert!(!entries.is_empty(), "{module} lists no example");
        eprintln!("{}", examples::run(entries).figures(module));
    }
    let all: Vec<examples::Entry> = per_resource
        .iter()
        .flat_map(|(_, e)| e.iter().copied())
        .collect();
    examples::assert_expected(
        "six resources in one include_api!",
        &all,
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples-expected.txt"
        )),
        concat!(env!("CARGO_MANIFEST_DIR"), "/examples-expected.txt"),
    );
}

/// The shared types pass between resource modules (the function exists
/// only if they are one type); here its values are checked too.
#[cfg(resource_specs)]
#[test]
fn shared_values_cross_resources() {
    let got = sailpoint_isc_full_resources::shared_types_are_one_type();
    assert_eq!(got[0].as_deref(), Some("400.1 Bad Request Content"));
    assert_eq!(got[1].as_deref(), Some("2c91808568c529c60168cca6f90c1313"));
    assert_eq!(got[4].as_deref(), Some("/description"));
    assert_eq!(got[5].as_deref(), Some("IDENTITY"));
}

#[cfg(not(resource_specs))]
#[test]
fn resource_specs_present() {
    sailpoint_isc_full_support::skip::skipped(
        "../shared/specs/idn/apis not found; the per-resource full-spec tests did not run",
    );
}
