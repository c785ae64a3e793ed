//! The change log as it is read: this device's counters, the changes of one origin in
//! order (decoded, or as the log holds them for an export), and a change kept as it came.

use super::{Slot, Store, StoreError, meta, read_u64};
use crate::codec;
use crate::model::change::{Change, OriginId};
use crate::model::clock::Hlc;

impl Store {
    /// The next sequence number this device will give a change (1 for the first).
    pub fn next_seq(&self) -> Result<u64, StoreError> {
        read_u64(self.tree(Slot::Meta).get(meta::NEXT_SEQ)?.as_deref()).map(|n| n.max(1))
    }

    /// The last clock time this device used.
    pub fn last_hlc(&self) -> Result<Hlc, StoreError> {
        match self.tree(Slot::Meta).get(meta::HLC)? {
            Some(b) => Ok(codec::decode_value(&b)?),
            None => Ok(Hlc::default()),
        }
    }

    /// The changes of one origin, from sequence number `from` on, in order.
    pub fn changes_of(
        &self,
        origin: OriginId,
        from: u64,
    ) -> impl Iterator<Item = Result<Change, StoreError>> + '_ {
        let start = change_key(origin, from);
        self.tree(Slot::Changes)
            .range(start..)
            .take_while(move |r| match r {
                Ok((k, _)) => k.starts_with(&origin.0),
                Err(_) => true,
            })
            .map(|r| Ok(codec::decode::<Change>(&r?.1)?))
    }

    /// The changes of one origin, from sequence number `from` on, in order, as the log
    /// holds them (`codec::encode` of each change): what an export writes into a bundle
    /// without decoding. A change stored in an older format is brought up to date first.
    pub fn encoded_changes_of(
        &self,
        origin: OriginId,
        from: u64,
    ) -> impl Iterator<Item = Result<Vec<u8>, StoreError>> + '_ {
        let start = change_key(origin, from);
        let tree = self.tree(Slot::Changes);
        tree.raw
            .range(start..)
            .take_while(move |r| match r {
                Ok((k, _)) => k.starts_with(&origin.0),
                Err(_) => true,
            })
            .map(move |r| {
                let (k, v) = r?;
                let bytes = tree.open_owned(&k, v)?;
                if bytes.first() == Some(&<Change as codec::Versioned>::VERSION) {
                    Ok(bytes)
                } else {
                    let change: Change = codec::decode(&bytes)?;
                    Ok(codec::encode(&change)?)
                }
            })
    }

    /// Keeps a change as it came (from another device, or of a kind this version does not
    /// know) so that it can be forwarded unchanged. Returns whether it was new. The sync
    /// issue verifies and applies; this only stores.
    pub fn keep_change(&self, change: &Change) -> Result<bool, StoreError> {
        if change.envelope.origin == self.device.origin {
            return Err(StoreError::OwnChange);
        }
        if !change.payload_matches()? {
            return Err(StoreError::HashMismatch);
        }
        let key = change_key(change.envelope.origin, change.envelope.seq);
        let value = codec::encode(change)?;
        self.tree(Slot::Changes).insert_new(key, &value)
    }

    /// How many changes the log holds, from every origin.
    pub fn change_count(&self) -> usize {
        self.tree(Slot::Changes).len()
    }
}

/// The key of a change in the log: origin key, then the sequence number big-endian.
pub fn change_key(origin: OriginId, seq: u64) -> Vec<u8> {
    let mut k = origin.0.to_vec();
    k.extend(seq.to_be_bytes());
    k
}

/// The origin and sequence number of a `change_key` (none for a key of another shape).
pub fn split_change_key(key: &[u8]) -> Option<(OriginId, u64)> {
    let (origin, seq) = key.split_first_chunk::<32>()?;
    let seq: [u8; 8] = seq.try_into().ok()?;
    Some((OriginId(*origin), u64::from_be_bytes(seq)))
}
