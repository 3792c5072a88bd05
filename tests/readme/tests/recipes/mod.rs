//! The recipes' functions, run against `MockServer`. Answers are written as
//! JSON text and decoded with the runtime's codec: the README lists no JSON
//! crate, and these tests use only what it lists.

use my_app::isc::Api;
use sailpoint_isc::json::{Decode, decode_slice};
use sailpoint_isc::mock::MockServer;

mod jobs;
mod lookup;
mod profiles;

/// `json` decoded as `T`; a fixture that does not decode is a broken test.
fn decode<T: Decode>(json: &str) -> T {
    decode_slice(json.as_bytes()).expect("the fixture decodes")
}

async fn start() -> (MockServer, Api) {
    let server = MockServer::start().await.expect("the mock server starts");
    let api = Api::new(server.client().expect("a client for the mock"));
    (server, api)
}
