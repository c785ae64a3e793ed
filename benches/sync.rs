//! Sync benchmark: export and import rates (changes per second) and peak memory for a
//! bundle of about 100,000 changes (`DALEEL_BENCH_HOUSEHOLDS` demo households, default
//! 18,000, which make about 100,000 changes), and import's ratio to raw sled inserts of
//! the same records. Figures only: nothing asserted but that both laptops end equal.
//!
//! The import runs in a child process (this benchmark run again), on a laptop that holds
//! nothing else, so that its peak memory is the import's own and not the sender's.

mod common;

use std::path::Path;
use std::time::Instant;

use daleel::store::FixedClock;
use daleel::sync::card::Card;
use daleel::workspace::Workspace;

const NOW: i64 = 1_795_950_000_000;

/// The child: imports one bundle into a fresh database and prints its figures.
fn import_child(bundle: &Path, dir: &Path, card: &Path) {
    let ws = Workspace::open_with_clock(dir, FixedClock::at(NOW), &common::creds()).expect("open");
    let card = Card::read(&std::fs::read(card).expect("card")).expect("card");
    ws.store.trust(&card).expect("trust");
    let rss_before = common::rss_mib();
    let t = Instant::now();
    let mut ticks = 0u32;
    let s =
        daleel::sync::import::import_file(&ws.store, bundle, |_, _| ticks += 1).expect("import");
    let seconds = t.elapsed().as_secs_f64();
    println!(
        "{seconds} {} {rss_before} {} {ticks}",
        s.new,
        common::peak_rss_mib()
    );
}

fn main() {
    if let (Ok(bundle), Ok(dir), Ok(card)) = (
        std::env::var("DALEEL_BENCH_IMPORT"),
        std::env::var("DALEEL_BENCH_DB"),
        std::env::var("DALEEL_BENCH_CARD"),
    ) {
        import_child(Path::new(&bundle), Path::new(&dir), Path::new(&card));
        return;
    }
    let n: usize = std::env::var("DALEEL_BENCH_HOUSEHOLDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(18_000);
    let a_dir = tempfile::tempdir().expect("a");
    let b_dir = tempfile::tempdir().expect("b");
    let stick = tempfile::tempdir().expect("stick");
    let a =
        Workspace::open_with_clock(a_dir.path(), FixedClock::at(NOW), &common::creds()).expect("a");
    daleel::demo::generate(&a.store, n, 1, |_| {}).expect("demo");
    let changes = a.store.change_count();
    println!("sync benchmark: {n} demo households, {changes} changes");
    let card_path = stick.path().join("a.card");
    std::fs::write(
        &card_path,
        Card::write(&a.identity, "a", a.store.now()).expect("card"),
    )
    .expect("card");

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
        let c = Workspace::open_with_clock(c_dir.path(), FixedClock::at(NOW), &common::creds())
            .expect("c");
        let bytes = std::fs::read(&summary.path).expect("read");
        let t = Instant::now();
        let bundle = daleel::sync::bundle::read(&bytes, |_| true).expect("verify");
        let verify = t.elapsed().as_secs_f64();
        let encoded: Vec<&[u8]> = bundle
            .segments
            .iter()
            .flat_map(|s| s.changes.iter().copied())
            .collect();
        let t = Instant::now();
        c.store.stage(&encoded).expect("stage");
        let stage = t.elapsed().as_secs_f64();
        let t = Instant::now();
        c.store.apply_staged(|_| {}).expect("apply");
        let apply = t.elapsed().as_secs_f64();
        println!("  import phases: verify {verify:.2} s, stage {stage:.2} s, apply {apply:.2} s");
    }
    drop(a);

    let out = std::process::Command::new(std::env::current_exe().expect("exe"))
        .env("DALEEL_BENCH_IMPORT", &summary.path)
        .env("DALEEL_BENCH_DB", b_dir.path())
        .env("DALEEL_BENCH_CARD", &card_path)
        .output()
        .expect("child");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = String::from_utf8_lossy(&out.stdout);
    let f: Vec<f64> = line
        .split_whitespace()
        .map(|x| x.parse().expect("figure"))
        .collect();
    let (import_s, new, rss_before, peak, ticks) = (f[0], f[1], f[2], f[3], f[4]);
    println!(
        "  import (verify, stage, apply, flush), in a process of its own: {import_s:.2} s, {:.0} changes/s ({new} new, {ticks} progress reports)",
        new / import_s
    );
    println!(
        "  resident memory of that process: {rss_before:.1} MiB before the import, peak {peak:.1} MiB"
    );
    let a =
        Workspace::open_with_clock(a_dir.path(), FixedClock::at(NOW), &common::creds()).expect("a");
    let b =
        Workspace::open_with_clock(b_dir.path(), FixedClock::at(NOW), &common::creds()).expect("b");
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
        "  raw sled inserts of the same {} records: {:.2} s; import takes {:.1}x as long (it also verifies {} signatures and every change's hash, keeps the change log, merges heads and writes indexes)",
        records.len(),
        raw_s,
        import_s / raw_s,
        summary.segments
    );
}
