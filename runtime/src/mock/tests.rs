//! Raw-HTTP tests of the mock tenant: what the generated client cannot send.
