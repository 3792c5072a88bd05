//! A list call as a lazy stream: [`Call::offset_pager`] for ISC's
//! `offset`/`limit` lists and [`Call::search_after_pager`] for search. The
//! call's other parameters (filters, sorters, the search body) are sent on
//! every page; the pagers of [`crate::paginate`] decide what each page asks.

use super::Call;
use crate::client::Client;
use crate::error::Result;
use crate::json::{Decode, Encode};
use crate::paginate::{OffsetPager, Page, PageRequest, SearchAfterPager, SearchAfterRequest};
use crate::request::Request;
use serde_json::Value;

/// Sends `request` as a call of its own and reads one page of `T`s with
/// the response's `X-Total-Count`. A success without a body (`204 No
/// Content`, which some lists answer for no records) is an empty page.
async fn fetch_page<T: Decode + Send + 'static>(
    client: Client,
    request: Request,
) -> Result<Page<T>> {
    let response = Call::<Option<Vec<T>>>::optional(&client, request)
        .exchange()
        .await?;
    Ok(Page::from_headers(
        response.body.unwrap_or_default(),
        &response.headers,
    ))
}

/// The offset pager over `request`; see [`Call::offset_pager`].
fn offset_pager<T: Decode + Send + 'static>(
    client: Client,
    mut request: Request,
    max_page_size: u32,
) -> OffsetPager<T> {
    let page_size = count(request.take_query("limit"));
    let start = count(request.take_query("offset"));
    let max_items = request.options.max_items.take();
    let mut pager = OffsetPager::new(max_page_size, move |page: PageRequest| {
        let mut request = request.clone();
        request.set_query("offset", page.offset.to_string());
        request.set_query("limit", page.limit.to_string());
        fetch_page::<T>(client.clone(), request)
    });
    if let Some(size) = page_size {
        pager = pager.page_size(u32::try_from(size).unwrap_or(u32::MAX));
    }
    if let Some(start) = start {
        pager = pager.start_at(start);
    }
    if let Some(max_items) = max_items {
        pager = pager.max_items(max_items);
    }
    pager
}

/// A query value as a count: what a setter put in `limit` or `offset`.
fn count(value: Option<String>) -> Option<u64> {
    value.and_then(|v| v.trim().parse().ok())
}

impl<T: Decode + Send + 'static> Call<Vec<T>> {
    /// This `offset`/`limit` list call as a pager (see [`OffsetPager`]):
    /// `.items()` or `.pages()` make the stream. Every page is this call with
    /// its `offset` and `limit` set, its other parameters and per-call
    /// options unchanged. A `limit` already set is the page size, an
    /// `offset` the first record; `max_page_size` is the largest `limit`
    /// the operation allows (the generated `pager()` passes the spec's).
    pub fn offset_pager(self, max_page_size: u32) -> OffsetPager<T> {
        offset_pager(self.client, self.request, max_page_size)
    }
}

impl<T: Decode + Send + 'static> Call<Option<Vec<T>>> {
    /// [`offset_pager`](Call::offset_pager) for a list that answers `204 No
    /// Content` when a page is empty.
    pub fn offset_pager(self, max_page_size: u32) -> OffsetPager<T> {
        offset_pager(self.client, self.request, max_page_size)
    }
}

impl<T: Decode + Encode + Send + 'static> Call<Vec<T>> {
    /// This search call as a `searchAfter` pager (see [`SearchAfterPager`]):
    /// `.items()` or `.pages()` make the stream. The body's `sort` is the
    /// caller's sort (the document `id` is added as its last key), and each
    /// page sends the body with `sort` and `searchAfter` set and `limit` in
    /// the query; a `searchAfter` already in the body is where it starts.
    /// `max_page_size` is the largest `limit` the operation allows.
    pub fn search_after_pager(self, max_page_size: u32) -> SearchAfterPager<T> {
        let Call {
            client,
            mut request,
            ..
        } = self;
        let page_size = count(request.take_query("limit"));
        let max_items = request.options.max_items.take();
        // Paging by sort values replaces paging by offset.
        request.take_query("offset");
        let body = request
            .json_value()
            .unwrap_or_else(|| Value::Object(Default::default()));
        let strings =
            |key: &str| -> Option<Vec<Value>> { body.get(key).and_then(Value::as_array).cloned() };
        let sort: Vec<String> = strings("sort")
            .unwrap_or_default()
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect();
        let start = strings("searchAfter").filter(|v| !v.is_empty());
        let mut pager = SearchAfterPager::new(max_page_size, move |page: SearchAfterRequest| {
            let mut body = body.clone();
            if let Value::Object(fields) = &mut body {
                fields.insert("sort".to_owned(), page.sort.clone().into());
                match page.search_after_strings() {
                    Some(after) => fields.insert("searchAfter".to_owned(), after.into()),
                    None => fields.remove("searchAfter"),
                };
            }
            let mut request = request.clone();
            request.set_json_value(&body);
            request.set_query("limit", page.limit.to_string());
            fetch_page::<T>(client.clone(), request)
        })
        .sort(sort);
        if let Some(size) = page_size {
            pager = pager.page_size(u32::try_from(size).unwrap_or(u32::MAX));
        }
        if let Some(start) = start {
            pager = pager.start_after(start);
        }
        if let Some(max_items) = max_items {
            pager = pager.max_items(max_items);
        }
        pager
    }
}
