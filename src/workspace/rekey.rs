//! A re-key: a change of workers that gives the database a new data key, so that
//! whoever knew the old one opens nothing written after it (docs/threat-model.md). The
//! database is copied under the new key into `rekeying/`, marked whole, and switched in;
//! a crash at any step is finished or undone when the data directory is next opened.

use std::fs::{self, File};
use std::path::Path;
use std::sync::Arc;

use zeroize::Zeroizing;

use super::{DB_DIR, Workspace, WorkspaceError, finish_interrupted, sync_dir};
use crate::disk::{Access, rename_retrying, write_whole};
use crate::keyring::{KdfParams, Keyring};
use crate::store::audit::AuditAction;
use crate::store::seal::DataKey;
use crate::store::{StoreError, WallClock};
use crate::sync::identity::Identity;

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
    /// No worker changes: the database is only written again, compactly, leaving sled's
    /// garbage behind (`daleel compact`); it gets a new data key on the way.
    Compact,
}

impl std::fmt::Debug for Rekey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rekey::Remove(names) => f.debug_tuple("Remove").field(&names.len()).finish(),
            Rekey::Passphrase { .. } => f.write_str("Passphrase"),
            Rekey::Compact => f.write_str("Compact"),
        }
    }
}

impl Rekey {
    fn change(&self, params: KdfParams) -> crate::keyring::Change<'_> {
        match self {
            Rekey::Remove(names) => crate::keyring::Change::Remove(names),
            // Every worker's slot carried over, sealed to the new key.
            Rekey::Compact => crate::keyring::Change::Remove(&[]),
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

impl Workspace {
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
            Rekey::Compact => {
                let bytes = self.store.size_on_disk()?;
                self.store
                    .audit(AuditAction::Compact, None, "database compacted", bytes)
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
pub(super) fn finish_rekey(dir: &Path) -> Result<(), WorkspaceError> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::Credentials;

    fn creds() -> Credentials {
        Credentials::new("Amal H.", "test passphrase").cheap()
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
}
