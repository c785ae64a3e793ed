//! Sync benchmark: export and import rates (changes per second) and peak memory for a
//! bundle of about 100,000 changes (`DALEEL_BENCH_HOUSEHOLDS` demo households, default
//! 18,000, which make about 100,000 changes), and import's ratio to raw sled inserts of
//! the same records; each with the database's values sealed (as every new database) and
//! in the clear (a database made before encryption), to show what encryption costs
//! (`DALEEL_BENCH_MODE=sealed` or `plain` runs one).
//! Figures only: nothing asserted but that both laptops end equal.
//!
//! The import runs in a child process (this benchmark run again), on a laptop that holds
//! nothing else, so that its peak memory is the import's own and not the sender's.

mod common;

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use daleel::store::{DeviceInfo, FixedClock, Store};
use daleel::sync::card::Card;
use daleel::sync::identity::Identity;
use daleel::workspace::Workspace;

const NOW: i64 = 1_795_950_000_000;

/// A laptop: sealed through a workspace (a worker and passphrase), or in the clear.
fn laptop(dir: &Path, sealed: bool) -> (Arc<Store>, Arc<Identity>) {
    if sealed {
        let ws =
            Workspace::open_with_clock(dir, FixedClock::at(NOW), &common::creds()).expect("open");
        (ws.store, ws.identity)
    } else {
        let (identity, _) = Identity::load_or_create(dir).expect("key");
        let device = DeviceInfo {
            origin: identity.origin(),
            code: identity.code(),
        };
        let store =
            Store::open_with_clock(&dir.join("db"), device, FixedClock::at(NOW)).expect("open");
        (Arc::new(store), Arc::new(identity))
    }
}

/// The child: imports one bundle into a fresh database and prints its figures.
fn import_child(bundle: &Path, dir: &Path, card: &Path, sealed: bool) {
    let (store, me) = laptop(dir, sealed);
    let card = Card::read(&std::fs::read(card).expect("card")).expect("card");
    store.trust(&card).expect("trust");
    let rss_before = common::rss_mib();
    let t = Instant::now();
    let mut ticks = 0u32;
    let s =
        daleel::sync::import::import_file(&store, bundle, &me, |_, _| ticks += 1).expect("import");
    let seconds = t.elapsed().as_secs_f64();
    println!(
        "{seconds} {} {rss_before} {} {ticks}",
        s.new,
        common::peak_rss_mib()
    );
}

/// Makes `a` a sensitive coordinator of a team whose receivers are one caseworker and
/// one outreach laptop not certified for sensitive cases, and times an export.
fn team_export(a: &Store, a_id: &Identity, receivers: &[Card], changes: u64) {
    use daleel::sync::team::{Certificate, Role, Signed, Statement, TeamInfo};
    let key = Identity::generate();
    let team = TeamInfo {
        key: key.origin(),
        name: "bench".into(),
    };
    let cert = |device: daleel::model::change::OriginId, recipient: &str, role, sensitive| {
        Signed::sign(
            &key,
            &Statement::Certificate(Certificate {
                team: key.origin(),
                device,
                name: "laptop".into(),
                recipient: recipient.to_string(),
                role,
                org: "CRC".into(),
                org_id: None,
                sensitive,
                expires: None,
                issued_at: a.now(),
                issuer: key.origin(),
            }),
        )
        .expect("sign")
    };
    let statements = vec![
        cert(
            a_id.origin(),
            &a_id.age_recipient(),
            Role::Coordinator,
            true,
        ),
        cert(
            receivers[0].origin,
            &receivers[0].recipient,
            Role::Outreach,
            true,
        ),
        cert(
            receivers[1].origin,
            &receivers[1].recipient,
            Role::Outreach,
            false,
        ),
    ];
    a.join_team(&team, &statements).expect("join");
    let stick = tempfile::tempdir().expect("stick");
    let t = Instant::now();
    let s = daleel::sync::export::export(a, a_id, stick.path(), true).expect("export");
    let secs = t.elapsed().as_secs_f64();
    let second = s
        .sensitive_path
        .as_ref()
        .and_then(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .unwrap_or(0);
    println!(
        "  export in a team, values of sensitive cases withheld from one receiver: {secs:.2} s, {:.0} changes/s, two files of {:.1} and {:.1} MiB",
        changes as f64 / secs,
        s.bytes as f64 / 1048576.0,
        second as f64 / 1048576.0
    );
}

fn main() {
    if let (Ok(bundle), Ok(dir), Ok(card), Ok(sealed)) = (
        std::env::var("DALEEL_BENCH_IMPORT"),
        std::env::var("DALEEL_BENCH_DB"),
        std::env::var("DALEEL_BENCH_CARD"),
        std::env::var("DALEEL_BENCH_SEALED"),
    ) {
        import_child(
            Path::new(&bundle),
            Path::new(&dir),
            Path::new(&card),
            sealed == "1",
        );
        return;
    }
    let n: usize = std::env::var("DALEEL_BENCH_HOUSEHOLDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(18_000);
    println!("sync benchmark: {n} demo households");
    // DALEEL_BENCH_MODE=sealed or plain runs one of the two.
    let mode = std::env::var("DALEEL_BENCH_MODE").unwrap_or_default();
    for sealed in [true, false] {
        if (mode == "sealed" && !sealed) || (mode == "plain" && sealed) {
            continue;
        }
        println!(
            "{}",
            if sealed {
                "values sealed (every new database):"
            } else {
                "values in the clear (a database made before encryption):"
            }
        );
        run(n, sealed);
    }
}

fn run(n: usize, sealed: bool) {
    let a_dir = tempfile::tempdir().expect("a");
    let b_dir = tempfile::tempdir().expect("b");
    let stick = tempfile::tempdir().expect("stick");
    let c_dir = tempfile::tempdir().expect("c");
    // The receivers first: the sender encrypts its bundle to the laptops it trusts.
    let receiver_cards: Vec<Card> = [b_dir.path(), c_dir.path()]
        .iter()
        .map(|dir| {
            let (store, id) = laptop(dir, sealed);
            Card::read(&Card::write(&id, "receiver", store.now()).expect("card")).expect("card")
        })
        .collect();
    let (a, a_id) = laptop(a_dir.path(), sealed);
    for card in &receiver_cards {
        a.trust(card).expect("trust");
    }
    daleel::demo::generate(&a, n, 1, |_| {}).expect("demo");
    let changes = a.change_count();
    let card_path = stick.path().join("a.card");
    std::fs::write(&card_path, Card::write(&a_id, "a", a.now()).expect("card")).expect("card");

    let t = Instant::now();
    let summary = daleel::sync::export::export(&a, &a_id, stick.path(), true).expect("export");
    let export_s = t.elapsed().as_secs_f64();
    println!(
        "  export of {changes} changes: {:.2} s, {:.0} changes/s, bundle {:.1} MiB ({} segments)",
        export_s,
        summary.changes as f64 / export_s,
        summary.bytes as f64 / 1048576.0,
        summary.segments
    );

    // The phases of an import, timed apart on a third laptop.
    {
        let (c, c_id) = laptop(c_dir.path(), sealed);
        let bytes = std::fs::read(&summary.path).expect("read");
        let t = Instant::now();
        let plain = daleel::sync::bundle::open(&bytes, &c_id, |_| true).expect("decrypt");
        let decrypt = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let bundle = daleel::sync::bundle::read(&plain, |_| true).expect("verify");
        let verify = t.elapsed().as_secs_f64();
        let encoded: Vec<&[u8]> = bundle
            .segments
            .iter()
            .flat_map(|s| s.changes.iter().copied())
            .collect();
        let t = Instant::now();
        c.stage(&encoded).expect("stage");
        let stage = t.elapsed().as_secs_f64();
        let t = Instant::now();
        c.apply_staged(|_| {}).expect("apply");
        let apply = t.elapsed().as_secs_f64();
        println!(
            "  import phases: decrypt {decrypt:.2} s, verify {verify:.2} s, stage {stage:.2} s, apply {apply:.2} s"
        );
    }
    drop((a, a_id));

    let line = common::stdout_of(
        std::process::Command::new(std::env::current_exe().expect("exe"))
            .env("DALEEL_BENCH_IMPORT", &summary.path)
            .env("DALEEL_BENCH_DB", b_dir.path())
            .env("DALEEL_BENCH_CARD", &card_path)
            .env("DALEEL_BENCH_SEALED", if sealed { "1" } else { "0" }),
    );
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
    let (a, a_id) = laptop(a_dir.path(), sealed);
    let (b, _) = laptop(b_dir.path(), sealed);
    let digest = a.state_digest().expect("d");
    assert_eq!(digest, b.state_digest().expect("d"), "the same state");

    // A refold: every record recomputed from the log, as after a late revocation.
    let t = Instant::now();
    b.refold(|_, _| {}).expect("refold");
    let refold_s = t.elapsed().as_secs_f64();
    assert_eq!(
        b.state_digest().expect("d"),
        digest,
        "refold keeps the state"
    );
    println!(
        "  refold (every record recomputed from the log, as after a late revocation): {refold_s:.2} s, {:.0} changes/s",
        changes as f64 / refold_s
    );

    // In a team where one receiver may not read GBV and child protection cases: the
    // export withholds their values in one file and writes a second with everything.
    team_export(&a, &a_id, &receiver_cards, changes as u64);

    println!(
        "  import takes {:.1}x the export's time (budget 3x; issue 20)",
        import_s / export_s
    );
    drop((a, a_id, b));
    sled_floor(&b_dir.path().join("db"), export_s, import_s);
    if sealed {
        backup_figures(a_dir.path(), digest);
    }
}

/// What sled alone takes to write every key and value the import wrote (copied from the
/// importing laptop's database as stored, sealed or not), tree by tree in batches of
/// 2,000 with one flush at the end: no decoding, merging, sealing or checking. The
/// import cannot be faster than this without writing fewer keys.
fn sled_floor(db: &Path, export_s: f64, import_s: f64) {
    // sled lets go of its files a moment after the store is dropped.
    let from = loop {
        match sled::Config::new().path(db).open() {
            Ok(db) => break db,
            Err(_) => std::thread::sleep(std::time::Duration::from_millis(50)),
        }
    };
    let mut trees: Vec<(sled::IVec, Vec<(sled::IVec, sled::IVec)>)> = Vec::new();
    let (mut keys, mut bytes) = (0usize, 0usize);
    for name in from.tree_names() {
        let entries: Vec<(sled::IVec, sled::IVec)> = from
            .open_tree(&name)
            .expect("tree")
            .iter()
            .map(|e| e.expect("entry"))
            .collect();
        keys += entries.len();
        bytes += entries
            .iter()
            .map(|(k, v)| k.len() + v.len())
            .sum::<usize>();
        trees.push((name, entries));
    }
    drop(from);
    let raw_dir = tempfile::tempdir().expect("raw");
    let to = sled::Config::new()
        .path(raw_dir.path())
        .cache_capacity(16 << 20)
        .open()
        .expect("sled");
    let t = Instant::now();
    for (name, entries) in &trees {
        let tree = to.open_tree(name).expect("tree");
        for chunk in entries.chunks(2_000) {
            let mut batch = sled::Batch::default();
            for (k, v) in chunk {
                batch.insert(k, v.clone());
            }
            tree.apply_batch(batch).expect("batch");
        }
    }
    to.flush().expect("flush");
    let raw_s = t.elapsed().as_secs_f64();
    println!(
        "  sled alone, writing the {keys} keys ({:.1} MiB) the import wrote: {raw_s:.2} s, {:.1}x the export's time; the import takes {:.1}x as long as sled alone",
        bytes as f64 / 1048576.0,
        raw_s / export_s,
        import_s / raw_s
    );
}

/// A backup of the sender's laptop, and a restore of it on a fresh one (a backup needs a
/// sealed database).
fn backup_figures(dir: &Path, digest: [u8; 32]) {
    // sled lets go of its files a moment after the store is dropped.
    let ws = loop {
        match Workspace::open_with_clock(dir, FixedClock::at(NOW), &common::creds()) {
            Err(daleel::workspace::WorkspaceError::Locked { .. }) => {
                std::thread::sleep(std::time::Duration::from_millis(50))
            }
            other => break other.expect("open"),
        }
    };
    let out = tempfile::tempdir().expect("out");
    let t = Instant::now();
    let s = daleel::backup::write(
        &ws.store,
        &ws.identity,
        ws.data_key().expect("sealed"),
        None,
        out.path(),
        |_| {},
    )
    .expect("backup");
    let backup_s = t.elapsed().as_secs_f64();
    println!(
        "  backup: {backup_s:.2} s, {:.1} MiB, {} entries ({:.0} entries/s)",
        s.bytes as f64 / 1048576.0,
        s.entries,
        s.entries as f64 / backup_s
    );
    drop(ws);
    let target = tempfile::tempdir().expect("target");
    let t = Instant::now();
    let (restored, _) = Workspace::restore(
        target.path(),
        &s.path,
        FixedClock::at(NOW),
        &common::creds(),
        |_| {},
    )
    .expect("restore");
    let restore_s = t.elapsed().as_secs_f64();
    assert_eq!(
        restored.store.state_digest().expect("d"),
        digest,
        "restored whole"
    );
    let t = Instant::now();
    let problems = restored.store.check().expect("check");
    let check_s = t.elapsed().as_secs_f64();
    assert!(problems.is_empty());
    println!(
        "  restore (read, check every chunk, build, switch, open under a new identity): {restore_s:.2} s; check of the restored database: {check_s:.2} s"
    );
}
