//! The check that the macro crate which generated some code is the one this
//! runtime was released with.

/// This runtime's version; `sailpoint-isc-macros` must have the same one.
const RUNTIME_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Longest message [`assert_macros_version`] builds.
const MESSAGE_LEN: usize = 512;

/// Evaluated by `include_api!` output as
/// `const _: () = ::sailpoint_isc::__private::v1::assert_macros_version("X.Y.Z");`
/// with the macro crate's own version. A mismatch (two copies of the crates
/// in one build, or a macro crate that was updated alone) fails the build at
/// that line with a message naming both versions and the fix, rather than
/// with errors about generated items the other version does not have.
// Deliberate panics: this runs in a `const` item, where a panic is a compile
// error showing its message.
#[allow(clippy::panic)]
pub const fn assert_macros_version(macros: &str) {
    if same(macros.as_bytes(), RUNTIME_VERSION.as_bytes()) {
        return;
    }
    let mut buf = [0u8; MESSAGE_LEN];
    let mut len = 0;
    let parts = [
        "sailpoint-isc-macros ",
        macros,
        " generated this code, but the runtime crate is sailpoint-isc ",
        RUNTIME_VERSION,
        "; the two must have the same version. Depend on sailpoint-isc alone \
         (it re-exports `include_api!`), or pin `sailpoint-isc-macros = \"=",
        RUNTIME_VERSION,
        "\"`, then run `cargo update -p sailpoint-isc-macros`",
    ];
    let mut p = 0;
    while p < parts.len() {
        let bytes = parts[p].as_bytes();
        let mut i = 0;
        while i < bytes.len() && len < MESSAGE_LEN {
            buf[len] = bytes[i];
            len += 1;
            i += 1;
        }
        p += 1;
    }
    let (message, _) = buf.split_at(len);
    match std::str::from_utf8(message) {
        Ok(text) => panic!("{}", text),
        // Only a version cut inside a multi-byte character gets here.
        Err(_) => panic!("sailpoint-isc-macros and sailpoint-isc have different versions"),
    }
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    // The runtime's own version passes, at compile time as in generated code.
    const _: () = assert_macros_version(env!("CARGO_PKG_VERSION"));

    #[test]
    fn a_mismatch_names_both_versions_and_the_fix() {
        let caught = std::panic::catch_unwind(|| assert_macros_version("0.0.1-other"));
        let payload = caught.expect_err("a different version panics");
        let message = payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_default();
        assert!(
            message.starts_with("sailpoint-isc-macros 0.0.1-other generated this code"),
            "{message}"
        );
        assert!(
            message.contains(&format!("sailpoint-isc {RUNTIME_VERSION};")),
            "{message}"
        );
        assert!(
            message.contains("cargo update -p sailpoint-isc-macros"),
            "{message}"
        );
        assert!(!same(b"0.1.0", b"0.1.00"));
        assert!(same(b"0.1.0", b"0.1.0"));
    }
}
