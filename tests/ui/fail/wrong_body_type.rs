//! The two API versions have distinct types: a beta request body is not
//! accepted by a v2024 method.

use sailpoint_isc::{beta, Client};

async fn call(client: &Client) {
    let query = beta::PasswordInfoQueryDtoBeta::default();
    let _ = client.v2024().query_password_info(&query).await;
}

fn main() {
    let _ = call;
}
