//! Required path parameters and request bodies are plain arguments, so a call
//! that leaves one out does not compile.

use sailpoint_isc::Client;

async fn calls(client: &Client) {
    let api = client.v2024();
    let _ = api.get_password_change_status().await;
    let _ = api.query_password_info().await;
}

fn main() {
    let _ = calls;
}
