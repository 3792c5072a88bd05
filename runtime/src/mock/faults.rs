//! Fault injection: what a test can ask the mock tenant to do wrong, and the
//! queue that hands one fault to each request it applies to.

use std::collections::VecDeque;
use std::time::Duration;

/// Something for the mock tenant to do wrong, queued with
/// [`MockTenant::inject`](super::MockTenant::inject).
///
/// A queued fault applies to the next `count` matching requests, one fault
/// per request: when several queued faults match a request, the one queued
/// first applies and the others wait for later requests.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// Answer `status` without processing the request: a set-password that
    /// gets this fault changes nothing.
    ///
    /// The body is the one SailPoint documents for the status: for 429
    /// `{"message":" Rate Limit Exceeded "}`, for 401
    /// `{"error":"JWT validation failed: JWT is expired"}`, otherwise an
    /// `ErrorResponseDto`. A status that is not an error (outside 400..=599)
    /// is answered as 500.
    Status {
        /// The HTTP status, e.g. 429 or 503.
        status: u16,
        /// A `Retry-After` header value to send (`"1"`, or an HTTP-date),
        /// or `None` for no header. A value that is not a valid header
        /// value is left out.
        retry_after: Option<String>,
        /// How many requests get this answer.
        count: usize,
    },
    /// Wait `delay` before processing the request (normally) and answering.
    Delay {
        /// How long to wait.
        delay: Duration,
        /// How many requests are delayed.
        count: usize,
    },
    /// Process the request normally, then cut its JSON answer in half,
    /// keeping the status and headers: an answer garbled in transit. Unlike
    /// [`Fault::Status`], a set-password that gets this fault *is* applied,
    /// which is exactly the case where a client must not send it again.
    MalformedBody {
        /// How many answers are cut.
        count: usize,
    },
    /// Every token issued so far expires now; API calls that present one
    /// are answered 401 until the client fetches a new token. This fault
    /// acts when injected and is not queued.
    ExpireTokens,
}

impl Fault {
    /// `429 Too Many Requests` for the next `count` requests, with
    /// `Retry-After: <retry_after_secs>`.
    pub fn too_many_requests(count: usize, retry_after_secs: u64) -> Self {
        Fault::Status {
            status: 429,
            retry_after: Some(retry_after_secs.to_string()),
            count,
        }
    }

    /// `status` with no `Retry-After` for the next `count` requests.
    pub fn status(status: u16, count: usize) -> Self {
        Fault::Status {
            status,
            retry_after: None,
            count,
        }
    }
}

/// What to do to one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Action {
    Status {
        status: u16,
        retry_after: Option<String>,
    },
    Delay(Duration),
    Malformed,
}

#[derive(Debug)]
struct Entry {
    action: Action,
    /// Applies only to requests whose path contains this; `None` applies to
    /// every API request (not to the token endpoint).
    filter: Option<String>,
    remaining: usize,
}

/// The faults still to be applied, in the order they were injected.
#[derive(Debug, Default)]
pub(super) struct FaultQueue {
    entries: VecDeque<Entry>,
}

impl FaultQueue {
    /// Queues `fault`. [`Fault::ExpireTokens`] is not queued (the caller
    /// handles it), and neither is a fault with a count of zero.
    pub(super) fn push(&mut self, fault: Fault, filter: Option<String>) {
        let (action, count) = match fault {
            Fault::Status {
                status,
                retry_after,
                count,
            } => (
                Action::Status {
                    status,
                    retry_after,
                },
                count,
            ),
            Fault::Delay { delay, count } => (Action::Delay(delay), count),
            Fault::MalformedBody { count } => (Action::Malformed, count),
            Fault::ExpireTokens => return,
        };
        if count > 0 {
            self.entries.push_back(Entry {
                action,
                filter,
                remaining: count,
            });
        }
    }

    /// The action for a request to `path`, using up one count of the first
    /// fault that matches it. `is_api` says whether the path is an API
    /// operation (under a version path) rather than the token endpoint.
    pub(super) fn take(&mut self, path: &str, is_api: bool) -> Option<Action> {
        let at = self.entries.iter().position(|e| match &e.filter {
            Some(filter) => path.contains(filter.as_str()),
            None => is_api,
        })?;
        let entry = self.entries.get_mut(at)?;
        let action = entry.action.clone();
        entry.remaining -= 1;
        if entry.remaining == 0 {
            self.entries.remove(at);
        }
        Some(action)
    }

    /// How many faulted requests are still to come, summed over the queue.
    pub(super) fn pending(&self) -> usize {
        self.entries.iter().map(|e| e.remaining).sum()
    }

    pub(super) fn clear(&mut self) {
        self.entries.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_apply_in_order_and_run_out() {
        let mut q = FaultQueue::default();
        q.push(Fault::too_many_requests(2, 1), None);
        q.push(
            Fault::MalformedBody { count: 1 },
            Some("/set-password".into()),
        );
        q.push(Fault::status(503, 0), None);
        q.push(Fault::ExpireTokens, None);
        assert_eq!(q.pending(), 3);
        // The token endpoint only gets faults that name it.
        assert_eq!(q.take("/oauth/token", false), None);
        let rate_limited = Action::Status {
            status: 429,
            retry_after: Some("1".into()),
        };
        assert_eq!(
            q.take("/v2024/query-password-info", true),
            Some(rate_limited.clone())
        );
        assert_eq!(q.take("/v2024/set-password", true), Some(rate_limited));
        assert_eq!(q.take("/beta/query-password-info", true), None);
        assert_eq!(q.take("/beta/set-password", true), Some(Action::Malformed));
        assert_eq!(q.take("/beta/set-password", true), None);
        assert_eq!(q.pending(), 0);
    }

    #[test]
    fn a_filter_can_name_the_token_endpoint() {
        let mut q = FaultQueue::default();
        q.push(Fault::status(500, 1), Some("/oauth/token".into()));
        assert_eq!(q.take("/v2024/set-password", true), None);
        assert!(q.take("/oauth/token", false).is_some());
        q.push(Fault::status(500, 5), None);
        q.clear();
        assert_eq!(q.pending(), 0);
    }
}
