//! "Handle a 404 and a 429": `find_account` is `None` for a 404 only; a
//! 429 the retry policy gave up on is an error that says so.

use super::{decode, start};
use my_app::isc::ops::GetAccount;
use my_app::isc::{Api, ErrorResponseDto};
use my_app::lookup::find_account;
use sailpoint_isc::RetryPolicy;
use std::time::Duration;

#[tokio::test]
async fn a_404_is_none_and_other_errors_are_errors() {
    let (server, api) = start().await;
    let not_found: ErrorResponseDto = decode(r#"{"detailCode": "404 Not found"}"#);
    server
        .rule::<GetAccount>()
        .path("id", "gone")
        .then_error(404, &not_found)
        .mount()
        .unwrap();
    let broken: ErrorResponseDto = decode(r#"{"detailCode": "500.0 Internal Fault"}"#);
    server
        .rule::<GetAccount>()
        .path("id", "broken")
        .then_error(500, &broken)
        .mount()
        .unwrap();
    server
        .rule::<GetAccount>()
        .path("id", "busy")
        .then_rate_limited(Duration::from_secs(1))
        .mount()
        .unwrap();
    server
        .rule::<GetAccount>()
        .path("id", "here")
        .mount()
        .unwrap(); // the spec's example

    assert!(find_account(&api, "gone").await.unwrap().is_none());
    assert!(find_account(&api, "here").await.unwrap().is_some());
    // Sent once: the client's own retries would wait the 429 out.
    let once = Api::new(
        server
            .client_builder()
            .retry(RetryPolicy::none())
            .build()
            .unwrap(),
    );
    let e = find_account(&once, "broken").await.unwrap_err();
    assert_eq!(e.status().map(|s| s.as_u16()), Some(500));
    assert!(!e.is_not_found() && !e.is_rate_limited());
    let e = find_account(&once, "busy").await.unwrap_err();
    assert!(e.is_rate_limited(), "{e}");
}
