//! The settings a [`Client`](crate::Client) is configured with: the
//! environment variables the official SailPoint SDKs read, the defaults, and
//! the checks run before a client exists.

mod sources;

pub(crate) use sources::find;
pub use sources::ConfigSources;

use crate::error::ConfigError;
use std::time::Duration;

/// The tenant API URL, e.g. `https://acme.api.identitynow.com`.
pub const ENV_BASE_URL: &str = "SAIL_BASE_URL";
/// The OAuth2 client id (a personal access token's id works too).
pub const ENV_CLIENT_ID: &str = "SAIL_CLIENT_ID";
/// The OAuth2 client secret.
pub const ENV_CLIENT_SECRET: &str = "SAIL_CLIENT_SECRET";

/// Default time allowed to establish a connection.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default time allowed for one attempt, from sending to the end of the body.
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

/// Names the settings in errors: the builder method or the variable.
#[derive(Clone, Copy)]
pub(crate) struct Names {
    pub(crate) base_url: &'static str,
    pub(crate) client_id: &'static str,
    pub(crate) client_secret: &'static str,
}

pub(crate) const BUILDER_NAMES: Names = Names {
    base_url: "base_url",
    client_id: "client_id",
    client_secret: "client_secret",
};

pub(crate) const ENV_NAMES: Names = Names {
    base_url: ENV_BASE_URL,
    client_id: ENV_CLIENT_ID,
    client_secret: ENV_CLIENT_SECRET,
};

/// The HTTP client used unless the caller brings one.
pub(crate) fn default_http_client(
    connect_timeout: Duration,
) -> Result<reqwest::Client, ConfigError> {
    reqwest::Client::builder()
        .connect_timeout(connect_timeout)
        // A redirect could turn a POST into a GET or leave the tenant.
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("sailpoint-isc-rs/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| ConfigError::new("http client", e.to_string()))
}

/// Validates the tenant URL and returns it without a trailing slash: a
/// [`check_url`] that does not end in a version path (each API version adds
/// its own, so `…/v2024` would be sent to `…/v2024/v2024`).
pub(crate) fn check_base_url(raw: &str) -> Result<String, String> {
    let (url, trimmed) = check_url(raw)?;
    if let Some(last) = url
        .path_segments()
        .and_then(|mut s| s.rfind(|s| !s.is_empty()))
    {
        let is_version = last == "beta"
            || last
                .strip_prefix('v')
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()) && !n.is_empty());
        if is_version {
            return Err(format!(
                "`{raw}` ends in the version path `/{last}`; give the tenant API URL alone \
                 (each API version adds its own path), or use `api_url` for a server that \
                 serves one version without it"
            ));
        }
    }
    Ok(trimmed)
}

/// Validates a URL a token is sent to (the tenant, an API URL, a token
/// endpoint) and returns it without a trailing slash, parsed and as text.
/// Plain `http` is refused unless the host is loopback (tests, a local
/// mock): every request carries a token or the client secret.
pub(crate) fn check_url(raw: &str) -> Result<(reqwest::Url, String), String> {
    let url = reqwest::Url::parse(raw).map_err(|e| format!("`{raw}` is not a URL: {e}"))?;
    let host = match url.host_str() {
        Some(host) if !host.is_empty() => host,
        _ => return Err(format!("`{raw}` has no host")),
    };
    if !url.username().is_empty() || url.password().is_some() {
        return Err("must not contain a user name or password".to_owned());
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(format!("`{raw}` must not have a query or fragment"));
    }
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(host) => {}
        "http" => {
            return Err(format!(
                "`{raw}` is plain http to a host that is not loopback: credentials would be \
                 sent unencrypted; use https"
            ))
        }
        other => return Err(format!("`{raw}` has scheme `{other}`; use https")),
    }
    let trimmed = raw.trim_end_matches('/').to_owned();
    Ok((url, trimmed))
}

/// `localhost`, 127.0.0.0/8 and `::1` (IPv6 hosts come bracketed).
fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    match bare.parse::<std::net::IpAddr>() {
        Ok(ip) => ip.is_loopback(),
        Err(_) => host.eq_ignore_ascii_case("localhost"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_are_checked() {
        assert_eq!(
            check_base_url("https://acme.api.identitynow.com/").as_deref(),
            Ok("https://acme.api.identitynow.com")
        );
        for ok in [
            "http://127.0.0.1:8080",
            "http://127.3.4.5",
            "http://[::1]:99/",
            "http://localhost:1234",
            "http://LOCALHOST",
            "https://proxy.example.com/isc",
        ] {
            assert!(check_base_url(ok).is_ok(), "{ok}");
        }
        for bad in [
            "acme.api.identitynow.com",
            "http://acme.api.identitynow.com",
            "http://10.0.0.1",
            "http://localhost.evil.com",
            "ftp://acme.api.identitynow.com",
            "https://user:pw@acme.api.identitynow.com",
            "https://acme.api.identitynow.com?x=1",
            "https://acme.api.identitynow.com/v3",
            "https://acme.api.identitynow.com/beta/",
            "https://acme.api.identitynow.com/v2024",
        ] {
            assert!(check_base_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn api_urls_may_end_in_a_version_path_but_keep_the_other_checks() {
        for ok in [
            "https://gateway.example.com/isc/v2024/",
            "http://127.0.0.1:4010/beta",
        ] {
            let (_, trimmed) = check_url(ok).expect(ok);
            assert_eq!(trimmed, ok.trim_end_matches('/'));
        }
        for bad in [
            "http://gateway.example.com/v2024",
            "https://gateway.example.com/v2024?x=1",
            "https://u:p@gateway.example.com",
        ] {
            assert!(check_url(bad).is_err(), "{bad}");
        }
    }
}
