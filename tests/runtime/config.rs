//! Configuration: the environment variables, the checks on the base URL and
//! credentials, redaction in `Debug`, and a client from the environment
//! talking to a real loopback server.

use axum::routing::get;
use axum::Router;
use sailpoint_isc::{Client, ClientBuilder, ClientSecret, ConfigError, Error};
use sailpoint_isc_tests::tenant::{
    get_thing_request, serve, Thing, TokenEndpoint, CLIENT_ID, CLIENT_SECRET,
};
use std::collections::HashMap;
use std::ffi::OsString;

fn env(vars: &[(&str, &str)]) -> HashMap<String, OsString> {
    vars.iter()
        .map(|(k, v)| ((*k).to_owned(), OsString::from(v)))
        .collect()
}

fn good_env() -> HashMap<String, OsString> {
    env(&[
        ("SAIL_BASE_URL", "https://acme.api.identitynow.com/"),
        ("SAIL_CLIENT_ID", CLIENT_ID),
        ("SAIL_CLIENT_SECRET", CLIENT_SECRET),
    ])
}

/// Builds a client from `vars` as the environment; the config error if any.
fn build_from(vars: &HashMap<String, OsString>) -> Result<Client, ConfigError> {
    ClientBuilder::from_env_with(|name| vars.get(name).cloned())
        .and_then(ClientBuilder::build)
        .map_err(|e| match e {
            Error::Config(c) => c,
            other => panic!("expected a config error, got {other:?}"),
        })
}

#[test]
fn env_present_builds_a_client() {
    let client = build_from(&good_env()).expect("complete environment");
    assert_eq!(client.base_url(), "https://acme.api.identitynow.com");
    let debug = format!("{client:?}");
    assert!(!debug.contains(CLIENT_SECRET), "{debug}");
}

#[test]
fn each_missing_or_empty_variable_is_named() {
    for name in ["SAIL_BASE_URL", "SAIL_CLIENT_ID", "SAIL_CLIENT_SECRET"] {
        let mut vars = good_env();
        vars.remove(name);
        let err = build_from(&vars).expect_err("missing");
        assert_eq!(err.setting, name);
        assert!(err.to_string().contains("is not set"), "{err}");

        let mut vars = good_env();
        vars.insert(name.to_owned(), OsString::from("  "));
        let err = build_from(&vars).expect_err("empty");
        assert_eq!(err.setting, name);
        assert!(err.to_string().contains("is empty"), "{err}");
    }
}

#[cfg(unix)]
#[test]
fn a_variable_that_is_not_utf8_is_named() {
    use std::os::unix::ffi::OsStringExt;
    let mut vars = good_env();
    vars.insert(
        "SAIL_CLIENT_SECRET".to_owned(),
        OsString::from_vec(vec![0x66, 0xff, 0x6f]),
    );
    let err = build_from(&vars).expect_err("not UTF-8");
    assert_eq!(err.setting, "SAIL_CLIENT_SECRET");
}

#[test]
fn malformed_base_urls_are_named() {
    for url in [
        "acme.api.identitynow.com",
        "https://",
        "ftp://acme.api.identitynow.com",
        "https://acme.api.identitynow.com/v3",
        "https://acme.api.identitynow.com?tenant=acme",
    ] {
        let mut vars = good_env();
        vars.insert("SAIL_BASE_URL".to_owned(), OsString::from(url));
        let err = build_from(&vars).expect_err(url);
        assert_eq!(err.setting, "SAIL_BASE_URL", "{url}: {err}");
    }
}

#[test]
fn plain_http_is_refused_unless_the_host_is_loopback() {
    for url in [
        "http://acme.api.identitynow.com",
        "http://192.168.1.10:8080",
    ] {
        let mut vars = good_env();
        vars.insert("SAIL_BASE_URL".to_owned(), OsString::from(url));
        let err = build_from(&vars).expect_err(url);
        assert_eq!(err.setting, "SAIL_BASE_URL");
        assert!(err.message.contains("plain http"), "{err}");

        // A bearer token over http is refused the same way.
        let err = Client::builder()
            .base_url(url)
            .bearer_token("token")
            .build()
            .expect_err(url);
        assert!(
            matches!(&err, Error::Config(c) if c.setting == "base_url"),
            "{err}"
        );
    }
    for url in [
        "http://127.0.0.1:9000",
        "http://127.8.9.10",
        "http://[::1]:9000",
        "http://localhost:9000",
    ] {
        let mut vars = good_env();
        vars.insert("SAIL_BASE_URL".to_owned(), OsString::from(url));
        build_from(&vars).expect(url);
    }
}

#[test]
fn builder_settings_are_checked() {
    let err = Client::builder()
        .bearer_token("t")
        .build()
        .expect_err("no base url");
    assert!(matches!(&err, Error::Config(c) if c.setting == "base_url"));
    let err = Client::builder()
        .base_url("https://acme.api.identitynow.com")
        .build()
        .expect_err("no credentials");
    assert!(matches!(&err, Error::Config(c) if c.setting == "credentials"));
    let err = Client::builder()
        .base_url("https://acme.api.identitynow.com")
        .client_credentials("", CLIENT_SECRET)
        .build()
        .expect_err("empty id");
    assert!(matches!(&err, Error::Config(c) if c.setting == "client_id"));
    let err = Client::builder()
        .base_url("https://acme.api.identitynow.com")
        .client_credentials(CLIENT_ID, "")
        .build()
        .expect_err("empty secret");
    assert!(matches!(&err, Error::Config(c) if c.setting == "client_secret"));
}

#[test]
fn secrets_are_redacted_in_debug() {
    let builder = Client::builder()
        .base_url("https://acme.api.identitynow.com")
        .client_credentials(CLIENT_ID, CLIENT_SECRET);
    let debug = format!("{builder:?}");
    assert!(!debug.contains(CLIENT_SECRET), "{debug}");
    let client = builder.build().expect("valid");
    assert!(!format!("{client:?}").contains(CLIENT_SECRET));
    let secret = ClientSecret::new(CLIENT_SECRET);
    assert_eq!(format!("{secret:?}"), "ClientSecret([redacted])");

    let with_token = Client::builder()
        .base_url("https://acme.api.identitynow.com")
        .bearer_token("my-static-token");
    assert!(!format!("{with_token:?}").contains("my-static-token"));
}

/// The only test in this binary that touches the process environment, so
/// nothing races it.
#[tokio::test]
async fn from_env_reads_the_process_environment() {
    let tokens = TokenEndpoint::new(749);
    let router = Router::new()
        .route("/v2024/thing/{id}", get(|| async { r#"{"id":"42"}"# }))
        .merge(tokens.router());
    let base = serve(router).await;

    std::env::remove_var("SAIL_CLIENT_SECRET");
    std::env::set_var("SAIL_BASE_URL", &base);
    std::env::set_var("SAIL_CLIENT_ID", CLIENT_ID);
    let err = Client::from_env().expect_err("secret missing");
    assert!(matches!(&err, Error::Config(c) if c.setting == "SAIL_CLIENT_SECRET"));

    std::env::set_var("SAIL_CLIENT_SECRET", CLIENT_SECRET);
    let client = Client::from_env().expect("complete environment");
    let thing: Thing = client
        .execute(get_thing_request().path("id", "42"))
        .await
        .expect("call through the env-configured client");
    assert_eq!(thing.id, "42");
    assert_eq!(tokens.count(), 1);
    assert_eq!(tokens.bad_forms(), 0);
}
