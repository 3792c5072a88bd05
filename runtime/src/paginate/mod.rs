//! Every list as a lazy [`Stream`]: offset/limit and `searchAfter` paging
//! that never loses or repeats a record.
//!
//! ISC lists page in one of two ways, and each has its streams here:
//!
//! - [`OffsetPager`]: operations taking `offset` and `limit` (at most
//!   [`ISC_MAX_PAGE_SIZE`] per page). [`OffsetPager::items`] is a stream of
//!   records, [`OffsetPager::pages`] one of pages.
//! - [`SearchAfterPager`]: `POST /search` and the operations taking a
//!   `searchAfter` parameter, which page by the sort values of the last
//!   record; the only way past Elasticsearch's 10,000-record window.
//!
//! Both are generic over how one page is fetched: a closure that turns a
//! [`PageRequest`] (or a [`SearchAfterRequest`]) into a future of a
//! [`Page`]. Generated list operations build that closure from their call:
//! it clones the call with its optional parameters (`filters`, `sorters`,
//! `count`, …) as the caller set them, sets `offset` and `limit` (or the
//! search body's `sort` and `searchAfter`), sends it, and wraps the records
//! and the `X-Total-Count` header in a [`Page`] ([`Page::from_headers`]).
//! Each page is one call, so it gets the client's usual retries; the caller's
//! `limit`, if set, becomes the [`page_size`](OffsetPager::page_size).
//!
//! What every stream guarantees:
//!
//! - **Lazy.** A page is fetched only when the consumer asks for an item the
//!   stream does not hold; dropping the stream after the first item has sent
//!   one request.
//! - **No hidden cap.** The stream runs to the end of the collection unless
//!   [`max_items`](OffsetPager::max_items) sets a cap.
//! - **Clean end.** A short page ends the stream. After a full page, an
//!   empty page, or ISC's `400 Specified offset is invalid` for an offset
//!   past the end, ends it cleanly (a `400` for an offset below a known
//!   total count is an error); any other error is an error.
//! - **Resumable.** An error is yielded as the typed [`Error`], after which
//!   the stream yields nothing more (it is a
//!   [`FusedStream`](futures_util::stream::FusedStream)). Its position stays
//!   readable ([`OffsetItems::offset`], [`SearchAfterItems::search_after`]),
//!   [`resume`](OffsetItems::resume) continues the same stream from there,
//!   and [`start_at`](OffsetPager::start_at) /
//!   [`start_after`](SearchAfterPager::start_after) start a new one there
//!   (after a restart, say).
//! - **Bounded by progress.** A `searchAfter` page whose last record has the
//!   same sort values as the previous page's (a server ignoring
//!   `searchAfter`) ends the stream with a warning instead of repeating it
//!   forever.
//! - **Total count.** When the first page carries `X-Total-Count` (ISC sends
//!   it for `count=true`), [`total_count`](OffsetItems::total_count) has it.
//!
//! ```
//! use futures_util::{StreamExt, TryStreamExt};
//! use sailpoint_isc::paginate::{OffsetPager, Page, PageRequest};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), sailpoint_isc::Error> {
//! // 600 records; a real fetch sends `?offset=..&limit=..` through the client.
//! let fetch = |req: PageRequest| async move {
//!     let end = (req.offset + u64::from(req.limit)).min(600);
//!     let items: Vec<u64> = (req.offset..end).collect();
//!     Ok(Page::new(items).with_total_count(Some(600)))
//! };
//! let mut records = OffsetPager::new(250, fetch).items();
//! let first = records.next().await.transpose()?;
//! assert_eq!(first, Some(0));
//! assert_eq!(records.total_count(), Some(600));
//! let rest: Vec<u64> = records.try_collect().await?;
//! assert_eq!(rest.len(), 599);
//! # Ok(()) }
//! ```
//!
//! [`Stream`]: futures_util::Stream
//! [`Error`]: crate::Error

mod offset;
mod search_after;
mod stream;
#[cfg(test)]
mod tests;

pub use offset::{OffsetItems, OffsetPager, OffsetPages};
#[cfg(feature = "mock-tenant")]
pub(crate) use search_after::sort_field;
pub use search_after::{
    sort_values, SearchAfterItems, SearchAfterPager, SearchAfterPages, SearchAfterRequest,
};

use http::HeaderMap;

/// The largest `limit` ISC accepts on its offset/limit list operations; the
/// default page size of an [`OffsetPager`] built for one.
pub const ISC_MAX_PAGE_SIZE: u32 = 250;

/// The header in which ISC sends the collection's size when a list is
/// called with `count=true`.
pub const TOTAL_COUNT_HEADER: &str = "x-total-count";

/// One page to fetch from an offset/limit list: the `offset` and `limit`
/// query parameters of the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    /// Index of the first record of the page (0 for the first).
    pub offset: u64,
    /// Most records the page may hold (at least 1).
    pub limit: u32,
}

/// One page of records as the server answered it.
///
/// A fetch closure builds it with [`Page::new`] and, when the response
/// carries `X-Total-Count`, [`with_total_count`](Page::with_total_count)
/// (see [`total_count`] to read the header).
///
/// ```
/// use sailpoint_isc::paginate::Page;
///
/// let page = Page::new(vec!["a", "b"]).with_total_count(Some(7));
/// assert_eq!(page.items.len(), 2);
/// assert_eq!(page.total_count, Some(7));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Page<T> {
    /// The records, in the server's order.
    pub items: Vec<T>,
    /// The collection's size from the response's `X-Total-Count`, if sent.
    pub total_count: Option<u64>,
}

impl<T> Page<T> {
    /// A page of `items` without a total count.
    pub fn new(items: Vec<T>) -> Self {
        Page {
            items,
            total_count: None,
        }
    }

    /// Sets the collection's size, as read from `X-Total-Count`.
    pub fn with_total_count(mut self, total_count: Option<u64>) -> Self {
        self.total_count = total_count;
        self
    }

    /// A page of `items` with the total count read from `headers`.
    pub fn from_headers(items: Vec<T>, headers: &HeaderMap) -> Self {
        Page::new(items).with_total_count(total_count(headers))
    }
}

/// The collection's size from an `X-Total-Count` header, or `None` when the
/// header is absent or not a non-negative integer.
///
/// ```
/// use sailpoint_isc::paginate::total_count;
///
/// let mut headers = http::HeaderMap::new();
/// assert_eq!(total_count(&headers), None);
/// headers.insert("X-Total-Count", "10001".parse().unwrap());
/// assert_eq!(total_count(&headers), Some(10001));
/// ```
pub fn total_count(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(TOTAL_COUNT_HEADER)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}
