//! Typed async client for the SailPoint Identity Security Cloud (ISC) API.
//!
//! The API bindings are generated at compile time from OpenAPI files by
//! [`include_api!`]; this crate ships the Password Management bindings for the
//! `v2024` and `beta` API versions ([`v2024`], [`beta`]) and the hand-written
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
//!     })
//!     .await?;
//! println!("{:?}", info.accounts);
//! # Ok(()) }
//! ```
#![deny(missing_docs)]

// Generated code names this crate by its absolute path (`::sailpoint_isc::…`);
// this alias makes those paths resolve inside the crate itself too.
extern crate self as sailpoint_isc;

mod auth;
mod client;
mod error;
mod request;

#[doc(hidden)]
pub mod __private;

pub use auth::{AccessToken, BoxFuture, StaticToken, TokenSource};
pub use client::{Client, ClientBuilder};
pub use error::{ApiError, AuthError, ConfigError, DecodeError, Error, ErrorBody, Result};
pub use sailpoint_isc_macros::include_api;

// BINDINGS: the generated v2024/beta modules are added here once codegen lands.
