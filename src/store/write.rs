//! Writing: a user action's edits become changes in the device's log, records and their
//! index entries, all in one sled transaction. Only the fields that differ are written as
//! a change, and each change names the versions of those fields it replaces.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError, TransactionalTree};
use uuid::Uuid;

use super::entity::Entity;
use super::{DatabaseKind, Slot, Store, StoreError, change_key, meta};
use crate::codec::{self, Versioned};
use crate::model::change::{
    Change, EntityRef, Envelope, KIND_FIELDS, KIND_RESOLVE, KIND_STEP, OriginId, Payload, Version,
};
use crate::model::clock::Hlc;
use crate::model::{
    Distinct, Household, Move, Need, Organization, Referral, Service, Step, Timestamp,
};

/// One thing a user action changes.
#[derive(Debug, Clone)]
pub enum Edit {
    Household(Household),
    Need(Need),
    Referral(Referral),
    Organization(Organization),
    Service(Service),
    /// Appends a step to a referral's history. Refused as stale when the referral's
    /// status is no longer the step's `from`.
    Step {
        referral: Uuid,
        step: Step,
    },
    /// Erases a household (`Store::erase` builds what stays of it).
    Erase {
        entity: EntityRef,
        values: BTreeMap<String, Vec<u8>>,
    },
    /// Resolves a conflict: sets field `field` (its position in the kind's fields) of the
    /// record of kind `tag` to `value`, replacing every head of that field, even when the
    /// value is the one shown already.
    Resolve {
        tag: u8,
        id: Uuid,
        field: usize,
        value: Vec<u8>,
    },
    /// Commits a team statement this device signed to its log (a coordinator's device).
    Statement(crate::model::team::Signed),
    /// Records that two households are not the same (`Store::mark_distinct`).
    Distinct(Distinct),
}

/// What a transaction wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    /// Changes appended to the log (an edit that changes nothing appends none).
    pub changes: u64,
    /// The case codes given to new households, in the order of the edits.
    pub case_codes: Vec<String>,
}

/// The current version(s) of one field: more than one is a conflict (sync issue).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    /// `None` for this device, so that local records stay small.
    pub origin: Option<OriginId>,
    pub seq: u64,
    /// One more than the deepest version it replaces.
    pub depth: u32,
    pub hlc: Hlc,
}

impl Head {
    pub fn version(&self, me: OriginId) -> Version {
        Version {
            origin: self.origin.unwrap_or(me),
            seq: self.seq,
        }
    }
}

/// The heads of every field of one entity, and of its step chain. Fields that share
/// their heads (all the fields a change set) are kept together, as a bit mask over the
/// positions in `Entity::FIELDS`, so that a record's versions stay a few dozen bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityVersions {
    pub groups: Vec<(Vec<Head>, u64)>,
    /// A referral's creation change: the root of its chain of steps.
    pub root: Option<Head>,
    /// Every step of a referral's history, in the order they arrived.
    pub steps: Vec<Head>,
}

/// The order of heads and steps, the same on every device: depth, then clock, then origin.
pub fn rank(h: &Head, me: OriginId) -> (u32, Hlc, OriginId) {
    (h.depth, h.hlc, h.origin.unwrap_or(me))
}

impl EntityVersions {
    /// The step the next one follows: the last in replay order, else the creation.
    pub fn tip(&self, me: OriginId) -> Option<Head> {
        self.steps
            .iter()
            .max_by_key(|h| rank(h, me))
            .copied()
            .or(self.root)
    }

    /// The heads of the field at `position` (none for a field never set).
    /// Whether some field has more than one head.
    pub fn in_conflict(&self) -> bool {
        self.groups.iter().any(|(heads, _)| heads.len() > 1)
    }

    pub fn heads(&self, position: usize) -> &[Head] {
        self.groups
            .iter()
            .find(|(_, mask)| mask & (1 << position) != 0)
            .map(|(heads, _)| heads.as_slice())
            .unwrap_or(&[])
    }

    /// Gives the fields in `mask` these heads.
    pub fn set(&mut self, mask: u64, heads: Vec<Head>) {
        for (_, m) in self.groups.iter_mut() {
            *m &= !mask;
        }
        self.groups.retain(|(_, m)| *m != 0);
        match self.groups.iter_mut().find(|(h, _)| *h == heads) {
            Some((_, m)) => *m |= mask,
            None => self.groups.push((heads, mask)),
        }
    }
}

impl Versioned for EntityVersions {
    const VERSION: u8 = 1;
}

pub(super) type TxError = ConflictableTransactionError<StoreError>;

pub(super) fn abort(e: impl Into<StoreError>) -> TxError {
    ConflictableTransactionError::Abort(e.into())
}

/// The key of an entity in the versions tree: its kind's tag, then its id.
pub fn versions_key(tag: u8, id: Uuid) -> Vec<u8> {
    let mut k = vec![tag];
    k.extend(id.as_bytes());
    k
}

/// Where a Tx reads and writes: a sled transaction (local edits), or an overlay written
/// as one batch per tree (applying imported changes, which the staging tree makes safe to
/// re-apply after a crash).
#[derive(Clone, Copy)]
pub(super) enum Trees<'a> {
    /// A sled transaction's trees, and the store (whose trees say how values are sealed).
    Tx(&'a [TransactionalTree], &'a Store),
    Overlay(&'a Overlay<'a>),
}

/// One tree of a Tx. Values are plaintext here: sealed on the way into sled.
pub(super) enum TreeRef<'a> {
    Tx(&'a TransactionalTree, super::tree::Tree<'a>),
    Overlay(&'a Overlay<'a>, Slot),
}

impl TreeRef<'_> {
    pub(super) fn get<K: AsRef<[u8]>>(&self, key: K) -> Result<Option<sled::IVec>, TxError> {
        match self {
            TreeRef::Tx(t, tree) => {
                let key = key.as_ref();
                t.get(key)?
                    .map(|v| tree.open_value(key, v).map_err(abort))
                    .transpose()
            }
            TreeRef::Overlay(o, slot) => o.get(*slot, key.as_ref()),
        }
    }

    pub(super) fn insert<K, V>(&self, key: K, value: V) -> Result<(), TxError>
    where
        K: AsRef<[u8]> + Into<sled::IVec>,
        V: Into<sled::IVec>,
    {
        match self {
            TreeRef::Tx(t, tree) => {
                let sealed = tree.seal_value(key.as_ref(), &value.into());
                t.insert(key.as_ref(), sealed)?;
                Ok(())
            }
            TreeRef::Overlay(o, slot) => {
                o.put(*slot, key.as_ref().to_vec(), Some(value.into()));
                Ok(())
            }
        }
    }

    pub(super) fn remove<K: AsRef<[u8]> + Into<sled::IVec>>(
        &self,
        key: K,
    ) -> Result<Option<sled::IVec>, TxError> {
        match self {
            TreeRef::Tx(t, tree) => {
                let key = key.as_ref();
                t.remove(key)?
                    .map(|v| tree.open_value(key, v).map_err(abort))
                    .transpose()
            }
            TreeRef::Overlay(o, slot) => {
                let old = o.get(*slot, key.as_ref())?;
                o.put(*slot, key.as_ref().to_vec(), None);
                Ok(old)
            }
        }
    }
}

/// What an overlay holds of one key: a pending write (the new value, or `None` for a
/// removal), or what the tree held when it was first read (kept, so that a key read
/// again in the same pass is not fetched and opened again).
enum Kept {
    Written(Option<sled::IVec>),
    Read(Option<sled::IVec>),
}

/// Per tree (by slot), the keys the overlay holds.
type Writes = Vec<BTreeMap<Vec<u8>, Kept>>;

/// Writes kept in memory over the trees, read back by later reads, then written as one
/// batch per tree. The caller holds the writer lock, so what the trees hold does not
/// change under the overlay and a key read once need not be read again.
pub(super) struct Overlay<'a> {
    store: &'a Store,
    writes: std::cell::RefCell<Writes>,
    /// Whether the erased tree held anything when the pass began.
    erased_before: bool,
}

impl<'a> Overlay<'a> {
    pub(super) fn new(store: &'a Store) -> Overlay<'a> {
        Overlay {
            store,
            writes: std::cell::RefCell::new(
                (0..Slot::ALL.len()).map(|_| BTreeMap::new()).collect(),
            ),
            erased_before: !store.tree(Slot::Erased).raw.is_empty(),
        }
    }

    fn get(&self, slot: Slot, key: &[u8]) -> Result<Option<sled::IVec>, TxError> {
        if let Some(Kept::Written(v) | Kept::Read(v)) = self.writes.borrow()[slot as usize].get(key)
        {
            return Ok(v.clone());
        }
        let value = self.store.tree(slot).get(key).map_err(abort)?;
        self.writes.borrow_mut()[slot as usize].insert(key.to_vec(), Kept::Read(value.clone()));
        Ok(value)
    }

    fn put(&self, slot: Slot, key: Vec<u8>, value: Option<sled::IVec>) {
        self.writes.borrow_mut()[slot as usize].insert(key, Kept::Written(value));
    }

    /// Whether any record may be erased: the erased tree held something when the pass
    /// began, or the pass has erased one.
    pub(super) fn any_erased(&self) -> bool {
        self.erased_before
            || self.writes.borrow()[Slot::Erased as usize]
                .values()
                .any(|h| matches!(h, Kept::Written(Some(_))))
    }

    /// Writes everything, one batch per tree, in an order that a crash between two
    /// batches cannot spoil, since re-applying a staged change is idempotent and works
    /// from what the trees hold: the log and the bookkeeping (replacements, heads) first;
    /// then the indexes, before the records they index (a re-application removes the
    /// entries of the record it finds, so the records must not run ahead of their
    /// indexes); then the records; then parking, the clock and the watermarks; the
    /// staging removals last.
    pub(super) fn commit(self) -> Result<(), StoreError> {
        type Batch = Vec<(Vec<u8>, Option<sled::IVec>)>;
        let mut batches: BTreeMap<usize, Batch> = BTreeMap::new();
        for (slot, keys) in self.writes.into_inner().into_iter().enumerate() {
            let batch: Batch = keys
                .into_iter()
                .filter_map(|(key, held)| match held {
                    Kept::Written(value) => Some((key, value)),
                    Kept::Read(_) => None,
                })
                .collect();
            if !batch.is_empty() {
                batches.insert(slot, batch);
            }
        }
        let rank = |slot: Slot| -> u8 {
            match slot {
                Slot::Changes
                | Slot::Replaced
                | Slot::Versions
                | Slot::Conflicted
                | Slot::Erased => 0,
                s if s.is_index() => 1,
                Slot::Households
                | Slot::Needs
                | Slot::Referrals
                | Slot::Organizations
                | Slot::Services
                | Slot::Distinct => 2,
                Slot::Parked => 3,
                Slot::Meta => 4,
                Slot::Held => 5,
                _ => 6,
            }
        };
        let mut ordered: Vec<(usize, Batch)> = batches.into_iter().collect();
        ordered.sort_by_key(|(slot, _)| rank(Slot::ALL[*slot]));
        for (slot, batch) in ordered {
            self.store.tree(Slot::ALL[slot]).apply(batch)?;
        }
        Ok(())
    }
}

/// State carried through one transaction.
pub(super) struct Tx<'a> {
    pub(super) t: Trees<'a>,
    pub(super) me: OriginId,
    pub(super) author: &'a str,
    pub(super) now: Timestamp,
    pub(super) seq: u64,
    pub(super) hlc: Hlc,
    pub(super) next_case: u64,
    pub(super) device_code: &'a str,
    pub(super) applied: Applied,
    /// The team's policy when the transaction began (roles and revocations judge each
    /// change merged).
    pub(super) policy: std::sync::Arc<crate::model::team::Policy>,
}

impl Store {
    /// Runs `f` over a transaction whose writes are kept in memory and then written as
    /// one batch per tree (applying changes from other devices, refolding, a partner's
    /// snapshot); nothing is written when `f` fails. The caller holds the writer lock.
    /// `interrupted` says what to do should the pass stop for another reason.
    pub(super) fn overlay_pass<T>(
        &self,
        interrupted: super::Pass,
        f: impl FnOnce(&mut Tx) -> Result<T, TxError>,
    ) -> Result<T, StoreError> {
        // Read before the overlay holds anything: the stored clock.
        let hlc = self.last_hlc()?;
        let overlay = Overlay::new(self);
        let mut tx = Tx {
            t: Trees::Overlay(&overlay),
            me: self.device.origin,
            author: "",
            now: self.now(),
            seq: 0,
            hlc,
            next_case: 0,
            device_code: self.device.code.as_str(),
            applied: Default::default(),
            policy: self.policy(),
        };
        match f(&mut tx) {
            Ok(value) => {
                overlay.commit()?;
                Ok(value)
            }
            Err(ConflictableTransactionError::Abort(e)) => Err(e),
            Err(ConflictableTransactionError::Storage(e)) => Err(StoreError::Sled(e)),
            Err(_) => Err(StoreError::Interrupted(interrupted)),
        }
    }
}

impl<'a> Tx<'a> {
    /// The store this transaction writes to.
    pub(super) fn store(&self) -> &'a Store {
        match self.t {
            Trees::Tx(_, store) => store,
            Trees::Overlay(o) => o.store,
        }
    }

    /// Whether any record may be erased, so that a change must be checked against the
    /// erased tree (always, in a sled transaction; an overlay knows).
    pub(super) fn any_erased(&self) -> bool {
        match self.t {
            Trees::Tx(..) => true,
            Trees::Overlay(o) => o.any_erased(),
        }
    }

    pub(super) fn tree(&self, slot: Slot) -> TreeRef<'_> {
        match self.t {
            Trees::Tx(t, store) => TreeRef::Tx(&t[slot as usize], store.tree(slot)),
            Trees::Overlay(o) => TreeRef::Overlay(o, slot),
        }
    }

    pub(super) fn read<E: Entity>(&self, id: Uuid) -> Result<Option<E>, TxError> {
        self.tree(E::TREE)
            .get(id.as_bytes())?
            .map(|b| codec::decode::<E>(&b).map_err(abort))
            .transpose()
    }

    pub(super) fn versions(&self, tag: u8, id: Uuid) -> Result<EntityVersions, TxError> {
        match self.tree(Slot::Versions).get(versions_key(tag, id))? {
            Some(b) => codec::decode(&b).map_err(abort),
            None => Ok(EntityVersions::default()),
        }
    }

    /// Stores a record's versions, and whether it has a conflict in the conflicted tree
    /// (written only when that changes).
    pub(super) fn put_versions(
        &self,
        tag: u8,
        id: Uuid,
        versions: &EntityVersions,
    ) -> Result<(), TxError> {
        let key = versions_key(tag, id);
        let was = self.tree(Slot::Conflicted).get(&key)?.is_some();
        let is = versions.in_conflict();
        if is && !was {
            self.tree(Slot::Conflicted).insert(key.as_slice(), &[])?;
        } else if was && !is {
            self.tree(Slot::Conflicted).remove(key.as_slice())?;
        }
        self.tree(Slot::Versions)
            .insert(key, codec::encode(versions).map_err(abort)?)?;
        Ok(())
    }

    /// Appends a change to the log and returns the head it makes.
    pub(super) fn log(
        &mut self,
        entity: EntityRef,
        kind: &str,
        replaces: Vec<Version>,
        depth: u32,
        values: BTreeMap<String, Vec<u8>>,
    ) -> Result<Head, TxError> {
        self.hlc = Hlc::tick(self.hlc, self.now.0);
        let payload = Payload {
            salt: rand::random(),
            values,
        };
        let envelope = Envelope {
            origin: self.me,
            seq: self.seq,
            hlc: self.hlc,
            author: self.author.to_string(),
            entity,
            kind: kind.to_string(),
            replaces,
            depth,
            payload_hash: payload.hash().map_err(abort)?,
        };
        let change = Change {
            envelope,
            payload: Some(payload),
        };
        self.tree(Slot::Changes).insert(
            change_key(self.me, self.seq),
            codec::encode(&change).map_err(abort)?,
        )?;
        let head = Head {
            origin: None,
            seq: self.seq,
            depth,
            hlc: self.hlc,
        };
        self.seq += 1;
        self.applied.changes += 1;
        Ok(head)
    }

    /// Writes a record: a change with the fields that differ, the record, its indexes.
    fn put<E: Entity>(&mut self, new: &E) -> Result<(), TxError> {
        let old: Option<E> = self.read(new.id())?;
        self.put_over(old, new.clone())
    }

    /// `put` for a caller that has already read the stored record (`old`).
    fn put_over<E: Entity>(&mut self, old: Option<E>, mut new: E) -> Result<(), TxError> {
        let id = new.id();
        // An erased household, or a need or referral of one, is not edited.
        let any: &dyn std::any::Any = &new;
        let household = any
            .downcast_ref::<Need>()
            .map(|n| n.household)
            .or_else(|| any.downcast_ref::<Referral>().map(|r| r.household));
        self.refuse_erased(
            &[Some(id), household]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>(),
        )?;
        new.keep_local(old.as_ref());
        let new = &new;
        let old_fields: BTreeMap<&str, Vec<u8>> = match &old {
            Some(o) => o.fields().map_err(abort)?.into_iter().collect(),
            None => BTreeMap::new(),
        };
        let changed: BTreeMap<String, Vec<u8>> = new
            .fields()
            .map_err(abort)?
            .into_iter()
            .filter(|(name, bytes)| old_fields.get(name) != Some(bytes))
            .map(|(name, bytes)| (name.to_string(), bytes))
            .collect();
        if changed.is_empty() {
            return Ok(());
        }
        let mut versions = self.versions(E::TAG, id)?;
        let mut replaces = BTreeSet::new();
        let mut depth = 0;
        let mut mask = 0u64;
        for name in changed.keys() {
            let position = E::FIELDS.iter().position(|f| f == name).ok_or_else(|| {
                abort(StoreError::UnknownField {
                    kind: E::KIND,
                    field: name.to_string(),
                })
            })?;
            mask |= 1 << position;
            for head in versions.heads(position) {
                replaces.insert(head.version(self.me));
                depth = depth.max(head.depth);
            }
        }
        let entity = EntityRef {
            kind: E::KIND.to_string(),
            id,
        };
        let head = self.log(
            entity,
            KIND_FIELDS,
            replaces.into_iter().collect(),
            depth + 1,
            changed,
        )?;
        versions.set(mask, vec![head]);
        if old.is_none() && E::KIND == Referral::KIND {
            versions.root = Some(head);
        }
        self.put_versions(E::TAG, id, &versions)?;
        self.store_record(old.as_ref(), new)
    }

    /// A change that sets one field and replaces all its heads (resolving a conflict).
    fn resolve<E: Entity>(&mut self, id: Uuid, pos: usize, value: &[u8]) -> Result<(), TxError> {
        self.refuse_erased(&[id])?;
        let Some(name) = E::FIELDS.get(pos) else {
            return Err(abort(StoreError::NoField {
                kind: E::KIND,
                position: pos,
            }));
        };
        let Some(old) = self.read::<E>(id)? else {
            return Err(abort(StoreError::NotFound {
                kind: E::KIND,
                id: id.to_string(),
            }));
        };
        let mut new = old.clone();
        new.set_field(name, value).map_err(abort)?;
        let mut versions = self.versions(E::TAG, id)?;
        let heads = versions.heads(pos).to_vec();
        let replaces = heads.iter().map(|h| h.version(self.me)).collect();
        let depth = heads.iter().map(|h| h.depth).max().unwrap_or(0) + 1;
        let entity = EntityRef {
            kind: E::KIND.to_string(),
            id,
        };
        let values = [(name.to_string(), value.to_vec())].into();
        let head = self.log(entity, KIND_RESOLVE, replaces, depth, values)?;
        versions.set(1 << pos, vec![head]);
        self.put_versions(E::TAG, id, &versions)?;
        self.store_record(Some(&old), &new)
    }

    /// Writes the record and moves its index entries.
    pub(super) fn store_record<E: Entity>(&self, old: Option<&E>, new: &E) -> Result<(), TxError> {
        if let Some(old) = old {
            for (slot, key) in old.index_keys() {
                self.tree(slot).remove(key)?;
            }
        }
        for (slot, key) in new.index_keys() {
            self.tree(slot).insert(key, &[])?;
        }
        self.tree(E::TREE)
            .insert(new.id().as_bytes(), codec::encode(new).map_err(abort)?)?;
        Ok(())
    }

    /// A household: a new one always gets the device's next case code; an existing one
    /// keeps its code (`Entity::keep_local`).
    fn household(&mut self, h: &Household) -> Result<(), TxError> {
        let old = self.read::<Household>(h.id)?;
        let mut h = h.clone();
        if old.is_none() {
            h.case_code = format!("{}-{:04}", self.device_code, self.next_case);
            self.next_case += 1;
            self.applied.case_codes.push(h.case_code.clone());
        }
        self.put_over(old, h)
    }

    fn step(&mut self, id: Uuid, step: &Step) -> Result<(), TxError> {
        self.refuse_erased(&[id])?;
        let Some(old) = self.read::<Referral>(id)? else {
            return Err(abort(StoreError::NotFound {
                kind: "referral",
                id: id.to_string(),
            }));
        };
        if step.from != Some(old.status()) {
            return Err(abort(StoreError::Stale { now: old.status() }));
        }
        // The lifecycle is checked here too, so that no caller can write a step the
        // rules refuse (consent is read in the same transaction).
        let household: Option<Household> = self.read(old.household)?;
        old.check_step(step, household.as_ref().and_then(|h| h.consent.as_ref()))
            .map_err(abort)?;
        let mut versions = self.versions(Referral::TAG, id)?;
        let previous = versions.tip(self.me);
        let replaces = previous.iter().map(|h| h.version(self.me)).collect();
        let depth = versions
            .steps
            .iter()
            .chain(versions.root.iter())
            .map(|h| h.depth)
            .max()
            .unwrap_or(0)
            + 1;
        let values = [(
            "step".to_string(),
            codec::encode_value(step).map_err(abort)?,
        )]
        .into();
        let entity = EntityRef {
            kind: Referral::KIND.to_string(),
            id,
        };
        let head = self.log(entity, KIND_STEP, replaces, depth, values)?;
        versions.steps.push(head);
        self.put_versions(Referral::TAG, id, &versions)?;
        let mut new = old.clone();
        new.history.push(step.clone());
        self.store_record(Some(&old), &new)
    }
}

impl Store {
    /// Applies a user action's edits in one transaction, then flushes: when this returns
    /// `Ok`, the action is durable and may be acknowledged.
    pub fn apply(&self, author: &str, edits: &[Edit]) -> Result<Applied, StoreError> {
        let applied = self.apply_unflushed(author, edits)?;
        self.flush()?;
        Ok(applied)
    }

    /// Applies edits in one transaction without flushing: for bulk work (a chunk of a
    /// generated caseload) that flushes once at its end. Keep `edits` to a few thousand.
    pub fn apply_unflushed(&self, author: &str, edits: &[Edit]) -> Result<Applied, StoreError> {
        self.check_role(edits)?;
        let _writer = self
            .writer
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let now = self.now();
        let me = self.device.origin;
        let device_code = self.device.code.as_str();
        let result = self.trees.as_slice().transaction(|t| {
            let mut tx = Tx {
                t: Trees::Tx(t, self),
                me,
                author,
                now,
                seq: 1,
                hlc: Hlc::default(),
                next_case: 1,
                device_code,
                applied: Applied::default(),
                policy: self.policy(),
            };
            let meta_tree = tx.tree(Slot::Meta);
            let seq = super::read_u64(meta_tree.get(meta::NEXT_SEQ)?.as_deref())
                .map_err(abort)?
                .max(1);
            let hlc = match meta_tree.get(meta::HLC)? {
                Some(b) => codec::decode_value(&b).map_err(abort)?,
                None => Hlc::default(),
            };
            let next_case = super::read_u64(meta_tree.get(meta::NEXT_CASE)?.as_deref())
                .map_err(abort)?
                .max(1);
            (tx.seq, tx.hlc, tx.next_case) = (seq, hlc, next_case);
            for edit in edits {
                match edit {
                    Edit::Household(h) => tx.household(h)?,
                    Edit::Need(n) => tx.put(n)?,
                    Edit::Referral(r) => tx.put(r)?,
                    Edit::Organization(o) => tx.put(o)?,
                    Edit::Service(s) => tx.put(s)?,
                    Edit::Step { referral, step } => tx.step(*referral, step)?,
                    Edit::Erase { entity, values } => tx.erase(entity, values)?,
                    Edit::Statement(signed) => tx.statement(signed)?,
                    Edit::Distinct(d) => tx.put(d)?,
                    Edit::Resolve {
                        tag,
                        id,
                        field,
                        value,
                    } => match *tag {
                        Household::TAG => tx.resolve::<Household>(*id, *field, value)?,
                        Need::TAG => tx.resolve::<Need>(*id, *field, value)?,
                        Referral::TAG => tx.resolve::<Referral>(*id, *field, value)?,
                        Organization::TAG => tx.resolve::<Organization>(*id, *field, value)?,
                        Service::TAG => tx.resolve::<Service>(*id, *field, value)?,
                        Distinct::TAG => tx.resolve::<Distinct>(*id, *field, value)?,
                        other => {
                            return Err(abort(StoreError::UnknownKind { tag: other }));
                        }
                    },
                }
            }
            let meta_tree = tx.tree(Slot::Meta);
            meta_tree.insert(meta::NEXT_SEQ, tx.seq.to_be_bytes().to_vec())?;
            meta_tree.insert(meta::HLC, codec::encode_value(&tx.hlc).map_err(abort)?)?;
            meta_tree.insert(meta::NEXT_CASE, tx.next_case.to_be_bytes().to_vec())?;
            if tx.applied.changes > 0 && meta_tree.get(meta::KIND)?.is_none() {
                meta_tree.insert(
                    meta::KIND,
                    codec::encode(&DatabaseKind::Real).map_err(abort)?,
                )?;
            }
            Ok(tx.applied)
        });
        match result {
            Ok(applied) => Ok(applied),
            Err(TransactionError::Abort(e)) => Err(e),
            Err(TransactionError::Storage(e)) => Err(StoreError::Sled(e)),
        }
    }

    /// Moves a referral along its lifecycle (or refuses, saying why and what is allowed),
    /// and keeps its need's status in step, in one transaction.
    pub fn move_referral(
        &self,
        author: &str,
        id: Uuid,
        mv: &Move,
        note: &str,
    ) -> Result<Step, StoreError> {
        let referral = self
            .get::<Referral>(id)?
            .ok_or_else(|| StoreError::NotFound {
                kind: "referral",
                id: id.to_string(),
            })?;
        let household = self.get::<Household>(referral.household)?;
        let consent = household.as_ref().and_then(|h| h.consent.as_ref());
        let step = referral.check_move(mv, consent, self.now(), author, note)?;
        let mut edits = vec![Edit::Step {
            referral: id,
            step: step.clone(),
        }];
        // A partner's laptop answers the referral only: the need is the CRC's to follow.
        let partner = self
            .policy()
            .member(self.device.origin)
            .is_some_and(|c| c.role == crate::model::team::Role::Partner);
        if !partner && let Some(mut need) = self.get::<Need>(referral.need)? {
            let mut moved = referral.clone();
            moved.history.push(step.clone());
            let siblings: Vec<Referral> = self
                .referrals_of(referral.household)?
                .into_iter()
                .filter(|r| r.need == need.id && r.id != id)
                .chain(std::iter::once(moved))
                .collect();
            let status = need.status_after(&siblings);
            if status != need.status {
                need.status = status;
                edits.push(Edit::Need(need));
            }
        }
        self.apply(author, &edits)?;
        Ok(step)
    }

    /// Adds a follow-up note to a referral's history, whatever its status.
    pub fn note_referral(&self, author: &str, id: Uuid, note: &str) -> Result<Step, StoreError> {
        let referral = self
            .get::<Referral>(id)?
            .ok_or_else(|| StoreError::NotFound {
                kind: "referral",
                id: id.to_string(),
            })?;
        let step = referral.note_step(self.now(), author, note);
        self.apply(
            author,
            &[Edit::Step {
                referral: id,
                step: step.clone(),
            }],
        )?;
        Ok(step)
    }

    /// The field heads of one entity.
    pub fn versions_of<E: Entity>(&self, id: Uuid) -> Result<EntityVersions, StoreError> {
        match self.tree(Slot::Versions).get(versions_key(E::TAG, id))? {
            Some(b) => Ok(codec::decode(&b)?),
            None => Ok(EntityVersions::default()),
        }
    }
}
