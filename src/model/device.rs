//! What names a device, from its public key alone: the fingerprint people compare, the
//! five-character device code that prefixes its case codes, and the check of its
//! signatures. Pure functions of the key (no secret is held here: signing is
//! `sync::identity`'s).

use crate::model::change::OriginId;

/// Characters of a device code: digits and capitals without look-alikes (no 0, 1, I, O).
pub const CODE_ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/// The fingerprint people compare: the first 10 bytes of BLAKE3 of the public key, in
/// five groups of four hex digits, e.g. `3f2a-9c01-77be-0d4e-a5c3`.
pub fn fingerprint(origin: OriginId) -> String {
    let hash = blake3::hash(&origin.0);
    hash.as_bytes()[..10]
        .chunks(2)
        .map(|pair| format!("{:02x}{:02x}", pair[0], pair[1]))
        .collect::<Vec<_>>()
        .join("-")
}

/// The device code: 25 bits of BLAKE3("daleel device code" || key), as five characters
/// of `CODE_ALPHABET`.
pub fn device_code(origin: OriginId) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(b"daleel device code");
    hasher.update(&origin.0);
    let bytes = hasher.finalize();
    let n = u32::from_be_bytes([
        0,
        bytes.as_bytes()[0],
        bytes.as_bytes()[1],
        bytes.as_bytes()[2],
    ]) << 1
        | u32::from(bytes.as_bytes()[3] >> 7);
    (0..5)
        .rev()
        .map(|i| char::from(CODE_ALPHABET[((n >> (i * 5)) & 31) as usize]))
        .collect()
}

/// Whether `signature` is `origin`'s ed25519 signature of `message`.
pub fn verify(origin: OriginId, message: &[u8], signature: &[u8; 64]) -> bool {
    let Ok(key) = ed25519_dalek::VerifyingKey::from_bytes(&origin.0) else {
        return false;
    };
    key.verify_strict(message, &ed25519_dalek::Signature::from_bytes(signature))
        .is_ok()
}
