//! A data directory opened for use: the lock that keeps a second Daleel window out, the
//! device identity, and the store. Both the command line and the screens open one.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::store::{DeviceInfo, Store, StoreError, SystemClock, WallClock};
use crate::sync::identity::{Identity, IdentityError};

/// The lock file's name inside the data directory.
pub const LOCK_FILE: &str = "daleel.lock";
/// The database folder inside the data directory.
pub const DB_DIR: &str = "db";
/// The log file inside the data directory.
pub const LOG_FILE: &str = "daleel.log";

#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error(
        "this database is open in another Daleel window ({dir}): close that window first, or use another --data-dir"
    )]
    Locked { dir: PathBuf },
    #[error("cannot use the data directory {dir}: {source}; choose another folder with --data-dir")]
    Dir {
        dir: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Identity(#[from] IdentityError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// An open data directory. Dropping it releases the lock.
pub struct Workspace {
    pub dir: PathBuf,
    /// Shared with the screens' worker threads (an export signs with it).
    pub identity: Arc<Identity>,
    /// The store holds the data directory's lock: it stays locked while any clone of
    /// this `Arc` (a worker thread's) is alive.
    pub store: Arc<Store>,
}

impl Workspace {
    /// Opens the data directory `dir`, creating it on first use.
    pub fn open(dir: &Path) -> Result<Workspace, WorkspaceError> {
        Workspace::open_with_clock(dir, Arc::new(SystemClock))
    }

    pub fn open_with_clock(
        dir: &Path,
        clock: Arc<dyn WallClock>,
    ) -> Result<Workspace, WorkspaceError> {
        let dir_error = |source| WorkspaceError::Dir {
            dir: dir.to_path_buf(),
            source,
        };
        create_private_dir(dir).map_err(dir_error)?;
        let lock = lock(dir)?;
        let (identity, _) = Identity::load_or_create(dir)?;
        let device = DeviceInfo {
            origin: identity.origin(),
            code: identity.code(),
        };
        let store = Arc::new(Store::open_locked(
            &dir.join(DB_DIR),
            device,
            clock,
            Some(lock),
        )?);
        // A bundle staged before a crash is applied whole before anything is shown.
        store.apply_staged(|_| {})?;
        Ok(Workspace {
            dir: dir.to_path_buf(),
            identity: Arc::new(identity),
            store,
        })
    }
}

/// Creates the data directory readable by its owner only (on Unix), so that other
/// accounts on a shared laptop cannot read the database. An existing folder is left as
/// it is.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Who may read a file that `write_whole` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Its owner only (on Unix; elsewhere the folder's permissions apply): the device key.
    Owner,
    /// Whoever may read the folder: an identity card, meant to be handed on.
    Shared,
}

/// Writes a file whole or not at all: a temporary file beside it, fsync, then rename; the
/// temporary file is removed if anything fails.
pub fn write_whole(path: &Path, bytes: &[u8], access: Access) -> std::io::Result<()> {
    use std::io::Write;
    let tmp = path.with_extension("partial");
    let result = (|| {
        let mut options = fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        if access == Access::Owner {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        #[cfg(not(unix))]
        let _ = access;
        let mut file = options.open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
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

    #[test]
    fn a_second_open_is_refused_with_a_plain_message() {
        let dir = tempfile::tempdir().expect("tempdir");
        let first = Workspace::open(dir.path()).expect("first open");
        let err = Workspace::open(dir.path())
            .err()
            .expect("second open refused");
        assert!(
            err.to_string()
                .starts_with("this database is open in another Daleel window"),
            "{err}"
        );
        drop(first);
        Workspace::open(dir.path()).expect("open again once the first is closed");
    }

    #[test]
    fn the_lock_is_held_while_a_worker_keeps_the_store() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = Workspace::open(dir.path()).expect("open");
        let worker_copy = ws.store.clone();
        drop(ws);
        let err = Workspace::open(dir.path()).err().expect("still locked");
        assert!(matches!(err, WorkspaceError::Locked { .. }), "{err}");
        drop(worker_copy);
        Workspace::open(dir.path()).expect("free once the last copy is gone");
    }

    #[cfg(unix)]
    #[test]
    fn a_new_data_directory_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let parent = tempfile::tempdir().expect("tempdir");
        let dir = parent.path().join("data");
        drop(Workspace::open(&dir).expect("open"));
        let mode = fs::metadata(&dir).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
    }

    #[test]
    fn the_identity_survives_reopening() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fp = Workspace::open(dir.path())
            .expect("open")
            .identity
            .fingerprint();
        let again = Workspace::open(dir.path()).expect("reopen");
        assert_eq!(again.identity.fingerprint(), fp);
    }

    #[test]
    fn a_database_refuses_another_device_key() {
        let dir = tempfile::tempdir().expect("tempdir");
        drop(Workspace::open(dir.path()).expect("open"));
        fs::remove_file(dir.path().join(crate::sync::identity::KEY_FILE)).expect("rm key");
        let err = Workspace::open(dir.path()).err().expect("refused");
        assert!(err.to_string().contains("another device key"), "{err}");
    }
}
