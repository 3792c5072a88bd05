//! The one paging machine under both pagers: the page fetch loop, the
//! `max_items` cap, the clean end on a short or empty page, the fused
//! error that [`resume`](Pages::resume) clears, the total count, and the
//! item buffer. What differs between offset/limit and `searchAfter` paging
//! is only where the list is and what the next request asks, a [`Cursor`].

use super::Page;
use crate::error::{Error, Result};
use crate::futures::BoxFuture;
use futures_util::stream::{FusedStream, Stream};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// A boxed page fetch: boxing keeps the stream types nameable
/// (`OffsetItems<AccessProfile>`) so they can be stored and returned; one
/// allocation per page is nothing next to an HTTP request.
pub(super) type Fetch<R, T> = Box<dyn FnMut(R) -> BoxFuture<'static, Result<Page<T>>> + Send>;

/// A way of paging: where the stream is in the list, what the next request
/// asks, and what an answer means for the position.
pub(super) trait Cursor<T> {
    /// What the fetch closure is given for one page.
    type Request;

    /// The request for the next page, of at most `limit` records.
    fn request(&self, limit: u32) -> Self::Request;

    /// Moves past `items`, the non-empty (and already capped) answer to
    /// the last request; `false` when the page must end the stream unseen.
    fn advance(&mut self, items: &[T]) -> bool;

    /// Whether `err`, the answer to the last request, is the list's end
    /// rather than a failure, given what the stream has seen so far.
    fn ends_at(&self, err: &Error, seen: &Seen) -> bool;
}

/// What a stream has learnt from the pages answered so far; a [`Cursor`]
/// reads it to tell the end of a list from an error.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Seen {
    /// Whether any page has been answered (the first sets `total_count`).
    pub(super) answered: bool,
    /// The collection's size from the first page's `X-Total-Count`.
    pub(super) total_count: Option<u64>,
    /// Whether the last page answered was full; only then may the stream
    /// go on, so an error that follows can be an offset past the end.
    pub(super) after_full_page: bool,
}

/// Where a stream is: still fetching, finished, or stopped by an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Running,
    Done,
    Failed,
}

/// What a pager holds before it becomes a stream: the fetch and the page
/// size and cap, the settings both pagers share.
pub(super) struct Plan<R, T> {
    fetch: Fetch<R, T>,
    /// The largest `limit` the operation accepts.
    pub(super) max_page_size: u32,
    pub(super) page_size: u32,
    pub(super) max_items: Option<u64>,
}

impl<R, T> Plan<R, T> {
    /// Boxes `fetch`; a `max_page_size` of 0 is read as `fallback`, the
    /// maximum of the kind of list.
    pub(super) fn new<F, Fut>(max_page_size: u32, fallback: u32, mut fetch: F) -> Self
    where
        F: FnMut(R) -> Fut + Send + 'static,
        Fut: Future<Output = Result<Page<T>>> + Send + 'static,
    {
        let max_page_size = if max_page_size == 0 {
            fallback
        } else {
            max_page_size
        };
        Plan {
            fetch: Box::new(move |req| Box::pin(fetch(req))),
            max_page_size,
            page_size: max_page_size,
            max_items: None,
        }
    }

    /// Sets the page size, kept between 1 and the operation's maximum: a
    /// larger `limit` would only earn a `400`.
    pub(super) fn set_page_size(&mut self, size: u32) {
        self.page_size = size.clamp(1, self.max_page_size);
    }

    /// The stream of pages from `cursor` on.
    pub(super) fn pages<C: Cursor<T, Request = R>>(self, cursor: C) -> Pages<C, T> {
        Pages {
            fetch: self.fetch,
            cursor,
            page_size: self.page_size,
            max_items: self.max_items,
            taken: 0,
            seen: Seen::default(),
            phase: Phase::Running,
            in_flight: None,
        }
    }
}

/// The lazy stream of pages over a cursor. Each page yielded holds at
/// least one record.
pub(super) struct Pages<C: Cursor<T>, T> {
    fetch: Fetch<C::Request, T>,
    pub(super) cursor: C,
    page_size: u32,
    max_items: Option<u64>,
    /// Records yielded so far, for `max_items`.
    taken: u64,
    seen: Seen,
    phase: Phase,
    /// The page being fetched and the `limit` it asked for.
    in_flight: Option<(u32, BoxFuture<'static, Result<Page<T>>>)>,
}

impl<C: Cursor<T>, T> Pages<C, T> {
    /// The collection's size from the first page's `X-Total-Count`.
    pub(super) fn total_count(&self) -> Option<u64> {
        self.seen.total_count
    }

    /// Whether the stream stopped at an error.
    pub(super) fn failed(&self) -> bool {
        self.phase == Phase::Failed
    }

    /// Makes a failed stream fetch the page that failed again.
    pub(super) fn resume(&mut self) {
        if self.phase == Phase::Failed {
            self.phase = Phase::Running;
        }
    }

    /// Records still allowed by `max_items`.
    fn remaining(&self) -> Option<u64> {
        self.max_items.map(|cap| cap.saturating_sub(self.taken))
    }

    /// Takes in the page answered for a request of `limit` records; `None`
    /// when it ends the stream unseen.
    fn accept(&mut self, limit: u32, mut page: Page<T>) -> Option<Page<T>> {
        if !self.seen.answered {
            self.seen.answered = true;
            self.seen.total_count = page.total_count;
        }
        if let Some(left) = self.remaining() {
            page.items
                .truncate(usize::try_from(left).unwrap_or(usize::MAX));
        }
        let got = page.items.len() as u64;
        if got == 0 || !self.cursor.advance(&page.items) {
            self.phase = Phase::Done;
            return None;
        }
        self.taken += got;
        self.seen.after_full_page = got >= u64::from(limit);
        if !self.seen.after_full_page || self.remaining() == Some(0) {
            self.phase = Phase::Done;
        }
        Some(page)
    }
}

// The fetch closure and its future are boxed and never pinned in place.
impl<C: Cursor<T>, T> Unpin for Pages<C, T> {}

impl<C: Cursor<T>, T> Stream for Pages<C, T> {
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
            // At most `page_size`, so the cast cannot truncate.
            let limit = u64::from(this.page_size).min(left) as u32;
            let fut = (this.fetch)(this.cursor.request(limit));
            this.in_flight = Some((limit, fut));
        }
        let Some((limit, fut)) = this.in_flight.as_mut() else {
            return Poll::Ready(None);
        };
        let limit = *limit;
        let answer = match fut.as_mut().poll(cx) {
            Poll::Pending => return Poll::Pending,
            Poll::Ready(answer) => answer,
        };
        this.in_flight = None;
        match answer {
            Ok(page) => Poll::Ready(this.accept(limit, page).map(Ok)),
            Err(err) if this.cursor.ends_at(&err, &this.seen) => {
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

impl<C: Cursor<T>, T> FusedStream for Pages<C, T> {
    fn is_terminated(&self) -> bool {
        self.phase != Phase::Running
    }
}

impl<C: Cursor<T> + fmt::Debug, T> fmt::Debug for Pages<C, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pages")
            .field("cursor", &self.cursor)
            .field("page_size", &self.page_size)
            .field("max_items", &self.max_items)
            .field("taken", &self.taken)
            .field("total_count", &self.seen.total_count)
            .field("phase", &self.phase)
            .field(
                "in_flight",
                &self.in_flight.as_ref().map(|(limit, _)| limit),
            )
            .finish_non_exhaustive()
    }
}

/// The lazy stream of records over a cursor: the records of the last page
/// answered, then the next page.
pub(super) struct Items<C: Cursor<T>, T> {
    pub(super) pages: Pages<C, T>,
    buffer: std::vec::IntoIter<T>,
}

impl<C: Cursor<T>, T> Items<C, T> {
    /// The records of `pages`, one at a time.
    pub(super) fn new(pages: Pages<C, T>) -> Self {
        Items {
            pages,
            buffer: Vec::new().into_iter(),
        }
    }

    /// Records fetched and not yet yielded.
    pub(super) fn unread(&self) -> usize {
        self.buffer.len()
    }
}

// Records are moved out of the buffer, never pinned in place.
impl<C: Cursor<T>, T> Unpin for Items<C, T> {}

impl<C: Cursor<T>, T> Stream for Items<C, T> {
    type Item = Result<T>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if let Some(item) = this.buffer.next() {
                return Poll::Ready(Some(Ok(item)));
            }
            match Pin::new(&mut this.pages).poll_next(cx) {
                Poll::Ready(Some(Ok(page))) => this.buffer = page.items.into_iter(),
                Poll::Ready(Some(Err(err))) => return Poll::Ready(Some(Err(err))),
                Poll::Ready(None) => return Poll::Ready(None),
                Poll::Pending => return Poll::Pending,
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let upper = self.pages.is_terminated().then_some(self.buffer.len());
        (self.buffer.len(), upper)
    }
}

impl<C: Cursor<T>, T> FusedStream for Items<C, T> {
    fn is_terminated(&self) -> bool {
        self.buffer.len() == 0 && self.pages.is_terminated()
    }
}

impl<C: Cursor<T> + fmt::Debug, T> fmt::Debug for Items<C, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Items")
            .field("pages", &self.pages)
            .field("buffered", &self.buffer.len())
            .finish()
    }
}

/// Implements `Stream`, `FusedStream` and `Debug` for a public stream, a
/// newtype `$name<T>` around a core [`Pages`] or [`Items`], by forwarding:
/// the public types stay plain structs with their own docs, and the
/// [`Cursor`] stays private.
macro_rules! forward_stream {
    ($name:ident => $item:ty) => {
        impl<T> ::futures_util::stream::Stream for $name<T> {
            type Item = $item;

            fn poll_next(
                self: ::std::pin::Pin<&mut Self>,
                cx: &mut ::std::task::Context<'_>,
            ) -> ::std::task::Poll<Option<Self::Item>> {
                ::std::pin::Pin::new(&mut self.get_mut().0).poll_next(cx)
            }

            fn size_hint(&self) -> (usize, Option<usize>) {
                self.0.size_hint()
            }
        }

        impl<T> ::futures_util::stream::FusedStream for $name<T> {
            fn is_terminated(&self) -> bool {
                self.0.is_terminated()
            }
        }

        impl<T> ::std::fmt::Debug for $name<T> {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_tuple(stringify!($name)).field(&self.0).finish()
            }
        }
    };
}
pub(super) use forward_stream;
