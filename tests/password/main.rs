//! Password Management end to end, each test on every API line (`v2024`,
//! `beta` and the per-resource `password_management`, through
//! `sailpoint_isc_tests::for_each_line!`): the generated methods against a
//! scripted server ([`password_management`]), the embedded mock tenant
//! ([`mock_tenant`]), the one-call password change ([`flow`]); and RSA
//! interoperability with the `openssl` command line ([`crypto_openssl`]).

mod crypto_openssl;
mod flow;
mod mock_tenant;
mod password_management;
