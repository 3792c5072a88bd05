//! What must stay secret and what crosses the wire: secrets never in
//! `Debug`, errors or logs ([`secrets`]), transport rules and bounded error
//! bodies ([`transport`]), path parameters that cannot leave their segment
//! ([`path_params`]).
//!
//! [`secrets`] installs the binary's global TRACE subscriber, so the logs of
//! every test here are captured and checked for its secrets. The log lines
//! it requires (a failed token request, a retry, a token refresh, a 429,
//! `queryPasswordInfo`) come from its own run: [`transport`]'s tests use no
//! token endpoint, no retries and no `queryPasswordInfo`, and [`path_params`]'
//! calls are refused or answered before any token is fetched.

mod path_params;
mod secrets;
mod transport;
