//! Reading the RSA public key that query-password-info returns, in every
//! form it is likely to be handed to us: base64 DER (what the API returns),
//! PEM `PUBLIC KEY` and PEM `RSA PUBLIC KEY`.

use super::{CryptoError, Password};
use base64::alphabet::STANDARD as STANDARD_ALPHABET;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, STANDARD};
use base64::engine::DecodePaddingMode;
use base64::Engine as _;
use rand::{CryptoRng, RngCore};
use rsa::pkcs1::der::Decode as _;
use rsa::pkcs8::{ObjectIdentifier, PrivateKeyInfo, SubjectPublicKeyInfoRef};
use rsa::traits::PublicKeyParts as _;
use rsa::{BigUint, Pkcs1v15Encrypt, RsaPublicKey};
use std::str::FromStr;

/// Standard alphabet; padding optional, so a key whose trailing `=` got lost
/// in copy and paste still reads.
const KEY_BASE64: GeneralPurpose = GeneralPurpose::new(
    &STANDARD_ALPHABET,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// `rsaEncryption` (PKCS#1).
const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");

/// Bytes of PKCS#1 v1.5 encryption padding: `00 02`, at least eight random
/// non-zero bytes, `00`.
const PKCS1_V15_OVERHEAD: usize = 11;

/// An RSA public key ready to encrypt passwords, parsed once.
///
/// [`encrypt_password`](crate::encrypt_password) parses the key on every
/// call; keep a `PublicKey` instead when encrypting several passwords for the
/// same source, or to check [`max_password_len`](Self::max_password_len)
/// before asking the user for a password.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicKey {
    inner: RsaPublicKey,
}

impl PublicKey {
    /// Largest modulus accepted, in bits. The `rsa` crate's default cap is
    /// 4096; keys up to this size are still practical to encrypt with (the
    /// cost is one modular exponentiation with a small exponent).
    pub const MAX_BITS: usize = 16384;

    /// Reads a key given as query-password-info's `publicKey` (standard
    /// base64 of a DER SubjectPublicKeyInfo; whitespace and line breaks
    /// anywhere are ignored; base64 of a bare PKCS#1 `RSAPublicKey` is read
    /// too), or as a PEM `-----BEGIN PUBLIC KEY-----` or
    /// `-----BEGIN RSA PUBLIC KEY-----` block.
    pub fn parse(text: &str) -> Result<Self, CryptoError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(invalid("an empty string"));
        }
        if let Some(pem) = text.find("-----BEGIN ").map(|at| &text[at..]) {
            return Self::from_pem(pem);
        }
        if text.starts_with("ssh-") {
            return Err(invalid(
                "an OpenSSH public key line; convert it to PEM with \
                 `ssh-keygen -e -m PKCS8 -f key.pub`",
            ));
        }
        let der = decode_base64(text).map_err(|reason| CryptoError::KeyNotBase64 { reason })?;
        Self::from_der(&der)
    }

    /// Reads DER bytes: a SubjectPublicKeyInfo, or a PKCS#1 `RSAPublicKey`.
    pub fn from_der(der: &[u8]) -> Result<Self, CryptoError> {
        if der.is_empty() {
            return Err(invalid("no bytes (the base64 text decodes to nothing)"));
        }
        match SubjectPublicKeyInfoRef::from_der(der) {
            Ok(spki) => Self::from_spki(spki),
            Err(spki_error) => match rsa::pkcs1::RsaPublicKey::from_der(der) {
                Ok(pkcs1) => Self::from_pkcs1(pkcs1),
                Err(_) => Err(invalid(describe_other_der(der, spki_error))),
            },
        }
    }

    /// Size of the modulus in bits (1024, 2048, 4096…).
    pub fn bits(&self) -> usize {
        self.inner.n().bits()
    }

    /// The longest password, in UTF-8 bytes, that this key can encrypt with
    /// PKCS#1 v1.5 padding: the modulus size in bytes less 11 (245 bytes for
    /// a 2048-bit key).
    pub fn max_password_len(&self) -> usize {
        self.inner.size().saturating_sub(PKCS1_V15_OVERHEAD)
    }

    /// Encrypts `password` with RSA PKCS#1 v1.5 padding and the operating
    /// system's random number generator, and returns the ciphertext in
    /// standard base64, as set-password expects it.
    pub fn encrypt(&self, password: &Password) -> Result<String, CryptoError> {
        self.encrypt_with_rng(password, &mut rand::rngs::OsRng)
    }

    /// [`encrypt`](Self::encrypt) with a chosen random number generator
    /// (reproducible in this crate's tests). Crate-private so that the
    /// `rand` traits are not part of the public API: PKCS#1 v1.5 padding is
    /// only as unpredictable as its random bytes, so users get the
    /// operating system's generator.
    pub(crate) fn encrypt_with_rng<R: CryptoRng + RngCore>(
        &self,
        password: &Password,
        rng: &mut R,
    ) -> Result<String, CryptoError> {
        if password.is_empty() {
            return Err(CryptoError::EmptyPassword);
        }
        let max_len = self.max_password_len();
        if password.len() > max_len {
            return Err(CryptoError::KeyTooSmall {
                password_len: password.len(),
                max_len,
                key_bits: self.bits(),
            });
        }
        let ciphertext = self
            .inner
            .encrypt(rng, Pkcs1v15Encrypt, password.expose_bytes())
            // rsa's errors are fixed strings; none carries the message.
            .map_err(|error| CryptoError::Encryption {
                reason: error.to_string(),
            })?;
        Ok(STANDARD.encode(ciphertext))
    }

    fn from_pem(pem: &str) -> Result<Self, CryptoError> {
        let (label, body) = split_pem(pem)?;
        let der = decode_base64(body).map_err(|reason| CryptoError::KeyNotBase64 {
            reason: format!("in the PEM `{label}` block: {reason}"),
        })?;
        match label {
            "PUBLIC KEY" => match SubjectPublicKeyInfoRef::from_der(&der) {
                Ok(spki) => Self::from_spki(spki),
                Err(e) => Err(invalid(format!(
                    "a PEM `PUBLIC KEY` block whose content is not a SubjectPublicKeyInfo ({e})"
                ))),
            },
            "RSA PUBLIC KEY" => match rsa::pkcs1::RsaPublicKey::from_der(&der) {
                Ok(pkcs1) => Self::from_pkcs1(pkcs1),
                Err(e) => Err(invalid(format!(
                    "a PEM `RSA PUBLIC KEY` block whose content is not a PKCS#1 RSAPublicKey ({e})"
                ))),
            },
            "CERTIFICATE" => Err(invalid(
                "a PEM certificate; pass its public key instead \
                 (`openssl x509 -pubkey -noout -in cert.pem`)",
            )),
            label if label.contains("PRIVATE KEY") => Err(invalid(format!(
                "a PEM `{label}` block: a private key, where the public key is needed"
            ))),
            label => Err(invalid(format!(
                "a PEM `{label}` block; expected `PUBLIC KEY` or `RSA PUBLIC KEY`"
            ))),
        }
    }

    fn from_spki(spki: SubjectPublicKeyInfoRef<'_>) -> Result<Self, CryptoError> {
        let oid = spki.algorithm.oid;
        if oid != RSA_ENCRYPTION {
            return Err(CryptoError::NotRsa {
                oid: oid.to_string(),
                algorithm: algorithm_name(&oid),
            });
        }
        let key_bytes = spki.subject_public_key.as_bytes().ok_or_else(|| {
            invalid("an RSA SubjectPublicKeyInfo whose key BIT STRING is not whole bytes")
        })?;
        let pkcs1 = rsa::pkcs1::RsaPublicKey::from_der(key_bytes).map_err(|e| {
            invalid(format!(
                "an RSA SubjectPublicKeyInfo whose key is not a PKCS#1 RSAPublicKey ({e})"
            ))
        })?;
        Self::from_pkcs1(pkcs1)
    }

    fn from_pkcs1(pkcs1: rsa::pkcs1::RsaPublicKey<'_>) -> Result<Self, CryptoError> {
        let n = BigUint::from_bytes_be(pkcs1.modulus.as_bytes());
        let e = BigUint::from_bytes_be(pkcs1.public_exponent.as_bytes());
        let bits = n.bits();
        RsaPublicKey::new_with_max_size(n, e, Self::MAX_BITS)
            .map(|inner| PublicKey { inner })
            .map_err(|error| match error {
                rsa::Error::ModulusTooLarge => invalid(format!(
                    "an RSA key of {bits} bits, larger than the {} bits supported",
                    Self::MAX_BITS
                )),
                other => invalid(format!("a malformed {bits}-bit RSA key ({other})")),
            })
    }
}

impl FromStr for PublicKey {
    type Err = CryptoError;

    fn from_str(text: &str) -> Result<Self, CryptoError> {
        PublicKey::parse(text)
    }
}

fn invalid(found: impl Into<String>) -> CryptoError {
    CryptoError::InvalidKey {
        found: found.into(),
    }
}

/// Standard base64 with every ASCII whitespace character removed first.
fn decode_base64(text: &str) -> Result<Vec<u8>, String> {
    let compact: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    KEY_BASE64.decode(compact).map_err(|e| match e {
        base64::DecodeError::InvalidByte(offset, byte) => format!(
            "invalid character {:?} at offset {offset} (whitespace removed)",
            char::from(byte)
        ),
        other => other.to_string(),
    })
}

/// Splits `-----BEGIN L-----\n…\n-----END L-----` into `L` and the body.
fn split_pem(pem: &str) -> Result<(&str, &str), CryptoError> {
    let after_begin = &pem["-----BEGIN ".len()..];
    let label_end = after_begin
        .find("-----")
        .ok_or_else(|| invalid("a PEM BEGIN line that does not end in `-----`"))?;
    let label = after_begin[..label_end].trim();
    let rest = &after_begin[label_end + "-----".len()..];
    let end_line = format!("-----END {label}-----");
    let body_end = rest.find(&end_line).ok_or_else(|| {
        invalid(format!(
            "a PEM `{label}` block without its `{end_line}` line"
        ))
    })?;
    Ok((label, &rest[..body_end]))
}

/// Says what a DER blob that is neither a SubjectPublicKeyInfo nor a PKCS#1
/// public key looks like, without echoing its content.
fn describe_other_der(der: &[u8], spki_error: rsa::pkcs8::der::Error) -> String {
    if PrivateKeyInfo::from_der(der).is_ok() {
        return "a PKCS#8 private key, where the public key is needed".into();
    }
    if rsa::pkcs1::RsaPrivateKey::from_der(der).is_ok() {
        return "a PKCS#1 RSA private key, where the public key is needed".into();
    }
    match der.first() {
        Some(0x30) => format!(
            "{} bytes of DER that are neither a SubjectPublicKeyInfo nor a PKCS#1 \
             RSAPublicKey ({spki_error})",
            der.len()
        ),
        Some(first) => format!(
            "{} bytes that are not DER (they start with 0x{first:02x}, not a SEQUENCE)",
            der.len()
        ),
        None => "no bytes".into(),
    }
}

/// Names of the public-key algorithms most likely to be passed by mistake.
fn algorithm_name(oid: &ObjectIdentifier) -> &'static str {
    match oid.to_string().as_str() {
        "1.2.840.10045.2.1" => "EC (id-ecPublicKey)",
        "1.3.101.110" => "X25519",
        "1.3.101.111" => "X448",
        "1.3.101.112" => "Ed25519",
        "1.3.101.113" => "Ed448",
        "1.2.840.10040.4.1" => "DSA",
        "1.2.840.10046.2.1" => "Diffie-Hellman",
        "1.2.840.113549.1.1.10" => "RSASSA-PSS (a signature-only RSA key)",
        "1.2.840.113549.1.1.7" => "RSAES-OAEP",
        _ => "not one this library knows",
    }
}
