//! Clients that point anywhere: calls sent to a server whose paths carry no
//! version prefix (a mock, Prism, a gateway), one generated `Api` sent
//! elsewhere than the others, a tenant URL behind a path, and a token
//! endpoint at another URL. Each server is a real loopback server that
//! records the paths it was asked for.

use axum::extract::State;
use axum::http::{HeaderMap, Uri};
use axum::response::IntoResponse;
use axum::{Json, Router};
use sailpoint_isc::{beta, v2024, Client, Error};
use sailpoint_isc_tests::tenant::{
    bearer, builder, serve, TokenEndpoint, CLIENT_ID, CLIENT_SECRET,
};
use std::sync::{Arc, Mutex};

/// One request a server got: its path and bearer token.
type Request = (String, Option<String>);

/// Every request a server got.
#[derive(Clone, Default)]
struct Seen(Arc<Mutex<Vec<Request>>>);

impl Seen {
    fn paths(&self) -> Vec<String> {
        let seen = self.0.lock().unwrap_or_else(|e| e.into_inner());
        seen.iter().map(|(p, _)| p.clone()).collect()
    }

    fn tokens(&self) -> Vec<Option<String>> {
        let seen = self.0.lock().unwrap_or_else(|e| e.into_inner());
        seen.iter().map(|(_, t)| t.clone()).collect()
    }
}

/// A server answering every path but the token endpoint with a finished
/// password change, recording what it was asked.
async fn api_server(tokens: Option<&Arc<TokenEndpoint>>) -> (String, Seen) {
    async fn answer(State(seen): State<Seen>, uri: Uri, headers: HeaderMap) -> impl IntoResponse {
        let mut log = seen.0.lock().unwrap_or_else(|e| e.into_inner());
        log.push((uri.path().to_owned(), bearer(&headers)));
        Json(serde_json::json!({"requestId": "r1", "state": "FINISHED"}))
    }
    let seen = Seen::default();
    let mut router = Router::new().fallback(answer).with_state(seen.clone());
    if let Some(tokens) = tokens {
        router = router.merge(tokens.router());
    }
    (serve(router).await, seen)
}

#[tokio::test]
async fn api_url_sends_calls_without_the_version_path_and_gets_tokens_there() {
    let tokens = TokenEndpoint::new(3600);
    let (url, seen) = api_server(Some(&tokens)).await;
    let client = Client::builder()
        .api_url(format!("{url}/"))
        .client_credentials(CLIENT_ID, CLIENT_SECRET)
        .build()
        .expect("an api_url client");
    assert_eq!(client.base_url(), url);

    let v2024 = client.v2024().get_password_change_status("r1").await;
    let beta = client
        .beta()
        .get_identity_password_change_status("r1")
        .await;
    assert_eq!(v2024.expect("v2024 call").request_id.as_deref(), Some("r1"));
    assert_eq!(beta.expect("beta call").request_id.as_deref(), Some("r1"));
    assert_eq!(
        seen.paths(),
        ["/password-change-status/r1", "/password-change-status/r1"]
    );
    assert_eq!(tokens.count(), 1, "one token for both versions");
    assert_eq!(
        seen.tokens(),
        [Some("token-1".into()), Some("token-1".into())]
    );
}

#[tokio::test]
async fn with_api_url_sends_one_api_elsewhere_and_shares_the_token() {
    let tokens = TokenEndpoint::new(3600);
    let (tenant, at_tenant) = api_server(Some(&tokens)).await;
    let (prism, at_prism) = api_server(None).await;
    let client = builder(&tenant).build().expect("a tenant client");
    let v2024 = client.v2024();
    let beta = beta::ApiBeta::new(client.with_api_url(&prism).expect("a loopback api url"));
    assert_eq!(beta.client().base_url(), prism);
    assert_eq!(
        client.base_url(),
        tenant,
        "the original client is unchanged"
    );

    v2024
        .get_password_change_status("a")
        .await
        .expect("v2024 at the tenant");
    beta.get_identity_password_change_status("b")
        .await
        .expect("beta at the other server");
    assert_eq!(at_tenant.paths(), ["/v2024/password-change-status/a"]);
    assert_eq!(at_prism.paths(), ["/password-change-status/b"]);
    assert_eq!(
        tokens.count(),
        1,
        "the derived client shares the token cache"
    );
    assert_eq!(at_prism.tokens(), [Some("token-1".into())]);
}

#[tokio::test]
async fn a_base_url_path_is_kept_before_the_version_path() {
    let tokens = TokenEndpoint::new(3600);
    // The gateway serves the tenant under `/isc`; its token endpoint too.
    let gateway = Router::new().nest("/isc", Router::new().merge(tokens.router()));
    let (inner, seen) = api_server(None).await;
    let inner_client = reqwest::Client::new();
    let gateway = gateway.fallback(move |uri: Uri, headers: HeaderMap| {
        let (inner, client) = (inner.clone(), inner_client.clone());
        async move {
            // Forward to the recording server so the test sees the path.
            let mut req = client.get(format!("{inner}{}", uri.path()));
            if let Some(auth) = headers.get("authorization") {
                req = req.header("authorization", auth);
            }
            match req.send().await {
                Ok(r) => r.text().await.unwrap_or_default().into_response(),
                Err(e) => e.to_string().into_response(),
            }
        }
    });
    let url = serve(gateway).await;
    let client = builder(&format!("{url}/isc/"))
        .build()
        .expect("a gateway client");
    let status = v2024::Api::new(client)
        .get_password_change_status("g")
        .await
        .expect("through the gateway");
    assert_eq!(status.request_id.as_deref(), Some("r1"));
    assert_eq!(seen.paths(), ["/isc/v2024/password-change-status/g"]);
    assert_eq!(
        tokens.count(),
        1,
        "the token came from {{base_url}}/oauth/token"
    );
}

#[tokio::test]
async fn token_url_gets_tokens_from_another_server() {
    let tokens = TokenEndpoint::new(3600);
    let idp = serve(Router::new().nest("/auth", tokens.router())).await;
    // The API server has a token endpoint too; it must not be asked.
    let unused = TokenEndpoint::new(3600);
    let (tenant, seen) = api_server(Some(&unused)).await;
    let client = builder(&tenant)
        .token_url(format!("{idp}/auth/oauth/token"))
        .build()
        .expect("a client with a token URL");
    client
        .v2024()
        .get_password_change_status("t")
        .await
        .expect("a call with a token from the other server");
    assert_eq!((tokens.count(), unused.count()), (1, 0));
    assert_eq!(seen.tokens(), [Some("token-1".into())]);
}

#[test]
fn endpoint_settings_are_checked_and_named() {
    let setting = |b: sailpoint_isc::ClientBuilder| match b.build() {
        Err(Error::Config(c)) => (c.to_string(), c.setting),
        other => panic!("expected a config error, got {other:?}"),
    };
    let (text, name) = setting(Client::builder().bearer_token("t"));
    assert_eq!(name, "base_url");
    assert!(text.contains("is required (or api_url)"), "{text}");

    let (text, name) = setting(
        Client::builder()
            .api_url("http://gateway.example.com/v2024")
            .bearer_token("t"),
    );
    assert_eq!(name, "api_url");
    assert!(text.contains("plain http"), "{text}");

    let (_, name) = setting(
        Client::builder()
            .base_url("https://acme.api.identitynow.com")
            .token_url("http://idp.example.com/oauth/token")
            .client_credentials(CLIENT_ID, CLIENT_SECRET),
    );
    assert_eq!(name, "token_url");

    let (text, name) = setting(
        Client::builder()
            .base_url("https://acme.api.identitynow.com")
            .token_url("https://idp.example.com/oauth/token")
            .bearer_token("t"),
    );
    assert_eq!(name, "token_url");
    assert!(text.contains("only used with client_credentials"), "{text}");

    // The base URL still refuses a version path and points at api_url.
    let (text, name) = setting(
        Client::builder()
            .base_url("https://acme.api.identitynow.com/v2024")
            .bearer_token("t"),
    );
    assert_eq!(name, "base_url");
    assert!(text.contains("api_url"), "{text}");

    // An api_url may end in a version path: a gateway serving one version.
    let client = Client::builder()
        .api_url("https://gateway.example.com/isc/v2024")
        .bearer_token("t")
        .build()
        .expect("an api url with a version path");
    assert_eq!(client.base_url(), "https://gateway.example.com/isc/v2024");
    let err = client
        .with_api_url("http://gateway.example.com")
        .expect_err("plain http to a remote host");
    assert!(err.to_string().contains("api_url"), "{err}");
}
