//! Issue 13's paging rules over real HTTP: a loopback ISC list server
//! ([`offset`]) and a loopback search server ([`search_after`]), paged by
//! the streams of generated calls (`pagination.yaml`:
//! `api.list_records().stream()`, `api.search_post(&search).pager()`),
//! built on `sailpoint_isc::paginate`. This file holds what both use: the
//! generated bindings and the records both servers answer.

mod offset;
mod search_after;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use futures_util::StreamExt;
use sailpoint_isc::{Client, Error};
use serde::Deserialize;
use serde_json::json;

#[allow(dead_code)]
mod api {
    sailpoint_isc::include_api!("runtime/pagination.yaml");
}
use api::Record;

/// The generated bindings on `client`.
fn api(client: &Client) -> api::Api {
    api::Api::new(client.clone())
}

impl Record {
    fn nth(n: u64) -> Self {
        Record {
            id: format!("rec-{n:06}"),
            n: n as i64,
            group: String::new(),
            extra: Default::default(),
        }
    }
}

/// The query both servers read: `offset` and `count` only the list's.
#[derive(Deserialize)]
struct ListQuery {
    offset: Option<u64>,
    limit: Option<u64>,
    count: Option<bool>,
}

/// ISC's 400 answer with `message`.
fn bad_request(message: &str) -> Response {
    let body = json!({ "detailMessage": message, "stackTrace": [] });
    (StatusCode::BAD_REQUEST, Json(body)).into_response()
}

/// Reads `items` until its first error; returns the record numbers read.
async fn read_until_error(
    items: &mut (impl futures_util::Stream<Item = Result<Record, Error>> + Unpin),
) -> (Vec<u64>, Error) {
    let mut got = Vec::new();
    loop {
        match items.next().await {
            Some(Ok(r)) => got.push(r.n as u64),
            Some(Err(e)) => return (got, e),
            None => panic!("the stream ended without the injected error"),
        }
    }
}
