//! Offset/limit paging: [`OffsetPager`] and its two streams.

use super::{boxed, Fetch, Page, PageRequest, Phase, ISC_MAX_PAGE_SIZE};
use crate::error::{Error, Result};
use crate::futures::BoxFuture;
use futures_util::stream::{FusedStream, Stream};
use http::StatusCode;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

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
    fetch: Fetch<PageRequest, T>,
    max_page_size: u32,
    page_size: u32,
    start: u64,
    max_items: Option<u64>,
}

impl<T> fmt::Debug for OffsetPager<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OffsetPager")
            .field("max_page_size", &self.max_page_size)
            .field("page_size", &self.page_size)
            .field("start", &self.start)
            .field("max_items", &self.max_items)
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
        let max_page_size = if max_page_size == 0 {
            ISC_MAX_PAGE_SIZE
        } else {
            max_page_size
        };
        OffsetPager {
            fetch: boxed(fetch),
            max_page_size,
            page_size: max_page_size,
            start: 0,
            max_items: None,
        }
    }
}

impl<T> OffsetPager<T> {
    /// Asks for `size` records per page (a user-set `limit`). It is kept
    /// between 1 and the operation's maximum: a larger `limit` would only
    /// earn a `400`.
    pub fn page_size(mut self, size: u32) -> Self {
        self.page_size = size.clamp(1, self.max_page_size);
        self
    }

    /// Stops after `max_items` records in all; the last request asks only
    /// for what is left. Without it the stream reads the whole collection.
    pub fn max_items(mut self, max_items: u64) -> Self {
        self.max_items = Some(max_items);
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
        self.page_size
    }

    /// A stream of pages. Each page yielded holds at least one record.
    pub fn pages(self) -> OffsetPages<T> {
        OffsetPages {
            fetch: self.fetch,
            page_size: self.page_size,
            next_offset: self.start,
            max_items: self.max_items,
            taken: 0,
            total_count: None,
            answered: false,
            after_full_page: false,
            phase: Phase::Running,
            in_flight: None,
        }
    }

    /// A stream of records.
    pub fn items(self) -> OffsetItems<T> {
        OffsetItems {
            pages: self.pages(),
            buffer: Vec::new().into_iter(),
        }
    }
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
pub struct OffsetPages<T> {
    fetch: Fetch<PageRequest, T>,
    page_size: u32,
    /// Offset of the next page to fetch.
    next_offset: u64,
    max_items: Option<u64>,
    /// Records yielded so far, for `max_items`.
    taken: u64,
    total_count: Option<u64>,
    /// Whether any page has been answered (the first sets `total_count`).
    answered: bool,
    /// Whether the last page answered was full, so that a `400` for the
    /// next offset means "past the end".
    after_full_page: bool,
    phase: Phase,
    in_flight: Option<(PageRequest, BoxFuture<'static, Result<Page<T>>>)>,
}

impl<T> fmt::Debug for OffsetPages<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OffsetPages")
            .field("page_size", &self.page_size)
            .field("next_offset", &self.next_offset)
            .field("max_items", &self.max_items)
            .field("taken", &self.taken)
            .field("total_count", &self.total_count)
            .field("phase", &self.phase)
            .field("in_flight", &self.in_flight.as_ref().map(|(r, _)| r))
            .finish_non_exhaustive()
    }
}

impl<T> OffsetPages<T> {
    /// The offset of the next page to fetch: where a new stream started with
    /// [`OffsetPager::start_at`] picks up after an error.
    pub fn offset(&self) -> u64 {
        self.next_offset
    }

    /// The collection's size from the first page's `X-Total-Count`, once the
    /// first page has arrived with one.
    pub fn total_count(&self) -> Option<u64> {
        self.total_count
    }

    /// Whether the stream stopped at an error (and can be
    /// [`resume`](Self::resume)d).
    pub fn failed(&self) -> bool {
        self.phase == Phase::Failed
    }

    /// Continues after an error: the next poll fetches the page that failed
    /// again. Nothing happens unless the stream [`failed`](Self::failed).
    pub fn resume(&mut self) {
        if self.phase == Phase::Failed {
            self.phase = Phase::Running;
        }
    }

    /// Records still allowed by `max_items`.
    fn remaining(&self) -> Option<u64> {
        self.max_items.map(|cap| cap.saturating_sub(self.taken))
    }

    /// Takes in an answered page; `None` when it ends the stream unseen.
    fn accept(&mut self, req: PageRequest, mut page: Page<T>) -> Option<Page<T>> {
        if !self.answered {
            self.answered = true;
            self.total_count = page.total_count;
        }
        if let Some(left) = self.remaining() {
            page.items
                .truncate(usize::try_from(left).unwrap_or(usize::MAX));
        }
        let got = page.items.len() as u64;
        if got == 0 {
            self.phase = Phase::Done;
            return None;
        }
        self.next_offset += got;
        self.taken += got;
        self.after_full_page = got >= u64::from(req.limit);
        if !self.after_full_page || self.remaining() == Some(0) {
            self.phase = Phase::Done;
        }
        Some(page)
    }

    /// Whether `err`, the answer for `req`, is ISC's `400` for an offset past
    /// the end: only right after a full page, or on the first page of a
    /// stream started at an offset when the body names the offset; never
    /// for an offset below a known `X-Total-Count`.
    fn past_end(&self, req: PageRequest, err: &Error) -> bool {
        let Error::Api(api) = err else { return false };
        if req.offset == 0 || api.status() != StatusCode::BAD_REQUEST {
            return false;
        }
        // A known total that the offset has not reached says it is not the end.
        if self.total_count.is_some_and(|total| req.offset < total) {
            return false;
        }
        if self.after_full_page {
            return true;
        }
        !self.answered && mentions_offset(api.raw_body())
    }
}

/// Whether an error body mentions `offset` (ISC: `{"detailMessage":
/// "Specified offset is invalid."}`).
fn mentions_offset(body: &[u8]) -> bool {
    body.windows(6).any(|w| w.eq_ignore_ascii_case(b"offset"))
}

// The fetch closure and its future are boxed and never pinned in place.
impl<T> Unpin for OffsetPages<T> {}

impl<T> Stream for OffsetPages<T> {
    type Item = Result<Page<T>>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if this.phase != Phase::Running {
            return Poll::Ready(None);
        }
        if this.in_flight.is_none() {
            let left = this.remaining().unwrap_or(u64::MAX);
            if left == 0 {
                this.phase = Phase::Done;
                return Poll::Ready(None);
            }
            let limit = u64::from(this.page_size).min(left) as u32;
            let req = PageRequest {
                offset: this.next_offset,
                limit,
            };
            this.in_flight = Some((req, (this.fetch)(req)));
        }
        let Some((req, fut)) = this.in_flight.as_mut() else {
            return Poll::Ready(None);
        };
        let req = *req;
        let answer = match fut.as_mut().poll(cx) {
            Poll::Pending => return Poll::Pending,
            Poll::Ready(answer) => answer,
        };
        this.in_flight = None;
        match answer {
            Ok(page) => Poll::Ready(this.accept(req, page).map(Ok)),
            Err(err) if this.past_end(req, &err) => {
                tracing::debug!(
                    offset = req.offset,
                    "400 for the offset after a full page: the list ends there"
                );
                this.answered = true;
                this.phase = Phase::Done;
                Poll::Ready(None)
            }
            Err(err) => {
                this.phase = Phase::Failed;
                Poll::Ready(Some(Err(err)))
            }
        }
    }
}

impl<T> FusedStream for OffsetPages<T> {
    fn is_terminated(&self) -> bool {
        self.phase != Phase::Running
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
pub struct OffsetItems<T> {
    pages: OffsetPages<T>,
    buffer: std::vec::IntoIter<T>,
}

impl<T> fmt::Debug for OffsetItems<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OffsetItems")
            .field("pages", &self.pages)
            .field("buffered", &self.buffer.len())
            .finish()
    }
}

impl<T> OffsetItems<T> {
    /// The index of the next record this stream yields: what
    /// [`OffsetPager::start_at`] takes to start a new stream where this one
    /// stopped (after an error, or when dropped early).
    pub fn offset(&self) -> u64 {
        self.pages.next_offset - self.buffer.len() as u64
    }

    /// The collection's size from the first page's `X-Total-Count`, once the
    /// first page has arrived with one.
    pub fn total_count(&self) -> Option<u64> {
        self.pages.total_count
    }

    /// Whether the stream stopped at an error (and can be
    /// [`resume`](Self::resume)d).
    pub fn failed(&self) -> bool {
        self.pages.failed()
    }

    /// Continues after an error: the next poll fetches the page that failed
    /// again. Nothing happens unless the stream [`failed`](Self::failed).
    pub fn resume(&mut self) {
        self.pages.resume();
    }
}

// Records are moved out of the buffer, never pinned in place.
impl<T> Unpin for OffsetItems<T> {}

impl<T> Stream for OffsetItems<T> {
    type Item = Result<T>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        super::poll_items(&mut this.pages, &mut this.buffer, cx)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let upper = if self.pages.is_terminated() {
            Some(self.buffer.len())
        } else {
            None
        };
        (self.buffer.len(), upper)
    }
}

impl<T> FusedStream for OffsetItems<T> {
    fn is_terminated(&self) -> bool {
        self.buffer.len() == 0 && self.pages.is_terminated()
    }
}
