//! [`Client`] with its construction and settings, and the
//! [`ClientBuilder`] that makes one.
//!
//! Two other `impl Client` blocks live beside what they return, so that
//! dependencies point one way: `v2024()` and `beta()` in `lib.rs` beside the
//! bindings, and the `execute` family (a hand-written
//! [`Request`] as a [`Call`](crate::Call)) in `call/execute.rs`.

use crate::auth::{StaticToken, TokenSource};
use crate::config::{
    check_base_url, check_url, default_http_client, ConfigSources, Names, BUILDER_NAMES,
    DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, ENV_BASE_URL, ENV_CLIENT_ID,
    ENV_CLIENT_SECRET, ENV_NAMES,
};
use crate::error::{ConfigError, Result};
use crate::limit::{Limits, RateLimit};
use crate::oauth::{ClientCredentials, ClientSecret};
use crate::request::Request;
use crate::response_body::DEFAULT_MAX_RESPONSE_BODY;
use crate::retry::budget::RetryBudget;
use crate::retry::RetryPolicy;
use crate::send::{Sender, Success};
use std::ffi::OsString;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// A configured connection to one ISC tenant. Cheap to clone; clones share
/// the connection pool and the token. Build one with [`Client::builder`] or
/// [`Client::from_env`].
#[derive(Clone)]
pub struct Client {
    sender: Arc<Sender>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &*self.sender;
        f.debug_struct("Client")
            .field("base_url", &s.base_url)
            .field("version_path", &s.version_path)
            .field("request_timeout", &s.request_timeout)
            .field("retry", &s.retry)
            .field("max_response_body", &s.max_response_body)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Starts configuring a client.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client configured from `SAIL_BASE_URL`, `SAIL_CLIENT_ID` and
    /// `SAIL_CLIENT_SECRET` with default settings; see
    /// [`ClientBuilder::from_env`].
    pub fn from_env() -> Result<Client> {
        ClientBuilder::from_env()?.build()
    }

    /// A client configured where the official SDKs look, in their order;
    /// see [`ClientBuilder::from_default_config`].
    pub fn from_default_config() -> Result<Client> {
        ClientBuilder::from_default_config()?.build()
    }

    pub(crate) fn from_sender(sender: Sender) -> Self {
        Client {
            sender: Arc::new(sender),
        }
    }

    /// The URL this client's calls go to: the tenant API URL, which each
    /// API version follows with its own path (`/v2024`), or the URL set by
    /// [`ClientBuilder::api_url`] or [`with_api_url`](Self::with_api_url),
    /// which the operations' paths follow directly.
    pub fn base_url(&self) -> &str {
        &self.sender.base_url
    }

    /// This client sending every call to `api_url` followed by the
    /// operation's path, without the version path of its spec: for one
    /// generated `Api` served somewhere else than the tenant, such as a
    /// mock server, Prism, an API gateway or a reverse proxy that serves one
    /// API version at its own URL. Everything else is shared with `self`:
    /// the connection pool, the token (so one token endpoint still serves
    /// both), timeouts, retries and limits, the rate limit and the retry
    /// budget included (the calls still count against the tenant's key).
    ///
    /// `api_url` is checked as [`ClientBuilder::api_url`] checks it: https,
    /// or plain http to a loopback host only.
    ///
    /// ```no_run
    /// # fn run(client: &sailpoint_isc::Client) -> Result<(), sailpoint_isc::Error> {
    /// // v2024 from the tenant, beta from a local Prism serving the beta spec.
    /// let v2024 = client.v2024();
    /// let beta = sailpoint_isc::beta::ApiBeta::new(client.with_api_url("http://127.0.0.1:4011")?);
    /// # let _ = (v2024, beta); Ok(()) }
    /// ```
    pub fn with_api_url(&self, api_url: &str) -> Result<Client> {
        let (_, base_url) = check_url(api_url).map_err(|m| ConfigError::new("api_url", m))?;
        let s = &*self.sender;
        Ok(Client::from_sender(Sender {
            http: s.http.clone(),
            base_url,
            version_path: false,
            tokens: Arc::clone(&s.tokens),
            request_timeout: s.request_timeout,
            retry: s.retry.clone(),
            max_response_body: s.max_response_body,
            limits: Arc::clone(&s.limits),
        }))
    }

    /// Sends `request`; only [`Call`] calls this, so every request takes
    /// the same path.
    pub(crate) async fn send(&self, request: Request) -> Result<Success> {
        self.sender.send(request).await
    }
}

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
    api_url: Option<String>,
    token_url: Option<String>,
    credentials: Option<Credentials>,
    connect_timeout: Duration,
    request_timeout: Duration,
    retry: RetryPolicy,
    max_response_body: usize,
    rate_limit: RateLimit,
    retry_budget: RetryBudget,
    /// The caller's own HTTP client, used as it is.
    http: Option<reqwest::Client>,
    /// Names the settings in errors: the builder method or the variable.
    names: Names,
}

enum Credentials {
    Source(Arc<dyn TokenSource>),
    ClientCredentials { id: String, secret: ClientSecret },
}

impl Default for ClientBuilder {
    fn default() -> Self {
        ClientBuilder {
            base_url: None,
            api_url: None,
            token_url: None,
            credentials: None,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            request_timeout: DEFAULT_REQUEST_TIMEOUT,
            retry: RetryPolicy::default(),
            max_response_body: DEFAULT_MAX_RESPONSE_BODY,
            rate_limit: RateLimit::default(),
            retry_budget: RetryBudget::default(),
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
            .field("api_url", &self.api_url)
            .field("token_url", &self.token_url)
            .field("credentials", &credentials)
            .field("connect_timeout", &self.connect_timeout)
            .field("request_timeout", &self.request_timeout)
            .field("retry", &self.retry)
            .field("max_response_body", &self.max_response_body)
            .field("rate_limit", &self.rate_limit)
            .field("retry_budget", &self.retry_budget)
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

    /// A builder configured where SailPoint's SDKs look, in their order,
    /// from the first place that has a complete configuration:
    ///
    /// 1. the variables `SAIL_BASE_URL`, `SAIL_CLIENT_ID` and
    ///    `SAIL_CLIENT_SECRET` (as [`from_env`](Self::from_env));
    /// 2. `config.json` in the working directory, with `BaseURL`,
    ///    `ClientId` and `ClientSecret`;
    /// 3. the `sail` CLI's `~/.sailpoint/config.yaml`: the `baseurl` of
    ///    the environment `activeenvironment` names (or its `tenanturl`,
    ///    `https://acme.identitynow.com`, as `https://acme.api.identitynow.com`),
    ///    with the client id and secret from `SAIL_CLIENT_ID` and
    ///    `SAIL_CLIENT_SECRET`, since the CLI keeps those in the OS keyring.
    ///
    /// When none is complete, the [`ConfigError`] names every place looked
    /// at and what each lacked. A file that is there but is not valid JSON
    /// or YAML, or has a value of the wrong type, is an error naming the
    /// file, line and column, not skipped. No value read appears in an
    /// error or in `Debug`.
    pub fn from_default_config() -> Result<Self> {
        Self::from_config_sources(&ConfigSources::from_process())
    }

    /// [`from_default_config`](Self::from_default_config) reading the
    /// environment, working directory and home directory of `sources`.
    ///
    /// ```
    /// # fn run() -> Result<(), sailpoint_isc::Error> {
    /// use sailpoint_isc::{ClientBuilder, ConfigSources};
    ///
    /// let dir = std::env::temp_dir().join("isc-config-doc");
    /// std::fs::create_dir_all(&dir).ok();
    /// std::fs::write(
    ///     dir.join("config.json"),
    ///     r#"{"BaseURL": "https://acme.api.identitynow.com", "ClientId": "id", "ClientSecret": "s"}"#,
    /// ).ok();
    /// let sources = ConfigSources::from_process()
    ///     .with_env(|_| None)
    ///     .with_working_dir(&dir)
    ///     .with_home(&dir);
    /// let client = ClientBuilder::from_config_sources(&sources)?.build()?;
    /// assert_eq!(client.base_url(), "https://acme.api.identitynow.com");
    /// # Ok(()) }
    /// # run().unwrap();
    /// ```
    pub fn from_config_sources(sources: &ConfigSources) -> Result<Self> {
        let found = crate::config::find(sources)?;
        let mut builder = ClientBuilder::default()
            .base_url(found.base_url)
            .client_credentials(found.client_id, found.client_secret);
        builder.names = found.names;
        Ok(builder)
    }

    /// The tenant API URL, e.g. `https://acme.api.identitynow.com`. The
    /// version path (`/v2024`, `/beta`) comes from each spec, so one client
    /// serves every version with one token. A path before it is kept (an
    /// API gateway at `https://gateway.example.com/isc` gets
    /// `…/isc/v2024/accounts`); a URL ending in a version path is refused.
    ///
    /// The token endpoint is `{base_url}/oauth/token` unless
    /// [`token_url`](Self::token_url) says otherwise.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Sends every call to `url` followed by the operation's path, without
    /// the version path of its spec: for a server that serves one API
    /// version at its own URL, such as a mock server, Prism, an API gateway
    /// or a reverse proxy. Calls go here even when
    /// [`base_url`](Self::base_url) is set too; the token endpoint is
    /// [`token_url`](Self::token_url), else `{base_url}/oauth/token`, else
    /// `{url}/oauth/token`. To send only one API version elsewhere, see
    /// [`Client::with_api_url`].
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), sailpoint_isc::Error> {
    /// // Prism serving the v2024 spec on port 4010: paths without `/v2024`.
    /// let client = sailpoint_isc::Client::builder()
    ///     .api_url("http://127.0.0.1:4010")
    ///     .bearer_token("any token")
    ///     .build()?;
    /// let info = client.v2024().get_password_change_status("some-id").await;
    /// # let _ = info; Ok(()) }
    /// ```
    pub fn api_url(mut self, url: impl Into<String>) -> Self {
        self.api_url = Some(url.into());
        self
    }

    /// Where [`client_credentials`](Self::client_credentials) get tokens,
    /// when not at `{base_url}/oauth/token` (a token endpoint behind
    /// another host or path). Checked like the other URLs: https, or plain
    /// http to a loopback host; only used with client credentials.
    pub fn token_url(mut self, url: impl Into<String>) -> Self {
        self.token_url = Some(url.into());
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
    /// `POST {base_url}/oauth/token` (or [`token_url`](Self::token_url)),
    /// cached and refreshed before they expire.
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

    /// How fast this client sends (default [`RateLimit::default`]: ISC's
    /// 100 requests per 10 seconds per client id and API version, plus the
    /// per-operation limits the specs state). The limit is shared by every
    /// client in the process with the same tenant URL, client id, API line
    /// and settings, clones included; calls beyond it wait their turn, in
    /// the order they were made, and one 429 pauses all of them for its
    /// `Retry-After`. [`RateLimit::off`] turns it off.
    ///
    /// ```no_run
    /// # fn run() -> Result<(), sailpoint_isc::Error> {
    /// use std::time::Duration;
    /// use sailpoint_isc::{Client, RateLimit};
    ///
    /// // Leave half of the tenant's limit to another job with this client id.
    /// let client = Client::builder()
    ///     .base_url("https://acme.api.identitynow.com")
    ///     .client_credentials("my-client-id", "my-client-secret")
    ///     .rate_limit(RateLimit::per(50, Duration::from_secs(10)))
    ///     .build()?;
    /// # Ok(()) }
    /// ```
    pub fn rate_limit(mut self, limit: RateLimit) -> Self {
        self.rate_limit = limit;
        self
    }

    /// The retry budget shared with every client of the same key (default
    /// [`RetryBudget::default`]: 500 tokens, 5 per retry after an error
    /// status, 10 after a transport failure, 1 back per first-send
    /// success). When it is spent, failures are returned at once as
    /// [`Error::RetryBudgetSpent`](crate::Error::RetryBudgetSpent);
    /// [`RetryBudget::unlimited`] turns it off. The [`RetryPolicy`] (the
    /// client's, or a call's own) still decides each retry; the budget
    /// only pays for it.
    pub fn retry_budget(mut self, budget: RetryBudget) -> Self {
        self.retry_budget = budget;
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
        let tenant = match &self.base_url {
            Some(raw) => {
                Some(check_base_url(raw).map_err(|m| ConfigError::new(names.base_url, m))?)
            }
            None => None,
        };
        let api = match &self.api_url {
            Some(raw) => Some(
                check_url(raw)
                    .map_err(|m| ConfigError::new("api_url", m))?
                    .1,
            ),
            None => None,
        };
        // Tokens default to the tenant's endpoint, else the API URL's.
        let root = tenant
            .as_ref()
            .or(api.as_ref())
            .ok_or_else(|| ConfigError::new(names.base_url, "is required (or api_url)"))?;
        let token_url = match &self.token_url {
            Some(raw) => {
                check_url(raw)
                    .map_err(|m| ConfigError::new("token_url", m))?
                    .1
            }
            None => format!("{root}/oauth/token"),
        };
        // The rate limit's key names the tenant by the URL calls go to
        // without a version: the tenant's, else the API URL.
        let key_tenant = root.clone();
        let (base_url, version_path) = match (api, tenant) {
            (Some(api), _) => (api, false),
            (None, tenant) => (tenant.unwrap_or_default(), true),
        };
        let http = match self.http {
            Some(http) => http,
            None => default_http_client(self.connect_timeout)?,
        };
        let mut client_id = None;
        let tokens: Arc<dyn TokenSource> = match self.credentials {
            None => {
                return Err(ConfigError::new(
                    "credentials",
                    "set client_credentials, bearer_token or token_source",
                )
                .into())
            }
            Some(Credentials::Source(_)) if self.token_url.is_some() => {
                return Err(ConfigError::new(
                    "token_url",
                    "is only used with client_credentials; this client's tokens come from \
                     bearer_token or token_source",
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
                client_id = Some(id.clone());
                Arc::new(ClientCredentials::new(
                    http.clone(),
                    token_url,
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
            version_path,
            tokens,
            request_timeout: self.request_timeout,
            retry: self.retry,
            max_response_body: self.max_response_body,
            limits: Arc::new(Limits::new(
                key_tenant,
                client_id,
                self.rate_limit,
                self.retry_budget,
            )),
        }))
    }
}
