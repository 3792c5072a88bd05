//! The README's `// tests/NAME.rs` blocks (included from `OUT_DIR`, see
//! `build.rs`), and tests that run the README's functions against the mock
//! server, so that each recipe does what its text says.

include!(concat!(env!("OUT_DIR"), "/tests.rs"));

#[cfg(readme_bindings)]
mod recipes;
