//! Records served the way ISC pages a list: `offset`/`limit` query
//! parameters with `X-Total-Count` when `count=true`, and for a search
//! body, its `sort` and `searchAfter`.

use super::reply::MockResponse;
use super::request::Incoming;
use crate::paginate::{sort_field, sort_values, ISC_MAX_PAGE_SIZE};
use serde_json::Value;
use std::cmp::Ordering;

/// One page of `items` for `req`.
pub(super) fn page(items: &[Value], req: &Incoming) -> MockResponse {
    let search: Option<Value> = serde_json::from_slice(&req.body).ok();
    let sort: Vec<String> = search
        .as_ref()
        .and_then(|s| s.get("sort"))
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let after = search
        .as_ref()
        .and_then(|s| s.get("searchAfter"))
        .and_then(Value::as_array);
    let limit = match number(req, "limit") {
        Ok(l) => l.unwrap_or(u64::from(ISC_MAX_PAGE_SIZE)),
        Err(r) => return r,
    };
    let offset = match number(req, "offset") {
        Ok(o) => o.unwrap_or(0),
        Err(r) => return r,
    };
    let mut ordered: Vec<&Value> = items.iter().collect();
    if !sort.is_empty() {
        ordered.sort_by(|a, b| compare_records(a, b, &sort));
    }
    let start = match after {
        Some(cursor) => ordered
            .iter()
            .position(|r| after_cursor(r, cursor, &sort))
            .unwrap_or(ordered.len()),
        None => usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(ordered.len()),
    };
    let end = start.saturating_add(usize::try_from(limit).unwrap_or(usize::MAX));
    let page: Vec<&Value> = ordered[start..end.min(ordered.len())].to_vec();
    let r = MockResponse::json(200, &Value::Array(page.into_iter().cloned().collect()));
    if req.query("count") == Some("true") {
        r.header("X-Total-Count", &items.len().to_string())
    } else {
        r
    }
}

/// The query parameter `name` as a count, ISC's 400 when it is not one.
fn number(req: &Incoming, name: &str) -> Result<Option<u64>, MockResponse> {
    match req.query(name) {
        None => Ok(None),
        Some(text) => text.parse().map(Some).map_err(|_| {
            MockResponse::isc_error(
                400,
                "400.1 Bad Request Content",
                &format!("the query parameter `{name}` is not a count: `{text}`"),
            )
        }),
    }
}

fn compare_records(a: &Value, b: &Value, sort: &[String]) -> Ordering {
    for entry in sort {
        let (_, descending) = sort_field(entry);
        let key = std::slice::from_ref(entry);
        let ord = compare_values(&sort_values(a, key)[0], &sort_values(b, key)[0]);
        let ord = if descending { ord.reverse() } else { ord };
        if ord != Ordering::Equal {
            return ord;
        }
    }
    Ordering::Equal
}

/// Whether `record` sorts after the `searchAfter` values `cursor` (sent as
/// JSON values or, as ISC's specs type them, as strings).
fn after_cursor(record: &Value, cursor: &[Value], sort: &[String]) -> bool {
    for (entry, wanted) in sort.iter().zip(cursor) {
        let (_, descending) = sort_field(entry);
        let have = &sort_values(record, std::slice::from_ref(entry))[0];
        let ord = compare_values(have, &as_typed(wanted, have));
        let ord = if descending { ord.reverse() } else { ord };
        if ord != Ordering::Equal {
            return ord == Ordering::Greater;
        }
    }
    false
}

/// A cursor value sent as a string read as the record's type (a number,
/// a boolean), as Elasticsearch reads it by the field's type.
fn as_typed(wanted: &Value, like: &Value) -> Value {
    match (wanted, like) {
        (Value::String(s), Value::Number(_) | Value::Bool(_)) => {
            serde_json::from_str(s).unwrap_or_else(|_| wanted.clone())
        }
        (Value::String(s), Value::Null) if s.is_empty() => Value::Null,
        _ => wanted.clone(),
    }
}

/// Nulls first, then numbers, then text; within a kind, natural order.
fn compare_values(a: &Value, b: &Value) -> Ordering {
    fn rank(v: &Value) -> u8 {
        match v {
            Value::Null => 0,
            Value::Bool(_) => 1,
            Value::Number(_) => 2,
            _ => 3,
        }
    }
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap_or(0.0), y.as_f64().unwrap_or(0.0));
            x.partial_cmp(&y).unwrap_or(Ordering::Equal)
        }
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::String(x), Value::String(y)) => x.cmp(y),
        _ if rank(a) != rank(b) => rank(a).cmp(&rank(b)),
        _ => a.to_string().cmp(&b.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn request(query: &[(&str, &str)], body: Value) -> Incoming {
        Incoming {
            method: http::Method::POST,
            path: "/v2024/search".into(),
            query: query
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            headers: http::HeaderMap::new(),
            body: body.to_string().into(),
            params: Vec::new(),
            decoded: None,
        }
    }

    fn ids(r: &MockResponse) -> Vec<String> {
        let v: Vec<Value> = serde_json::from_slice(&r.body).unwrap_or_default();
        v.iter()
            .map(|d| d["id"].as_str().unwrap_or("?").to_owned())
            .collect()
    }

    #[test]
    fn offset_pages_count_on_request() {
        let items: Vec<Value> = (0..5).map(|i| json!({ "id": format!("a{i}") })).collect();
        let r = page(
            &items,
            &request(
                &[("offset", "3"), ("limit", "4"), ("count", "true")],
                Value::Null,
            ),
        );
        assert_eq!(ids(&r), ["a3", "a4"]);
        assert!(r
            .headers
            .iter()
            .any(|(k, v)| k == "x-total-count" && v == "5"));
        let r = page(&items, &request(&[("limit", "x")], Value::Null));
        assert_eq!(r.status(), 400);
    }

    #[test]
    fn search_after_continues_after_the_cursor_in_the_requested_sort() {
        let items = vec![
            json!({ "id": "b", "n": 2 }),
            json!({ "id": "a", "n": 10 }),
            json!({ "id": "c", "n": 2 }),
        ];
        let sort = json!(["-n", "id"]);
        let first = page(&items, &request(&[("limit", "2")], json!({ "sort": sort })));
        assert_eq!(ids(&first), ["a", "b"]);
        let body = json!({ "sort": sort, "searchAfter": ["2", "b"] });
        assert_eq!(ids(&page(&items, &request(&[("limit", "2")], body))), ["c"]);
    }
}
