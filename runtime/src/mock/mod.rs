//! A mock SailPoint Identity Security Cloud tenant for tests: a real HTTP
//! server on `127.0.0.1` that plays ISC's Password Management API, so code
//! using this crate can be tested end to end without a live tenant.
//!
//! Enabled by the `mock-tenant` feature. It serves:
//!
//! - `POST /oauth/token`: the OAuth2 client-credentials grant (client
//!   authenticated by form fields or HTTP Basic), issuing opaque tokens that
//!   expire after [`with_token_lifetime`](MockTenantBuilder::with_token_lifetime);
//!   wrong credentials get 401 `invalid_client`, another grant 400
//!   `unsupported_grant_type`;
//! - under both `/v2024` and `/beta`, and at the per-resource paths
//!   (`/query-password-info/v1`, `/set-password/v1`,
//!   `/password-change-status/v1/{id}`,
//!   `/generate-password-reset-token/v1/digit`): query-password-info,
//!   set-password, get-password-change-status and create-digit-token,
//!   answering the documented schemas (built from this crate's generated
//!   types, which also decode the request bodies). All three API lines share
//!   one directory, so a password set through one is seen by the others. An API call without a valid token gets the
//!   documented 401 body `{"error":"JWT validation failed: JWT is expired"}`.
//!
//! Each source has its own RSA key pair: query-password-info returns the
//! public key as ISC does (base64 of a DER SubjectPublicKeyInfo), and
//! set-password decrypts `encryptedPassword` (PKCS#1 v1.5) with the private
//! key and records the password against the identity's account, where
//! [`MockTenant::password_of`] reads it back. A ciphertext that does not
//! decrypt, or an unknown `publicKeyId`, is a 400 `ErrorResponseDto`. A
//! password that breaks the policy is accepted (202) but the change ends
//! `FAILED` with the policy's messages in `errors`, and is not recorded. The
//! change status answers `IN_PROGRESS` for
//! [`with_in_progress_polls`](MockTenantBuilder::with_in_progress_polls)
//! polls, then `FINISHED` or `FAILED`. The create-digit-token of v2024 and
//! of the per-resource line requires `X-SailPoint-Experimental: true`, as
//! the real service does; beta's does not.
//!
//! [`MockTenant::inject`] queues [`Fault`]s (429 with `Retry-After`, 5xx,
//! delays, garbled bodies, expired tokens) for the next requests.
//!
//! With no settings the tenant has one identity, `Abby.Smith`, with one
//! account on the source `My-AD` (the names the API documentation uses), a
//! minimum password length of 8, and fixed client credentials:
//!
//! ```
//! use sailpoint_isc::mock::{MockTenant, DEFAULT_SOURCE_NAME, DEFAULT_USER_NAME};
//! use sailpoint_isc::v2024::{PasswordChangeRequest, PasswordInfoQueryDto, PasswordStatusState};
//! use sailpoint_isc::{encrypt_password, Password};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let tenant = MockTenant::builder().with_in_progress_polls(1).start().await?;
//! let api = tenant.client().v2024();
//!
//! let info = api
//!     .query_password_info(&PasswordInfoQueryDto {
//!         user_name: Some(DEFAULT_USER_NAME.into()),
//!         source_name: Some(DEFAULT_SOURCE_NAME.into()),
//!         ..Default::default()
//!     })
//!     .await?;
//! let account_id = info.accounts.unwrap_or_default().remove(0).account_id;
//! let password = Password::new(String::from("n3w-Passw0rd!"));
//! let change = api
//!     .set_password(&PasswordChangeRequest {
//!         identity_id: info.identity_id,
//!         encrypted_password: Some(encrypt_password(
//!             info.public_key.as_deref().unwrap_or_default(),
//!             &password,
//!         )?),
//!         public_key_id: info.public_key_id,
//!         account_id: account_id.clone(),
//!         source_id: info.source_id,
//!         ..Default::default()
//!     })
//!     .await?;
//! let id = change.request_id.unwrap_or_default();
//! assert_eq!(api.get_password_change_status(&id).await?.state, Some(PasswordStatusState::InProgress));
//! assert_eq!(api.get_password_change_status(&id).await?.state, Some(PasswordStatusState::Finished));
//!
//! let recorded = tenant.password_of(DEFAULT_USER_NAME, DEFAULT_SOURCE_NAME, &account_id.unwrap_or_default());
//! assert_eq!(recorded.as_deref(), Some("n3w-Passw0rd!"));
//! # Ok(()) }
//! ```
//!
//! # Speed
//!
//! Each source's RSA key is generated the first time it is needed. A
//! 2048-bit key takes 0.1 to 0.5 s when the big-integer code is optimized,
//! but several seconds in a plain debug build. Tests that start many tenants
//! should either optimize those two crates in their workspace's
//! `Cargo.toml`, as this workspace does:
//!
//! ```toml
//! [profile.dev.package.num-bigint-dig]
//! opt-level = 3
//!
//! [profile.dev.package.rsa]
//! opt-level = 3
//! ```
//!
//! or use smaller keys with
//! [`with_key_bits(1024)`](MockTenantBuilder::with_key_bits) (several times
//! faster to generate).
//!
//! The server runs on the Tokio runtime that calls
//! [`start`](MockTenantBuilder::start) and stops when the [`MockTenant`] is
//! dropped or [`shut down`](MockTenant::shutdown). It never panics on what a
//! client sends: every malformed request gets a documented error answer.

mod directory;
mod faults;
mod form;
mod handlers;
mod server;
mod state;
#[cfg(test)]
mod tests;
mod wire;

pub use faults::Fault;
pub use server::{
    Body, MockAnswer, MockBody, MockError, MockList, MockRequest, MockResponse, MockServer,
    MockServerBuilder, Mocked, Rule, MOCK_CLIENT_ID, MOCK_CLIENT_SECRET,
};

use crate::{Client, ClientBuilder};
use directory::{Account, Directory, IdentitySpec};
use state::{Counters, PasswordCheck, Policy, Settings, Shared};
use std::fmt;
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use zeroize::Zeroizing;

/// The client id the tenant accepts unless configured otherwise.
pub const DEFAULT_CLIENT_ID: &str = "mock-client-id";
/// The client secret the tenant accepts unless configured otherwise.
pub const DEFAULT_CLIENT_SECRET: &str = "mock-client-secret";
/// The user name of the identity every tenant has.
pub const DEFAULT_USER_NAME: &str = "Abby.Smith";
/// The source of the default identity's account.
pub const DEFAULT_SOURCE_NAME: &str = "My-AD";
/// The default identity's account id on [`DEFAULT_SOURCE_NAME`].
pub const DEFAULT_ACCOUNT_ID: &str =
    "CN=Abby Smith,OU=Austin,OU=Americas,OU=Demo,DC=seri,DC=acme,DC=com";
/// The default identity's account name on [`DEFAULT_SOURCE_NAME`].
pub const DEFAULT_ACCOUNT_NAME: &str = "Abby.Smith";
/// How long a token lives unless configured otherwise (ISC's 12 minutes are
/// shorter; an hour keeps token refreshes out of tests that do not ask for
/// them).
pub const DEFAULT_TOKEN_LIFETIME: Duration = Duration::from_secs(3600);
/// How many status polls answer `IN_PROGRESS` unless configured otherwise.
pub const DEFAULT_IN_PROGRESS_POLLS: u32 = 2;
/// The minimum password length unless configured otherwise.
pub const DEFAULT_MIN_PASSWORD_LENGTH: usize = 8;
/// The size of each source's RSA key unless configured otherwise: what ISC
/// uses. See the [module documentation](self#speed) for how long generating
/// one takes; [`MockTenantBuilder::with_key_bits`] can lower it.
pub const DEFAULT_KEY_BITS: usize = 2048;

/// Configures and starts a [`MockTenant`].
pub struct MockTenantBuilder {
    token_lifetime: Duration,
    in_progress_polls: u32,
    policy: Policy,
    client_id: String,
    client_secret: Zeroizing<String>,
    identities: Vec<IdentitySpec>,
    key_bits: usize,
}

impl Default for MockTenantBuilder {
    fn default() -> Self {
        MockTenantBuilder {
            token_lifetime: DEFAULT_TOKEN_LIFETIME,
            in_progress_polls: DEFAULT_IN_PROGRESS_POLLS,
            policy: Policy {
                min_length: DEFAULT_MIN_PASSWORD_LENGTH,
                checks: Vec::new(),
            },
            client_id: DEFAULT_CLIENT_ID.to_owned(),
            client_secret: Zeroizing::new(DEFAULT_CLIENT_SECRET.to_owned()),
            identities: vec![IdentitySpec {
                user_name: DEFAULT_USER_NAME.to_owned(),
                source_name: DEFAULT_SOURCE_NAME.to_owned(),
                accounts: vec![Account {
                    id: DEFAULT_ACCOUNT_ID.to_owned(),
                    name: DEFAULT_ACCOUNT_NAME.to_owned(),
                }],
            }],
            key_bits: DEFAULT_KEY_BITS,
        }
    }
}

impl fmt::Debug for MockTenantBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MockTenantBuilder")
            .field("token_lifetime", &self.token_lifetime)
            .field("in_progress_polls", &self.in_progress_polls)
            .field("policy", &self.policy)
            .field("client_id", &self.client_id)
            .field("identities", &self.identities)
            .field("key_bits", &self.key_bits)
            .finish_non_exhaustive()
    }
}

impl MockTenantBuilder {
    /// How long an issued token is accepted (default
    /// [`DEFAULT_TOKEN_LIFETIME`]). The token answer's `expires_in` is this
    /// in whole seconds, rounded up.
    pub fn with_token_lifetime(mut self, lifetime: Duration) -> Self {
        self.token_lifetime = lifetime;
        self
    }

    /// How many get-password-change-status polls of a change answer
    /// `IN_PROGRESS` before it is `FINISHED` or `FAILED` (default
    /// [`DEFAULT_IN_PROGRESS_POLLS`]; 0 makes the first poll final).
    pub fn with_in_progress_polls(mut self, polls: u32) -> Self {
        self.in_progress_polls = polls;
        self
    }

    /// The least number of characters (Unicode scalar values) a password
    /// must have (default [`DEFAULT_MIN_PASSWORD_LENGTH`]; 0 for no
    /// minimum). query-password-info lists it as `passwordMinLength is N`.
    pub fn with_min_password_length(mut self, chars: usize) -> Self {
        self.policy.min_length = chars;
        self
    }

    /// Adds a password rule: `check` returns `Err(message)` for a password it
    /// refuses, and the change then ends `FAILED` with `message` among its
    /// `errors`. Rules add up, with the minimum length too. `check` must not
    /// panic.
    pub fn with_password_check(
        mut self,
        check: impl Fn(&str) -> Result<(), String> + Send + Sync + 'static,
    ) -> Self {
        let check: Arc<PasswordCheck> = Arc::new(check);
        self.policy.checks.push(check);
        self
    }

    /// The client id and secret the token endpoint accepts (default
    /// [`DEFAULT_CLIENT_ID`] and [`DEFAULT_CLIENT_SECRET`]).
    pub fn with_client_credentials(
        mut self,
        client_id: impl Into<String>,
        client_secret: impl Into<String>,
    ) -> Self {
        self.client_id = client_id.into();
        self.client_secret = Zeroizing::new(client_secret.into());
        self
    }

    /// Gives the user `user_name` the `accounts` (account id, account name)
    /// on the source `source_name`, creating the identity and the source as
    /// needed. One user name is one identity across sources; calling this
    /// again for the same user and source replaces those accounts (so it can
    /// also change the default identity's). The default identity stays.
    pub fn with_identity(
        mut self,
        user_name: impl Into<String>,
        source_name: impl Into<String>,
        accounts: &[(&str, &str)],
    ) -> Self {
        self.identities.push(IdentitySpec {
            user_name: user_name.into(),
            source_name: source_name.into(),
            accounts: accounts
                .iter()
                .map(|(id, name)| Account {
                    id: (*id).to_owned(),
                    name: (*name).to_owned(),
                })
                .collect(),
        });
        self
    }

    /// The size of each source's RSA key, 512 to 4096 bits (default
    /// [`DEFAULT_KEY_BITS`]). Keys are generated on first use, one per
    /// source. Smaller keys generate faster but fit shorter passwords
    /// (PKCS#1 v1.5 fits k/8 − 11 bytes: 53 for 512 bits).
    pub fn with_key_bits(mut self, bits: usize) -> Self {
        self.key_bits = bits;
        self
    }

    /// Starts the server on `127.0.0.1` on a free port, as a task on the
    /// current Tokio runtime.
    ///
    /// Fails with [`io::ErrorKind::InvalidInput`] for a key size outside
    /// 512..=4096 or empty client credentials, and with the socket's error
    /// if no port can be bound.
    pub async fn start(self) -> io::Result<MockTenant> {
        if !(512..=4096).contains(&self.key_bits) {
            return Err(invalid(format!(
                "key size must be 512 to 4096 bits, not {}",
                self.key_bits
            )));
        }
        if self.client_id.is_empty() || self.client_secret.is_empty() {
            return Err(invalid("client id and secret must not be empty".to_owned()));
        }
        let directory = Directory::build(&self.identities, self.key_bits);
        let settings = Settings {
            token_lifetime: self.token_lifetime,
            in_progress_polls: self.in_progress_polls,
            policy: self.policy,
            client_id: self.client_id,
            client_secret: self.client_secret,
        };
        let shared = Arc::new(Shared::new(settings, directory));
        let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
        let addr = listener.local_addr()?;
        let base_url = format!("http://{addr}");
        let client = Client::builder()
            .base_url(base_url.as_str())
            .client_credentials(
                shared.settings.client_id.as_str(),
                shared.settings.client_secret.as_str(),
            )
            .build()
            .map_err(io::Error::other)?;
        let app = handlers::router(Arc::clone(&shared));
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    // A dropped sender stops the server too.
                    let _ = stopped.await;
                })
                .await
        });
        Ok(MockTenant {
            shared,
            addr,
            base_url,
            client,
            stop: Some(stop),
            task: Some(task),
        })
    }
}

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, message)
}

/// A running mock tenant; see the [module documentation](self).
///
/// Dropping it stops the server: the listening socket closes at once and
/// open connections close once their current request is answered.
pub struct MockTenant {
    shared: Arc<Shared>,
    addr: SocketAddr,
    base_url: String,
    client: Client,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<io::Result<()>>>,
}

impl fmt::Debug for MockTenant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MockTenant")
            .field("base_url", &self.base_url)
            .field("client_id", &self.shared.settings.client_id)
            .field("requests", &self.requests())
            .finish_non_exhaustive()
    }
}

impl MockTenant {
    /// Starts configuring a tenant.
    pub fn builder() -> MockTenantBuilder {
        MockTenantBuilder::default()
    }

    /// Starts a tenant with the default settings; see
    /// [`MockTenantBuilder::start`].
    pub async fn start() -> io::Result<MockTenant> {
        MockTenantBuilder::default().start().await
    }

    /// The tenant API URL, `http://127.0.0.1:PORT`, to give to
    /// [`ClientBuilder::base_url`] (the API versions add `/v2024` and `/beta`).
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The client id the token endpoint accepts.
    pub fn client_id(&self) -> &str {
        &self.shared.settings.client_id
    }

    /// The client secret the token endpoint accepts.
    pub fn client_secret(&self) -> &str {
        &self.shared.settings.client_secret
    }

    /// A client for this tenant using client credentials, with default
    /// settings. It is a clone of one client built at start, so clones share
    /// the connection pool and the token cache, as clones of a [`Client`]
    /// do; use [`client_builder`](Self::client_builder) for a client with
    /// its own token or other settings.
    pub fn client(&self) -> Client {
        self.client.clone()
    }

    /// A [`ClientBuilder`] with this tenant's URL and client credentials, to
    /// add settings (retry policy, timeouts) before building.
    pub fn client_builder(&self) -> ClientBuilder {
        Client::builder()
            .base_url(self.base_url.as_str())
            .client_credentials(self.client_id(), self.client_secret())
    }

    /// Issues an access token directly, as a successful token request would
    /// (with the configured lifetime; not counted in
    /// [`token_requests`](Self::token_requests)), for clients configured with
    /// [`ClientBuilder::bearer_token`].
    pub fn issue_token(&self) -> String {
        self.shared.issue_token().0
    }

    /// Every HTTP request received, token requests and faulted ones
    /// included.
    pub fn requests(&self) -> usize {
        Counters::read(&self.shared.counters.requests)
    }

    /// Requests to `POST /oauth/token`: successful, refused, or answered by
    /// an injected fault.
    pub fn token_requests(&self) -> usize {
        Counters::read(&self.shared.counters.token_requests)
    }

    /// Every set-password request received (either version), including the
    /// ones answered by an injected fault or refused (bad token, bad body).
    /// See [`set_password_applied`](Self::set_password_applied) for the ones
    /// that took effect.
    pub fn set_password_requests(&self) -> usize {
        Counters::read(&self.shared.counters.set_password_requests)
    }

    /// set-password requests that were processed and accepted (answered 202,
    /// or cut by [`Fault::MalformedBody`] after being processed): each
    /// created a password change, which records the password or, when the
    /// policy refuses it, ends `FAILED`. A flow that sets a password once
    /// leaves this at 1 however many 429s it met.
    pub fn set_password_applied(&self) -> usize {
        Counters::read(&self.shared.counters.set_password_applied)
    }

    /// The password last set, and decrypted, for the account `account_id` of
    /// the user `user_name` on the source `source_name`; `None` if none was
    /// set (or only ones the policy refused). The password is recorded when
    /// set-password accepts it, before the status polls report `FINISHED`.
    pub fn password_of(
        &self,
        user_name: &str,
        source_name: &str,
        account_id: &str,
    ) -> Option<String> {
        self.shared.password_of(user_name, source_name, account_id)
    }

    /// The `identityId` of the user `user_name`.
    pub fn identity_id(&self, user_name: &str) -> Option<&str> {
        self.shared
            .directory
            .identity(user_name)
            .map(|i| i.id.as_str())
    }

    /// The `sourceId` of the source `source_name`.
    pub fn source_id(&self, source_name: &str) -> Option<&str> {
        self.shared
            .directory
            .source(source_name)
            .map(|s| s.id.as_str())
    }

    /// Queues `fault` for the next API requests (paths under `/v2024` or
    /// `/beta`; not the token endpoint). [`Fault::ExpireTokens`] acts now.
    pub fn inject(&self, fault: Fault) {
        self.inject_where(fault, None);
    }

    /// Queues `fault` for the next requests whose path contains
    /// `path_filter`, e.g. `"/set-password"`, `"/beta/"` or `"/oauth/token"`
    /// (the token endpoint gets faults only this way).
    pub fn inject_matching(&self, path_filter: &str, fault: Fault) {
        self.inject_where(fault, Some(path_filter.to_owned()));
    }

    fn inject_where(&self, fault: Fault, filter: Option<String>) {
        if fault == Fault::ExpireTokens {
            self.shared.expire_tokens();
        } else {
            self.shared.faults().push(fault, filter);
        }
    }

    /// How many faulted answers are still queued.
    pub fn pending_faults(&self) -> usize {
        self.shared.faults().pending()
    }

    /// Drops every queued fault.
    pub fn clear_faults(&self) {
        self.shared.faults().clear();
    }

    /// Stops the server: no new connections, and open ones close once their
    /// current request is answered. Waits up to 5 seconds for that, then
    /// stops it outright.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(mut task) = self.task.take() {
            if tokio::time::timeout(Duration::from_secs(5), &mut task)
                .await
                .is_err()
            {
                task.abort();
            }
        }
    }
}

impl Drop for MockTenant {
    fn drop(&mut self) {
        // The signal lets open connections finish their request and close;
        // the abort closes the listening socket now.
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}
