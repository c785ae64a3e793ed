//! Applying changes that came from other devices: merge by heads (sync.md, "Merge").
//!
//! Each field keeps its heads: the versions that set it and that no known change replaces
//! for that field. The value shown is the head ranked highest by (depth, clock, origin),
//! which every device computes alike, whatever order the changes arrived in. More than
//! one head is a conflict for the coordinator. A referral's steps are replayed in that
//! same order by the lifecycle rules; a step the rules refuse where it lands is kept and
//! flagged. Changes arrive per origin in sequence order: one after a gap is parked until
//! the gap fills.

use std::collections::BTreeMap;

use uuid::Uuid;

use super::entity::Entity;
use super::write::{EntityVersions, Head, Tx, TxError, abort, rank, versions_key};
use super::{Slot, Store, StoreError, change_key, meta, read_u64};
use crate::codec::{self, CodecError};
use crate::model::change::{
    Change, KIND_ERASE, KIND_FIELDS, KIND_RESOLVE, KIND_STATEMENT, KIND_STEP, OriginId, Version,
};
use crate::model::clock::Hlc;
use crate::model::team::Refusal;
use crate::model::{
    Distinct, Household, Need, Organization, Problem, Referral, ReferralStatus, Service, Step,
};

/// What applying a batch of changes did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merged {
    /// New changes applied (parked ones that a gap-filler released included).
    pub applied: u64,
    /// Changes this device held already.
    pub known: u64,
    /// Changes waiting for a gap in their origin's sequence to fill.
    pub parked: u64,
}

fn replaced_key(tag: u8, id: Uuid, v: &Version) -> Vec<u8> {
    let mut k = versions_key(tag, id);
    k.extend(v.origin.0);
    k.extend(v.seq.to_be_bytes());
    k
}

/// Whether `held` (encoded) is `change` without its values: the same envelope, no
/// payload, while `change` has one.
fn same_without_values(held: &Change, change: &Change) -> bool {
    held.payload.is_none() && change.payload.is_some() && held.envelope == change.envelope
}

impl Tx<'_> {
    fn held(&self, origin: OriginId) -> Result<u64, TxError> {
        read_u64(self.tree(Slot::Held).get(origin.0)?.as_deref()).map_err(abort)
    }

    /// Applies one remote change in sequence order, and then any parked changes of the
    /// same origin that it unblocks. `encoded` is the change as `codec::encode` wrote it
    /// (the bundle's bytes), which the log keeps. `parking` says whether anything may be
    /// parked (a lookup per change saved when nothing is).
    fn merge(
        &mut self,
        change: &Change,
        encoded: &[u8],
        parking: &mut bool,
        merged: &mut Merged,
    ) -> Result<(), TxError> {
        let origin = change.envelope.origin;
        let seq = change.envelope.seq;
        if origin == self.me {
            merged.known += 1;
            return Ok(());
        }
        let held = self.held(origin)?;
        if seq <= held {
            // A change held without its values (withheld from laptops not certified
            // for sensitive cases) takes them when they come (a caseworker's bundle).
            if change.payload.is_some() && self.takes_withheld() && self.withheld(change)? {
                self.merge_one(change, encoded)?;
                merged.applied += 1;
            } else {
                merged.known += 1;
            }
            return Ok(());
        }
        if seq > held + 1 {
            let key = change_key(origin, seq);
            match self.tree(Slot::Parked).get(&key)? {
                None => {
                    self.tree(Slot::Parked).insert(key, encoded)?;
                    *parking = true;
                    merged.parked += 1;
                }
                // A parked copy without values gives way to one with them (withheld
                // from an uncertified courier, then come from a caseworker).
                Some(parked)
                    if change.payload.is_some()
                        && self.takes_withheld()
                        && same_without_values(&codec::decode(&parked).map_err(abort)?, change) =>
                {
                    self.tree(Slot::Parked).insert(key, encoded)?;
                    merged.known += 1;
                }
                Some(_) => merged.known += 1,
            }
            return Ok(());
        }
        self.merge_one(change, encoded)?;
        merged.applied += 1;
        let mut held = seq;
        while *parking && let Some(bytes) = self.take_parked(origin, held + 1)? {
            let next: Change = codec::decode(&bytes).map_err(abort)?;
            self.merge_one(&next, &bytes)?;
            merged.applied += 1;
            merged.parked = merged.parked.saturating_sub(1);
            held += 1;
        }
        self.tree(Slot::Held)
            .insert(&origin.0, &held.to_be_bytes())?;
        // The clock moves on to what it has seen, within a day of the wall clock.
        self.hlc = Hlc::observe(self.hlc, change.envelope.hlc, self.now.0);
        Ok(())
    }

    /// Whether the log holds this very change (the same envelope) without its values,
    /// and not because its record was erased (an erased record's values never come
    /// back).
    fn withheld(&self, change: &Change) -> Result<bool, TxError> {
        let e = &change.envelope;
        let Some(bytes) = self.tree(Slot::Changes).get(change_key(e.origin, e.seq))? else {
            return Ok(false);
        };
        let held: Change = codec::decode(&bytes).map_err(abort)?;
        Ok(same_without_values(&held, change) && !self.touches_erased(&held)?)
    }

    /// Whether values withheld from this laptop are taken when they come: a team laptop
    /// certified for sensitive cases (the policy this transaction began with).
    fn takes_withheld(&self) -> bool {
        self.policy.member(self.me).is_some_and(|c| c.sensitive)
    }

    /// A parked change, removed from parking (read first: a remove of a key that is not
    /// there would still be a write in the transaction).
    fn take_parked(&self, origin: OriginId, seq: u64) -> Result<Option<sled::IVec>, TxError> {
        let key = change_key(origin, seq);
        match self.tree(Slot::Parked).get(&key)? {
            Some(bytes) => {
                self.tree(Slot::Parked).remove(key)?;
                Ok(Some(bytes))
            }
            None => Ok(None),
        }
    }

    pub(super) fn merge_one(&mut self, change: &Change, encoded: &[u8]) -> Result<(), TxError> {
        let e = &change.envelope;
        // Kept, with no effect, when its origin's role does not allow it or its origin
        // was revoked before it (teams): the log stays verifiable and forwardable. An
        // erasure cannot be undone (the values are gone where it was applied), so a
        // revoked laptop's erasure stands, and every laptop ends alike.
        let is_erase = e.entity.kind == Household::KIND && e.kind == KIND_ERASE;
        let refusal = match self.policy.refuses(e) {
            Some(Refusal::Revoked) if is_erase => None,
            r => r,
        };
        if refusal.is_some() {
            self.mark_ineffective(e.origin, e.seq, refusal)?;
        }
        let refused = refusal.is_some();
        if is_erase && !refused {
            self.tree(Slot::Changes)
                .insert(change_key(e.origin, e.seq), encoded)?;
            return self.apply_erase(change);
        }
        if self.touches_erased(change)? {
            // A change of an erased record: kept without its values, with no effect.
            let kept = super::erase::without_payload(change).map_err(abort)?;
            self.tree(Slot::Changes)
                .insert(change_key(e.origin, e.seq), kept)?;
            return Ok(());
        }
        self.tree(Slot::Changes)
            .insert(change_key(e.origin, e.seq), encoded)?;
        if refused {
            return Ok(());
        }
        // A resolution is merged as any change of fields.
        let kind = if e.kind == KIND_RESOLVE {
            KIND_FIELDS
        } else {
            e.kind.as_str()
        };
        match (e.entity.kind.as_str(), kind) {
            ("household", KIND_FIELDS) => self.merge_fields::<Household>(change),
            ("need", KIND_FIELDS) => self.merge_fields::<Need>(change),
            ("referral", KIND_FIELDS) => self.merge_fields::<Referral>(change),
            ("organization", KIND_FIELDS) => self.merge_fields::<Organization>(change),
            ("service", KIND_FIELDS) => self.merge_fields::<Service>(change),
            ("distinct", KIND_FIELDS) => self.merge_fields::<Distinct>(change),
            ("referral", KIND_STEP) => self.merge_step(change),
            ("team", KIND_STATEMENT) => self.carry_statement(change),
            // A kind this version does not know: kept in the log and forwarded.
            _ => Ok(()),
        }
    }

    fn head_of(&self, change: &Change) -> Head {
        let e = &change.envelope;
        Head {
            origin: (e.origin != self.me).then_some(e.origin),
            seq: e.seq,
            depth: e.depth,
            hlc: e.hlc,
        }
    }

    /// The value a head set for a field, read from the log.
    fn value_of(&self, head: &Head, field: &str) -> Result<Option<Vec<u8>>, TxError> {
        Ok(self
            .change_at(head)?
            .and_then(|c| c.payload)
            .and_then(|p| p.values.get(field).cloned()))
    }

    /// The change a head names, if this laptop holds it.
    pub(super) fn change_at(&self, head: &Head) -> Result<Option<Change>, TxError> {
        let origin = head.origin.unwrap_or(self.me);
        match self.tree(Slot::Changes).get(change_key(origin, head.seq))? {
            Some(bytes) => Ok(Some(codec::decode(&bytes).map_err(abort)?)),
            None => Ok(None),
        }
    }

    fn merge_fields<E: Entity>(&mut self, change: &Change) -> Result<(), TxError> {
        let e = &change.envelope;
        let id = e.entity.id;
        let Some(payload) = &change.payload else {
            // A withheld payload (erasure) is the data-protection issue's.
            return Ok(());
        };
        let mut mask = 0u64;
        for name in payload.values.keys() {
            if let Some(pos) = E::FIELDS.iter().position(|f| f == name) {
                mask |= 1 << pos;
            }
        }
        // What this change replaces, for the fields it sets, is replaced for good: a
        // replaced version that arrives later never becomes a head.
        for v in &e.replaces {
            let key = replaced_key(E::TAG, id, v);
            let before =
                read_u64(self.tree(Slot::Replaced).get(&key)?.as_deref()).map_err(abort)?;
            self.tree(Slot::Replaced)
                .insert(key, &(before | mask).to_be_bytes())?;
        }
        let superseded = read_u64(
            self.tree(Slot::Replaced)
                .get(replaced_key(E::TAG, id, &e.version()))?
                .as_deref(),
        )
        .map_err(abort)?;
        let me = self.me;
        let head = self.head_of(change);
        let mut versions = self.versions(E::TAG, id)?;
        for pos in 0..E::FIELDS.len() {
            let bit = 1u64 << pos;
            if mask & bit == 0 {
                continue;
            }
            let mut heads: Vec<Head> = versions
                .heads(pos)
                .iter()
                .copied()
                .filter(|h| !e.replaces.contains(&h.version(me)))
                .collect();
            if superseded & bit == 0 && !heads.contains(&head) {
                heads.push(head);
            }
            heads.sort_by_key(|h| rank(h, me));
            versions.set(bit, heads);
        }
        let old: Option<E> = self.read(id)?;
        // Whole once every field of the first format has a value (`Entity::BASE_FIELDS`).
        let complete = (0..E::BASE_FIELDS).all(|pos| !versions.heads(pos).is_empty());
        if old.is_none() && E::KIND == Referral::KIND && versions.root.is_none() && complete {
            versions.root = Some(head);
        }
        self.put_versions(E::TAG, id, &versions)?;
        if old.is_none() && !complete {
            // Some field has no value yet (its creating change has not arrived).
            return Ok(());
        }
        let mut new = old.clone().unwrap_or_else(|| E::blank(id));
        // Winners' payloads, decoded once each (usually the incoming change wins them all).
        let mut winners: BTreeMap<(OriginId, u64), Option<crate::model::change::Payload>> =
            BTreeMap::new();
        winners.insert((e.origin, e.seq), change.payload.clone());
        for (pos, name) in E::FIELDS.iter().enumerate() {
            if old.is_some() && mask & (1 << pos) == 0 {
                continue;
            }
            let Some(winner) = versions
                .heads(pos)
                .iter()
                .max_by_key(|h| rank(h, me))
                .copied()
            else {
                continue;
            };
            let key = (winner.origin.unwrap_or(me), winner.seq);
            if let std::collections::btree_map::Entry::Vacant(slot) = winners.entry(key) {
                slot.insert(self.change_at(&winner)?.and_then(|c| c.payload));
            }
            let value = winners
                .get(&key)
                .and_then(|p| p.as_ref())
                .and_then(|p| p.values.get(*name));
            if let Some(value) = value {
                new.set_field(name, value).map_err(abort)?;
            }
        }
        self.finish_record(old.as_ref(), new, &versions)
    }

    /// Stores a merged record; a referral's history is replayed from its steps first.
    fn finish_record<E: Entity>(
        &self,
        old: Option<&E>,
        mut new: E,
        versions: &EntityVersions,
    ) -> Result<(), TxError> {
        let any: &mut dyn std::any::Any = &mut new;
        if let Some(referral) = any.downcast_mut::<Referral>() {
            self.replay(referral, versions)?;
        }
        self.store_record(old, &new)
    }

    /// Rebuilds a referral's history from all its steps, in rank order, by the lifecycle.
    fn replay(&self, referral: &mut Referral, versions: &EntityVersions) -> Result<(), TxError> {
        let me = self.me;
        let mut steps: Vec<(Head, Step)> = Vec::new();
        for head in &versions.steps {
            if let Some(bytes) = self.value_of(head, "step")? {
                let step: Step = codec::decode_value(&bytes).map_err(abort)?;
                steps.push((*head, step));
            }
        }
        steps.sort_by_key(|(h, _)| rank(h, me));
        let mut history = vec![Referral::created_step(
            referral.created_at,
            &referral.created_by,
        )];
        let mut flagged = Vec::new();
        let mut status = ReferralStatus::Draft;
        let policy = self.policy.clone();
        for (head, step) in steps {
            // A partner's step counts only on a referral addressed to its organization.
            let origin = head.origin.unwrap_or(me);
            match policy.allows_partner_step(origin, referral.organization, &step) {
                Some(false) => {
                    self.mark_ineffective(origin, head.seq, Some(Refusal::BeyondRole))?;
                    continue;
                }
                Some(true) => self.mark_ineffective(origin, head.seq, None)?,
                None => {}
            }
            let fits = step.from == Some(status)
                && (step.is_note() || status.allowed_next().contains(&step.to));
            if fits {
                status = step.to;
                history.push(step);
            } else {
                flagged.push(step);
            }
        }
        referral.history = history;
        referral.flagged = flagged;
        Ok(())
    }

    fn merge_step(&mut self, change: &Change) -> Result<(), TxError> {
        let id = change.envelope.entity.id;
        let head = self.head_of(change);
        let mut versions = self.versions(Referral::TAG, id)?;
        if !versions.steps.contains(&head) {
            versions.steps.push(head);
        }
        self.put_versions(Referral::TAG, id, &versions)?;
        if let Some(old) = self.read::<Referral>(id)? {
            self.finish_record(Some(&old), old.clone(), &versions)?;
        }
        Ok(())
    }
}

impl Store {
    /// The highest sequence number held from `origin` without a gap (this device's own
    /// included).
    pub fn held(&self, origin: OriginId) -> Result<u64, StoreError> {
        if origin == self.device.origin {
            return Ok(self.next_seq()? - 1);
        }
        read_u64(self.tree(Slot::Held).get(origin.0)?.as_deref())
    }

    /// Per origin, the highest sequence number held without a gap.
    pub fn watermarks(&self) -> Result<BTreeMap<OriginId, u64>, StoreError> {
        let mut marks = BTreeMap::new();
        for entry in self.tree(Slot::Held).iter() {
            let (k, v) = entry?;
            let origin: [u8; 32] = k
                .as_ref()
                .try_into()
                .map_err(|_| StoreError::Codec(codec::CodecError::Decode("held key".into())))?;
            marks.insert(OriginId(origin), read_u64(Some(&v))?);
        }
        marks.insert(self.device.origin, self.next_seq()? - 1);
        Ok(marks)
    }

    /// Per origin, the parked sequence numbers (waiting for a gap to fill).
    pub fn parked(&self) -> Result<BTreeMap<OriginId, Vec<u64>>, StoreError> {
        let mut parked: BTreeMap<OriginId, Vec<u64>> = BTreeMap::new();
        for key in self.tree(Slot::Parked).iter().keys() {
            let key = key?;
            if key.len() == 40 {
                let mut origin = [0u8; 32];
                origin.copy_from_slice(&key[..32]);
                let mut seq = [0u8; 8];
                seq.copy_from_slice(&key[32..]);
                parked
                    .entry(OriginId(origin))
                    .or_default()
                    .push(u64::from_be_bytes(seq));
            }
        }
        Ok(parked)
    }

    /// Applies one staged chunk of changes from other devices (encoded, sorted by origin
    /// and sequence number) in one transaction, which also removes the chunk from
    /// staging. Unflushed: the importer flushes once it is done.
    fn merge_chunk(&self, key: &[u8], changes: &[&[u8]]) -> Result<Merged, StoreError> {
        let _writer = self
            .writer
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut parking = !self.tree(Slot::Parked).is_empty();
        let merged = self.overlay_pass(super::Pass::Import, |tx| {
            let mut merged = Merged::default();
            for encoded in changes {
                let change: Change = codec::decode(encoded).map_err(abort)?;
                tx.merge(&change, encoded, &mut parking, &mut merged)?;
            }
            // The chunk leaves the staging tree with its changes' effects: the staging
            // tree is the import's durable cursor.
            tx.tree(Slot::Staging).remove(key)?;
            tx.tree(Slot::Meta)
                .insert(meta::HLC, codec::encode_value(&tx.hlc).map_err(abort)?)?;
            Ok(merged)
        })?;
        // Erasures this chunk applied: their redaction, outside the chunk.
        self.finish_erasures_locked()?;
        Ok(merged)
    }
}

/// A field with more than one head: concurrent edits that sync could not order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The kind of record (`Entity::TAG`).
    pub tag: u8,
    pub id: Uuid,
    /// The field's position in `Entity::FIELDS`.
    pub field: usize,
    pub heads: Vec<Head>,
}

/// The meta key that says a whole bundle is staged and must be applied.
pub const STAGED: &[u8] = b"staged_import";

/// How many changes one apply transaction takes.
pub const APPLY_CHUNK: usize = 500;

/// The format byte of a staged chunk.
const STAGED_FORMAT: u8 = 1;

/// The encoded changes of a staged chunk (see `Store::stage`).
fn staged_changes(value: &[u8]) -> Result<Vec<&[u8]>, StoreError> {
    let damaged = || StoreError::StagedDamaged;
    let (&format, mut rest) = value.split_first().ok_or_else(damaged)?;
    if format != STAGED_FORMAT {
        return Err(damaged());
    }
    let mut out = Vec::new();
    while !rest.is_empty() {
        let (len, tail) = rest.split_first_chunk::<4>().ok_or_else(damaged)?;
        let len = u32::from_le_bytes(*len) as usize;
        if tail.len() < len {
            return Err(damaged());
        }
        let (change, tail) = tail.split_at(len);
        out.push(change);
        rest = tail;
    }
    Ok(out)
}

impl Store {
    /// Stages a verified bundle's changes: written whole and flushed, then marked. A crash
    /// before the mark leaves nothing (the staging tree is cleared on open); after it,
    /// the rest is applied on open.
    ///
    /// `changes` are encoded (`codec::encode`, as a bundle carries them) and sorted by
    /// origin and sequence number. They are staged in chunks of `APPLY_CHUNK`, one sled
    /// value each (numbered, so in order), framed as a format byte and then, per change,
    /// its length (u32, little-endian) and its bytes.
    pub fn stage(&self, changes: &[&[u8]]) -> Result<(), StoreError> {
        // An import that stopped half-way (a store error) is finished first.
        self.apply_staged(|_| {})?;
        let staging = self.tree(Slot::Staging);
        staging.clear()?;
        for (n, chunk) in changes.chunks(APPLY_CHUNK).enumerate() {
            let size = chunk.iter().map(|c| 4 + c.len()).sum::<usize>();
            let mut value = Vec::with_capacity(1 + size);
            value.push(STAGED_FORMAT);
            for c in chunk {
                let len = u32::try_from(c.len()).map_err(|_| StoreError::ChangeTooLarge)?;
                value.extend(len.to_le_bytes());
                value.extend_from_slice(c);
            }
            staging.insert((n as u64).to_be_bytes(), value)?;
        }
        self.flush()?;
        self.tree(Slot::Meta).insert(STAGED, [1])?;
        self.flush()
    }

    /// Applies what is staged, in chunks, then clears the mark. Returns what it did.
    pub fn apply_staged(&self, mut progress: impl FnMut(u64)) -> Result<Merged, StoreError> {
        let mut total = Merged::default();
        if self.tree(Slot::Meta).get(STAGED)?.is_none() {
            // A staging that was never marked complete is dropped: none of that bundle.
            self.tree(Slot::Staging).clear()?;
            return Ok(total);
        }
        while let Some((key, value)) = self.tree(Slot::Staging).first()? {
            let m = self.merge_chunk(&key, &staged_changes(&value)?)?;
            total.applied += m.applied;
            total.known += m.known;
            total.parked += m.parked;
            progress(total.applied + total.known + total.parked);
        }
        self.tree(Slot::Meta).remove(STAGED)?;
        self.flush()?;
        Ok(total)
    }

    /// Every field with more than one head (read from the records the conflicted tree
    /// names, not from every record).
    pub fn conflicts(&self) -> Result<Vec<Conflict>, StoreError> {
        let mut out = Vec::new();
        for k in self.tree(Slot::Conflicted).iter().keys() {
            let k = k?;
            if k.len() != 17 {
                continue;
            }
            let id = Uuid::from_slice(&k[1..])
                .map_err(|_| StoreError::DamagedKey { tree: "conflicted" })?;
            let Some(v) = self.tree(Slot::Versions).get(&k)? else {
                continue;
            };
            let versions: EntityVersions = codec::decode(&v)?;
            for (heads, mask) in &versions.groups {
                if heads.len() > 1 {
                    for pos in 0..64 {
                        if mask & (1 << pos) != 0 {
                            out.push(Conflict {
                                tag: k[0],
                                id,
                                field: pos,
                                heads: heads.clone(),
                            });
                        }
                    }
                }
            }
        }
        // In the same order on every device (groups within a record are not).
        out.sort_by_key(|c| (c.tag, c.id, c.field));
        Ok(out)
    }

    /// Rebuilds the conflicted tree from the versions of every record (schema 1 to 2).
    pub(super) fn build_conflicted(&self) -> Result<(), StoreError> {
        let conflicted = self.tree(Slot::Conflicted);
        conflicted.clear()?;
        for entry in self.tree(Slot::Versions).iter() {
            let (k, v) = entry?;
            if k.len() == 17 && codec::decode::<EntityVersions>(&v)?.in_conflict() {
                conflicted.insert(k, [])?;
            }
        }
        Ok(())
    }

    /// BLAKE3 over the shared state in a canonical order: every household, need,
    /// referral, organization, service and "not the same" record (by id), then every open
    /// conflict with
    /// its heads. Equal on devices with the same trust set that hold the same changes;
    /// it leaves out what stays on one laptop (trust list, keys, audit, watermarks,
    /// parked changes, the gazetteer).
    pub fn state_digest(&self) -> Result<[u8; 32], StoreError> {
        let mut h = blake3::Hasher::new();
        for slot in [
            Slot::Households,
            Slot::Needs,
            Slot::Referrals,
            Slot::Organizations,
            Slot::Services,
            Slot::Distinct,
        ] {
            h.update(slot.name().as_bytes());
            for entry in self.tree(slot).iter() {
                let (k, v) = entry?;
                h.update(&(k.len() as u32).to_le_bytes());
                h.update(&k);
                h.update(&(v.len() as u32).to_le_bytes());
                h.update(&v);
            }
        }
        h.update(b"conflicts");
        let me = self.device.origin;
        for c in self.conflicts()? {
            h.update(&[c.tag]);
            h.update(c.id.as_bytes());
            h.update(&(c.field as u32).to_le_bytes());
            let mut versions: Vec<Version> = c.heads.iter().map(|x| x.version(me)).collect();
            versions.sort();
            for v in versions {
                h.update(&v.origin.0);
                h.update(&v.seq.to_le_bytes());
            }
        }
        Ok(*h.finalize().as_bytes())
    }
}

impl Store {
    /// Keeps a received segment's header (with its origin's signature) to forward it.
    pub fn keep_segment(
        &self,
        header: &crate::model::change::SegmentHeader,
    ) -> Result<(), StoreError> {
        self.segments_tree().insert(
            change_key(header.origin, header.first),
            codec::encode(header)?,
        )?;
        Ok(())
    }

    /// The kept segment headers of one origin, by first sequence number.
    pub fn segments_of(
        &self,
        origin: OriginId,
    ) -> Result<Vec<crate::model::change::SegmentHeader>, StoreError> {
        self.segments_tree()
            .scan_prefix(origin.0)
            .values()
            .map(|v| Ok(codec::decode(&v?)?))
            .collect()
    }

    /// Remembers what a trusted device said it holds. What a device holds only grows, so
    /// an older bundle of it, imported after a newer one (a shared folder holds many,
    /// read in name order), does not make it seem to hold less: per origin, the most
    /// it has said is kept.
    pub fn learn_watermarks(
        &self,
        sender: OriginId,
        marks: &BTreeMap<OriginId, u64>,
    ) -> Result<(), StoreError> {
        let mut merged: BTreeMap<OriginId, u64> = match self.team_tree().get(sender.0)? {
            Some(b) => codec::decode_value::<Vec<(OriginId, u64)>>(&b)?
                .into_iter()
                .collect(),
            None => BTreeMap::new(),
        };
        for (origin, seq) in marks {
            let held = merged.entry(*origin).or_insert(0);
            *held = (*held).max(*seq);
        }
        let known: Vec<(OriginId, u64)> = merged.into_iter().collect();
        self.team_tree()
            .insert(sender.0, codec::encode_value(&known)?)?;
        Ok(())
    }

    /// For each origin, what every trusted device is known to hold (the least of what
    /// they said; 0 when one has said nothing): what an export need not carry.
    pub fn team_knows(&self) -> Result<BTreeMap<OriginId, u64>, StoreError> {
        let mut devices: Vec<OriginId> = self.trusted()?.iter().map(|d| d.origin).collect();
        // Team devices that receive bundles count too (partners receive none).
        for (origin, _) in self.policy().team_recipients(self.device.origin) {
            if !devices.contains(&origin) {
                devices.push(origin);
            }
        }
        let mut least: BTreeMap<OriginId, u64> = BTreeMap::new();
        if devices.is_empty() {
            return Ok(least);
        }
        let mut reports: Vec<BTreeMap<OriginId, u64>> = Vec::new();
        for d in &devices {
            let report: Vec<(OriginId, u64)> = match self.team_tree().get(d.0)? {
                Some(b) => codec::decode_value(&b)?,
                None => Vec::new(),
            };
            reports.push(report.into_iter().collect());
        }
        let origins: std::collections::BTreeSet<OriginId> =
            reports.iter().flat_map(|r| r.keys().copied()).collect();
        for origin in origins {
            let min = reports
                .iter()
                .map(|r| r.get(&origin).copied().unwrap_or(0))
                .min()
                .unwrap_or(0);
            least.insert(origin, min);
        }
        Ok(least)
    }
}

/// One value of a conflict, as the coordinator sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictValue {
    /// The value, encoded as the change carried it (what a resolution writes back).
    pub value: Vec<u8>,
    /// The value in words.
    pub shown: String,
    pub author: String,
    pub at: crate::model::Timestamp,
    /// Whether this is the value shown now.
    pub current: bool,
}

/// A conflict with its values, for the coordinator's queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictDetail {
    pub tag: u8,
    pub id: Uuid,
    pub field: usize,
    pub kind: &'static str,
    pub field_name: &'static str,
    /// What the record is, in a few words (a case code, a service's name).
    pub label: String,
    pub values: Vec<ConflictValue>,
    /// Whether the field holds plain text, so that a new value may be typed.
    pub typed: bool,
}

/// A field's value in words: the record's field as JSON, strings without quotes.
fn shown<E: Entity + serde::Serialize>(id: Uuid, name: &str, bytes: &[u8]) -> String {
    let mut record = E::blank(id);
    if record.set_field(name, bytes).is_err() {
        return "?".into();
    }
    match serde_json::to_value(&record)
        .ok()
        .and_then(|v| v.get(name).cloned())
    {
        Some(serde_json::Value::String(s)) => s,
        Some(v) => v.to_string(),
        None => "?".into(),
    }
}

/// What `conflict_details` reads of one conflict, before ranking its values.
struct Parts {
    kind: &'static str,
    field_name: &'static str,
    typed: bool,
    label: String,
    /// (encoded value, value in words, author) per head, in the heads' order.
    values: Vec<(Vec<u8>, String, String)>,
}

fn parts<E: Entity + serde::Serialize>(
    store: &Store,
    c: &Conflict,
    label: impl Fn(&E) -> String,
) -> Result<Option<Parts>, StoreError> {
    let Some(name) = E::FIELDS.get(c.field) else {
        return Ok(None);
    };
    let label = store.get::<E>(c.id)?.map(|r| label(&r)).unwrap_or_default();
    let mut values = Vec::new();
    for h in &c.heads {
        let origin = h.origin.unwrap_or(store.device.origin);
        let change = store
            .tree(Slot::Changes)
            .get(change_key(origin, h.seq))?
            .map(|b| codec::decode::<Change>(&b))
            .transpose()?;
        let bytes = change
            .as_ref()
            .and_then(|ch| ch.payload.as_ref())
            .and_then(|p| p.values.get(*name).cloned())
            .unwrap_or_default();
        let author = change.map(|ch| ch.envelope.author).unwrap_or_default();
        let text = shown::<E>(c.id, name, &bytes);
        values.push((bytes, text, author));
    }
    Ok(Some(Parts {
        kind: E::KIND,
        field_name: name,
        typed: E::TYPED.contains(name),
        label,
        values,
    }))
}

/// Why typed text cannot resolve a conflict (`Store::typed_resolution`).
#[derive(Debug, thiserror::Error)]
pub enum TypedValueError {
    /// The field is not one of plain text (or the record is of no kind known here): one
    /// of its values is kept instead.
    #[error("this value cannot be typed: keep one of the values shown")]
    NotText,
    /// The record is not in the store any more.
    #[error("this {kind} is no longer here")]
    Gone { kind: &'static str },
    /// The record's own rules refuse the text: the problem they name for the field.
    #[error("{}", .0.message)]
    Refused(Problem),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Codec(#[from] CodecError),
}

/// A typed value for a text field of a record, checked as the record's own rules check it.
fn typed<E: Entity>(
    store: &Store,
    id: Uuid,
    field: usize,
    text: &str,
) -> Result<Vec<u8>, TypedValueError> {
    let name = E::FIELDS
        .get(field)
        .filter(|n| E::TYPED.contains(n))
        .ok_or(TypedValueError::NotText)?;
    let mut record = store
        .get::<E>(id)?
        .ok_or(TypedValueError::Gone { kind: E::KIND })?;
    let value = codec::encode_value(text.trim())?;
    record.set_field(name, &value)?;
    let today = store.now().date();
    match record
        .problems(&store.gazetteer(), today)
        .into_iter()
        .find(|p| p.field == *name)
    {
        Some(problem) => Err(TypedValueError::Refused(problem)),
        None => Ok(value),
    }
}

impl Store {
    /// The encoded value that resolves conflict field `field` of record `tag`/`id` with
    /// typed text (trimmed), or what is wrong with the text.
    pub fn typed_resolution(
        &self,
        tag: u8,
        id: Uuid,
        field: usize,
        text: &str,
    ) -> Result<Vec<u8>, TypedValueError> {
        match tag {
            Household::TAG => typed::<Household>(self, id, field, text),
            Need::TAG => typed::<Need>(self, id, field, text),
            Referral::TAG => typed::<Referral>(self, id, field, text),
            Organization::TAG => typed::<Organization>(self, id, field, text),
            Service::TAG => typed::<Service>(self, id, field, text),
            Distinct::TAG => typed::<Distinct>(self, id, field, text),
            _ => Err(TypedValueError::NotText),
        }
    }

    /// Every conflict with its values, who made each and when.
    pub fn conflict_details(&self) -> Result<Vec<ConflictDetail>, StoreError> {
        let me = self.device.origin;
        let mut out = Vec::new();
        for c in self.conflicts()? {
            let found = match c.tag {
                Household::TAG => parts::<Household>(self, &c, |h| h.case_code.clone())?,
                Need::TAG => parts::<Need>(self, &c, |n| n.description.clone())?,
                Referral::TAG => parts::<Referral>(self, &c, |r| r.reason.clone())?,
                Organization::TAG => parts::<Organization>(self, &c, |o| o.name.clone())?,
                Service::TAG => parts::<Service>(self, &c, |s| s.name.clone())?,
                Distinct::TAG => parts::<Distinct>(self, &c, |d| d.by.clone())?,
                _ => None,
            };
            let Some(p) = found else { continue };
            let winner = c.heads.iter().max_by_key(|h| rank(h, me)).copied();
            let values = c
                .heads
                .iter()
                .zip(p.values)
                .map(|(h, (value, shown, author))| ConflictValue {
                    value,
                    shown,
                    author,
                    at: crate::model::Timestamp(h.hlc.wall_ms),
                    current: Some(*h) == winner,
                })
                .collect();
            out.push(ConflictDetail {
                tag: c.tag,
                id: c.id,
                field: c.field,
                kind: p.kind,
                field_name: p.field_name,
                label: p.label,
                values,
                typed: p.typed,
            });
        }
        Ok(out)
    }
}
