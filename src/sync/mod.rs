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

/// A small file's bytes: a regular file only, refused when it is larger than `limit`
/// (a file from a stick is never read whole on the strength of its name).
pub fn read_small(path: &std::path::Path, limit: u64) -> std::io::Result<Vec<u8>> {
    crate::disk::read_regular(path, limit)
}

pub use crate::model::device::verify;
