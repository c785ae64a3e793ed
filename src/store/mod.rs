//! The store on sled 0.34.7: one tree per kind of record, index trees, the change log and
//! a meta tree. Every user action is one small transaction that writes the records, their
//! indexes and the change log together; `flush` runs before a save is acknowledged.
//! Keys hold ids, codes and dates only, never personal data.

pub mod audit;
pub mod check;
pub mod duplicates;
pub mod entity;
pub mod erase;
pub mod fork;
pub mod handoff;
mod local;
pub mod merge;
pub mod query;
pub mod seal;
pub mod team;
pub mod tree;
pub mod trust;
pub mod write;

mod changes;
mod copy;
mod device;
mod error;
mod open;

use std::sync::{Arc, RwLock};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::codec::{self, CodecError, Versioned};
use crate::model::change::OriginId;
use crate::model::{Area, Gazetteer, Timestamp};
pub use changes::{change_key, split_change_key};
pub(crate) use copy::{copy_resealed, copy_sealed};
pub(crate) use device::unlist_workers;
pub use device::{MAX_WORKER_NAME, check_worker_name};
pub use entity::Entity;
pub use error::{NameOf, Pass, StoreError};
pub(crate) use open::open_sled;
pub use query::Stats;
pub use write::{Applied, Edit};

/// The tree of the workers' key slots (`keyring`): the store names it, the keyring
/// module fills it, and a copy under a new key leaves it to the keyring.
pub const KEYRING_TREE: &str = "keyring";

/// The database's folder inside a data directory.
pub const DB_DIR: &str = "db";

/// The schema this version of Daleel writes. Raise it with a migration in `migrate`.
pub const SCHEMA_VERSION: u32 = 6;

/// sled's page cache. The default is 1 GiB; field laptops have 2 to 4 GB in all. 8 MiB
/// measured as 16 did for an import, a refold and the lists at 100,000 households, for
/// 7-9 MiB less resident; a lookup's rows read by id take 15% longer (docs/performance.md).
pub const CACHE_BYTES: u64 = 8 << 20;

/// The trees of the database. The order is the order of the transaction's trees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Households,
    Needs,
    Referrals,
    Organizations,
    Services,
    Versions,
    Changes,
    Meta,
    HouseholdsByCaseCode,
    NeedsByHousehold,
    ReferralsByStatusDue,
    ReferralsByHousehold,
    /// For merge: which fields each version has been replaced for.
    Replaced,
    /// Per origin, the highest sequence number held without a gap.
    Held,
    /// Changes that arrived after a gap in their origin's sequence.
    Parked,
    /// A verified bundle's changes waiting to be applied (the durable import cursor).
    Staging,
    /// The records with a conflict (a field with more than one head), by versions key:
    /// the coordinator's queue and the import summary read these, not every record.
    Conflicted,
    /// The local audit trail (audit.rs).
    Audit,
    /// Erased records, by id (erase.rs): which erasure covers each.
    Erased,
    /// The team's statements this device holds (certificates and revocations), by the
    /// hash of each: the roster every bundle carries (team.rs).
    Roster,
    /// Changes kept in the log with no effect (beyond their origin's role, or after its
    /// revocation), by change key: the reason.
    Ineffective,
    /// "Not the same" decisions about likely duplicates (`model::Distinct`), by id.
    Distinct,
    /// Households closed as a duplicate, by the household they name: (that household's
    /// id, this one's id). Where merged households end is read from it
    /// (`Store::merges`).
    HouseholdsByDuplicateOf,
}

impl Slot {
    pub const ALL: [Slot; 23] = [
        Slot::Households,
        Slot::Needs,
        Slot::Referrals,
        Slot::Organizations,
        Slot::Services,
        Slot::Versions,
        Slot::Changes,
        Slot::Meta,
        Slot::HouseholdsByCaseCode,
        Slot::NeedsByHousehold,
        Slot::ReferralsByStatusDue,
        Slot::ReferralsByHousehold,
        Slot::Replaced,
        Slot::Held,
        Slot::Parked,
        Slot::Staging,
        Slot::Conflicted,
        Slot::Audit,
        Slot::Erased,
        Slot::Roster,
        Slot::Ineffective,
        Slot::Distinct,
        Slot::HouseholdsByDuplicateOf,
    ];

    /// The tree's name on disk.
    pub fn name(self) -> &'static str {
        match self {
            Slot::Households => "households",
            Slot::Needs => "needs",
            Slot::Referrals => "referrals",
            Slot::Organizations => "organizations",
            Slot::Services => "services",
            Slot::Versions => "versions",
            Slot::Changes => "changes",
            Slot::Meta => "meta",
            Slot::HouseholdsByCaseCode => "idx_households_case_code",
            Slot::NeedsByHousehold => "idx_needs_household",
            Slot::ReferralsByStatusDue => "idx_referrals_status_due",
            Slot::ReferralsByHousehold => "idx_referrals_household",
            Slot::Replaced => "replaced",
            Slot::Held => "held",
            Slot::Parked => "parked",
            Slot::Staging => "staging",
            Slot::Conflicted => "conflicted",
            Slot::Audit => "audit",
            Slot::Erased => "erased",
            Slot::Roster => "roster",
            Slot::Ineffective => "ineffective",
            Slot::Distinct => "distinct",
            Slot::HouseholdsByDuplicateOf => "idx_households_duplicate_of",
        }
    }

    /// Whether the tree's values are sealed (they can hold personal data). Indexes and
    /// the conflicted tree hold empty values; versions, replacements and watermarks hold
    /// ids, sequence numbers and clocks.
    pub fn sealed(self) -> bool {
        matches!(
            self,
            Slot::Households
                | Slot::Needs
                | Slot::Referrals
                | Slot::Organizations
                | Slot::Services
                | Slot::Distinct
                | Slot::Changes
                | Slot::Meta
                | Slot::Parked
                | Slot::Staging
                | Slot::Audit
                | Slot::Roster
        )
    }

    /// Index trees hold keys only and can be rebuilt from the records.
    pub fn is_index(self) -> bool {
        self.name().starts_with("idx_")
    }

    /// Whether the tree is derived from the change log: a refold clears it and builds it
    /// again. Every index is (so that a new one cannot be forgotten), with the records,
    /// their versions and what merging keeps about them.
    pub fn derived(self) -> bool {
        self.is_index()
            || matches!(
                self,
                Slot::Households
                    | Slot::Needs
                    | Slot::Referrals
                    | Slot::Organizations
                    | Slot::Services
                    | Slot::Distinct
                    | Slot::Versions
                    | Slot::Replaced
                    | Slot::Conflicted
                    | Slot::Ineffective
            )
    }

    fn at(self) -> usize {
        self as usize
    }
}

/// Keys of the meta tree.
pub(crate) mod meta {
    pub const SCHEMA: &[u8] = b"schema_version";
    pub const ORIGIN: &[u8] = b"origin";
    pub const NEXT_SEQ: &[u8] = b"next_seq";
    pub const HLC: &[u8] = b"hlc";
    pub const NEXT_CASE: &[u8] = b"next_case_number";
    pub const KIND: &[u8] = b"database_kind";
    pub const DEVICE_NAME: &[u8] = b"device_name";
    pub const WORKERS: &[u8] = b"workers";
    pub const CURRENT_WORKER: &[u8] = b"current_worker";
    /// The team this device belongs to (teams issue).
    pub const TEAM: &[u8] = b"team";
    /// Set while the state is recomputed from the log (store/team.rs, `refold`).
    pub const REFOLDING: &[u8] = b"refolding";
    /// When the last hand-off a partner's laptop applied was made.
    pub const HANDOFF_AT: &[u8] = b"handoff_made_at";
    /// Workers whose passphrase another worker set, told at their next unlock (audit.rs).
    pub const PASSPHRASE_NOTICES: &[u8] = b"passphrase_notices";
}

/// What one tree holds (`Store::tree_sizes`, `daleel stats --disk`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TreeSize {
    pub name: &'static str,
    pub entries: u64,
    pub key_bytes: u64,
    pub value_bytes: u64,
}

/// Whether a database holds real data or a training caseload made by `daleel demo`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DatabaseKind {
    Real,
    Demo,
}

impl Versioned for DatabaseKind {
    const VERSION: u8 = 1;
}

/// The source of "now" for the store: the system clock, or a fixed clock in tests.
pub trait WallClock: Send + Sync {
    fn now(&self) -> Timestamp;
}

/// The laptop's clock.
pub struct SystemClock;

impl WallClock for SystemClock {
    fn now(&self) -> Timestamp {
        Timestamp::now()
    }
}

/// A clock that says what it is told, for tests and reproducible benchmarks.
#[derive(Default)]
pub struct FixedClock(pub std::sync::atomic::AtomicI64);

impl FixedClock {
    pub fn at(ms: i64) -> Arc<FixedClock> {
        Arc::new(FixedClock(std::sync::atomic::AtomicI64::new(ms)))
    }

    pub fn set(&self, ms: i64) {
        self.0.store(ms, std::sync::atomic::Ordering::SeqCst);
    }
}

impl WallClock for FixedClock {
    fn now(&self) -> Timestamp {
        Timestamp(self.0.load(std::sync::atomic::Ordering::SeqCst))
    }
}

/// Who this device is, as the store needs it: its origin key and its short code.
#[derive(Debug, Clone)]
pub struct DeviceInfo {
    pub origin: OriginId,
    /// Five characters that prefix this device's case codes.
    pub code: String,
}

/// The open database.
pub struct Store {
    db: sled::Db,
    trees: Vec<sled::Tree>,
    gazetteer_tree: sled::Tree,
    trust_tree: sled::Tree,
    /// Received segment headers (with their origin's signature), to forward unchanged.
    segments_tree: sled::Tree,
    /// What each trusted device last said it holds (its bundle's watermarks).
    team_tree: sled::Tree,
    device: DeviceInfo,
    clock: Arc<dyn WallClock>,
    gazetteer: RwLock<Gazetteer>,
    /// The data directory's lock, held for as long as the store is open (by any thread).
    _lock: Option<std::fs::File>,
    /// Seals the values of sealed trees; none for a database made before encryption.
    seal: Option<seal::Sealer>,
    /// One writer of records at a time: a local edit's transaction and an import's
    /// chunk (written as batches, not as a sled transaction) never interleave.
    pub(crate) writer: std::sync::Mutex<()>,
    /// The team's policy as this device knows it (store/team.rs).
    policy: RwLock<Arc<crate::model::team::Policy>>,
    /// The audit chain's head file beside the database (audit.rs); none outside a data
    /// directory.
    audit_head: Option<std::path::PathBuf>,
    /// One audit entry at a time: each is chained to the one before.
    audit_lock: std::sync::Mutex<()>,
}

impl Store {
    pub(crate) fn tree(&self, slot: Slot) -> tree::Tree<'_> {
        let seal = if slot.sealed() {
            self.seal.as_ref()
        } else {
            None
        };
        let tree = tree::Tree::new(&self.trees[slot.at()], slot.name(), seal);
        if slot == Slot::Meta {
            // The schema version stays readable, so that a database of a newer Daleel
            // is refused as such.
            tree.with_clear(&[meta::SCHEMA])
        } else {
            tree
        }
    }

    /// The trusted identity cards (names of devices: sealed).
    pub(crate) fn trust_tree(&self) -> tree::Tree<'_> {
        tree::Tree::new(&self.trust_tree, "trust", self.seal.as_ref())
    }

    /// Kept segment headers (signatures and hashes: not sealed).
    pub(crate) fn segments_tree(&self) -> tree::Tree<'_> {
        tree::Tree::new(&self.segments_tree, "segments", None)
    }

    /// What each trusted device last said it holds (sequence numbers: not sealed).
    pub(crate) fn team_tree(&self) -> tree::Tree<'_> {
        tree::Tree::new(&self.team_tree, "team_watermarks", None)
    }

    /// Whether stored values are sealed (an encrypted database).
    pub fn is_sealed(&self) -> bool {
        self.seal.is_some()
    }

    pub fn device(&self) -> &DeviceInfo {
        &self.device
    }

    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }

    /// Makes everything written so far durable. Called before a save is acknowledged.
    pub fn flush(&self) -> Result<(), StoreError> {
        self.db.flush()?;
        Ok(())
    }

    /// Bytes sled uses on disk.
    pub fn size_on_disk(&self) -> Result<u64, StoreError> {
        Ok(self.db.size_on_disk()?)
    }

    /// Per tree: its name, how many entries it holds, and the bytes of their keys and of
    /// their values (what the data weighs before sled's own overhead).
    pub fn tree_sizes(&self) -> Result<Vec<TreeSize>, StoreError> {
        let mut out = Vec::new();
        for slot in Slot::ALL {
            let mut size = TreeSize {
                name: slot.name(),
                ..TreeSize::default()
            };
            for entry in self.tree(slot).iter() {
                let (k, v) = entry?;
                size.entries += 1;
                size.key_bytes += k.len() as u64;
                size.value_bytes += v.len() as u64;
            }
            out.push(size);
        }
        Ok(out)
    }

    /// Holds every write of this store off until the guard is dropped (a backup reads one
    /// consistent state).
    pub(crate) fn hold_writes(&self) -> std::sync::MutexGuard<'_, ()> {
        self.writer
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The sled database (the keyring lives beside the store's trees).
    pub(crate) fn db(&self) -> &sled::Db {
        &self.db
    }

    /// The clock the store reads "now" from.
    pub fn clock(&self) -> Arc<dyn WallClock> {
        self.clock.clone()
    }

    /// Closes the store, flushed, giving back its sled database and the data directory's
    /// lock (a re-key copies the database and switches it while the lock is held).
    pub(crate) fn close(self) -> Result<(sled::Db, Option<std::fs::File>), StoreError> {
        self.flush()?;
        let Store { db, _lock, .. } = self;
        Ok((db, _lock))
    }

    /// The gazetteer: the built-in governorates plus the imported areas.
    pub fn gazetteer(&self) -> Gazetteer {
        self.gazetteer
            .read()
            .map(|g| g.clone())
            .unwrap_or_else(|_| Gazetteer::builtin())
    }

    fn reload_gazetteer(&self) -> Result<(), StoreError> {
        let areas = self
            .gazetteer_tree
            .iter()
            .values()
            .map(|v| Ok(codec::decode_value::<Area>(&v?)?))
            .collect::<Result<Vec<_>, StoreError>>()?;
        if let Ok(mut g) = self.gazetteer.write() {
            *g = Gazetteer::with_areas(areas);
        }
        Ok(())
    }

    /// Adds imported areas to the gazetteer (local reference data, not synced), durably.
    pub fn import_areas(&self, areas: &[Area]) -> Result<usize, StoreError> {
        let mut batch = sled::Batch::default();
        for area in areas {
            batch.insert(area.pcode.as_bytes(), codec::encode_value(area)?);
        }
        self.gazetteer_tree.apply_batch(batch)?;
        self.flush()?;
        self.reload_gazetteer()?;
        Ok(areas.len())
    }

    /// Reads one record by id from its own tree (sample records are in `query`).
    pub fn get<E: Entity>(&self, id: Uuid) -> Result<Option<E>, StoreError> {
        self.tree(E::TREE)
            .get(id.as_bytes())?
            .map(|b| codec::decode::<E>(&b))
            .transpose()
            .map_err(StoreError::from)
    }

    /// Every record of one kind in its tree, in id order (creation order for UUID v7).
    pub fn all<E: Entity>(&self) -> impl Iterator<Item = Result<E, StoreError>> + '_ {
        self.tree(E::TREE)
            .iter()
            .values()
            .map(|v| Ok(codec::decode::<E>(&v?)?))
    }

    pub fn count<E: Entity>(&self) -> usize {
        self.tree(E::TREE).len()
    }
}

fn read_u64(bytes: Option<&[u8]>) -> Result<u64, StoreError> {
    match bytes {
        None => Ok(0),
        Some(b) => Ok(u64::from_be_bytes(b.try_into().map_err(|_| {
            StoreError::Codec(CodecError::Decode("counter".into()))
        })?)),
    }
}
