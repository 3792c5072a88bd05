//! The one-call password change: query password info, pick the account,
//! encrypt the new password with the source's public key, set it, and poll
//! the change status until it is `FINISHED` or `FAILED` or a deadline passes.
//!
//! ```no_run
//! # async fn run(client: sailpoint_isc::Client) -> Result<(), sailpoint_isc::flow::PasswordChangeError> {
//! use sailpoint_isc::flow::PasswordChange;
//! let change = PasswordChange::new("Abby.Smith", "My-AD", "n3w-Passw0rd!");
//! let done = client.v2024().change_password(&change).await?;
//! println!("request {} finished", done.request_id);
//! # Ok(()) }
//! ```
//!
//! The same `change_password` is on every API line the crate binds:
//! `client.v2024()`, `client.beta()` and the per-resource
//! `client.password_management()` (`/set-password/v1` and so on).
//!
//! set-password is sent once per call: the flow never re-sends it, and the
//! client retries a POST only when the server said it did not process it
//! (429, or 503 with `Retry-After`).

mod versions;

use crate::crypto::{encrypt_password, CryptoError, Password};
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// An account of the identity on the source, as query-password-info lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// `accountId` (for example a distinguished name).
    pub id: Option<String>,
    /// `accountName`.
    pub name: Option<String>,
}

/// Picks one account from a list; `None` when none fits.
pub type AccountPicker = Arc<dyn Fn(&[Account]) -> Option<usize> + Send + Sync>;

/// Which account's password to change.
#[derive(Clone, Default)]
pub enum AccountChoice {
    /// The identity's only account on the source; several is an error that
    /// lists them, so a wrong account is never changed by accident.
    #[default]
    Only,
    /// The account with this `accountId`.
    Id(String),
    /// The account with this `accountName`.
    Name(String),
    /// Your own choice among the accounts.
    Pick(AccountPicker),
}

impl fmt::Debug for AccountChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AccountChoice::Only => f.write_str("Only"),
            AccountChoice::Id(id) => f.debug_tuple("Id").field(id).finish(),
            AccountChoice::Name(n) => f.debug_tuple("Name").field(n).finish(),
            AccountChoice::Pick(_) => f.write_str("Pick(..)"),
        }
    }
}

/// How the change status is polled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PollPolicy {
    /// Wait before the first poll (default 500 ms).
    pub initial: Duration,
    /// Longest wait between polls; waits double up to it (default 5 s).
    pub max_interval: Duration,
    /// Give up after this long since set-password was accepted (default 2 min).
    pub deadline: Duration,
}

impl Default for PollPolicy {
    fn default() -> Self {
        PollPolicy {
            initial: Duration::from_millis(500),
            max_interval: Duration::from_secs(5),
            deadline: Duration::from_secs(120),
        }
    }
}

/// What the flow is doing, for progress output. No variant holds the password.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Step {
    /// query-password-info answered.
    Queried {
        /// Identity id.
        identity_id: String,
        /// Source id.
        source_id: String,
        /// The accounts listed.
        accounts: Vec<Account>,
        /// The password policy lines the source reports.
        policies: Vec<String>,
    },
    /// The account to change was chosen.
    AccountChosen(Account),
    /// The password was encrypted with the source's public key.
    Encrypted {
        /// Id of the key used.
        public_key_id: String,
        /// Length of the base64 ciphertext.
        ciphertext_len: usize,
    },
    /// set-password was accepted.
    Submitted {
        /// The change request's id.
        request_id: String,
    },
    /// A status poll answered.
    Polled {
        /// 1-based poll number.
        poll: u32,
        /// The state reported (`IN_PROGRESS`, `FINISHED`, `FAILED`, …).
        state: String,
    },
}

/// Receives [`Step`]s as the flow goes.
pub type ProgressFn = Arc<dyn Fn(&Step) + Send + Sync>;

/// A password change to make.
#[derive(Clone)]
pub struct PasswordChange {
    user_name: String,
    source_name: String,
    password: Password,
    account: AccountChoice,
    poll: PollPolicy,
    progress: Option<ProgressFn>,
}

impl fmt::Debug for PasswordChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PasswordChange")
            .field("user_name", &self.user_name)
            .field("source_name", &self.source_name)
            .field("password", &self.password)
            .field("account", &self.account)
            .field("poll", &self.poll)
            .finish_non_exhaustive()
    }
}

impl PasswordChange {
    /// Changes the password of `user_name`'s account on the source whose
    /// display name is `source_name`.
    pub fn new(
        user_name: impl Into<String>,
        source_name: impl Into<String>,
        password: impl Into<Password>,
    ) -> Self {
        PasswordChange {
            user_name: user_name.into(),
            source_name: source_name.into(),
            password: password.into(),
            account: AccountChoice::Only,
            poll: PollPolicy::default(),
            progress: None,
        }
    }

    /// Which account to change when the identity has several.
    pub fn with_account(mut self, choice: AccountChoice) -> Self {
        self.account = choice;
        self
    }

    /// How to poll the change status.
    pub fn with_poll(mut self, poll: PollPolicy) -> Self {
        self.poll = poll;
        self
    }

    /// Calls `f` at each step (for progress output).
    pub fn with_progress(mut self, f: impl Fn(&Step) + Send + Sync + 'static) -> Self {
        self.progress = Some(Arc::new(f));
        self
    }

    fn report(&self, step: Step) {
        if let Some(p) = &self.progress {
            p(&step);
        }
    }
}

/// A finished password change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordChangeOutcome {
    /// The change request's id.
    pub request_id: String,
    /// The identity whose password changed.
    pub identity_id: String,
    /// The source.
    pub source_id: String,
    /// The account changed.
    pub account: Account,
    /// Status polls made.
    pub polls: u32,
    /// Source ids the status listed.
    pub source_ids: Vec<String>,
}

/// `Result` of the password change flow.
pub type Result<T, E = PasswordChangeError> = std::result::Result<T, E>;

/// Why a password change did not finish: one of its calls failed (the
/// client's [`Error`](crate::Error), as any call returns it), or the flow
/// itself could not go on.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PasswordChangeError {
    /// A call the flow made failed: query-password-info, set-password or a
    /// status poll.
    #[error(transparent)]
    Call(#[from] crate::Error),
    /// The new password could not be encrypted with the source's key.
    #[error("password encryption failed: {0}")]
    Encrypt(#[from] CryptoError),
    /// The identity has no account on the source.
    #[error("{user_name} has no account on {source_name}")]
    NoAccount {
        /// The user asked for.
        user_name: String,
        /// The source asked for.
        source_name: String,
    },
    /// Several accounts and [`AccountChoice::Only`]: choose one.
    #[error("{} accounts on the source ({}); choose one with AccountChoice", candidates.len(), names(candidates))]
    AmbiguousAccount {
        /// The accounts to choose from.
        candidates: Vec<Account>,
    },
    /// No account matches the choice.
    #[error("no account matches {wanted} (accounts: {})", names(candidates))]
    AccountNotFound {
        /// What was asked for.
        wanted: String,
        /// The accounts there are.
        candidates: Vec<Account>,
    },
    /// query-password-info or set-password left out a field the flow needs.
    #[error("{operation} answered without `{field}`")]
    MissingField {
        /// The operation.
        operation: &'static str,
        /// The field.
        field: &'static str,
    },
    /// The change ended `FAILED`; `errors` is what the server said.
    #[error("password change {request_id} failed: {}", errors.join("; "))]
    Failed {
        /// The change request's id.
        request_id: String,
        /// The server's `errors` list.
        errors: Vec<String>,
    },
    /// The change did not end before the deadline.
    #[error("password change {request_id} still {last_state} after {waited:?}")]
    Deadline {
        /// The change request's id.
        request_id: String,
        /// The last state seen.
        last_state: String,
        /// How long the flow polled.
        waited: Duration,
    },
}

fn names(accounts: &[Account]) -> String {
    let v: Vec<String> = accounts
        .iter()
        .map(|a| {
            a.name
                .clone()
                .or_else(|| a.id.clone())
                .unwrap_or_else(|| "?".to_owned())
        })
        .collect();
    v.join(", ")
}

/// What the flow needs from query-password-info.
pub(crate) struct Info {
    pub identity_id: Option<String>,
    pub source_id: Option<String>,
    pub public_key_id: Option<String>,
    pub public_key: Option<String>,
    pub accounts: Vec<Account>,
    pub policies: Vec<String>,
}

/// What the flow sends to set-password.
pub(crate) struct SetRequest {
    pub identity_id: String,
    pub encrypted_password: String,
    pub public_key_id: String,
    pub account_id: Option<String>,
    pub source_id: String,
}

/// A change status.
pub(crate) struct Status {
    pub state: String,
    pub errors: Vec<String>,
    pub source_ids: Vec<String>,
}

/// The three calls the flow makes, implemented for each API version.
pub(crate) trait Backend {
    async fn query(&self, user_name: &str, source_name: &str) -> crate::Result<Info>;
    async fn set(&self, req: SetRequest) -> crate::Result<(Option<String>, Option<String>)>;
    async fn status(&self, request_id: &str) -> crate::Result<Status>;
}

fn choose(change: &PasswordChange, accounts: &[Account]) -> Result<Account, PasswordChangeError> {
    if accounts.is_empty() {
        return Err(PasswordChangeError::NoAccount {
            user_name: change.user_name.clone(),
            source_name: change.source_name.clone(),
        });
    }
    let not_found = |wanted: String| PasswordChangeError::AccountNotFound {
        wanted,
        candidates: accounts.to_vec(),
    };
    match &change.account {
        AccountChoice::Only if accounts.len() == 1 => Ok(accounts[0].clone()),
        AccountChoice::Only => Err(PasswordChangeError::AmbiguousAccount {
            candidates: accounts.to_vec(),
        }),
        AccountChoice::Id(id) => accounts
            .iter()
            .find(|a| a.id.as_deref() == Some(id))
            .cloned()
            .ok_or_else(|| not_found(format!("accountId {id}"))),
        AccountChoice::Name(n) => accounts
            .iter()
            .find(|a| a.name.as_deref() == Some(n))
            .cloned()
            .ok_or_else(|| not_found(format!("accountName {n}"))),
        AccountChoice::Pick(f) => f(accounts)
            .and_then(|i| accounts.get(i))
            .cloned()
            .ok_or_else(|| not_found("the picker's choice".to_owned())),
    }
}

fn missing(operation: &'static str, field: &'static str) -> PasswordChangeError {
    PasswordChangeError::MissingField { operation, field }
}

/// The flow, once for both versions.
pub(crate) async fn run<B: Backend>(
    backend: &B,
    change: &PasswordChange,
) -> Result<PasswordChangeOutcome> {
    let info = backend
        .query(&change.user_name, &change.source_name)
        .await?;
    let identity_id = info
        .identity_id
        .ok_or_else(|| missing("queryPasswordInfo", "identityId"))?;
    let source_id = info
        .source_id
        .ok_or_else(|| missing("queryPasswordInfo", "sourceId"))?;
    let public_key = info
        .public_key
        .ok_or_else(|| missing("queryPasswordInfo", "publicKey"))?;
    let public_key_id = info
        .public_key_id
        .ok_or_else(|| missing("queryPasswordInfo", "publicKeyId"))?;
    change.report(Step::Queried {
        identity_id: identity_id.clone(),
        source_id: source_id.clone(),
        accounts: info.accounts.clone(),
        policies: info.policies.clone(),
    });
    let account = choose(change, &info.accounts)?;
    change.report(Step::AccountChosen(account.clone()));

    let encrypted_password = encrypt_password(&public_key, &change.password)?;
    change.report(Step::Encrypted {
        public_key_id: public_key_id.clone(),
        ciphertext_len: encrypted_password.len(),
    });

    let (request_id, _state) = backend
        .set(SetRequest {
            identity_id: identity_id.clone(),
            encrypted_password,
            public_key_id,
            account_id: account.id.clone(),
            source_id: source_id.clone(),
        })
        .await?;
    let request_id = request_id.ok_or_else(|| missing("setPassword", "requestId"))?;
    change.report(Step::Submitted {
        request_id: request_id.clone(),
    });

    let (polls, status) = poll(backend, change, &request_id).await?;
    Ok(PasswordChangeOutcome {
        request_id,
        identity_id,
        source_id,
        account,
        polls,
        source_ids: status.source_ids,
    })
}

/// Polls the change status with the waiters' engine ([`crate::wait`]),
/// after `initial`: delays double from `initial` to `max_interval`
/// (without jitter, as this flow always did), until `FINISHED`, `FAILED`
/// or the deadline.
async fn poll<B: Backend>(
    backend: &B,
    change: &PasswordChange,
    request_id: &str,
) -> Result<(u32, Status)> {
    use crate::wait::{self, Jitter, Observation, WaitError, WaitPolicy, PASSWORD_CHANGE};
    let started = tokio::time::Instant::now();
    tokio::time::sleep(change.poll.initial.min(change.poll.deadline)).await;
    let progress = change.progress.clone();
    let plan = wait::Plan {
        job: PASSWORD_CHANGE.name.to_owned(),
        classify: std::sync::Arc::new(|s: &Status| {
            let state = PASSWORD_CHANGE.classify(Some(&s.state));
            let mut seen = Observation::new(state, Some(&s.state));
            seen.messages = s.errors.clone();
            seen
        }),
        policy: WaitPolicy::new(
            change.poll.initial,
            change.poll.max_interval,
            change.poll.deadline.saturating_sub(started.elapsed()),
        ),
        jitter: Jitter::None,
        on_poll: Some(std::sync::Arc::new(move |e: &wait::PollEvent| {
            if let Some(p) = &progress {
                p(&Step::Polled {
                    poll: e.poll,
                    state: e.status.clone().unwrap_or_default(),
                });
            }
        })),
        stages: 1,
    };
    let status = |stage: usize| (stage == 0).then(|| backend.status(request_id));
    match wait::run(status, &plan).await {
        Ok(done) => Ok((done.polls, done.answer)),
        Err(WaitError::Failed { messages, .. }) => Err(PasswordChangeError::Failed {
            request_id: request_id.to_owned(),
            errors: messages,
        }),
        Err(WaitError::Exceeded { last_status, .. }) => Err(PasswordChangeError::Deadline {
            request_id: request_id.to_owned(),
            last_state: last_status.unwrap_or_default(),
            waited: started.elapsed(),
        }),
        Err(WaitError::PollFailed { source, .. } | WaitError::ResultFailed { source, .. }) => {
            Err(PasswordChangeError::Call(source))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn acct(id: &str, name: &str) -> Account {
        Account {
            id: Some(id.into()),
            name: Some(name.into()),
        }
    }

    #[test]
    fn account_choice() {
        let one = [acct("1", "a")];
        let two = [acct("1", "a"), acct("2", "b")];
        let c = PasswordChange::new("u", "s", "pw-12345678");
        assert_eq!(choose(&c, &one).ok(), Some(acct("1", "a")));
        assert!(matches!(
            choose(&c, &two),
            Err(PasswordChangeError::AmbiguousAccount { .. })
        ));
        assert!(matches!(
            choose(&c, &[]),
            Err(PasswordChangeError::NoAccount { .. })
        ));
        let c = c.with_account(AccountChoice::Name("b".into()));
        assert_eq!(choose(&c, &two).ok(), Some(acct("2", "b")));
        let c = c.with_account(AccountChoice::Id("9".into()));
        assert!(matches!(
            choose(&c, &two),
            Err(PasswordChangeError::AccountNotFound { .. })
        ));
        let c = c.with_account(AccountChoice::Pick(Arc::new(|a: &[Account]| {
            Some(a.len() - 1)
        })));
        assert_eq!(choose(&c, &two).ok(), Some(acct("2", "b")));
    }

    #[test]
    fn debug_never_shows_the_password() {
        let c = PasswordChange::new("u", "s", "hunter2-secret");
        assert!(!format!("{c:?}").contains("hunter2"));
    }
}
