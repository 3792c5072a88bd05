//! What must stay secret and what crosses the wire: secrets never in
//! `Debug`, errors or logs ([`secrets`]), transport rules and bounded error
//! bodies ([`transport`]).
//!
//! [`secrets`] installs the binary's global TRACE subscriber, so the logs of
//! every test here are captured and checked for its secrets. The log lines
//! it requires (a failed token request, a retry, a token refresh, a 429,
//! `queryPasswordInfo`) come from its own run: [`transport`]'s tests use no
//! token endpoint, no retries and no `queryPasswordInfo`.

mod secrets;
mod transport;
