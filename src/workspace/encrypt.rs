//! A database made before encryption is encrypted when a worker first opens it with a
//! passphrase: rebuilt with its values sealed in a fresh folder, then switched in; a crash
//! is finished or undone when the data directory is next opened.

use std::fs;
use std::path::Path;

use super::{DB_DIR, WorkspaceError, sync_dir};
use crate::disk::{Access, rename_retrying, write_whole};
use crate::keyring::{KdfParams, Keyring};
use crate::store::StoreError;
use crate::store::seal::DataKey;

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
pub(super) fn finish_switch(dir: &Path) -> Result<(), WorkspaceError> {
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

/// Rebuilds a database made before encryption with its values sealed under `key`, in a
/// fresh directory, and switches over: the plaintext files are deleted once the copy is
/// whole. Returns the encrypted database, open.
pub(super) fn encrypt_plain(
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
