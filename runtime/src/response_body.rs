//! Reading response bodies with a size bound, chunk by chunk, so that a huge
//! or endless body from a misbehaving server cannot grow memory unbounded.

use bytes::{Bytes, BytesMut};

/// Default largest success body a call reads: 32 MiB. Change it with
/// [`ClientBuilder::max_response_body`](crate::ClientBuilder::max_response_body).
pub const DEFAULT_MAX_RESPONSE_BODY: usize = 32 * 1024 * 1024;

/// A body read against a limit.
pub(crate) enum Limited {
    /// The whole body, within the limit.
    Complete(Bytes),
    /// The body is longer than the limit; reading stopped there.
    TooLarge,
}

/// Reads the whole body if it fits in `limit` bytes. Stops as soon as the
/// declared `Content-Length` or the bytes received pass the limit, and never
/// reserves more than `limit` bytes for the body.
pub(crate) async fn read_limited(
    resp: &mut reqwest::Response,
    limit: usize,
) -> Result<Limited, reqwest::Error> {
    let declared = resp.content_length();
    if declared.is_some_and(|len| len > limit as u64) {
        return Ok(Limited::TooLarge);
    }
    let capacity = declared.map_or(0, |len| len as usize);
    let mut buf: Vec<u8> = Vec::with_capacity(capacity);
    while let Some(chunk) = resp.chunk().await? {
        let needed = buf.len().saturating_add(chunk.len());
        if needed > limit {
            return Ok(Limited::TooLarge);
        }
        if needed > buf.capacity() {
            // Double as usual, but never past the limit: plain doubling
            // could reserve almost twice the limit for a body just under it.
            let target = needed.max(buf.capacity().saturating_mul(2)).min(limit);
            buf.reserve_exact(target - buf.len());
        }
        buf.extend_from_slice(&chunk);
    }
    Ok(Limited::Complete(Bytes::from(buf)))
}

/// Reads at most `limit` bytes of the body and drops the rest. A body cut
/// short by the connection yields what arrived: it is only kept for an error
/// report.
pub(crate) async fn read_prefix(resp: &mut reqwest::Response, limit: usize) -> Bytes {
    let mut buf = BytesMut::new();
    while buf.len() < limit {
        match resp.chunk().await {
            Ok(Some(chunk)) => {
                let take = chunk.len().min(limit - buf.len());
                buf.extend_from_slice(&chunk[..take]);
            }
            Ok(None) | Err(_) => break,
        }
    }
    buf.freeze()
}
