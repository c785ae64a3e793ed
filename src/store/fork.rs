//! Forks: two different changes signed under one origin and sequence number. Daleel
//! never makes one itself (a restore takes a new identity), but a data folder copied by
//! hand and used on two laptops does. The second version is refused at import, with the
//! rest of its signed run, and recorded here for the coordinator's queue, naming the
//! device whose key signed both and the device whose bundle carried the second.

use serde::{Deserialize, Serialize};

use super::{Slot, Store, StoreError, change_key};
use crate::codec;
use crate::model::Timestamp;
use crate::model::change::{Change, OriginId};
use crate::model::device::device_code;

/// The tree of forks seen, by change key (origin and sequence number): not sealed, it
/// holds device ids, numbers and times only.
const TREE: &str = "forks";

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Record {
    sender: OriginId,
    seen_at: Timestamp,
    /// Changes of the signed run that carried the second version, refused with it.
    refused: u64,
}

/// A fork, as the queue shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fork {
    /// The device whose key signed two versions.
    pub origin: OriginId,
    pub seq: u64,
    /// The device whose bundle carried the second version.
    pub sender: OriginId,
    pub seen_at: Timestamp,
    pub refused: u64,
}

impl Fork {
    pub fn code(&self) -> String {
        device_code(self.origin)
    }
    pub fn sender_code(&self) -> String {
        device_code(self.sender)
    }
}

/// Whether two encoded changes are the same change: the same bytes, or the same
/// envelope (one of them without its values: withheld, or erased since).
pub fn same_change(a: &[u8], b: &[u8]) -> bool {
    if a == b {
        return true;
    }
    match (codec::decode::<Change>(a), codec::decode::<Change>(b)) {
        (Ok(a), Ok(b)) => a.envelope == b.envelope,
        _ => false,
    }
}

impl Store {
    /// The first sequence number in a signed run of `origin`'s changes (`first` on) where
    /// the run differs from what this laptop holds: a fork. A change under this laptop's
    /// own identity that it did not make is one too.
    pub fn fork_in(
        &self,
        origin: OriginId,
        first: u64,
        changes: &[&[u8]],
    ) -> Result<Option<u64>, StoreError> {
        let held = self.held(origin)?;
        let mine = origin == self.device.origin;
        let parked = !mine && !self.tree(Slot::Parked).is_empty();
        for (seq, encoded) in (first..).zip(changes) {
            if mine && seq > held {
                return Ok(Some(seq));
            }
            let existing = if seq <= held {
                self.tree(Slot::Changes).get(change_key(origin, seq))?
            } else if parked {
                self.tree(Slot::Parked).get(change_key(origin, seq))?
            } else {
                None
            };
            if let Some(existing) = existing
                && !same_change(&existing, encoded)
            {
                return Ok(Some(seq));
            }
        }
        Ok(None)
    }

    /// Records a fork (the first report of each stays).
    pub fn record_fork(
        &self,
        origin: OriginId,
        seq: u64,
        sender: OriginId,
        refused: u64,
    ) -> Result<(), StoreError> {
        let tree = self.db.open_tree(TREE)?;
        let record = Record {
            sender,
            seen_at: self.now(),
            refused,
        };
        let key = change_key(origin, seq);
        if tree.get(&key)?.is_none() {
            tree.insert(key, codec::encode_value(&record)?)?;
        }
        tracing::warn!(
            origin = %device_code(origin),
            seq,
            sender = %device_code(sender),
            "fork refused"
        );
        Ok(())
    }

    /// The forks seen, oldest device first.
    pub fn forks(&self) -> Result<Vec<Fork>, StoreError> {
        let tree = self.db.open_tree(TREE)?;
        let mut out = Vec::new();
        for entry in tree.iter() {
            let (k, v) = entry?;
            let Some((origin, seq)) = super::split_change_key(&k) else {
                continue;
            };
            let r: Record = codec::decode_value(&v)?;
            out.push(Fork {
                origin,
                seq,
                sender: r.sender,
                seen_at: r.seen_at,
                refused: r.refused,
            });
        }
        Ok(out)
    }
}
