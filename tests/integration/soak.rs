//! The soak (issue 8, item 8; not in CI): three laptops make random edits and exchange
//! bundles, round after round, for `DALEEL_SOAK_MINUTES` (default 1). After every round
//! each laptop's `check` finds nothing and all three state digests are equal. Run it with
//! `scripts/soak.sh MINUTES`; it prints the totals.

use crate::common;

use common::device::{Device, all_trust};
use common::household;
use daleel::model::Household;
use daleel::store::Edit;
use rand::{Rng, SeedableRng};

#[test]
#[ignore = "a soak of minutes: scripts/soak.sh runs it"]
fn soak_three_laptops_editing_and_exchanging_bundles() {
    let minutes: f64 = std::env::var("DALEEL_SOAK_MINUTES")
        .ok()
        .and_then(|m| m.parse().ok())
        .unwrap_or(1.0);
    let seed = std::env::var("DALEEL_SOAK_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let laptops = [Device::new(), Device::new(), Device::new()];
    all_trust(&[&laptops[0], &laptops[1], &laptops[2]]);
    let started = std::time::Instant::now();
    let (mut rounds, mut changes, mut bundles, mut bytes, mut conflicts) =
        (0u64, 0u64, 0u64, 0u64, 0usize);
    let mut ids: Vec<uuid::Uuid> = Vec::new();
    while started.elapsed().as_secs_f64() < minutes * 60.0 {
        rounds += 1;
        // Random edits: new households, and changes to ones all three hold (the same
        // household on two laptops in one round is a conflict).
        for d in &laptops {
            for _ in 0..rng.gen_range(1..40) {
                let before = d.ws.store.next_seq().expect("seq");
                if ids.is_empty() || rng.gen_bool(0.3) {
                    let h = household(&format!("Soak {}", rng.r#gen::<u32>()));
                    d.save(&[Edit::Household(h.clone())]);
                    ids.push(h.id);
                } else {
                    let id = ids[rng.gen_range(0..ids.len())];
                    let Some(mut h) = d.ws.store.get::<Household>(id).expect("read") else {
                        continue; // made on another laptop this round
                    };
                    h.phone = format!(
                        "0770 {:03} {:04}",
                        rng.gen_range(0..1000),
                        rng.gen_range(0..10_000)
                    );
                    d.tick(rng.gen_range(1..60_000));
                    d.save(&[Edit::Household(h)]);
                }
                changes += d.ws.store.next_seq().expect("seq") - before;
            }
        }
        // Every laptop writes a bundle; every other laptop imports it.
        let stick = tempfile::tempdir().expect("stick");
        let files: Vec<_> = laptops.iter().map(|d| d.export(stick.path())).collect();
        for (i, file) in files.iter().enumerate() {
            bytes += std::fs::metadata(file).expect("size").len();
            for (j, d) in laptops.iter().enumerate() {
                if i != j {
                    d.import(file).expect("import");
                    bundles += 1;
                }
            }
        }
        for d in &laptops {
            let problems = d.ws.store.check().expect("check");
            assert!(problems.is_empty(), "round {rounds}: {problems:?}");
        }
        let digest = laptops[0].digest();
        assert!(
            laptops.iter().all(|d| d.digest() == digest),
            "round {rounds}: the laptops differ"
        );
        conflicts = laptops[0].ws.store.conflicts().expect("conflicts").len();
    }
    println!(
        "soak: {:.1} minutes, {rounds} rounds with equal digests and a clean check, {changes} changes made, {bundles} bundles moved ({} KiB), {conflicts} conflicts open, 0 failures",
        started.elapsed().as_secs_f64() / 60.0,
        bytes / 1024
    );
}
