//! A data directory opened for use: the lock that keeps a second Daleel window out, the
//! device identity, and the store. Both the command line and the screens open one. Its
//! workers are in workers.rs, a re-key in rekey.rs, and the encryption of a database made
//! before encryption in encrypt.rs.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use zeroize::Zeroizing;

use crate::keyring::{KdfParams, Keyring, KeyringError};
use crate::store::audit::AuditAction;
use crate::store::seal::DataKey;
use crate::store::{DeviceInfo, Store, StoreError, SystemClock, WallClock};
use crate::sync::identity::{Identity, IdentityError};

mod encrypt;
mod rekey;
mod workers;

use encrypt::{encrypt_plain, finish_switch};
use rekey::finish_rekey;

pub use rekey::{NotRekeyed, REKEY_OLD_DIR, REKEYING_DIR, Rekey};
pub use workers::Workers;

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

/// A data directory locked and its database open, not yet unlocked
/// (`Workspace::prepare`).
pub struct Prepared {
    dir: PathBuf,
    /// The database and the lock, until an open takes them (in that order, so that
    /// sled lets go of its files before the lock is released).
    held: Option<(sled::Db, File)>,
    protection: Protection,
}

impl Prepared {
    /// What the keyring said of the directory when it was prepared.
    pub fn protection(&self) -> Protection {
        self.protection
    }

    /// Opens the workspace with `credentials`. When they do not unlock it (a wrong
    /// passphrase or name), the database stays open for another try.
    pub fn open(&mut self, credentials: &Credentials) -> Result<Workspace, WorkspaceError> {
        self.open_with_clock(Arc::new(SystemClock), credentials)
    }

    /// `open`, with a clock (tests and benchmarks).
    pub fn open_with_clock(
        &mut self,
        clock: Arc<dyn WallClock>,
        credentials: &Credentials,
    ) -> Result<Workspace, WorkspaceError> {
        let (db, lock) = match self.held.take() {
            Some(held) => held,
            None => {
                let lock = Workspace::take(&self.dir)?;
                (crate::store::open_sled(&self.dir.join(DB_DIR))?, lock)
            }
        };
        Workspace::open_db(&self.dir, lock, db, clock, credentials).map_err(|refused| {
            let Refused(error, held) = *refused;
            self.held = held;
            error
        })
    }
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

    /// Takes the data directory's lock and opens its database, to say whether it is new,
    /// encrypted or plain (what to ask) and then open it without opening the database a
    /// second time: sled's open is the slowest part of a start on a large database, and
    /// here it is over while the passphrase is being typed.
    pub fn prepare(dir: &Path) -> Result<Prepared, WorkspaceError> {
        let lock = Workspace::take(dir)?;
        let db = crate::store::open_sled(&dir.join(DB_DIR))?;
        let protection = protection_of(&db)?;
        Ok(Prepared {
            dir: dir.to_path_buf(),
            held: Some((db, lock)),
            protection,
        })
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
        let db = crate::store::open_sled(&dir.join(DB_DIR))?;
        Workspace::open_db(dir, lock, db, clock, credentials).map_err(|refused| refused.0)
    }

    /// Opens the data directory `dir` over its database, opened under the lock the
    /// caller took. When the credentials do not unlock it, the lock and the database
    /// come back with the error, so that another try need not open the database again.
    fn open_db(
        dir: &Path,
        lock: File,
        db: sled::Db,
        clock: Arc<dyn WallClock>,
        credentials: &Credentials,
    ) -> Result<Workspace, Box<Refused>> {
        let failed = |e: WorkspaceError| Box::new(Refused(e, None));
        let (db, key, worker) = match protection_of(&db).map_err(failed)? {
            Protection::Encrypted { .. } => {
                let Some(passphrase) = credentials.passphrase.as_ref() else {
                    return Err(Box::new(Refused(
                        WorkspaceError::NeedsPassphrase,
                        Some((db, lock)),
                    )));
                };
                // A slot of an earlier Daleel is rewritten so that a re-key can reach it.
                let unlocked = Keyring::open(&db).and_then(|keyring| {
                    keyring.unlock_upgrading(credentials.worker.as_deref(), passphrase)
                });
                match unlocked {
                    Ok((key, name)) => (db, Some(key), Some(name)),
                    Err(e) => return Err(Box::new(Refused(e.into(), Some((db, lock))))),
                }
            }
            other => first_key(dir, db, other, credentials).map_err(failed)?,
        };
        let params = credentials.params.unwrap_or_else(KdfParams::for_new);
        Workspace::assemble(dir, db, lock, clock, (key, worker), params).map_err(failed)
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

/// The data key of a new database (made with its first worker) or of one made before
/// encryption (encrypted now, in a fresh directory, then switched over, when a worker and
/// passphrase are given; else none), with the database to go on with.
fn first_key(
    dir: &Path,
    db: sled::Db,
    protection: Protection,
    credentials: &Credentials,
) -> Result<(sled::Db, Option<DataKey>, Option<String>), WorkspaceError> {
    let (Some(name), Some(passphrase)) = (&credentials.worker, &credentials.passphrase) else {
        return match protection {
            Protection::Plain => Ok((db, None, None)),
            _ => Err(WorkspaceError::NeedsFirstWorker),
        };
    };
    let name = crate::store::check_worker_name(name)?;
    let key = DataKey::random();
    let params = credentials.params.unwrap_or_else(KdfParams::for_new);
    if protection == Protection::Plain {
        let progress = credentials.progress.clone();
        let first = (name.as_str(), passphrase.as_str(), params);
        let db = encrypt_plain(dir, db, &key, first, |done, all| {
            if let Some(p) = &progress {
                p(done, all);
            }
        })?;
        return Ok((db, Some(key), Some(name)));
    }
    Keyring::open(&db)?.add(&name, passphrase, params, &key)?;
    Ok((db, Some(key), Some(name)))
}

/// Why credentials did not open a database, with the lock and the open database when
/// they may be tried again (`Workspace::open_db`).
struct Refused(WorkspaceError, Option<(sled::Db, File)>);

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
    fn a_prepared_directory_stays_locked_and_open_between_tries_of_the_passphrase() {
        let dir = tempfile::tempdir().expect("tempdir");
        drop(Workspace::open(dir.path(), &creds()).expect("made"));
        let mut prepared = Workspace::prepare(dir.path()).expect("prepare");
        assert_eq!(prepared.protection(), Protection::Encrypted { workers: 1 });
        // While the passphrase is typed, another window is refused.
        let other = Workspace::open(dir.path(), &creds()).err().expect("locked");
        assert!(
            other
                .to_string()
                .starts_with("this database is open in another Daleel window"),
            "{other}"
        );
        let wrong = Credentials::new("Amal H.", "not the passphrase");
        let err = prepared.open(&wrong).err().expect("wrong");
        assert!(
            err.to_string().starts_with("the passphrase is wrong"),
            "{err}"
        );
        assert!(prepared.held.is_some(), "open for the next try");
        let none = prepared
            .open(&Credentials::default())
            .err()
            .expect("no passphrase");
        assert!(matches!(none, WorkspaceError::NeedsPassphrase), "{none}");
        assert!(prepared.held.is_some(), "open for the next try");
        let ws = prepared.open(&creds()).expect("the right passphrase");
        assert!(prepared.held.is_none(), "the workspace took the database");
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
