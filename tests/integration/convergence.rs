//! The convergence property (sync.md guarantee 4 and 6): four laptops make random edits,
//! concurrent edits of the same fields and referral moves included, and pass bundles in
//! random order, with duplicates, relays and late arrivals; once every laptop has every
//! change, all hold the same state digest and the same conflicts.

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
    Export(usize),
    Import(usize, usize),
    Wait(usize, u16),
}

fn op() -> impl Strategy<Value = Op> {
    let d = 0..DEVICES;
    prop_oneof![
        2 => d.clone().prop_map(Op::Create),
        3 => (d.clone(), any::<usize>(), any::<u16>()).prop_map(|(a, b, c)| Op::Phone(a, b, c)),
        2 => (d.clone(), any::<usize>(), any::<u8>()).prop_map(|(a, b, c)| Op::Village(a, b, c)),
        1 => (d.clone(), any::<usize>()).prop_map(|(a, b)| Op::Refer(a, b)),
        2 => (d.clone(), any::<usize>(), any::<u8>()).prop_map(|(a, b, c)| Op::Move(a, b, c)),
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

fn run(ops: &[Op], final_order: &[usize]) -> Result<(), TestCaseError> {
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
    let step = |l: &Laptop, ms: i64| l.clock.set(l.ws.store.now().0 + ms);
    for op in ops {
        match op.clone() {
            Op::Create(d) => {
                let l = &laptops[d];
                step(l, 7);
                l.ws.store
                    .apply("w", &[Edit::Household(household("name"))])
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
    // Recomputing the state from the log (what a revocation that arrives late sets off)
    // gives the state merge built, on every laptop.
    for l in &laptops {
        let problems = l.ws.store.check().expect("check");
        prop_assert!(problems.is_empty(), "{:?}", problems);
        l.ws.store.refold(|_, _| {}).expect("refold");
        prop_assert_eq!(l.ws.store.state_digest().expect("digest"), digests[0]);
    }
    Ok(())
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
        ops in prop::collection::vec(op(), 10..40),
        final_order in prop::collection::vec(0..DEVICES, 1..6),
    ) {
        run(&ops, &final_order)?;
    }
}
