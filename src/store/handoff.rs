//! A partner device's copy of what a coordinator handed off (docs/teams.md, "Partners"):
//! the referrals addressed to its organization with what their households consented to
//! disclose, and the service directory. Not changes: a snapshot that replaces the last
//! one, written in one batch. The partner's own answers (referral steps in its log) that
//! the snapshot does not show yet are kept on top of it.

use uuid::Uuid;

use super::entity::Entity;
use super::write::{EntityVersions, Head, Tx, TxError, abort, rank};
use super::{Slot, Store, StoreError, change_key};
use crate::codec;
use crate::model::change::{Change, OriginId};
use crate::model::{
    Household, HouseholdV1, Need, Organization, OrganizationV1, Referral, Service, ServiceV1, Step,
};

/// A referral as handed off: the record, and the heads of its creation and steps (with
/// their origins named), so that the partner's answers follow them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HandedReferral {
    pub referral: Referral,
    pub root: Option<Head>,
    pub steps: Vec<Head>,
}

/// What a hand-off holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Snapshot {
    pub households: Vec<Household>,
    pub needs: Vec<Need>,
    pub referrals: Vec<HandedReferral>,
    pub organizations: Vec<Organization>,
    pub services: Vec<Service>,
}

/// What a hand-off of format 1 held: households without their size.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SnapshotV1 {
    pub households: Vec<HouseholdV1>,
    pub needs: Vec<Need>,
    pub referrals: Vec<HandedReferral>,
    pub organizations: Vec<OrganizationV1>,
    pub services: Vec<ServiceV1>,
}

/// What a hand-off of format 2 held: organizations and services of format 1.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SnapshotV2 {
    pub households: Vec<Household>,
    pub needs: Vec<Need>,
    pub referrals: Vec<HandedReferral>,
    pub organizations: Vec<OrganizationV1>,
    pub services: Vec<ServiceV1>,
}

impl From<SnapshotV1> for Snapshot {
    fn from(old: SnapshotV1) -> Snapshot {
        SnapshotV2 {
            households: old
                .households
                .into_iter()
                .map(|h| h.with_size(None))
                .collect(),
            needs: old.needs,
            referrals: old.referrals,
            organizations: old.organizations,
            services: old.services,
        }
        .into()
    }
}

impl From<SnapshotV2> for Snapshot {
    fn from(old: SnapshotV2) -> Snapshot {
        Snapshot {
            households: old.households,
            needs: old.needs,
            referrals: old.referrals,
            organizations: old.organizations.into_iter().map(Into::into).collect(),
            services: old.services.into_iter().map(Into::into).collect(),
        }
    }
}

/// A head with its origin named (`None` means the device that holds it).
pub fn named(h: Head, holder: OriginId) -> Head {
    Head {
        origin: Some(h.origin.unwrap_or(holder)),
        ..h
    }
}

impl Tx<'_> {
    /// Removes a record and its index entries.
    fn drop_record<E: Entity>(&self, old: &E) -> Result<(), TxError> {
        for (slot, key) in old.index_keys() {
            self.tree(slot).remove(key)?;
        }
        self.tree(E::TREE).remove(old.id().as_bytes().to_vec())?;
        Ok(())
    }

    /// Writes every record of a kind from the snapshot, and drops the ones it no longer
    /// holds.
    fn mirror<E: Entity>(&self, records: &[E]) -> Result<(), TxError> {
        let keep: std::collections::BTreeSet<Uuid> = records.iter().map(|r| r.id()).collect();
        let held: Vec<E> = self
            .store()
            .all::<E>()
            .collect::<Result<_, _>>()
            .map_err(abort)?;
        for old in held.iter().filter(|o| !keep.contains(&o.id())) {
            self.drop_record(old)?;
        }
        for new in records {
            let old: Option<E> = self.read(new.id())?;
            self.store_record(old.as_ref(), new)?;
        }
        Ok(())
    }

    /// A handed-off referral, with this device's own steps that it does not show yet.
    fn mirror_referral(&self, handed: &HandedReferral) -> Result<(), TxError> {
        let me = self.me;
        let local = |h: Head| Head {
            origin: h.origin.filter(|o| *o != me),
            ..h
        };
        let id = handed.referral.id;
        let before = self.versions(Referral::TAG, id)?;
        let mut versions = EntityVersions {
            groups: Vec::new(),
            root: handed.root.map(local),
            steps: handed.steps.iter().copied().map(local).collect(),
        };
        let mut referral = handed.referral.clone();
        let mut own: Vec<Head> = before
            .steps
            .iter()
            .filter(|h| h.origin.is_none() && !versions.steps.contains(h))
            .copied()
            .collect();
        own.sort_by_key(|h| rank(h, me));
        for head in own {
            let Some(bytes) = self.tree(Slot::Changes).get(change_key(me, head.seq))? else {
                continue;
            };
            let change: Change = codec::decode(&bytes).map_err(abort)?;
            let Some(step) = change
                .payload
                .and_then(|p| p.values.get("step").cloned())
                .and_then(|b| codec::decode_value::<Step>(&b).ok())
            else {
                continue;
            };
            // An answer the coordinator's side has moved past stays in the log (it
            // reaches the CRC, which flags it) but is not shown on top.
            if step.from == Some(referral.status()) {
                referral.history.push(step);
                versions.steps.push(head);
            }
        }
        let old: Option<Referral> = self.read(id)?;
        self.put_versions(Referral::TAG, id, &versions)?;
        self.store_record(old.as_ref(), &referral)
    }
}

impl Store {
    /// When the last hand-off applied here was made.
    pub fn last_handoff(&self) -> Result<Option<crate::model::Timestamp>, StoreError> {
        Ok(self
            .tree(Slot::Meta)
            .get(super::meta::HANDOFF_AT)?
            .map(|b| codec::decode_value::<crate::model::Timestamp>(&b))
            .transpose()?)
    }

    pub(crate) fn set_last_handoff(&self, at: crate::model::Timestamp) -> Result<(), StoreError> {
        self.tree(Slot::Meta)
            .insert(super::meta::HANDOFF_AT, codec::encode_value(&at)?)?;
        self.flush()
    }

    /// Replaces this device's copy of the handed-off caseload and directory with a
    /// snapshot, in one batch.
    pub fn apply_snapshot(&self, snapshot: &Snapshot) -> Result<(), StoreError> {
        let _writer = self
            .writer
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        self.overlay_pass(super::Pass::Handoff, |tx| {
            tx.mirror(&snapshot.organizations)?;
            tx.mirror(&snapshot.services)?;
            tx.mirror(&snapshot.households)?;
            tx.mirror(&snapshot.needs)?;
            let referrals: Vec<Referral> = snapshot
                .referrals
                .iter()
                .map(|r| r.referral.clone())
                .collect();
            tx.mirror(&referrals)?;
            for r in &snapshot.referrals {
                tx.mirror_referral(r)?;
            }
            Ok(())
        })?;
        self.flush()
    }
}
