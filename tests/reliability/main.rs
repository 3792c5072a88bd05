//! The client under stress against loopback servers: many concurrent calls
//! with faults ([`load`]) and servers that answer slowly or never ([`slow`]).
//!
//! The garbage-answer tests are a binary of their own
//! (`tests/reliability_garbage.rs`): they count the process's heap bytes
//! through a global allocator, which would also count whatever the tests
//! here allocate at the same time.

mod load;
mod rate_limit;
mod slow;
