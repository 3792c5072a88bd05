//! How long a waiter waits: the backoff between polls and the cap on the
//! whole wait, and the jitter that spreads the delays.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// Delays between polls and the longest wait.
///
/// After the `n`-th poll (from 1) the waiter sleeps a delay drawn between
/// `min_delay` and `min(max_delay, min_delay × 2ⁿ⁻¹)` (see [`Jitter`]),
/// never past `max_wait`: the last poll is made when `max_wait` is up, and
/// a job still running then is [`WaitError::Exceeded`](super::WaitError::Exceeded).
/// The same rule as aws-sdk-rust's waiters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WaitPolicy {
    /// The shortest delay, and the first one.
    pub min_delay: Duration,
    /// The longest delay.
    pub max_delay: Duration,
    /// The longest wait in all, from the first poll.
    pub max_wait: Duration,
}

impl WaitPolicy {
    /// A policy with these delays and cap.
    pub const fn new(min_delay: Duration, max_delay: Duration, max_wait: Duration) -> Self {
        WaitPolicy {
            min_delay,
            max_delay,
            max_wait,
        }
    }

    /// The bounds of the delay after the `n`-th poll (from 1): `min_delay`
    /// and `min(max_delay, min_delay × 2ⁿ⁻¹)` (never below `min_delay`).
    pub fn bounds(&self, n: u32) -> (Duration, Duration) {
        let exp = n.saturating_sub(1).min(31);
        let hi = self
            .min_delay
            .saturating_mul(1u32 << exp)
            .min(self.max_delay)
            .max(self.min_delay);
        (self.min_delay, hi)
    }

    /// The delay after the `n`-th poll with `jitter`.
    pub fn delay(&self, n: u32, jitter: &Jitter) -> Duration {
        let (lo, hi) = self.bounds(n);
        lo + (hi - lo).mul_f64(jitter.fraction(n).clamp(0.0, 1.0))
    }
}

impl Default for WaitPolicy {
    /// 2 s to 30 s between polls, 10 minutes in all.
    fn default() -> Self {
        WaitPolicy::new(
            Duration::from_secs(2),
            Duration::from_secs(30),
            Duration::from_secs(600),
        )
    }
}

/// Where in its bounds a delay falls: a fraction in `[0, 1]` of the way
/// from `min_delay` to the upper bound.
#[derive(Clone, Default)]
pub enum Jitter {
    /// Uniformly random (the default), so many waiters do not poll in step.
    #[default]
    Random,
    /// Always the upper bound: plain doubling from `min_delay` to `max_delay`.
    None,
    /// Always this fraction (for tests and reproducible runs).
    Fixed(f64),
    /// The fraction `f(n)` after the `n`-th poll.
    With(Arc<dyn Fn(u32) -> f64 + Send + Sync>),
}

impl Jitter {
    /// The fraction for the delay after the `n`-th poll.
    pub fn fraction(&self, n: u32) -> f64 {
        match self {
            Jitter::Random => rand::random::<f64>(),
            Jitter::None => 1.0,
            Jitter::Fixed(f) => *f,
            Jitter::With(f) => f(n),
        }
    }
}

impl fmt::Debug for Jitter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Jitter::Random => f.write_str("Random"),
            Jitter::None => f.write_str("None"),
            Jitter::Fixed(x) => f.debug_tuple("Fixed").field(x).finish(),
            Jitter::With(_) => f.write_str("With(..)"),
        }
    }
}
