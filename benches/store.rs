//! Store benchmark: insert and read back N households through the store (default 100,000;
//! `DALEEL_BENCH_HOUSEHOLDS` to change), then print throughput, the latency of single
//! acknowledged saves, the on-disk size and the peak resident memory. Figures only: no
//! assertion on time. Run with `cargo bench --bench store`.

mod common;

use std::time::Instant;

use daleel::demo;
use daleel::keyring::{KdfParams, Keyring};
use daleel::model::{Household, Timestamp};
use daleel::store::seal::DataKey;
use daleel::store::{DeviceInfo, Edit, FixedClock, Store};
use daleel::sync::identity::Identity;

fn dir_size(path: &std::path::Path) -> u64 {
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => dir_size(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        })
        .unwrap_or(0)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let n: usize = common::households();
    let today = Timestamp(1_795_000_000_000);
    let households = demo::households(n, 7, today);
    println!("store benchmark: {n} households");
    println!(
        "  resident memory with the generated households in memory, before the store works: {:.1} MiB",
        common::rss_mib()
    );
    unlock_time();
    println!("values in the clear (a database made before encryption):");
    run(&households, today, None);
    println!("values sealed (XChaCha20-Poly1305), as every new database:");
    run(&households, today, Some(&DataKey::random()));
    println!("peak resident memory: {:.1} MiB", common::peak_rss_mib());
}

/// How long a worker's passphrase takes to open the data key with the Argon2 parameters
/// new passphrases get (median of five).
fn unlock_time() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let db = sled::Config::new().path(tmp.path()).open().expect("sled");
    let ring = Keyring::open(&db).expect("keyring");
    let p = KdfParams::FIELD;
    ring.add("Amal", "correct horse battery", p, &DataKey::random())
        .expect("add");
    let mut times: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            ring.unlock(None, "correct horse battery").expect("unlock");
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "  unlock with a passphrase (Argon2id, {} MiB, {} passes, {} lane): median {:.0} ms, worst {:.0} ms",
        p.m_kib / 1024,
        p.t,
        p.p,
        times[2],
        times[4]
    );
}

fn run(households: &[Household], today: Timestamp, key: Option<&DataKey>) {
    let n = households.len();
    let tmp = tempfile::tempdir().expect("temporary directory");
    let (identity, _) = Identity::load_or_create(tmp.path()).expect("identity");
    let device = DeviceInfo {
        origin: identity.origin(),
        code: identity.code(),
    };
    let clock = FixedClock::at(today.0);
    let db_dir = tmp.path().join("db");
    let open = |device: DeviceInfo, clock: std::sync::Arc<FixedClock>| match key {
        Some(key) => Store::open_sealed(&db_dir, device, clock, key),
        None => Store::open_with_clock(&db_dir, device, clock),
    };
    let store = open(device.clone(), clock.clone()).expect("open");

    // Bulk insert, 500 households per transaction, one flush at the end.
    let started = Instant::now();
    for chunk in households.chunks(500) {
        let edits: Vec<Edit> = chunk.iter().cloned().map(Edit::Household).collect();
        store.apply_unflushed("bench", &edits).expect("insert");
    }
    store.flush().expect("flush");
    let insert = started.elapsed().as_secs_f64();
    println!(
        "  insert (500 per transaction): {:.2} s, {:.0} households/s",
        insert,
        n as f64 / insert
    );

    // Single saves as a worker makes them: one transaction and one flush each.
    let mut latencies = Vec::new();
    for h in households.iter().take(200) {
        let mut h = h.clone();
        h.phone = format!("0770 111 {:04}", latencies.len());
        let t = Instant::now();
        store.apply("bench", &[Edit::Household(h)]).expect("save");
        latencies.push(t.elapsed().as_secs_f64() * 1e3);
    }
    latencies.sort_by(f64::total_cmp);
    println!(
        "  acknowledged single save (edit + flush): median {:.2} ms, p99 {:.2} ms, worst {:.2} ms",
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99),
        latencies[latencies.len() - 1]
    );

    // Read back: a full scan, then every household by id.
    let started = Instant::now();
    let mut people = 0;
    for h in store.all::<Household>() {
        people += h.expect("decode").people_count();
    }
    let scan = started.elapsed().as_secs_f64();
    println!(
        "  read back, full scan: {:.2} s, {:.0} households/s ({people} people)",
        scan,
        n as f64 / scan
    );
    let started = Instant::now();
    for h in households {
        let got: Household = store.get(h.id).expect("get").expect("present");
        assert_eq!(got.id, h.id);
    }
    let gets = started.elapsed().as_secs_f64();
    println!(
        "  read back by id: {:.2} s, {:.1} µs per household",
        gets,
        gets * 1e6 / n as f64
    );
    println!("  change log: {} changes", store.change_count());

    let raw: u64 = store
        .tree_sizes()
        .expect("sizes")
        .iter()
        .map(|t| t.key_bytes + t.value_bytes)
        .sum();
    for t in store.tree_sizes().expect("sizes") {
        let (name, entries, bytes) = (t.name, t.entries, t.key_bytes + t.value_bytes);
        if entries > 0 {
            println!(
                "    {name:<26} {entries:>8} entries {:>9.1} MiB",
                bytes as f64 / 1048576.0
            );
        }
    }
    drop(store);
    println!(
        "  on disk: {:.1} MiB (keys and values: {:.1} MiB)",
        dir_size(&db_dir) as f64 / 1048576.0,
        raw as f64 / 1048576.0
    );

    // Reopen: the cost of opening the database at this size, then of counting (sled's
    // len() walks the whole tree).
    let started = Instant::now();
    let store = open(device, clock).expect("reopen");
    let opened = started.elapsed().as_secs_f64() * 1e3;
    let started = Instant::now();
    let count = store.count::<Household>();
    println!(
        "  reopen: {opened:.0} ms; count {count} households: {:.0} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
}
