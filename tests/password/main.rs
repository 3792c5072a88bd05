//! Password Management end to end: the generated methods against a scripted
//! server ([`password_management`]), the embedded mock tenant
//! ([`mock_tenant`], and through the per-resource bindings
//! [`mock_tenant_resource`]), the one-call password change ([`flow`]) and RSA
//! interoperability with the `openssl` command line ([`crypto_openssl`]).

mod crypto_openssl;
mod flow;
mod mock_tenant;
mod mock_tenant_resource;
mod password_management;
