//! The convergence property (sync.md guarantee 4 and 6): four laptops make random edits,
//! concurrent edits of the same fields and referral moves included, decide likely
//! duplicates (same household, keeping one or the other, and not the same: conflicting
//! decisions made concurrently included, such as A into B on one laptop while B into A
//! on another, or A into B and A into C), and pass bundles in random order, with
//! duplicates, relays and late arrivals; once every laptop has every change, all hold the
//! same state digest and the same conflicts, and all show the same thing through the
//! merges: the same kept household for every household, need and referral, every need
//! under exactly one kept household, the same likely pairs left to decide.

use std::path::PathBuf;
use std::sync::Arc;

use daleel::model::{
    Household, Move, Need, NeedStatus, Priority, Referral, Sector, Timestamp, sample,
};
use daleel::store::{Edit, Entity, FixedClock};
use daleel::sync::card::Card;
use daleel::workspace::Workspace;
use proptest::prelude::*;
use uuid::Uuid;

use crate::common;
use common::{NOW, household};
const DEVICES: usize = 4;

#[derive(Debug, Clone)]
enum Op {
    Create(usize),
    Phone(usize, usize, u16),
    Village(usize, usize, u8),
    Refer(usize, usize),
    Move(usize, usize, u8),
    /// Laptop, the household kept, the household merged into it.
    Merge(usize, usize, usize),
    NotSame(usize, usize, usize),
    /// One laptop's bundle taken by another at once (laptops that share records before
    /// they decide, so that their decisions conflict).
    Pass(usize, usize),
    Export(usize),
    Import(usize, usize),
    Wait(usize, u16),
}

fn op() -> impl Strategy<Value = Op> {
    let d = 0..DEVICES;
    prop_oneof![
        3 => d.clone().prop_map(Op::Create),
        3 => (d.clone(), any::<usize>(), any::<u16>()).prop_map(|(a, b, c)| Op::Phone(a, b, c)),
        2 => (d.clone(), any::<usize>(), any::<u8>()).prop_map(|(a, b, c)| Op::Village(a, b, c)),
        1 => (d.clone(), any::<usize>()).prop_map(|(a, b)| Op::Refer(a, b)),
        2 => (d.clone(), any::<usize>(), any::<u8>()).prop_map(|(a, b, c)| Op::Move(a, b, c)),
        4 => (d.clone(), 0..3usize, 1..3usize).prop_map(|(a, b, c)| Op::Merge(a, b, (b + c) % 3)),
        2 => (d.clone(), 0..3usize, 1..3usize).prop_map(|(a, b, c)| Op::NotSame(a, b, (b + c) % 3)),
        3 => (d.clone(), d.clone()).prop_map(|(a, b)| Op::Pass(a, b)),
        3 => d.clone().prop_map(Op::Export),
        4 => (d.clone(), any::<usize>()).prop_map(|(a, b)| Op::Import(a, b)),
        1 => (d, any::<u16>()).prop_map(|(a, b)| Op::Wait(a, b)),
    ]
}

struct Laptop {
    _dir: tempfile::TempDir,
    ws: Workspace,
    clock: Arc<FixedClock>,
}

/// The `k`th record of a kind on a laptop, counting round, or none if it has none.
fn pick<E: Entity>(l: &Laptop, k: usize) -> Option<E> {
    let all: Vec<E> = l.ws.store.all::<E>().map(|e| e.expect("read")).collect();
    let n = all.len().max(1);
    all.into_iter().nth(k % n)
}

fn run(ops: &[Op], final_order: &[usize]) -> Result<View, TestCaseError> {
    run_with(0, ops, final_order)
}

/// One family's record: its name, place and year make every two a likely pair.
fn family() -> Household {
    let mut h = household("Fatima Hassan Ali");
    h.head.birth_year = Some(1984);
    h
}

/// `run`, with `shared` households recorded on the first laptop and taken by every other
/// before the operations (so that decisions about them can be made, and can conflict,
/// on several laptops).
fn run_with(shared: usize, ops: &[Op], final_order: &[usize]) -> Result<View, TestCaseError> {
    let stick = tempfile::tempdir().expect("stick");
    let laptops: Vec<Laptop> = (0..DEVICES)
        .map(|i| {
            let dir = tempfile::tempdir().expect("dir");
            // Clocks that disagree by minutes, as field laptops do.
            let clock = FixedClock::at(NOW + i as i64 * 97_000);
            let ws = Workspace::open_with_clock(dir.path(), clock.clone(), &common::creds())
                .expect("open");
            Laptop {
                _dir: dir,
                ws,
                clock,
            }
        })
        .collect();
    for a in &laptops {
        for b in &laptops {
            if a.ws.identity.origin() != b.ws.identity.origin() {
                let card = Card::write(&b.ws.identity, "l", Timestamp(NOW)).expect("card");
                a.ws.store
                    .trust(&Card::read(&card).expect("read"))
                    .expect("trust");
            }
        }
    }
    let mut bundles: Vec<PathBuf> = Vec::new();
    if shared > 0 {
        let first = &laptops[0];
        let records: Vec<Edit> = (0..shared).map(|_| Edit::Household(family())).collect();
        first.ws.store.apply("w", &records).expect("shared");
        let path =
            daleel::sync::export::export(&first.ws.store, &first.ws.identity, stick.path(), false)
                .expect("export")
                .path;
        for l in &laptops[1..] {
            daleel::sync::import::import_file(&l.ws.store, &path, &l.ws.identity, |_, _| {})
                .expect("import");
        }
        bundles.push(path);
    }
    let step = |l: &Laptop, ms: i64| l.clock.set(l.ws.store.now().0 + ms);
    for op in ops {
        match op.clone() {
            Op::Create(d) => {
                let l = &laptops[d];
                step(l, 7);
                l.ws.store
                    .apply("w", &[Edit::Household(family())])
                    .expect("create");
            }
            Op::Phone(d, k, v) => {
                let l = &laptops[d];
                if let Some(h) = pick::<Household>(l, k) {
                    step(l, 11);
                    let h = Household {
                        phone: format!("0770 {v:07}"),
                        ..h
                    };
                    l.ws.store.apply("w", &[Edit::Household(h)]).expect("edit");
                }
            }
            Op::Village(d, k, v) => {
                let l = &laptops[d];
                if let Some(mut h) = pick::<Household>(l, k) {
                    step(l, 13);
                    h.location.village = format!("village {v}");
                    l.ws.store.apply("w", &[Edit::Household(h)]).expect("edit");
                }
            }
            Op::Refer(d, k) => {
                let l = &laptops[d];
                if let Some(h) = pick::<Household>(l, k) {
                    step(l, 17);
                    let n = Need {
                        id: Uuid::now_v7(),
                        household: h.id,
                        sector: Sector::Health,
                        description: "clinic".into(),
                        priority: Priority::Normal,
                        status: NeedStatus::Open,
                        created_at: l.ws.store.now(),
                        ..Need::default()
                    };
                    let s = sample::directory().services[0].clone();
                    let r = Referral {
                        id: Uuid::now_v7(),
                        household: h.id,
                        need: n.id,
                        service: s.id,
                        organization: s.organization,
                        created_at: l.ws.store.now(),
                        ..Referral::default()
                    };
                    l.ws.store
                        .apply("w", &[Edit::Need(n), Edit::Referral(r)])
                        .expect("refer");
                }
            }
            Op::Move(d, k, m) => {
                let l = &laptops[d];
                if let Some(r) = pick::<Referral>(l, k) {
                    step(l, 19);
                    let mv = match m % 5 {
                        0 => Move::Send,
                        1 => Move::Accept,
                        2 => Move::Reject {
                            reason: "full".into(),
                        },
                        3 => Move::Cancel {
                            reason: "moved".into(),
                        },
                        _ => Move::Close {
                            reason: "done".into(),
                        },
                    };
                    // Moves the lifecycle refuses here are simply not made.
                    let _ = l.ws.store.move_referral("w", r.id, &mv, "");
                }
            }
            Op::Merge(d, k, m) => {
                let l = &laptops[d];
                if let (Some(keep), Some(merged)) =
                    (pick::<Household>(l, k), pick::<Household>(l, m))
                {
                    step(l, 23);
                    // Refused here (itself, merged already, closed) is simply not made.
                    let _ = l.ws.store.merge_households("w", keep.id, merged.id);
                }
            }
            Op::NotSame(d, k, m) => {
                let l = &laptops[d];
                if let (Some(a), Some(b)) = (pick::<Household>(l, k), pick::<Household>(l, m)) {
                    step(l, 29);
                    let _ = l.ws.store.mark_distinct("w", a.id, b.id);
                }
            }
            Op::Pass(from, to) => {
                let l = &laptops[from];
                step(l, 1_000);
                let path =
                    daleel::sync::export::export(&l.ws.store, &l.ws.identity, stick.path(), false)
                        .expect("export")
                        .path;
                if from != to {
                    daleel::sync::import::import_file(
                        &laptops[to].ws.store,
                        &path,
                        &laptops[to].ws.identity,
                        |_, _| {},
                    )
                    .expect("import");
                }
                bundles.push(path);
            }
            Op::Export(d) => {
                let l = &laptops[d];
                step(l, 1_000);
                bundles.push(
                    daleel::sync::export::export(&l.ws.store, &l.ws.identity, stick.path(), false)
                        .expect("export")
                        .path,
                );
            }
            Op::Import(d, i) => {
                if !bundles.is_empty() {
                    let path = &bundles[i % bundles.len()];
                    daleel::sync::import::import_file(
                        &laptops[d].ws.store,
                        path,
                        &laptops[d].ws.identity,
                        |_, _| {},
                    )
                    .expect("import");
                }
            }
            Op::Wait(d, ms) => step(&laptops[d], ms as i64),
        }
    }
    // Everyone sends everything it holds, and everyone takes every bundle, in a random
    // order; twice, so that relayed changes reach everyone.
    for _ in 0..2 {
        let finals: Vec<PathBuf> = laptops
            .iter()
            .map(|l| {
                daleel::sync::export::export(&l.ws.store, &l.ws.identity, stick.path(), true)
                    .expect("export")
                    .path
            })
            .collect();
        for &d in final_order {
            for p in &finals {
                daleel::sync::import::import_file(
                    &laptops[d % DEVICES].ws.store,
                    p,
                    &laptops[d % DEVICES].ws.identity,
                    |_, _| {},
                )
                .expect("import");
            }
        }
        for l in &laptops {
            for p in &finals {
                daleel::sync::import::import_file(&l.ws.store, p, &l.ws.identity, |_, _| {})
                    .expect("import");
            }
        }
    }
    let digests: Vec<[u8; 32]> = laptops
        .iter()
        .map(|l| l.ws.store.state_digest().expect("digest"))
        .collect();
    let conflicts: Vec<usize> = laptops
        .iter()
        .map(|l| l.ws.store.conflicts().expect("c").len())
        .collect();
    for l in &laptops {
        prop_assert!(
            l.ws.store.parked().expect("parked").is_empty(),
            "nothing left parked"
        );
    }
    if !digests.windows(2).all(|w| w[0] == w[1])
        && std::env::var_os("DALEEL_DEBUG_CONVERGENCE").is_some()
    {
        for (i, l) in laptops.iter().enumerate() {
            eprintln!("laptop {i}:");
            for h in l.ws.store.all::<Household>() {
                let h = h.expect("h");
                eprintln!(
                    "  {} phone={} village={} code={}",
                    h.id, h.phone, h.location.village, h.case_code
                );
            }
            for c in l.ws.store.conflicts().expect("c") {
                eprintln!("  conflict {:?}", c);
            }
        }
    }
    prop_assert!(
        digests.windows(2).all(|w| w[0] == w[1]),
        "digests differ; conflicts per laptop {:?}",
        conflicts
    );
    prop_assert!(conflicts.windows(2).all(|w| w[0] == w[1]));
    // Through the merges, every laptop shows the same, and nothing is lost or shown twice.
    let mut views: Vec<View> = laptops.iter().map(view).collect::<Result<_, _>>()?;
    prop_assert!(
        views.windows(2).all(|w| w[0] == w[1]),
        "laptops show different cases: {:#?}",
        views
    );
    // Recomputing the state from the log (what a revocation that arrives late sets off)
    // gives the state merge built, on every laptop.
    for l in &laptops {
        let problems = l.ws.store.check().expect("check");
        prop_assert!(problems.is_empty(), "{:?}", problems);
        l.ws.store.refold(|_, _| {}).expect("refold");
        prop_assert_eq!(l.ws.store.state_digest().expect("digest"), digests[0]);
        prop_assert_eq!(&view(l)?, &views[0]);
    }
    Ok(views.swap_remove(0))
}

/// What a laptop shows through the merges: where each household ends, under which kept
/// household each need and referral shows, the pairs decided not the same, and the
/// likely pairs left to decide.
#[derive(Debug, PartialEq, Eq)]
struct View {
    kept: Vec<(Uuid, Uuid)>,
    needs: Vec<(Uuid, Uuid)>,
    referrals: Vec<(Uuid, Uuid)>,
    distinct: Vec<(Uuid, Uuid)>,
    pairs: Vec<(Uuid, Uuid)>,
}

fn view(l: &Laptop) -> Result<View, TestCaseError> {
    let store = &l.ws.store;
    let merges = store.merges().expect("merges");
    let households: Vec<Household> = store.all::<Household>().map(|h| h.expect("h")).collect();
    let ids: std::collections::BTreeSet<Uuid> = households.iter().map(|h| h.id).collect();
    // A kept household is held and not merged itself (chains and loops end).
    for h in &households {
        let k = merges.kept(h.id);
        prop_assert!(ids.contains(&k), "{} ends at a household not held", h.id);
        prop_assert!(!merges.is_merged(k), "{} ends at a merged household", h.id);
    }
    // Every need shows under exactly one kept household: the kept households' cases hold
    // every need once.
    let mut shown: Vec<Uuid> = Vec::new();
    for h in households.iter().filter(|h| !merges.is_merged(h.id)) {
        shown.extend(
            store
                .needs_of_case(h.id)
                .expect("needs")
                .iter()
                .map(|n| n.id),
        );
    }
    shown.sort();
    let mut all: Vec<Uuid> = store.all::<Need>().map(|n| n.expect("n").id).collect();
    all.sort();
    prop_assert_eq!(&shown, &all, "each need under one kept household");
    let needs = store
        .all::<Need>()
        .map(|n| n.map(|n| (n.id, merges.kept(n.household))))
        .collect::<Result<Vec<_>, _>>()
        .expect("needs");
    let referrals = store
        .all::<Referral>()
        .map(|r| r.map(|r| (r.id, merges.kept(r.household))))
        .collect::<Result<Vec<_>, _>>()
        .expect("referrals");
    let distinct: Vec<(Uuid, Uuid)> = store.distinct_pairs().expect("pairs").into_iter().collect();
    let snapshot = daleel::tui::jobs::load_snapshot(store, 24).expect("load");
    let mut pairs = Vec::new();
    for g in &snapshot.duplicate_groups {
        prop_assert_eq!(g.len(), 2);
        let p = daleel::model::duplicate::pair(g[0].id, g[1].id);
        prop_assert!(
            !distinct.contains(&p),
            "a pair decided not the same is offered"
        );
        prop_assert!(
            !merges.is_merged(p.0) && !merges.is_merged(p.1),
            "a merged case is offered"
        );
        pairs.push(p);
    }
    pairs.sort();
    Ok(View {
        kept: merges.merged().collect(),
        needs,
        referrals,
        distinct,
        pairs,
    })
}

#[test]
fn a_loop_of_merges_keeps_the_smallest_id_on_every_laptop() {
    // Laptop 1 merges the first record into the second while laptop 2 merges the second
    // into the first; laptop 0, not knowing, adds a need to the second.
    let ops = [
        Op::Create(0),
        Op::Create(0),
        Op::Create(0),
        Op::Refer(0, 0),
        Op::Refer(0, 1),
        Op::Export(0),
        Op::Import(1, 0),
        Op::Import(2, 0),
        Op::Merge(1, 1, 0),
        Op::Merge(2, 0, 1),
        Op::Refer(0, 1),
        Op::Export(2),
        Op::Import(3, 1),
    ];
    for order in [[3, 2, 1, 0], [1, 0, 3, 2]] {
        let seen = run(&ops, &order).expect("converges");
        // Both records are closed as a duplicate of the other: the first (the smaller
        // id) is kept, open, with every need; it is still offered with the third.
        assert_eq!(seen.kept.len(), 1, "{seen:#?}");
        let (merged, kept) = seen.kept[0];
        assert!(kept < merged);
        assert_eq!(seen.needs.len(), 3);
        assert!(seen.needs.iter().all(|(_, h)| *h == kept), "{seen:#?}");
        assert_eq!(seen.pairs.len(), 1, "{seen:#?}");
        assert_eq!(seen.pairs[0].0, kept);
    }
}

#[test]
fn conflicting_same_household_decisions_converge() {
    let ops = [
        Op::Create(0),
        Op::Create(0),
        Op::Create(0),
        Op::Refer(0, 0),
        Op::Refer(0, 1),
        Op::Export(0),
        Op::Import(1, 0),
        Op::Import(2, 0),
        Op::Import(3, 0),
        // 1 keeps the second and merges the first; 2 does the opposite (a loop); 3
        // merges the first into the third; 0 says the second and third are not the same
        // and refers the first again, not knowing it was merged.
        Op::Merge(1, 1, 0),
        Op::Merge(2, 0, 1),
        Op::Merge(3, 2, 0),
        Op::NotSame(0, 1, 2),
        Op::Refer(0, 0),
        Op::Export(3),
        Op::Import(1, 1),
    ];
    for order in [[3, 2, 1, 0], [0, 1, 2, 3], [2, 0, 3, 1]] {
        let seen = run(&ops, &order).expect("converges");
        // Three records, one kept: the three merges end at one household (A into B and
        // B into A make a loop unless A into C is what A's status shows).
        assert_eq!(seen.kept.len(), 2, "{seen:#?}");
        let kept = seen.kept[0].1;
        assert!(seen.kept.iter().all(|(_, k)| *k == kept), "{seen:#?}");
        assert!(seen.needs.iter().all(|(_, h)| *h == kept), "{seen:#?}");
        assert_eq!(seen.needs.len(), 3);
        assert_eq!(seen.distinct.len(), 1);
        assert!(seen.pairs.is_empty(), "{seen:#?}");
    }
}

#[test]
fn the_case_proptest_found() {
    let ops = [
        Op::Create(1),
        Op::Export(1),
        Op::Import(2, 0),
        Op::Phone(1, 0, 0),
        Op::Village(2, 0, 0),
        Op::Village(1, 0, 0),
        Op::Phone(2, 0, 0),
        Op::Refer(0, 0),
        Op::Create(0),
        Op::Village(0, 0, 14),
    ];
    run(&ops, &[1, 2, 0, 2]).expect("converges");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn four_laptops_converge_whatever_the_order(
        shared in 0..4usize,
        ops in prop::collection::vec(op(), 10..40),
        final_order in prop::collection::vec(0..DEVICES, 1..6),
    ) {
        run_with(shared, &ops, &final_order)?;
    }
}
