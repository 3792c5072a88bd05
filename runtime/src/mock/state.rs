//! What the mock tenant remembers while it runs (tokens, password change
//! requests, the passwords set, counters) and the four operations' logic,
//! independent of the API version and of HTTP.

use super::directory::{self, Directory, Source};
use super::faults::FaultQueue;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use http::StatusCode;
use rand::Rng as _;
use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};
use zeroize::Zeroizing;

/// A user-supplied password rule.
pub(super) type PasswordCheck = dyn Fn(&str) -> Result<(), String> + Send + Sync;

/// The password policy every source applies.
#[derive(Clone, Default)]
pub(super) struct Policy {
    /// Least number of characters (Unicode scalar values); 0 for none.
    pub(super) min_length: usize,
    pub(super) checks: Vec<Arc<PasswordCheck>>,
}

impl fmt::Debug for Policy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Policy")
            .field("min_length", &self.min_length)
            .field("checks", &self.checks.len())
            .finish()
    }
}

impl Policy {
    /// The constraints as query-password-info lists them.
    fn describe(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.min_length > 0 {
            out.push(format!("passwordMinLength is {}", self.min_length));
        }
        out
    }

    /// Every rule `password` breaks, as messages.
    fn violations(&self, password: &str) -> Vec<String> {
        let mut out = Vec::new();
        if password.chars().count() < self.min_length {
            out.push(format!(
                "The password must be at least {} characters long",
                self.min_length
            ));
        }
        out.extend(self.checks.iter().filter_map(|check| check(password).err()));
        out
    }
}

pub(super) struct Settings {
    pub(super) token_lifetime: Duration,
    pub(super) in_progress_polls: u32,
    pub(super) policy: Policy,
    pub(super) client_id: String,
    pub(super) client_secret: Zeroizing<String>,
}

impl fmt::Debug for Settings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Settings")
            .field("token_lifetime", &self.token_lifetime)
            .field("in_progress_polls", &self.in_progress_polls)
            .field("policy", &self.policy)
            .field("client_id", &self.client_id)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Default)]
pub(super) struct Counters {
    pub(super) requests: AtomicUsize,
    pub(super) token_requests: AtomicUsize,
    pub(super) set_password_requests: AtomicUsize,
    pub(super) set_password_applied: AtomicUsize,
}

impl Counters {
    pub(super) fn bump(counter: &AtomicUsize) {
        counter.fetch_add(1, Ordering::Relaxed);
    }

    pub(super) fn read(counter: &AtomicUsize) -> usize {
        counter.load(Ordering::Relaxed)
    }
}

/// Everything the server's handlers share.
#[derive(Debug)]
pub(super) struct Shared {
    pub(super) settings: Settings,
    pub(super) directory: Directory,
    pub(super) counters: Counters,
    faults: Mutex<FaultQueue>,
    live: Mutex<Live>,
}

#[derive(Debug, Default)]
struct Live {
    /// Issued tokens and when each expires.
    tokens: HashMap<String, Instant>,
    changes: HashMap<String, Change>,
    /// The passwords set, by (user name, source name, account id).
    passwords: HashMap<(String, String, String), Zeroizing<String>>,
}

#[derive(Debug)]
struct Change {
    source_id: String,
    polls: u32,
    /// The policy messages when the change is to end `FAILED`.
    errors: Vec<String>,
}

/// An error answer: the status and the text of its `ErrorResponseDto`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Failure {
    pub(super) status: StatusCode,
    pub(super) text: String,
}

fn bad_request(text: impl Into<String>) -> Failure {
    Failure {
        status: StatusCode::BAD_REQUEST,
        text: text.into(),
    }
}

fn not_found(text: impl Into<String>) -> Failure {
    Failure {
        status: StatusCode::NOT_FOUND,
        text: text.into(),
    }
}

/// query-password-info's input, whichever version decoded it.
#[derive(Debug)]
pub(super) struct QueryIn {
    pub(super) user_name: Option<String>,
    pub(super) source_name: Option<String>,
}

#[derive(Debug)]
pub(super) struct InfoOut {
    pub(super) identity_id: String,
    pub(super) source_id: String,
    pub(super) public_key_id: String,
    pub(super) public_key: String,
    /// (account id, account name)
    pub(super) accounts: Vec<(String, String)>,
    pub(super) policies: Vec<String>,
}

#[derive(Debug)]
pub(super) struct ChangeIn {
    pub(super) identity_id: Option<String>,
    pub(super) encrypted_password: Option<String>,
    pub(super) public_key_id: Option<String>,
    pub(super) account_id: Option<String>,
    pub(super) source_id: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ChangeState {
    InProgress,
    Finished,
    Failed,
}

#[derive(Debug)]
pub(super) struct StatusOut {
    pub(super) request_id: String,
    pub(super) state: ChangeState,
    pub(super) errors: Vec<String>,
    pub(super) source_ids: Vec<String>,
}

#[derive(Debug)]
pub(super) struct DigitIn {
    pub(super) user_id: String,
    pub(super) length: Option<i64>,
    pub(super) duration_minutes: Option<i64>,
}

#[derive(Debug)]
pub(super) struct DigitOut {
    pub(super) digit_token: String,
    pub(super) request_id: String,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // Every update is a single map operation: a panic elsewhere cannot leave
    // the state half-written, so poisoning is ignored.
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    pub(super) fn new(settings: Settings, directory: Directory) -> Self {
        Shared {
            settings,
            directory,
            counters: Counters::default(),
            faults: Mutex::new(FaultQueue::default()),
            live: Mutex::new(Live::default()),
        }
    }

    pub(super) fn faults(&self) -> MutexGuard<'_, FaultQueue> {
        lock(&self.faults)
    }

    /// Issues a token; returns it and `expires_in` (the lifetime in whole
    /// seconds, rounded up).
    pub(super) fn issue_token(&self) -> (String, u64) {
        let lifetime = self.settings.token_lifetime;
        let token = directory::hex_id() + &directory::hex_id();
        let now = Instant::now();
        let mut live = lock(&self.live);
        // Forget tokens that expired long ago, so a long test run does not
        // grow the map without bound (an unknown token is refused the same).
        live.tokens.retain(|_, expires| {
            now.saturating_duration_since(*expires) < lifetime.max(Duration::from_secs(60))
        });
        live.tokens.insert(token.clone(), now + lifetime);
        let secs = lifetime.as_secs() + u64::from(lifetime.subsec_nanos() > 0);
        (token, secs)
    }

    pub(super) fn token_is_valid(&self, token: &str) -> bool {
        lock(&self.live)
            .tokens
            .get(token)
            .is_some_and(|expires| Instant::now() < *expires)
    }

    pub(super) fn expire_tokens(&self) {
        let now = Instant::now();
        for expires in lock(&self.live).tokens.values_mut() {
            *expires = now;
        }
    }

    pub(super) fn password_of(&self, user: &str, source: &str, account_id: &str) -> Option<String> {
        let key = (user.to_owned(), source.to_owned(), account_id.to_owned());
        lock(&self.live)
            .passwords
            .get(&key)
            .map(|p| p.as_str().to_owned())
    }

    /// query-password-info.
    pub(super) async fn query_info(&self, q: QueryIn) -> Result<InfoOut, Failure> {
        let user = q
            .user_name
            .ok_or_else(|| bad_request("userName is required"))?;
        let source_name = q
            .source_name
            .ok_or_else(|| bad_request("sourceName is required"))?;
        let identity = self
            .directory
            .identity(&user)
            .ok_or_else(|| not_found(format!("Identity with user name '{user}' not found")))?;
        let source = self
            .directory
            .source(&source_name)
            .ok_or_else(|| not_found(format!("Source '{source_name}' not found")))?;
        let accounts = identity.accounts.get(&source_name).ok_or_else(|| {
            not_found(format!(
                "Identity '{user}' has no account on source '{source_name}'"
            ))
        })?;
        let key = directory::key_pair(source).await.map_err(internal)?;
        Ok(InfoOut {
            identity_id: identity.id.clone(),
            source_id: source.id.clone(),
            public_key_id: source.public_key_id.clone(),
            public_key: key.public_key.clone(),
            accounts: accounts
                .iter()
                .map(|a| (a.id.clone(), a.name.clone()))
                .collect(),
            policies: self.settings.policy.describe(),
        })
    }

    /// set-password: decrypts, checks the policy, records the password when
    /// it passes, and returns the new change request's id. A policy failure
    /// is not an error here: the change is accepted and ends `FAILED`.
    pub(super) async fn set_password(&self, r: ChangeIn) -> Result<String, Failure> {
        let required = |v: Option<String>, name: &str| {
            v.filter(|v| !v.is_empty())
                .ok_or_else(|| bad_request(format!("{name} is required")))
        };
        let encrypted = required(r.encrypted_password, "encryptedPassword")?;
        let key_id = required(r.public_key_id, "publicKeyId")?;
        let account_id = required(r.account_id, "accountId")?;
        let source = self
            .directory
            .source_by_key_id(&key_id)
            .ok_or_else(|| bad_request(format!("publicKeyId '{key_id}' is not a known key")))?;
        if let Some(source_id) = r.source_id.filter(|s| *s != source.id) {
            return Err(bad_request(format!(
                "sourceId '{source_id}' is not the source of publicKeyId '{key_id}'"
            )));
        }
        let identity = match &r.identity_id {
            Some(id) => {
                let identity = self.directory.identity_by_id(id).ok_or_else(|| {
                    bad_request(format!("identityId '{id}' is not a known identity"))
                })?;
                let owns = identity
                    .accounts
                    .get(&source.name)
                    .is_some_and(|accounts| accounts.iter().any(|a| a.id == account_id));
                if !owns {
                    return Err(bad_request(format!(
                        "Identity '{id}' has no account '{account_id}' on source '{}'",
                        source.name
                    )));
                }
                identity
            }
            None => self
                .directory
                .owner_of(&source.name, &account_id)
                .ok_or_else(|| {
                    bad_request(format!(
                        "No account '{account_id}' on source '{}'",
                        source.name
                    ))
                })?,
        };
        let password = decrypt(source, &key_id, &encrypted).await?;
        let errors = self.settings.policy.violations(&password);
        let request_id = directory::hex_id();
        let mut live = lock(&self.live);
        if errors.is_empty() {
            let key = (identity.user_name.clone(), source.name.clone(), account_id);
            live.passwords.insert(key, password);
        }
        live.changes.insert(
            request_id.clone(),
            Change {
                source_id: source.id.clone(),
                polls: 0,
                errors,
            },
        );
        Counters::bump(&self.counters.set_password_applied);
        Ok(request_id)
    }

    /// get-password-change-status: `IN_PROGRESS` for the configured number
    /// of polls, then the final state.
    pub(super) fn poll_status(&self, id: &str) -> Result<StatusOut, Failure> {
        let mut live = lock(&self.live);
        let change = live
            .changes
            .get_mut(id)
            .ok_or_else(|| not_found(format!("Password change request '{id}' not found")))?;
        let (state, errors) = if change.polls < self.settings.in_progress_polls {
            change.polls += 1;
            (ChangeState::InProgress, Vec::new())
        } else if change.errors.is_empty() {
            (ChangeState::Finished, Vec::new())
        } else {
            (ChangeState::Failed, change.errors.clone())
        };
        Ok(StatusOut {
            request_id: id.to_owned(),
            state,
            errors,
            source_ids: vec![change.source_id.clone()],
        })
    }

    /// create-digit-token.
    pub(super) fn digit_token(&self, r: DigitIn) -> Result<DigitOut, Failure> {
        let length = r.length.unwrap_or(6);
        if !(6..=18).contains(&length) {
            return Err(bad_request(format!(
                "length must be from 6 to 18, inclusive; got {length}"
            )));
        }
        if let Some(minutes) = r.duration_minutes.filter(|m| *m <= 0) {
            return Err(bad_request(format!(
                "durationMinutes must be positive; got {minutes}"
            )));
        }
        if self.directory.identity(&r.user_id).is_none() {
            return Err(not_found(format!(
                "Identity with user name '{}' not found",
                r.user_id
            )));
        }
        let mut rng = rand::thread_rng();
        let digit_token = (0..length)
            .map(|_| char::from(b'0' + rng.gen_range(0..10u8)))
            .collect();
        Ok(DigitOut {
            digit_token,
            request_id: directory::uuid(),
        })
    }
}

fn internal(text: String) -> Failure {
    Failure {
        status: StatusCode::INTERNAL_SERVER_ERROR,
        text,
    }
}

/// Decrypts set-password's `encryptedPassword` with the source's key.
async fn decrypt(
    source: &Arc<Source>,
    key_id: &str,
    encrypted: &str,
) -> Result<Zeroizing<String>, Failure> {
    let undecryptable = || {
        bad_request(format!(
            "encryptedPassword could not be decrypted with the key '{key_id}'"
        ))
    };
    let compact: String = encrypted.split_whitespace().collect();
    let ciphertext = STANDARD
        .decode(compact)
        .map_err(|_| bad_request("encryptedPassword is not valid base64"))?;
    let key = directory::key_pair(source).await.map_err(internal)?;
    let plain = key.decrypt(&ciphertext).ok_or_else(undecryptable)?;
    let text = std::str::from_utf8(&plain).map_err(|_| undecryptable())?;
    Ok(Zeroizing::new(text.to_owned()))
}
