//! The one polling loop every waiter runs (the generated ones, the
//! general form and the password-change flow): poll, read, decide, sleep.

use super::family::{Observation, Progress, State};
use super::policy::{Jitter, WaitPolicy};
use crate::error::Error;
use crate::futures::BoxFuture;
use http::StatusCode;
use std::sync::Arc;
use std::time::Duration;
use tokio::time::Instant;

/// A job that finished.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Done<T> {
    /// The last status answer, typed.
    pub answer: T,
    /// The final status as the server sent it (`COMPLETE`, `Success`).
    pub status: Option<String>,
    /// Warnings the job finished with (a task's `WARNING` and its messages).
    pub warnings: Vec<String>,
    /// Polls made.
    pub polls: u32,
    /// Time from the first poll to the last answer.
    pub elapsed: Duration,
}

/// Why a wait ended without the job finishing.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WaitError {
    /// The job ended in a failed state (`FAILED`, `TERMINATED`,
    /// `CANCELLED`, …); `messages` are the job's own.
    #[error("{job} ended {status}{}", colon(messages))]
    Failed {
        /// The kind of job.
        job: String,
        /// The terminal status, as the server sent it.
        status: String,
        /// The job's messages.
        messages: Vec<String>,
        /// Polls made.
        polls: u32,
    },
    /// `max_wait` passed with the job still running.
    #[error("{job} still {} after {elapsed:?} ({polls} polls)", last_status.as_deref().unwrap_or("without a status"))]
    Exceeded {
        /// The kind of job.
        job: String,
        /// Time waited.
        elapsed: Duration,
        /// Polls made.
        polls: u32,
        /// The last status seen (`None`: no answer had one).
        last_status: Option<String>,
    },
    /// A poll failed (after the client's own retries): the call's error.
    #[error("polling {job} failed: {source}")]
    PollFailed {
        /// The kind of job.
        job: String,
        /// The call's error.
        #[source]
        source: Error,
    },
    /// The job finished, but the call for its result
    /// ([`Waiter::then_send`](super::Waiter::then_send)) failed.
    #[error("{job} finished, but fetching its result failed: {source}")]
    ResultFailed {
        /// The kind of job.
        job: String,
        /// The call's error.
        #[source]
        source: Error,
    },
}

fn colon(messages: &[String]) -> String {
    if messages.is_empty() {
        String::new()
    } else {
        format!(": {}", messages.join("; "))
    }
}

/// One poll, as reported to an [`on_poll`](super::Waiter::on_poll) callback.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct PollEvent {
    /// Poll number, from 1.
    pub poll: u32,
    /// Time since the first poll.
    pub elapsed: Duration,
    /// Running, finished or failed (`Running` for a rate-limited poll).
    pub state: State,
    /// The status answered (`None`: none, or the poll was rate limited).
    pub status: Option<String>,
    /// Progress, where the answer reports it.
    pub progress: Progress,
    /// `Retry-After` of a poll answered `429` after the client's retries.
    pub rate_limited: Option<Duration>,
    /// The sleep before the next poll; `None` after the last.
    pub next_delay: Option<Duration>,
}

/// A poll: sends one status call.
pub(crate) type PollFn<'a, T> = Box<dyn FnMut() -> BoxFuture<'a, crate::Result<T>> + Send + 'a>;
/// Reads a status answer.
pub(crate) type Classify<T> = Arc<dyn Fn(&T) -> Observation + Send + Sync>;
/// Receives each poll.
pub(crate) type OnPoll = Arc<dyn Fn(&PollEvent) + Send + Sync>;

/// Everything a wait needs besides its polls.
pub(crate) struct Plan<T> {
    pub job: String,
    pub classify: Classify<T>,
    pub policy: WaitPolicy,
    pub jitter: Jitter,
    pub on_poll: Option<OnPoll>,
    /// How many polls `run`'s `poll` has (a `404` moves to the next).
    pub stages: usize,
}

/// Polls with `poll(0)` until the job ends or `max_wait` passes; a `404`
/// moves on to `poll(1)` at once, where there is one (`poll(stage)` is
/// `None` past the last) (an aggregation's status is gone
/// an hour after it ends: its task has the outcome). A `429` the client's
/// retry policy gave up on is not a failure: the next delay is at least
/// its `Retry-After`.
pub(crate) async fn run<T, P, F>(mut poll: P, plan: &Plan<T>) -> Result<Done<T>, WaitError>
where
    P: FnMut(usize) -> Option<F>,
    F: std::future::Future<Output = crate::Result<T>>,
{
    let started = Instant::now();
    let mut stage = 0;
    let mut n = 0u32;
    let mut last_status: Option<String> = None;
    loop {
        let Some(answer) = poll(stage) else {
            // Past the last poll: the one before answered 404, its error is the outcome.
            return Err(exceeded(plan, started, n, last_status));
        };
        n += 1;
        let mut event = PollEvent {
            poll: n,
            elapsed: Duration::ZERO,
            state: State::Running,
            status: None,
            progress: Progress::default(),
            rate_limited: None,
            next_delay: None,
        };
        let mut at_least = Duration::ZERO;
        match answer.await {
            Ok(answer) => {
                let seen = (plan.classify)(&answer);
                event.elapsed = started.elapsed();
                event.state = seen.state;
                event.status.clone_from(&seen.status);
                event.progress = seen.progress.clone();
                if seen.status.is_some() {
                    last_status.clone_from(&seen.status);
                }
                match seen.state {
                    State::Finished => {
                        report(plan, &event);
                        return Ok(Done {
                            answer,
                            status: seen.status,
                            warnings: seen.warnings,
                            polls: n,
                            elapsed: event.elapsed,
                        });
                    }
                    State::Failed => {
                        report(plan, &event);
                        return Err(WaitError::Failed {
                            job: plan.job.clone(),
                            status: seen.status.unwrap_or_default(),
                            messages: seen.messages,
                            polls: n,
                        });
                    }
                    State::Running => {}
                }
            }
            Err(Error::Api(e))
                if e.status() == StatusCode::NOT_FOUND && stage + 1 < plan.stages =>
            {
                stage += 1;
                event.elapsed = started.elapsed();
                report(plan, &event);
                continue;
            }
            Err(Error::Api(e)) if e.status() == StatusCode::TOO_MANY_REQUESTS => {
                event.elapsed = started.elapsed();
                event.rate_limited = Some(e.retry_after().unwrap_or(Duration::ZERO));
                at_least = e.retry_after().unwrap_or(Duration::ZERO);
            }
            Err(source) => {
                return Err(WaitError::PollFailed {
                    job: plan.job.clone(),
                    source,
                })
            }
        }
        let left = plan.policy.max_wait.saturating_sub(started.elapsed());
        if left.is_zero() {
            report(plan, &event);
            return Err(exceeded(plan, started, n, last_status));
        }
        let delay = plan.policy.delay(n, &plan.jitter).max(at_least).min(left);
        event.next_delay = Some(delay);
        report(plan, &event);
        tokio::time::sleep(delay).await;
    }
}

fn report<T>(plan: &Plan<T>, event: &PollEvent) {
    if let Some(f) = &plan.on_poll {
        f(event);
    }
}

fn exceeded<T>(
    plan: &Plan<T>,
    started: Instant,
    polls: u32,
    last_status: Option<String>,
) -> WaitError {
    WaitError::Exceeded {
        job: plan.job.clone(),
        elapsed: started.elapsed(),
        polls,
        last_status,
    }
}
