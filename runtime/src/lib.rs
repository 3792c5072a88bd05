//! Typed async client for the SailPoint Identity Security Cloud (ISC) API.
//!
//! The API bindings are generated at compile time from OpenAPI files by
//! [`include_api!`]; this crate ships the Password Management bindings for the
//! `v2024` and `beta` API versions ([`v2024`], [`beta`]) and for SailPoint's
//! per-resource API line ([`password_management`]), and the hand-written
//! runtime they call into: [`Client`], its configuration, authentication and
//! the one [`Error`] type every call returns.
//!
//! ```no_run
//! # async fn run() -> Result<(), sailpoint_isc::Error> {
//! use sailpoint_isc::{Client, v2024::PasswordInfoQueryDto};
//!
//! let client = Client::builder()
//!     .base_url("https://acme.api.identitynow.com")
//!     .bearer_token("a token obtained elsewhere")
//!     .build()?;
//! let info = client
//!     .v2024()
//!     .query_password_info(&PasswordInfoQueryDto {
//!         user_name: Some("Abby.Smith".into()),
//!         source_name: Some("My-AD".into()),
//!         ..Default::default()
//!     })
//!     .await?;
//! println!("{:?}", info.accounts);
//! # Ok(()) }
//! ```
//!
//! [`Client::from_env`] reads `SAIL_BASE_URL`, `SAIL_CLIENT_ID` and
//! `SAIL_CLIENT_SECRET` like the official SDKs and authenticates with OAuth2
//! client credentials; the token is cached, refreshed before it expires and
//! shared by every clone of the client. Rate-limited calls (429, 503 with
//! `Retry-After`) wait what the server asks and are sent again, a `POST`
//! included; an ambiguous failure (502, 504, a dropped connection) is retried
//! only for idempotent methods. See [`ClientBuilder`] and [`RetryPolicy`].
//!
//! Bulk work stays inside ISC's rate limit (100 requests per client id per
//! API version per 10 s): clients with the same key share one
//! client-side [`RateLimit`], one 429 pauses all of them, and a shared
//! [`RetryBudget`] bounds the retries a failing tenant gets.
//! [`Client::from_default_config`] reads the configuration where the
//! official SDKs do.
//!
//! `use sailpoint_isc::prelude::*;` ([`prelude`]) brings the stream traits
//! (`try_next`, `try_collect`) and the common types, so reading a list's
//! `.stream()` needs no other dependency; [`Error::status`],
//! [`Error::is_not_found`] and [`Error::is_rate_limited`] answer the usual
//! questions about a failure.
//!
//! An endpoint the bindings do not cover is one [`Request`] away:
//! [`Client::execute`] makes it a [`Call`] like the generated ones, with the
//! same token, retries, per-call options and typed errors.
#![deny(missing_docs)]
// Where rustdoc links this crate's items from the docs of a crate built
// without them (`cargo doc --no-deps` on a crate calling `include_api!`).
// Equal to the package version: tests/docs.rs checks it.
#![doc(html_root_url = "https://docs.rs/sailpoint-isc/0.1.0")]
// Spec and network data never reach an unwrap: every failure is an error value.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

// Generated code names this crate by its absolute path (`::sailpoint_isc::…`);
// this alias makes those paths resolve inside the crate itself too.
extern crate self as sailpoint_isc;

mod auth;
mod call;
mod client;
mod config;
pub mod crypto;
pub mod datetime;
mod error;
pub mod filter;
pub mod flow;
mod futures;
pub mod json;
mod limit;
#[cfg(feature = "mock-tenant")]
pub mod mock;
mod multipart;
mod oauth;
mod operation;
mod options;
pub mod paginate;
pub mod patch;
pub mod prelude;
mod request;
mod response_body;
mod retry;
mod send;
pub mod wait;

#[doc(hidden)]
pub mod __private;

pub use auth::{AccessToken, StaticToken, TokenSource};
pub use bytes::Bytes;
pub use call::{Call, Response};
pub use client::Client;
pub use client::ClientBuilder;
pub use config::{
    ConfigSources, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, ENV_BASE_URL, ENV_CLIENT_ID,
    ENV_CLIENT_SECRET,
};
pub use crypto::{encrypt_password, CryptoError, Password};
pub use datetime::{Date, DateParts, DateTime, DateTimeError, DateTimeParts};
pub use error::{
    ApiError, AuthError, ConfigError, DecodeError, Error, ErrorBody, Result, EXCERPT_LEN,
    MAX_ERROR_BODY,
};
pub use futures::{BoxFuture, CallFuture};
pub use limit::RateLimit;
pub use multipart::FilePart;
pub use oauth::ClientSecret;
pub use operation::{ApiOperation, Operation, OperationParam, ParamLocation};
pub use patch::Patch;
pub use request::Request;
pub use response_body::DEFAULT_MAX_RESPONSE_BODY;
pub use retry::budget::RetryBudget;
pub use retry::RetryPolicy;
pub use sailpoint_isc_macros::include_api;
pub use wait::{WaitError, Waiter};

/// Password Management bindings for the `v2024` API version, generated from
/// `spec/v2024/password-management.yaml`.
pub mod v2024 {
    crate::include_api!("spec/v2024/password-management.yaml");
}

/// Password Management bindings for the `beta` API version, generated from
/// `spec/beta/password-management.yaml`. Every type carries the `Beta` suffix
/// so that both versions can be used side by side.
pub mod beta {
    crate::include_api!("spec/beta/password-management.yaml", suffix = "Beta");
}

/// Password Management bindings for SailPoint's per-resource API line, the
/// one its SDKs are generated from since June 2026: every path is versioned
/// after its resource (`/query-password-info/v1`), so the methods carry the
/// `_v1` of their operation ids (`query_password_info_v1`). Generated from
/// `spec/password-management/openapi.yaml`, which is split into files as
/// SailPoint publishes it (`paths/`, `schemas/` and `../shared/`).
///
/// The types have no suffix: the module path tells them apart from the
/// [`v2024`] ones of the same name (`password_management::PasswordInfo`
/// beside `v2024::PasswordInfo`), and the names are those of SailPoint's own
/// per-resource SDKs. Import the two under aliases, or by module, to use both
/// in one scope.
pub mod password_management {
    crate::include_api!("spec/password-management/openapi.yaml");
}

impl Client {
    /// The `v2024` Password Management operations, sharing this client's
    /// connection pool, token and settings.
    pub fn v2024(&self) -> v2024::Api {
        v2024::Api::new(self.clone())
    }

    /// The `beta` Password Management operations, sharing this client's
    /// connection pool, token and settings.
    pub fn beta(&self) -> beta::ApiBeta {
        beta::ApiBeta::new(self.clone())
    }

    /// The per-resource Password Management operations
    /// (`/query-password-info/v1` and so on, see [`password_management`]),
    /// sharing this client's connection pool, token and settings.
    pub fn password_management(&self) -> password_management::Api {
        password_management::Api::new(self.clone())
    }
}
