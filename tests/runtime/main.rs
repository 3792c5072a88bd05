//! The runtime client against real loopback servers, one module per concern:
//! OAuth2 ([`auth`]), configuration ([`config`]), retries ([`retry`]) and the
//! `tracing` output ([`logging`]), the list streams of `sailpoint_isc::paginate`
//! ([`pagination`]) and a read-modify-write that keeps the properties the spec
//! does not list ([`read_modify_write`]). One binary, so one link, for all six.

mod auth;
mod config;
mod logging;
mod pagination;
mod read_modify_write;
mod retry;
