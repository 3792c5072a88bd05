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
