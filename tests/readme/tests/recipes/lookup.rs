//! "Handle a 404 and a 429": `find_account` is `None` for a 404 only.

use super::{decode, start};
use my_app::isc::ErrorResponseDto;
use my_app::isc::ops::GetAccount;
use my_app::lookup::find_account;

#[tokio::test]
async fn a_404_is_none_and_a_500_is_an_error() {
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
        .path("id", "here")
        .mount()
        .unwrap(); // the spec's example

    assert!(find_account(&api, "gone").await.unwrap().is_none());
    assert!(find_account(&api, "here").await.unwrap().is_some());
    let no_retries = my_app::isc::Api::new(
        server
            .client_builder()
            .retry(sailpoint_isc::RetryPolicy::none())
            .build()
            .unwrap(),
    );
    assert!(find_account(&no_retries, "broken").await.is_err());
}
