//! The runtime client against real loopback servers, one module per concern:
//! OAuth2 ([`auth`]), the call surface of generated methods ([`calls`]),
//! configuration ([`config`], and the SDKs' files in [`config_files`]), where calls and tokens go ([`endpoints`]), the error shortcuts on real answers ([`errors`]), retries ([`retry`]), the
//! list streams of `sailpoint_isc::paginate` ([`pagination`]) and a
//! read-modify-write that keeps the properties the spec does not list
//! ([`read_modify_write`]), and one through JSON Patch with guards
//! ([`patch`]). One binary, so one link, for all of them. The
//! `tracing` output test is a binary of its own (`tests/logging.rs`).

mod auth;
mod calls;
mod config;
mod config_files;
mod endpoints;
mod errors;
mod filters;
mod mock;
mod pagination;
mod patch;
mod read_modify_write;
mod retry;
