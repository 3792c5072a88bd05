//! What must stay secret and what crosses the wire: secrets never in
//! `Debug`, errors or logs ([`secrets`]), transport rules and bounded error
//! bodies ([`transport`]).
//!
//! [`secrets`] installs the binary's global TRACE subscriber, so the logs of
//! every test here are captured and checked for its secrets.

mod secrets;
mod transport;
