//! [`MockServer`]: a loopback HTTP server that plays any generated
//! operation by rules typed by it. See the [module documentation](super).

mod dispatch;
mod http;
mod paging;
mod reply;
mod request;
mod route;
mod rule;
#[cfg(test)]
mod tests;

pub use reply::{Body, MockAnswer, MockList, MockResponse};
pub use request::{MockBody, MockRequest};
pub use rule::{Mocked, Rule};

use crate::operation::ApiOperation;
use crate::{Client, ClientBuilder};
use dispatch::OpRoute;
use route::Route;
use rule::{Live, RuleState};
use std::any::TypeId;
use std::collections::HashSet;
use std::fmt;
use std::io;
use std::marker::PhantomData;
use std::net::SocketAddr;
use std::panic::Location;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// The client id a [`MockServer`] accepts unless configured otherwise.
pub const MOCK_CLIENT_ID: &str = "mock-client-id";
/// The client secret a [`MockServer`] accepts unless configured otherwise.
pub const MOCK_CLIENT_SECRET: &str = "mock-client-secret";

/// A rule that could not be mounted, or a server that could not start.
#[derive(Debug, thiserror::Error)]
pub enum MockError {
    /// The rule cannot be mounted; the message says why and names the rule.
    #[error("{0}")]
    Rule(String),
    /// The server could not listen on `127.0.0.1`.
    #[error("the mock server could not listen on 127.0.0.1: {0}")]
    Io(#[from] io::Error),
}

/// What the server holds: routes, rules, what went wrong, tokens issued.
pub(super) struct Shared {
    state: Mutex<State>,
    client_id: String,
    client_secret: zeroize::Zeroizing<String>,
}

#[derive(Default)]
struct State {
    routes: Vec<OpRoute>,
    rules: Vec<Arc<RuleState>>,
    /// Requests no rule took, as messages.
    unmatched: Vec<String>,
    tokens: HashSet<String>,
}

impl Shared {
    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Mounts `rule` (see [`Rule::mount`]).
    pub(super) fn mount<O: ApiOperation>(
        self: Arc<Self>,
        rule: Rule<O>,
        at: &'static Location<'static>,
    ) -> Result<Mocked<O>, MockError>
    where
        O::Body: MockBody,
        O::Answer: MockAnswer,
    {
        let op = O::OPERATION;
        let place = format!("the `{}` rule at {}:{}", op.id, at.file(), at.line());
        if let Some(problem) = rule.problems.first() {
            return Err(MockError::Rule(format!("{place}: {problem}")));
        }
        let mut steps = rule.steps;
        if steps.is_empty() {
            steps.push(example_step::<O>(&place)?);
        }
        let mut state = self.state();
        let route = Route::new(op.method.clone(), op.base_path, op.path);
        let index = match state
            .routes
            .iter()
            .position(|r| r.type_id == TypeId::of::<O>())
        {
            Some(i) => i,
            None => {
                if let Some(other) = state.routes.iter().find(|r| r.route.collides_with(&route)) {
                    return Err(MockError::Rule(format!(
                        "{place}: the server cannot tell `{} {}` from `{}` (`{} {}`), \
                         which a rule is mounted for: the same method and path shape",
                        route.method,
                        route.template,
                        other.op.id,
                        other.route.method,
                        other.route.template
                    )));
                }
                state.routes.push(OpRoute::new::<O>(route));
                state.routes.len() - 1
            }
        };
        let rule = Arc::new(RuleState {
            op: index,
            operation_id: op.id,
            at,
            matchers: rule.matchers,
            expect: rule.expect,
            live: Mutex::new(Live::new(steps, rule.repeat)),
        });
        state.rules.push(Arc::clone(&rule));
        Ok(Mocked {
            state: rule,
            op: PhantomData,
        })
    }
}

/// The answer of a rule without one: the operation's example from the spec.
fn example_step<O: ApiOperation>(place: &str) -> Result<rule::Step, MockError>
where
    O::Answer: MockAnswer,
{
    let Some(example) = O::EXAMPLE else {
        return Err(MockError::Rule(format!(
            "{place} has no answer and the spec no example for `{}`: give it one with `then_output`",
            O::OPERATION.id
        )));
    };
    let body = O::Answer::check_example(example).map_err(|e| {
        MockError::Rule(format!(
            "{place} has no answer and the spec's example for `{}` does not decode as its \
             answer type ({e}): give it one with `then_output`",
            O::OPERATION.id
        ))
    })?;
    Ok(rule::Step {
        reply: reply::Reply::Fixed(MockResponse::from_body(O::SUCCESS, body)),
        delay: std::time::Duration::ZERO,
        times: None,
    })
}

/// Configures and starts a [`MockServer`].
#[derive(Debug)]
pub struct MockServerBuilder {
    client_id: String,
    client_secret: zeroize::Zeroizing<String>,
}

impl MockServerBuilder {
    /// The client credentials its token endpoint accepts (by default
    /// [`MOCK_CLIENT_ID`] and [`MOCK_CLIENT_SECRET`]).
    pub fn client_credentials(mut self, id: &str, secret: &str) -> Self {
        self.client_id = id.to_owned();
        self.client_secret = zeroize::Zeroizing::new(secret.to_owned());
        self
    }

    /// Starts the server on a free port of `127.0.0.1`, on the Tokio
    /// runtime of the caller.
    pub async fn start(self) -> Result<MockServer, MockError> {
        let listener = tokio::net::TcpListener::bind((std::net::Ipv4Addr::LOCALHOST, 0)).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            state: Mutex::new(State::default()),
            client_id: self.client_id,
            client_secret: self.client_secret,
        });
        let (stop, stopped) = oneshot::channel();
        let task = tokio::spawn(http::serve(listener, Arc::clone(&shared), stopped));
        Ok(MockServer {
            shared,
            addr,
            stop: Some(stop),
            task,
        })
    }
}

/// A mock of any generated operation: a real HTTP server on `127.0.0.1`
/// that serves the OAuth2 token endpoint and answers each request by the
/// first mounted [`Rule`] that takes it.
///
/// Strict: a request no rule takes is answered `501` with a message naming
/// it and the closest rule, and counts as a failure; so does a rule whose
/// [`expect`](Rule::expect) was not met. [`verify`](Self::verify) panics
/// with every failure, and dropping the server verifies it (unless the
/// thread is already panicking), so a test fails at its end.
pub struct MockServer {
    shared: Arc<Shared>,
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<()>,
}

impl fmt::Debug for MockServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MockServer")
            .field("url", &self.url())
            .field("rules", &self.shared.state().rules.len())
            .finish_non_exhaustive()
    }
}

impl MockServer {
    /// A server with the default credentials ([`MOCK_CLIENT_ID`],
    /// [`MOCK_CLIENT_SECRET`]), started.
    pub async fn start() -> Result<MockServer, MockError> {
        MockServer::builder().start().await
    }

    /// Configures a server.
    pub fn builder() -> MockServerBuilder {
        MockServerBuilder {
            client_id: MOCK_CLIENT_ID.to_owned(),
            client_secret: zeroize::Zeroizing::new(MOCK_CLIENT_SECRET.to_owned()),
        }
    }

    /// `http://127.0.0.1:<port>`, the tenant URL to give a client.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// A client builder for this server: its URL and credentials set.
    pub fn client_builder(&self) -> ClientBuilder {
        Client::builder().base_url(self.url()).client_credentials(
            self.shared.client_id.clone(),
            self.shared.client_secret.as_str(),
        )
    }

    /// A client of this server with the client's default settings.
    pub fn client(&self) -> Result<Client, crate::Error> {
        self.client_builder().build()
    }

    /// A rule for operation `O` (`v2024::ops::ListAccounts`) to fill in and
    /// [`mount`](Rule::mount).
    pub fn rule<O>(&self) -> Rule<O>
    where
        O: ApiOperation,
        O::Body: MockBody,
        O::Answer: MockAnswer,
    {
        Rule {
            server: Arc::clone(&self.shared),
            matchers: Vec::new(),
            steps: Vec::new(),
            repeat: false,
            expect: None,
            problems: Vec::new(),
            op: PhantomData,
        }
    }

    /// Every failure so far: requests no rule took and rules whose
    /// [`expect`](Rule::expect) is not met, one per line; `Ok` when none.
    pub fn check(&self) -> Result<(), String> {
        let state = self.shared.state();
        let mut failures: Vec<String> = state.unmatched.clone();
        for rule in &state.rules {
            let hits = rule.live().received.len();
            if let Some(n) = rule.expect.filter(|n| usize::try_from(*n) != Ok(hits)) {
                failures.push(format!(
                    "{} expected {n} requests and took {hits}",
                    rule.name()
                ));
            }
        }
        match failures.is_empty() {
            true => Ok(()),
            false => Err(failures.join("\n")),
        }
    }

    /// Panics with every failure [`check`](Self::check) finds: for the end
    /// of a test.
    #[track_caller]
    #[allow(clippy::panic)] // Failing the test is what a mock's verify is for.
    pub fn verify(&self) {
        if let Err(failures) = self.check() {
            panic!("the mock server saw failures:\n{failures}");
        }
    }

    /// Forgets every failure so far (requests no rule took), for a test that
    /// provoked them on purpose; rules and their counts stay.
    pub fn clear_failures(&self) {
        self.shared.state().unmatched.clear();
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        self.task.abort();
        if !std::thread::panicking() {
            self.verify();
        }
    }
}
