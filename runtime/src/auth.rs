//! Where access tokens come from.

use crate::error::AuthError;
use crate::futures::BoxFuture;
use std::fmt;
use std::sync::Arc;

/// An OAuth2 access token. Prints as `AccessToken([redacted])`.
#[derive(Clone, PartialEq, Eq)]
pub struct AccessToken(Arc<str>);

impl AccessToken {
    /// Wraps a token string.
    pub fn new(token: impl Into<Arc<str>>) -> Self {
        AccessToken(token.into())
    }
    /// The token itself, for the `Authorization` header.
    pub fn secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AccessToken([redacted])")
    }
}

/// Anything that can hand out bearer tokens: the built-in OAuth2 client
/// credentials flow, a [`StaticToken`], or your own (for example a token
/// obtained by an authorization-code flow elsewhere).
pub trait TokenSource: Send + Sync + 'static {
    /// A token valid for the next request.
    fn token(&self) -> BoxFuture<'_, Result<AccessToken, AuthError>>;

    /// Called when the API rejected `token` with 401, before the one retry:
    /// a source that can refresh should drop it. The default does nothing.
    fn invalidate(&self, token: &AccessToken) {
        let _ = token;
    }
}

/// A fixed bearer token, such as a personal access token's access token.
#[derive(Clone, Debug)]
pub struct StaticToken(AccessToken);

impl StaticToken {
    /// Uses `token` for every request.
    pub fn new(token: impl Into<Arc<str>>) -> Self {
        StaticToken(AccessToken::new(token))
    }
}

impl TokenSource for StaticToken {
    fn token(&self) -> BoxFuture<'_, Result<AccessToken, AuthError>> {
        let token = self.0.clone();
        Box::pin(async move { Ok(token) })
    }
}
