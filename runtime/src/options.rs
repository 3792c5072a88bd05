//! Per-call options, defined once: the data ([`CallOptions`]) and the
//! methods that set it ([`__per_call_options!`](crate::__per_call_options)),
//! which [`Request`](crate::Request), [`Call`](crate::Call) and every
//! generated builder expand alike (and `max_items`, which only list
//! builders have: `__call_builder!` writes it). A new option is a field here, a method
//! in the macro and its name in the builders' method list
//! (`__private::v1::BUILDER_METHODS`, which a test holds the generator's
//! reserved names to); nothing else repeats it.

use crate::retry::RetryPolicy;
use std::borrow::Cow;
use std::time::Duration;

/// What one call may set for itself, apart from its parameters: extra
/// headers, a deadline and a retry policy. The client's settings apply to
/// whatever is left unset.
#[doc(hidden)]
#[derive(Clone, Default)]
pub struct CallOptions {
    /// Headers sent with the call; names are unique without regard to case.
    pub(crate) headers: Vec<(Cow<'static, str>, String)>,
    /// The call's deadline, retries included.
    pub(crate) timeout: Option<Duration>,
    /// The retry policy in place of the client's.
    pub(crate) retry: Option<RetryPolicy>,
    /// A list's cap on the records its stream reads, set on a generated
    /// list builder (`.max_items(n)`); the pager takes it out of the call,
    /// so pages are sent without it. Sending the call itself ignores it.
    pub(crate) max_items: Option<u64>,
}

impl CallOptions {
    /// Sets the header `name` (any case) to `value`, replacing any value
    /// it had.
    #[inline]
    pub fn set_header(&mut self, name: Cow<'static, str>, value: String) {
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(&name));
        self.headers.push((name, value));
    }

    /// Sets the deadline.
    #[inline]
    pub fn set_timeout(&mut self, deadline: Duration) {
        self.timeout = Some(deadline);
    }

    /// Sets the retry policy.
    #[inline]
    pub fn set_retry_policy(&mut self, policy: RetryPolicy) {
        self.retry = Some(policy);
    }

    /// Sets the cap on the records a list's stream reads.
    #[inline]
    pub fn set_max_items(&mut self, max_items: u64) {
        self.max_items = Some(max_items);
    }
}

impl std::fmt::Debug for CallOptions {
    /// Header names, not values: headers may hold secrets.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(n, _)| n.as_ref()).collect();
        f.debug_struct("CallOptions")
            .field("headers", &names)
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            .field("max_items", &self.max_items)
            .finish()
    }
}

/// Writes the per-call option methods (`header`, `timeout`,
/// `retry_policy`): `()` for a type with a method
/// `__options(self, impl FnOnce(&mut CallOptions)) -> Self` (`impl
/// Request`, `impl<T> Call<T>`), `(wrapping)` for a generated builder, whose
/// methods forward to those of the `Call` it wraps. One list of methods and
/// docs, so the three read and behave the same.
///
/// The doc links name `sailpoint_isc` rather than `$crate`: rustdoc does
/// not resolve `$crate` inside doc text, and the builders are documented
/// in the user's crate.
#[doc(hidden)]
#[macro_export]
macro_rules! __per_call_options {
    // A type with `__options(self, impl FnOnce(&mut CallOptions)) -> Self`.
    () => {
        $crate::__per_call_options!(@methods direct);
    };
    // A generated builder, `Self(Call<T>)`: each method hands its arguments
    // to the call's method of the same name. No closure per builder, which
    // with some 700 builders in a full spec is compile time saved.
    (wrapping) => {
        $crate::__per_call_options!(@methods wrapping);
    };
    (@methods $how:ident) => {
        /// Sets the header `name` to `value` for this call, replacing any
        /// value it had (names compare without regard to case). The token's
        /// `Authorization` header is the client's and cannot be replaced. A
        /// name or value HTTP does not allow fails the call with
        /// [`Error::Header`](sailpoint_isc::Error::Header) before anything
        /// is sent, and the value is never shown.
        #[inline]
        pub fn header(
            self,
            name: impl ::std::convert::Into<::std::borrow::Cow<'static, str>>,
            value: impl ::std::string::ToString,
        ) -> Self {
            $crate::__per_call_options!(@body $how self header(name, value) |o| {
                o.set_header(name.into(), value.to_string())
            })
        }

        /// Gives this call `deadline` in all: each attempt may take up to
        /// the whole of it, in place of the client's
        /// [`request_timeout`](sailpoint_isc::ClientBuilder::request_timeout),
        /// and retries stop when it is spent, in place of the retry
        /// policy's [`max_elapsed`](sailpoint_isc::RetryPolicy::with_max_elapsed).
        /// A call that runs out fails with
        /// [`Error::Timeout`](sailpoint_isc::Error::Timeout).
        #[inline]
        pub fn timeout(self, deadline: ::std::time::Duration) -> Self {
            $crate::__per_call_options!(@body $how self timeout(deadline) |o| o.set_timeout(deadline))
        }

        /// Retries this call as `policy` says instead of the client's
        /// policy; [`RetryPolicy::none()`](sailpoint_isc::RetryPolicy::none)
        /// sends it once.
        #[inline]
        pub fn retry_policy(self, policy: $crate::RetryPolicy) -> Self {
            $crate::__per_call_options!(@body $how self retry_policy(policy) |o| o.set_retry_policy(policy))
        }
    };
    (@body direct $self:ident $method:ident($($arg:ident),*) |$o:ident| $set:expr) => {
        $self.__options(move |$o| $set)
    };
    (@body wrapping $self:ident $method:ident($($arg:ident),*) |$o:ident| $set:expr) => {
        Self($self.0.$method($($arg),*))
    };
}
