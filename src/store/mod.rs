//! The store on sled 0.34.7: one tree per kind of record, index trees, the change log and
//! a meta tree. Every user action is one small transaction that writes the records, their
//! indexes and the change log together; `flush` runs before a save is acknowledged.
//! Keys hold ids, codes and dates only, never personal data.

pub mod audit;
pub mod check;
pub mod entity;
pub mod erase;
pub mod fork;
pub mod handoff;
pub mod merge;
pub mod query;
pub mod seal;
pub mod team;
pub mod tree;
pub mod trust;
pub mod write;

use std::path::Path;
use std::sync::{Arc, RwLock};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::codec::{self, CodecError, Versioned};
use crate::model::change::{Change, OriginId};
use crate::model::clock::Hlc;
use crate::model::referral::MoveError;
use crate::model::{Area, Gazetteer, Timestamp};
pub use entity::Entity;
pub use query::Stats;
pub use write::{Applied, Edit};

/// The tree of the workers' key slots (`keyring`): the store names it, the keyring
/// module fills it, and a copy under a new key leaves it to the keyring.
pub const KEYRING_TREE: &str = "keyring";

/// The database's folder inside a data directory.
pub const DB_DIR: &str = "db";

/// The schema this version of Daleel writes. Raise it with a migration in `migrate`.
pub const SCHEMA_VERSION: u32 = 4;

/// sled's page cache. The default is 1 GiB; field laptops have 2 to 4 GB in all.
pub const CACHE_BYTES: u64 = 16 << 20;

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
}

impl Slot {
    pub const ALL: [Slot; 21] = [
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

/// Trees of earlier schemas that no longer exist, dropped when a database is migrated.
const RETIRED_TREES: [&str; 3] = [
    "idx_households_location",
    "idx_services_sector",
    "idx_services_area",
];

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

/// Whether a database holds real data or a training caseload made by `daleel demo`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DatabaseKind {
    Real,
    Demo,
}

impl Versioned for DatabaseKind {
    const VERSION: u8 = 1;
}

/// What went wrong in the store. Messages carry no personal data.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}", sled_message(.0))]
    Sled(#[from] sled::Error),
    #[error("a stored value is damaged or unreadable: {0}")]
    Codec(#[from] CodecError),
    /// A name this laptop keeps (a worker's, the device's) holds a hidden character.
    #[error("the {what} {hidden}: {}", crate::model::text::ADVICE)]
    HiddenInName {
        what: NameOf,
        hidden: crate::model::text::Hidden,
    },
    #[error("a worker's name has 1 to {max} characters")]
    WorkerNameLength { max: usize },
    /// `daleel demo` into a database that holds households.
    #[error(
        "this database already holds {households} households: a demo caseload goes in an empty data directory (use --data-dir)"
    )]
    NotEmpty { households: usize },
    #[error("cannot make {}: {source}", .path.display())]
    MakeFolder {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("could not write {}: {}", .path.display(), crate::disk::advice(.source))]
    Write {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("could not write the audit trail's head file {}: {}", .path.display(), crate::disk::advice(.source))]
    AuditHead {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    /// A CSV file could not be built.
    #[error("{0}")]
    Csv(#[from] csv::Error),
    /// A pass over many changes stopped half-way (`overlay_pass`); what to do is its text.
    #[error("{}", .0.message())]
    Interrupted(Pass),
    /// A change names a field its record kind does not have.
    #[error("unknown field {field}")]
    UnknownField { kind: &'static str, field: String },
    #[error("no field {position} in a {kind}")]
    NoField { kind: &'static str, position: usize },
    #[error("unknown record kind {tag}")]
    UnknownKind { tag: u8 },
    #[error("a staged import is damaged: import the bundle again")]
    StagedDamaged,
    #[error("a change too large to stage")]
    ChangeTooLarge,
    #[error("a key of the {tree} tree is damaged")]
    DamagedKey { tree: &'static str },
    #[error("a change that claims to come from this device was not made here: refused")]
    OwnChange,
    #[error("a change whose values do not match its hash: refused")]
    HashMismatch,
    /// The change log lacks changes it says it holds: no bundle is written from it.
    #[error(
        "the change log of {device} lacks changes from sequence number {first} on: nothing was written (daleel check says more)"
    )]
    LogGap { device: String, first: u64 },
    #[error(
        "this laptop already belongs to the team \"{name}\" (key {fingerprint}): a laptop belongs to one team"
    )]
    OtherTeam { name: String, fingerprint: String },
    /// `daleel demo` into a database that holds real records.
    #[error(
        "this database holds real records: a demo caseload goes in its own data directory (use --data-dir)"
    )]
    RealRecords,
    #[error("an erasure without its contents")]
    ErasureEmpty,
    #[error("an erasure that names records of another household: refused")]
    ErasureOfOthers,
    #[error("the erasure was not written")]
    ErasureNotWritten,
    #[error("this household was erased: its records cannot be changed")]
    Erased,
    #[error("{case_code} was erased already")]
    ErasedAlready { case_code: String },
    #[error("an erased record could not be dropped")]
    ErasedNotDropped,
    #[error("this is this laptop's own card: import the card of another laptop")]
    OwnCard,
    #[error(
        "device {code} ({fingerprint}) has the same device code as the trusted device {other_code} ({other_fingerprint}): their case codes would collide, so it cannot be trusted; ask that laptop's team lead to make it a new identity"
    )]
    CodeClash {
        code: String,
        fingerprint: String,
        other_code: String,
        other_fingerprint: String,
    },
    #[error(
        "device {code} ({fingerprint}) has the same device code as this laptop: their case codes would collide, so it cannot be trusted"
    )]
    CodeOfThisLaptop { code: String, fingerprint: String },
    #[error("no trusted device has the fingerprint {fingerprint}: see daleel trust list")]
    NotTrusted { fingerprint: String },
    #[error(transparent)]
    Move(#[from] MoveError),
    #[error("no {kind} with id {id}")]
    NotFound { kind: &'static str, id: String },
    #[error("the referral changed meanwhile (it is now {now}): look at it again and retry")]
    Stale { now: crate::model::ReferralStatus },
    #[error(
        "this database was made by a newer version of Daleel (schema {found}; this version reads up to {known}): install the newer version"
    )]
    TooNew { found: u32, known: u32 },
    #[error(
        "this database is open in another Daleel window: close that window first, or use another --data-dir"
    )]
    Locked,
    #[error(
        "this database belongs to another device key: the key file does not match the database; restore the key file that came with it"
    )]
    ForeignKey,
    #[error("{0}")]
    Sealed(#[from] seal::SealError),
    /// This device's role (teams) does not allow the change.
    #[error("{0}")]
    NotAllowed(#[from] team::Forbidden),
}

/// Whose name a `StoreError::HiddenInName` is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameOf {
    Device,
    Worker,
}

impl std::fmt::Display for NameOf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            NameOf::Device => "device name",
            NameOf::Worker => "worker's name",
        })
    }
}

/// A pass over many changes that can stop half-way (a crash, a full disk), and what to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pass {
    /// Applying an imported bundle.
    Import,
    /// Applying a partner's hand-off.
    Handoff,
    /// Recomputing the records from the log.
    Refold,
}

impl Pass {
    pub fn message(self) -> &'static str {
        match self {
            Pass::Import => "the import was interrupted: import again",
            Pass::Handoff => "the hand-off was interrupted: import it again",
            Pass::Refold => "recomputing the records was interrupted: open Daleel again",
        }
    }
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
    /// Opens (or creates) the database in `dir` for this device, with the system clock.
    pub fn open(dir: &Path, device: DeviceInfo) -> Result<Store, StoreError> {
        Store::open_with_clock(dir, device, Arc::new(SystemClock))
    }

    pub fn open_with_clock(
        dir: &Path,
        device: DeviceInfo,
        clock: Arc<dyn WallClock>,
    ) -> Result<Store, StoreError> {
        Store::open_locked(dir, device, clock, None, None)
    }

    /// Opens the database with its values sealed under `key` (benchmarks compare both).
    pub fn open_sealed(
        dir: &Path,
        device: DeviceInfo,
        clock: Arc<dyn WallClock>,
        key: &seal::DataKey,
    ) -> Result<Store, StoreError> {
        Store::open_locked(dir, device, clock, None, Some(key))
    }

    /// Opens the store holding the data directory's lock file, which is released only
    /// when the store is dropped.
    pub fn open_locked(
        dir: &Path,
        device: DeviceInfo,
        clock: Arc<dyn WallClock>,
        lock: Option<std::fs::File>,
        key: Option<&seal::DataKey>,
    ) -> Result<Store, StoreError> {
        Store::from_db(open_sled(dir)?, device, clock, lock, key)
    }

    /// The store over a sled database already open (the workspace reads its keyring
    /// first).
    pub(crate) fn from_db(
        db: sled::Db,
        device: DeviceInfo,
        clock: Arc<dyn WallClock>,
        lock: Option<std::fs::File>,
        key: Option<&seal::DataKey>,
    ) -> Result<Store, StoreError> {
        Store::from_parts(db, device, clock, lock, key.map(seal::Sealer::new))
    }

    /// The store over an open sled database, with the sealer of its values (a scratch
    /// copy shares its original's).
    fn from_parts(
        db: sled::Db,
        device: DeviceInfo,
        clock: Arc<dyn WallClock>,
        lock: Option<std::fs::File>,
        seal: Option<seal::Sealer>,
    ) -> Result<Store, StoreError> {
        let trees = Slot::ALL
            .iter()
            .map(|s| db.open_tree(s.name()))
            .collect::<Result<Vec<_>, _>>()?;
        let gazetteer_tree = db.open_tree("gazetteer")?;
        let trust_tree = db.open_tree("trust")?;
        let segments_tree = db.open_tree("segments")?;
        let team_tree = db.open_tree("team_watermarks")?;
        let store = Store {
            db,
            trees,
            gazetteer_tree,
            trust_tree,
            segments_tree,
            team_tree,
            device,
            clock,
            gazetteer: RwLock::new(Gazetteer::builtin()),
            _lock: lock,
            seal,
            writer: std::sync::Mutex::new(()),
            policy: RwLock::new(Arc::default()),
            audit_head: None,
            audit_lock: std::sync::Mutex::new(()),
        };
        store.check_origin()?;
        store.migrate()?;
        store.reload_policy()?;
        store.finish_refold()?;
        store.reload_gazetteer()?;
        Ok(store)
    }

    fn check_origin(&self) -> Result<(), StoreError> {
        let meta = self.tree(Slot::Meta);
        match meta.get(meta::ORIGIN)? {
            Some(bytes) if bytes.as_ref() == self.device.origin.0 => Ok(()),
            Some(_) => Err(StoreError::ForeignKey),
            None => {
                meta.insert(meta::ORIGIN, self.device.origin.0)?;
                Ok(())
            }
        }
    }

    /// Brings an older schema up to date, one step at a time, each step recorded.
    fn migrate(&self) -> Result<(), StoreError> {
        let meta = self.tree(Slot::Meta);
        let found = match meta.get(meta::SCHEMA)? {
            Some(b) => u32::from_be_bytes(
                b.as_ref()
                    .try_into()
                    .map_err(|_| StoreError::Codec(CodecError::Decode("schema version".into())))?,
            ),
            None => 0,
        };
        if found > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                found,
                known: SCHEMA_VERSION,
            });
        }
        // Schema 0 is an empty database: nothing to carry over. Schema 2 added the tree of
        // conflicted records, built from the versions tree (re-running the step after a
        // crash builds the same tree).
        if (1..2).contains(&found) {
            self.build_conflicted()?;
        }
        // Schema 3 retired the indexes that nothing read (households by location,
        // services by sector and by area): their trees are dropped.
        if (1..3).contains(&found) {
            for name in RETIRED_TREES {
                self.db.drop_tree(name)?;
            }
        }
        // Schema 4 stores households in format 2 (with their size): each record of format
        // 1 is written again as this version writes it, so that a refold (`check`) gives
        // the same bytes. A record already written again is left (safe after a crash).
        if (1..4).contains(&found) {
            self.rewrite_older::<crate::model::Household>()?;
        }
        if found < SCHEMA_VERSION {
            meta.insert(meta::SCHEMA, SCHEMA_VERSION.to_be_bytes())?;
            self.db.flush()?;
        }
        Ok(())
    }

    /// Writes every record of kind `E` stored in an older format again in the current one.
    fn rewrite_older<E: entity::Entity>(&self) -> Result<(), StoreError> {
        let tree = self.tree(E::TREE);
        let mut older = Vec::new();
        for entry in tree.iter() {
            let (k, v) = entry?;
            if v.first().is_some_and(|&version| version < E::VERSION) {
                older.push(k);
            }
        }
        for k in older {
            if let Some(v) = tree.get(&k)? {
                let record: E = codec::decode(&v)?;
                tree.insert(&k, codec::encode(&record)?)?;
            }
        }
        Ok(())
    }

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

    /// Per tree: its name, how many entries it holds, and the bytes of their keys and
    /// values (what the data weighs before sled's own overhead).
    pub fn tree_sizes(&self) -> Result<Vec<(&'static str, usize, u64)>, StoreError> {
        let mut out = Vec::new();
        for slot in Slot::ALL {
            let (mut n, mut bytes) = (0, 0);
            for entry in self.tree(slot).iter() {
                let (k, v) = entry?;
                n += 1;
                bytes += (k.len() + v.len()) as u64;
            }
            out.push((slot.name(), n, bytes));
        }
        Ok(out)
    }

    pub fn kind(&self) -> Result<Option<DatabaseKind>, StoreError> {
        self.tree(Slot::Meta)
            .get(meta::KIND)?
            .map(|b| codec::decode(&b))
            .transpose()
            .map_err(StoreError::from)
    }

    /// Sets the database's kind (an empty database takes the kind of its first bundle).
    pub fn set_kind(&self, kind: DatabaseKind) -> Result<(), StoreError> {
        self.tree(Slot::Meta)
            .insert(meta::KIND, codec::encode(&kind)?)?;
        self.flush()
    }

    /// Marks the database as a demo database. Refused once it holds real records.
    pub fn mark_demo(&self) -> Result<(), StoreError> {
        match self.kind()? {
            Some(DatabaseKind::Real) => Err(StoreError::RealRecords),
            _ => {
                self.tree(Slot::Meta)
                    .insert(meta::KIND, codec::encode(&DatabaseKind::Demo)?)?;
                self.flush()
            }
        }
    }

    pub fn device_name(&self) -> Result<String, StoreError> {
        Ok(self
            .tree(Slot::Meta)
            .get(meta::DEVICE_NAME)?
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default())
    }

    pub fn set_device_name(&self, name: &str) -> Result<(), StoreError> {
        // Shown on other laptops beside this one's fingerprint (its card).
        if let Some(why) = crate::model::text::Hidden::find(name) {
            return Err(StoreError::HiddenInName {
                what: NameOf::Device,
                hidden: why,
            });
        }
        self.tree(Slot::Meta)
            .insert(meta::DEVICE_NAME, name.as_bytes())?;
        self.flush()
    }

    /// Adds a worker to the list without making them the current one.
    pub fn add_worker_name(&self, name: &str) -> Result<(), StoreError> {
        if self.list_worker(name)?.1 {
            self.flush()?;
        }
        Ok(())
    }

    /// Puts a worker on the list (written only when new). Returns the name as kept and
    /// whether anything was written.
    fn list_worker(&self, name: &str) -> Result<(String, bool), StoreError> {
        let name = check_worker_name(name)?;
        let mut workers = self.workers()?;
        if workers.iter().any(|w| w == &name) {
            return Ok((name, false));
        }
        workers.push(name.clone());
        self.tree(Slot::Meta)
            .insert(meta::WORKERS, codec::encode_value(&workers)?)?;
        Ok((name, true))
    }

    /// Takes a worker off the list (their changes keep their name).
    pub fn remove_worker_name(&self, name: &str) -> Result<(), StoreError> {
        let folded = crate::model::text::fold_name(name);
        let mut workers = self.workers()?;
        workers.retain(|w| crate::model::text::fold_name(w) != folded);
        self.tree(Slot::Meta)
            .insert(meta::WORKERS, codec::encode_value(&workers)?)?;
        self.flush()
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

    /// The workers who have used this laptop, in the order they were added.
    pub fn workers(&self) -> Result<Vec<String>, StoreError> {
        match self.tree(Slot::Meta).get(meta::WORKERS)? {
            Some(b) => Ok(codec::decode_value(&b)?),
            None => Ok(Vec::new()),
        }
    }

    /// The worker recorded on changes now, if one was chosen.
    pub fn current_worker(&self) -> Result<Option<String>, StoreError> {
        Ok(self
            .tree(Slot::Meta)
            .get(meta::CURRENT_WORKER)?
            .map(|b| String::from_utf8_lossy(&b).into_owned()))
    }

    /// Makes `name` the current worker, adding it to the list when new.
    pub fn set_worker(&self, name: &str) -> Result<(), StoreError> {
        let (name, listed) = self.list_worker(name)?;
        // Every unlock sets the worker: nothing is written (or flushed) when they are the
        // one working already.
        if !listed && self.current_worker()?.as_deref() == Some(name.as_str()) {
            return Ok(());
        }
        self.tree(Slot::Meta)
            .insert(meta::CURRENT_WORKER, name.as_bytes())?;
        self.flush()
    }

    /// The next sequence number this device will give a change (1 for the first).
    pub fn next_seq(&self) -> Result<u64, StoreError> {
        read_u64(self.tree(Slot::Meta).get(meta::NEXT_SEQ)?.as_deref()).map(|n| n.max(1))
    }

    /// The last clock time this device used.
    pub fn last_hlc(&self) -> Result<Hlc, StoreError> {
        match self.tree(Slot::Meta).get(meta::HLC)? {
            Some(b) => Ok(codec::decode_value(&b)?),
            None => Ok(Hlc::default()),
        }
    }

    /// The changes of one origin, from sequence number `from` on, in order.
    pub fn changes_of(
        &self,
        origin: OriginId,
        from: u64,
    ) -> impl Iterator<Item = Result<Change, StoreError>> + '_ {
        let start = change_key(origin, from);
        self.tree(Slot::Changes)
            .range(start..)
            .take_while(move |r| match r {
                Ok((k, _)) => k.starts_with(&origin.0),
                Err(_) => true,
            })
            .map(|r| Ok(codec::decode::<Change>(&r?.1)?))
    }

    /// The changes of one origin, from sequence number `from` on, in order, as the log
    /// holds them (`codec::encode` of each change): what an export writes into a bundle
    /// without decoding. A change stored in an older format is brought up to date first.
    pub fn encoded_changes_of(
        &self,
        origin: OriginId,
        from: u64,
    ) -> impl Iterator<Item = Result<Vec<u8>, StoreError>> + '_ {
        let start = change_key(origin, from);
        let tree = self.tree(Slot::Changes);
        tree.raw
            .range(start..)
            .take_while(move |r| match r {
                Ok((k, _)) => k.starts_with(&origin.0),
                Err(_) => true,
            })
            .map(move |r| {
                let (k, v) = r?;
                let bytes = tree.open_owned(&k, v)?;
                if bytes.first() == Some(&<Change as codec::Versioned>::VERSION) {
                    Ok(bytes)
                } else {
                    let change: Change = codec::decode(&bytes)?;
                    Ok(codec::encode(&change)?)
                }
            })
    }

    /// Keeps a change as it came (from another device, or of a kind this version does not
    /// know) so that it can be forwarded unchanged. Returns whether it was new. The sync
    /// issue verifies and applies; this only stores.
    pub fn keep_change(&self, change: &Change) -> Result<bool, StoreError> {
        if change.envelope.origin == self.device.origin {
            return Err(StoreError::OwnChange);
        }
        if !change.payload_matches()? {
            return Err(StoreError::HashMismatch);
        }
        let key = change_key(change.envelope.origin, change.envelope.seq);
        let value = codec::encode(change)?;
        self.tree(Slot::Changes).insert_new(key, &value)
    }

    /// How many changes the log holds, from every origin.
    pub fn change_count(&self) -> usize {
        self.tree(Slot::Changes).len()
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

/// Opens sled. sled's own file lock can outlive a closed database by a moment (its
/// background threads let go of it last), so a lock refusal is retried for two seconds
/// before it is reported, in plain words.
///
/// sled 0.34.7 writes a snapshot of its page table while it opens, to
/// `snap.N.generating`, renamed to `snap.N` once whole; but it then reads the
/// highest-named `snap.*` file, unfinished ones included (sled issues 1527 and 1533).
/// A laptop switched off while Daleel starts leaves a torn one and sled calls the whole
/// database corrupt, though its log is intact. So when sled reports corruption and such
/// a file is there, it is removed (it is never the only copy of anything: the log and
/// any finished snapshot are) and sled is asked once more. The data directory's lock
/// is held by then, so no other Daleel is opening this database.
/// How a tree of this name is sealed: its name as the associated data, whether its values
/// are sealed, and the keys left in the clear.
fn sealing_of(name: &[u8]) -> (&'static str, bool, &'static [&'static [u8]]) {
    if name == b"trust" {
        return ("trust", true, &[]);
    }
    match Slot::ALL.iter().find(|s| s.name().as_bytes() == name) {
        Some(Slot::Meta) => (Slot::Meta.name(), true, &[meta::SCHEMA]),
        Some(s) => (s.name(), s.sealed(), &[]),
        None => ("", false, &[]),
    }
}

/// Copies every tree of a database made before encryption into `to`, sealing the values
/// an encrypted database seals; tells `progress` (values copied, values in all).
pub(crate) fn copy_sealed(
    from: &sled::Db,
    to: &sled::Db,
    key: &seal::DataKey,
    progress: impl FnMut(u64, u64),
) -> Result<(), StoreError> {
    copy_trees(from, to, None, &seal::Sealer::new(key), progress)
}

/// Copies every tree of an encrypted database into `to` with its sealed values opened
/// under `old` and sealed again under `new` (a re-key); the keyring is not copied (the
/// re-key writes the new one). A value that does not open stops the copy.
pub(crate) fn copy_resealed(
    from: &sled::Db,
    to: &sled::Db,
    (old, new): (&seal::DataKey, &seal::DataKey),
    progress: impl FnMut(u64, u64),
) -> Result<(), StoreError> {
    copy_trees(
        from,
        to,
        Some(&seal::Sealer::new(old)),
        &seal::Sealer::new(new),
        progress,
    )
}

/// Copies every tree but the keyring, values of sealed trees opened with `old` (none:
/// they are in the clear) and sealed with `new`, in batches of 1,000; tells `progress`
/// (values copied, values in all).
fn copy_trees(
    from: &sled::Db,
    to: &sled::Db,
    old: Option<&seal::Sealer>,
    new: &seal::Sealer,
    mut progress: impl FnMut(u64, u64),
) -> Result<(), StoreError> {
    let names: Vec<_> = from
        .tree_names()
        .into_iter()
        .filter(|n| n.as_ref() != KEYRING_TREE.as_bytes())
        .collect();
    let mut total = 0u64;
    for name in &names {
        total += from.open_tree(name)?.len() as u64;
    }
    let mut done = 0u64;
    progress(0, total);
    for name in names {
        let src_raw = from.open_tree(&name)?;
        let dst = to.open_tree(&name)?;
        let (ad_name, sealed, clear) = sealing_of(&name);
        let src = tree::Tree::new(&src_raw, ad_name, old.filter(|_| sealed)).with_clear(clear);
        let out = tree::Tree::new(&dst, ad_name, sealed.then_some(new)).with_clear(clear);
        let mut batch = Vec::new();
        for entry in src.iter() {
            let (k, v) = entry?;
            batch.push((k.to_vec(), Some(v.to_vec())));
            if batch.len() == 1000 {
                done += batch.len() as u64;
                out.apply(std::mem::take(&mut batch))?;
                progress(done, total);
            }
        }
        done += batch.len() as u64;
        out.apply(batch)?;
        progress(done, total);
    }
    Ok(())
}

/// Takes workers off the list of a database sealed under `key` (a re-key's copy, before
/// it is opened as a store).
pub(crate) fn unlist_workers(
    db: &sled::Db,
    key: &seal::DataKey,
    names: &[String],
) -> Result<(), StoreError> {
    let sealer = seal::Sealer::new(key);
    let raw = db.open_tree(Slot::Meta.name())?;
    let meta = tree::Tree::new(&raw, Slot::Meta.name(), Some(&sealer)).with_clear(&[meta::SCHEMA]);
    let Some(bytes) = meta.get(meta::WORKERS)? else {
        return Ok(());
    };
    let mut workers: Vec<String> = codec::decode_value(&bytes)?;
    let gone: Vec<String> = names
        .iter()
        .map(|n| crate::model::text::fold_name(n))
        .collect();
    workers.retain(|w| !gone.contains(&crate::model::text::fold_name(w)));
    meta.insert(meta::WORKERS, codec::encode_value(&workers)?)
}

/// The most characters a worker's name has.
pub const MAX_WORKER_NAME: usize = 40;

/// A worker's name as stored: spaces collapsed, 1 to 40 characters.
pub fn check_worker_name(name: &str) -> Result<String, StoreError> {
    let name = crate::model::text::tidy_name(name);
    if name.is_empty() || name.chars().count() > MAX_WORKER_NAME {
        return Err(StoreError::WorkerNameLength {
            max: MAX_WORKER_NAME,
        });
    }
    // It signs every change (the author) and is shown on every laptop's audit trail.
    if let Some(hidden) = crate::model::text::Hidden::find(&name) {
        return Err(StoreError::HiddenInName {
            what: NameOf::Worker,
            hidden,
        });
    }
    Ok(name)
}

/// What to tell a person when the database engine fails: what happened and what to do.
fn sled_message(e: &sled::Error) -> String {
    match e {
        sled::Error::Io(io) => format!(
            "the database could not be read or written: {}",
            crate::disk::advice(io)
        ),
        sled::Error::Corruption { .. } => "the database is damaged (its files do not read back as they were written): restore it from a backup (daleel restore FILE), or start a new data folder and import the latest bundles from the other laptops (docs/recovery.md)".into(),
        other => format!(
            "the database could not be read or written ({other}): see docs/recovery.md (restore from a backup, or re-import bundles)"
        ),
    }
}

pub(crate) fn open_sled(dir: &Path) -> Result<sled::Db, StoreError> {
    let started = std::time::Instant::now();
    let mut repaired = false;
    loop {
        match sled::Config::new()
            .path(dir)
            .cache_capacity(CACHE_BYTES)
            .open()
        {
            Ok(db) => return Ok(db),
            Err(sled::Error::Io(e)) if e.to_string().contains("could not acquire lock") => {
                if started.elapsed() > std::time::Duration::from_secs(2) {
                    return Err(StoreError::Locked);
                }
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            Err(e @ sled::Error::Corruption { .. }) if !repaired => {
                repaired = true;
                let removed = remove_unfinished_snapshots(dir).map_err(sled::Error::Io)?;
                if removed == 0 {
                    return Err(e.into());
                }
                tracing::warn!(
                    removed,
                    "removed an unfinished sled snapshot left by a crash"
                );
            }
            Err(e) => return Err(e.into()),
        }
    }
}

/// Removes sled's `snap.*.generating` files in `dir`, returning how many there were.
fn remove_unfinished_snapshots(dir: &Path) -> std::io::Result<usize> {
    let mut removed = 0;
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with("snap.") && name.ends_with(".generating") {
            std::fs::remove_file(&path)?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// The key of a change in the log: origin key, then the sequence number big-endian.
pub fn change_key(origin: OriginId, seq: u64) -> Vec<u8> {
    let mut k = origin.0.to_vec();
    k.extend(seq.to_be_bytes());
    k
}

/// The origin and sequence number of a `change_key` (none for a key of another shape).
pub fn split_change_key(key: &[u8]) -> Option<(OriginId, u64)> {
    let (origin, seq) = key.split_first_chunk::<32>()?;
    let seq: [u8; 8] = seq.try_into().ok()?;
    Some((OriginId(*origin), u64::from_be_bytes(seq)))
}

fn read_u64(bytes: Option<&[u8]>) -> Result<u64, StoreError> {
    match bytes {
        None => Ok(0),
        Some(b) => Ok(u64::from_be_bytes(b.try_into().map_err(|_| {
            StoreError::Codec(CodecError::Decode("counter".into()))
        })?)),
    }
}
