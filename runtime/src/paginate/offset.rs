//! Offset/limit paging: [`OffsetPager`] and its two streams, over the
//! [`stream`](super::stream) core with an offset as the cursor.

use super::stream::{forward_stream, Cursor, Items, Pages, Plan, Seen};
use super::{Page, PageRequest, ISC_MAX_PAGE_SIZE};
use crate::error::{Error, Result};
use http::StatusCode;
use std::fmt;
use std::future::Future;

/// How to page through one offset/limit list; turn it into a stream with
/// [`items`](OffsetPager::items) or [`pages`](OffsetPager::pages).
///
/// The page size is the operation's maximum unless
/// [`page_size`](OffsetPager::page_size) sets another; the stream reads to
/// the end of the collection unless [`max_items`](OffsetPager::max_items)
/// caps it.
///
/// ```
/// use futures_util::TryStreamExt;
/// use sailpoint_isc::paginate::{OffsetPager, Page, PageRequest};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), sailpoint_isc::Error> {
/// let fetch = |req: PageRequest| async move {
///     let end = (req.offset + u64::from(req.limit)).min(30);
///     Ok(Page::new((req.offset..end).collect::<Vec<u64>>()))
/// };
/// let firsts: Vec<u64> = OffsetPager::new(250, fetch)
///     .page_size(7)
///     .start_at(10)
///     .max_items(12)
///     .items()
///     .try_collect()
///     .await?;
/// assert_eq!(firsts, (10..22).collect::<Vec<_>>());
/// # Ok(()) }
/// ```
pub struct OffsetPager<T> {
    plan: Plan<PageRequest, T>,
    start: u64,
}

impl<T> fmt::Debug for OffsetPager<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OffsetPager")
            .field("max_page_size", &self.plan.max_page_size)
            .field("page_size", &self.plan.page_size)
            .field("start", &self.start)
            .field("max_items", &self.plan.max_items)
            .finish_non_exhaustive()
    }
}

impl<T: Send + 'static> OffsetPager<T> {
    /// Pages with `fetch`, which sends one call with the request's `offset`
    /// and `limit` and answers its records. `max_page_size` is the largest
    /// `limit` the operation allows ([`ISC_MAX_PAGE_SIZE`] for ISC's lists;
    /// 0 is read as that); it is also the default page size.
    pub fn new<F, Fut>(max_page_size: u32, fetch: F) -> Self
    where
        F: FnMut(PageRequest) -> Fut + Send + 'static,
        Fut: Future<Output = Result<Page<T>>> + Send + 'static,
    {
        OffsetPager {
            plan: Plan::new(max_page_size, ISC_MAX_PAGE_SIZE, fetch),
            start: 0,
        }
    }
}

impl<T> OffsetPager<T> {
    /// Asks for `size` records per page (a user-set `limit`). It is kept
    /// between 1 and the operation's maximum: a larger `limit` would only
    /// earn a `400`.
    pub fn page_size(mut self, size: u32) -> Self {
        self.plan.set_page_size(size);
        self
    }

    /// Stops after `max_items` records in all; the last request asks only
    /// for what is left. Without it the stream reads the whole collection.
    pub fn max_items(mut self, max_items: u64) -> Self {
        self.plan.max_items = Some(max_items);
        self
    }

    /// Starts at record `offset` instead of 0: the
    /// [`offset`](OffsetItems::offset) a failed or dropped stream reached.
    /// The first page's `400` is read as "past the end" (an empty stream)
    /// when its body names the offset, as ISC's `Specified offset is
    /// invalid.` does, since a stream that failed right after its last full
    /// page resumes exactly at the end.
    pub fn start_at(mut self, offset: u64) -> Self {
        self.start = offset;
        self
    }

    /// The page size the stream will ask for.
    pub fn current_page_size(&self) -> u32 {
        self.plan.page_size
    }

    /// A stream of pages. Each page yielded holds at least one record.
    pub fn pages(self) -> OffsetPages<T> {
        OffsetPages(self.plan.pages(OffsetCursor {
            next_offset: self.start,
        }))
    }

    /// A stream of records.
    pub fn items(self) -> OffsetItems<T> {
        OffsetItems(Items::new(self.pages().0))
    }
}

/// The position in an offset/limit list: the offset of the next page.
#[derive(Debug)]
struct OffsetCursor {
    next_offset: u64,
}

impl<T> Cursor<T> for OffsetCursor {
    type Request = PageRequest;

    fn request(&self, limit: u32) -> PageRequest {
        PageRequest {
            offset: self.next_offset,
            limit,
        }
    }

    fn advance(&mut self, items: &[T]) -> bool {
        self.next_offset += items.len() as u64;
        true
    }

    /// Whether `err` is ISC's `400` for an offset past the end: only right
    /// after a full page, or on the first page of a stream started at an
    /// offset when the body names the offset; never for an offset below a
    /// known `X-Total-Count`.
    fn ends_at(&self, err: &Error, seen: &Seen) -> bool {
        let Error::Api(api) = err else { return false };
        let offset = self.next_offset;
        if offset == 0 || api.status() != StatusCode::BAD_REQUEST {
            return false;
        }
        // A known total that the offset has not reached says it is not the end.
        if seen.total_count.is_some_and(|total| offset < total) {
            return false;
        }
        let end = seen.after_full_page || (!seen.answered && mentions_offset(api.raw_body()));
        if end {
            tracing::debug!(
                offset,
                "400 for the offset after a full page: the list ends there"
            );
        }
        end
    }
}

/// Whether an error body mentions `offset` (ISC: `{"detailMessage":
/// "Specified offset is invalid."}`).
fn mentions_offset(body: &[u8]) -> bool {
    body.windows(6).any(|w| w.eq_ignore_ascii_case(b"offset"))
}

/// A lazy stream of the pages of an offset/limit list, from
/// [`OffsetPager::pages`]. See the [module docs](super) for its rules.
///
/// ```
/// use futures_util::TryStreamExt;
/// use sailpoint_isc::paginate::{OffsetPager, Page, PageRequest};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), sailpoint_isc::Error> {
/// let fetch = |req: PageRequest| async move {
///     let end = (req.offset + u64::from(req.limit)).min(600);
///     Ok(Page::new((req.offset..end).collect::<Vec<u64>>()))
/// };
/// let sizes: Vec<usize> = OffsetPager::new(250, fetch)
///     .pages()
///     .map_ok(|page| page.items.len())
///     .try_collect()
///     .await?;
/// assert_eq!(sizes, [250, 250, 100]);
/// # Ok(()) }
/// ```
pub struct OffsetPages<T>(Pages<OffsetCursor, T>);

forward_stream!(OffsetPages => Result<Page<T>>);

impl<T> OffsetPages<T> {
    /// The offset of the next page to fetch: where a new stream started with
    /// [`OffsetPager::start_at`] picks up after an error.
    pub fn offset(&self) -> u64 {
        self.0.cursor.next_offset
    }

    /// The collection's size from the first page's `X-Total-Count`, once the
    /// first page has arrived with one.
    pub fn total_count(&self) -> Option<u64> {
        self.0.total_count()
    }

    /// Whether the stream stopped at an error (and can be
    /// [`resume`](Self::resume)d).
    pub fn failed(&self) -> bool {
        self.0.failed()
    }

    /// Continues after an error: the next poll fetches the page that failed
    /// again. Nothing happens unless the stream [`failed`](Self::failed).
    pub fn resume(&mut self) {
        self.0.resume();
    }
}

/// A lazy stream of the records of an offset/limit list, from
/// [`OffsetPager::items`]. See the [module docs](super) for its rules.
///
/// After an error, [`offset`](Self::offset) is the index of the first record
/// not yet yielded; [`resume`](Self::resume) continues from there, and
/// [`OffsetPager::start_at`] starts a new stream there.
///
/// ```
/// use futures_util::StreamExt;
/// use sailpoint_isc::paginate::{OffsetPager, Page, PageRequest};
/// use sailpoint_isc::{ConfigError, Error};
/// use std::sync::atomic::{AtomicBool, Ordering};
/// use std::sync::Arc;
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// // A list of 20 records whose third page fails once.
/// let failed = Arc::new(AtomicBool::new(false));
/// let fetch = move |req: PageRequest| {
///     let failed = failed.clone();
///     async move {
///         if req.offset == 10 && !failed.swap(true, Ordering::SeqCst) {
///             let message = "tenant unavailable".to_owned();
///             return Err(Error::Config(ConfigError { setting: "demo".into(), message }));
///         }
///         let end = (req.offset + u64::from(req.limit)).min(20);
///         Ok(Page::new((req.offset..end).collect::<Vec<u64>>()))
///     }
/// };
/// let mut items = OffsetPager::new(250, fetch).page_size(5).items();
/// let mut seen = Vec::new();
/// while let Some(item) = items.next().await {
///     match item {
///         Ok(n) => seen.push(n),
///         Err(e) => {
///             assert_eq!(items.offset(), 10);
///             eprintln!("stopped before record {}: {e}; resuming", items.offset());
///             items.resume();
///         }
///     }
/// }
/// assert_eq!(seen, (0..20).collect::<Vec<_>>());
/// # }
/// ```
pub struct OffsetItems<T>(Items<OffsetCursor, T>);

forward_stream!(OffsetItems => Result<T>);

impl<T> OffsetItems<T> {
    /// The index of the next record this stream yields: what
    /// [`OffsetPager::start_at`] takes to start a new stream where this one
    /// stopped (after an error, or when dropped early).
    pub fn offset(&self) -> u64 {
        self.0.pages.cursor.next_offset - self.0.unread() as u64
    }

    /// The collection's size from the first page's `X-Total-Count`, once the
    /// first page has arrived with one.
    pub fn total_count(&self) -> Option<u64> {
        self.0.pages.total_count()
    }

    /// Whether the stream stopped at an error (and can be
    /// [`resume`](Self::resume)d).
    pub fn failed(&self) -> bool {
        self.0.pages.failed()
    }

    /// Continues after an error: the next poll fetches the page that failed
    /// again. Nothing happens unless the stream [`failed`](Self::failed).
    pub fn resume(&mut self) {
        self.0.pages.resume();
    }
}
