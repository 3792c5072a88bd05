//! Round trips through a fixed test key, and every error case.
#![allow(clippy::unwrap_used)]

use super::*;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use rand::SeedableRng as _;
use rsa::pkcs1::EncodeRsaPublicKey as _;
use rsa::pkcs8::{DecodePrivateKey as _, EncodePrivateKey as _, EncodePublicKey as _, LineEnding};
use rsa::{Pkcs1v15Encrypt, RsaPrivateKey, RsaPublicKey};

/// A 1024-bit key made by `openssl genpkey` for these tests only; fixed so
/// that the tests need no slow key generation.
const TEST_KEY_PEM: &str = "-----BEGIN PRIVATE KEY-----
MIICdwIBADANBgkqhkiG9w0BAQEFAASCAmEwggJdAgEAAoGBANgGcQ/L1mfAoZkQ
Bde7CXM5JuZ6AvtguIaCMRanCldtltp6HAOLxzKYjfWppjFl9xF3em8qPeim8kwU
Vd0x5Gdo2DTg/UA4H/mDfoDZWxrqeX+tj/zHnzBPh0+3JvTrn07y1ZwRasQzzpi5
ffr6ao9PTim+hUNsXwZ/ZRBijUjbAgMBAAECgYBUD32jZfBSgzTeuMttPQzaV1z5
xnSumN51COhNJkbx6mUPMwD/qD6lQ5PKCm/vPPw9Qb7Uzx00EPKsBCW9YxK7K5Yi
5sw+sRUGNZCBmbkXU8c345W5UzrwE+uiKHSwaG6WVurlrTvcAXMCVfS8xgLOdNly
C6jHVBXWZGUoGrONAQJBAO+VZSYbpwCFxMWul4xGLxrEbsM/IKEy9fKr7FQPkYIn
yemaCWzv6W/J4NjEenSAwIOSrCZc72uhdFjE4F8D+5sCQQDm0802BWu1sBjPAsY+
npPdsgSKNjqaJKQPCr+t8w+FBbyDbZkvrWpsLAfqIUB9kMhGOObYotjnK8SaCDNj
XdvBAkEAzok6rnRuLnwjGsudJ7clSm0Gk1irV2voLLBbRkg5hzuny7MX5wqXceBV
7mjKq/6Gd6aMs3GwkFeaRiBK0H5NewJBALKYP9fDW/IovRk2aVK7+WZ3vUF+8dqf
7PvicipRvLlMle4Ol46nG4d0je8eKTq+EecbUaleXnqGh8gx/iisz0ECQCqEmcfg
wRJ7FKq4iOPKYFOZA5dO0PGIupSUfUTM4vgNX+nff/11VYq74Ar2z8e39l+g5q8M
BNx6ZV5mKPK8lZY=
-----END PRIVATE KEY-----
";

/// `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 | openssl pkey -pubout -outform DER | base64`
const EC_P256_PUBLIC_KEY: &str = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEF2O0iIC+r19BAzD9qXTzhGSOBuZ4tYYLd8dzM8xn9bjyB2aqPRnAPWFNRxO+PHCzmLEWi0tOZgKgZ5vIwvtcyg==";

/// The same for `-algorithm ED25519`.
const ED25519_PUBLIC_KEY: &str = "MCowBQYDK2VwAyEA0hAcJTR18DwSGKIIdwlYhBHI0xqAfcAWnpWwzd6wfn4=";

fn private_key() -> RsaPrivateKey {
    RsaPrivateKey::from_pkcs8_pem(TEST_KEY_PEM).unwrap()
}

/// The test key as query-password-info would return it.
fn public_key_base64() -> String {
    let der = RsaPublicKey::from(&private_key())
        .to_public_key_der()
        .unwrap();
    STANDARD.encode(der.as_bytes())
}

fn decrypt(ciphertext_base64: &str) -> String {
    let ciphertext = STANDARD.decode(ciphertext_base64).unwrap();
    assert_eq!(ciphertext.len(), 128, "a 1024-bit key gives 128 bytes");
    let plain = private_key().decrypt(Pkcs1v15Encrypt, &ciphertext).unwrap();
    String::from_utf8(plain).unwrap()
}

fn key_error(key: &str) -> CryptoError {
    encrypt_password(key, &Password::new("secret-pw")).unwrap_err()
}

#[test]
fn round_trip_ascii_and_non_ascii() {
    let key = public_key_base64();
    for text in ["n3w-Passw0rd!", "Pässwörd-密码-🔑", "x"] {
        let encrypted = encrypt_password(&key, &Password::new(text)).unwrap();
        assert_eq!(decrypt(&encrypted), text);
    }
}

#[test]
fn every_key_form_round_trips() {
    let public = RsaPublicKey::from(&private_key());
    let b64 = public_key_base64();
    // Line-wrapped with CRLF and indented, as keys get after copy and paste.
    let wrapped: String = b64
        .as_bytes()
        .chunks(64)
        .map(|line| format!("  {}\r\n", std::str::from_utf8(line).unwrap()))
        .collect();
    let unpadded = b64.trim_end_matches('=').to_string();
    let spki_pem = public.to_public_key_pem(LineEnding::LF).unwrap();
    let pkcs1_pem = public.to_pkcs1_pem(LineEnding::CRLF).unwrap();
    let pkcs1_b64 = STANDARD.encode(public.to_pkcs1_der().unwrap().as_bytes());
    let pem_with_text_around = format!("Key for My-AD:\n{spki_pem}\n");

    for key in [
        b64,
        wrapped,
        unpadded,
        spki_pem,
        pkcs1_pem,
        pkcs1_b64,
        pem_with_text_around,
    ] {
        let encrypted = encrypt_password(&key, &Password::new("Pässwörd")).unwrap();
        assert_eq!(decrypt(&encrypted), "Pässwörd", "key form:\n{key}");
    }
}

#[test]
fn parsed_key_reports_its_size() {
    let key = PublicKey::parse(&public_key_base64()).unwrap();
    assert_eq!(key.bits(), 1024);
    assert_eq!(key.max_password_len(), 128 - 11);
    assert_eq!(public_key_base64().parse::<PublicKey>().unwrap(), key);
}

#[test]
fn longest_password_that_fits_round_trips() {
    let text = "a".repeat(117);
    let encrypted = encrypt_password(&public_key_base64(), &Password::new(text.as_str())).unwrap();
    assert_eq!(decrypt(&encrypted), text);
}

#[test]
fn seeded_rng_is_deterministic() {
    let key = public_key_base64();
    let password = Password::new("n3w-Passw0rd!");
    let encrypt = |seed| {
        let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
        encrypt_password_with_rng(&key, &password, &mut rng).unwrap()
    };
    assert_eq!(encrypt(7), encrypt(7));
    assert_ne!(encrypt(7), encrypt(8));
    assert_eq!(decrypt(&encrypt(7)), "n3w-Passw0rd!");
    // The OS-seeded path pads randomly: same password, new ciphertext.
    assert_ne!(
        encrypt_password(&key, &password).unwrap(),
        encrypt_password(&key, &password).unwrap()
    );
}

#[test]
fn password_too_long_for_key() {
    let key = public_key_base64();
    let text = "ä".repeat(59); // 118 bytes, one more than fits
    let error = encrypt_password(&key, &Password::new(text.as_str())).unwrap_err();
    assert_eq!(
        error,
        CryptoError::KeyTooSmall {
            password_len: 118,
            max_len: 117,
            key_bits: 1024
        }
    );
    let message = error.to_string();
    assert_eq!(
        message,
        "password is 118 bytes (UTF-8) but a 1024-bit RSA key fits at most 117 bytes \
         with PKCS#1 v1.5 padding"
    );
    assert!(!message.contains('ä'));
}

#[test]
fn empty_password_is_refused() {
    let error = encrypt_password(&public_key_base64(), &Password::new("")).unwrap_err();
    assert_eq!(error, CryptoError::EmptyPassword);
}

#[test]
fn key_not_base64() {
    let error = key_error("this is not a key!");
    let CryptoError::KeyNotBase64 { reason } = &error else {
        panic!("wrong error: {error:?}");
    };
    assert!(reason.contains("'!'"), "{reason}");
    assert!(error.to_string().contains("not valid base64"), "{error}");

    // URL-safe base64 is not what the API returns.
    let url_safe = public_key_base64().replace('+', "-").replace('/', "_");
    assert!(matches!(
        key_error(&url_safe),
        CryptoError::KeyNotBase64 { .. }
    ));

    let bad_pem = "-----BEGIN PUBLIC KEY-----\nnot*base64\n-----END PUBLIC KEY-----\n";
    let error = key_error(bad_pem);
    assert!(
        matches!(&error, CryptoError::KeyNotBase64 { reason } if reason.contains("PUBLIC KEY")),
        "{error:?}"
    );
}

#[test]
fn non_rsa_keys_are_named() {
    let error = key_error(EC_P256_PUBLIC_KEY);
    assert_eq!(
        error,
        CryptoError::NotRsa {
            oid: "1.2.840.10045.2.1".into(),
            algorithm: "EC (id-ecPublicKey)",
        }
    );
    assert_eq!(
        error.to_string(),
        "public key is not an RSA encryption key: its algorithm is EC (id-ecPublicKey) \
         (OID 1.2.840.10045.2.1)"
    );
    assert!(matches!(
        key_error(ED25519_PUBLIC_KEY),
        CryptoError::NotRsa {
            algorithm: "Ed25519",
            ..
        }
    ));
    let ec_pem =
        format!("-----BEGIN PUBLIC KEY-----\n{EC_P256_PUBLIC_KEY}\n-----END PUBLIC KEY-----");
    assert!(matches!(key_error(&ec_pem), CryptoError::NotRsa { .. }));
}

#[test]
fn invalid_keys_say_what_was_found() {
    let found = |key: &str| match key_error(key) {
        CryptoError::InvalidKey { found } => found,
        other => panic!("wrong error for {key:?}: {other:?}"),
    };
    assert!(found("").contains("empty"));
    assert!(found(" \n ").contains("empty"));
    assert!(found("AAECAw==").contains("not DER"));
    assert!(found("MAMCAQE=").contains("neither a SubjectPublicKeyInfo"));
    assert!(found("ssh-rsa AAAAB3NzaC1yc2E user@host").contains("OpenSSH"));

    let private_der = private_key().to_pkcs8_der().unwrap();
    let private_b64 = STANDARD.encode(private_der.as_bytes());
    assert!(found(&private_b64).contains("PKCS#8 private key"));
    assert!(found(TEST_KEY_PEM).contains("private key"));

    let cert = "-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END CERTIFICATE-----";
    assert!(found(cert).contains("certificate"));
    let other = "-----BEGIN DH PARAMETERS-----\nMAMCAQE=\n-----END DH PARAMETERS-----";
    assert!(found(other).contains("`DH PARAMETERS`"));
    let unterminated = "-----BEGIN PUBLIC KEY-----\nMAMCAQE=\n";
    assert!(found(unterminated).contains("-----END PUBLIC KEY-----"));
    let wrong_content = "-----BEGIN RSA PUBLIC KEY-----\nMAMCAQE=\n-----END RSA PUBLIC KEY-----";
    assert!(found(wrong_content).contains("not a PKCS#1 RSAPublicKey"));
}

#[test]
fn error_messages_never_contain_the_password() {
    let secret = "S3cr3t-Unique-Marker";
    let keys = [
        "not base64!".to_string(),
        EC_P256_PUBLIC_KEY.to_string(),
        "AAECAw==".to_string(),
    ];
    for key in &keys {
        let error = encrypt_password(key, &Password::new(secret)).unwrap_err();
        assert!(!format!("{error} {error:?}").contains(secret));
    }
    let long = secret.repeat(10);
    let error = encrypt_password(&public_key_base64(), &Password::new(long.as_str())).unwrap_err();
    assert!(!format!("{error} {error:?}").contains(secret));
}

#[test]
fn converts_into_the_crate_error() {
    let error: crate::Error = CryptoError::EmptyPassword.into();
    assert!(matches!(
        error,
        crate::Error::Crypto(CryptoError::EmptyPassword)
    ));
    assert_eq!(
        error.to_string(),
        "password encryption failed: refusing to encrypt an empty password"
    );
}
