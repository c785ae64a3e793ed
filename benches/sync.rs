//! Sync benchmark: export and import rates (changes per second) and peak memory for a
//! bundle of about 100,000 changes (`DALEEL_BENCH_HOUSEHOLDS` demo households, default
//! 18,000, which make about 100,000 changes), and import's ratio to raw sled inserts of
//! the same records. Figures only: nothing asserted.

mod common;

use std::time::Instant;

use daleel::store::FixedClock;
use daleel::sync::card::Card;
use daleel::workspace::Workspace;

fn main() {
    let n: usize = std::env::var("DALEEL_BENCH_HOUSEHOLDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(18_000);
    let now = 1_795_950_000_000;
    let a_dir = tempfile::tempdir().expect("a");
    let b_dir = tempfile::tempdir().expect("b");
    let stick = tempfile::tempdir().expect("stick");
    let a = Workspace::open_with_clock(a_dir.path(), FixedClock::at(now)).expect("a");
    daleel::demo::generate(&a.store, n, 1, |_| {}).expect("demo");
    let changes = a.store.change_count();
    println!("sync benchmark: {n} demo households, {changes} changes");
    let b = Workspace::open_with_clock(b_dir.path(), FixedClock::at(now)).expect("b");
    let card =
        Card::read(&Card::write(&a.identity, "a", a.store.now()).expect("card")).expect("read");
    b.store.trust(&card).expect("trust");

    let t = Instant::now();
    let summary =
        daleel::sync::export::export(&a.store, &a.identity, stick.path(), true).expect("export");
    let export_s = t.elapsed().as_secs_f64();
    println!(
        "  export: {:.2} s, {:.0} changes/s, bundle {:.1} MiB ({} segments)",
        export_s,
        summary.changes as f64 / export_s,
        summary.bytes as f64 / 1048576.0,
        summary.segments
    );
    // The phases of an import, timed apart on a third laptop.
    {
        let c_dir = tempfile::tempdir().expect("c");
        let c = Workspace::open_with_clock(c_dir.path(), FixedClock::at(now)).expect("c");
        c.store.trust(&card).expect("trust");
        let bytes = std::fs::read(&summary.path).expect("read");
        let t = Instant::now();
        let bundle = daleel::sync::bundle::read(&bytes, |_| true).expect("verify");
        let verify = t.elapsed().as_secs_f64();
        let changes: Vec<_> = bundle
            .segments
            .into_iter()
            .flat_map(|s| s.changes)
            .collect();
        let t = Instant::now();
        c.store.stage(&changes).expect("stage");
        let stage = t.elapsed().as_secs_f64();
        let t = Instant::now();
        c.store.apply_staged(|_| {}).expect("apply");
        let apply = t.elapsed().as_secs_f64();
        println!("  import phases: verify {verify:.2} s, stage {stage:.2} s, apply {apply:.2} s");
    }
    let rss_before = common::rss_mib();
    let t = Instant::now();
    let s = daleel::sync::import::import_file(&b.store, &summary.path, |_| {}).expect("import");
    b.store.flush().expect("flush");
    let import_s = t.elapsed().as_secs_f64();
    println!(
        "  import (verify, stage, apply, flush): {:.2} s, {:.0} changes/s ({} new)",
        import_s,
        s.new as f64 / import_s,
        s.new
    );
    println!(
        "  resident memory: {:.1} MiB before the import, peak {:.1} MiB (this process also holds the sender's database)",
        rss_before,
        common::peak_rss_mib()
    );
    assert_eq!(
        a.store.state_digest().expect("d"),
        b.store.state_digest().expect("d"),
        "the same state"
    );

    // Raw sled: the same records, encoded, inserted in batches of 2,000 with one flush at
    // the end: no merge, no indexes, no change log.
    use daleel::model::{Household, Need, Organization, Referral, Service};
    let mut records: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
    fn add<E: daleel::store::Entity>(
        store: &daleel::store::Store,
        out: &mut Vec<(Vec<u8>, Vec<u8>)>,
    ) {
        for r in store.all::<E>() {
            let r = r.expect("record");
            out.push((
                r.id().as_bytes().to_vec(),
                daleel::codec::encode(&r).expect("encode"),
            ));
        }
    }
    add::<Household>(&b.store, &mut records);
    add::<Need>(&b.store, &mut records);
    add::<Referral>(&b.store, &mut records);
    add::<Organization>(&b.store, &mut records);
    add::<Service>(&b.store, &mut records);
    let raw_dir = tempfile::tempdir().expect("raw");
    let db = sled::Config::new()
        .path(raw_dir.path())
        .cache_capacity(16 << 20)
        .open()
        .expect("sled");
    let tree = db.open_tree("records").expect("tree");
    let t = Instant::now();
    for chunk in records.chunks(2_000) {
        let mut batch = sled::Batch::default();
        for (k, v) in chunk {
            batch.insert(k.as_slice(), v.as_slice());
        }
        tree.apply_batch(batch).expect("batch");
    }
    db.flush().expect("flush");
    let raw_s = t.elapsed().as_secs_f64();
    println!(
        "  raw sled inserts of the same {} records: {:.2} s; import takes {:.1}x as long (it also verifies {} signatures and hashes, keeps the change log, merges heads and writes indexes)",
        records.len(),
        raw_s,
        import_s / raw_s,
        summary.segments
    );
}
