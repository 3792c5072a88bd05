//! Client-side rate limiting: ISC allows 100 requests per `client_id` per
//! API version per 10 seconds and answers 429 beyond it. Every client with
//! the same key, the clones of one client and separately built clients
//! alike, sends through one shared [`Window`] per key, so a thousand tasks
//! queue on the client instead of collecting 429s from the tenant.
//!
//! The key is `(tenant URL, client id, API line)`, where the API line is
//! the operation's version path (`/v2024`, `/beta`; for a hand-written
//! [`Request`](crate::Request) or a per-resource path, the first version
//! segment of its path). A client whose tokens come from
//! [`bearer_token`](crate::ClientBuilder::bearer_token) or a
//! [`TokenSource`](crate::TokenSource) has no client id the runtime can
//! see: all such clients of a tenant share the key `(tenant URL, none, API
//! line)`, which may hold back two different tokens more than needed but
//! never lets them exceed the limit together. The settings are part of
//! the key: a client configured with another [`RateLimit`] or
//! [`RetryBudget`] gets its own window and budget.
//!
//! One 429 pauses the whole key for its `Retry-After`; the token endpoint's
//! requests count against the key of the call that needed the token;
//! [`operations`] adds the per-operation limits the specs state.

mod operations;
mod registry;
mod window;

pub(crate) use window::Window;

use crate::request::Target;
use crate::retry::budget::{Bucket, RetryBudget};
use registry::{Registry, SharedKey, WindowKey};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// How fast a client may send, counted per key (see the crate's "Bulk work
/// and rate limits"). Hand one to
/// [`ClientBuilder::rate_limit`](crate::ClientBuilder::rate_limit).
///
/// The default is ISC's documented limit, 100 requests per 10 seconds,
/// with the per-operation limits the specs state applied on top (listing
/// form instances 50 per 10 s per tenant, testing a workflow 5 per 10 s).
///
/// ```
/// use std::time::Duration;
/// use sailpoint_isc::RateLimit;
///
/// let default = RateLimit::default();
/// assert_eq!((default.requests(), default.window()), (100, Duration::from_secs(10)));
/// // Leave room for another tool using the same client id.
/// let half = RateLimit::per(50, Duration::from_secs(10));
/// assert!(half.is_enabled() && !RateLimit::off().is_enabled());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RateLimit {
    requests: u32,
    window: Duration,
    enabled: bool,
    operation_limits: bool,
}

impl Default for RateLimit {
    fn default() -> Self {
        RateLimit::per(100, Duration::from_secs(10))
    }
}

impl RateLimit {
    /// At most `requests` (at least 1) in any `window`.
    pub fn per(requests: u32, window: Duration) -> Self {
        RateLimit {
            requests: requests.max(1),
            window,
            enabled: true,
            operation_limits: true,
        }
    }

    /// No client-side limit: calls are sent as soon as they are made, and
    /// a 429 delays only the call that got it (the retry policy's
    /// `Retry-After` wait).
    pub fn off() -> Self {
        RateLimit {
            enabled: false,
            ..RateLimit::default()
        }
    }

    /// Whether the per-operation limits apply too (default `true`).
    pub fn with_operation_limits(mut self, apply: bool) -> Self {
        self.operation_limits = apply;
        self
    }

    /// Requests allowed per window.
    pub fn requests(&self) -> u32 {
        self.requests
    }

    /// The window.
    pub fn window(&self) -> Duration {
        self.window
    }

    /// Whether calls are limited at all.
    pub fn is_enabled(&self) -> bool {
        self.enabled
    }

    /// Whether the per-operation limits apply.
    pub fn operation_limits(&self) -> bool {
        self.enabled && self.operation_limits
    }
}

/// What one key shares: its window (none when limiting is off) and its
/// retry budget.
#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) window: Option<Window>,
    pub(crate) budget: Bucket,
}

static SHARED: Registry<SharedKey, Shared> = Registry::new();
static OPERATIONS: Registry<WindowKey, Window> = Registry::new();

/// A client's limits: its part of the key and the shared state it has
/// looked up so far (held here, so the registry keeps it while the client
/// lives).
pub(crate) struct Limits {
    tenant: String,
    client_id: Option<String>,
    rate: RateLimit,
    budget: RetryBudget,
    /// By API line.
    lines: Mutex<HashMap<&'static str, Arc<Shared>>>,
    /// By `(operationId, API line)`; `None` for the many without a limit
    /// of their own, so each is looked up in the table once.
    operations: Mutex<HashMap<OperationKey, Option<Arc<Window>>>>,
}

/// `(operationId, API line)`.
type OperationKey = (&'static str, &'static str);

/// The limits one call sends under.
pub(crate) struct CallLimits {
    pub(crate) shared: Arc<Shared>,
    pub(crate) operation: Option<Arc<Window>>,
}

impl CallLimits {
    /// Waits until this call may send once more.
    pub(crate) async fn acquire(&self) {
        // The operation's own (stricter) limit first, so a call queued on
        // it takes no place in the line's window meanwhile.
        if let Some(op) = &self.operation {
            op.acquire().await;
        }
        if let Some(w) = &self.shared.window {
            w.acquire().await;
        }
    }

    /// Whether sending waits for anything.
    pub(crate) fn limits_rate(&self) -> bool {
        self.operation.is_some() || self.shared.window.is_some()
    }

    /// After a 429: no caller of the key (nor of the operation) sends
    /// for `wait`.
    pub(crate) fn pause(&self, wait: Duration) {
        if let Some(op) = &self.operation {
            op.pause(wait);
        }
        if let Some(w) = &self.shared.window {
            w.pause(wait);
        }
    }
}

tokio::task_local! {
    /// The line window of the call that is getting a token, so that the
    /// token request counts against it.
    pub(crate) static TOKEN_WINDOW: Arc<Shared>;
}

/// Waits for a place for a token request in the window of the call that
/// asked for the token, if any.
pub(crate) async fn acquire_for_token() {
    if let Ok(shared) = TOKEN_WINDOW.try_with(Arc::clone) {
        if let Some(w) = &shared.window {
            w.acquire().await;
        }
    }
}

/// After the token endpoint answered 429: pauses that same window.
pub(crate) fn pause_for_token(wait: Duration) {
    let _ = TOKEN_WINDOW.try_with(|shared| {
        if let Some(w) = &shared.window {
            w.pause(wait);
        }
    });
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // Plain lists updated in one step: a panic cannot leave them half-written.
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Limits {
    pub(crate) fn new(
        tenant: String,
        client_id: Option<String>,
        rate: RateLimit,
        budget: RetryBudget,
    ) -> Self {
        Limits {
            tenant,
            client_id,
            rate,
            budget,
            lines: Mutex::new(HashMap::new()),
            operations: Mutex::new(HashMap::new()),
        }
    }

    /// The shared state of `target`'s key, looked up once per line.
    pub(crate) fn for_call(&self, target: &Target) -> CallLimits {
        let line = api_line(target);
        let shared = self.line(line);
        let operation = if self.rate.operation_limits() {
            self.operation(target.id, line)
        } else {
            None
        };
        CallLimits { shared, operation }
    }

    fn line(&self, line: &'static str) -> Arc<Shared> {
        let mut lines = lock(&self.lines);
        if let Some(s) = lines.get(line) {
            return Arc::clone(s);
        }
        let key = SharedKey {
            tenant: self.tenant.clone(),
            client_id: self.client_id.clone(),
            line: line.to_owned(),
            rate: self.rate,
            budget: self.budget,
        };
        let (rate, budget) = (self.rate, self.budget);
        let shared = SHARED.get_or_insert(key, || Shared {
            window: rate
                .is_enabled()
                .then(|| Window::new(rate.requests, rate.window)),
            budget: Bucket::new(budget),
        });
        lines.insert(line, Arc::clone(&shared));
        shared
    }

    fn operation(&self, id: &'static str, line: &'static str) -> Option<Arc<Window>> {
        let mut ops = lock(&self.operations);
        if let Some(w) = ops.get(&(id, line)) {
            return w.clone();
        }
        let window = operations::operation_limit(id, line).map(|limit| {
            let key = WindowKey {
                tenant: self.tenant.clone(),
                line: line.to_owned(),
                operation: id,
            };
            OPERATIONS.get_or_insert(key, || Window::new(limit.requests, limit.window))
        });
        ops.insert((id, line), window.clone());
        window
    }
}

/// The API line of a call: the operation's version path, else the first
/// segment of its path that names a version (`/v2024/...` of a
/// hand-written request, `/query-password-info/v1`), else `""`.
fn api_line(target: &Target) -> &'static str {
    if !target.base_path.is_empty() {
        return target.base_path;
    }
    let path = target.path;
    let mut start = 0;
    for segment in path.split('/') {
        let end = start + segment.len();
        if is_version(segment) {
            // Include the slash before the segment.
            return &path[start.saturating_sub(1)..end];
        }
        start = end + 1;
    }
    ""
}

/// `beta`, or `v` and digits.
pub(crate) fn is_version(segment: &str) -> bool {
    segment == "beta"
        || segment
            .strip_prefix('v')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::Method;
    use std::borrow::Cow;

    fn target(base_path: &'static str, path: &'static str) -> Target {
        Target {
            id: "x",
            method: Method::GET,
            base_path,
            path,
            errors: Cow::Borrowed(&[]),
        }
    }

    #[test]
    fn the_api_line_is_the_version_path() {
        assert_eq!(api_line(&target("/v2024", "/accounts")), "/v2024");
        assert_eq!(api_line(&target("", "/beta/workflows/{id}/test")), "/beta");
        assert_eq!(api_line(&target("", "/query-password-info/v1")), "/v1");
        assert_eq!(api_line(&target("", "/oauth/info")), "");
    }
}
