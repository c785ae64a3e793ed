//! Failing disks (issue 8, item 5): a full or read-only drive, a full or read-only data
//! directory, a damaged database. Each gives one clear message that says what happened
//! and what to do, never a panic or a half-written file. Small and read-only drives are
//! tmpfs mounts, made where the machine allows it (as root, on Linux); elsewhere those
//! tests say they were skipped.

use std::path::Path;
use std::process::Command;

use daleel::model::Household;
use daleel::store::Edit;
use daleel::workspace::Workspace;

use crate::common;
use common::daleel;

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A tmpfs of `size` mounted on a fresh folder, unmounted when dropped.
struct Mount {
    dir: tempfile::TempDir,
}

impl Mount {
    /// None where mounting is not allowed (not root, not Linux, no tmpfs).
    fn tmpfs(size: &str) -> Option<Mount> {
        if !cfg!(target_os = "linux") {
            return None;
        }
        let dir = tempfile::tempdir().ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(Mount { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Mounts it again with `options` (`ro`, `size=64m`).
    fn remount(&self, options: &str) {
        let ok = Command::new("mount")
            .args(["-o", &format!("remount,{options}")])
            .arg(self.path())
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "remount {options}");
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

fn skipped(what: &str) {
    eprintln!("SKIPPED: {what}: this machine does not allow a tmpfs mount (needs root on Linux)");
}

/// A laptop of 300 demo households that trusts a second one (so that it can export).
fn laptop() -> tempfile::TempDir {
    let a = tempfile::tempdir().expect("a");
    assert!(
        daleel(a.path(), &["demo", "--households", "300"])
            .status
            .success()
    );
    let b = tempfile::tempdir().expect("b");
    let cards = tempfile::tempdir().expect("cards");
    let out = daleel(
        b.path(),
        &[
            "identity",
            "export",
            "--out",
            cards.path().to_str().expect("p"),
        ],
    );
    let card = String::from_utf8(out.stdout).expect("utf8");
    let out = daleel(a.path(), &["trust", "add", "--yes", card.trim()]);
    assert!(out.status.success(), "{}", stderr(&out));
    a
}

fn files_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n != "lost+found")
        .collect()
}

#[test]
fn a_full_or_read_only_drive_gets_one_clear_message_and_no_file_is_left() {
    let Some(stick) = Mount::tmpfs("256k") else {
        return skipped("a full drive");
    };
    let a = laptop();
    let to = stick.path().to_str().expect("p");
    for (what, args) in [
        ("bundle", vec!["sync", "export", "--all", "--out", to]),
        ("backup", vec!["backup", "--out", to]),
    ] {
        let out = daleel(a.path(), &args);
        assert!(!out.status.success(), "{what} fitted in 256 KiB");
        let e = stderr(&out);
        assert!(e.contains("the drive is full"), "{what}: {e}");
        assert!(e.contains("choose another folder"), "{what}: {e}");
        assert!(!e.contains("panicked"), "{what}: {e}");
        assert_eq!(e.trim().lines().count(), 1, "one message: {e}");
        assert!(files_in(stick.path()).is_empty(), "{what}: a file was left");
    }
    stick.remount("ro");
    for (what, args) in [
        ("bundle", vec!["sync", "export", "--all", "--out", to]),
        ("backup", vec!["backup", "--out", to]),
        ("card", vec!["identity", "export", "--out", to]),
    ] {
        let out = daleel(a.path(), &args);
        let e = stderr(&out);
        assert!(
            !out.status.success() && e.contains("read-only"),
            "{what}: {e}"
        );
    }
    // The laptop's own database is unharmed by all of it.
    let out = daleel(a.path(), &["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_full_data_directory_refuses_the_save_with_a_message_and_keeps_every_acknowledged_one() {
    let Some(disk) = Mount::tmpfs("3m") else {
        return skipped("a full data directory");
    };
    let dir = disk.path().join("daleel");
    let ws = Workspace::open(&dir, &common::creds()).expect("open");
    let mut saved = Vec::new();
    let refused = loop {
        let mut h = common::household("Full disk");
        // Large enough that the disk fills in a few hundred saves.
        for i in 0..30 {
            h.members.push(daleel::model::Person::new(
                uuid::Uuid::now_v7(),
                format!("Member {i} {}", "x".repeat(60)),
            ));
        }
        match ws.store.apply("worker", &[Edit::Household(h.clone())]) {
            Ok(_) => saved.push(h.id),
            Err(e) => break e.to_string(),
        }
        assert!(saved.len() < 100_000, "the disk never filled");
    };
    assert!(refused.contains("the drive is full"), "{refused}");
    assert!(!saved.is_empty());
    drop(ws);
    // Space is freed: everything acknowledged is there, and the database is whole.
    disk.remount("size=64m");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let ws = Workspace::open(&dir, &common::creds()).expect("reopen");
    assert!(ws.store.check().expect("check").is_empty());
    for id in &saved {
        assert!(ws.store.get::<Household>(*id).expect("read").is_some());
    }
    eprintln!(
        "full data directory: {} saves acknowledged before the disk filled, all kept",
        saved.len()
    );
    drop(ws);
    std::thread::sleep(std::time::Duration::from_millis(300));
    disk.remount("ro");
    let out = daleel(&dir, &["stats"]);
    let e = stderr(&out);
    assert!(!out.status.success() && e.contains("read-only"), "{e}");
    assert!(!e.contains("panicked"), "{e}");
}

#[test]
fn a_damaged_database_gets_one_clear_message_and_a_restore_brings_it_back() {
    let a = laptop();
    let out_dir = tempfile::tempdir().expect("out");
    let out = daleel(
        a.path(),
        &["backup", "--out", out_dir.path().to_str().expect("p")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let backup = out_dir.path().join(&files_in(out_dir.path())[0]);
    // Half the database file is gone (a disk that died mid-write).
    let file = a.path().join("db").join("db");
    let len = std::fs::metadata(&file).expect("db").len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&file)
        .expect("open")
        .set_len(len / 2)
        .expect("cut");
    let out = daleel(a.path(), &["stats"]);
    let e = stderr(&out);
    assert!(!out.status.success(), "a cut database opened");
    assert!(e.contains("damaged") && e.contains("daleel restore"), "{e}");
    assert!(!e.contains("panicked"), "{e}");
    assert_eq!(e.trim().lines().count(), 1, "one message: {e}");
    // Restore over it: the damaged folder is kept aside, the backup's records are back.
    let out = daleel(a.path(), &["restore", "--yes", backup.to_str().expect("p")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("new identity"), "{text}");
    let out = daleel(a.path(), &["stats", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["households"].as_u64(), Some(300));
}
