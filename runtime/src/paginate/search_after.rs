//! `searchAfter` paging: [`SearchAfterPager`] and its two streams, over the
//! [`stream`](super::stream) core with the last record's sort values as
//! the cursor.

use super::stream::{forward_stream, Cursor, Items, Pages, Plan, Seen};
use super::Page;
use crate::error::{Error, Result};
use crate::json::Encode;
use serde_json::Value;
use std::fmt;
use std::future::Future;

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
    plan: Plan<SearchAfterRequest, T>,
    values: fn(&T, &[String]) -> Vec<Value>,
    sort: Vec<String>,
    id_field: String,
    start_after: Option<Vec<Value>>,
}

impl<T> fmt::Debug for SearchAfterPager<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SearchAfterPager")
            .field("page_size", &self.plan.page_size)
            .field("sort", &self.sort)
            .field("id_field", &self.id_field)
            .field("start_after", &self.start_after)
            .field("max_items", &self.plan.max_items)
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
        SearchAfterPager {
            plan: Plan::new(max_page_size, 10_000, fetch),
            values: sort_values::<T>,
            sort: Vec::new(),
            id_field: "id".to_owned(),
            start_after: None,
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
        self.plan.set_page_size(size);
        self
    }

    /// Stops after `max_items` records in all.
    pub fn max_items(mut self, max_items: u64) -> Self {
        self.plan.max_items = Some(max_items);
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
        let cursor = SearchAfterCursor {
            sort: self.effective_sort(),
            values: self.values,
            after: self.start_after,
        };
        SearchAfterPages(self.plan.pages(cursor))
    }

    /// A stream of records.
    pub fn items(self) -> SearchAfterItems<T> {
        SearchAfterItems(Items::new(self.pages().0))
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

/// A sort entry's field and whether it sorts descending (`-created`,
/// `created:desc`); read by the mock server to sort the records it pages.
#[cfg(feature = "mock-tenant")]
pub(crate) fn sort_field(entry: &str) -> (&str, bool) {
    let descending = entry.starts_with('-')
        || direction_suffix(entry).is_some_and(|(_, dir)| dir.eq_ignore_ascii_case("desc"));
    (field_name(entry), descending)
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

/// The position in a search: the sort values of the last record yielded,
/// and the sort that gives them.
struct SearchAfterCursor<T> {
    sort: Vec<String>,
    values: fn(&T, &[String]) -> Vec<Value>,
    after: Option<Vec<Value>>,
}

impl<T> fmt::Debug for SearchAfterCursor<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SearchAfterCursor")
            .field("sort", &self.sort)
            .field("search_after", &self.after)
            .finish_non_exhaustive()
    }
}

impl<T> Cursor<T> for SearchAfterCursor<T> {
    type Request = SearchAfterRequest;

    fn request(&self, limit: u32) -> SearchAfterRequest {
        SearchAfterRequest {
            sort: self.sort.clone(),
            search_after: self.after.clone(),
            limit,
        }
    }

    fn advance(&mut self, items: &[T]) -> bool {
        let Some(last) = items.last() else {
            return false;
        };
        let after = (self.values)(last, &self.sort);
        // With the id as the last key, sort values identify one record: the
        // same values again mean the server ignored `searchAfter` and would
        // answer this page forever.
        if self.after.as_ref() == Some(&after) {
            tracing::warn!(
                sort = ?self.sort,
                "searchAfter did not advance: the server answered the previous page again; stopping"
            );
            return false;
        }
        self.after = Some(after);
        true
    }

    /// No error is an end: past the last record a search answers a short
    /// or empty page.
    fn ends_at(&self, _err: &Error, _seen: &Seen) -> bool {
        false
    }
}

/// A lazy stream of the pages of a search paged by `searchAfter`, from
/// [`SearchAfterPager::pages`]. See the [module docs](super) for its rules.
pub struct SearchAfterPages<T>(Pages<SearchAfterCursor<T>, T>);

forward_stream!(SearchAfterPages => Result<Page<T>>);

impl<T> SearchAfterPages<T> {
    /// The sort values of the last record of the last page answered: where
    /// [`SearchAfterPager::start_after`] picks up after an error. `None`
    /// before the first page.
    pub fn search_after(&self) -> Option<&[Value]> {
        self.0.cursor.after.as_deref()
    }

    /// The sort every request sends.
    pub fn sort(&self) -> &[String] {
        &self.0.cursor.sort
    }

    /// The result's size from the first page's `X-Total-Count`, if sent.
    pub fn total_count(&self) -> Option<u64> {
        self.0.total_count()
    }

    /// Whether the stream stopped at an error.
    pub fn failed(&self) -> bool {
        self.0.failed()
    }

    /// Continues after an error: the next poll fetches the page that failed
    /// again. Nothing happens unless the stream [`failed`](Self::failed).
    pub fn resume(&mut self) {
        self.0.resume();
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
pub struct SearchAfterItems<T>(Items<SearchAfterCursor<T>, T>);

forward_stream!(SearchAfterItems => Result<T>);

impl<T> SearchAfterItems<T> {
    /// The sort values of the last record of the last page fetched: where
    /// [`SearchAfterPager::start_after`] picks up. After an error every
    /// record fetched has been yielded, so nothing is skipped from there;
    /// a stream dropped mid-page still holds [`unread`](Self::unread)
    /// records that come before it.
    pub fn search_after(&self) -> Option<&[Value]> {
        self.0.pages.cursor.after.as_deref()
    }

    /// Records fetched and not yet yielded.
    pub fn unread(&self) -> usize {
        self.0.unread()
    }

    /// The sort every request sends.
    pub fn sort(&self) -> &[String] {
        &self.0.pages.cursor.sort
    }

    /// The result's size from the first page's `X-Total-Count`, if sent.
    pub fn total_count(&self) -> Option<u64> {
        self.0.pages.total_count()
    }

    /// Whether the stream stopped at an error.
    pub fn failed(&self) -> bool {
        self.0.pages.failed()
    }

    /// Continues after an error: the next poll fetches the page that failed
    /// again. Nothing happens unless the stream [`failed`](Self::failed).
    pub fn resume(&mut self) {
        self.0.pages.resume();
    }
}
