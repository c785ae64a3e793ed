//! Sync between devices. For now the device's identity: its key pair, fingerprint and
//! device code. Trust, bundles and merge come with the sync issue.

pub mod identity;
