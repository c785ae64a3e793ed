//! Killing an import (SIGKILL) at random moments: on reopen the database holds none of
//! the bundle or all of it, and `daleel stats` agrees (sync.md guarantee 7). Unix only:
//! the kill is a SIGKILL.
#![cfg(unix)]

use std::process::{Command, Stdio};
use std::time::Duration;

use daleel::model::Household;
use daleel::sync::card::Card;
use daleel::workspace::Workspace;

mod common;

fn daleel(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_daleel"))
        .envs(common::ENV)
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .expect("run daleel")
}

#[test]
fn an_import_killed_at_any_moment_is_all_or_nothing() {
    let sender = tempfile::tempdir().expect("sender");
    let stick = tempfile::tempdir().expect("stick");
    let households = 800;
    assert!(
        daleel(
            sender.path(),
            &["demo", "--households", &households.to_string()]
        )
        .status
        .success()
    );
    let card = String::from_utf8(
        daleel(
            sender.path(),
            &[
                "identity",
                "export",
                "--out",
                stick.path().to_str().expect("p"),
            ],
        )
        .stdout,
    )
    .expect("utf8");
    let card_bytes = std::fs::read(card.trim()).expect("card");
    // The receiving laptop, made once (each round starts from a copy of it): it trusts
    // the sender, and the sender encrypts its bundle to it.
    let template = tempfile::tempdir().expect("receiver");
    {
        let ws = Workspace::open(template.path(), &common::creds()).expect("open");
        ws.store
            .trust(&Card::read(&card_bytes).expect("card"))
            .expect("trust");
        let theirs =
            Card::read(&Card::write(&ws.identity, "receiver", ws.store.now()).expect("card"))
                .expect("card");
        let s = Workspace::open(sender.path(), &common::creds()).expect("sender");
        s.store.trust(&theirs).expect("trust the receiver");
    }
    std::thread::sleep(Duration::from_millis(300));
    let out = daleel(
        sender.path(),
        &["sync", "export", "--out", stick.path().to_str().expect("p")],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bundle = String::from_utf8(out.stdout)
        .expect("utf8")
        .trim()
        .to_string();
    let mut outcomes = (0, 0); // (none, all)
    for round in 0..12u64 {
        let receiver = tempfile::tempdir().expect("receiver");
        copy_dir(template.path(), receiver.path());
        let mut child = Command::new(env!("CARGO_BIN_EXE_daleel"))
            .envs(common::ENV)
            .arg("--data-dir")
            .arg(receiver.path())
            .args(["sync", "import", &bundle])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the import");
        // Kill at a different moment each round: from at once to after it may be done.
        std::thread::sleep(Duration::from_millis(round * round * 9));
        let _ = child.kill();
        let _ = child.wait();
        let ws = Workspace::open(receiver.path(), &common::creds())
            .expect("reopen finishes or drops the import");
        let count = ws.store.count::<Household>();
        assert!(
            count == 0 || count == households,
            "round {round}: {count} of {households} households"
        );
        let held = ws
            .store
            .held(daleel::model::change::OriginId(
                Card::read(&card_bytes).expect("c").origin.0,
            ))
            .expect("held");
        if count == 0 {
            outcomes.0 += 1;
            assert_eq!(held, 0, "nothing of the bundle counted as received");
        } else {
            outcomes.1 += 1;
            assert!(held > 0);
        }
        drop(ws);
        let stats = daleel(receiver.path(), &["stats", "--json"]);
        let v: serde_json::Value = serde_json::from_slice(&stats.stdout).expect("json");
        assert_eq!(v["households"].as_u64(), Some(count as u64), "stats agrees");
        // Importing again completes it either way.
        assert!(
            daleel(receiver.path(), &["sync", "import", &bundle])
                .status
                .success()
        );
        let ws = Workspace::open(receiver.path(), &common::creds()).expect("open");
        assert_eq!(ws.store.count::<Household>(), households);
    }
    eprintln!(
        "kills: {} left none of the bundle, {} all of it",
        outcomes.0, outcomes.1
    );
    assert!(outcomes.0 + outcomes.1 == 12);
}

/// Copies a folder whole.
fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// Whether any file under `dir` holds `needle`.
fn found_in(dir: &std::path::Path, needle: &[u8]) -> bool {
    std::fs::read_dir(dir).expect("read").any(|e| {
        let path = e.expect("entry").path();
        if path.is_dir() {
            found_in(&path, needle)
        } else {
            std::fs::read(&path)
                .expect("file")
                .windows(needle.len())
                .any(|w| w == needle)
        }
    })
}

#[test]
fn encrypting_an_old_database_killed_at_any_moment_loses_nothing_and_leaves_no_plaintext() {
    use daleel::model::Person;
    use daleel::store::{DeviceInfo, Edit, FixedClock, Store};
    // A database as Daleel made it before encryption: a caseload and one marked name.
    let original = tempfile::tempdir().expect("original");
    let households = {
        let (identity, _) =
            daleel::sync::identity::Identity::load_or_create(original.path()).expect("key");
        let device = DeviceInfo {
            origin: identity.origin(),
            code: identity.code(),
        };
        let store = Store::open_with_clock(
            &original.path().join("db"),
            device,
            FixedClock::at(common::NOW),
        )
        .expect("plain");
        daleel::demo::generate(&store, 1_500, 3, |_| {}).expect("demo");
        let mut h = common::household("Zainab Sentinelname");
        h.members
            .push(Person::new(uuid::Uuid::now_v7(), "Sentinelchild"));
        store.apply("Amal", &[Edit::Household(h)]).expect("save");
        store.count::<Household>()
    };
    // sled lets go of its files a moment after the store is dropped.
    std::thread::sleep(Duration::from_millis(300));
    assert!(found_in(original.path(), b"Sentinelname"));
    let mut encrypted_by_then = 0;
    for round in 0..10u64 {
        let laptop = tempfile::tempdir().expect("laptop");
        copy_dir(original.path(), laptop.path());
        let mut child = Command::new(env!("CARGO_BIN_EXE_daleel"))
            .envs(common::ENV)
            .arg("--data-dir")
            .arg(laptop.path())
            .arg("stats")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start");
        std::thread::sleep(Duration::from_millis(round * round * 15));
        let _ = child.kill();
        let _ = child.wait();
        if matches!(
            Workspace::protection(laptop.path()).expect("look"),
            daleel::workspace::Protection::Encrypted { .. }
        ) {
            encrypted_by_then += 1;
        }
        let ws = Workspace::open(laptop.path(), &common::creds())
            .unwrap_or_else(|e| panic!("round {round}: reopen: {e}"));
        assert!(ws.store.is_sealed(), "round {round}");
        assert_eq!(
            ws.store.count::<Household>(),
            households,
            "round {round}: nothing lost"
        );
        drop(ws);
        std::thread::sleep(Duration::from_millis(300));
        for needle in [&b"Sentinelname"[..], b"Sentinelchild"] {
            assert!(
                !found_in(laptop.path(), needle),
                "round {round}: plaintext left on disk"
            );
        }
    }
    eprintln!("kills: the encryption had finished before {encrypted_by_then} of 10");
}
