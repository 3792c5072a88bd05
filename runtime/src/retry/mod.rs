//! When a failed call is sent again, and how long to wait first: the
//! [`RetryPolicy`] and `Retry-After` parsing.
//!
//! The rules, in order:
//! - `429 Too Many Requests`, and `503 Service Unavailable` with a
//!   `Retry-After` header, mean the server did not process the request, so
//!   every method is retried, a `POST` included.
//! - `502`, `504`, `503` without `Retry-After`, a connection error and a
//!   timeout are ambiguous: the server may have acted on the request. They are
//!   retried only for idempotent methods (`GET`, `HEAD`, `PUT`, `DELETE`,
//!   `OPTIONS`); a `POST` such as set-password is never sent twice after one.
//! - The wait is what `Retry-After` asks (delta-seconds or HTTP-date) when the
//!   server sent one, else exponential backoff with jitter.
//! - A `Retry-After` longer than [`RetryPolicy::max_retry_after`] ends the
//!   call with the typed error instead of a shorter wait: retrying earlier than
//!   the server asked would only earn another 429, and the caller gets the
//!   server's `Retry-After` in [`ApiError::retry_after`](crate::ApiError::retry_after)
//!   to schedule the work itself.
//! - Attempts and total time are bounded; when either runs out the caller gets
//!   the last response as the typed error.
//!
//! In the manner of smithy-rs: [`classify`] turns one outcome into a
//! [`Failure`], [`RetryPolicy::decide`] is the strategy, and [`run`] is the
//! one loop every call takes, API calls and the token endpoint alike.

pub(crate) mod budget;
mod classify;
mod run;

pub(crate) use classify::{is_idempotent, retry_after, Failure};
pub(crate) use run::{run, Attempt, Stopped, Try};

use http::StatusCode;
use std::time::Duration;

/// How failed calls are retried. Build one with [`RetryPolicy::default`] and
/// the `with_*` methods, and hand it to
/// [`ClientBuilder::retry`](crate::ClientBuilder::retry).
///
/// ```
/// use std::time::Duration;
/// use sailpoint_isc::RetryPolicy;
///
/// let policy = RetryPolicy::default()
///     .with_max_attempts(3)
///     .with_max_elapsed(Duration::from_secs(30));
/// assert_eq!(policy.max_attempts(), 3);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    max_elapsed: Duration,
    max_retry_after: Duration,
    backoff_base: Duration,
    backoff_max: Duration,
}

impl Default for RetryPolicy {
    /// 5 attempts within 2 minutes, honouring a `Retry-After` of up to 60 s,
    /// backoff from 500 ms doubling up to 30 s.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 5,
            max_elapsed: Duration::from_secs(120),
            max_retry_after: Duration::from_secs(60),
            backoff_base: Duration::from_millis(500),
            backoff_max: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// Never retry: every call is sent once (a 401 still gets its one
    /// token refresh and replay, which is not a retry of a failure).
    pub fn none() -> Self {
        RetryPolicy::default().with_max_attempts(1)
    }

    /// Sends a call at most `attempts` times in all (at least 1).
    pub fn with_max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// Total time one call may take, attempts and waits included. A retry
    /// whose wait would end past it is not made, and an attempt's timeout is
    /// shortened to what is left of it.
    pub fn with_max_elapsed(mut self, budget: Duration) -> Self {
        self.max_elapsed = budget;
        self
    }

    /// The longest `Retry-After` honoured. When the server asks for more the
    /// call fails at once with the typed error (carrying the server's
    /// `Retry-After`) rather than retrying sooner than asked.
    pub fn with_max_retry_after(mut self, cap: Duration) -> Self {
        self.max_retry_after = cap;
        self
    }

    /// The first backoff wait when the server gave no `Retry-After`; each
    /// further retry doubles it, up to [`with_backoff_max`](Self::with_backoff_max).
    pub fn with_backoff_base(mut self, base: Duration) -> Self {
        self.backoff_base = base;
        self
    }

    /// The longest single backoff wait.
    pub fn with_backoff_max(mut self, max: Duration) -> Self {
        self.backoff_max = max;
        self
    }

    /// Most times one call is sent.
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// Total time budget of one call.
    pub fn max_elapsed(&self) -> Duration {
        self.max_elapsed
    }

    /// Longest `Retry-After` honoured.
    pub fn max_retry_after(&self) -> Duration {
        self.max_retry_after
    }

    /// First backoff wait.
    pub fn backoff_base(&self) -> Duration {
        self.backoff_base
    }

    /// Longest backoff wait.
    pub fn backoff_max(&self) -> Duration {
        self.backoff_max
    }

    /// Whether to send again after `failure`, the `attempts`-th send, with
    /// `elapsed` spent so far. `jitter` is a number in `[0, 1)` (random in
    /// use; fixed in tests) that spreads backoff waits.
    pub(crate) fn decide(
        &self,
        idempotent: bool,
        failure: &Failure,
        attempts: u32,
        elapsed: Duration,
        jitter: f64,
    ) -> Decision {
        let (retryable, asked) = match *failure {
            // The server says it did not process the request: safe for any method.
            Failure::Status {
                status: StatusCode::TOO_MANY_REQUESTS,
                retry_after,
            } => (true, retry_after),
            Failure::Status {
                status: StatusCode::SERVICE_UNAVAILABLE,
                retry_after: Some(wait),
            } => (true, Some(wait)),
            // Ambiguous: the request may have been acted on.
            Failure::Status {
                status:
                    StatusCode::BAD_GATEWAY
                    | StatusCode::SERVICE_UNAVAILABLE
                    | StatusCode::GATEWAY_TIMEOUT,
                retry_after,
            } => (idempotent, retry_after),
            Failure::Status { .. } => (false, None),
            Failure::Transport => (idempotent, None),
        };
        if !retryable {
            return Decision::Stop(StopReason::NotRetryable);
        }
        if attempts >= self.max_attempts {
            return Decision::Stop(StopReason::AttemptsExhausted);
        }
        let (wait, reason) = match asked {
            Some(wait) if wait > self.max_retry_after => {
                return Decision::Stop(StopReason::RetryAfterOverCap)
            }
            Some(wait) => (wait, WaitReason::RetryAfter),
            None => (self.backoff(attempts, jitter), WaitReason::Backoff),
        };
        if elapsed.saturating_add(wait) >= self.max_elapsed {
            return Decision::Stop(StopReason::BudgetExhausted);
        }
        Decision::Retry { wait, reason }
    }

    /// "Equal jitter" backoff after the `attempts`-th send: half of
    /// `base * 2^(attempts-1)` (capped) plus a random part of the other half,
    /// so waits grow but concurrent clients do not retry in lockstep.
    fn backoff(&self, attempts: u32, jitter: f64) -> Duration {
        let exp = attempts.saturating_sub(1).min(31);
        let full = self
            .backoff_base
            .saturating_mul(1u32 << exp)
            .min(self.backoff_max);
        let half = full / 2;
        half + half.mul_f64(jitter.clamp(0.0, 1.0))
    }
}

/// The outcome of [`RetryPolicy::decide`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Decision {
    Retry { wait: Duration, reason: WaitReason },
    Stop(StopReason),
}

/// Why a retry waits as long as it does (a tracing field).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WaitReason {
    RetryAfter,
    Backoff,
}

impl WaitReason {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            WaitReason::RetryAfter => "retry-after",
            WaitReason::Backoff => "backoff",
        }
    }
}

/// Why a failure is final (a tracing field).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StopReason {
    NotRetryable,
    AttemptsExhausted,
    RetryAfterOverCap,
    BudgetExhausted,
}

impl StopReason {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            StopReason::NotRetryable => "not retryable",
            StopReason::AttemptsExhausted => "attempts exhausted",
            StopReason::RetryAfterOverCap => "retry-after over the configured maximum",
            StopReason::BudgetExhausted => "time budget exhausted",
        }
    }
}

/// A random number in `[0, 1)` for [`RetryPolicy::decide`].
pub(crate) fn jitter() -> f64 {
    rand::random::<f64>()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(code: u16, retry_after: Option<u64>) -> Failure {
        Failure::Status {
            status: StatusCode::from_u16(code).unwrap_or(StatusCode::IM_A_TEAPOT),
            retry_after: retry_after.map(Duration::from_secs),
        }
    }

    const POST: bool = false;
    const GET: bool = true;

    #[test]
    fn post_is_retried_only_when_the_server_did_not_process_it() {
        let p = RetryPolicy::default();
        let z = Duration::ZERO;
        for f in [
            status(429, None),
            status(429, Some(1)),
            status(503, Some(1)),
        ] {
            assert!(matches!(
                p.decide(POST, &f, 1, z, 0.0),
                Decision::Retry { .. }
            ));
        }
        for f in [
            status(502, None),
            status(503, None),
            status(504, Some(1)),
            Failure::Transport,
            status(500, None),
            status(400, None),
        ] {
            assert_eq!(
                p.decide(POST, &f, 1, z, 0.0),
                Decision::Stop(StopReason::NotRetryable),
                "{f:?}"
            );
        }
    }

    #[test]
    fn get_is_retried_after_ambiguous_failures() {
        let p = RetryPolicy::default();
        let z = Duration::ZERO;
        for f in [
            status(502, None),
            status(503, None),
            status(504, None),
            Failure::Transport,
        ] {
            assert!(matches!(
                p.decide(GET, &f, 1, z, 0.0),
                Decision::Retry {
                    reason: WaitReason::Backoff,
                    ..
                }
            ));
        }
        for f in [status(500, None), status(404, None), status(401, None)] {
            assert_eq!(
                p.decide(GET, &f, 1, z, 0.0),
                Decision::Stop(StopReason::NotRetryable)
            );
        }
    }

    #[test]
    fn retry_after_is_honoured_up_to_the_cap() {
        let p = RetryPolicy::default().with_max_retry_after(Duration::from_secs(10));
        let z = Duration::ZERO;
        assert_eq!(
            p.decide(POST, &status(429, Some(10)), 1, z, 0.5),
            Decision::Retry {
                wait: Duration::from_secs(10),
                reason: WaitReason::RetryAfter
            }
        );
        assert_eq!(
            p.decide(POST, &status(429, Some(11)), 1, z, 0.5),
            Decision::Stop(StopReason::RetryAfterOverCap)
        );
    }

    #[test]
    fn attempts_and_budget_are_bounded() {
        let p = RetryPolicy::default()
            .with_max_attempts(3)
            .with_max_elapsed(Duration::from_secs(10));
        let f = status(429, Some(2));
        assert!(matches!(
            p.decide(GET, &f, 2, Duration::ZERO, 0.0),
            Decision::Retry { .. }
        ));
        assert_eq!(
            p.decide(GET, &f, 3, Duration::ZERO, 0.0),
            Decision::Stop(StopReason::AttemptsExhausted)
        );
        assert_eq!(
            p.decide(GET, &f, 1, Duration::from_secs(8), 0.0),
            Decision::Stop(StopReason::BudgetExhausted)
        );
        assert_eq!(RetryPolicy::none().max_attempts(), 1);
        assert_eq!(
            RetryPolicy::default().with_max_attempts(0).max_attempts(),
            1
        );
    }

    #[test]
    fn backoff_doubles_with_jitter_and_is_capped() {
        let p = RetryPolicy::default()
            .with_backoff_base(Duration::from_millis(100))
            .with_backoff_max(Duration::from_millis(1000));
        assert_eq!(p.backoff(1, 0.0), Duration::from_millis(50));
        assert_eq!(p.backoff(1, 0.5), Duration::from_millis(75));
        assert_eq!(p.backoff(2, 0.0), Duration::from_millis(100));
        assert_eq!(p.backoff(3, 0.5), Duration::from_millis(300));
        assert_eq!(p.backoff(10, 0.0), Duration::from_millis(500));
        assert_eq!(p.backoff(u32::MAX, 1.0), Duration::from_millis(1000));
    }
}
