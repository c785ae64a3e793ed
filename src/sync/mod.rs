//! Sync between devices: the device's identity, identity cards and the trust list,
//! signed and encrypted bundles (written by `export`, read by `import`), hand-offs to
//! partner agencies, and the team's certificates.

pub mod bundle;
pub mod card;
pub mod drives;
pub mod enrol;
pub mod export;
pub mod handoff;
pub mod identity;
pub mod import;
pub mod team;

use crate::model::change::OriginId;

/// A small file's bytes: a regular file only, refused when it is larger than `limit`
/// (a file from a stick is never read whole on the strength of its name).
pub fn read_small(path: &std::path::Path, limit: u64) -> std::io::Result<Vec<u8>> {
    crate::disk::read_regular(path, limit)
}

/// Whether `signature` is `origin`'s ed25519 signature of `message`.
pub fn verify(origin: OriginId, message: &[u8], signature: &[u8; 64]) -> bool {
    let Ok(key) = ed25519_dalek::VerifyingKey::from_bytes(&origin.0) else {
        return false;
    };
    key.verify_strict(message, &ed25519_dalek::Signature::from_bytes(signature))
        .is_ok()
}
