//! Opening the database: sled (with a snapshot torn by a crash removed), the device's
//! origin checked against the one the database keeps, and an older schema migrated.

use std::path::Path;
use std::sync::{Arc, RwLock};

use super::{
    CACHE_BYTES, DeviceInfo, SCHEMA_VERSION, Slot, Store, StoreError, SystemClock, WallClock, meta,
    seal,
};
use crate::codec::CodecError;
use crate::model::Gazetteer;

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
    pub(super) fn from_parts(
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
        // Schema 5 added "not the same" records and the index of households closed as a
        // duplicate. The index is built from the households; a log that holds "not the
        // same" changes (kept, with no effect, by the older version that received them)
        // is folded again once the policy is loaded, so that they count.
        if (1..5).contains(&found) {
            self.build_duplicate_index()?;
            if self.log_holds_kind(<crate::model::Distinct as super::Entity>::KIND)? {
                meta.insert(meta::REFOLDING, [1])?;
            }
        }
        // Schema 6 stores organizations and services in format 2 (with what HSDS holds
        // beyond format 1: issue 18): each record of format 1 is written again as this
        // version writes it, as schema 4 did for households.
        if (1..6).contains(&found) {
            self.rewrite_older::<crate::model::Organization>()?;
            self.rewrite_older::<crate::model::Service>()?;
        }
        if found < SCHEMA_VERSION {
            meta.insert(meta::SCHEMA, SCHEMA_VERSION.to_be_bytes())?;
            self.db.flush()?;
        }
        Ok(())
    }

    /// Writes every record of kind `E` stored in an older format again in the current one.
    fn rewrite_older<E: super::entity::Entity>(&self) -> Result<(), StoreError> {
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
                let record: E = crate::codec::decode(&v)?;
                tree.insert(&k, crate::codec::encode(&record)?)?;
            }
        }
        Ok(())
    }
}

impl Store {
    /// Builds the index of households closed as a duplicate from the households (schema
    /// 3 to 4; building it again gives the same tree).
    fn build_duplicate_index(&self) -> Result<(), StoreError> {
        let index = self.tree(Slot::HouseholdsByDuplicateOf);
        for h in self.all::<crate::model::Household>() {
            for (slot, key) in super::Entity::index_keys(&h?) {
                if slot == Slot::HouseholdsByDuplicateOf {
                    index.insert(key, [])?;
                }
            }
        }
        Ok(())
    }

    /// Whether the change log holds a change of records of kind `kind`.
    fn log_holds_kind(&self, kind: &str) -> Result<bool, StoreError> {
        for v in self.tree(Slot::Changes).iter().values() {
            let change: crate::model::change::Change = crate::codec::decode(&v?)?;
            if change.envelope.entity.kind == kind {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// Trees of earlier schemas that no longer exist, dropped when a database is migrated.
const RETIRED_TREES: [&str; 3] = [
    "idx_households_location",
    "idx_services_sector",
    "idx_services_area",
];

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
