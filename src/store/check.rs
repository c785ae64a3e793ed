//! `daleel check`: whether the database is whole. Every index entry points at a record
//! and every record is indexed; each device's change log has no gap up to what this
//! laptop says it holds; and the records are what the log gives when folded again from
//! the start (in a scratch copy, so that checking changes nothing). `--repair`
//! recomputes what can be derived: records, indexes, versions and conflicts. The audit
//! trail's chain is checked against its head file too (audit.rs): a database folder put
//! back to an earlier copy, or an entry removed or changed, is reported; `--repair`
//! notes it in the trail and goes on from there.

use super::{Slot, Store, StoreError, change_key};
use crate::model::device::device_code;

impl Store {
    /// What is wrong, in plain words (nothing: the database is whole).
    pub fn check(&self) -> Result<Vec<String>, StoreError> {
        let mut problems = self.check_records()?;
        problems.extend(self.check_chain()?);
        Ok(problems)
    }

    /// What is wrong with the records, their indexes and the change log.
    fn check_records(&self) -> Result<Vec<String>, StoreError> {
        let mut problems = self.check_indexes()?;
        problems.extend(self.check_log()?);
        if !self.fold_matches()? {
            problems.push(
                "the records are not what the change log gives: daleel check --repair recomputes them from the log"
                    .into(),
            );
        }
        Ok(problems)
    }

    /// Gaps in each device's change log up to the highest number held without one.
    fn check_log(&self) -> Result<Vec<String>, StoreError> {
        let mut problems = Vec::new();
        for (origin, held) in self.watermarks()? {
            let mut missing = 0u64;
            let mut first = None;
            for seq in 1..=held {
                if !self
                    .tree(Slot::Changes)
                    .contains_key(change_key(origin, seq))?
                {
                    missing += 1;
                    first.get_or_insert(seq);
                }
            }
            if let Some(first) = first {
                problems.push(format!(
                    "the change log of {} lacks {missing} changes from number {first} on: import that laptop's bundles again (daleel sync import), or restore from a backup",
                    device_code(origin)
                ));
            }
        }
        Ok(problems)
    }

    /// Whether folding the log again gives the records held, worked out in a scratch
    /// copy of the log. A partner's laptop holds a snapshot, not a log: nothing to fold.
    fn fold_matches(&self) -> Result<bool, StoreError> {
        let me = self.device.origin;
        if self
            .policy()
            .member(me)
            .is_some_and(|c| c.role == crate::model::team::Role::Partner)
        {
            return Ok(true);
        }
        let db = sled::Config::new().temporary(true).open()?;
        for slot in [Slot::Changes, Slot::Erased, Slot::Roster, Slot::Meta] {
            let from = &self.trees[slot as usize];
            let to = db.open_tree(slot.name())?;
            let mut batch = sled::Batch::default();
            for entry in from.iter() {
                let (k, v) = entry?;
                batch.insert(k, v);
            }
            to.apply_batch(batch)?;
        }
        let scratch = Store::from_parts(
            db,
            self.device.clone(),
            self.clock.clone(),
            None,
            self.seal.clone(),
        )?;
        scratch.refold(|_, _| {})?;
        Ok(scratch.state_digest()? == self.state_digest()?)
    }

    /// Recomputes what can be derived from the log, and says what it did.
    pub fn repair(&self) -> Result<Vec<String>, StoreError> {
        let mut done = Vec::new();
        if !self.check_records()?.is_empty() {
            self.refold(|_, _| {})?;
            done.push(format!(
                "recomputed every record, index, version and conflict from the change log ({} changes)",
                self.tree(Slot::Changes).len()
            ));
        }
        done.extend(self.repair_chain()?);
        if done.is_empty() {
            return Ok(done);
        }
        done.extend(
            self.check()?
                .into_iter()
                .map(|p| format!("still wrong: {p}")),
        );
        Ok(done)
    }
}
