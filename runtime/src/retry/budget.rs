//! The retry budget: a token bucket shared by every client with the same
//! key (see [`RateLimit`](crate::RateLimit)), after the retry quota of
//! aws-sdk-rust (`aws-smithy-runtime`'s `TokenBucket`). A retry spends
//! tokens, a success gives tokens back, and an empty bucket means the
//! failure is returned at once instead of retried. A tenant that fails
//! every call then costs a bounded number of retries, not up to
//! `max_attempts` for every call.

use std::sync::atomic::{AtomicU32, Ordering};

/// The retry budget's settings. Hand one to
/// [`ClientBuilder::retry_budget`](crate::ClientBuilder::retry_budget).
///
/// The default holds 500 tokens; a retry after an error status costs 5, a
/// retry after a timeout or a dropped connection costs 10; a call that
/// succeeds at the first send puts 1 token back, and one that succeeds
/// after retries puts back what its retries spent. From full, that is 100
/// retries of error statuses with no success in between. When a retry
/// would cost more than is left, the call fails with
/// [`Error::RetryBudgetSpent`](crate::Error::RetryBudgetSpent).
///
/// ```
/// use sailpoint_isc::RetryBudget;
///
/// let budget = RetryBudget::default().with_capacity(50).with_retry_cost(10);
/// assert_eq!((budget.capacity(), budget.retry_cost()), (50, 10));
/// assert!(RetryBudget::unlimited().is_unlimited());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RetryBudget {
    capacity: u32,
    retry_cost: u32,
    transport_retry_cost: u32,
    success_refill: u32,
    unlimited: bool,
}

impl Default for RetryBudget {
    fn default() -> Self {
        RetryBudget {
            capacity: 500,
            retry_cost: 5,
            transport_retry_cost: 10,
            success_refill: 1,
            unlimited: false,
        }
    }
}

impl RetryBudget {
    /// No budget: every retry the [`RetryPolicy`](crate::RetryPolicy)
    /// allows is made (the behaviour before budgets).
    pub fn unlimited() -> Self {
        RetryBudget {
            unlimited: true,
            ..RetryBudget::default()
        }
    }

    /// The tokens the budget holds when full, and starts with.
    pub fn with_capacity(mut self, tokens: u32) -> Self {
        self.capacity = tokens;
        self
    }

    /// What a retry after an error status (429, 5xx) costs.
    pub fn with_retry_cost(mut self, tokens: u32) -> Self {
        self.retry_cost = tokens;
        self
    }

    /// What a retry after a timeout or a dropped connection costs.
    pub fn with_transport_retry_cost(mut self, tokens: u32) -> Self {
        self.transport_retry_cost = tokens;
        self
    }

    /// What a call that succeeds at its first send puts back.
    pub fn with_success_refill(mut self, tokens: u32) -> Self {
        self.success_refill = tokens;
        self
    }

    /// Tokens when full.
    pub fn capacity(&self) -> u32 {
        self.capacity
    }

    /// Cost of a retry after an error status.
    pub fn retry_cost(&self) -> u32 {
        self.retry_cost
    }

    /// Cost of a retry after a timeout or a dropped connection.
    pub fn transport_retry_cost(&self) -> u32 {
        self.transport_retry_cost
    }

    /// Tokens put back by a first-send success.
    pub fn success_refill(&self) -> u32 {
        self.success_refill
    }

    /// Whether this is [`RetryBudget::unlimited`].
    pub fn is_unlimited(&self) -> bool {
        self.unlimited
    }
}

/// The shared bucket of one key.
#[derive(Debug)]
pub(crate) struct Bucket {
    settings: RetryBudget,
    tokens: AtomicU32,
}

impl Bucket {
    pub(crate) fn new(settings: RetryBudget) -> Self {
        Bucket {
            settings,
            tokens: AtomicU32::new(settings.capacity),
        }
    }

    /// The cost of retrying after a failure of this kind.
    pub(crate) fn cost(&self, transport: bool) -> u32 {
        if transport {
            self.settings.transport_retry_cost
        } else {
            self.settings.retry_cost
        }
    }

    /// Takes `cost` tokens if there are that many; `false` leaves the
    /// bucket as it is.
    pub(crate) fn try_spend(&self, cost: u32) -> bool {
        if self.settings.unlimited {
            return true;
        }
        self.tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| t.checked_sub(cost))
            .is_ok()
    }

    /// After a success: what the call's retries spent goes back, or the
    /// first-send refill when it made none.
    pub(crate) fn on_success(&self, spent: u32) {
        if self.settings.unlimited {
            return;
        }
        let back = if spent > 0 {
            spent
        } else {
            self.settings.success_refill
        };
        if back == 0 {
            return;
        }
        let cap = self.settings.capacity;
        // Fails only when the bucket is full already, which is fine.
        let _ = self
            .tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| {
                (t < cap).then(|| t.saturating_add(back).min(cap))
            });
    }

    /// Tokens left.
    pub(crate) fn available(&self) -> u32 {
        self.tokens.load(Ordering::Acquire)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_spend_and_successes_refill_up_to_capacity() {
        let b = Bucket::new(RetryBudget::default().with_capacity(12));
        assert!(b.try_spend(b.cost(false)));
        assert!(b.try_spend(b.cost(false)));
        assert_eq!(b.available(), 2);
        assert!(!b.try_spend(b.cost(false)));
        assert!(!b.try_spend(b.cost(true)));
        assert_eq!(b.available(), 2);
        b.on_success(0);
        assert_eq!(b.available(), 3);
        b.on_success(10);
        assert_eq!(b.available(), 12);
        b.on_success(5);
        assert_eq!(b.available(), 12);
        let u = Bucket::new(RetryBudget::unlimited().with_capacity(0));
        assert!(u.try_spend(1000));
    }
}
