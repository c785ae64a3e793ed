//! The device's identity: an ed25519 key pair made on first run and kept in the data
//! directory (owner-only), its fingerprint, and a five-character device code that
//! prefixes the device's case codes.

use std::fs;
use std::path::{Path, PathBuf};

use ed25519_dalek::SigningKey;

use crate::disk::Access;
use crate::model::change::OriginId;
use crate::store::seal::{DataKey, Sealer};

pub use crate::model::device::{CODE_ALPHABET, device_code, fingerprint};

const KEY_MAGIC: &[u8; 4] = b"DLK1";
/// A key file sealed under the database's data key (an encrypted database).
const SEALED_MAGIC: &[u8; 4] = b"DLK2";

/// The key file's name inside the data directory.
pub const KEY_FILE: &str = "device.key";

#[derive(Debug, thiserror::Error)]
pub enum IdentityError {
    #[error("cannot read the device key {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "cannot write the device key {path}: {source}; check that the folder is writable and the disk is not full"
    )]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "the device key {path} is damaged; restore it from a backup, or move it away to start this laptop as a new device"
    )]
    Damaged { path: PathBuf },
}

/// This device's key pair.
pub struct Identity {
    signing: SigningKey,
}

impl std::fmt::Debug for Identity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Identity({})", self.fingerprint())
    }
}

impl Identity {
    /// Loads the key from `dir`, or makes one when there is none, in the clear (a database
    /// made before encryption). Returns whether it was made now.
    pub fn load_or_create(dir: &Path) -> Result<(Identity, bool), IdentityError> {
        Identity::load_or_create_sealed(dir, None)
    }

    /// Loads the key from `dir`, or makes one; with a data key, the file is sealed under
    /// it (a key file still in the clear is sealed now).
    pub fn load_or_create_sealed(
        dir: &Path,
        key: Option<&DataKey>,
    ) -> Result<(Identity, bool), IdentityError> {
        let path = dir.join(KEY_FILE);
        match Identity::load_file(&path, key)? {
            Some(identity) => Ok((identity, false)),
            None => {
                let identity = Identity::generate();
                identity.save(&path, key)?;
                Ok((identity, true))
            }
        }
    }

    /// A new random key pair.
    pub fn generate() -> Identity {
        Identity {
            signing: SigningKey::generate(&mut rand::rngs::OsRng),
        }
    }

    /// The key pair of a 32-byte secret.
    pub fn from_secret(secret: &[u8; 32]) -> Identity {
        Identity {
            signing: SigningKey::from_bytes(secret),
        }
    }

    /// The 32-byte secret (to seal it into a file for safekeeping).
    pub fn secret(&self) -> zeroize::Zeroizing<[u8; 32]> {
        zeroize::Zeroizing::new(self.signing.to_bytes())
    }

    /// Loads a key file (`device.key`, or the team key `team.key`), or None when there is
    /// none. Sealed files need the data key; the file's name is bound into the sealing.
    /// With a data key, a file still in the clear is sealed now.
    pub fn load_file(
        path: &Path,
        key: Option<&DataKey>,
    ) -> Result<Option<Identity>, IdentityError> {
        let path = path.to_path_buf();
        // A key file is at most 80 bytes; never read a large file that took its name.
        if fs::metadata(&path).is_ok_and(|m| m.len() > 1024) {
            return Err(IdentityError::Damaged { path });
        }
        let damaged = || IdentityError::Damaged { path: path.clone() };
        let ad = ad_name(&path);
        match fs::read(&path) {
            Ok(bytes) => {
                let secret: zeroize::Zeroizing<Vec<u8>> =
                    match (bytes.strip_prefix(SEALED_MAGIC.as_slice()), key) {
                        (Some(sealed), Some(key)) => zeroize::Zeroizing::new(
                            Sealer::new(key)
                                .open(&ad, b"", sealed)
                                .map_err(|_| damaged())?,
                        ),
                        (Some(_), None) => return Err(damaged()),
                        (None, _) => zeroize::Zeroizing::new(
                            bytes
                                .strip_prefix(KEY_MAGIC.as_slice())
                                .ok_or_else(damaged)?
                                .to_vec(),
                        ),
                    };
                let secret: [u8; 32] = secret.as_slice().try_into().map_err(|_| damaged())?;
                let identity = Identity {
                    signing: SigningKey::from_bytes(&secret),
                };
                if key.is_some() && !bytes.starts_with(SEALED_MAGIC) {
                    identity.save(&path, key)?;
                }
                Ok(Some(identity))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(IdentityError::Read { path, source }),
        }
    }

    /// Writes the key file (owner-only), sealed under the data key when there is one.
    pub fn save(&self, path: &Path, key: Option<&DataKey>) -> Result<(), IdentityError> {
        let secret = zeroize::Zeroizing::new(self.signing.to_bytes());
        let bytes = match key {
            Some(key) => {
                let mut bytes = SEALED_MAGIC.to_vec();
                bytes.extend(Sealer::new(key).seal(&ad_name(path), b"", secret.as_slice()));
                bytes
            }
            None => {
                let mut bytes = KEY_MAGIC.to_vec();
                bytes.extend(secret.as_slice());
                bytes
            }
        };
        crate::disk::write_whole(path, &bytes, Access::Owner).map_err(|source| {
            IdentityError::Write {
                path: path.to_path_buf(),
                source,
            }
        })
    }

    pub fn origin(&self) -> OriginId {
        OriginId(self.signing.verifying_key().to_bytes())
    }

    pub fn fingerprint(&self) -> String {
        fingerprint(self.origin())
    }

    pub fn code(&self) -> String {
        device_code(self.origin())
    }

    /// The X25519 key bundles are encrypted to (age format), derived from the device key
    /// (BLAKE3 in key-derivation mode, its own context), so that nothing more is stored.
    pub fn age_identity(&self) -> age::x25519::Identity {
        use bech32::ToBase32;
        let secret = zeroize::Zeroizing::new(blake3::derive_key(
            "daleel 2026-11 device age x25519 identity",
            &self.signing.to_bytes(),
        ));
        let encoded = zeroize::Zeroizing::new(
            bech32::encode(
                "age-secret-key-",
                secret.to_base32(),
                bech32::Variant::Bech32,
            )
            .unwrap_or_default()
            .to_uppercase(),
        );
        encoded
            .parse()
            // A 32-byte key always encodes and parses; the fallback is never taken.
            .unwrap_or_else(|_| age::x25519::Identity::generate())
    }

    /// This device's age recipient (`age1...`), which its identity card carries.
    pub fn age_recipient(&self) -> String {
        self.age_identity().to_public().to_string()
    }

    /// Signs bytes with the device key.
    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        use ed25519_dalek::Signer;
        self.signing.sign(message).to_bytes()
    }
}

/// The name a key file's sealing is bound to: its file name (`device.key`, `team.key`).
fn ad_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| KEY_FILE.to_string())
}

/// A new identity in a temporary directory (kept while the directory lives), for tests.
#[cfg(test)]
pub(crate) fn scratch_identity() -> (tempfile::TempDir, Identity) {
    let dir = tempfile::tempdir().expect("tempdir");
    let (id, _) = Identity::load_or_create(dir.path()).expect("identity");
    (dir, id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_made_once_and_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (a, made) = Identity::load_or_create(dir.path()).expect("create");
        assert!(made);
        let (b, made) = Identity::load_or_create(dir.path()).expect("load");
        assert!(!made);
        assert_eq!(a.origin(), b.origin());
        assert_eq!(a.fingerprint(), b.fingerprint());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(dir.path().join(KEY_FILE))
                .expect("meta")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "owner-only");
        }
    }

    #[test]
    fn a_damaged_key_file_is_refused_not_replaced() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join(KEY_FILE), b"DLK1short").expect("write");
        let err = Identity::load_or_create(dir.path()).expect_err("damaged");
        assert!(err.to_string().contains("is damaged"));
        assert_eq!(
            fs::read(dir.path().join(KEY_FILE)).expect("read"),
            b"DLK1short"
        );
    }

    #[test]
    fn codes_use_no_look_alikes_and_fingerprints_have_five_groups() {
        for i in 0..200u8 {
            let origin = OriginId([i; 32]);
            let code = device_code(origin);
            assert_eq!(code.len(), 5);
            assert!(code.chars().all(|c| !"01IO".contains(c)), "{code}");
            let fp = fingerprint(origin);
            assert_eq!(fp.len(), 24);
            assert_eq!(fp.split('-').count(), 5);
        }
        assert_ne!(
            device_code(OriginId([1; 32])),
            device_code(OriginId([2; 32]))
        );
    }
}
