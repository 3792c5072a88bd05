//! Configuring a [`Client`]: the builder, the environment variables the
//! official SailPoint SDKs read, and the checks run before a client exists.

use crate::auth::{StaticToken, TokenSource};
use crate::body::DEFAULT_MAX_RESPONSE_BODY;
use crate::client::Client;
use crate::error::{ConfigError, Result};
use crate::oauth::{ClientCredentials, ClientSecret};
use crate::retry::RetryPolicy;
use crate::send::Sender;
use std::ffi::OsString;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// The tenant API URL, e.g. `https://acme.api.identitynow.com`.
pub const ENV_BASE_URL: &str = "SAIL_BASE_URL";
/// The OAuth2 client id (a personal access token's id works too).
pub const ENV_CLIENT_ID: &str = "SAIL_CLIENT_ID";
/// The OAuth2 client secret.
pub const ENV_CLIENT_SECRET: &str = "SAIL_CLIENT_SECRET";

/// Default time allowed to establish a connection.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default time allowed for one attempt, from sending to the end of the body.
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

/// Builds a [`Client`].
///
/// ```no_run
/// # fn run() -> Result<(), sailpoint_isc::Error> {
/// use std::time::Duration;
/// use sailpoint_isc::{Client, RetryPolicy};
///
/// let client = Client::builder()
///     .base_url("https://acme.api.identitynow.com")
///     .client_credentials("my-client-id", "my-client-secret")
///     .request_timeout(Duration::from_secs(30))
///     .retry(RetryPolicy::default().with_max_attempts(3))
///     .build()?;
/// # Ok(()) }
/// ```
pub struct ClientBuilder {
    base_url: Option<String>,
    credentials: Option<Credentials>,
    connect_timeout: Duration,
    request_timeout: Duration,
    retry: RetryPolicy,
    max_response_body: usize,
    /// The caller's own HTTP client, used as it is.
    http: Option<reqwest::Client>,
    /// Names the settings in errors: the builder method or the variable.
    names: Names,
}

enum Credentials {
    Source(Arc<dyn TokenSource>),
    ClientCredentials { id: String, secret: ClientSecret },
}

#[derive(Clone, Copy)]
struct Names {
    base_url: &'static str,
    client_id: &'static str,
    client_secret: &'static str,
}

const BUILDER_NAMES: Names = Names {
    base_url: "base_url",
    client_id: "client_id",
    client_secret: "client_secret",
};

const ENV_NAMES: Names = Names {
    base_url: ENV_BASE_URL,
    client_id: ENV_CLIENT_ID,
    client_secret: ENV_CLIENT_SECRET,
};

impl Default for ClientBuilder {
    fn default() -> Self {
        ClientBuilder {
            base_url: None,
            credentials: None,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            request_timeout: DEFAULT_REQUEST_TIMEOUT,
            retry: RetryPolicy::default(),
            max_response_body: DEFAULT_MAX_RESPONSE_BODY,
            http: None,
            names: BUILDER_NAMES,
        }
    }
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let credentials = match &self.credentials {
            None => "none",
            Some(Credentials::Source(_)) => "token source",
            Some(Credentials::ClientCredentials { .. }) => "client credentials",
        };
        f.debug_struct("ClientBuilder")
            .field("base_url", &self.base_url)
            .field("credentials", &credentials)
            .field("connect_timeout", &self.connect_timeout)
            .field("request_timeout", &self.request_timeout)
            .field("retry", &self.retry)
            .field("max_response_body", &self.max_response_body)
            .field("http_client", &self.http.as_ref().map(|_| "caller's own"))
            .finish()
    }
}

impl ClientBuilder {
    /// A builder configured from `SAIL_BASE_URL`, `SAIL_CLIENT_ID` and
    /// `SAIL_CLIENT_SECRET`, the variables the official SDKs read. A missing,
    /// empty or non-UTF-8 variable is a [`ConfigError`] naming it; a malformed
    /// URL is reported by [`build`](Self::build), naming `SAIL_BASE_URL`.
    pub fn from_env() -> Result<Self> {
        Self::from_env_with(|name| std::env::var_os(name))
    }

    /// [`from_env`](Self::from_env) with the variables read through `lookup`
    /// instead of the process environment (for tests, or another source of
    /// the same settings).
    pub fn from_env_with(lookup: impl Fn(&str) -> Option<OsString>) -> Result<Self> {
        let var = |name: &str| -> Result<String, ConfigError> {
            let value = lookup(name).ok_or_else(|| ConfigError::new(name, "is not set"))?;
            let value = value
                .into_string()
                .map_err(|_| ConfigError::new(name, "is not valid UTF-8"))?;
            if value.trim().is_empty() {
                return Err(ConfigError::new(name, "is empty"));
            }
            Ok(value)
        };
        let base_url = var(ENV_BASE_URL)?;
        let client_id = var(ENV_CLIENT_ID)?;
        // The secret is taken as is: only the URL and the id are trimmed.
        let secret = var(ENV_CLIENT_SECRET)?;
        let mut builder = ClientBuilder::default()
            .base_url(base_url.trim())
            .client_credentials(client_id.trim(), secret);
        builder.names = ENV_NAMES;
        Ok(builder)
    }

    /// The tenant API URL, e.g. `https://acme.api.identitynow.com`. The
    /// version path (`/v2024`, `/beta`) comes from each spec, so one client
    /// serves every version with one token.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Sends this bearer token with every request.
    pub fn bearer_token(self, token: impl Into<Arc<str>>) -> Self {
        self.token_source(StaticToken::new(token))
    }

    /// Gets tokens from `source`.
    pub fn token_source(mut self, source: impl TokenSource) -> Self {
        self.credentials = Some(Credentials::Source(Arc::new(source)));
        self
    }

    /// Gets tokens by OAuth2 client credentials from
    /// `POST {base_url}/oauth/token`, cached and refreshed before they expire.
    pub fn client_credentials(
        mut self,
        client_id: impl Into<String>,
        client_secret: impl Into<ClientSecret>,
    ) -> Self {
        self.credentials = Some(Credentials::ClientCredentials {
            id: client_id.into(),
            secret: client_secret.into(),
        });
        self
    }

    /// Time allowed to establish a connection (default 10 s). Not used
    /// with [`http_client`](Self::http_client): that client has its own.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Time allowed for one attempt, from sending to the end of the body
    /// (default 60 s). The token request has the same limit.
    pub fn request_timeout(mut self, timeout: Duration) -> Self {
        self.request_timeout = timeout;
        self
    }

    /// How failed calls are retried (default [`RetryPolicy::default`]).
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Largest success body read, in bytes (default
    /// [`DEFAULT_MAX_RESPONSE_BODY`](crate::DEFAULT_MAX_RESPONSE_BODY), 32 MiB).
    /// A longer body fails the call with
    /// [`Error::ResponseTooLarge`](crate::Error::ResponseTooLarge). Error
    /// bodies keep at most [`MAX_ERROR_BODY`](crate::MAX_ERROR_BODY) bytes.
    pub fn max_response_body(mut self, bytes: usize) -> Self {
        self.max_response_body = bytes;
        self
    }

    /// Sends every request, the token requests included, through `http`: a
    /// `reqwest::Client` configured as your network needs (a proxy, custom
    /// root certificates, connection pool limits). Authentication, the
    /// per-attempt [`request_timeout`](Self::request_timeout), retries,
    /// errors and the response size limit stay this crate's.
    ///
    /// The client is used as it is, so what this builder sets on the one it
    /// makes is yours to choose: [`connect_timeout`](Self::connect_timeout)
    /// does not apply, and it is worth keeping redirects off as the default
    /// client does (a redirect can turn a `POST` into a `GET`).
    ///
    /// ```no_run
    /// # fn run() -> Result<(), Box<dyn std::error::Error>> {
    /// use std::time::Duration;
    ///
    /// let http = reqwest::Client::builder()
    ///     .proxy(reqwest::Proxy::https("http://proxy.internal:3128")?)
    ///     .pool_max_idle_per_host(4)
    ///     .connect_timeout(Duration::from_secs(5))
    ///     .redirect(reqwest::redirect::Policy::none())
    ///     .build()?;
    /// let client = sailpoint_isc::Client::builder()
    ///     .base_url("https://acme.api.identitynow.com")
    ///     .client_credentials("my-client-id", "my-client-secret")
    ///     .http_client(http)
    ///     .build()?;
    /// # Ok(()) }
    /// ```
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// Checks the configuration and builds the client.
    pub fn build(self) -> Result<Client> {
        let names = self.names;
        let raw = self
            .base_url
            .ok_or_else(|| ConfigError::new(names.base_url, "is required"))?;
        let base_url = check_base_url(&raw).map_err(|m| ConfigError::new(names.base_url, m))?;
        let http = match self.http {
            Some(http) => http,
            None => default_http_client(self.connect_timeout)?,
        };
        let tokens: Arc<dyn TokenSource> = match self.credentials {
            None => {
                return Err(ConfigError::new(
                    "credentials",
                    "set client_credentials, bearer_token or token_source",
                )
                .into())
            }
            Some(Credentials::Source(source)) => source,
            Some(Credentials::ClientCredentials { id, secret }) => {
                if id.trim().is_empty() {
                    return Err(ConfigError::new(names.client_id, "is empty").into());
                }
                if secret.expose_secret().is_empty() {
                    return Err(ConfigError::new(names.client_secret, "is empty").into());
                }
                Arc::new(ClientCredentials::new(
                    http.clone(),
                    &base_url,
                    id,
                    secret,
                    self.request_timeout,
                    self.retry.clone(),
                ))
            }
        };
        Ok(Client::from_sender(Sender {
            http,
            base_url,
            tokens,
            request_timeout: self.request_timeout,
            retry: self.retry,
            max_response_body: self.max_response_body,
        }))
    }
}

/// The HTTP client used unless the caller brings one.
fn default_http_client(connect_timeout: Duration) -> Result<reqwest::Client, ConfigError> {
    reqwest::Client::builder()
        .connect_timeout(connect_timeout)
        // A redirect could turn a POST into a GET or leave the tenant.
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("sailpoint-isc-rs/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| ConfigError::new("http client", e.to_string()))
}

/// Validates the tenant URL and returns it without a trailing slash. Every
/// client sends a token, so plain `http` is refused unless the host is
/// loopback (tests, a local mock tenant).
fn check_base_url(raw: &str) -> Result<String, String> {
    let url = reqwest::Url::parse(raw).map_err(|e| format!("`{raw}` is not a URL: {e}"))?;
    let host = match url.host_str() {
        Some(host) if !host.is_empty() => host,
        _ => return Err(format!("`{raw}` has no host")),
    };
    if !url.username().is_empty() || url.password().is_some() {
        return Err("must not contain a user name or password".to_owned());
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(format!("`{raw}` must not have a query or fragment"));
    }
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(host) => {}
        "http" => {
            return Err(format!(
                "`{raw}` is plain http to a host that is not loopback: credentials would be \
                 sent unencrypted; use https"
            ))
        }
        other => return Err(format!("`{raw}` has scheme `{other}`; use https")),
    }
    let trimmed = raw.trim_end_matches('/');
    if let Some(last) = url
        .path_segments()
        .and_then(|mut s| s.rfind(|s| !s.is_empty()))
    {
        let is_version = last == "beta"
            || last
                .strip_prefix('v')
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()) && !n.is_empty());
        if is_version {
            return Err(format!(
                "`{raw}` ends in the version path `/{last}`; give the tenant API URL alone \
                 (each API version adds its own path)"
            ));
        }
    }
    Ok(trimmed.to_owned())
}

/// `localhost`, 127.0.0.0/8 and `::1` (IPv6 hosts come bracketed).
fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    match bare.parse::<std::net::IpAddr>() {
        Ok(ip) => ip.is_loopback(),
        Err(_) => host.eq_ignore_ascii_case("localhost"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_are_checked() {
        assert_eq!(
            check_base_url("https://acme.api.identitynow.com/").as_deref(),
            Ok("https://acme.api.identitynow.com")
        );
        for ok in [
            "http://127.0.0.1:8080",
            "http://127.3.4.5",
            "http://[::1]:99/",
            "http://localhost:1234",
            "http://LOCALHOST",
            "https://proxy.example.com/isc",
        ] {
            assert!(check_base_url(ok).is_ok(), "{ok}");
        }
        for bad in [
            "acme.api.identitynow.com",
            "http://acme.api.identitynow.com",
            "http://10.0.0.1",
            "http://localhost.evil.com",
            "ftp://acme.api.identitynow.com",
            "https://user:pw@acme.api.identitynow.com",
            "https://acme.api.identitynow.com?x=1",
            "https://acme.api.identitynow.com/v3",
            "https://acme.api.identitynow.com/beta/",
            "https://acme.api.identitynow.com/v2024",
        ] {
            assert!(check_base_url(bad).is_err(), "{bad}");
        }
    }
}
