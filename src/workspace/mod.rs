//! A data directory opened for use: the lock that keeps a second Daleel window out, the
//! device identity, and the store. Both the command line and the screens open one.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use zeroize::Zeroizing;

use crate::disk::{Access, rename_retrying, write_whole};
use crate::keyring::{KdfParams, Keyring, KeyringError};
use crate::store::audit::AuditAction;
use crate::store::seal::DataKey;
use crate::store::{DeviceInfo, Store, StoreError, SystemClock, WallClock};
use crate::sync::identity::{Identity, IdentityError};

/// The lock file's name inside the data directory.
pub const LOCK_FILE: &str = "daleel.lock";
/// The database folder inside the data directory.
pub use crate::store::DB_DIR;
/// The log file inside the data directory.
pub const LOG_FILE: &str = "daleel.log";

#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error(
        "this database is open in another Daleel window ({dir}): close that window first, or use another --data-dir"
    )]
    Locked { dir: PathBuf },
    #[error(
        "cannot use the data directory {dir}: {}; or choose another folder with --data-dir",
        crate::disk::advice(.source)
    )]
    Dir {
        dir: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Identity(#[from] IdentityError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Keyring(#[from] KeyringError),
    #[error(
        "a new database is encrypted and needs its first worker: give a name (--worker NAME or DALEEL_WORKER) and a passphrase of at least 8 characters (--passphrase-file FILE or DALEEL_PASSPHRASE)"
    )]
    NeedsFirstWorker,
    #[error(
        "this database is encrypted: give your passphrase (--passphrase-file FILE or DALEEL_PASSPHRASE), and your name (--worker NAME or DALEEL_WORKER) when the laptop has more than one worker"
    )]
    NeedsPassphrase,
    #[error(
        "this database was made before encryption and has no workers' passphrases yet: open it with a worker name and passphrase to encrypt it first"
    )]
    NotEncrypted,
    #[error("a worker cannot remove themselves: ask another worker of this laptop to do it")]
    RemoveSelf,
    #[error(
        "another task of this window still uses the database: wait for it to finish, then try again"
    )]
    Busy,
    #[error(transparent)]
    Backup(#[from] crate::backup::BackupError),
    #[error(
        "the database was restored, but this laptop could not be certified with the team key: {0}"
    )]
    NotCertified(Box<crate::sync::enrol::TeamOpError>),
}

/// What opens an encrypted database: a worker's name (needed when it has more than one
/// worker, and to make a new database) and passphrase.
#[derive(Clone, Default)]
pub struct Credentials {
    pub worker: Option<String>,
    pub passphrase: Option<Zeroizing<String>>,
    /// The Argon2 cost of a new database's first passphrase; `None` for the usual
    /// (`KdfParams::for_new`). Tests set a cheap one.
    pub params: Option<KdfParams>,
    /// Hears (values done, values in all) while a database made before encryption is
    /// encrypted.
    pub progress: Option<Arc<dyn Fn(u64, u64) + Send + Sync>>,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("worker", &self.worker.is_some())
            .field("passphrase", &self.passphrase.is_some())
            .finish()
    }
}

impl Credentials {
    pub fn new(worker: &str, passphrase: &str) -> Credentials {
        Credentials {
            worker: Some(worker.to_string()),
            passphrase: Some(Zeroizing::new(passphrase.to_string())),
            params: None,
            progress: None,
        }
    }

    /// `DALEEL_WORKER` and `DALEEL_PASSPHRASE`, where set.
    pub fn from_env() -> Credentials {
        Credentials {
            worker: std::env::var("DALEEL_WORKER")
                .ok()
                .filter(|w| !w.trim().is_empty()),
            passphrase: std::env::var("DALEEL_PASSPHRASE").ok().map(Zeroizing::new),
            params: None,
            progress: None,
        }
    }

    /// The same, with Argon2's least cost for a new database (tests only).
    pub fn cheap(mut self) -> Credentials {
        self.params = Some(KdfParams::CHEAP);
        self
    }
}

/// Checks a passphrase (Argon2: call it off the UI thread).
pub type PassphraseCheck = Arc<dyn Fn(&str) -> bool + Send + Sync>;

/// What the keyring says of a data directory before it is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protection {
    /// Nothing there yet: opening makes an encrypted database (and needs a first worker).
    New,
    /// Encrypted: opening needs a passphrase.
    Encrypted { workers: usize },
    /// Made before encryption: opens without a passphrase.
    Plain,
}

/// An open data directory. Dropping it releases the lock.
pub struct Workspace {
    pub dir: PathBuf,
    /// Shared with the screens' worker threads (an export signs with it).
    pub identity: Arc<Identity>,
    /// The store holds the data directory's lock: it stays locked while any clone of
    /// this `Arc` (a worker thread's) is alive.
    pub store: Arc<Store>,
    /// The data key of an encrypted database (none for one made before encryption).
    pub unlocked: Option<Unlocked>,
}

/// The workers of an encrypted database: list, add, and check a change that re-keys.
pub struct Workers {
    store: Arc<Store>,
    unlocked: Unlocked,
}

impl Workers {
    fn ring(&self) -> Result<Keyring, WorkspaceError> {
        Ok(Keyring::open(self.store.db())?)
    }

    /// The workers who can open this database, in the order they were added.
    pub fn list(&self) -> Result<Vec<String>, WorkspaceError> {
        let ring = self.ring()?;
        let mut out = Vec::new();
        for name in self.store.workers()? {
            if ring.has(&name)? {
                out.push(name);
            }
        }
        Ok(out)
    }

    /// Lets another worker open this database with their own passphrase.
    pub fn add(&self, name: &str, passphrase: &str) -> Result<(), WorkspaceError> {
        crate::store::check_worker_name(name)?;
        self.ring()?
            .add(name, passphrase, self.unlocked.params, &self.unlocked.key)?;
        self.store.add_worker_name(name)?;
        self.store.audit_worker(AuditAction::WorkerAdd, name)?;
        Ok(())
    }

    /// Whether `change` may be made, before the database is closed for it: the workers
    /// named are workers here; nobody removes themselves (the screen's lock would then
    /// have no passphrase to open it) or the last worker; a new passphrase is not too easy
    /// to guess; and every worker who stays has a slot that a new data key can be sealed
    /// to (one written by an earlier Daleel needs its worker to unlock once first).
    /// Returns the change with the names spelt as the workers' list has them.
    pub fn check(&self, change: &Rekey) -> Result<Rekey, WorkspaceError> {
        use crate::keyring::fold_name;
        let listed = self.list()?;
        let known = |name: &str| -> Result<String, WorkspaceError> {
            listed
                .iter()
                .find(|w| fold_name(w) == fold_name(name))
                .cloned()
                .ok_or(WorkspaceError::Keyring(KeyringError::NoSuchWorker))
        };
        let checked = match change {
            Rekey::Remove(names) => {
                let me = self.store.current_worker()?.unwrap_or_default();
                let mut found = Vec::new();
                for name in names {
                    let name = known(name)?;
                    if fold_name(&me) == fold_name(&name) {
                        return Err(WorkspaceError::RemoveSelf);
                    }
                    if !found.contains(&name) {
                        found.push(name);
                    }
                }
                Rekey::Remove(found)
            }
            Rekey::Passphrase { name, passphrase } => {
                let name = known(name)?;
                crate::keyring::check_passphrase(&name, passphrase).map_err(KeyringError::Weak)?;
                Rekey::Passphrase {
                    name,
                    passphrase: passphrase.clone(),
                }
            }
        };
        let changed: Vec<String> = match &checked {
            Rekey::Remove(names) => names.iter().map(|n| fold_name(n)).collect(),
            Rekey::Passphrase { name, .. } => vec![fold_name(name)],
        };
        let staying: Vec<String> = listed
            .into_iter()
            .filter(|w| !changed.contains(&fold_name(w)))
            .collect();
        if staying.is_empty() && matches!(checked, Rekey::Remove(_)) {
            return Err(KeyringError::LastWorker.into());
        }
        let old = self.ring()?.old_slots(&staying)?;
        if !old.is_empty() {
            return Err(KeyringError::OldSlots(old.join(", ")).into());
        }
        Ok(checked)
    }
}

/// A change of workers that gives the database a new data key: whoever knew the old
/// one (a worker removed, a passphrase changed) opens nothing of what is written after
/// it (docs/threat-model.md).
#[derive(Clone)]
pub enum Rekey {
    /// These workers leave.
    Remove(Vec<String>),
    /// This worker gets a new passphrase (and a new key pair).
    Passphrase {
        name: String,
        passphrase: Zeroizing<String>,
    },
}

impl std::fmt::Debug for Rekey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rekey::Remove(names) => f.debug_tuple("Remove").field(&names.len()).finish(),
            Rekey::Passphrase { .. } => f.write_str("Passphrase"),
        }
    }
}

impl Rekey {
    fn change(&self, params: KdfParams) -> crate::keyring::Change<'_> {
        match self {
            Rekey::Remove(names) => crate::keyring::Change::Remove(names),
            Rekey::Passphrase { name, passphrase } => crate::keyring::Change::Passphrase {
                name,
                passphrase,
                params,
            },
        }
    }
}

/// A re-key that did not happen, or whose database could not be opened after: why, and
/// the data directory open again as it is now (none when it could not be opened).
pub struct NotRekeyed {
    pub error: WorkspaceError,
    pub workspace: Option<Workspace>,
}

impl std::fmt::Debug for NotRekeyed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NotRekeyed({})", self.error)
    }
}

/// What an unlocked database keeps to manage its workers.
#[derive(Clone)]
pub struct Unlocked {
    key: DataKey,
    /// The Argon2 cost of passphrases set from now on.
    params: KdfParams,
}

impl Workspace {
    /// Opens the data directory `dir`, creating it on first use.
    pub fn open(dir: &Path, credentials: &Credentials) -> Result<Workspace, WorkspaceError> {
        Workspace::open_with_clock(dir, Arc::new(SystemClock), credentials)
    }

    /// Whether `dir` holds a new, an encrypted or a plain database (to know what to ask
    /// before opening it). Takes the lock for the moment it looks.
    pub fn protection(dir: &Path) -> Result<Protection, WorkspaceError> {
        if !dir.is_dir() {
            return Ok(Protection::New);
        }
        let _lock = lock(dir)?;
        // A switch to an encrypted folder (or to a restored database) that a crash
        // interrupted is finished first, so that a half-switched directory is not taken
        // for a new one.
        finish_interrupted(dir)?;
        if !dir.join(DB_DIR).exists() {
            return Ok(Protection::New);
        }
        let db = crate::store::open_sled(&dir.join(DB_DIR))?;
        protection_of(&db)
    }

    pub fn open_with_clock(
        dir: &Path,
        clock: Arc<dyn WallClock>,
        credentials: &Credentials,
    ) -> Result<Workspace, WorkspaceError> {
        let lock = Workspace::take(dir)?;
        Workspace::open_locked(dir, lock, clock, credentials)
    }

    /// Creates the data directory when it is new, takes its lock, and finishes a switch
    /// that a crash interrupted.
    fn take(dir: &Path) -> Result<File, WorkspaceError> {
        let note = crate::disk::make_private(dir).map_err(|source| WorkspaceError::Dir {
            dir: dir.to_path_buf(),
            source,
        })?;
        if note.is_some() {
            tracing::warn!("the data directory could not be made private");
        }
        let lock = lock(dir)?;
        finish_interrupted(dir)?;
        crate::disk::remove_leftovers(dir);
        Ok(lock)
    }

    /// `daleel restore`: rebuilds the database of `backup` in a fresh folder, switches
    /// this data directory over to it (the database there before is kept aside), and
    /// opens it under a new device identity. With the team key in the backup, the new
    /// identity is certified as the old one was, a coordinator.
    pub fn restore(
        dir: &Path,
        backup: &Path,
        clock: Arc<dyn WallClock>,
        credentials: &Credentials,
        progress: impl FnMut(u64),
    ) -> Result<(Workspace, crate::backup::RestoreSummary), WorkspaceError> {
        let lock = Workspace::take(dir)?;
        let passphrase = credentials
            .passphrase
            .as_ref()
            .ok_or(WorkspaceError::NeedsPassphrase)?;
        let summary = crate::backup::restore(
            dir,
            backup,
            credentials.worker.as_deref(),
            passphrase,
            progress,
        )?;
        let ws = Workspace::open_locked(dir, lock, clock, credentials)?;
        if let Some(key) = &summary.team_key {
            ws.team()
                .certify_restored(key, summary.old_origin)
                .map_err(|e| WorkspaceError::NotCertified(Box::new(e)))?;
        }
        ws.store.audit(
            AuditAction::Restore,
            None,
            &format!(
                "backup of {} made {}",
                summary.old_device,
                summary.made_at.rfc3339()
            ),
            summary.entries,
        )?;
        Ok((ws, summary))
    }

    /// Opens the data directory `dir`, whose lock the caller took.
    fn open_locked(
        dir: &Path,
        lock: File,
        clock: Arc<dyn WallClock>,
        credentials: &Credentials,
    ) -> Result<Workspace, WorkspaceError> {
        let mut db = crate::store::open_sled(&dir.join(DB_DIR))?;
        let (key, worker): (Option<DataKey>, Option<String>) = match protection_of(&db)? {
            Protection::Encrypted { .. } => {
                let passphrase = credentials
                    .passphrase
                    .as_ref()
                    .ok_or(WorkspaceError::NeedsPassphrase)?;
                // A slot of an earlier Daleel is rewritten so that a re-key can reach it.
                let (key, name) = Keyring::open(&db)?
                    .unlock_upgrading(credentials.worker.as_deref(), passphrase)?;
                (Some(key), Some(name))
            }
            Protection::New => {
                let (Some(name), Some(passphrase)) = (&credentials.worker, &credentials.passphrase)
                else {
                    return Err(WorkspaceError::NeedsFirstWorker);
                };
                let name = crate::store::check_worker_name(name)?;
                let key = DataKey::random();
                let params = credentials.params.unwrap_or_else(KdfParams::for_new);
                Keyring::open(&db)?.add(&name, passphrase, params, &key)?;
                (Some(key), Some(name))
            }
            Protection::Plain => match (&credentials.worker, &credentials.passphrase) {
                // Made before encryption, opened with a worker and passphrase: encrypted
                // now, in a fresh directory, then switched over.
                (Some(name), Some(passphrase)) => {
                    let name = crate::store::check_worker_name(name)?;
                    let key = DataKey::random();
                    let params = credentials.params.unwrap_or_else(KdfParams::for_new);
                    let progress = credentials.progress.clone();
                    let first = (name.as_str(), passphrase.as_str(), params);
                    db = encrypt_plain(dir, db, &key, first, |done, all| {
                        if let Some(p) = &progress {
                            p(done, all);
                        }
                    })?;
                    (Some(key), Some(name))
                }
                _ => (None, None),
            },
        };
        let params = credentials.params.unwrap_or_else(KdfParams::for_new);
        Workspace::assemble(dir, db, lock, clock, (key, worker), params)
    }

    /// The workspace over an open database, with its data key (none for one made before
    /// encryption) and the worker who unlocked it.
    fn assemble(
        dir: &Path,
        db: sled::Db,
        lock: File,
        clock: Arc<dyn WallClock>,
        (key, worker): (Option<DataKey>, Option<String>),
        params: KdfParams,
    ) -> Result<Workspace, WorkspaceError> {
        let (identity, _) = Identity::load_or_create_sealed(dir, key.as_ref())?;
        let device = DeviceInfo {
            origin: identity.origin(),
            code: identity.code(),
        };
        let store = Arc::new(
            Store::from_db(db, device, clock, Some(lock), key.as_ref())?
                .with_audit_head(dir.join(crate::store::audit::HEAD_FILE)),
        );
        if let Some(name) = worker {
            // The worker who unlocked is the one recorded on changes.
            store.set_worker(&name)?;
        }
        // A bundle staged before a crash is applied whole before anything is shown, and
        // an erasure's redaction is finished.
        store.apply_staged(|_| {})?;
        store.finish_erasures()?;
        Ok(Workspace {
            dir: dir.to_path_buf(),
            identity: Arc::new(identity),
            store,
            unlocked: key.map(|key| Unlocked { key, params }),
        })
    }

    /// The data key of an encrypted database (a backup is sealed under it).
    pub fn data_key(&self) -> Option<&DataKey> {
        self.unlocked.as_ref().map(|u| &u.key)
    }

    /// What team commands work on (docs/teams.md): shareable with the screens' threads.
    pub fn team(&self) -> crate::sync::enrol::TeamHandle {
        crate::sync::enrol::TeamHandle {
            store: self.store.clone(),
            identity: self.identity.clone(),
            dir: self.dir.clone(),
            key: self.unlocked.as_ref().map(|u| u.key.clone()),
        }
    }

    /// The workers of an encrypted database, as a handle the screens can keep and use on
    /// a worker thread (setting a passphrase runs Argon2).
    pub fn workers_handle(&self) -> Result<Arc<Workers>, WorkspaceError> {
        let unlocked = self.unlocked.as_ref().ok_or(WorkspaceError::NotEncrypted)?;
        Ok(Arc::new(Workers {
            store: self.store.clone(),
            unlocked: unlocked.clone(),
        }))
    }

    /// The workers who can open this database, in the order they were added.
    pub fn workers(&self) -> Result<Vec<String>, WorkspaceError> {
        self.workers_handle()?.list()
    }

    /// Lets another worker open this database with their own passphrase.
    pub fn add_worker(&self, name: &str, passphrase: &str) -> Result<(), WorkspaceError> {
        self.workers_handle()?.add(name, passphrase)
    }

    /// Makes `change` with a new data key: the database is copied into a fresh folder
    /// with every sealed value, the device key and the team key sealed again under the
    /// new key, and the keyring rebuilt (keyring::Keyring::rekey_into); then the copy
    /// takes the place of the database, crash-safe (`finish_rekey`), and the old files
    /// are deleted. `progress` hears (values copied, values in all). The workspace is
    /// closed for it (the screens' threads let go of the store first) and opened again
    /// under the new key, by the same worker.
    pub fn rekey(
        self,
        change: &Rekey,
        progress: impl FnMut(u64, u64),
    ) -> Result<Workspace, Box<NotRekeyed>> {
        let checked = self.workers_handle().and_then(|w| {
            let change = w.check(change)?;
            Ok((change, w.unlocked.clone(), self.store.current_worker()?))
        });
        let (change, unlocked, worker) = match checked {
            Ok(found) => found,
            Err(error) => {
                return Err(Box::new(NotRekeyed {
                    error,
                    workspace: Some(self),
                }));
            }
        };
        let dir = self.dir.clone();
        let clock = self.store.clock();
        let (db, lock) = self.close()?;
        let new_key = DataKey::random();
        let (committed, result) = rekey_dir(
            &dir,
            db,
            (&unlocked.key, &new_key),
            change.change(unlocked.params),
            progress,
        );
        let key = if committed { new_key } else { unlocked.key };
        let reopened = Workspace::open_with_key(&dir, lock, clock, key, worker, unlocked.params);
        match (result, reopened) {
            // Audited in the new database, with the names as its list keeps them.
            (Ok(()), Ok(ws)) => match ws.note_rekey(&change) {
                Ok(()) => Ok(ws),
                Err(error) => Err(Box::new(NotRekeyed {
                    error: error.into(),
                    workspace: Some(ws),
                })),
            },
            (Ok(()), Err(error)) => Err(Box::new(NotRekeyed {
                error,
                workspace: None,
            })),
            (Err(error), reopened) => Err(Box::new(NotRekeyed {
                error,
                workspace: reopened.ok(),
            })),
        }
    }

    /// The audit entries of a re-key done (a worker removed, a passphrase set); the
    /// copy's list of names already left the removed workers out.
    fn note_rekey(&self, change: &Rekey) -> Result<(), StoreError> {
        match change {
            Rekey::Remove(names) => {
                for name in names {
                    self.store.audit_worker(AuditAction::WorkerRemove, name)?;
                }
                Ok(())
            }
            Rekey::Passphrase { name, .. } => {
                self.store.audit_worker(AuditAction::Passphrase, name)
            }
        }
    }

    /// Closes the workspace, keeping its lock: the sled database and the lock file.
    /// Waits a while for other holders of the store (the screens' worker threads).
    fn close(self) -> Result<(sled::Db, File), Box<NotRekeyed>> {
        let Workspace {
            dir,
            identity,
            mut store,
            unlocked,
        } = self;
        let started = std::time::Instant::now();
        let store = loop {
            match Arc::try_unwrap(store) {
                Ok(s) => break s,
                Err(shared) if started.elapsed() < std::time::Duration::from_secs(30) => {
                    store = shared;
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                Err(shared) => {
                    let ws = Workspace {
                        dir,
                        identity,
                        store: shared,
                        unlocked,
                    };
                    return Err(Box::new(NotRekeyed {
                        error: WorkspaceError::Busy,
                        workspace: Some(ws),
                    }));
                }
            }
        };
        drop(identity);
        match store.close() {
            Ok((db, Some(lock))) => Ok((db, lock)),
            Ok((_, None)) => Err(Box::new(NotRekeyed {
                error: WorkspaceError::Busy,
                workspace: None,
            })),
            Err(e) => Err(Box::new(NotRekeyed {
                error: e.into(),
                workspace: None,
            })),
        }
    }

    /// Opens the data directory under a data key already known (after a re-key), with
    /// its lock held.
    fn open_with_key(
        dir: &Path,
        lock: File,
        clock: Arc<dyn WallClock>,
        key: DataKey,
        worker: Option<String>,
        params: KdfParams,
    ) -> Result<Workspace, WorkspaceError> {
        finish_interrupted(dir)?;
        let db = crate::store::open_sled(&dir.join(DB_DIR))?;
        Workspace::assemble(dir, db, lock, clock, (Some(key), worker), params)
    }

    /// Checks a passphrase of the worker working now (the screens' idle lock); none for a
    /// database made before encryption, which has no passphrase to check.
    pub fn unlocker(&self) -> Option<PassphraseCheck> {
        self.unlocked.as_ref()?;
        let ring = Keyring::open(self.store.db()).ok()?;
        let store = self.store.clone();
        Some(Arc::new(move |passphrase: &str| {
            let worker = store.current_worker().ok().flatten();
            ring.unlock(worker.as_deref(), passphrase).is_ok()
        }))
    }
}

/// Where a database made before encryption is rebuilt encrypted.
const ENCRYPTING_DIR: &str = "db.encrypting";
/// Written (and synced) once the encrypted copy is whole: from then on, the switch is
/// finished on every open until it is done.
const ENCRYPTED_MARK: &str = "db.encrypted-complete";
/// Where the plaintext database waits for deletion during the switch.
const PLAIN_OLD_DIR: &str = "db.plain-old";

/// Finishes (or undoes) an encryption that a crash interrupted: a whole encrypted copy
/// replaces the plaintext database, which is then deleted; an unfinished copy is
/// deleted, the plaintext database untouched. Runs under the data directory's lock.
fn finish_switch(dir: &Path) -> Result<(), WorkspaceError> {
    let io = |source| WorkspaceError::Dir {
        dir: dir.to_path_buf(),
        source,
    };
    let building = dir.join(ENCRYPTING_DIR);
    let mark = dir.join(ENCRYPTED_MARK);
    let db = dir.join(DB_DIR);
    let old = dir.join(PLAIN_OLD_DIR);
    if mark.exists() {
        if building.exists() {
            if db.exists() {
                rename_retrying(&db, &old).map_err(io)?;
            }
            rename_retrying(&building, &db).map_err(io)?;
            sync_dir(dir);
        }
        if old.exists() {
            fs::remove_dir_all(&old).map_err(io)?;
        }
        fs::remove_file(&mark).map_err(io)?;
        sync_dir(dir);
    } else if building.exists() {
        fs::remove_dir_all(&building).map_err(io)?;
    }
    Ok(())
}

/// Finishes (or undoes) what a crash interrupted in the data directory: a switch to an
/// encrypted database, a re-key, and a restore. Runs under the directory's lock, before the
/// database is opened.
fn finish_interrupted(dir: &Path) -> Result<(), WorkspaceError> {
    finish_switch(dir)?;
    finish_rekey(dir)?;
    crate::backup::finish(dir).map_err(|source| WorkspaceError::Dir {
        dir: dir.to_path_buf(),
        source,
    })
}

fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Rebuilds a database made before encryption with its values sealed under `key`, in a
/// fresh directory, and switches over: the plaintext files are deleted once the copy is
/// whole. Returns the encrypted database, open.
fn encrypt_plain(
    dir: &Path,
    plain: sled::Db,
    key: &DataKey,
    (name, passphrase, params): (&str, &str, KdfParams),
    progress: impl FnMut(u64, u64),
) -> Result<sled::Db, WorkspaceError> {
    let io = |source| WorkspaceError::Dir {
        dir: dir.to_path_buf(),
        source,
    };
    let building = dir.join(ENCRYPTING_DIR);
    if building.exists() {
        fs::remove_dir_all(&building).map_err(io)?;
    }
    {
        let sealed = crate::store::open_sled(&building)?;
        crate::store::copy_sealed(&plain, &sealed, key, progress)?;
        // The first worker's wrapped key goes in before the switch: a sealed database
        // is never without its keyring, whenever the process stops.
        Keyring::open(&sealed)?.add(name, passphrase, params, key)?;
        sealed.flush().map_err(StoreError::from)?;
    }
    drop(plain);
    write_whole(
        &dir.join(ENCRYPTED_MARK),
        b"encrypted copy complete\n",
        Access::Owner,
    )
    .map_err(io)?;
    finish_switch(dir)?;
    Ok(crate::store::open_sled(&dir.join(DB_DIR))?)
}

/// Where a re-key builds the database's copy under the new data key, with the key files.
pub const REKEYING_DIR: &str = "rekeying";
/// Written (and synced) in `REKEYING_DIR` once the copy is whole: from then on, the
/// switch is finished on every open until it is done.
const REKEYED_MARK: &str = "complete";
/// Where the files under the old data key wait for deletion during the switch.
pub const REKEY_OLD_DIR: &str = "rekey-old";
/// What a re-key replaces: the database and every file sealed under the data key.
const REKEYED: &[&str] = &[
    DB_DIR,
    crate::sync::identity::KEY_FILE,
    crate::sync::enrol::TEAM_KEY_FILE,
];

/// Builds the re-keyed copy of `db` in `dir/rekeying` (values, keyring, device and team
/// keys, all under `new`), marks it whole, and switches it in. Returns whether the copy
/// was marked whole (from then on the new key is the one), and how it went.
fn rekey_dir(
    dir: &Path,
    db: sled::Db,
    (old, new): (&DataKey, &DataKey),
    change: crate::keyring::Change<'_>,
    progress: impl FnMut(u64, u64),
) -> (bool, Result<(), WorkspaceError>) {
    let io = |source| WorkspaceError::Dir {
        dir: dir.to_path_buf(),
        source,
    };
    let build = dir.join(REKEYING_DIR);
    let built = (|| -> Result<(), WorkspaceError> {
        if build.exists() {
            fs::remove_dir_all(&build).map_err(io)?;
        }
        crate::disk::make_private(&build).map_err(io)?;
        {
            let copy = crate::store::open_sled(&build.join(DB_DIR))?;
            crate::store::copy_resealed(&db, &copy, (old, new), progress)?;
            Keyring::open(&db)?.rekey_into(&Keyring::open(&copy)?, change, new)?;
            if let crate::keyring::Change::Remove(names) = change {
                crate::store::unlist_workers(&copy, new, names)?;
            }
            copy.flush().map_err(StoreError::from)?;
        }
        for name in &REKEYED[1..] {
            if let Some(key) = Identity::load_file(&dir.join(name), Some(old))? {
                key.save(&build.join(name), Some(new))?;
            }
        }
        write_whole(
            &build.join(REKEYED_MARK),
            b"re-keyed copy complete\n",
            Access::Owner,
        )
        .map_err(io)?;
        sync_dir(&build);
        Ok(())
    })();
    drop(db);
    if let Err(e) = built {
        let _ = fs::remove_dir_all(&build);
        return (false, Err(e));
    }
    (true, finish_rekey(dir))
}

/// Finishes (or undoes) a re-key that a crash interrupted: with the mark, each file of
/// the copy takes the place of the one under the old key (moved aside to `rekey-old`
/// first), then the old files are deleted; each step can be done again after a crash.
/// Without the mark, the unfinished copy is deleted and the database is untouched. Runs
/// under the data directory's lock.
fn finish_rekey(dir: &Path) -> Result<(), WorkspaceError> {
    let io = |source| WorkspaceError::Dir {
        dir: dir.to_path_buf(),
        source,
    };
    let build = dir.join(REKEYING_DIR);
    let old = dir.join(REKEY_OLD_DIR);
    let mark = build.join(REKEYED_MARK);
    if mark.exists() {
        for name in REKEYED {
            let new = build.join(name);
            if !new.exists() {
                continue;
            }
            let current = dir.join(name);
            if current.exists() {
                fs::create_dir_all(&old).map_err(io)?;
                let aside = old.join(name);
                // Left by an earlier try cut short: under the old key too.
                remove_any(&aside).map_err(io)?;
                rename_retrying(&current, &aside).map_err(io)?;
            }
            rename_retrying(&new, &current).map_err(io)?;
        }
        sync_dir(dir);
        if old.exists() {
            fs::remove_dir_all(&old).map_err(io)?;
        }
        fs::remove_file(&mark).map_err(io)?;
        fs::remove_dir_all(&build).map_err(io)?;
        sync_dir(dir);
    } else {
        for unfinished in [&build, &old] {
            if unfinished.exists() {
                fs::remove_dir_all(unfinished).map_err(io)?;
            }
        }
    }
    Ok(())
}

/// Removes a file or a folder, if there.
fn remove_any(path: &Path) -> std::io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => fs::remove_dir_all(path),
        Ok(_) => fs::remove_file(path),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// New, encrypted or plain, from an open database: a keyring means encrypted; no keyring
/// and no device origin recorded means nothing was ever stored.
fn protection_of(db: &sled::Db) -> Result<Protection, WorkspaceError> {
    let workers = Keyring::open(db)?.count()?;
    if workers > 0 {
        return Ok(Protection::Encrypted { workers });
    }
    let meta = db
        .open_tree(crate::store::Slot::Meta.name())
        .map_err(StoreError::from)?;
    if meta.is_empty() {
        return Ok(Protection::New);
    }
    // A plain database keeps its origin as the 32 bytes of a public key; sealed values
    // are longer. Sealed values without a keyring are never encrypted a second time.
    match meta
        .get(crate::store::meta::ORIGIN)
        .map_err(StoreError::from)?
    {
        Some(origin) if origin.len() != 32 => Err(WorkspaceError::Keyring(KeyringError::Damaged)),
        _ => Ok(Protection::Plain),
    }
}

/// Takes the data directory's lock, held for as long as the file stays open. The
/// operating system releases it when the process ends, even after a crash.
fn lock(dir: &Path) -> Result<File, WorkspaceError> {
    let path = dir.join(LOCK_FILE);
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|source| WorkspaceError::Dir {
            dir: dir.to_path_buf(),
            source,
        })?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(fs::TryLockError::WouldBlock) => Err(WorkspaceError::Locked {
            dir: dir.to_path_buf(),
        }),
        Err(fs::TryLockError::Error(source)) => Err(WorkspaceError::Dir {
            dir: dir.to_path_buf(),
            source,
        }),
    }
}

/// The data directory when neither `--data-dir` nor `DALEEL_DATA_DIR` names one.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "Daleel", "daleel").map(|d| d.data_dir().to_path_buf())
}

/// The config file: `config.toml` in the data directory when one was named (portable
/// mode, e.g. on a USB stick), else in the user's config directory.
pub fn config_path(data_dir: &Path, data_dir_named: bool) -> PathBuf {
    if data_dir_named {
        return data_dir.join("config.toml");
    }
    directories::ProjectDirs::from("org", "Daleel", "daleel")
        .map(|d| d.config_dir().join("config.toml"))
        .unwrap_or_else(|| data_dir.join("config.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn creds() -> Credentials {
        Credentials::new("Amal H.", "test passphrase").cheap()
    }

    #[test]
    fn a_new_database_needs_a_first_worker_and_then_their_passphrase() {
        let dir = tempfile::tempdir().expect("tempdir");
        let err = Workspace::open(dir.path(), &Credentials::default())
            .err()
            .expect("no worker");
        assert!(matches!(err, WorkspaceError::NeedsFirstWorker), "{err}");
        assert_eq!(
            Workspace::protection(dir.path()).expect("p"),
            Protection::New,
            "nothing was made"
        );
        let ws = Workspace::open(dir.path(), &creds()).expect("made");
        assert!(ws.store.is_sealed());
        assert_eq!(
            ws.store.current_worker().expect("w").as_deref(),
            Some("Amal H.")
        );
        drop(ws);
        assert_eq!(
            Workspace::protection(dir.path()).expect("p"),
            Protection::Encrypted { workers: 1 }
        );
        let err = Workspace::open(dir.path(), &Credentials::default())
            .err()
            .expect("locked");
        assert!(matches!(err, WorkspaceError::NeedsPassphrase), "{err}");
        let wrong = Credentials::new("Amal H.", "not the passphrase");
        let err = Workspace::open(dir.path(), &wrong).err().expect("wrong");
        assert!(
            err.to_string().starts_with("the passphrase is wrong"),
            "{err}"
        );
        let mut no_name = creds();
        no_name.worker = None;
        let ws = Workspace::open(dir.path(), &no_name).expect("one worker: no name needed");
        assert_eq!(
            ws.store.current_worker().expect("w").as_deref(),
            Some("Amal H.")
        );
    }

    #[test]
    fn the_device_key_is_sealed_in_an_encrypted_database() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = Workspace::open(dir.path(), &creds()).expect("open");
        let file = fs::read(dir.path().join(crate::sync::identity::KEY_FILE)).expect("key");
        assert!(file.starts_with(b"DLK2"));
        let signed = ws.identity.sign(b"message");
        drop(ws);
        let reopened = Workspace::open(dir.path(), &creds()).expect("reopen");
        assert_eq!(
            reopened.identity.sign(b"message"),
            signed,
            "the same key, read back through the seal"
        );
    }

    #[test]
    fn a_second_open_is_refused_with_a_plain_message() {
        let dir = tempfile::tempdir().expect("tempdir");
        let first = Workspace::open(dir.path(), &creds()).expect("first open");
        let err = Workspace::open(dir.path(), &creds())
            .err()
            .expect("second open refused");
        assert!(
            err.to_string()
                .starts_with("this database is open in another Daleel window"),
            "{err}"
        );
        drop(first);
        Workspace::open(dir.path(), &creds()).expect("open again once the first is closed");
    }

    #[test]
    fn the_lock_is_held_while_a_worker_keeps_the_store() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = Workspace::open(dir.path(), &creds()).expect("open");
        let worker_copy = ws.store.clone();
        drop(ws);
        let err = Workspace::open(dir.path(), &creds())
            .err()
            .expect("still locked");
        assert!(matches!(err, WorkspaceError::Locked { .. }), "{err}");
        drop(worker_copy);
        Workspace::open(dir.path(), &creds()).expect("free once the last copy is gone");
    }

    #[cfg(unix)]
    #[test]
    fn a_new_data_directory_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let parent = tempfile::tempdir().expect("tempdir");
        let dir = parent.path().join("data");
        drop(Workspace::open(&dir, &creds()).expect("open"));
        let mode = fs::metadata(&dir).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
    }

    #[test]
    fn the_identity_survives_reopening() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fp = Workspace::open(dir.path(), &creds())
            .expect("open")
            .identity
            .fingerprint();
        let again = Workspace::open(dir.path(), &creds()).expect("reopen");
        assert_eq!(again.identity.fingerprint(), fp);
    }

    /// A data directory in the middle of a re-key's switch: a database, device key and
    /// team key under the old key, their copies under the new one marked whole, and
    /// `done` of the switch's renames and deletions already made (a crash).
    fn half_rekeyed(done: usize) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("dir");
        let d = dir.path();
        let build = d.join(REKEYING_DIR);
        let old = d.join(REKEY_OLD_DIR);
        for root in [d, build.as_path()] {
            let what = if root == d { "old" } else { "new" };
            fs::create_dir_all(root.join("db")).expect("db");
            fs::write(root.join("db/marker"), what).expect("w");
            fs::write(root.join("device.key"), what).expect("w");
            fs::write(root.join("team.key"), what).expect("w");
        }
        fs::write(build.join(REKEYED_MARK), "whole").expect("w");
        fs::create_dir_all(&old).expect("old");
        let mut steps: Vec<Box<dyn Fn()>> = Vec::new();
        for name in ["db", "device.key", "team.key"] {
            let (current, aside, new) = (d.join(name), old.join(name), build.join(name));
            steps.push(Box::new(move || {
                fs::rename(&current, &aside).expect("aside")
            }));
            let (new, current) = (new, d.join(name));
            steps.push(Box::new(move || fs::rename(&new, &current).expect("in")));
        }
        let o = old.clone();
        steps.push(Box::new(move || fs::remove_dir_all(&o).expect("rm old")));
        let m = build.join(REKEYED_MARK);
        steps.push(Box::new(move || fs::remove_file(&m).expect("rm mark")));
        for step in steps.iter().take(done) {
            step();
        }
        dir
    }

    fn read(p: &Path) -> Option<String> {
        let p = if p.is_dir() {
            p.join("marker")
        } else {
            p.to_path_buf()
        };
        fs::read_to_string(p).ok()
    }

    #[test]
    fn a_rekey_cut_after_any_step_of_its_switch_finishes_the_same() {
        for done in 0..=8 {
            let dir = half_rekeyed(done);
            let d = dir.path();
            finish_rekey(d).unwrap_or_else(|e| panic!("after {done} steps: {e}"));
            // And once more, as the next open would.
            finish_rekey(d).expect("again");
            for name in ["db", "device.key", "team.key"] {
                assert_eq!(
                    read(&d.join(name)).as_deref(),
                    Some("new"),
                    "{done}: {name}"
                );
            }
            assert!(!d.join(REKEYING_DIR).exists(), "{done}");
            assert!(
                !d.join(REKEY_OLD_DIR).exists(),
                "{done}: the old files are deleted"
            );
        }
    }

    #[test]
    fn a_rekey_cut_before_its_mark_is_undone() {
        let dir = half_rekeyed(0);
        let d = dir.path();
        fs::remove_file(d.join(REKEYING_DIR).join(REKEYED_MARK)).expect("rm");
        finish_interrupted(d).expect("finish");
        for name in ["db", "device.key", "team.key"] {
            assert_eq!(read(&d.join(name)).as_deref(), Some("old"), "{name}");
        }
        assert!(!d.join(REKEYING_DIR).exists() && !d.join(REKEY_OLD_DIR).exists());
    }

    fn as_worker(name: &str, passphrase: &str) -> Credentials {
        Credentials::new(name, passphrase).cheap()
    }

    #[test]
    fn a_rekey_keeps_everything_and_opens_with_the_remaining_workers_only() {
        use crate::model::{Household, Person};
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = Workspace::open(dir.path(), &creds()).expect("open");
        ws.add_worker("Yousif K.", "yousif's own phrase")
            .expect("add");
        let h = Household {
            id: uuid::Uuid::now_v7(),
            head: Person::new(uuid::Uuid::now_v7(), "Zainab Hassan"),
            ..Household::default()
        };
        ws.store
            .apply("Amal H.", &[crate::store::Edit::Household(h.clone())])
            .expect("save");
        let digest = ws.store.state_digest().expect("digest");
        let fingerprint = ws.identity.fingerprint();
        let old_key = ws.data_key().expect("key").bytes().to_owned();
        // Refused before anything is closed: the workspace comes back as it was.
        let not = ws
            .rekey(&Rekey::Remove(vec!["amal h.".into()]), |_, _| {})
            .err()
            .expect("not themselves");
        assert!(
            matches!(not.error, WorkspaceError::RemoveSelf),
            "{}",
            not.error
        );
        let ws = not.workspace.expect("still open");
        let mut seen = (0, 0);
        let ws = ws
            .rekey(&Rekey::Remove(vec!["Yousif K.".into()]), |done, all| {
                seen = (done, all)
            })
            .expect("rekeyed");
        assert!(seen.1 > 0 && seen.0 == seen.1, "{seen:?}");
        assert_ne!(ws.data_key().expect("key").bytes(), &old_key);
        assert_eq!(
            ws.store.state_digest().expect("digest"),
            digest,
            "nothing lost"
        );
        assert_eq!(ws.identity.fingerprint(), fingerprint, "the same device");
        assert_eq!(ws.workers().expect("w"), ["Amal H."]);
        assert_eq!(
            ws.store.current_worker().expect("w").as_deref(),
            Some("Amal H.")
        );
        let back: Household = ws.store.get(h.id).expect("get").expect("there");
        assert_eq!(back.head.name, "Zainab Hassan");
        // The re-keyed store takes changes as before.
        ws.store
            .apply(
                "Amal H.",
                &[crate::store::Edit::Household(Household {
                    phone: "0770 111 2222".into(),
                    ..back
                })],
            )
            .expect("save after");
        drop(ws);
        assert!(!dir.path().join(REKEYING_DIR).exists());
        assert!(!dir.path().join(REKEY_OLD_DIR).exists());
        let err = Workspace::open(dir.path(), &as_worker("Yousif K.", "yousif's own phrase"))
            .err()
            .expect("removed");
        assert!(
            err.to_string().starts_with("the passphrase is wrong"),
            "{err}"
        );
        // A new passphrase: the old one opens nothing, the new one everything.
        let ws = Workspace::open(dir.path(), &creds()).expect("amal");
        ws.add_worker("Yousif K.", "yousif's own phrase")
            .expect("again");
        let digest = ws.store.state_digest().expect("digest");
        let change = Rekey::Passphrase {
            name: "Amal H.".into(),
            passphrase: Zeroizing::new("lemon tractor violin".into()),
        };
        let ws = ws.rekey(&change, |_, _| {}).expect("rekeyed");
        assert_eq!(ws.store.state_digest().expect("digest"), digest);
        drop(ws);
        assert!(
            Workspace::open(dir.path(), &creds()).is_err(),
            "the old passphrase"
        );
        for (who, passphrase) in [
            ("Amal H.", "lemon tractor violin"),
            ("Yousif K.", "yousif's own phrase"),
        ] {
            let ws = Workspace::open(dir.path(), &as_worker(who, passphrase))
                .unwrap_or_else(|e| panic!("{who}: {e}"));
            assert_eq!(ws.store.state_digest().expect("digest"), digest, "{who}");
        }
    }

    #[test]
    fn a_database_refuses_another_device_key() {
        let dir = tempfile::tempdir().expect("tempdir");
        drop(Workspace::open(dir.path(), &creds()).expect("open"));
        fs::remove_file(dir.path().join(crate::sync::identity::KEY_FILE)).expect("rm key");
        let err = Workspace::open(dir.path(), &creds())
            .err()
            .expect("refused");
        assert!(err.to_string().contains("another device key"), "{err}");
    }
}
