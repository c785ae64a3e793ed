//! Sync between devices: the device's identity, identity cards and the trust list,
//! signed and encrypted bundles (written by `export`, read by `import`), hand-offs to
//! partner agencies, the team's certificates, and tidying a shared folder.

pub mod bundle;
pub mod card;
pub mod drives;
pub mod enrol;
pub mod export;
pub mod handoff;
pub mod identity;
pub mod import;
pub mod team;
pub mod tidy;

pub use crate::model::device::verify;
