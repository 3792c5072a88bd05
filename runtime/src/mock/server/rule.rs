//! A rule: which requests of one operation it takes, and the answers it
//! gives them in turn. [`Rule`] is the typed builder; [`RuleState`] what the
//! server keeps once it is mounted.

use super::reply::{MockAnswer, MockList, MockResponse, Reply};
use super::request::{Incoming, MockBody, MockRequest};
use super::{MockError, Shared};
use crate::json::Encode;
use crate::operation::ApiOperation;
use std::marker::PhantomData;
use std::panic::Location;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

/// A condition's test: `Err` with what the request had instead.
type Test = dyn Fn(&Arc<Incoming>) -> Result<(), String> + Send + Sync;

/// One condition of a rule, with what it wants for messages.
pub(super) struct Matcher {
    /// `query `filters` = `name eq "x"``.
    pub(super) wants: String,
    /// `Err` with what the request had instead.
    pub(super) test: Box<Test>,
}

/// One answer of the sequence and how many requests it takes.
#[derive(Debug, Clone)]
pub(super) struct Step {
    pub(super) reply: Reply,
    pub(super) delay: Duration,
    /// `None`: one request, or every request when it is the last answer.
    pub(super) times: Option<u32>,
}

/// A mounted rule.
pub(super) struct RuleState {
    /// Index of its operation in the server's routes.
    pub(super) op: usize,
    pub(super) operation_id: &'static str,
    /// Where the test mounted it.
    pub(super) at: &'static Location<'static>,
    pub(super) matchers: Vec<Matcher>,
    pub(super) expect: Option<u32>,
    pub(super) live: Mutex<Live>,
}

/// What changes as requests arrive.
pub(super) struct Live {
    pub(super) steps: Vec<Step>,
    pub(super) repeat: bool,
    index: usize,
    used: u32,
    pub(super) received: Vec<Arc<Incoming>>,
}

impl RuleState {
    pub(super) fn live(&self) -> MutexGuard<'_, Live> {
        self.live.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// `listAccounts` rule at `tests/accounts.rs:12`.
    pub(super) fn name(&self) -> String {
        format!(
            "the `{}` rule at {}:{}",
            self.operation_id,
            self.at.file(),
            self.at.line()
        )
    }

    /// The first condition `req` fails, with what it had.
    pub(super) fn mismatch(&self, req: &Arc<Incoming>) -> Option<String> {
        self.matchers.iter().find_map(|m| {
            (m.test)(req)
                .err()
                .map(|had| format!("wants {}, got {had}", m.wants))
        })
    }
}

impl Live {
    pub(super) fn new(steps: Vec<Step>, repeat: bool) -> Live {
        Live {
            steps,
            repeat,
            index: 0,
            used: 0,
            received: Vec::new(),
        }
    }

    /// The next answer, counted, or `None` when the sequence is spent.
    pub(super) fn take(&mut self, req: Arc<Incoming>) -> Option<Step> {
        loop {
            if self.index >= self.steps.len() {
                if !self.repeat || self.steps.is_empty() {
                    return None;
                }
                self.index = 0;
                self.used = 0;
            }
            let step = &self.steps[self.index];
            let last = self.index + 1 == self.steps.len();
            let limit = match step.times {
                Some(n) => n,
                None if last && !self.repeat => u32::MAX,
                None => 1,
            };
            if self.used < limit {
                self.used += 1;
                self.received.push(req);
                return Some(step.clone());
            }
            self.index += 1;
            self.used = 0;
        }
    }
}

/// A rule for operation `O`, built with the server's
/// [`rule`](super::MockServer::rule) and added to it with [`mount`](Rule::mount).
///
/// Conditions (`path`, `query`, `header`, `body`, `matches`) all have to
/// hold for the rule to take a request. Answers (`then_*`) form a sequence:
/// each takes one request, or as many as a following
/// [`times`](Rule::times) says, and the last one takes every request after
/// (unless given `times`, when the rule then takes no more; or the sequence
/// [`repeat`](Rule::repeat)s). A rule with no answer answers with the
/// operation's example from the spec.
#[must_use = "a rule does nothing until it is mounted"]
pub struct Rule<O: ApiOperation> {
    pub(super) server: Arc<Shared>,
    pub(super) matchers: Vec<Matcher>,
    pub(super) steps: Vec<Step>,
    pub(super) repeat: bool,
    pub(super) expect: Option<u32>,
    /// Answers refused while building, reported by `mount`.
    pub(super) problems: Vec<String>,
    pub(super) op: PhantomData<fn() -> O>,
}

impl<O: ApiOperation> std::fmt::Debug for Rule<O> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule")
            .field("operation", &O::OPERATION.id)
            .field(
                "conditions",
                &self.matchers.iter().map(|m| &m.wants).collect::<Vec<_>>(),
            )
            .field("answers", &self.steps)
            .field("expect", &self.expect)
            .finish()
    }
}

impl<O> Rule<O>
where
    O: ApiOperation,
    O::Body: MockBody,
    O::Answer: MockAnswer,
{
    fn condition(
        mut self,
        wants: String,
        test: impl Fn(&Arc<Incoming>) -> Result<(), String> + Send + Sync + 'static,
    ) -> Self {
        self.matchers.push(Matcher {
            wants,
            test: Box::new(test),
        });
        self
    }

    /// Takes only requests whose path parameter `name` (as the template
    /// names it) is `value`.
    pub fn path(self, name: &str, value: &str) -> Self {
        let (name, value) = (name.to_owned(), value.to_owned());
        let wants = format!("path parameter `{name}` = `{value}`");
        self.condition(wants, move |r| match r.param(&name) {
            Some(v) if v == value => Ok(()),
            other => Err(shown(other)),
        })
    }

    /// Takes only requests whose query parameter `name` is `value` (one of
    /// its values, when it is sent several times).
    pub fn query(self, name: &str, value: &str) -> Self {
        let (name, value) = (name.to_owned(), value.to_owned());
        let wants = format!("query `{name}` = `{value}`");
        self.condition(wants, move |r| {
            let mut values = r.query.iter().filter(|(k, _)| *k == name).map(|(_, v)| v);
            match values.clone().any(|v| *v == value) {
                true => Ok(()),
                false => Err(shown(values.next().map(String::as_str))),
            }
        })
    }

    /// Takes only requests with the header `name` (case-insensitive) set to
    /// `value`.
    pub fn header(self, name: &str, value: &str) -> Self {
        let (name, value) = (name.to_owned(), value.to_owned());
        let wants = format!("header `{name}` = `{value}`");
        self.condition(wants, move |r| match r.header(&name) {
            Some(v) if v == value => Ok(()),
            other => Err(shown(other)),
        })
    }

    /// Takes only requests whose decoded body passes `test`.
    pub fn body(self, test: impl Fn(&O::Body) -> bool + Send + Sync + 'static) -> Self {
        self.matches(move |r| r.body().is_some_and(&test))
    }

    /// Takes only requests that pass `test`, which sees the whole typed
    /// request.
    pub fn matches(self, test: impl Fn(&MockRequest<O>) -> bool + Send + Sync + 'static) -> Self {
        let wants = "the `matches`/`body` condition".to_owned();
        self.condition(wants, move |r| {
            let typed = MockRequest::<O>::new(Arc::clone(r));
            test(&typed)
                .then_some(())
                .ok_or_else(|| "a request it refuses".to_owned())
        })
    }

    fn then(mut self, reply: Reply) -> Self {
        self.steps.push(Step {
            reply,
            delay: Duration::ZERO,
            times: None,
        });
        self
    }

    /// Answers with `value`, the operation's success type, at the status
    /// the spec documents for it (`None` of an optional answer is `204`).
    pub fn then_output(self, value: O::Answer) -> Self {
        let body = MockResponse::from_body(O::SUCCESS, value.to_reply());
        self.then(Reply::Fixed(body))
    }

    /// Answers each request with what `answer` makes of it, at the
    /// documented success status.
    pub fn then_output_with(
        self,
        answer: impl Fn(&MockRequest<O>) -> O::Answer + Send + Sync + 'static,
    ) -> Self {
        self.then_respond(move |r| MockResponse::from_body(O::SUCCESS, answer(r).to_reply()))
    }

    /// Serves `records` the way ISC pages the operation's list: the
    /// `offset` and `limit` query parameters (`X-Total-Count` when the
    /// request has `count=true`), or, for a search body, its `sort` and
    /// `searchAfter`.
    pub fn then_list(self, records: impl IntoIterator<Item = <O::Answer as MockList>::Item>) -> Self
    where
        O::Answer: MockList,
    {
        let items: Vec<serde_json::Value> = records.into_iter().map(|r| r.encode()).collect();
        self.then(Reply::List(items.into()))
    }

    /// Answers `status` with `body`, which must decode as the error body the
    /// operation documents for `status` (or as its `default` response);
    /// [`mount`](Self::mount) says when it does not. Use
    /// [`then_response`](Self::then_response) for an undocumented one.
    pub fn then_error<E: Encode + ?Sized>(mut self, status: u16, body: &E) -> Self {
        let value = body.encode();
        let target = O::OPERATION;
        let decoder = target
            .errors
            .iter()
            .find(|d| d.status == Some(status))
            .or_else(|| target.errors.iter().find(|d| d.status.is_none()));
        let text = value.to_string();
        match decoder {
            None => self.problems.push(format!(
                "`then_error({status}, …)`: `{}` documents no error body for {status}; \
                 use `then_response` for an undocumented answer",
                target.id
            )),
            Some(d) if (d.decode)(text.as_bytes()).is_none() => self.problems.push(format!(
                "`then_error({status}, …)`: the body does not decode as the type `{}` \
                 documents for {status}: {}",
                target.id,
                crate::error::excerpt(text.as_bytes())
            )),
            Some(_) => {}
        }
        self.then(Reply::Fixed(MockResponse::json(status, &value)))
    }

    /// Answers `429 Too Many Requests` with `Retry-After` of `wait` (whole
    /// seconds) and ISC's body.
    pub fn then_rate_limited(self, wait: Duration) -> Self {
        self.then(Reply::RateLimited(wait))
    }

    /// Closes the connection without answering.
    pub fn then_drop_connection(self) -> Self {
        self.then(Reply::Drop)
    }

    /// Answers `response` as it is: any status, headers and body (one that
    /// does not parse, for instance).
    pub fn then_response(self, response: MockResponse) -> Self {
        self.then(Reply::Fixed(response))
    }

    /// Answers each request with what `answer` makes of it.
    pub fn then_respond(
        self,
        answer: impl Fn(&MockRequest<O>) -> MockResponse + Send + Sync + 'static,
    ) -> Self {
        self.then(Reply::With(Arc::new(move |r: &Arc<Incoming>| {
            answer(&MockRequest::new(Arc::clone(r)))
        })))
    }

    /// The answer before this one takes `n` requests (the first `n` that
    /// reach it). After the last answer's `times`, the rule takes no more.
    pub fn times(mut self, n: u32) -> Self {
        match self.steps.last_mut() {
            Some(step) => step.times = Some(n),
            None => self
                .problems
                .push("`times` comes after the answer it counts".into()),
        }
        self
    }

    /// The answer before this one waits `delay` before it is sent.
    pub fn delay(mut self, delay: Duration) -> Self {
        match self.steps.last_mut() {
            Some(step) => step.delay = delay,
            None => self
                .problems
                .push("`delay` comes after the answer it delays".into()),
        }
        self
    }

    /// Starts the sequence of answers again after its last one.
    pub fn repeat(mut self) -> Self {
        self.repeat = true;
        self
    }

    /// The rule must take exactly `n` requests by the time the server is
    /// verified ([`MockServer::verify`](super::MockServer::verify), or when it is dropped).
    pub fn expect(mut self, n: u32) -> Self {
        self.expect = Some(n);
        self
    }

    /// Adds the rule to the server; it takes requests from now on, after
    /// the rules mounted before it. Fails when the server could not tell
    /// this operation's requests from another mounted operation's (the same
    /// method and path shape), when an answer was refused, or when the rule
    /// has no answer and the spec no example for the operation (or one
    /// that does not decode as its answer type).
    #[track_caller]
    pub fn mount(self) -> Result<Mocked<O>, MockError> {
        let at = Location::caller();
        let server = Arc::clone(&self.server);
        server.mount(self, at)
    }
}

fn shown(v: Option<&str>) -> String {
    match v {
        Some(v) => format!("`{v}`"),
        None => "none".to_owned(),
    }
}

/// A mounted rule: what it received, for asserting on afterwards.
pub struct Mocked<O: ApiOperation> {
    pub(super) state: Arc<RuleState>,
    pub(super) op: PhantomData<fn() -> O>,
}

impl<O: ApiOperation> Mocked<O> {
    /// The requests the rule took, in order, typed by the operation.
    pub fn requests(&self) -> Vec<MockRequest<O>> {
        let live = self.state.live();
        live.received
            .iter()
            .cloned()
            .map(MockRequest::new)
            .collect()
    }

    /// How many requests the rule took.
    pub fn hits(&self) -> usize {
        self.state.live().received.len()
    }
}

impl<O: ApiOperation> std::fmt::Debug for Mocked<O> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mocked")
            .field("rule", &self.state.name())
            .field("hits", &self.hits())
            .finish()
    }
}
