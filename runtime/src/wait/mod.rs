//! Waiting for ISC's long-running jobs: start a job, then `.await` a
//! waiter that polls its status until it finishes, fails, or a cap on the
//! wait passes.
//!
//! Generated bindings have one `wait_for_*` method per status operation
//! the spec holds (`wait_for_task`, `wait_for_account_aggregation`,
//! `wait_for_sp_config_export`, `wait_for_report`, …; per-resource lines
//! carry the operation's suffix, `wait_for_task_v1`). Each takes the poll
//! operation's arguments and returns a [`Waiter`]:
//!
//! ```no_run
//! # async fn run(api: sailpoint_isc::v2024::Api) -> Result<(), sailpoint_isc::wait::WaitError> {
//! use std::time::Duration;
//! let done = api
//!     .wait_for_password_change("089899f13a8f4da7824996191587bab9")
//!     .max_wait(Duration::from_secs(60))
//!     .on_poll(|p| eprintln!("poll {}: {:?}", p.poll, p.status))
//!     .await?;
//! println!("{:?} after {} polls", done.status, done.polls);
//! # Ok(()) }
//! ```
//!
//! How it waits ([`engine`'s loop](Waiter), one for every waiter):
//! - the first poll is sent at once; after the `n`-th the waiter sleeps a
//!   jittered delay between `min_delay` and `min(max_delay, min_delay × 2ⁿ⁻¹)`
//!   ([`WaitPolicy`], [`Jitter`]), never past `max_wait`;
//! - each poll is an ordinary call: the client's retry policy handles `429`
//!   and `503` within it; a `429` it gave up on is not a failure, and the
//!   next delay is at least its `Retry-After`;
//! - a status the family does not know, or none, is still running (the
//!   raw value is kept and reported); statuses compare without regard to
//!   case or underscores ([`normalize`]);
//! - the outcome is [`Done`] (final status, warnings, the typed answer) or
//!   a [`WaitError`]: `Failed` (terminal status and the job's messages),
//!   `Exceeded` (time, polls, last status), `PollFailed` (the call's
//!   [`Error`](crate::Error));
//! - dropping the future stops the wait; nothing runs in the background.
//!
//! For a job the SDK does not know, [`Waiter::new`] takes the poll and a
//! classifier, and [`Waiter::family`] a [`Family`] of your own.

mod engine;
mod family;
mod policy;
#[cfg(test)]
mod tests;
mod waiter;

pub use engine::{Done, PollEvent, WaitError};
pub use family::{
    normalize, Family, Observation, Progress, State, ACCOUNT_AGGREGATION, DEPLOY, DONE, ENDED,
    NON_EMPLOYEE_BULK_UPLOAD, PASSWORD_CHANGE, REPORT, ROLE_BULK_UPDATE, SP_CONFIG_EXPORT,
    SP_CONFIG_IMPORT, TASK,
};
pub use policy::{Jitter, WaitPolicy};
pub use waiter::{aggregation, AggregationOrTask, ThenSend, Waiter};

pub(crate) use engine::{run, Plan};
