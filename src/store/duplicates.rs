//! Likely duplicates decided by a coordinator (docs/decisions/0004-duplicates.md).
//!
//! **Same household.** One case is kept; the other is closed as a duplicate of it
//! (`Closure::duplicate_of`, the model the Intake screen's "close as duplicate" already
//! writes), and each of its needs and referrals is re-pointed to the kept household: all
//! ordinary field changes of one transaction, which travel and merge like any edit.
//! Reads go through `Merges` (model::duplicate), which every laptop works out alike from
//! the households it holds: what a concurrent edit left on the merged household (a need
//! added on a laptop that had not heard of the merge), two laptops that merged each case
//! into the other, a chain of merges, all end at one kept household, and its needs are
//! those of every household merged into it.
//!
//! **Not the same.** A `Distinct` record (a set that only grows: each decision is a
//! record of its own), which hides the pair from the likely duplicates on every laptop.
//!
//! In a team, only a coordinator's laptop decides (a laptop outside a team decides as it
//! edits anything); an outreach laptop's "not the same" has no effect where it arrives
//! (`Policy::refuses`). Both decisions are noted in the audit trail.

use std::collections::BTreeSet;

use uuid::Uuid;

use super::audit::AuditAction;
use super::{Edit, Slot, Store, StoreError};
use crate::model::team::Role;
use crate::model::{
    CaseStatus, Closure, ClosureReason, Distinct, Household, Merges, Need, Referral,
};

/// Why a decision about two households was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PairRefusal {
    #[error("a case cannot be the same as, or other than, itself")]
    Same,
    #[error("{case_code} was merged into {into} already: decide about {into} instead")]
    Merged { case_code: String, into: String },
    #[error("{case_code} is closed: only open cases are merged")]
    Closed { case_code: String },
}

/// What a merge did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeDone {
    /// The case code kept.
    pub kept: String,
    /// The case code that now finds the kept household.
    pub merged: String,
    /// Needs and referrals moved to the kept household.
    pub needs: usize,
    pub referrals: usize,
}

/// A household as a list shows it: the kept household of what was found, and the case
/// code of the merged household that led to it, if that is how it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub household: Household,
    pub found_as: Option<String>,
}

impl Store {
    /// Where every merged household ends, from the households closed as a duplicate of a
    /// household this laptop holds and that was not erased (read from an index of ids:
    /// no record is opened).
    pub fn merges(&self) -> Result<Merges, StoreError> {
        let mut edges = Vec::new();
        for k in self.tree(Slot::HouseholdsByDuplicateOf).iter().keys() {
            let k = k?;
            let damaged = || StoreError::DamagedKey {
                tree: Slot::HouseholdsByDuplicateOf.name(),
            };
            if k.len() != 32 {
                return Err(damaged());
            }
            let target = Uuid::from_slice(&k[..16]).map_err(|_| damaged())?;
            let merged = Uuid::from_slice(&k[16..]).map_err(|_| damaged())?;
            if self
                .tree(Slot::Households)
                .contains_key(target.as_bytes())?
                && !self.is_erased(target)?
            {
                edges.push((merged, target));
            }
        }
        Ok(Merges::new(edges))
    }

    /// The household `id` ends at (itself when not merged), as the screens show it.
    pub fn kept_household(&self, id: Uuid) -> Result<Option<Household>, StoreError> {
        let merges = self.merges()?;
        Ok(self
            .get::<Household>(merges.kept(id))?
            .map(|h| merges.effective(h)))
    }

    /// The households of `ids` as lists show them: each merged one replaced by its kept
    /// household, each kept household once (where it first came), with the case code it
    /// was found as when that was a merged household's.
    pub fn as_kept(&self, ids: &[Uuid]) -> Result<Vec<Kept>, StoreError> {
        let merges = self.merges()?;
        let mut out: Vec<Kept> = Vec::new();
        for id in ids {
            let kept = merges.kept(*id);
            let found_as = if kept == *id {
                None
            } else {
                self.get::<Household>(*id)?.map(|h| h.case_code)
            };
            if let Some(seen) = out.iter_mut().find(|k| k.household.id == kept) {
                if seen.found_as.is_none() {
                    seen.found_as = found_as;
                }
                continue;
            }
            if let Some(h) = self.get::<Household>(kept)? {
                out.push(Kept {
                    household: merges.effective(h),
                    found_as,
                });
            }
        }
        Ok(out)
    }

    /// The households whose needs and referrals household `id` shows: itself, and when
    /// it is kept, every household merged into it. A merged household shows its own only
    /// (what a merge could not move), so that a save of it moves nothing of the case.
    fn case_ids(&self, id: Uuid) -> Result<Vec<Uuid>, StoreError> {
        let merges = self.merges()?;
        Ok(std::iter::once(id)
            .chain(merges.aliases(id).iter().copied())
            .collect())
    }

    /// The needs household `id` shows: its own and, when it is kept, those of every
    /// household merged into it (what a merge could not move: added meanwhile on a
    /// laptop that had not heard of it).
    pub fn needs_of_case(&self, id: Uuid) -> Result<Vec<Need>, StoreError> {
        let mut out = Vec::new();
        for h in self.case_ids(id)? {
            out.extend(self.needs_of(h)?);
        }
        Ok(out)
    }

    /// The referrals household `id` shows (as `needs_of_case`).
    pub fn referrals_of_case(&self, id: Uuid) -> Result<Vec<Referral>, StoreError> {
        let mut out = Vec::new();
        for h in self.case_ids(id)? {
            out.extend(self.referrals_of(h)?);
        }
        Ok(out)
    }

    /// The case codes merged into kept household `id`, in id order.
    pub fn aliases_of(&self, id: Uuid) -> Result<Vec<String>, StoreError> {
        let merges = self.merges()?;
        let mut out = Vec::new();
        for a in merges.aliases(id) {
            if let Some(h) = self.get::<Household>(*a)? {
                out.push(h.case_code);
            }
        }
        Ok(out)
    }

    /// Refuses a decision about duplicates on a team laptop that is not a coordinator's.
    fn may_decide(&self) -> Result<(), StoreError> {
        match self.policy().member(self.device().origin) {
            Some(c) if c.role != Role::Coordinator => {
                Err(super::team::Forbidden::Duplicates { role: c.role }.into())
            }
            _ => Ok(()),
        }
    }

    fn household(&self, id: Uuid) -> Result<Household, StoreError> {
        self.get::<Household>(id)?
            .ok_or_else(|| StoreError::NotFound {
                kind: "household",
                id: id.to_string(),
            })
    }

    /// "Same household": `merged` is closed as a duplicate of `keep`, and its needs and
    /// referrals (with those of households merged into it before) move to `keep`, in one
    /// transaction; noted in the audit trail. Both must be open cases that are not merged
    /// into another.
    pub fn merge_households(
        &self,
        author: &str,
        keep: Uuid,
        merged: Uuid,
    ) -> Result<MergeDone, StoreError> {
        self.may_decide()?;
        if keep == merged {
            return Err(PairRefusal::Same.into());
        }
        let merges = self.merges()?;
        let k = self.household(keep)?;
        let m = self.household(merged)?;
        for h in [&k, &m] {
            if self.is_erased(h.id)? {
                return Err(StoreError::Erased);
            }
            if merges.is_merged(h.id) {
                let into = self
                    .get::<Household>(merges.kept(h.id))?
                    .map(|k| k.case_code)
                    .unwrap_or_default();
                return Err(PairRefusal::Merged {
                    case_code: h.case_code.clone(),
                    into,
                }
                .into());
            }
            if !merges.is_open(h) {
                return Err(PairRefusal::Closed {
                    case_code: h.case_code.clone(),
                }
                .into());
            }
        }
        // Sensitive needs and referrals are not here on a laptop not certified for them;
        // any it holds is left where it is (reads find it through the merge).
        let uncertified = self
            .policy()
            .member(self.device().origin)
            .is_some_and(|c| !c.sensitive);
        let mut closed = m.clone();
        closed.status = CaseStatus::Closed(Closure {
            at: self.now(),
            by: author.to_string(),
            reason: ClosureReason::Duplicate,
            note: String::new(),
            duplicate_of: Some(keep),
        });
        let mut edits = vec![Edit::Household(closed)];
        let (mut needs, mut referrals) = (0, 0);
        let from = std::iter::once(merged).chain(merges.aliases(merged).iter().copied());
        for h in from {
            for n in self.needs_of(h)? {
                if uncertified && n.sector.is_sensitive() {
                    continue;
                }
                needs += 1;
                edits.push(Edit::Need(Need {
                    household: keep,
                    ..n
                }));
            }
            for r in self.referrals_of(h)? {
                if uncertified && self.is_sensitive_referral(&r)? {
                    continue;
                }
                referrals += 1;
                edits.push(Edit::Referral(Referral {
                    household: keep,
                    ..r
                }));
            }
        }
        self.apply(author, &edits)?;
        self.audit(
            AuditAction::Merge,
            Some(&m.case_code),
            &format!("household, into {}", k.case_code),
            (needs + referrals) as u64,
        )?;
        Ok(MergeDone {
            kept: k.case_code,
            merged: m.case_code,
            needs,
            referrals,
        })
    }

    /// "Not the same": households `x` and `y` are never offered as likely duplicates
    /// again, on any laptop; noted in the audit trail. `false` when the pair was decided
    /// already (nothing is written).
    pub fn mark_distinct(&self, author: &str, x: Uuid, y: Uuid) -> Result<bool, StoreError> {
        self.may_decide()?;
        if x == y {
            return Err(PairRefusal::Same.into());
        }
        let a = self.household(x)?;
        let b = self.household(y)?;
        let decision = Distinct::new(x, y, self.now(), author);
        if self.distinct_pairs()?.contains(&decision.pair()) {
            return Ok(false);
        }
        self.apply(author, &[Edit::Distinct(decision)])?;
        self.audit(
            AuditAction::NotSame,
            Some(&a.case_code),
            &format!("household, not the same as {}", b.case_code),
            1,
        )?;
        Ok(true)
    }

    /// Every pair decided "not the same", smaller id first.
    pub fn distinct_pairs(&self) -> Result<BTreeSet<(Uuid, Uuid)>, StoreError> {
        self.all::<Distinct>().map(|d| Ok(d?.pair())).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Location, Person, Sector, Timestamp};
    use crate::workspace::{Credentials, Workspace};

    fn open(dir: &std::path::Path) -> Workspace {
        Workspace::open(dir, &Credentials::new("Amal H.", "test passphrase").cheap()).expect("open")
    }

    fn household(name: &str) -> Household {
        Household {
            id: Uuid::now_v7(),
            head: Person::new(Uuid::now_v7(), name),
            location: Location {
                governorate: "IQG15".into(),
                ..Location::default()
            },
            ..Household::default()
        }
    }

    fn need(household: Uuid) -> Need {
        Need {
            id: Uuid::now_v7(),
            household,
            sector: Sector::Health,
            description: "clinic".into(),
            created_at: Timestamp(1),
            ..Need::default()
        }
    }

    fn code(store: &Store, id: Uuid) -> String {
        store
            .get::<Household>(id)
            .expect("read")
            .expect("held")
            .case_code
    }

    #[test]
    fn same_household_moves_needs_and_the_merged_code_finds_the_kept_one() {
        let dir = tempfile::tempdir().expect("dir");
        let ws = open(dir.path());
        let store = &ws.store;
        let (k, m) = (household("Fatima Hassan"), household("Fatima Hasan"));
        let (n1, n2) = (need(k.id), need(m.id));
        store
            .apply(
                "Amal H.",
                &[
                    Edit::Household(k.clone()),
                    Edit::Household(m.clone()),
                    Edit::Need(n1.clone()),
                    Edit::Need(n2.clone()),
                ],
            )
            .expect("save");
        let done = store
            .merge_households("Amal H.", k.id, m.id)
            .expect("merge");
        assert_eq!((done.needs, done.referrals), (1, 0));
        assert_eq!(done.kept, code(store, k.id));
        let moved: Need = store.get(n2.id).expect("read").expect("need");
        assert_eq!(moved.household, k.id);
        let closed: Household = store.get(m.id).expect("read").expect("household");
        assert!(matches!(&closed.status, CaseStatus::Closed(c)
            if c.reason == ClosureReason::Duplicate && c.duplicate_of == Some(k.id)));
        let merges = store.merges().expect("merges");
        assert_eq!(merges.kept(m.id), k.id);
        let found = store.as_kept(&[m.id, k.id]).expect("rows");
        assert_eq!(found.len(), 1, "the kept household once");
        assert_eq!(found[0].household.id, k.id);
        assert_eq!(found[0].found_as.as_deref(), Some(done.merged.as_str()));
        assert_eq!(
            store.aliases_of(k.id).expect("aliases"),
            std::slice::from_ref(&done.merged)
        );
        // A need added to the merged household by a laptop that had not heard of the
        // merge is still the kept household's.
        let late = need(m.id);
        store
            .apply("Amal H.", &[Edit::Need(late.clone())])
            .expect("late");
        assert!(
            store.needs_of_case(m.id).expect("needs").len() == 1,
            "its own only"
        );
        let mut needs: Vec<Uuid> = store
            .needs_of_case(k.id)
            .expect("needs")
            .iter()
            .map(|n| n.id)
            .collect();
        needs.sort();
        let mut want = vec![n1.id, n2.id, late.id];
        want.sort();
        assert_eq!(needs, want);
        // Merged already, closed, itself: refused, saying why.
        let other = household("Zainab Kadhim");
        store
            .apply("Amal H.", &[Edit::Household(other.clone())])
            .expect("save");
        assert!(matches!(
            store.merge_households("Amal H.", other.id, m.id),
            Err(StoreError::Pair(PairRefusal::Merged { .. }))
        ));
        assert!(matches!(
            store.merge_households("Amal H.", k.id, k.id),
            Err(StoreError::Pair(PairRefusal::Same))
        ));
        assert!(store.check().expect("check").is_empty());
        let trail = store.audit_trail(None).expect("trail");
        assert!(trail.iter().any(|e| e.action == AuditAction::Merge
            && e.case_code.as_deref() == Some(done.merged.as_str())));
    }

    #[test]
    fn two_households_closed_each_as_a_duplicate_of_the_other_keep_the_smaller_id() {
        let dir = tempfile::tempdir().expect("dir");
        let ws = open(dir.path());
        let store = &ws.store;
        let (a, b) = (household("Ali Hassan"), household("Ali Hasan"));
        store
            .apply(
                "Amal H.",
                &[Edit::Household(a.clone()), Edit::Household(b.clone())],
            )
            .expect("save");
        let close = |h: &Household, into: Uuid| {
            let mut h: Household = store.get(h.id).expect("read").expect("held");
            h.status = CaseStatus::Closed(Closure {
                reason: ClosureReason::Duplicate,
                duplicate_of: Some(into),
                ..Closure::default()
            });
            store
                .apply("Amal H.", &[Edit::Household(h)])
                .expect("close");
        };
        close(&a, b.id);
        close(&b, a.id);
        let merges = store.merges().expect("merges");
        let smaller = a.id.min(b.id);
        assert_eq!(merges.kept(a.id), smaller);
        assert_eq!(merges.kept(b.id), smaller);
        let kept = store.kept_household(b.id).expect("read").expect("kept");
        assert_eq!(kept.id, smaller);
        assert!(kept.is_open(), "the kept household of a loop is open");
    }

    #[test]
    fn not_the_same_is_one_record_per_decision_and_is_noted() {
        let dir = tempfile::tempdir().expect("dir");
        let ws = open(dir.path());
        let store = &ws.store;
        let (a, b) = (household("Huda Ali"), household("Huda Aly"));
        store
            .apply(
                "Amal H.",
                &[Edit::Household(a.clone()), Edit::Household(b.clone())],
            )
            .expect("save");
        assert!(store.mark_distinct("Amal H.", b.id, a.id).expect("mark"));
        assert!(!store.mark_distinct("Amal H.", a.id, b.id).expect("again"));
        assert_eq!(
            store.distinct_pairs().expect("pairs"),
            BTreeSet::from([crate::model::duplicate::pair(a.id, b.id)])
        );
        assert_eq!(store.count::<Distinct>(), 1);
        let trail = store.audit_trail(None).expect("trail");
        assert!(trail.iter().any(|e| e.action == AuditAction::NotSame));
        assert!(store.check().expect("check").is_empty());
    }
}
