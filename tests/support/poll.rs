//! Polling settings that keep the password-change tests fast.

use sailpoint_isc::flow::PollPolicy;
use std::time::Duration;

/// Polls every 10 ms at first, at most every 40 ms, for up to 10 s.
pub fn fast_poll() -> PollPolicy {
    PollPolicy {
        initial: Duration::from_millis(10),
        max_interval: Duration::from_millis(40),
        deadline: Duration::from_secs(10),
    }
}
