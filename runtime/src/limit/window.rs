//! One sliding window: at most `limit` sends in any stretch of `window`,
//! callers served in the order they arrived, and a pause that holds every
//! caller back after a 429.

use std::collections::VecDeque;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;
use tokio::time::Instant;

/// A sliding-window log of recent sends. Clock: tokio's, so that tests on
/// a paused clock see it advance.
#[derive(Debug)]
pub(crate) struct Window {
    limit: usize,
    /// The window the server counts in, plus a margin (see [`Window::new`]).
    span: Duration,
    /// When the sends still inside the window went, oldest first. Held by
    /// the caller whose turn it is, across its wait: tokio's mutex queues
    /// waiters first come, first served, which is the fair queue.
    sent: tokio::sync::Mutex<VecDeque<Instant>>,
    /// No send before this (a 429's `Retry-After`).
    paused_until: Mutex<Option<Instant>>,
}

impl Window {
    /// `limit` sends per `window`. The span waited is 1 % longer than the
    /// server's window: a send's arrival lags its start by a varying
    /// delay, and a send that arrives early would fall into the previous
    /// window of a server that counts arrivals.
    pub(crate) fn new(limit: u32, window: Duration) -> Self {
        Window {
            limit: limit.max(1) as usize,
            span: window + window / 100,
            sent: tokio::sync::Mutex::new(VecDeque::new()),
            paused_until: Mutex::new(None),
        }
    }

    /// Waits for this caller's turn and a free place in the window, then
    /// counts one send. Cancel-safe: a caller dropped while waiting takes
    /// no place and hands its turn to the next.
    pub(crate) async fn acquire(&self) {
        let mut sent = self.sent.lock().await;
        loop {
            let now = Instant::now();
            while sent.front().is_some_and(|&t| t + self.span <= now) {
                sent.pop_front();
            }
            let mut ready = now;
            if sent.len() >= self.limit {
                if let Some(&t) = sent.get(sent.len() - self.limit) {
                    ready = ready.max(t + self.span);
                }
            }
            if let Some(until) = self.paused_until() {
                ready = ready.max(until);
            }
            if ready <= now {
                sent.push_back(now);
                return;
            }
            // Looked at again on waking: a 429 meanwhile may have moved
            // the pause further out.
            tokio::time::sleep_until(ready).await;
        }
    }

    /// Holds every caller back for `wait` from now (a later pause already
    /// set stays).
    pub(crate) fn pause(&self, wait: Duration) {
        let until = Instant::now() + wait;
        let mut paused = self
            .paused_until
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if paused.is_none_or(|p| p < until) {
            *paused = Some(until);
        }
    }

    fn paused_until(&self) -> Option<Instant> {
        *self
            .paused_until
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[tokio::test(start_paused = true)]
    async fn at_most_limit_sends_per_window_in_arrival_order() {
        let w = Arc::new(Window::new(3, Duration::from_secs(1)));
        let start = Instant::now();
        let order = Arc::new(Mutex::new(Vec::new()));
        let mut tasks = Vec::new();
        for i in 0..7 {
            let (w, order) = (Arc::clone(&w), Arc::clone(&order));
            tasks.push(tokio::spawn(async move {
                w.acquire().await;
                order.lock().unwrap().push((i, start.elapsed()));
            }));
            // Spawned in order; each reaches the queue before the next.
            tokio::task::yield_now().await;
        }
        for t in tasks {
            t.await.unwrap();
        }
        let order = order.lock().unwrap().clone();
        let ids: Vec<_> = order.iter().map(|(i, _)| *i).collect();
        assert_eq!(ids, [0, 1, 2, 3, 4, 5, 6]);
        let span = Duration::from_millis(1010);
        let at: Vec<_> = order.iter().map(|(_, t)| *t).collect();
        assert_eq!(&at[..3], [Duration::ZERO; 3]);
        assert_eq!(&at[3..6], [span; 3]);
        assert_eq!(at[6], span * 2);
    }

    #[tokio::test(start_paused = true)]
    async fn a_pause_holds_back_the_next_caller() {
        let w = Window::new(100, Duration::from_secs(10));
        let start = Instant::now();
        w.acquire().await;
        w.pause(Duration::from_secs(4));
        w.pause(Duration::from_secs(1));
        w.acquire().await;
        assert_eq!(start.elapsed(), Duration::from_secs(4));
    }
}
