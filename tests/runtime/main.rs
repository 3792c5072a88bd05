//! The runtime client against real loopback servers, one module per concern:
//! OAuth2 ([`auth`]), configuration ([`config`]), retries ([`retry`]) and the
//! `tracing` output ([`logging`]) and the list streams of `sailpoint_isc::paginate`
//! ([`pagination`]). One binary, so one link, for all five.

mod auth;
mod config;
mod logging;
mod pagination;
mod retry;
