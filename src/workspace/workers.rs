//! The workers of an encrypted database: who can open it, adding one, the checks a change
//! of workers passes before it re-keys, and the passphrase check of the screens' lock.

use std::sync::Arc;

use super::{PassphraseCheck, Rekey, Unlocked, Workspace, WorkspaceError};
use crate::keyring::{Keyring, KeyringError};
use crate::store::Store;
use crate::store::audit::AuditAction;

/// The workers of an encrypted database: list, add, and check a change that re-keys.
pub struct Workers {
    pub(super) store: Arc<Store>,
    pub(super) unlocked: Unlocked,
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
            Rekey::Compact => Rekey::Compact,
        };
        let changed: Vec<String> = match &checked {
            Rekey::Remove(names) => names.iter().map(|n| fold_name(n)).collect(),
            Rekey::Passphrase { name, .. } => vec![fold_name(name)],
            Rekey::Compact => Vec::new(),
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

impl Workspace {
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
