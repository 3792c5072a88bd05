//! The `execute` family of [`Client`]: a hand-written [`Request`] as a
//! [`Call`], the same call the generated methods return. Here rather than in
//! `client.rs` so that `call` uses `client` and not the other way round.

use super::Call;
use crate::client::Client;
use crate::json::Decode;
use crate::request::Request;
use bytes::Bytes;

impl Client {
    /// `request` as a [`Call`] whose JSON success body is decoded as `T`: a
    /// generated model, a `serde_json::Value`, or a serde type wrapped in
    /// [`Serde`](crate::json::Serde). Await it, or set per-call options or
    /// use [`send_with_response`](Call::send_with_response) first: it is
    /// the same call the generated methods return, with the same token,
    /// retries and typed errors. See [`Request`] for an example.
    pub fn execute<T: Decode>(&self, request: Request) -> Call<T> {
        Call::json(self, request)
    }

    /// [`execute`](Self::execute) for an answer that may have no body:
    /// `None` for `204 No Content` or an empty body, else `Some` of the
    /// decoded JSON (an operation documenting `200` with a body and `204`
    /// without).
    pub fn execute_optional<T: Decode>(&self, request: Request) -> Call<Option<T>> {
        Call::optional(self, request)
    }

    /// [`execute`](Self::execute) for an answer that is not JSON (CSV, ZIP,
    /// images): the success body as it came.
    pub fn execute_bytes(&self, request: Request) -> Call<Bytes> {
        Call::bytes(self, request)
    }

    /// [`execute`](Self::execute) for an answer whose body is ignored
    /// (`204 No Content`).
    pub fn execute_empty(&self, request: Request) -> Call<()> {
        Call::empty(self, request)
    }
}
