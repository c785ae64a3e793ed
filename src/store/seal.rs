//! Sealing stored values (data protection): every value of a tree that can hold personal
//! data is encrypted and authenticated with XChaCha20-Poly1305 under the database's data
//! key before sled sees it, and opened after sled reads it. The associated data binds a
//! value to its tree and its key, so that values cannot be swapped between records or
//! trees on disk without the swap being detected. sled's keys stay in the clear: they hold
//! ids, codes and times only (architecture.md).
//!
//! A sealed value is `nonce (24 bytes) || ciphertext || tag (16 bytes)`; the nonce is
//! random, which XChaCha20's 192-bit nonces make safe for any number of values.

use chacha20poly1305::aead::{AeadInPlace, KeyInit};
use chacha20poly1305::{Tag, XChaCha20Poly1305, XNonce};

/// The bytes a sealed value adds to its plaintext.
pub const OVERHEAD: usize = 24 + 16;

/// A 256-bit key, wiped from memory when dropped.
#[derive(Clone)]
pub struct DataKey(pub(crate) zeroize::Zeroizing<[u8; 32]>);

impl DataKey {
    /// A new random key.
    pub fn random() -> DataKey {
        DataKey(zeroize::Zeroizing::new(rand::random()))
    }

    pub fn from_bytes(bytes: [u8; 32]) -> DataKey {
        DataKey(zeroize::Zeroizing::new(bytes))
    }

    pub fn bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(..)")
    }
}

/// Why a sealed value could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    #[error("a stored value is too short to be sealed: the database is damaged")]
    Short,
    #[error(
        "a stored value does not open with this database's key: the database is damaged or was altered"
    )]
    Tampered,
}

/// Seals and opens values under one data key.
#[derive(Clone)]
pub struct Sealer {
    aead: XChaCha20Poly1305,
}

impl std::fmt::Debug for Sealer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sealer(..)")
    }
}

/// The associated data of a value: the tree's name, a zero byte, the value's key. Built
/// on the stack for the usual short keys (this runs for every value read or written).
fn with_associated<R>(tree: &str, key: &[u8], f: impl FnOnce(&[u8]) -> R) -> R {
    let len = tree.len() + 1 + key.len();
    let mut stack = [0u8; 160];
    let mut heap = Vec::new();
    let ad: &mut [u8] = if len <= stack.len() {
        &mut stack[..len]
    } else {
        heap.resize(len, 0);
        &mut heap
    };
    ad[..tree.len()].copy_from_slice(tree.as_bytes());
    ad[tree.len()] = 0;
    ad[tree.len() + 1..].copy_from_slice(key);
    f(ad)
}

impl Sealer {
    pub fn new(key: &DataKey) -> Sealer {
        Sealer {
            aead: XChaCha20Poly1305::new(key.bytes().into()),
        }
    }

    /// Seals `plain`, stored under `key` in tree `tree`.
    pub fn seal(&self, tree: &str, key: &[u8], plain: &[u8]) -> Vec<u8> {
        let nonce: [u8; 24] = rand::random();
        let mut out = Vec::with_capacity(OVERHEAD + plain.len());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(plain);
        let tag = with_associated(tree, key, |ad| {
            self.aead
                .encrypt_in_place_detached(XNonce::from_slice(&nonce), ad, &mut out[24..])
        })
        // Encryption fails only for messages beyond 256 GiB.
        .unwrap_or_default();
        out.extend_from_slice(&tag);
        out
    }

    /// Opens a value sealed under `key` in tree `tree`.
    pub fn open(&self, tree: &str, key: &[u8], sealed: &[u8]) -> Result<Vec<u8>, SealError> {
        if sealed.len() < OVERHEAD {
            return Err(SealError::Short);
        }
        let (nonce, body) = sealed.split_at(24);
        let (text, tag) = body.split_at(body.len() - 16);
        let mut out = text.to_vec();
        with_associated(tree, key, |ad| {
            self.aead.decrypt_in_place_detached(
                XNonce::from_slice(nonce),
                ad,
                &mut out,
                Tag::from_slice(tag),
            )
        })
        .map_err(|_| SealError::Tampered)?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_opens_only_where_it_was_sealed_and_only_unaltered() {
        let key = DataKey::random();
        let s = Sealer::new(&key);
        let sealed = s.seal("households", b"id-1", b"Fatima Hassan");
        assert_eq!(sealed.len(), 13 + OVERHEAD);
        assert!(
            !sealed.windows(6).any(|w| w == b"Fatima"),
            "no plaintext in the sealed bytes"
        );
        assert_eq!(
            s.open("households", b"id-1", &sealed).as_deref(),
            Ok(&b"Fatima Hassan"[..])
        );
        assert_eq!(
            s.open("households", b"id-2", &sealed),
            Err(SealError::Tampered),
            "moved to another record"
        );
        assert_eq!(
            s.open("needs", b"id-1", &sealed),
            Err(SealError::Tampered),
            "moved to another tree"
        );
        for i in 0..sealed.len() {
            let mut bad = sealed.clone();
            bad[i] ^= 1;
            assert!(s.open("households", b"id-1", &bad).is_err(), "byte {i}");
        }
        let other = Sealer::new(&DataKey::random());
        assert_eq!(
            other.open("households", b"id-1", &sealed),
            Err(SealError::Tampered)
        );
        assert_eq!(
            s.open("households", b"id-1", &[0; 10]),
            Err(SealError::Short)
        );
        assert_ne!(
            s.seal("households", b"id-1", b"x"),
            s.seal("households", b"id-1", b"x"),
            "a fresh nonce each time"
        );
    }
}
