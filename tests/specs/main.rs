//! The spec files this repo ships: they agree with upstream ([`agreement`]),
//! their examples decode ([`examples`]), and editing one rebuilds the
//! bindings ([`rebuild`]).

mod agreement;
mod examples;
mod rebuild;
