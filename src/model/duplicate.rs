//! Likely duplicates decided (docs/decisions/0004-duplicates.md): "not the same"
//! (`Distinct`, a record of its own, so that decisions only ever add to a set) and "same
//! household", which is a household closed as a duplicate of the one kept
//! (`Closure::duplicate_of`). Where merged households end is worked out here, by one
//! rule every laptop applies alike to the records it holds (`Merges`): follow
//! `duplicate_of` from household to household; a chain that comes back on itself
//! (two laptops merged each into the other) keeps the household of the smallest id
//! in the loop. No I/O: the store gives the edges.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{CaseStatus, ClosureReason, Household, Problem, Timestamp};

/// A coordinator's decision that two households are not the same family: the pair is
/// never offered as a likely duplicate again, on any laptop. Each decision is a record of
/// its own (its own UUID v7, made once by one laptop and never changed), so that two
/// laptops that decide at once add two records and lose neither; the pair counts as
/// decided when any record names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Distinct {
    pub id: Uuid,
    /// The smaller id of the two households.
    pub a: Uuid,
    /// The larger id of the two households.
    pub b: Uuid,
    pub at: Timestamp,
    /// The worker who decided.
    pub by: String,
}

/// Two household ids in order (smaller first): how a pair is named everywhere.
pub fn pair(x: Uuid, y: Uuid) -> (Uuid, Uuid) {
    if x <= y { (x, y) } else { (y, x) }
}

impl Distinct {
    /// A new decision about households `x` and `y` (in either order).
    pub fn new(x: Uuid, y: Uuid, at: Timestamp, by: &str) -> Distinct {
        let (a, b) = pair(x, y);
        Distinct {
            id: Uuid::now_v7(),
            a,
            b,
            at,
            by: by.to_string(),
        }
    }

    /// The pair it names, smaller id first.
    pub fn pair(&self) -> (Uuid, Uuid) {
        pair(self.a, self.b)
    }

    pub fn validate(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        if self.a == self.b {
            problems.push(Problem::new(
                "b",
                "A household cannot be different from itself.",
            ));
        }
        problems.extend(super::text::check("by", &self.by));
        problems
    }
}

/// The household a closure names as the one that stays, when it closes a case as a
/// duplicate (and not as a duplicate of itself).
pub fn duplicate_of(h: &Household) -> Option<Uuid> {
    match &h.status {
        CaseStatus::Closed(c) if c.reason == ClosureReason::Duplicate => {
            c.duplicate_of.filter(|t| *t != h.id)
        }
        _ => None,
    }
}

/// Where every merged household ends (its *kept* household), from the edges "this
/// household was closed as a duplicate of that one" whose target is a household this
/// laptop holds and that was not erased. The rule, the same on every laptop:
///
/// - a household with no edge is kept (it is its own);
/// - otherwise follow the edges; the first household with no edge is the kept one;
/// - edges that come back on themselves (a loop: A into B while B into A, or longer)
///   keep the household of the smallest id in the loop, for the loop and for every
///   household whose chain runs into it.
///
/// Each household has at most one edge (its status shows one value), so every chain ends
/// at exactly one household with no edge, or in exactly one loop.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merges {
    /// Household -> the household its closure names.
    next: BTreeMap<Uuid, Uuid>,
    /// Merged household -> its kept household (only households that are merged).
    kept: BTreeMap<Uuid, Uuid>,
    /// Kept household -> the households merged into it, in id order.
    aliases: BTreeMap<Uuid, Vec<Uuid>>,
    /// Kept households whose own closure names another household of their loop: kept
    /// anyway, so open again whatever their stored status says.
    loop_kept: BTreeSet<Uuid>,
}

impl Merges {
    /// The merges given by these edges: (merged household, the household it names).
    pub fn new(edges: impl IntoIterator<Item = (Uuid, Uuid)>) -> Merges {
        let next: BTreeMap<Uuid, Uuid> = edges.into_iter().filter(|(a, b)| a != b).collect();
        let mut kept: BTreeMap<Uuid, Uuid> = BTreeMap::new();
        let mut loop_kept = BTreeSet::new();
        for &start in next.keys() {
            if kept.contains_key(&start) {
                continue;
            }
            // Walk until a household whose end is known, one with no edge, or a loop.
            let mut path: Vec<Uuid> = vec![start];
            let mut at = start;
            let end = loop {
                let Some(&to) = next.get(&at) else {
                    break at;
                };
                if let Some(&known) = kept.get(&to) {
                    break known;
                }
                if let Some(pos) = path.iter().position(|p| *p == to) {
                    // A loop: its smallest id is kept.
                    let smallest = path[pos..].iter().copied().min().unwrap_or(to);
                    loop_kept.insert(smallest);
                    break smallest;
                }
                path.push(to);
                at = to;
            };
            for p in path {
                kept.insert(p, end);
            }
        }
        // A kept household maps to itself: only merged ones are kept in the map.
        kept.retain(|k, v| k != v);
        let mut aliases: BTreeMap<Uuid, Vec<Uuid>> = BTreeMap::new();
        for (merged, to) in &kept {
            aliases.entry(*to).or_default().push(*merged);
        }
        Merges {
            next,
            kept,
            aliases,
            loop_kept,
        }
    }

    /// The household `id` ends at: itself when it is not merged.
    pub fn kept(&self, id: Uuid) -> Uuid {
        self.kept.get(&id).copied().unwrap_or(id)
    }

    /// Whether `id` was merged into another household.
    pub fn is_merged(&self, id: Uuid) -> bool {
        self.kept.contains_key(&id)
    }

    /// The households merged into kept household `id`, directly or through others, in id
    /// order (none for a household that is not kept).
    pub fn aliases(&self, id: Uuid) -> &[Uuid] {
        self.aliases.get(&id).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether `id` is the kept household of a loop: its own closure names a household
    /// that ends at it.
    pub fn loop_kept(&self, id: Uuid) -> bool {
        self.loop_kept.contains(&id)
    }

    /// The household the closure of `id` names, if any edge counted.
    pub fn named(&self, id: Uuid) -> Option<Uuid> {
        self.next.get(&id).copied()
    }

    /// Every merged household with its kept household, in id order.
    pub fn merged(&self) -> impl Iterator<Item = (Uuid, Uuid)> + '_ {
        self.kept.iter().map(|(a, b)| (*a, *b))
    }

    /// The household as the screens show it: the kept household of a loop is open (the
    /// rule keeps it; a save of it writes that down).
    pub fn effective(&self, mut h: Household) -> Household {
        if self.loop_kept(h.id) {
            h.status = CaseStatus::Open;
        }
        h
    }

    /// Whether a household is open as the screens show it.
    pub fn is_open(&self, h: &Household) -> bool {
        h.is_open() || self.loop_kept(h.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: u128) -> Vec<Uuid> {
        (1..=n).map(Uuid::from_u128).collect()
    }

    #[test]
    fn chains_end_at_the_household_with_no_edge() {
        let v = ids(4);
        let m = Merges::new([(v[0], v[1]), (v[1], v[2])]);
        assert_eq!(m.kept(v[0]), v[2]);
        assert_eq!(m.kept(v[1]), v[2]);
        assert_eq!(m.kept(v[2]), v[2]);
        assert_eq!(m.kept(v[3]), v[3]);
        assert_eq!(m.aliases(v[2]), &[v[0], v[1]]);
        assert!(m.is_merged(v[0]) && !m.is_merged(v[2]));
        assert!(!m.loop_kept(v[2]));
    }

    #[test]
    fn a_loop_keeps_its_smallest_id_whatever_the_order_of_the_edges() {
        let v = ids(5);
        // 3 -> 2 -> 4 -> 3, and 5 -> 4 runs into the loop; 1 alone.
        let edges = [(v[2], v[1]), (v[1], v[3]), (v[3], v[2]), (v[4], v[3])];
        let m = Merges::new(edges);
        for e in [v[1], v[2], v[3], v[4]] {
            assert_eq!(m.kept(e), v[1], "{e}");
        }
        assert_eq!(m.kept(v[0]), v[0]);
        assert!(m.loop_kept(v[1]));
        assert_eq!(m.aliases(v[1]), &[v[2], v[3], v[4]]);
        let mut reversed = edges;
        reversed.reverse();
        assert_eq!(Merges::new(reversed), m);
        // Two households merged each into the other.
        let m = Merges::new([(v[0], v[1]), (v[1], v[0])]);
        assert_eq!((m.kept(v[0]), m.kept(v[1])), (v[0], v[0]));
        assert!(m.loop_kept(v[0]));
    }

    #[test]
    fn a_pair_is_named_smaller_id_first() {
        let v = ids(2);
        assert_eq!(pair(v[1], v[0]), (v[0], v[1]));
        let d = Distinct::new(v[1], v[0], Timestamp(0), "Amal");
        assert_eq!((d.a, d.b), (v[0], v[1]));
        assert!(d.validate().is_empty());
        assert!(
            !Distinct::new(v[0], v[0], Timestamp(0), "Amal")
                .validate()
                .is_empty()
        );
    }
}
