//! Interop of `encrypt_password` with the real `openssl` command line: keys
//! made by `openssl genpkey`, our ciphertext decrypted by
//! `openssl pkeyutl -decrypt` (PKCS#1 v1.5 is its default padding), which is
//! what the ISC side does with the Java equivalent.
//!
//! Without `openssl` on PATH the tests print SKIPPED and pass, except under
//! `CI=true`, where they fail so that CI can never pass by skipping.

use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
use base64::Engine as _;
use sailpoint_isc::crypto::PublicKey;
use sailpoint_isc::{encrypt_password, CryptoError, Password};
use sailpoint_isc_tests::skip::skipped;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

const ASCII_PASSWORD: &str = "n3w-Passw0rd!";
const NON_ASCII_PASSWORD: &str = "Pässwörd-密码-🔑";

/// One openssl-generated key pair, kept in memory (the files it was made in
/// are deleted once read).
struct KeyPair {
    bits: usize,
    private_pem: Vec<u8>,
    /// Standard base64 of the DER SubjectPublicKeyInfo: what
    /// query-password-info returns in `publicKey`.
    public_key: String,
    /// `-----BEGIN PUBLIC KEY-----`.
    spki_pem: String,
    /// `-----BEGIN RSA PUBLIC KEY-----` (PKCS#1).
    pkcs1_pem: String,
}

/// Whether `openssl` can be run; under `CI=true` its absence is a failure.
fn have_openssl() -> bool {
    static FOUND: OnceLock<bool> = OnceLock::new();
    let found = *FOUND.get_or_init(|| {
        Command::new("openssl")
            .arg("version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|status| status.success())
    });
    if !found {
        skipped("`openssl` is not on PATH: install it (apt-get install openssl)");
    }
    found
}

/// Runs openssl with `args`, returning its stdout; fails the test with its
/// stderr otherwise.
fn openssl(args: &[&str], dir: &Path) -> Vec<u8> {
    let output = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("openssl runs");
    assert!(
        output.status.success(),
        "openssl {} failed: {}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

fn generate(bits: usize) -> KeyPair {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path();
    let keygen_bits = format!("rsa_keygen_bits:{bits}");
    openssl(
        &[
            "genpkey",
            "-algorithm",
            "RSA",
            "-pkeyopt",
            &keygen_bits,
            "-out",
            "priv.pem",
        ],
        path,
    );
    let der = openssl(
        &["pkey", "-in", "priv.pem", "-pubout", "-outform", "DER"],
        path,
    );
    let spki_pem = openssl(&["pkey", "-in", "priv.pem", "-pubout"], path);
    let pkcs1_pem = openssl(&["rsa", "-in", "priv.pem", "-RSAPublicKey_out"], path);
    KeyPair {
        bits,
        private_pem: std::fs::read(path.join("priv.pem")).expect("private key file"),
        public_key: STANDARD.encode(der),
        spki_pem: String::from_utf8(spki_pem).expect("PEM is ASCII"),
        pkcs1_pem: String::from_utf8(pkcs1_pem).expect("PEM is ASCII"),
    }
}

/// Each size is generated once for the whole test binary (a 4096-bit key
/// takes openssl a few seconds).
fn key(bits: usize) -> &'static KeyPair {
    static K1024: OnceLock<KeyPair> = OnceLock::new();
    static K2048: OnceLock<KeyPair> = OnceLock::new();
    static K4096: OnceLock<KeyPair> = OnceLock::new();
    let cell = match bits {
        1024 => &K1024,
        2048 => &K2048,
        4096 => &K4096,
        other => panic!("no test key of {other} bits"),
    };
    cell.get_or_init(|| generate(bits))
}

/// Decrypts our base64 ciphertext with `openssl pkeyutl -decrypt`.
fn openssl_decrypt(key: &KeyPair, ciphertext_base64: &str) -> String {
    let ciphertext = STANDARD
        .decode(ciphertext_base64)
        .expect("ciphertext is standard base64");
    assert_eq!(
        ciphertext.len(),
        key.bits / 8,
        "ciphertext is exactly the modulus size"
    );
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::write(dir.path().join("priv.pem"), &key.private_pem).expect("write key");
    std::fs::write(dir.path().join("ct.bin"), &ciphertext).expect("write ciphertext");
    let plain = openssl(
        &["pkeyutl", "-decrypt", "-inkey", "priv.pem", "-in", "ct.bin"],
        dir.path(),
    );
    String::from_utf8(plain).expect("decrypted password is UTF-8")
}

fn round_trips_with(bits: usize) {
    if !have_openssl() {
        return;
    }
    let key = key(bits);
    for text in [ASCII_PASSWORD, NON_ASCII_PASSWORD] {
        let encrypted = encrypt_password(&key.public_key, &Password::new(text))
            .expect("encrypts with the base64 DER key");
        assert_eq!(openssl_decrypt(key, &encrypted), text, "{bits}-bit key");
    }
}

#[test]
fn openssl_decrypts_with_1024_bit_key() {
    round_trips_with(1024);
}

#[test]
fn openssl_decrypts_with_2048_bit_key() {
    round_trips_with(2048);
}

#[test]
fn openssl_decrypts_with_4096_bit_key() {
    round_trips_with(4096);
}

#[test]
fn pem_and_wrapped_key_forms() {
    if !have_openssl() {
        return;
    }
    let key = key(2048);
    // As Java's MIME encoder or `base64` without -w0 would wrap it.
    let wrapped: String = key
        .public_key
        .as_bytes()
        .chunks(76)
        .map(|line| format!("{}\n", String::from_utf8_lossy(line)))
        .collect();
    let der = STANDARD.decode(&key.public_key).expect("base64");
    let unpadded = STANDARD_NO_PAD.encode(der);
    for (form, public_key) in [
        ("PEM PUBLIC KEY", key.spki_pem.as_str()),
        ("PEM RSA PUBLIC KEY", key.pkcs1_pem.as_str()),
        ("wrapped base64", wrapped.as_str()),
        ("unpadded base64", unpadded.as_str()),
    ] {
        let encrypted = encrypt_password(public_key, &Password::new(NON_ASCII_PASSWORD))
            .unwrap_or_else(|e| panic!("{form}: {e}"));
        assert_eq!(
            openssl_decrypt(key, &encrypted),
            NON_ASCII_PASSWORD,
            "{form}"
        );
    }
}

#[test]
fn password_longer_than_k_minus_11_is_refused() {
    if !have_openssl() {
        return;
    }
    let key = key(1024);
    let parsed = PublicKey::parse(&key.public_key).expect("parses");
    assert_eq!(parsed.bits(), 1024);
    assert_eq!(parsed.max_password_len(), 117);

    // Exactly k−11 bytes still fits, and openssl gets it back.
    let longest = "p".repeat(117);
    let encrypted = encrypt_password(&key.public_key, &Password::new(longest.as_str()))
        .expect("117 bytes fit a 1024-bit key");
    assert_eq!(openssl_decrypt(key, &encrypted), longest);

    // One byte more does not; counted in UTF-8 bytes, not characters.
    let too_long = format!("{}🔑", "p".repeat(114)); // 114 + 4 = 118 bytes
    let error = encrypt_password(&key.public_key, &Password::new(too_long.as_str()))
        .expect_err("118 bytes do not fit");
    assert_eq!(
        error,
        CryptoError::KeyTooSmall {
            password_len: 118,
            max_len: 117,
            key_bits: 1024,
        }
    );
    assert!(!error.to_string().contains("ppp"));
}
