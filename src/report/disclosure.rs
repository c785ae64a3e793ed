//! Disclosure control for the counts Daleel publishes (issue 18, item 6): which cells of a
//! table are left empty so that no small group can be picked out, even by arithmetic.
//!
//! **Primary suppression.** A count from 1 to 4 is not shown (0 is: nobody to pick out).
//!
//! **Complementary suppression.** A file also publishes how its counts add up: a total
//! column is the sum of the sex and age columns, a sector's total row the sum of its
//! activities, a report's margin the sum of its groups. Each such *relation* says
//! `total = part + part + …`. If exactly one of a relation's cells were hidden, a reader
//! would get it back by subtraction. The heuristic used here is the classic one of the
//! statistical offices' table tools (the "hypercube"/"at least two per line" rule, as in
//! τ-ARGUS's simplest method):
//!
//! 1. every relation with exactly one hidden cell gets a second one: its smallest
//!    non-zero part that is still shown (the least information lost), else a zero part,
//!    else its total; so does a relation whose hidden parts add up to 1 to 4 while its
//!    total is shown (their sum is then published by subtraction); repeat until neither
//!    is left;
//! 2. two hidden cells per relation is not always enough: with several relations
//!    linked, hidden cells can still be solved for together (two rectangles of hidden
//!    cells joined by a single hidden cell give that cell away). So the result is then
//!    *audited* exactly: the published relations become a linear system in the hidden
//!    cells, solved by Gaussian elimination, and any hidden cell the system pins down
//!    gets one more hidden neighbour (step 1 again), until none is pinned down.
//!
//! The audit works modulo the prime 2^61 - 1: the relations' coefficients are 0 and ±1,
//! and a wrong rank would need the prime to divide a minor of such a matrix, which the
//! sizes of these tables make vanishingly unlikely.
//!
//! What this does not cover: two files of different periods or groupings subtracted
//! from each other (a coordinator who publishes January and January–February has
//! published February); counts bounded (not pinned down) by the relations.

use std::collections::{BTreeMap, BTreeSet};

/// One published relation between a table's cells (by their index in the table's
/// flat list of counts): the sum of `totals` (usually one cell) is the sum of `parts`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    pub totals: Vec<usize>,
    pub parts: Vec<usize>,
}

impl Relation {
    /// `total = sum of parts`.
    pub fn new(total: usize, parts: impl IntoIterator<Item = usize>) -> Relation {
        Relation {
            totals: vec![total],
            parts: parts.into_iter().collect(),
        }
    }

    /// `sum of one side = sum of the other` (two breakdowns of the same number).
    pub fn sides(
        totals: impl IntoIterator<Item = usize>,
        parts: impl IntoIterator<Item = usize>,
    ) -> Relation {
        Relation {
            totals: totals.into_iter().collect(),
            parts: parts.into_iter().collect(),
        }
    }

    /// Whether it holds in `values` (a relation a reader could assume is only of use
    /// to them where it holds).
    pub fn holds(&self, values: &[u64]) -> bool {
        let sum = |cells: &[usize]| cells.iter().map(|c| values[*c]).sum::<u64>();
        sum(&self.totals) == sum(&self.parts)
    }

    /// The cells it joins: the totals first.
    fn cells(&self) -> impl Iterator<Item = usize> + '_ {
        self.totals.iter().chain(self.parts.iter()).copied()
    }
}

/// Whether a count is too small to show on its own (1 to 4).
pub fn small(n: u64) -> bool {
    (1..5).contains(&n)
}

/// Which cells to leave empty: the small ones, and enough others that none of them can
/// be worked out from `relations` and the cells shown.
pub fn protect(values: &[u64], relations: &[Relation]) -> Vec<bool> {
    let relations: Vec<&Relation> = relations
        .iter()
        .filter(|r| {
            !r.parts.is_empty() && !r.totals.is_empty() && r.cells().all(|c| c < values.len())
        })
        .collect();
    let mut hidden: Vec<bool> = values.iter().map(|v| small(*v)).collect();
    loop {
        complete(values, &relations, &mut hidden);
        let pinned = recoverable(&hidden, relations.iter().copied());
        if pinned.is_empty() {
            return hidden;
        }
        let mut added = false;
        // One pinned cell per linked group of cells each round (the others of a group
        // may be freed by the same new hidden cell): the cells of the relations already
        // given one.
        let mut touched = std::collections::BTreeSet::new();
        for cell in pinned {
            if touched.contains(&cell) {
                continue;
            }
            // One more hidden cell in a relation of the pinned one, as step 1 picks it.
            let around: Vec<&&Relation> = relations
                .iter()
                .filter(|r| r.cells().any(|c| c == cell))
                .collect();
            let choice = around
                .iter()
                .filter_map(|r| complement(values, r, &hidden))
                .min_by_key(|c| (values[*c] == 0, values[*c], *c));
            if let Some(c) = choice {
                hidden[c] = true;
                added = true;
                touched.extend(around.iter().flat_map(|r| r.cells()));
            }
        }
        if !added {
            // Every cell of every relation of the pinned cells is hidden already and
            // the system still pins them down: hide every cell those relations reach.
            for r in &relations {
                if r.cells().any(|c| hidden[c]) {
                    for c in r.cells() {
                        hidden[c] = true;
                    }
                }
            }
            complete(values, &relations, &mut hidden);
            return hidden;
        }
    }
}

/// Step 1: until no relation has exactly one hidden cell, nor hidden parts that add up
/// to a small group (a shown total of 50 and shown parts of 47 say that the hidden ones
/// hold 3 people together: as telling as a 3 shown).
fn complete(values: &[u64], relations: &[&Relation], hidden: &mut [bool]) {
    loop {
        let mut changed = false;
        for r in relations {
            let lone = r.cells().filter(|c| hidden[*c]).count() == 1;
            // With every total shown, the hidden parts' sum is published by subtraction.
            let small_sum = !r.totals.iter().any(|c| hidden[*c])
                && small(
                    r.parts
                        .iter()
                        .filter(|c| hidden[**c])
                        .map(|c| values[*c])
                        .sum(),
                );
            if (lone || small_sum)
                && let Some(c) = complement(values, r, hidden)
            {
                hidden[c] = true;
                changed = true;
            }
        }
        if !changed {
            return;
        }
    }
}

/// The cell of `r` to hide next: its smallest non-zero shown part, else a zero part,
/// else its smallest shown total.
fn complement(values: &[u64], r: &Relation, hidden: &[bool]) -> Option<usize> {
    let smallest = |cells: &[usize]| {
        cells
            .iter()
            .copied()
            .filter(|c| !hidden[*c])
            .min_by_key(|c| (values[*c] == 0, values[*c], *c))
    };
    smallest(&r.parts).or_else(|| smallest(&r.totals))
}

const P: u64 = (1 << 61) - 1;

fn mul(a: u64, b: u64) -> u64 {
    ((u128::from(a) * u128::from(b)) % u128::from(P)) as u64
}

fn sub(a: u64, b: u64) -> u64 {
    (a + P - b) % P
}

/// a^(P-2): the inverse of a non-zero `a`.
fn inverse(a: u64) -> u64 {
    let (mut base, mut exp, mut out) = (a, P - 2, 1u64);
    while exp > 0 {
        if exp & 1 == 1 {
            out = mul(out, base);
        }
        base = mul(base, base);
        exp >>= 1;
    }
    out
}

/// The hidden cells that `relations` and the shown cells pin down exactly (the audit of
/// step 2): those whose unit vector lies in the row space of the relations written over
/// the hidden cells.
pub fn recoverable<'a>(
    hidden: &[bool],
    relations: impl IntoIterator<Item = &'a Relation>,
) -> Vec<usize> {
    // Each relation as coefficients over the hidden cells: +1 for a total, -1 for a
    // part (a cell twice in a relation adds up).
    let mut rows: Vec<BTreeMap<usize, u64>> = Vec::new();
    for r in relations {
        let mut row: BTreeMap<usize, u64> = BTreeMap::new();
        let mut add = |c: usize, plus: bool| {
            if hidden.get(c).copied().unwrap_or(false) {
                let e = row.entry(c).or_insert(0);
                *e = if plus { (*e + 1) % P } else { sub(*e, 1) };
            }
        };
        for t in &r.totals {
            add(*t, true);
        }
        for p in &r.parts {
            add(*p, false);
        }
        row.retain(|_, v| *v != 0);
        if !row.is_empty() {
            rows.push(row);
        }
    }
    // Solved one connected group of hidden cells at a time (the relations linking them).
    let mut group: BTreeMap<usize, usize> = BTreeMap::new();
    let find = |group: &mut BTreeMap<usize, usize>, mut c: usize| {
        while let Some(&p) = group.get(&c) {
            if p == c {
                break;
            }
            c = p;
        }
        c
    };
    for row in &rows {
        let mut cells = row.keys();
        if let Some(&first) = cells.next() {
            group.entry(first).or_insert(first);
            let a = find(&mut group, first);
            for &c in cells {
                group.entry(c).or_insert(c);
                let b = find(&mut group, c);
                if a != b {
                    group.insert(b, a);
                }
            }
        }
    }
    let mut systems: BTreeMap<usize, Vec<BTreeMap<usize, u64>>> = BTreeMap::new();
    for row in rows {
        let Some(&first) = row.keys().next() else {
            continue;
        };
        let root = find(&mut group, first);
        systems.entry(root).or_default().push(row);
    }
    let mut pinned = BTreeSet::new();
    for (_, system) in systems {
        pinned.extend(pinned_in(system));
    }
    pinned.into_iter().collect()
}

/// Gaussian elimination to reduced row echelon form; a cell is pinned down when its
/// pivot row holds it alone.
fn pinned_in(mut rows: Vec<BTreeMap<usize, u64>>) -> Vec<usize> {
    let columns: BTreeSet<usize> = rows.iter().flat_map(|r| r.keys().copied()).collect();
    let mut pivots: Vec<(usize, BTreeMap<usize, u64>)> = Vec::new();
    for col in columns {
        let Some(at) = rows.iter().position(|r| r.contains_key(&col)) else {
            continue;
        };
        let mut pivot = rows.swap_remove(at);
        let inv = inverse(pivot[&col]);
        for v in pivot.values_mut() {
            *v = mul(*v, inv);
        }
        let eliminate = |row: &mut BTreeMap<usize, u64>| {
            if let Some(&factor) = row.get(&col) {
                for (c, v) in &pivot {
                    let e = row.entry(*c).or_insert(0);
                    *e = sub(*e, mul(factor, *v));
                }
                row.retain(|_, v| *v != 0);
            }
        };
        for row in rows.iter_mut() {
            eliminate(row);
        }
        for (_, row) in pivots.iter_mut() {
            eliminate(row);
        }
        rows.retain(|r| !r.is_empty());
        pivots.push((col, pivot));
    }
    pivots
        .into_iter()
        .filter(|(_, row)| row.len() == 1)
        .map(|(col, _)| col)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table of `rows` x `cols` inner cells with a total column, a total row and the
    /// grand total: its flat values and relations.
    fn margins(inner: &[Vec<u64>]) -> (Vec<u64>, Vec<Relation>) {
        let (rows, cols) = (inner.len(), inner[0].len());
        let width = cols + 1;
        let at = |r: usize, c: usize| r * width + c;
        let mut values = vec![0u64; (rows + 1) * width];
        for (r, row) in inner.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                values[at(r, c)] = *v;
                values[at(r, cols)] += *v;
                values[at(rows, c)] += *v;
                values[at(rows, cols)] += *v;
            }
        }
        let mut relations = Vec::new();
        for r in 0..=rows {
            relations.push(Relation::new(at(r, cols), (0..cols).map(|c| at(r, c))));
        }
        for c in 0..=cols {
            relations.push(Relation::new(at(rows, c), (0..rows).map(|r| at(r, c))));
        }
        (values, relations)
    }

    /// Whether some relation has exactly one hidden cell (undone by subtraction).
    fn subtractable(hidden: &[bool], relations: &[Relation]) -> Option<usize> {
        relations
            .iter()
            .position(|r| !r.parts.is_empty() && r.cells().filter(|c| hidden[*c]).count() == 1)
    }

    #[test]
    fn one_small_cell_gets_a_partner_in_its_row_and_column() {
        let (values, relations) = margins(&[vec![3, 10, 20], vec![8, 9, 30], vec![12, 15, 6]]);
        let hidden = protect(&values, &relations);
        assert!(hidden[0], "the 3");
        assert_eq!(subtractable(&hidden, &relations), None, "{hidden:?}");
        assert!(recoverable(&hidden, &relations).is_empty());
        // The partners are the smallest others: 8 below it, 10 beside it.
        assert!(hidden[4] && hidden[1], "{hidden:?}");
        assert_eq!(hidden.iter().filter(|h| **h).count(), 4, "a rectangle");
    }

    #[test]
    fn the_audit_finds_a_cell_that_two_per_line_does_not_protect() {
        // Two rectangles of hidden cells joined by one hidden cell (row 0, column 2):
        // every line has two hidden cells, and the joining one is still pinned down.
        let inner = vec![
            vec![5, 5, 5, 9, 9],
            vec![5, 5, 9, 9, 9],
            vec![9, 9, 5, 5, 9],
            vec![9, 9, 5, 5, 9],
        ];
        let (values, relations) = margins(&inner);
        let width = 6;
        let mut hidden = vec![false; values.len()];
        for (r, c) in [
            (0, 0),
            (0, 1),
            (1, 0),
            (1, 1),
            (2, 2),
            (2, 3),
            (3, 2),
            (3, 3),
            (0, 2),
        ] {
            hidden[r * width + c] = true;
        }
        // Row 0 has three, column 2 has three: no line gives one away by subtraction.
        assert_eq!(subtractable(&hidden, &relations), None);
        assert_eq!(recoverable(&hidden, &relations), vec![2]);
        // A rectangle alone is safe.
        hidden[2] = false;
        assert!(recoverable(&hidden, &relations).is_empty());
    }

    #[test]
    fn hidden_parts_never_add_up_to_a_small_group() {
        // 50 = 3 + 1 + 20 + 26: hiding the 3 and the 1 would publish "4 together".
        let values = vec![50, 3, 1, 20, 26];
        let relations = vec![Relation::new(0, [1, 2, 3, 4])];
        let hidden = protect(&values, &relations);
        let sum: u64 = (1..5).filter(|c| hidden[*c]).map(|c| values[c]).sum();
        assert!(
            !hidden[0] && hidden[1] && hidden[2] && hidden[3],
            "{hidden:?}"
        );
        assert!(!small(sum), "the hidden parts add up to {sum}");
    }

    #[test]
    fn a_lone_part_takes_its_total_with_it_and_zero_is_shown() {
        // total = one part: hiding the part means hiding the total.
        let values = vec![3, 3, 0];
        let relations = vec![Relation::new(0, [1]), Relation::new(0, [1, 2])];
        let hidden = protect(&values, &relations);
        assert_eq!(
            hidden,
            [true, true, false],
            "3 = x and 3 = x + 0 leave x open"
        );
        let values = vec![0, 0, 0];
        assert_eq!(protect(&values, &relations), [false, false, false]);
    }

    /// The property (issue 18, item 6): over random tables with margins (and a second
    /// breakdown of the same totals, as the 4W's sex/age and population groups), no
    /// hidden cell can be worked out by subtraction from any published relation, nor by
    /// combining them, nor do hidden parts add up to a small group; every small count is
    /// hidden.
    #[test]
    fn no_hidden_cell_is_recovered_from_random_tables() {
        use proptest::prelude::*;
        let config = ProptestConfig {
            cases: 200,
            failure_persistence: None,
            ..ProptestConfig::default()
        };
        let table = (1usize..6, 1usize..6).prop_flat_map(|(rows, cols)| {
            proptest::collection::vec(
                proptest::collection::vec(prop_oneof![3 => 0u64..5, 2 => 5u64..40], cols),
                rows,
            )
        });
        proptest!(config, |(inner in table, split in proptest::collection::vec(any::<bool>(), 6))| {
            let (mut values, mut relations) = margins(&inner);
            // A second breakdown of each row's total into two groups.
            let cols = inner[0].len();
            let width = cols + 1;
            for (r, row) in inner.iter().enumerate() {
                let first: u64 = row
                    .iter()
                    .zip(&split)
                    .filter(|(_, s)| **s)
                    .map(|(v, _)| *v)
                    .sum();
                let second = values[r * width + cols] - first;
                let at = values.len();
                values.extend([first, second]);
                relations.push(Relation::new(r * width + cols, [at, at + 1]));
            }
            let hidden = protect(&values, &relations);
            for (i, v) in values.iter().enumerate() {
                prop_assert!(!small(*v) || hidden[i], "{v} shown");
            }
            prop_assert_eq!(subtractable(&hidden, &relations), None);
            prop_assert!(recoverable(&hidden, &relations).is_empty());
            // Nor do the hidden parts of a relation whose total is shown add up to a
            // small group.
            for r in &relations {
                if r.totals.iter().all(|c| !hidden[*c]) {
                    let sum: u64 = r.parts.iter().filter(|c| hidden[**c]).map(|c| values[*c]).sum();
                    prop_assert!(!small(sum), "hidden parts of {:?} add up to {}", r, sum);
                }
            }
        });
    }
}
