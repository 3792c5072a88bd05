//! The boxed futures the crate hands out: [`CallFuture`], what a call
//! becomes when sent, and [`BoxFuture`], what a [`TokenSource`] answers.
//!
//! [`TokenSource`]: crate::TokenSource

use crate::error::Result;
use std::future::Future;
use std::pin::Pin;

/// A boxed future, as returned by [`TokenSource::token`](crate::TokenSource::token).
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// The future a [`Call`](crate::Call) becomes when it is awaited or sent:
/// boxed, `Send` and `'static`, so it can be spawned.
pub type CallFuture<T> = BoxFuture<'static, Result<T>>;
