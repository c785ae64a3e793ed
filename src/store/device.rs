//! What the meta tree keeps about this laptop: whether the database holds real data or a
//! demo caseload, the device's name, and the workers who use it.

use super::{DatabaseKind, NameOf, Slot, Store, StoreError, meta, seal, tree};
use crate::codec;

impl Store {
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
