//! What every generated builder shares, written once: the per-call
//! options, sending, and `IntoFuture`, all forwarding to the [`Call`] the
//! builder wraps. A generated builder is a one-field struct, this macro,
//! and one setter per optional parameter.
//!
//! [`Call`]: crate::Call

/// Implements the per-call options, sending and `IntoFuture` for the
/// builder `$name`, a tuple struct around a `Call<$t>`.
#[doc(hidden)]
#[macro_export]
macro_rules! __call_builder {
    // A list paged by `offset` and `limit`.
    ($name:ident, $t:ty, offset $item:ty, $max:expr) => {
        $crate::__call_builder!($name, $t);

        impl $name {
            /// Every record of the list, lazily: a page is fetched only when
            /// the stream needs more. The parameters set so far go with
            /// every page; a `limit` set is the page size (else the
            /// operation's maximum), an `offset` the first record, and
            /// [`max_items`](Self::max_items) a cap on the records read. See
            /// [`OffsetItems`](sailpoint_isc::paginate::OffsetItems) for the total
            /// count and resuming after an error.
            #[inline]
            pub fn stream(self) -> $crate::paginate::OffsetItems<$item> {
                self.pager().items()
            }

            /// The list page by page, lazily; see [`stream`](Self::stream).
            #[inline]
            pub fn pages(self) -> $crate::paginate::OffsetPages<$item> {
                self.pager().pages()
            }

            /// Stops the stream (or the pages) after `max_items` records in
            /// all, fetching no page after that; the last page asks only for
            /// what is left. The same as
            /// [`max_items`](sailpoint_isc::paginate::OffsetPager::max_items) on
            /// [`pager`](Self::pager), set here so it can go with the other
            /// parameters in any order. Sending the call itself
            /// (`.await`, [`send`](Self::send)) reads one page and ignores it.
            #[inline]
            pub fn max_items(self, max_items: u64) -> Self {
                self.__options(move |o| o.set_max_items(max_items))
            }

            /// The pager, to set a cap on the records read
            /// ([`max_items`](sailpoint_isc::paginate::OffsetPager::max_items)) or a
            /// start before streaming.
            #[inline]
            pub fn pager(self) -> $crate::paginate::OffsetPager<$item> {
                self.0.offset_pager($max)
            }
        }
    };
    // A search paged by `searchAfter`.
    ($name:ident, $t:ty, search_after $item:ty, $max:expr) => {
        $crate::__call_builder!($name, $t);

        impl $name {
            /// Every matching document, lazily, paged by `searchAfter` with
            /// the body's `sort` plus the document `id` as the last key, so
            /// documents with equal sort values are neither skipped nor
            /// repeated, past the 10,000-record window offsets stop at. See
            /// [`SearchAfterItems`](sailpoint_isc::paginate::SearchAfterItems) for
            /// resuming after an error.
            #[inline]
            pub fn stream(self) -> $crate::paginate::SearchAfterItems<$item> {
                self.pager().items()
            }

            /// The documents page by page, lazily; see [`stream`](Self::stream).
            #[inline]
            pub fn pages(self) -> $crate::paginate::SearchAfterPages<$item> {
                self.pager().pages()
            }

            /// Stops the stream (or the pages) after `max_items` documents
            /// in all, fetching no page after that. The same as
            /// [`max_items`](sailpoint_isc::paginate::SearchAfterPager::max_items) on
            /// [`pager`](Self::pager), set here so it can go with the other
            /// parameters in any order. Sending the call itself
            /// (`.await`, [`send`](Self::send)) reads one page and ignores it.
            #[inline]
            pub fn max_items(self, max_items: u64) -> Self {
                self.__options(move |o| o.set_max_items(max_items))
            }

            /// The pager, to set a cap, a start or the id field before
            /// streaming.
            #[inline]
            pub fn pager(self) -> $crate::paginate::SearchAfterPager<$item> {
                self.0.search_after_pager($max)
            }
        }
    };
    ($name:ident, $t:ty) => {
        impl $name {
            $crate::__per_call_options!(wrapping);

            /// Changes the per-call options of the call this wraps.
            #[doc(hidden)]
            #[inline]
            pub fn __options(
                self,
                f: impl ::std::ops::FnOnce(&mut $crate::__private::v1::CallOptions),
            ) -> Self {
                Self(self.0.__options(f))
            }

            /// Sends the call; the same as awaiting it.
            #[inline]
            pub fn send(self) -> $crate::CallFuture<$t> {
                self.0.send()
            }

            /// Sends the call and answers the body with the response's
            /// status and headers.
            #[inline]
            pub fn send_with_response(self) -> $crate::CallFuture<$crate::Response<$t>> {
                self.0.send_with_response()
            }

            /// The [`Call`](sailpoint_isc::Call) as set so far, for what only it
            /// offers (such as a query parameter the spec does not document).
            #[inline]
            pub fn into_call(self) -> $crate::Call<$t> {
                self.0
            }
        }

        impl ::std::future::IntoFuture for $name {
            type Output = $crate::Result<$t>;
            type IntoFuture = $crate::CallFuture<$t>;

            #[inline]
            fn into_future(self) -> Self::IntoFuture {
                self.0.send()
            }
        }
    };
}

/// Every method name a generated builder has besides its setters: the
/// per-call options, `__options`, sending, the stream methods of lists and
/// their `max_items`, the
/// optional body's setter, and the methods of the traits it implements
/// (`Debug`, `IntoFuture`). The generator gives an optional parameter of one
/// of these names a `_param` suffix; a test checks its list against this.
pub const BUILDER_METHODS: &[&str] = &[
    // What `__per_call_options!` writes.
    "header",
    "timeout",
    "retry_policy",
    "__options",
    "send",
    "send_with_response",
    "into_call",
    "into_future",
    "stream",
    "pages",
    "pager",
    "max_items",
    "body",
    "fmt",
];
