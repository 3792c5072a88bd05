//! Who exists in the mock tenant: identities, their accounts, and the
//! sources with one RSA key pair each. Fixed when the tenant starts.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use rsa::pkcs8::EncodePublicKey as _;
use rsa::{Pkcs1v15Encrypt, RsaPrivateKey};
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

/// One `with_identity` call: a user's accounts on one source.
#[derive(Debug, Clone)]
pub(super) struct IdentitySpec {
    pub(super) user_name: String,
    pub(super) source_name: String,
    pub(super) accounts: Vec<Account>,
}

/// An account on a source, as query-password-info lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Account {
    pub(super) id: String,
    pub(super) name: String,
}

#[derive(Debug)]
pub(super) struct Identity {
    pub(super) id: String,
    pub(super) user_name: String,
    /// Accounts by source name.
    pub(super) accounts: BTreeMap<String, Vec<Account>>,
}

/// A source and its key pair. The key is generated on first use, off the
/// async runtime, so a tenant whose tests never query a source pays nothing.
pub(super) struct Source {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) public_key_id: String,
    bits: usize,
    key: OnceLock<Result<KeyPair, String>>,
}

impl std::fmt::Debug for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Source")
            .field("id", &self.id)
            .field("name", &self.name)
            .field("public_key_id", &self.public_key_id)
            .field("bits", &self.bits)
            .finish_non_exhaustive()
    }
}

pub(super) struct KeyPair {
    private: RsaPrivateKey,
    /// Standard base64 of the DER SubjectPublicKeyInfo, as ISC returns it.
    pub(super) public_key: String,
}

impl KeyPair {
    fn generate(bits: usize) -> Result<Self, String> {
        let private = RsaPrivateKey::new(&mut rand::thread_rng(), bits)
            .map_err(|e| format!("RSA key generation failed: {e}"))?;
        let der = private
            .to_public_key()
            .to_public_key_der()
            .map_err(|e| format!("public key encoding failed: {e}"))?;
        Ok(KeyPair {
            public_key: STANDARD.encode(der.as_bytes()),
            private,
        })
    }

    /// Decrypts a PKCS#1 v1.5 ciphertext.
    pub(super) fn decrypt(&self, ciphertext: &[u8]) -> Option<zeroize::Zeroizing<Vec<u8>>> {
        self.private
            .decrypt(Pkcs1v15Encrypt, ciphertext)
            .ok()
            .map(zeroize::Zeroizing::new)
    }
}

impl Source {
    /// The key pair, generating it now if needed. Blocks: call it through
    /// [`key_pair`] from async code.
    fn key_pair_blocking(&self) -> Result<&KeyPair, String> {
        self.key
            .get_or_init(|| KeyPair::generate(self.bits))
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// The source's key pair, generated on a blocking thread the first time.
pub(super) async fn key_pair(source: &Arc<Source>) -> Result<&KeyPair, String> {
    if source.key.get().is_none() {
        let s = Arc::clone(source);
        tokio::task::spawn_blocking(move || s.key_pair_blocking().map(|_| ()))
            .await
            .map_err(|e| format!("key generation did not finish: {e}"))??;
    }
    source.key_pair_blocking()
}

#[derive(Debug, Default)]
pub(super) struct Directory {
    pub(super) identities: Vec<Identity>,
    pub(super) sources: Vec<Arc<Source>>,
}

impl Directory {
    /// Builds the directory from `with_identity` calls in order. One user
    /// name is one identity across sources; a later call for the same user
    /// and source replaces that source's accounts.
    pub(super) fn build(specs: &[IdentitySpec], bits: usize) -> Self {
        let mut dir = Directory::default();
        for spec in specs {
            if dir.source(&spec.source_name).is_none() {
                dir.sources.push(Arc::new(Source {
                    id: hex_id(),
                    name: spec.source_name.clone(),
                    public_key_id: public_key_id(),
                    bits,
                    key: OnceLock::new(),
                }));
            }
            let at = match dir
                .identities
                .iter()
                .position(|i| i.user_name == spec.user_name)
            {
                Some(at) => at,
                None => {
                    dir.identities.push(Identity {
                        id: hex_id(),
                        user_name: spec.user_name.clone(),
                        accounts: BTreeMap::new(),
                    });
                    dir.identities.len() - 1
                }
            };
            if let Some(identity) = dir.identities.get_mut(at) {
                identity
                    .accounts
                    .insert(spec.source_name.clone(), spec.accounts.clone());
            }
        }
        dir
    }

    pub(super) fn source(&self, name: &str) -> Option<&Arc<Source>> {
        self.sources.iter().find(|s| s.name == name)
    }

    pub(super) fn source_by_key_id(&self, public_key_id: &str) -> Option<&Arc<Source>> {
        self.sources
            .iter()
            .find(|s| s.public_key_id == public_key_id)
    }

    pub(super) fn identity(&self, user_name: &str) -> Option<&Identity> {
        self.identities.iter().find(|i| i.user_name == user_name)
    }

    pub(super) fn identity_by_id(&self, id: &str) -> Option<&Identity> {
        self.identities.iter().find(|i| i.id == id)
    }

    /// The identity holding account `account_id` on `source_name`.
    pub(super) fn owner_of(&self, source_name: &str, account_id: &str) -> Option<&Identity> {
        self.identities.iter().find(|i| {
            i.accounts
                .get(source_name)
                .is_some_and(|accounts| accounts.iter().any(|a| a.id == account_id))
        })
    }
}

/// A random 32-hex-digit id, the shape ISC uses for identities, sources and
/// password change requests.
pub(super) fn hex_id() -> String {
    let bytes: [u8; 16] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A random UUID (version 4 layout) in its usual text form.
pub(super) fn uuid() -> String {
    let mut b: [u8; 16] = rand::random();
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// ISC's `publicKeyId` is the base64 of a UUID's text form.
fn public_key_id() -> String {
    STANDARD.encode(uuid())
}
