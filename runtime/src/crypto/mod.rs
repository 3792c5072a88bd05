//! RSA encryption of a new password for set-password.
//!
//! query-password-info returns, per account, a `publicKey`: standard base64
//! of a DER SubjectPublicKeyInfo holding an RSA key. set-password wants the
//! new password encrypted with that key using RSA PKCS#1 v1.5 padding (what
//! `openssl pkeyutl -encrypt` and Java's `RSA/ECB/PKCS1Padding` do), in
//! standard base64. [`encrypt_password`] does exactly that, so nobody has to
//! shell out to openssl:
//!
//! ```no_run
//! use sailpoint_isc::{encrypt_password, Password};
//!
//! # fn run(public_key_from_query_password_info: &str) -> Result<(), sailpoint_isc::CryptoError> {
//! let password = Password::new(String::from("n3w-Passw0rd!"));
//! let encrypted = encrypt_password(public_key_from_query_password_info, &password)?;
//! // `encrypted` goes in PasswordChangeRequest.encryptedPassword.
//! # Ok(()) }
//! ```
//!
//! The key may also be given as a PEM `PUBLIC KEY` or `RSA PUBLIC KEY` block.
//! PKCS#1 v1.5 fits at most k−11 bytes in a k-byte key (245 bytes for
//! 2048 bits); a longer password is refused with
//! [`CryptoError::KeyTooSmall`] rather than cut.
//!
//! The encryption itself is done by the RustCrypto `rsa` crate. No error
//! message produced here ever contains the password.

mod password;
mod public_key;
#[cfg(test)]
mod tests;

pub use password::Password;
pub use public_key::PublicKey;

#[cfg(test)]
use rand::{CryptoRng, RngCore};

/// Why a password could not be encrypted.
///
/// The messages name the key's problem or the password's length, never the
/// password itself.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CryptoError {
    /// The key is neither PEM nor standard base64.
    #[error("public key is not valid base64 (standard alphabet) nor PEM: {reason}")]
    KeyNotBase64 {
        /// What the base64 decoder reported.
        reason: String,
    },
    /// The key decoded, but is not an RSA public key in a form this library
    /// reads (a SubjectPublicKeyInfo or a PKCS#1 `RSAPublicKey`).
    #[error("public key is not an RSA public key: found {found}")]
    InvalidKey {
        /// What was found instead.
        found: String,
    },
    /// The key is a well-formed SubjectPublicKeyInfo for an algorithm other
    /// than RSA encryption (for example an EC key).
    #[error("public key is not an RSA encryption key: its algorithm is {algorithm} (OID {oid})")]
    NotRsa {
        /// The algorithm's object identifier (`1.2.840.10045.2.1`).
        oid: String,
        /// A readable name for the algorithm.
        algorithm: &'static str,
    },
    /// The password is longer than PKCS#1 v1.5 padding can fit in this key.
    #[error(
        "password is {password_len} bytes (UTF-8) but a {key_bits}-bit RSA key fits at most \
         {max_len} bytes with PKCS#1 v1.5 padding"
    )]
    KeyTooSmall {
        /// The password's length in UTF-8 bytes.
        password_len: usize,
        /// The most this key can take: its size in bytes less 11.
        max_len: usize,
        /// The key's modulus size in bits.
        key_bits: usize,
    },
    /// The password is the empty string; encrypting it would only make the
    /// service reject it later, less clearly.
    #[error("refusing to encrypt an empty password")]
    EmptyPassword,
    /// The RSA operation itself failed.
    #[error("RSA encryption failed: {reason}")]
    Encryption {
        /// What the `rsa` crate reported.
        reason: String,
    },
}

/// Encrypts `password` with `public_key` as set-password expects it: RSA
/// PKCS#1 v1.5, ciphertext in standard base64.
///
/// `public_key` is query-password-info's `publicKey` as returned (base64 of
/// a DER SubjectPublicKeyInfo; whitespace and line breaks are ignored), or a
/// PEM `PUBLIC KEY` or `RSA PUBLIC KEY` block. Random padding comes from the
/// operating system, so two calls give different ciphertexts for the same
/// password; both decrypt to it.
pub fn encrypt_password(public_key: &str, password: &Password) -> Result<String, CryptoError> {
    PublicKey::parse(public_key)?.encrypt(password)
}

/// [`encrypt_password`] with a chosen random number generator: reproducible
/// ciphertexts for this crate's tests. Not public, so that the `rand`
/// traits it takes are not part of this crate's API.
#[cfg(test)]
pub(crate) fn encrypt_password_with_rng<R: CryptoRng + RngCore>(
    public_key: &str,
    password: &Password,
    rng: &mut R,
) -> Result<String, CryptoError> {
    PublicKey::parse(public_key)?.encrypt_with_rng(password, rng)
}
