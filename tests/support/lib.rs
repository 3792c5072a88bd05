//! The support layer of the workspace's integration tests, one module per
//! concern, so no test binary carries its own copy:
//!
//! - [`net`]: loopback servers (serve a router, a port that hangs up, a
//!   port nothing listens on);
//! - [`logs`]: capturing `tracing` output at TRACE level;
//! - [`skip`]: inputs outside the repo (the upstream specs, tools), skipped
//!   when absent except under `CI=true`;
//! - [`poll`]: fast polling for the password-change flow;
//! - [`rate_server`]: a server enforcing a rate limit, and a load to run;
//! - [`tenant`]: a token endpoint and hand-built operations for the runtime
//!   tests; [`scripted`]: a server answering from a script;
//! - [`spec_diff`]: the differ between our spec files and upstream's;
//! - [`filter_lang`]: a parser of ISC's filter language, as a server reads `filters`;
//! - [`lines`]: the three Password Management API lines under common
//!   names, and [`for_each_line!`] to write a test once for all three.
#![allow(missing_docs)]

pub mod filter_lang;
pub mod lines;
pub mod logs;
pub mod net;
pub mod poll;
pub mod rate_server;
pub mod scripted;
pub mod skip;
pub mod spec_diff;
pub mod tenant;

pub use skip::{resource_spec, upstream_spec, workspace_root};
