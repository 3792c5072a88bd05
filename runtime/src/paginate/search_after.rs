//! `searchAfter` paging: [`SearchAfterPager`] and its two streams.

use super::{boxed, Fetch, Page, Phase};
use crate::error::Result;
use crate::futures::BoxFuture;
use crate::json::Encode;
use futures_util::stream::{FusedStream, Stream};
use serde_json::Value;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// One page to fetch from a `searchAfter` list: what the call sends as the
/// search body's `sort` and `searchAfter` and its `limit` query parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchAfterRequest {
    /// The sort to send: the caller's, ending in the id field.
    pub sort: Vec<String>,
    /// The sort values of the last record of the previous page; `None` for
    /// the first page.
    pub search_after: Option<Vec<Value>>,
    /// Most records the page may hold (at least 1).
    pub limit: u32,
}

impl SearchAfterRequest {
    /// [`search_after`](Self::search_after) as strings, the type ISC's specs
    /// give `searchAfter` (`["John Doe", "2c9180…"]`): a string as it is,
    /// a number or boolean as its JSON text (Elasticsearch parses it back
    /// by the field's type), `null` (a record without the field) as `""`,
    /// an object or array as its JSON text.
    ///
    /// ```
    /// use sailpoint_isc::paginate::SearchAfterRequest;
    /// use serde_json::json;
    ///
    /// let req = SearchAfterRequest {
    ///     sort: vec!["-modified".into(), "id".into()],
    ///     search_after: Some(vec![json!(1700000000000u64), json!("2c9")]),
    ///     limit: 250,
    /// };
    /// assert_eq!(req.search_after_strings(), Some(vec!["1700000000000".into(), "2c9".into()]));
    /// ```
    pub fn search_after_strings(&self) -> Option<Vec<String>> {
        let text = |v: &Value| match v {
            Value::String(s) => s.clone(),
            Value::Null => String::new(),
            other => other.to_string(),
        };
        Some(self.search_after.as_ref()?.iter().map(text).collect())
    }
}

/// How to page through a search by sort values; turn it into a stream with
/// [`items`](SearchAfterPager::items) or [`pages`](SearchAfterPager::pages).
///
/// The sort sent is the caller's [`sort`](SearchAfterPager::sort) (ISC's
/// syntax: `"-created"` sorts descending) with the document id (`id`,
/// see [`id_field`](SearchAfterPager::id_field)) added as the last key when
/// it is not in it: records with equal sort values are then still ordered,
/// so none is skipped or repeated between pages. No sort at all is a sort by
/// id. Each page's last record gives, field by field, the values sent as
/// the next page's `searchAfter` (see [`sort_values`]).
///
/// ```
/// use futures_util::TryStreamExt;
/// use sailpoint_isc::paginate::{Page, SearchAfterPager, SearchAfterRequest};
/// use serde_json::{json, Value};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), sailpoint_isc::Error> {
/// // Ten identities all in one department; sorted by id after the department.
/// let fetch = |req: SearchAfterRequest| async move {
///     assert_eq!(req.sort, ["-department", "id"]);
///     let after = req.search_after.map(|v| v[1].as_str().unwrap_or("").to_owned());
///     let items: Vec<Value> = (0..10)
///         .map(|n| format!("id-{n}"))
///         .filter(|id| after.as_deref().is_none_or(|a| id.as_str() > a))
///         .take(req.limit as usize)
///         .map(|id| json!({ "id": id, "department": "Sales" }))
///         .collect();
///     Ok(Page::new(items))
/// };
/// let all: Vec<Value> = SearchAfterPager::new(10_000, fetch)
///     .sort(["-department"])
///     .page_size(3)
///     .items()
///     .try_collect()
///     .await?;
/// assert_eq!(all.len(), 10);
/// # Ok(()) }
/// ```
pub struct SearchAfterPager<T> {
    fetch: Fetch<SearchAfterRequest, T>,
    values: fn(&T, &[String]) -> Vec<Value>,
    max_page_size: u32,
    page_size: u32,
    sort: Vec<String>,
    id_field: String,
    start_after: Option<Vec<Value>>,
    max_items: Option<u64>,
}

impl<T> fmt::Debug for SearchAfterPager<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SearchAfterPager")
            .field("page_size", &self.page_size)
            .field("sort", &self.sort)
            .field("id_field", &self.id_field)
            .field("start_after", &self.start_after)
            .field("max_items", &self.max_items)
            .finish_non_exhaustive()
    }
}

impl<T: Encode + Send + 'static> SearchAfterPager<T> {
    /// Pages with `fetch`, which sends one search with the request's `sort`,
    /// `searchAfter` and `limit` and answers its records. `max_page_size`
    /// is the largest `limit` the operation allows (10,000 for ISC's
    /// search; 0 is read as that); it is also the default page size.
    pub fn new<F, Fut>(max_page_size: u32, fetch: F) -> Self
    where
        F: FnMut(SearchAfterRequest) -> Fut + Send + 'static,
        Fut: Future<Output = Result<Page<T>>> + Send + 'static,
    {
        let max_page_size = if max_page_size == 0 {
            10_000
        } else {
            max_page_size
        };
        SearchAfterPager {
            fetch: boxed(fetch),
            values: sort_values::<T>,
            max_page_size,
            page_size: max_page_size,
            sort: Vec::new(),
            id_field: "id".to_owned(),
            start_after: None,
            max_items: None,
        }
    }
}

impl<T> SearchAfterPager<T> {
    /// The caller's sort, most significant field first; `-` before a field
    /// sorts it descending.
    pub fn sort<S: Into<String>>(mut self, fields: impl IntoIterator<Item = S>) -> Self {
        self.sort = fields.into_iter().map(Into::into).collect();
        self
    }

    /// The field that identifies a record uniquely, added as the last sort
    /// key (`id` unless set).
    pub fn id_field(mut self, field: impl Into<String>) -> Self {
        self.id_field = field.into();
        self
    }

    /// Asks for `size` records per page, kept between 1 and the
    /// operation's maximum.
    pub fn page_size(mut self, size: u32) -> Self {
        self.page_size = size.clamp(1, self.max_page_size);
        self
    }

    /// Stops after `max_items` records in all.
    pub fn max_items(mut self, max_items: u64) -> Self {
        self.max_items = Some(max_items);
        self
    }

    /// Starts after the record whose sort values are `values`: the
    /// [`search_after`](SearchAfterItems::search_after) a failed stream
    /// reached, with the same sort.
    pub fn start_after(mut self, values: Vec<Value>) -> Self {
        self.start_after = Some(values);
        self
    }

    /// The sort every request sends: the caller's, ending in the id field.
    /// The id is added in the caller's syntax: `id`, or `id:asc` when the
    /// caller writes directions as suffixes (`name:asc`, `created:desc`).
    pub fn effective_sort(&self) -> Vec<String> {
        let mut sort: Vec<String> = self.sort.clone();
        let has_id = sort.iter().any(|f| field_name(f) == self.id_field);
        if !has_id {
            let suffixed = sort.iter().any(|f| direction_suffix(f).is_some());
            let id = &self.id_field;
            sort.push(if suffixed {
                format!("{id}:asc")
            } else {
                id.clone()
            });
        }
        sort
    }

    /// A stream of pages. Each page yielded holds at least one record.
    pub fn pages(self) -> SearchAfterPages<T> {
        SearchAfterPages {
            sort: self.effective_sort(),
            fetch: self.fetch,
            values: self.values,
            page_size: self.page_size,
            cursor: self.start_after,
            max_items: self.max_items,
            taken: 0,
            total_count: None,
            answered: false,
            phase: super::Phase::Running,
            in_flight: None,
        }
    }

    /// A stream of records.
    pub fn items(self) -> SearchAfterItems<T> {
        SearchAfterItems {
            pages: self.pages(),
            buffer: Vec::new().into_iter(),
        }
    }
}

/// A sort entry without its direction (`-created`, `+created` and
/// `created:desc` are all `created`).
fn field_name(entry: &str) -> &str {
    let entry = direction_suffix(entry).map_or(entry, |(name, _)| name);
    entry
        .strip_prefix('-')
        .or_else(|| entry.strip_prefix('+'))
        .unwrap_or(entry)
}

/// `("name", "asc")` for `name:asc`, and likewise for `:desc`.
fn direction_suffix(entry: &str) -> Option<(&str, &str)> {
    let (name, dir) = entry.rsplit_once(':')?;
    (dir.eq_ignore_ascii_case("asc") || dir.eq_ignore_ascii_case("desc")).then_some((name, dir))
}

/// The values of `item`'s sort fields, in order, as sent in `searchAfter`:
/// the item is encoded to JSON ([`Encode`]; generated models use their wire
/// names) and each field read by name, a dotted name (`manager.name`)
/// walking into objects when no property has the whole name. A field the
/// record lacks is `null`.
///
/// ```
/// use sailpoint_isc::paginate::sort_values;
/// use serde_json::json;
///
/// let doc = json!({"id": "2c9", "name": "Ann", "manager": {"name": "Bo"}});
/// let sort = ["-manager.name".to_owned(), "name".to_owned(), "id".to_owned()];
/// assert_eq!(sort_values(&doc, &sort), [json!("Bo"), json!("Ann"), json!("2c9")]);
/// ```
pub fn sort_values<T: Encode + ?Sized>(item: &T, sort: &[String]) -> Vec<Value> {
    let doc = item.encode();
    sort.iter()
        .map(|entry| {
            lookup(&doc, field_name(entry))
                .cloned()
                .unwrap_or(Value::Null)
        })
        .collect()
}

fn lookup<'a>(doc: &'a Value, name: &str) -> Option<&'a Value> {
    if let Some(v) = doc.get(name) {
        return Some(v);
    }
    name.split('.').try_fold(doc, |v, key| v.get(key))
}

/// A lazy stream of the pages of a search paged by `searchAfter`, from
/// [`SearchAfterPager::pages`]. See the [module docs](super) for its rules.
pub struct SearchAfterPages<T> {
    fetch: Fetch<SearchAfterRequest, T>,
    values: fn(&T, &[String]) -> Vec<Value>,
    sort: Vec<String>,
    page_size: u32,
    /// Sort values of the last record yielded.
    cursor: Option<Vec<Value>>,
    max_items: Option<u64>,
    taken: u64,
    total_count: Option<u64>,
    answered: bool,
    phase: Phase,
    in_flight: Option<(u32, BoxFuture<'static, Result<Page<T>>>)>,
}

impl<T> fmt::Debug for SearchAfterPages<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SearchAfterPages")
            .field("sort", &self.sort)
            .field("page_size", &self.page_size)
            .field("search_after", &self.cursor)
            .field("taken", &self.taken)
            .field("total_count", &self.total_count)
            .field("phase", &self.phase)
            .finish_non_exhaustive()
    }
}

impl<T> SearchAfterPages<T> {
    /// The sort values of the last record of the last page answered: where
    /// [`SearchAfterPager::start_after`] picks up after an error. `None`
    /// before the first page.
    pub fn search_after(&self) -> Option<&[Value]> {
        self.cursor.as_deref()
    }

    /// The sort every request sends.
    pub fn sort(&self) -> &[String] {
        &self.sort
    }

    /// The result's size from the first page's `X-Total-Count`, if sent.
    pub fn total_count(&self) -> Option<u64> {
        self.total_count
    }

    /// Whether the stream stopped at an error.
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

    fn remaining(&self) -> Option<u64> {
        self.max_items.map(|cap| cap.saturating_sub(self.taken))
    }

    /// Takes in an answered page; `None` when it ends the stream unseen.
    fn accept(&mut self, limit: u32, mut page: Page<T>) -> Option<Page<T>> {
        if !self.answered {
            self.answered = true;
            self.total_count = page.total_count;
        }
        if let Some(left) = self.remaining() {
            page.items
                .truncate(usize::try_from(left).unwrap_or(usize::MAX));
        }
        let last = page.items.last()?;
        let cursor = (self.values)(last, &self.sort);
        // With the id as the last key, sort values identify one record: the
        // same values again mean the server ignored `searchAfter` and would
        // answer this page forever.
        if self.cursor.as_ref() == Some(&cursor) {
            tracing::warn!(
                sort = ?self.sort,
                "searchAfter did not advance: the server answered the previous page again; stopping"
            );
            self.phase = Phase::Done;
            return None;
        }
        self.cursor = Some(cursor);
        let got = page.items.len() as u64;
        self.taken += got;
        if got < u64::from(limit) || self.remaining() == Some(0) {
            self.phase = Phase::Done;
        }
        Some(page)
    }
}

// The fetch closure and its future are boxed and never pinned in place.
impl<T> Unpin for SearchAfterPages<T> {}

impl<T> Stream for SearchAfterPages<T> {
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
            let req = SearchAfterRequest {
                sort: this.sort.clone(),
                search_after: this.cursor.clone(),
                limit,
            };
            this.in_flight = Some((limit, (this.fetch)(req)));
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
            Ok(page) => {
                let page = this.accept(limit, page);
                if page.is_none() {
                    this.phase = Phase::Done;
                }
                Poll::Ready(page.map(Ok))
            }
            Err(err) => {
                this.phase = Phase::Failed;
                Poll::Ready(Some(Err(err)))
            }
        }
    }
}

impl<T> FusedStream for SearchAfterPages<T> {
    fn is_terminated(&self) -> bool {
        self.phase != Phase::Running
    }
}

/// A lazy stream of the records of a search paged by `searchAfter`, from
/// [`SearchAfterPager::items`]. See the [module docs](super) for its rules.
///
/// After an error, [`search_after`](Self::search_after) gives the sort values
/// to start a new stream from with [`SearchAfterPager::start_after`] (or
/// [`resume`](Self::resume) continues this one).
///
/// ```
/// use futures_util::{StreamExt, TryStreamExt};
/// use sailpoint_isc::paginate::{Page, SearchAfterPager, SearchAfterRequest};
/// use serde_json::{json, Value};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), sailpoint_isc::Error> {
/// let pager = || {
///     SearchAfterPager::new(10_000, |req: SearchAfterRequest| async move {
///         let after = req.search_after.map(|v| v[0].as_u64().unwrap_or(0));
///         let start = after.map_or(0, |a| a + 1);
///         let end = (start + u64::from(req.limit)).min(10);
///         Ok(Page::new((start..end).map(|id| json!({ "id": id })).collect::<Vec<Value>>()))
///     })
///     .page_size(4)
/// };
/// let mut first = pager().items();
/// for _ in 0..4 {
///     first.next().await.transpose()?;
/// }
/// // Stopped at a page boundary: nothing fetched is left unread.
/// assert_eq!(first.unread(), 0);
/// let cursor = first.search_after().map(<[Value]>::to_vec).unwrap_or_default();
/// assert_eq!(cursor, [json!(3)]);
/// let rest: Vec<Value> = pager().start_after(cursor).items().try_collect().await?;
/// assert_eq!(rest.len(), 6);
/// # Ok(()) }
/// ```
pub struct SearchAfterItems<T> {
    pages: SearchAfterPages<T>,
    buffer: std::vec::IntoIter<T>,
}

impl<T> fmt::Debug for SearchAfterItems<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SearchAfterItems")
            .field("pages", &self.pages)
            .field("buffered", &self.buffer.len())
            .finish()
    }
}

impl<T> SearchAfterItems<T> {
    /// The sort values of the last record of the last page fetched: where
    /// [`SearchAfterPager::start_after`] picks up. After an error every
    /// record fetched has been yielded, so nothing is skipped from there;
    /// a stream dropped mid-page still holds [`unread`](Self::unread)
    /// records that come before it.
    pub fn search_after(&self) -> Option<&[Value]> {
        self.pages.search_after()
    }

    /// Records fetched and not yet yielded.
    pub fn unread(&self) -> usize {
        self.buffer.len()
    }

    /// The sort every request sends.
    pub fn sort(&self) -> &[String] {
        self.pages.sort()
    }

    /// The result's size from the first page's `X-Total-Count`, if sent.
    pub fn total_count(&self) -> Option<u64> {
        self.pages.total_count()
    }

    /// Whether the stream stopped at an error.
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
impl<T> Unpin for SearchAfterItems<T> {}

impl<T> Stream for SearchAfterItems<T> {
    type Item = Result<T>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        super::poll_items(&mut this.pages, &mut this.buffer, cx)
    }
}

impl<T> FusedStream for SearchAfterItems<T> {
    fn is_terminated(&self) -> bool {
        self.buffer.len() == 0 && self.pages.is_terminated()
    }
}
