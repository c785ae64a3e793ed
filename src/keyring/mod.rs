//! Who may open the database. Each worker has a slot: their own X25519 key pair, whose
//! secret is wrapped by a key derived from the worker's passphrase with Argon2id, and the
//! database's data key (store/seal.rs) sealed to their public key (age). The Argon2
//! parameters are stored beside each wrapped secret, so that they can be raised for new
//! passphrases without locking anyone out. A forgotten passphrase cannot be recovered
//! (recovery is to import the team's bundles into a new database).
//!
//! Removing a worker or changing a passphrase re-keys the database (workspace/rekey.rs):
//! a new data key, sealed to every remaining worker's public key, which needs none of
//! their passphrases; a worker with a new passphrase gets a new key pair too. Slots of the
//! first version held the data key itself under the passphrase key; they are still read,
//! and rewritten as version 2 at their worker's next unlock.
//!
//! The keyring is the sled tree `keyring`, not sealed (it is read before the data key is
//! known): a random `pepper`, and per worker, under a keyed hash of the folded name, the
//! slot. Names are not in the clear.
//!
//! The slots' format and cryptography are in slot.rs, the strength rule for a new
//! passphrase in passphrase.rs.

use argon2::Params;
use serde::{Deserialize, Serialize};

use crate::codec;
use crate::store::seal::DataKey;

mod passphrase;
mod slot;
#[cfg(test)]
mod tests;

pub use passphrase::{MIN_PASSPHRASE, MIN_SCORE, Weakness, check_passphrase};
use slot::{AnySlot, SlotV2, decode_slot, make_v2, new_slot, open_slot, passphrase_key, seal_to};

/// The tree that holds the keyring.
pub const TREE: &str = crate::store::KEYRING_TREE;
const PEPPER: &[u8] = b"pepper";
const SLOT_PREFIX: u8 = b'w';

/// Argon2id's cost: memory in KiB, passes, lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
}

impl KdfParams {
    /// For a worker's passphrase: 64 MiB and 3 passes, measured at about 0.1 s on the
    /// development machine, so well under a second on a Celeron four times slower
    /// (`cargo bench --bench store` prints the unlock time).
    pub const FIELD: KdfParams = KdfParams {
        m_kib: 64 * 1024,
        t: 3,
        p: 1,
    };
    /// Argon2's least cost, for tests only.
    pub const CHEAP: KdfParams = KdfParams {
        m_kib: 8,
        t: 1,
        p: 1,
    };

    /// The parameters new passphrases get: `FIELD`, or `CHEAP` in a debug build whose
    /// `DALEEL_TEST_KDF` is `cheap` (the test suite's processes). A release build always
    /// uses `FIELD`.
    pub fn for_new() -> KdfParams {
        if cfg!(debug_assertions) && std::env::var("DALEEL_TEST_KDF").is_ok_and(|v| v == "cheap") {
            KdfParams::CHEAP
        } else {
            KdfParams::FIELD
        }
    }

    /// Refuses parameters no Daleel writes (a damaged or crafted keyring must not make
    /// unlocking take all the memory of the laptop).
    fn check(&self) -> Result<Params, KeyringError> {
        if self.m_kib > 1024 * 1024 || self.t > 20 || self.p == 0 || self.p > 8 {
            return Err(KeyringError::Damaged);
        }
        Params::new(self.m_kib, self.t, self.p, Some(32)).map_err(|_| KeyringError::Damaged)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum KeyringError {
    #[error(
        "the passphrase is wrong, or the worker name is not one of this laptop's workers: try again (a forgotten passphrase cannot be recovered; another worker of this laptop can add you again)"
    )]
    WrongPassphrase,
    #[error(
        "this database has more than one worker: say who you are (--worker NAME or DALEEL_WORKER)"
    )]
    WhichWorker,
    #[error("{0} is already a worker on this laptop")]
    Exists(String),
    #[error("there is no worker of that name on this laptop")]
    NoSuchWorker,
    #[error("the last worker cannot be removed: add another worker first")]
    LastWorker,
    /// Too easy to guess (said in the worker's language).
    #[error("{}", .0.message())]
    Weak(Weakness),
    #[error("a worker needs a name")]
    NoName,
    #[error("the keyring of this database is damaged: restore it from a backup")]
    Damaged,
    #[error(
        "{0}: their passphrase was set by an earlier Daleel, and a new data key cannot be given to them without it. Each of them opens Daleel once on this laptop (that updates it), then do this again; a worker who has left can be removed in the same command (daleel workers remove NAME NAME...)"
    )]
    OldSlots(String),
    #[error("the database could not be read or written: {0}")]
    Sled(#[from] sled::Error),
}

/// What changes in the keyring when the data key is replaced (a re-key).
#[derive(Clone, Copy)]
pub enum Change<'a> {
    /// These workers leave: their slots are not carried over.
    Remove(&'a [String]),
    /// This worker gets a new passphrase, and with it a new key pair.
    Passphrase {
        name: &'a str,
        passphrase: &'a str,
        params: KdfParams,
    },
}

pub use crate::model::text::{fold_name, tidy_name};

/// The keyring of an open sled database.
pub struct Keyring {
    tree: sled::Tree,
}

impl Keyring {
    pub fn open(db: &sled::Db) -> Result<Keyring, KeyringError> {
        Ok(Keyring {
            tree: db.open_tree(TREE)?,
        })
    }

    fn pepper(&self) -> Result<[u8; 32], KeyringError> {
        if let Some(p) = self.tree.get(PEPPER)? {
            return p.as_ref().try_into().map_err(|_| KeyringError::Damaged);
        }
        let pepper: [u8; 32] = rand::random();
        self.tree.insert(PEPPER, &pepper)?;
        Ok(pepper)
    }

    fn slot_key(&self, name: &str) -> Result<Vec<u8>, KeyringError> {
        let hash = blake3::keyed_hash(&self.pepper()?, fold_name(name).as_bytes());
        let mut key = vec![SLOT_PREFIX];
        key.extend(hash.as_bytes());
        Ok(key)
    }

    fn slots(&self) -> Result<Vec<(sled::IVec, AnySlot)>, KeyringError> {
        self.tree
            .scan_prefix([SLOT_PREFIX])
            .map(|r| {
                let (k, v) = r?;
                Ok((k, decode_slot(&v)?))
            })
            .collect()
    }

    /// Whether worker `name` has a passphrase here.
    pub fn has(&self, name: &str) -> Result<bool, KeyringError> {
        Ok(self.tree.contains_key(self.slot_key(name)?)?)
    }

    /// How many workers can open the database.
    pub fn count(&self) -> Result<usize, KeyringError> {
        Ok(self.tree.scan_prefix([SLOT_PREFIX]).count())
    }

    /// Whether the database has a keyring at all (it is encrypted).
    pub fn exists(&self) -> Result<bool, KeyringError> {
        Ok(self.count()? > 0)
    }

    /// Those of `names` whose slot an earlier Daleel wrote (version 1): they cannot be
    /// given a new data key until they unlock once.
    pub fn old_slots(&self, names: &[String]) -> Result<Vec<String>, KeyringError> {
        let mut out = Vec::new();
        for name in names {
            if let Some(bytes) = self.tree.get(self.slot_key(name)?)?
                && matches!(decode_slot(&bytes)?, AnySlot::V1(_))
            {
                out.push(name.clone());
            }
        }
        Ok(out)
    }

    /// Gives worker `name` a slot that opens `key` with `passphrase`.
    pub fn add(
        &self,
        name: &str,
        passphrase: &str,
        params: KdfParams,
        key: &DataKey,
    ) -> Result<(), KeyringError> {
        let name = tidy_name(name);
        if name.is_empty() {
            return Err(KeyringError::NoName);
        }
        check_passphrase(&name, passphrase).map_err(KeyringError::Weak)?;
        let slot_key = self.slot_key(&name)?;
        if self.tree.contains_key(&slot_key)? {
            return Err(KeyringError::Exists(name));
        }
        let slot = new_slot(&slot_key, &name, passphrase, params, key)?;
        self.tree.insert(
            slot_key,
            codec::encode(&slot).map_err(|_| KeyringError::Damaged)?,
        )?;
        self.tree.flush()?;
        Ok(())
    }

    /// The slot of `name`, or of the only worker; the work of a wrong passphrase is
    /// done for a name that has none.
    fn find(
        &self,
        name: Option<&str>,
        passphrase: &str,
    ) -> Result<(Vec<u8>, AnySlot), KeyringError> {
        match name {
            Some(name) => {
                let slot_key = self.slot_key(name)?;
                let Some(bytes) = self.tree.get(&slot_key)? else {
                    // The same answer as a wrong passphrase, and after the same work:
                    // which names are workers is not told to whoever guesses.
                    let _ = passphrase_key(passphrase, &[0; 16], KdfParams::for_new());
                    return Err(KeyringError::WrongPassphrase);
                };
                Ok((slot_key, decode_slot(&bytes)?))
            }
            None => {
                let mut slots = self.slots()?;
                match slots.len() {
                    1 => slots
                        .pop()
                        .map(|(k, s)| (k.to_vec(), s))
                        .ok_or(KeyringError::Damaged),
                    0 => Err(KeyringError::Damaged),
                    _ => Err(KeyringError::WhichWorker),
                }
            }
        }
    }

    /// The data key and the worker's name, from a passphrase. `name` may be left out when
    /// the database has one worker.
    pub fn unlock(
        &self,
        name: Option<&str>,
        passphrase: &str,
    ) -> Result<(DataKey, String), KeyringError> {
        let (slot_key, slot) = self.find(name, passphrase)?;
        let opened = open_slot(&slot_key, &slot, passphrase)?;
        Ok((opened.key, opened.name))
    }

    /// The same, and a version 1 slot is rewritten as version 2 (same salt, parameters
    /// and passphrase key, a new key pair), so that the next re-key can reach it.
    pub fn unlock_upgrading(
        &self,
        name: Option<&str>,
        passphrase: &str,
    ) -> Result<(DataKey, String), KeyringError> {
        let (slot_key, slot) = self.find(name, passphrase)?;
        let opened = open_slot(&slot_key, &slot, passphrase)?;
        if let (true, AnySlot::V1(old)) = (opened.v1, &slot) {
            let slot = make_v2(
                &slot_key,
                &opened.name,
                (&opened.kek, old.salt, old.params),
                &opened.key,
            )?;
            self.tree.insert(
                slot_key,
                codec::encode(&slot).map_err(|_| KeyringError::Damaged)?,
            )?;
            self.tree.flush()?;
        }
        Ok((opened.key, opened.name))
    }

    /// Writes into `to` (the keyring of a re-keyed copy) this keyring with `new_key` in
    /// place of the data key: the same pepper; every remaining worker's slot with
    /// `new_key` sealed to their public key; a worker who leaves has no slot; a worker
    /// with a new passphrase has a new slot and key pair. Every slot carried over must
    /// be version 2 (`old_slots`).
    pub fn rekey_into(
        &self,
        to: &Keyring,
        change: Change<'_>,
        new_key: &DataKey,
    ) -> Result<(), KeyringError> {
        let slots = self.slots()?;
        let targets: Vec<Vec<u8>> = match change {
            Change::Remove(names) => names
                .iter()
                .map(|n| self.slot_key(n))
                .collect::<Result<_, _>>()?,
            Change::Passphrase {
                name, passphrase, ..
            } => {
                check_passphrase(&tidy_name(name), passphrase).map_err(KeyringError::Weak)?;
                vec![self.slot_key(name)?]
            }
        };
        for t in &targets {
            if !slots.iter().any(|(k, _)| k.as_ref() == t.as_slice()) {
                return Err(KeyringError::NoSuchWorker);
            }
        }
        let mut batch = sled::Batch::default();
        batch.insert(PEPPER, &self.pepper()?);
        let mut kept = 0;
        for (slot_key, slot) in &slots {
            let slot = if targets.iter().any(|t| t.as_slice() == slot_key.as_ref()) {
                match change {
                    Change::Remove(_) => continue,
                    Change::Passphrase {
                        name,
                        passphrase,
                        params,
                    } => new_slot(slot_key, &tidy_name(name), passphrase, params, new_key)?,
                }
            } else {
                match slot {
                    AnySlot::V2(slot) => SlotV2 {
                        sealed: seal_to(&slot.recipient, new_key)?,
                        ..slot.clone()
                    },
                    AnySlot::V1(_) => return Err(KeyringError::OldSlots("a worker".into())),
                }
            };
            kept += 1;
            batch.insert(
                slot_key,
                codec::encode(&slot).map_err(|_| KeyringError::Damaged)?,
            );
        }
        if kept == 0 {
            return Err(KeyringError::LastWorker);
        }
        to.tree.apply_batch(batch)?;
        to.tree.flush()?;
        Ok(())
    }
}
