//! The one retry loop: every API call and every token request goes through
//! [`run`]. An attempt reports how it ended, the policy decides, the loop
//! waits or stops; what an attempt does is the caller's.

use super::budget::Bucket;
use super::{Decision, Failure, RetryPolicy, StopReason};
use std::future::Future;
use std::time::{Duration, Instant};

/// What the loop tells an attempt.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Try {
    /// This send's number, from 1, replays included.
    pub(crate) sends: u32,
    /// Time spent so far.
    pub(crate) elapsed: Duration,
    /// What is left of the policy's total time budget.
    pub(crate) time_left: Duration,
    /// Whether this attempt may ask for a [`Attempt::Replay`].
    pub(crate) may_replay: bool,
}

/// How one attempt ended.
pub(crate) enum Attempt<T, E> {
    /// Success: the loop returns `T`.
    Done(T),
    /// A failure, with what the policy judges; `None` ends the loop at once.
    Failed(E, Option<Failure>),
    /// Send again now, without counting an attempt or waiting: the one
    /// replay after a 401 with a fresh token, which is not a retry of a
    /// failure. Granted once per call.
    Replay,
}

/// The failure a call ended with, and how many sends it took.
pub(crate) struct Stopped<E> {
    pub(crate) error: E,
    pub(crate) sends: u32,
    pub(crate) elapsed: Duration,
    /// The policy would have retried, but the retry budget had too few
    /// tokens left.
    pub(crate) budget_spent: bool,
}

/// Runs `attempt` until it succeeds or `policy` says to stop. The loop is
/// bounded: every turn but the one replay counts towards
/// [`RetryPolicy::max_attempts`]. With a `budget`, each retry spends from
/// it first and a success gives back; a retry it cannot pay for is not
/// made.
pub(crate) async fn run<T, E, F, Fut>(
    policy: &RetryPolicy,
    idempotent: bool,
    budget: Option<&Bucket>,
    mut attempt: F,
) -> Result<T, Stopped<E>>
where
    F: FnMut(Try) -> Fut,
    Fut: Future<Output = Attempt<T, E>>,
{
    let started = Instant::now();
    let mut sends = 0u32;
    let mut counted = 0u32;
    let mut may_replay = true;
    let mut spent = 0u32;
    loop {
        sends += 1;
        let elapsed = started.elapsed();
        let now = Try {
            sends,
            elapsed,
            time_left: policy.max_elapsed().saturating_sub(elapsed),
            may_replay,
        };
        let (error, failure) = match attempt(now).await {
            Attempt::Done(value) => {
                if let Some(b) = budget {
                    b.on_success(spent);
                }
                return Ok(value);
            }
            Attempt::Replay if may_replay => {
                may_replay = false;
                continue;
            }
            // An attempt that asks twice is treated as a plain failure.
            Attempt::Replay => {
                counted += 1;
                continue;
            }
            Attempt::Failed(error, failure) => (error, failure),
        };
        counted += 1;
        let elapsed = started.elapsed();
        let decision = match &failure {
            Some(f) => policy.decide(idempotent, f, counted, elapsed, super::jitter()),
            None => Decision::Stop(StopReason::NotRetryable),
        };
        let status = failure.as_ref().map_or(0, Failure::status_code);
        match decision {
            Decision::Retry { wait, reason } => {
                if let Some(b) = budget {
                    let cost = b.cost(matches!(failure, Some(Failure::Transport)));
                    if !b.try_spend(cost) {
                        tracing::info!(
                            attempt = sends,
                            status,
                            tokens_left = b.available(),
                            "not retrying: the retry budget is spent"
                        );
                        return Err(Stopped {
                            error,
                            sends,
                            elapsed,
                            budget_spent: true,
                        });
                    }
                    spent = spent.saturating_add(cost);
                }
                tracing::info!(
                    attempt = sends,
                    status,
                    wait_ms = wait.as_millis() as u64,
                    wait_reason = reason.as_str(),
                    "retrying"
                );
                tokio::time::sleep(wait).await;
            }
            Decision::Stop(why) => {
                tracing::debug!(attempt = sends, status, reason = why.as_str(), "giving up");
                return Err(Stopped {
                    error,
                    sends,
                    elapsed,
                    budget_spent: false,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::StatusCode;
    use std::cell::Cell;

    fn unavailable() -> Option<Failure> {
        Some(Failure::Status {
            status: StatusCode::SERVICE_UNAVAILABLE,
            retry_after: Some(Duration::ZERO),
        })
    }

    #[tokio::test]
    async fn retries_until_the_policy_stops_and_replays_once() {
        let policy = RetryPolicy::default().with_max_attempts(3);
        let calls = Cell::new(0u32);
        let out: Result<(), _> = run(&policy, false, None, |t| {
            calls.set(calls.get() + 1);
            async move {
                if t.may_replay {
                    Attempt::Replay
                } else {
                    Attempt::Failed(t.sends, unavailable())
                }
            }
        })
        .await;
        let stopped = out.expect_err("stops");
        // One replay plus three counted attempts.
        assert_eq!(calls.get(), 4);
        assert_eq!(stopped.sends, 4);
        assert_eq!(stopped.error, 4);
    }

    #[tokio::test]
    async fn unclassified_failures_and_successes_end_at_once() {
        let policy = RetryPolicy::default().with_backoff_base(Duration::from_millis(2));
        let out: Result<(), Stopped<&str>> = run(&policy, true, None, |_| async {
            Attempt::Failed("final", None)
        })
        .await;
        assert_eq!(out.err().map(|s| (s.error, s.sends)), Some(("final", 1)));
        let out: Result<u8, Stopped<()>> = run(&policy, true, None, |t| async move {
            if t.sends < 2 {
                Attempt::Failed((), Some(Failure::Transport))
            } else {
                Attempt::Done(7)
            }
        })
        .await;
        assert_eq!(out.ok(), Some(7));
    }
}
