//! Erasure on request (data protection). Erasing a household is a change (`erase/1`)
//! whose payload holds what stays of the household, its needs and its referrals, with no
//! personal value. Every device that applies it (the eraser at once, the others when the
//! change arrives) makes those anonymous records the records, marks them erased, drops
//! needs and referrals of the household that the erasure did not list (made elsewhere
//! meanwhile), and withholds the payload of every change of those records in its log
//! (redaction): the envelope stays, so segments still verify. A change of an erased
//! record that arrives later, from an old bundle or a courier, is stored without its
//! payload and has no effect. Two erasures of one household: the one ranked higher by
//! (clock, origin) decides what stays, on every device alike.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::entity::Entity;
use super::write::{Tx, TxError, abort};
use super::{Slot, Store, StoreError};
use crate::codec::{self, Versioned};
use crate::model::change::{
    Change, EntityRef, KIND_ERASE, KIND_FIELDS, KIND_RESOLVE, OriginId, Version,
};
use crate::model::clock::Hlc;
use crate::model::{Household, HouseholdV1, Need, Referral};

/// The meta key listing households whose erasure is applied but whose log is not yet
/// redacted (finished after the transaction, and on open after a crash).
pub const PENDING: &[u8] = b"erasures_pending";

/// The mark of an erased record: which erasure, and of which household.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Erasure {
    pub household: Uuid,
    pub by: Version,
    pub hlc: Hlc,
    /// On the household's own mark: the needs and referrals this erasure keeps (their
    /// anonymous records). Any other record of the household is dropped.
    pub covers: Vec<Uuid>,
}

impl Versioned for Erasure {
    const VERSION: u8 = 1;
}

impl Erasure {
    fn rank(&self) -> (Hlc, OriginId) {
        (self.hlc, self.by.origin)
    }
}

/// What an erasure did on this device.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Erased {
    pub case_code: String,
    pub needs: usize,
    pub referrals: usize,
    /// Changes of the log whose payload was withheld.
    pub redacted: u64,
}

/// The record ids an erase change covers.
fn covered(change: &Change) -> Result<(Household, Vec<Need>, Vec<Referral>), TxError> {
    let damaged = || abort(StoreError::ErasureEmpty);
    let values = &change.payload.as_ref().ok_or_else(damaged)?.values;
    // The household in its format-1 form, its size beside it (an erasure of a laptop
    // from before sizes has none): laptops of either format read each other's.
    let household: HouseholdV1 =
        codec::decode_value(values.get("household").ok_or_else(damaged)?).map_err(abort)?;
    let size: Option<u16> = match values.get("size") {
        Some(v) => codec::decode_value(v).map_err(abort)?,
        None => None,
    };
    let household = household.with_size(size);
    let needs: Vec<Need> =
        codec::decode_value(values.get("needs").ok_or_else(damaged)?).map_err(abort)?;
    let referrals: Vec<Referral> =
        codec::decode_value(values.get("referrals").ok_or_else(damaged)?).map_err(abort)?;
    // An erasure covers its own household and that household's records only.
    let h = change.envelope.entity.id;
    if household.id != h
        || needs.iter().any(|n| n.household != h)
        || referrals.iter().any(|r| r.household != h)
    {
        return Err(abort(StoreError::ErasureOfOthers));
    }
    Ok((household, needs, referrals))
}

impl Tx<'_> {
    /// Writes an erase change made here and applies it.
    pub(super) fn erase(
        &mut self,
        entity: &EntityRef,
        values: &std::collections::BTreeMap<String, Vec<u8>>,
    ) -> Result<(), TxError> {
        self.refuse_erased(&[entity.id])?;
        let head = self.log(entity.clone(), KIND_ERASE, Vec::new(), 0, values.clone())?;
        let change = self
            .change_at(&head)?
            .ok_or_else(|| abort(StoreError::ErasureNotWritten))?;
        self.apply_erase(&change)
    }

    /// The erasure that covers record `id`, if any.
    pub(super) fn erasure(&self, id: Uuid) -> Result<Option<Erasure>, TxError> {
        self.tree(Slot::Erased)
            .get(id.as_bytes())?
            .map(|b| codec::decode(&b).map_err(abort))
            .transpose()
    }

    /// Refuses a local edit of an erased record.
    pub(super) fn refuse_erased(&self, ids: &[Uuid]) -> Result<(), TxError> {
        for id in ids {
            if self.erasure(*id)?.is_some() {
                return Err(abort(StoreError::Erased));
            }
        }
        Ok(())
    }

    fn mark(&self, id: Uuid, tag: u8, mark: &Erasure) -> Result<(), TxError> {
        self.tree(Slot::Erased)
            .insert(id.as_bytes(), codec::encode(mark).map_err(abort)?)?;
        // Its heads and conflicts no longer matter: what stays is the erasure's.
        let key = super::write::versions_key(tag, id);
        if self.tree(Slot::Versions).get(&key)?.is_some() {
            self.tree(Slot::Versions).remove(key.as_slice())?;
        }
        if self.tree(Slot::Conflicted).get(&key)?.is_some() {
            self.tree(Slot::Conflicted).remove(key.as_slice())?;
        }
        Ok(())
    }

    fn replace<E: Entity>(&self, new: &E) -> Result<(), TxError> {
        let old: Option<E> = self.read(new.id())?;
        self.store_record(old.as_ref(), new)
    }

    /// Applies an erase change: its anonymous records become the records, each marked
    /// erased, and the household is queued for redaction. An erasure outranked by one
    /// already applied changes nothing.
    pub(super) fn apply_erase(&mut self, change: &Change) -> Result<(), TxError> {
        let (household, needs, referrals) = covered(change)?;
        let e = &change.envelope;
        let mark = Erasure {
            household: household.id,
            by: e.version(),
            hlc: e.hlc,
            covers: Vec::new(),
        };
        // Outranked by an erasure applied already: nothing. The same erasure again (an
        // import re-applied after a crash) is applied again: it is idempotent.
        if let Some(existing) = self.erasure(household.id)?
            && existing.rank() > mark.rank()
        {
            return Ok(());
        }
        let own = Erasure {
            covers: needs
                .iter()
                .map(|n| n.id)
                .chain(referrals.iter().map(|r| r.id))
                .collect(),
            ..mark.clone()
        };
        self.mark(household.id, Household::TAG, &own)?;
        self.replace(&household)?;
        for n in &needs {
            self.mark(n.id, Need::TAG, &mark)?;
            self.replace(n)?;
        }
        for r in &referrals {
            self.mark(r.id, Referral::TAG, &mark)?;
            self.replace(r)?;
        }
        self.pend(household.id)
    }

    /// Queues a household's erasure for redaction (finished after the transaction).
    fn pend(&self, household: Uuid) -> Result<(), TxError> {
        let mut pending: Vec<Uuid> = match self.tree(Slot::Meta).get(PENDING)? {
            Some(b) => codec::decode_value(&b).map_err(abort)?,
            None => Vec::new(),
        };
        if !pending.contains(&household) {
            pending.push(household);
            self.tree(Slot::Meta)
                .insert(PENDING, codec::encode_value(&pending).map_err(abort)?)?;
        }
        Ok(())
    }

    /// Whether a remote change touches an erased record (and so must be stored without
    /// its payload and have no effect). A need or referral made elsewhere for an erased
    /// household is marked erased here, with its household's erasure.
    pub(super) fn touches_erased(&self, change: &Change) -> Result<bool, TxError> {
        let e = &change.envelope;
        if e.kind == KIND_ERASE || !self.any_erased() {
            return Ok(false);
        }
        if self.erasure(e.entity.id)?.is_some() {
            return Ok(true);
        }
        // A need or referral: its household, from the change (a creation carries it) or
        // from the record this laptop holds (a later edit, a referral's step).
        let id = e.entity.id;
        let (tag, stored) = match e.entity.kind.as_str() {
            "need" => (Need::TAG, self.read::<Need>(id)?.map(|n| n.household)),
            "referral" => (
                Referral::TAG,
                self.read::<Referral>(id)?.map(|r| r.household),
            ),
            _ => return Ok(false),
        };
        let carried = change
            .payload
            .as_ref()
            .filter(|_| e.kind == KIND_FIELDS || e.kind == KIND_RESOLVE)
            .and_then(|p| p.values.get("household"))
            .and_then(|v| codec::decode_value::<Uuid>(v).ok());
        let Some(h) = carried.or(stored) else {
            return Ok(false);
        };
        let Some(mark) = self.erasure(h)? else {
            return Ok(false);
        };
        // Made elsewhere and not kept by the erasure: marked, dropped and redacted when
        // the erasure is finished (with any change of it that came before this one).
        self.mark(
            id,
            tag,
            &Erasure {
                covers: Vec::new(),
                ..mark
            },
        )?;
        self.pend(h)?;
        Ok(true)
    }
}

/// A change as the log keeps it once its record is erased: the envelope alone.
pub(super) fn without_payload(change: &Change) -> Result<Vec<u8>, codec::CodecError> {
    codec::encode(&Change {
        envelope: change.envelope.clone(),
        payload: None,
    })
}

impl Store {
    /// Erases a household on this device, and for every device the erasure reaches:
    /// see the module's description. Refuses a household already erased.
    pub fn erase(&self, author: &str, household: Uuid) -> Result<Erased, StoreError> {
        let h: Household = self.get(household)?.ok_or_else(|| StoreError::NotFound {
            kind: "household",
            id: household.to_string(),
        })?;
        if self.tree(Slot::Erased).contains_key(household.as_bytes())? {
            return Err(StoreError::ErasedAlready {
                case_code: h.case_code,
            });
        }
        let needs: Vec<Need> = self
            .needs_of(household)?
            .iter()
            .map(Need::anonymized)
            .collect();
        let referrals: Vec<Referral> = self
            .referrals_of(household)?
            .iter()
            .map(Referral::anonymized)
            .collect();
        let kept = h.anonymized();
        let values = [
            (
                "household".to_string(),
                codec::encode_value(&HouseholdV1::from(&kept))?,
            ),
            ("size".to_string(), codec::encode_value(&kept.size)?),
            ("needs".to_string(), codec::encode_value(&needs)?),
            ("referrals".to_string(), codec::encode_value(&referrals)?),
        ]
        .into();
        let entity = EntityRef {
            kind: Household::KIND.to_string(),
            id: household,
        };
        self.apply(author, &[super::Edit::Erase { entity, values }])?;
        let redacted = self.finish_erasures()?;
        self.audit(
            super::audit::AuditAction::Erase,
            Some(&h.case_code),
            "household",
            1 + needs.len() as u64 + referrals.len() as u64,
        )?;
        self.flush()?;
        Ok(Erased {
            case_code: h.case_code,
            needs: needs.len(),
            referrals: referrals.len(),
            redacted,
        })
    }

    /// Whether a record was erased.
    pub fn is_erased(&self, id: Uuid) -> Result<bool, StoreError> {
        self.tree(Slot::Erased).contains_key(id.as_bytes())
    }

    /// Finishes applied erasures: drops needs and referrals of an erased household that
    /// its erasure did not keep, and withholds the payload of every change (in the log
    /// and in parking) of an erased record. Safe to run again; runs after each erasure,
    /// each imported chunk, and on open, one writer at a time. Returns how many changes
    /// it redacted.
    pub fn finish_erasures(&self) -> Result<u64, StoreError> {
        let _writer = self
            .writer
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        self.finish_erasures_locked()
    }

    /// `finish_erasures` for a caller that holds the writer lock (an import's chunk).
    pub(super) fn finish_erasures_locked(&self) -> Result<u64, StoreError> {
        let pending: Vec<Uuid> = match self.tree(Slot::Meta).get(PENDING)? {
            Some(b) => codec::decode_value(&b)?,
            None => return Ok(0),
        };
        // Every record marked for these households, by whichever erasure: redacted.
        let mut marked: std::collections::HashSet<Uuid> = Default::default();
        for entry in self.tree(Slot::Erased).iter() {
            let (k, v) = entry?;
            let mark: Erasure = codec::decode(&v)?;
            if pending.contains(&mark.household)
                && let Ok(id) = Uuid::from_slice(&k)
            {
                marked.insert(id);
            }
        }
        // What the household's winning erasure keeps stays; any other need or referral of
        // the household here (made elsewhere, or kept by an outranked erasure) goes.
        for h in &pending {
            let Some(current) = self
                .tree(Slot::Erased)
                .get(h.as_bytes())?
                .map(|b| codec::decode::<Erasure>(&b))
                .transpose()?
            else {
                continue;
            };
            let keep: std::collections::HashSet<Uuid> = current.covers.iter().copied().collect();
            let mark = Erasure {
                covers: Vec::new(),
                ..current
            };
            for n in self.needs_of(*h)? {
                if !keep.contains(&n.id) {
                    self.drop_record(&n, &mark)?;
                    marked.insert(n.id);
                }
            }
            for r in self.referrals_of(*h)? {
                if !keep.contains(&r.id) {
                    self.drop_record(&r, &mark)?;
                    marked.insert(r.id);
                }
            }
        }
        let mut redacted = 0;
        for slot in [Slot::Changes, Slot::Parked] {
            let tree = self.tree(slot);
            for entry in tree.iter() {
                let (k, v) = entry?;
                let change: Change = codec::decode(&v)?;
                if change.payload.is_some()
                    && change.envelope.kind != KIND_ERASE
                    && marked.contains(&change.envelope.entity.id)
                {
                    tree.insert(&k, without_payload(&change)?)?;
                    redacted += 1;
                }
            }
        }
        self.flush()?;
        self.tree(Slot::Meta).remove(PENDING)?;
        self.flush()?;
        Ok(redacted)
    }

    /// Removes a record made elsewhere for an erased household and marks it erased, in
    /// one transaction (the mark, its index entries, the record, its heads).
    fn drop_record<E: Entity>(&self, record: &E, mark: &Erasure) -> Result<(), StoreError> {
        use sled::Transactional;
        let id = record.id();
        let mark = codec::encode(mark)?;
        let heads = super::write::versions_key(E::TAG, id);
        let index = record.index_keys();
        self.trees
            .as_slice()
            .transaction(|t| {
                t[Slot::Erased as usize].insert(id.as_bytes(), mark.as_slice())?;
                for (slot, key) in &index {
                    t[*slot as usize].remove(key.as_slice())?;
                }
                t[E::TREE as usize].remove(id.as_bytes())?;
                t[Slot::Versions as usize].remove(heads.as_slice())?;
                t[Slot::Conflicted as usize].remove(heads.as_slice())?;
                Ok::<(), sled::transaction::ConflictableTransactionError<()>>(())
            })
            .map_err(|e| match e {
                sled::transaction::TransactionError::Storage(e) => StoreError::Sled(e),
                sled::transaction::TransactionError::Abort(()) => StoreError::ErasedNotDropped,
            })?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::change::{Envelope, Payload};

    fn erasure(values: std::collections::BTreeMap<String, Vec<u8>>, id: Uuid) -> Change {
        Change {
            envelope: Envelope {
                origin: OriginId([7; 32]),
                seq: 1,
                hlc: Hlc::default(),
                author: "Amal".into(),
                entity: EntityRef {
                    kind: Household::KIND.into(),
                    id,
                },
                kind: KIND_ERASE.into(),
                replaces: Vec::new(),
                depth: 1,
                payload_hash: [0; 32],
            },
            payload: Some(Payload {
                salt: [0; 16],
                values,
            }),
        }
    }

    /// An erasure carries its household as format 1 did, with the size beside it: one
    /// from a laptop of before sizes (no `size`) applies here, and one from here carries
    /// its household in the form such a laptop reads.
    #[test]
    fn an_erasure_of_either_format_is_read() {
        let mut h = crate::model::household::tests::sample_household();
        h.size = Some(5);
        let kept = h.anonymized();
        let mut values: std::collections::BTreeMap<String, Vec<u8>> = [
            (
                "household".to_string(),
                codec::encode_value(&HouseholdV1::from(&kept)).expect("enc"),
            ),
            (
                "needs".to_string(),
                codec::encode_value(&Vec::<Need>::new()).expect("enc"),
            ),
            (
                "referrals".to_string(),
                codec::encode_value(&Vec::<Referral>::new()).expect("enc"),
            ),
        ]
        .into();
        let (old, _, _) = covered(&erasure(values.clone(), h.id)).expect("format 1");
        assert_eq!(old.size, None);
        assert_eq!(old.head, kept.head);
        values.insert(
            "size".to_string(),
            codec::encode_value(&kept.size).expect("enc"),
        );
        let (new, _, _) = covered(&erasure(values, h.id)).expect("format 2");
        assert_eq!(new, kept);
        assert_eq!(new.size, Some(5), "the counts still add up");
    }
}
