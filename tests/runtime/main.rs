//! The runtime client against real loopback servers, one module per concern:
//! OAuth2 ([`auth`]), configuration ([`config`]), retries ([`retry`]) and the
//! `tracing` output ([`logging`]). One binary, so one link, for all four.

mod auth;
mod config;
mod logging;
mod retry;
