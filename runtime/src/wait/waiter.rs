//! [`Waiter`]: a wait to run, built by a generated `wait_for_*` method or
//! by hand ([`Waiter::new`], [`Waiter::family`]), with its options.

use super::engine::{self, Classify, Done, OnPoll, Plan, PollEvent, PollFn, WaitError};
use super::family::{Family, Observation, ACCOUNT_AGGREGATION, TASK};
use super::policy::{Jitter, WaitPolicy};
use crate::call::Call;
use crate::futures::BoxFuture;
use crate::json::Encode;
use std::fmt;
use std::future::{Future, IntoFuture};
use std::sync::Arc;
use std::time::Duration;

/// A wait for a job to end: `.await` it for [`Done`] or a [`WaitError`].
/// Each poll is an ordinary call, with the client's token, retries and
/// per-call options; nothing is sent until it is awaited, and dropping
/// the future stops the wait.
#[must_use = "a waiter does nothing until it is awaited"]
pub struct Waiter<T> {
    polls: Vec<PollFn<'static, T>>,
    plan: Plan<T>,
}

impl<T> fmt::Debug for Waiter<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Waiter")
            .field("job", &self.plan.job)
            .field("policy", &self.plan.policy)
            .field("jitter", &self.plan.jitter)
            .finish_non_exhaustive()
    }
}

/// An account aggregation's answer: its own status, or, once that is gone
/// (`404`, about an hour after it ends), its task's.
#[derive(Debug, Clone, PartialEq)]
pub enum AggregationOrTask<A, K> {
    /// `getAccountAggregationStatus` answered.
    Aggregation(A),
    /// `getTaskStatus` answered.
    Task(K),
}

fn poll_call<T: Send + 'static>(call: Call<T>) -> PollFn<'static, T> {
    Box::new(move || call.clone().send())
}

impl<T: Send + 'static> Waiter<T> {
    /// The general form, for any job: `poll` makes each status call (a
    /// generated call, a builder, or any future of a `Result`) and
    /// `classify` reads its answer. The default policy is
    /// [`WaitPolicy::default`].
    ///
    /// ```no_run
    /// # async fn run(api: sailpoint_isc::v2024::Api) -> Result<(), sailpoint_isc::wait::WaitError> {
    /// use sailpoint_isc::wait::{Observation, Waiter};
    /// let id = "089899f13a8f4da7824996191587bab9";
    /// let api2 = api.clone();
    /// let done = Waiter::new(
    ///     move || api2.get_password_change_status(id),
    ///     |s| match s.state.as_ref().map(|s| s.as_str()) {
    ///         Some("FINISHED") => Observation::finished(Some("FINISHED")),
    ///         Some("FAILED") => Observation::failed(Some("FAILED"), s.errors.clone().unwrap_or_default()),
    ///         other => Observation::running(other),
    ///     },
    /// )
    /// .named("password change")
    /// .max_wait(std::time::Duration::from_secs(60))
    /// .await?;
    /// # Ok(()) }
    /// ```
    pub fn new<P, F>(
        mut poll: P,
        classify: impl Fn(&T) -> Observation + Send + Sync + 'static,
    ) -> Self
    where
        P: FnMut() -> F + Send + 'static,
        F: IntoFuture<Output = crate::Result<T>>,
        F::IntoFuture: Send + 'static,
    {
        let poll: PollFn<'static, T> = Box::new(move || Box::pin(poll().into_future()));
        Waiter::from_parts(vec![poll], Arc::new(classify), "job", WaitPolicy::default())
    }

    /// Polls `call` (sent again for each poll) and reads its answers with
    /// `family`; the policy is the family's. What the generated
    /// `wait_for_*` methods return.
    pub fn family(family: &'static Family, call: Call<T>) -> Self
    where
        T: Encode,
    {
        let classify: Classify<T> = Arc::new(move |t: &T| family.observe(&t.encode()));
        Waiter::from_parts(vec![poll_call(call)], classify, family.name, family.policy)
    }

    fn from_parts(
        polls: Vec<PollFn<'static, T>>,
        classify: Classify<T>,
        job: &str,
        policy: WaitPolicy,
    ) -> Self {
        Waiter {
            polls,
            plan: Plan {
                job: job.to_owned(),
                classify,
                policy,
                jitter: Jitter::Random,
                on_poll: None,
                stages: 0,
            },
        }
    }

    /// The longest wait, from the first poll.
    pub fn max_wait(mut self, max_wait: Duration) -> Self {
        self.plan.policy.max_wait = max_wait;
        self
    }

    /// The first and shortest delay between polls.
    pub fn min_delay(mut self, delay: Duration) -> Self {
        self.plan.policy.min_delay = delay;
        self
    }

    /// The longest delay between polls.
    pub fn max_delay(mut self, delay: Duration) -> Self {
        self.plan.policy.max_delay = delay;
        self
    }

    /// All three at once.
    pub fn policy(mut self, policy: WaitPolicy) -> Self {
        self.plan.policy = policy;
        self
    }

    /// Where delays fall between their bounds ([`Jitter::Random`] unless set).
    pub fn jitter(mut self, jitter: Jitter) -> Self {
        self.plan.jitter = jitter;
        self
    }

    /// The kind of job, for messages (`"nightly export"`).
    pub fn named(mut self, job: impl Into<String>) -> Self {
        self.plan.job = job.into();
        self
    }

    /// Calls `f` after each poll: its status, progress and the delay
    /// before the next, for a progress bar or a log line.
    pub fn on_poll(mut self, f: impl Fn(&PollEvent) + Send + Sync + 'static) -> Self {
        let f: OnPoll = Arc::new(f);
        self.plan.on_poll = Some(f);
        self
    }

    /// The policy in force.
    pub fn current_policy(&self) -> WaitPolicy {
        self.plan.policy
    }

    /// Waits, then sends `result` (an export's download, a report's file)
    /// and answers its value: one `.await` for "wait, then fetch".
    pub fn then_send<R, U>(self, result: R) -> ThenSend<U>
    where
        R: IntoFuture<Output = crate::Result<U>>,
        R::IntoFuture: Send + 'static,
        U: Send + 'static,
    {
        let job = self.plan.job.clone();
        let result = result.into_future();
        ThenSend(Box::pin(async move {
            self.await?;
            result
                .await
                .map_err(|source| WaitError::ResultFailed { job, source })
        }))
    }
}

/// An account aggregation: polls `status` (`getAccountAggregationStatus`)
/// and, once it answers `404` (about an hour after the aggregation ended),
/// `task` (`getTaskStatus` of the same id), which has the outcome. What the
/// generated `wait_for_account_aggregation` returns when the spec has both.
pub fn aggregation<A, K>(status: Call<A>, task: Call<K>) -> Waiter<AggregationOrTask<A, K>>
where
    A: Encode + Send + 'static,
    K: Encode + Send + 'static,
{
    let first: PollFn<'static, AggregationOrTask<A, K>> = Box::new(move || {
        let call = status.clone();
        Box::pin(async move { call.send().await.map(AggregationOrTask::Aggregation) })
    });
    let then: PollFn<'static, AggregationOrTask<A, K>> = Box::new(move || {
        let call = task.clone();
        Box::pin(async move { call.send().await.map(AggregationOrTask::Task) })
    });
    let classify: Classify<AggregationOrTask<A, K>> = Arc::new(|answer| match answer {
        AggregationOrTask::Aggregation(a) => ACCOUNT_AGGREGATION.observe(&a.encode()),
        AggregationOrTask::Task(t) => TASK.observe(&t.encode()),
    });
    Waiter::from_parts(
        vec![first, then],
        classify,
        ACCOUNT_AGGREGATION.name,
        ACCOUNT_AGGREGATION.policy,
    )
}

impl<T: Send + 'static> IntoFuture for Waiter<T> {
    type Output = Result<Done<T>, WaitError>;
    type IntoFuture = BoxFuture<'static, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        let Waiter {
            mut polls,
            mut plan,
        } = self;
        plan.stages = polls.len();
        Box::pin(async move { engine::run(|stage| polls.get_mut(stage).map(|p| p()), &plan).await })
    }
}

/// A wait followed by the call for the job's result, from
/// [`Waiter::then_send`]; `.await` it for the result's value.
#[must_use = "a waiter does nothing until it is awaited"]
pub struct ThenSend<U>(BoxFuture<'static, Result<U, WaitError>>);

impl<U> fmt::Debug for ThenSend<U> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ThenSend(..)")
    }
}

impl<U> Future for ThenSend<U> {
    type Output = Result<U, WaitError>;

    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Self::Output> {
        self.0.as_mut().poll(cx)
    }
}
