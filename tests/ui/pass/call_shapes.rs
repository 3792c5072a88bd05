//! The call surface as a user writes it: required arguments in the method,
//! optional parameters by name in any order, per-call options on every call,
//! `send_with_response` for the headers. Calls are `Send + 'static`, so they
//! can be spawned; building one sends nothing.

#[allow(dead_code)]
mod api {
    sailpoint_isc::include_api!("specs/calls.yaml");
}
use api::*;
use sailpoint_isc::{Call, Client, DateTime, Error, Response, RetryPolicy};
use std::time::Duration;

async fn calls(api: &Api) -> Result<(), Error> {
    let since: DateTime = "2024-05-01T00:00:00Z".parse().expect("RFC 3339");
    let events: Vec<Event> = api
        .list_events("2c9180835d2e5168015d32f890ca1581")
        .types(vec![ListEventsTypesItem::Created])
        .ids(["a", "b"])
        .since(since)
        .day("2024-05-01")
        .filters(String::from("type eq \"CREATED\""))
        .limit(250)
        .x_trace_id("trace")
        .header("X-Request-Source", "nightly")
        .timeout(Duration::from_secs(5))
        .retry_policy(RetryPolicy::none())
        .await?;
    let first: Call<Event> = api.get_event(&events[0].id);
    let response: Response<Event> = first.send_with_response().await?;
    let _: Option<u64> = response.total_count();
    let _: () = api.touch_event("x").body(response.body()).await?;
    let _: () = api.touch_event("x").await?;
    Ok(())
}

fn assert_send_static<T: Send + 'static>(_: &T) {}

fn main() {
    let client = Client::builder()
        .base_url("https://acme.api.identitynow.com")
        .bearer_token("a token obtained elsewhere")
        .build()
        .expect("a valid configuration");
    let api = Api::new(client);
    let call = api.list_events("s").limit(5);
    assert_send_static(&call);
    assert_send_static(&api.get_event("e"));
    let future = std::future::IntoFuture::into_future(call);
    assert_send_static(&future);
    drop(future);
    let _ = calls;
}
