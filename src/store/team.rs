//! The store's side of teams (docs/teams.md): the team this device belongs to, the
//! statements it holds (the roster), the policy they give, the changes that policy
//! leaves without effect, and the refold that recomputes the state from the log when the
//! policy changes for changes already applied (a revocation that arrives after the
//! revoked device's changes, a new role).

use std::sync::Arc;

use super::merge::APPLY_CHUNK;
use super::write::Tx;
use super::{Slot, Store, StoreError, change_key, meta};
use crate::codec;
use crate::model::change::{Change, OriginId};
use crate::model::device::device_code;
use crate::model::team::{Policy, Refusal, Role, Signed, Statement, TeamInfo};
use crate::model::{Referral, Timestamp};
use crate::store::write::Edit;

/// Why this device's role (teams) does not allow a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Forbidden {
    #[error(
        "the coordinator revoked this laptop: its changes no longer count; ask the coordinator"
    )]
    Revoked,
    #[error(
        "gender-based violence and child protection cases are recorded and followed on a caseworker's laptop certified for them: refer the person to the caseworker without writing details here"
    )]
    Sensitive,
    #[error("only a coordinator changes the service directory (this laptop is certified as {})", .role.label())]
    Directory { role: Role },
    #[error("only a coordinator resolves conflicts (this laptop is certified as {})", .role.label())]
    Resolve { role: Role },
    #[error("only a coordinator decides whether two cases are the same household (this laptop is certified as {})", .role.label())]
    Duplicates { role: Role },
    #[error(
        "a partner's laptop only accepts, rejects, completes or adds notes to referrals addressed to its organization (this laptop is certified as {})", .role.label()
    )]
    PartnerStep { role: Role },
    #[error(
        "a partner's laptop only answers the referrals addressed to its organization (this laptop is certified as {})", .role.label()
    )]
    Partner { role: Role },
}

/// A change kept with no effect, as the coordinator's list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IneffectiveChange {
    pub origin: OriginId,
    pub seq: u64,
    pub reason: Refusal,
    /// What it tried to change: `household`, `service`, ...
    pub entity: String,
    /// The kind of change: `fields/1`, `step/1`, ...
    pub kind: String,
    pub author: String,
    pub at: Timestamp,
}

impl IneffectiveChange {
    pub fn code(&self) -> String {
        device_code(self.origin)
    }
}

/// A statement held, and the changes of its issuer's log that carry it (a statement a
/// coordinator's device signed is also a change in its log, `statement/1`, so that a
/// revocation of that device cuts its later statements too).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RosterEntry {
    pub signed: Signed,
    pub carriers: Vec<(OriginId, u64)>,
}

impl crate::codec::Versioned for RosterEntry {
    const VERSION: u8 = 1;
}

/// What learning statements did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Learned {
    /// Statements new to this device.
    pub new: usize,
    /// Statements refused (a bad signature, another team).
    pub refused: usize,
    /// Whether the policy changed for changes already applied (a refold is due).
    pub refold: bool,
}

pub(crate) fn reason_byte(r: Refusal) -> u8 {
    match r {
        Refusal::BeyondRole => 1,
        Refusal::Revoked => 2,
    }
}

fn reason_of(b: &[u8]) -> Refusal {
    match b.first() {
        Some(2) => Refusal::Revoked,
        _ => Refusal::BeyondRole,
    }
}

impl Store {
    /// The policy in force: who is in the team, with which role, and who is revoked.
    pub fn policy(&self) -> Arc<Policy> {
        self.policy
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// The team this device belongs to, if any.
    pub fn team(&self) -> Result<Option<TeamInfo>, StoreError> {
        self.tree(Slot::Meta)
            .get(meta::TEAM)?
            .map(|b| codec::decode::<TeamInfo>(&b))
            .transpose()
            .map_err(StoreError::from)
    }

    /// Every statement held, with the changes that carry it in its issuer's log.
    fn roster_entries(&self) -> Result<Vec<RosterEntry>, StoreError> {
        self.tree(Slot::Roster)
            .iter()
            .values()
            .map(|v| Ok(codec::decode::<RosterEntry>(&v?)?))
            .collect()
    }

    /// Every statement held, as signed: what this laptop's bundles carry.
    pub fn roster(&self) -> Result<Vec<Signed>, StoreError> {
        Ok(self
            .roster_entries()?
            .into_iter()
            .map(|e| e.signed)
            .collect())
    }

    /// The policy of the statements held and `extra` ones.
    fn build_policy(&self, extra: &[Signed]) -> Result<Policy, StoreError> {
        let mut entries: Vec<(Statement, Vec<(OriginId, u64)>)> = Vec::new();
        for e in self.roster_entries()? {
            if let Ok(st) = e.signed.open() {
                entries.push((st, e.carriers));
            }
        }
        for s in extra {
            if let Ok(st) = s.open() {
                entries.push((st, Vec::new()));
            }
        }
        Ok(Policy::build(self.team()?, &entries))
    }

    /// Reads the team and the roster again and puts their policy in force.
    pub fn reload_policy(&self) -> Result<Arc<Policy>, StoreError> {
        let policy = Arc::new(self.build_policy(&[])?);
        *self
            .policy
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = policy.clone();
        Ok(policy)
    }

    /// The policy this device would have with `extra` statements learned too (to check a
    /// bundle before importing it, without keeping anything).
    pub fn policy_with(&self, extra: &[Signed]) -> Result<Policy, StoreError> {
        self.build_policy(extra)
    }

    /// Makes this device a member of `team` (its first statements with it). Refuses a
    /// second team: a device belongs to one.
    pub fn join_team(&self, team: &TeamInfo, statements: &[Signed]) -> Result<Learned, StoreError> {
        match self.team()? {
            Some(current) if current.key != team.key => {
                return Err(StoreError::OtherTeam {
                    name: current.name.clone(),
                    fingerprint: current.fingerprint(),
                });
            }
            Some(_) => {}
            None => {
                self.tree(Slot::Meta)
                    .insert(meta::TEAM, codec::encode(team)?)?;
            }
        }
        let before = self.policy();
        let mut learned = self.learn_statements(statements)?;
        learned.refold = self.settle_policy(&before)?;
        Ok(learned)
    }

    /// Keeps the statements of this device's team whose signatures check and whose
    /// issuer is the team key or a coordinator the team key certified (anything else
    /// could never count, and is not kept or carried further). Does not change the
    /// policy in force: `settle_policy` does, once the caller has learned all it will.
    pub fn learn_statements(&self, statements: &[Signed]) -> Result<Learned, StoreError> {
        let mut learned = Learned::default();
        let Some(team) = self.team()? else {
            return Ok(learned);
        };
        // Each signature is checked once.
        let opened: Vec<Option<Statement>> = statements.iter().map(|s| s.open().ok()).collect();
        // Who may issue, from the team key's own statements (held and new).
        let authorities = {
            let mut by_key: Vec<(Statement, Vec<(OriginId, u64)>)> = Vec::new();
            for e in self.roster_entries()? {
                if let Ok(st) = e.signed.open() {
                    by_key.push((st, Vec::new()));
                }
            }
            by_key.extend(opened.iter().flatten().map(|st| (st.clone(), Vec::new())));
            by_key.retain(|(s, _)| s.issuer() == team.key);
            Policy::build(Some(team.clone()), &by_key).authorities
        };
        let roster = self.tree(Slot::Roster);
        for (s, st) in statements.iter().zip(&opened) {
            match st {
                Some(st) if st.team() == team.key && authorities.contains(&st.issuer()) => {
                    if !roster.contains_key(s.id())? {
                        if roster.len() >= crate::model::team::MAX_STATEMENTS {
                            learned.refused += 1;
                            continue;
                        }
                        let entry = RosterEntry {
                            signed: s.clone(),
                            carriers: Vec::new(),
                        };
                        roster.insert(s.id(), codec::encode(&entry)?)?;
                        learned.new += 1;
                    }
                }
                _ => learned.refused += 1,
            }
        }
        self.flush()?;
        Ok(learned)
    }

    /// Puts the policy of the statements held in force, and, when it judges changes this
    /// laptop already holds differently from `before`, recomputes the records (marked
    /// first, so that a crash before the end is finished on open). Returns whether it
    /// recomputed.
    pub fn settle_policy(&self, before: &Policy) -> Result<bool, StoreError> {
        let after = self.reload_policy()?;
        let mut origins: Vec<OriginId> = before
            .members
            .keys()
            .chain(before.revoked.keys())
            .chain(after.members.keys())
            .chain(after.revoked.keys())
            .copied()
            .collect();
        origins.sort();
        origins.dedup();
        let mut due = false;
        for origin in origins {
            if !before.same_for(&after, origin) && self.held(origin)? > 0 {
                due = true;
            }
        }
        if due {
            self.tree(Slot::Meta).insert(meta::REFOLDING, [1])?;
            self.flush()?;
        }
        self.finish_refold()?;
        Ok(due)
    }

    /// Adds a statement signed by the team key (a certificate it approved, a revocation),
    /// and puts its effect in force.
    pub fn add_statement(&self, statement: &Signed) -> Result<Learned, StoreError> {
        let before = self.policy();
        let mut learned = self.learn_statements(std::slice::from_ref(statement))?;
        learned.refold = self.settle_policy(&before)?;
        Ok(learned)
    }

    /// Counts of the changes held with no effect, by reason.
    pub fn ineffective_counts(&self) -> Result<(u64, u64), StoreError> {
        let mut counts = (0, 0);
        for v in self.tree(Slot::Ineffective).iter().values() {
            match reason_of(&v?) {
                Refusal::BeyondRole => counts.0 += 1,
                Refusal::Revoked => counts.1 += 1,
            }
        }
        Ok(counts)
    }

    /// The changes held with no effect, with what each tried (oldest device first).
    pub fn ineffective(&self) -> Result<Vec<IneffectiveChange>, StoreError> {
        let mut out = Vec::new();
        for entry in self.tree(Slot::Ineffective).iter() {
            let (k, v) = entry?;
            let Some((origin, seq)) = super::split_change_key(&k) else {
                continue;
            };
            let Some(bytes) = self.tree(Slot::Changes).get(&k)? else {
                continue;
            };
            let change: Change = codec::decode(&bytes)?;
            out.push(IneffectiveChange {
                origin,
                seq,
                reason: reason_of(&v),
                entity: change.envelope.entity.kind,
                kind: change.envelope.kind,
                author: change.envelope.author,
                at: Timestamp(change.envelope.hlc.wall_ms),
            });
        }
        Ok(out)
    }

    /// Recomputes the whole state from the change log under the policy in force: every
    /// record, index, version and conflict, and the list of changes with no effect. The
    /// log, watermarks, parked changes and erasure marks stay. Merge gives the same state
    /// whatever order changes come in, so this is the state every device with the same
    /// changes and statements has. Marked before it starts: a refold cut short is done
    /// again when the database next opens.
    pub fn refold(&self, mut progress: impl FnMut(u64, u64)) -> Result<(), StoreError> {
        let _writer = self
            .writer
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // A partner's laptop holds a coordinator's snapshot, not the changes it came
        // from: there is nothing to recompute, and clearing would lose the snapshot.
        let me = self.device.origin;
        if self.policy().member(me).map(|c| c.role) == Some(Role::Partner) {
            self.tree(Slot::Meta).remove(meta::REFOLDING)?;
            return self.flush();
        }
        self.tree(Slot::Meta).insert(meta::REFOLDING, [1])?;
        self.flush()?;
        for slot in Slot::ALL.into_iter().filter(|s| s.derived()) {
            self.tree(slot).clear()?;
        }
        let total = self.tree(Slot::Changes).len() as u64;
        let mut done = 0u64;
        progress(0, total);
        let mut from: Vec<u8> = Vec::new();
        loop {
            let chunk = self
                .tree(Slot::Changes)
                .range(from.clone()..)
                .take(APPLY_CHUNK)
                .collect::<Result<Vec<_>, StoreError>>()?;
            let Some((last, _)) = chunk.last() else {
                break;
            };
            from = last.to_vec();
            from.push(0);
            self.overlay_pass(super::Pass::Refold, |tx| {
                for (_, bytes) in &chunk {
                    let change: Change = codec::decode(bytes).map_err(super::write::abort)?;
                    tx.merge_one(&change, bytes)?;
                }
                Ok(())
            })?;
            done += chunk.len() as u64;
            progress(done, total);
        }
        self.finish_erasures_locked()?;
        self.tree(Slot::Meta).remove(meta::REFOLDING)?;
        self.flush()
    }

    /// Finishes a refold that a crash cut short (on open).
    pub(crate) fn finish_refold(&self) -> Result<(), StoreError> {
        if self.tree(Slot::Meta).get(meta::REFOLDING)?.is_some() {
            self.refold(|_, _| {})?;
        }
        Ok(())
    }

    /// Refuses edits this device's own certificate does not allow, or any edit once this
    /// device is revoked: what would have no effect on other devices has none here.
    pub(crate) fn check_role(&self, edits: &[Edit]) -> Result<(), StoreError> {
        let policy = self.policy();
        let me = self.device.origin;
        if policy.revoked.contains_key(&me) {
            return Err(Forbidden::Revoked.into());
        }
        let Some(cert) = policy.member(me) else {
            return Ok(());
        };
        if !cert.sensitive {
            for edit in edits {
                if self.edit_is_sensitive(edit)? {
                    return Err(Forbidden::Sensitive.into());
                }
            }
        }
        for edit in edits {
            let role = cert.role;
            let refused = match (role, edit) {
                (Role::Coordinator, _) => None,
                (Role::Outreach, Edit::Organization(_) | Edit::Service(_)) => {
                    Some(Forbidden::Directory { role })
                }
                (Role::Outreach, Edit::Resolve { .. }) => Some(Forbidden::Resolve { role }),
                (Role::Outreach, Edit::Distinct(_)) => Some(Forbidden::Duplicates { role }),
                (Role::Outreach, _) => None,
                (Role::Partner, Edit::Step { referral, step }) => {
                    let org = self.get::<Referral>(*referral)?.map(|r| r.organization);
                    match org.and_then(|o| policy.allows_partner_step(me, o, step)) {
                        Some(true) => None,
                        _ => Some(Forbidden::PartnerStep { role }),
                    }
                }
                (Role::Partner, _) => Some(Forbidden::Partner { role }),
            };
            if let Some(why) = refused {
                return Err(why.into());
            }
        }
        Ok(())
    }
}

impl Store {
    /// Whether an edit touches a need or referral of the GBV or child protection sectors.
    fn edit_is_sensitive(&self, edit: &Edit) -> Result<bool, StoreError> {
        Ok(match edit {
            Edit::Need(n) => n.sector.is_sensitive() || self.is_sensitive_need(n.id)?,
            Edit::Referral(r) => self.is_sensitive_referral(r)?,
            Edit::Step { referral, .. } => match self.get::<Referral>(*referral)? {
                Some(r) => self.is_sensitive_referral(&r)?,
                None => false,
            },
            _ => false,
        })
    }

    fn is_sensitive_need(&self, id: uuid::Uuid) -> Result<bool, StoreError> {
        Ok(self
            .get::<crate::model::Need>(id)?
            .is_some_and(|n| n.sector.is_sensitive()))
    }

    /// Whether a referral is for a need, or to a service, of a sensitive sector.
    pub fn is_sensitive_referral(&self, r: &Referral) -> Result<bool, StoreError> {
        Ok(self.is_sensitive_need(r.need)?
            || self
                .service(r.service)?
                .is_some_and(|s| s.sector.is_sensitive()))
    }

    /// Which needs and referrals may travel with their values to laptops not certified
    /// for sensitive cases: those this laptop holds outside the sensitive sectors. A
    /// change of any other need or referral (of a sensitive sector, or one this laptop
    /// cannot judge: its record has not arrived) goes without its values.
    pub fn open_records(&self) -> Result<std::collections::BTreeSet<uuid::Uuid>, StoreError> {
        let mut sensitive_needs = std::collections::BTreeSet::new();
        let mut open = std::collections::BTreeSet::new();
        for n in self.all::<crate::model::Need>() {
            let n = n?;
            if n.sector.is_sensitive() {
                sensitive_needs.insert(n.id);
            } else {
                open.insert(n.id);
            }
        }
        for r in self.all::<Referral>() {
            let r = r?;
            let sensitive = sensitive_needs.contains(&r.need)
                || !open.contains(&r.need)
                || self
                    .service(r.service)?
                    .is_none_or(|s| s.sector.is_sensitive());
            if !sensitive {
                open.insert(r.id);
            }
        }
        Ok(open)
    }
}

/// The entity a statement's change names: the first 16 bytes of the statement's id.
fn statement_entity(signed: &Signed) -> crate::model::change::EntityRef {
    let id = signed.id();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&id[..16]);
    crate::model::change::EntityRef {
        kind: "team".into(),
        id: uuid::Uuid::from_bytes(bytes),
    }
}

impl Tx<'_> {
    /// Commits a statement this device signed: a change in its log, and the statement in
    /// the roster with that change as its carrier.
    pub(super) fn statement(&mut self, signed: &Signed) -> Result<(), super::write::TxError> {
        let values = [(
            "statement".to_string(),
            codec::encode(signed).map_err(super::write::abort)?,
        )]
        .into();
        let head = self.log(
            statement_entity(signed),
            crate::model::change::KIND_STATEMENT,
            Vec::new(),
            1,
            values,
        )?;
        self.carry(signed, self.me, head.seq)
    }

    /// Merges a statement carried by a change of its issuer's log: the statement joins
    /// the roster (when it is this team's, by one who may issue) with its carrier. The
    /// policy is worked out again once the import is done.
    pub(super) fn carry_statement(&mut self, change: &Change) -> Result<(), super::write::TxError> {
        let e = &change.envelope;
        let Some(signed) = change
            .payload
            .as_ref()
            .and_then(|p| p.values.get("statement"))
            .and_then(|b| codec::decode::<Signed>(b).ok())
        else {
            return Ok(());
        };
        let Ok(statement) = signed.open() else {
            return Ok(());
        };
        let team = self.store().team().map_err(super::write::abort)?;
        if statement.issuer() != e.origin || team.map(|t| t.key) != Some(statement.team()) {
            return Ok(());
        }
        self.carry(&signed, e.origin, e.seq)
    }

    fn carry(
        &self,
        signed: &Signed,
        origin: OriginId,
        seq: u64,
    ) -> Result<(), super::write::TxError> {
        let mut entry = match self.tree(Slot::Roster).get(signed.id())? {
            Some(b) => codec::decode::<RosterEntry>(&b).map_err(super::write::abort)?,
            None => RosterEntry {
                signed: signed.clone(),
                carriers: Vec::new(),
            },
        };
        if !entry.carriers.contains(&(origin, seq)) {
            entry.carriers.push((origin, seq));
            entry.carriers.sort();
            self.tree(Slot::Roster).insert(
                signed.id().to_vec(),
                codec::encode(&entry).map_err(super::write::abort)?,
            )?;
        }
        Ok(())
    }

    pub(super) fn mark_ineffective(
        &self,
        origin: OriginId,
        seq: u64,
        refusal: Option<Refusal>,
    ) -> Result<(), super::write::TxError> {
        let key = change_key(origin, seq);
        match refusal {
            Some(r) => self
                .tree(Slot::Ineffective)
                .insert(key, &[reason_byte(r)])?,
            None => {
                if self.tree(Slot::Ineffective).get(&key)?.is_some() {
                    self.tree(Slot::Ineffective).remove(key)?;
                }
            }
        }
        Ok(())
    }
}
