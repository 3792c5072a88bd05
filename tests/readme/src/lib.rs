//! The README's Rust blocks as a user's crate (`my_app`) would hold them,
//! compiled with exactly the dependencies the README lists: `build.rs`
//! extracts them (rules in `extract.rs`), this file includes the library's
//! part, `tests/readme.rs` the tests' part. `tests/readme.rs` also runs
//! the README's functions against the mock server, and `tests/extract.rs`
//! shows that a block that does not compile fails the build.

include!(concat!(env!("OUT_DIR"), "/lib.rs"));
