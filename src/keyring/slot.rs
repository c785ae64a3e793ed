//! A worker's key slot, as it is written and opened: the passphrase key (Argon2id), the
//! wrapped secret (XChaCha20-Poly1305), the worker's X25519 key pair and the data key
//! sealed to it (age). Version 1 slots are still read, never written.

use argon2::{Algorithm, Argon2, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::{KdfParams, KeyringError};
use crate::codec::{self, Versioned};
use crate::store::seal::DataKey;

pub(super) const WRAP_CONTEXT: &[u8] = b"daleel keyslot v1";
pub(super) const WRAP_CONTEXT_V2: &[u8] = b"daleel keyslot v2";

/// A worker's slot as the first version wrote it: the data key itself, wrapped under the
/// passphrase key. Still read, and replaced by a version 2 slot at that worker's next
/// unlock; no longer written.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct Slot {
    pub(super) salt: [u8; 16],
    pub(super) params: KdfParams,
    pub(super) nonce: [u8; 24],
    /// AEAD under the passphrase key of the data key (32 bytes) followed by the name.
    pub(super) wrapped: Vec<u8>,
}

impl Versioned for Slot {
    const VERSION: u8 = 1;
}

/// A worker's slot: the worker's own X25519 key pair, its secret wrapped under the
/// passphrase key, and the data key sealed to its public key (age). A new data key can
/// so be sealed to every remaining worker without their passphrases (a re-key), and
/// the secret opens only what was sealed to it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct SlotV2 {
    pub(super) salt: [u8; 16],
    pub(super) params: KdfParams,
    pub(super) nonce: [u8; 24],
    /// AEAD under the passphrase key (associated data: `WRAP_CONTEXT_V2` and the slot's
    /// key) of the X25519 secret (32 bytes) followed by the name.
    pub(super) wrapped: Vec<u8>,
    /// The X25519 public key, as an age recipient (`age1…`).
    pub(super) recipient: String,
    /// The data key, age-encrypted to `recipient`.
    pub(super) sealed: Vec<u8>,
}

impl Versioned for SlotV2 {
    const VERSION: u8 = 2;
}

/// A slot of either version, as read.
pub(super) enum AnySlot {
    V1(Slot),
    V2(SlotV2),
}

pub(super) fn decode_slot(bytes: &[u8]) -> Result<AnySlot, KeyringError> {
    match bytes.first() {
        Some(1) => codec::decode::<Slot>(bytes).map(AnySlot::V1),
        Some(2) => codec::decode::<SlotV2>(bytes).map(AnySlot::V2),
        _ => return Err(KeyringError::Damaged),
    }
    .map_err(|_| KeyringError::Damaged)
}

/// A slot opened with its passphrase.
pub(super) struct Opened {
    pub(super) key: DataKey,
    pub(super) name: String,
    /// The passphrase key: a version 1 slot is rewritten as version 2 under it.
    pub(super) kek: Zeroizing<[u8; 32]>,
    pub(super) v1: bool,
}

/// The key a passphrase gives with a slot's salt and parameters.
pub(super) fn passphrase_key(
    passphrase: &str,
    salt: &[u8; 16],
    params: KdfParams,
) -> Result<Zeroizing<[u8; 32]>, KeyringError> {
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.check()?);
    let mut out = Zeroizing::new([0u8; 32]);
    argon
        .hash_password_into(passphrase.as_bytes(), salt, out.as_mut())
        .map_err(|_| KeyringError::Damaged)?;
    Ok(out)
}

/// AEAD of `plain` under the passphrase key, bound to `context` and the slot's key.
pub(super) fn wrap(
    kek: &[u8; 32],
    nonce: &[u8; 24],
    context: &[u8],
    slot_key: &[u8],
    plain: &[u8],
) -> Result<Vec<u8>, KeyringError> {
    XChaCha20Poly1305::new(kek.into())
        .encrypt(
            XNonce::from_slice(nonce),
            Payload {
                msg: plain,
                aad: &[context, slot_key].concat(),
            },
        )
        .map_err(|_| KeyringError::Damaged)
}

pub(super) fn unwrap(
    kek: &[u8; 32],
    nonce: &[u8; 24],
    context: &[u8],
    slot_key: &[u8],
    wrapped: &[u8],
) -> Result<Zeroizing<Vec<u8>>, KeyringError> {
    XChaCha20Poly1305::new(kek.into())
        .decrypt(
            XNonce::from_slice(nonce),
            Payload {
                msg: wrapped,
                aad: &[context, slot_key].concat(),
            },
        )
        .map(Zeroizing::new)
        .map_err(|_| KeyringError::WrongPassphrase)
}

/// The age identity of a 32-byte X25519 secret.
pub(super) fn x25519_identity(secret: &[u8; 32]) -> Result<age::x25519::Identity, KeyringError> {
    use bech32::ToBase32;
    let encoded = Zeroizing::new(
        bech32::encode(
            "age-secret-key-",
            secret.to_base32(),
            bech32::Variant::Bech32,
        )
        .map_err(|_| KeyringError::Damaged)?
        .to_uppercase(),
    );
    encoded.parse().map_err(|_| KeyringError::Damaged)
}

/// `key` encrypted to an age recipient.
pub(super) fn seal_to(recipient: &str, key: &DataKey) -> Result<Vec<u8>, KeyringError> {
    let recipient: age::x25519::Recipient = recipient.parse().map_err(|_| KeyringError::Damaged)?;
    age::encrypt(&recipient, key.bytes()).map_err(|_| KeyringError::Damaged)
}

/// A version 2 slot for worker `name` under passphrase key `kek`, with a new key pair
/// and `key` sealed to it.
pub(super) fn make_v2(
    slot_key: &[u8],
    name: &str,
    (kek, salt, params): (&[u8; 32], [u8; 16], KdfParams),
    key: &DataKey,
) -> Result<SlotV2, KeyringError> {
    let secret: Zeroizing<[u8; 32]> = Zeroizing::new(rand::random());
    let recipient = x25519_identity(&secret)?.to_public().to_string();
    let nonce: [u8; 24] = rand::random();
    let mut plain = Zeroizing::new(secret.to_vec());
    plain.extend(name.as_bytes());
    Ok(SlotV2 {
        salt,
        params,
        nonce,
        wrapped: wrap(kek, &nonce, WRAP_CONTEXT_V2, slot_key, &plain)?,
        sealed: seal_to(&recipient, key)?,
        recipient,
    })
}

/// A new version 2 slot for worker `name` and `passphrase` (a fresh salt).
pub(super) fn new_slot(
    slot_key: &[u8],
    name: &str,
    passphrase: &str,
    params: KdfParams,
    key: &DataKey,
) -> Result<SlotV2, KeyringError> {
    let salt: [u8; 16] = rand::random();
    let kek = passphrase_key(passphrase, &salt, params)?;
    make_v2(slot_key, name, (&kek, salt, params), key)
}

pub(super) fn open_slot(
    slot_key: &[u8],
    slot: &AnySlot,
    passphrase: &str,
) -> Result<Opened, KeyringError> {
    match slot {
        AnySlot::V1(slot) => {
            let kek = passphrase_key(passphrase, &slot.salt, slot.params)?;
            let plain = unwrap(&kek, &slot.nonce, WRAP_CONTEXT, slot_key, &slot.wrapped)?;
            let (key, name) = split_secret(&plain)?;
            Ok(Opened {
                key: DataKey::from_bytes(*key),
                name,
                kek,
                v1: true,
            })
        }
        AnySlot::V2(slot) => {
            let kek = passphrase_key(passphrase, &slot.salt, slot.params)?;
            let plain = unwrap(&kek, &slot.nonce, WRAP_CONTEXT_V2, slot_key, &slot.wrapped)?;
            let (secret, name) = split_secret(&plain)?;
            let identity = x25519_identity(&secret)?;
            let key = Zeroizing::new(
                age::decrypt(&identity, &slot.sealed).map_err(|_| KeyringError::Damaged)?,
            );
            let key: [u8; 32] = key
                .as_slice()
                .try_into()
                .map_err(|_| KeyringError::Damaged)?;
            Ok(Opened {
                key: DataKey::from_bytes(key),
                name,
                kek,
                v1: false,
            })
        }
    }
}

/// 32 secret bytes and a name, as a slot wraps them.
pub(super) fn split_secret(plain: &[u8]) -> Result<(Zeroizing<[u8; 32]>, String), KeyringError> {
    if plain.len() < 32 {
        return Err(KeyringError::Damaged);
    }
    let mut secret = Zeroizing::new([0u8; 32]);
    secret.copy_from_slice(&plain[..32]);
    let name = String::from_utf8(plain[32..].to_vec()).map_err(|_| KeyringError::Damaged)?;
    Ok((secret, name))
}
