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

// Hostile sticks and shared laptops (issue 14, items 1, 2 and 8): owner-only files
// whatever the umask, no link on a stick ever written through, no link, pipe or device
// ever read as a file, one rule for `--out`, and bundle names that tell nothing.

/// Runs `daleel` under `umask 022` (the usual default, which made the data directory
/// readable by every account), with address space capped at 4 GiB (so that a reader
/// that never stops fails here instead of eating the machine), and kills it after
/// `secs` seconds: `None` when it had to be killed (it hung).
#[cfg(unix)]
fn daleel_guarded(dir: &Path, args: &[&str], secs: u64) -> Option<std::process::Output> {
    use std::io::Read;
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("umask 022; ulimit -v 4194304; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_daleel"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .envs(common::ENV)
        .env_remove("DALEEL_DATA_DIR")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > std::time::Duration::from_secs(secs) {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    child
        .stdout
        .take()
        .expect("out")
        .read_to_end(&mut stdout)
        .expect("read");
    child
        .stderr
        .take()
        .expect("err")
        .read_to_end(&mut stderr)
        .expect("read");
    Some(std::process::Output {
        status,
        stdout,
        stderr,
    })
}

#[cfg(unix)]
fn ok_guarded(dir: &Path, args: &[&str]) -> String {
    let out = daleel_guarded(dir, args, 120).unwrap_or_else(|| panic!("hung: {args:?}"));
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    String::from_utf8(out.stdout).expect("utf8")
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::symlink_metadata(path)
        .expect("meta")
        .permissions()
        .mode()
        & 0o777
}

/// Every folder and file under `dir` that another account could read, with its mode.
#[cfg(unix)]
fn open_to_others(dir: &Path) -> Vec<String> {
    let mut open = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(p) = stack.pop() {
        let meta = std::fs::symlink_metadata(&p).expect("meta");
        let m = mode(&p);
        let want = if meta.is_dir() { 0o700 } else { 0o600 };
        if meta.file_type().is_symlink() {
            continue;
        }
        if m != want {
            open.push(format!("{} {m:o}", p.display()));
        }
        if meta.is_dir() {
            for e in std::fs::read_dir(&p).expect("read") {
                stack.push(e.expect("entry").path());
            }
        }
    }
    open
}

#[cfg(unix)]
#[test]
fn the_data_directory_and_files_with_personal_data_are_their_owners_only_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let root = tempfile::tempdir().expect("root");
    // A new data directory, made under umask 022.
    let dir = root.path().join("new");
    ok_guarded(&dir, &["demo", "--households", "20"]);
    assert_eq!(open_to_others(&dir), Vec::<String>::new());
    // One made open by an older version (or by hand): tightened when it is next opened.
    for p in [dir.clone(), dir.join("db")] {
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    for e in std::fs::read_dir(dir.join("db")).expect("db") {
        let p = e.expect("entry").path();
        if p.is_file() {
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        }
    }
    assert!(!open_to_others(&dir).is_empty());
    ok_guarded(&dir, &["stats"]);
    assert_eq!(open_to_others(&dir), Vec::<String>::new());

    // Files with personal data written outside it: owner only. A card is for handing on.
    let out = root.path().join("out");
    std::fs::create_dir(&out).expect("out");
    let list = ok_guarded(&dir, &["referral", "list", "--json"]);
    let list: serde_json::Value = serde_json::from_str(&list).expect("json");
    let id = list[0]["id"].as_str().expect("a referral").to_string();
    let slip = out.join("slip.html");
    ok_guarded(
        &dir,
        &["referral", "slip", &id, "--out", slip.to_str().expect("p")],
    );
    let codes = out.join("codes.csv");
    ok_guarded(
        &dir,
        &[
            "export",
            "referrals",
            "--with-case-codes",
            "--out",
            codes.to_str().expect("p"),
        ],
    );
    let key = out.join("age.txt");
    ok_guarded(
        &dir,
        &["identity", "age-key", "--out", key.to_str().expect("p")],
    );
    ok_guarded(&dir, &["backup", "--out", out.to_str().expect("p")]);
    let backup = std::fs::read_dir(&out)
        .expect("out")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|e| e == "dlbk"))
        .expect("a backup");
    for private in [slip.as_path(), &codes, &key, &backup] {
        assert_eq!(mode(private), 0o600, "{}", private.display());
    }
    let card = ok_guarded(
        &dir,
        &["identity", "export", "--out", out.to_str().expect("p")],
    );
    assert_eq!(
        mode(Path::new(card.trim())),
        0o644,
        "a card is meant to be handed on"
    );
}

#[cfg(unix)]
#[test]
fn links_planted_on_a_stick_under_a_bundles_names_are_never_written_through() {
    use std::os::unix::fs::symlink;
    let a = laptop();
    let stick = tempfile::tempdir().expect("stick");
    let elsewhere = tempfile::tempdir().expect("elsewhere");
    let victim = elsewhere.path().join("victim.txt");
    std::fs::write(&victim, "precious").expect("victim");
    let identity: serde_json::Value =
        serde_json::from_slice(&daleel(a.path(), &["identity", "--json"]).stdout).expect("json");
    let code = identity["code"].as_str().expect("code");
    // Every name the next minute's bundle could take, and its temporary file's old name.
    let now = chrono::Utc::now();
    let mut planted = 0;
    for s in -2..60 {
        let stamp = (now + chrono::Duration::seconds(s)).format("%Y%m%dT%H%M%SZ");
        for n in 1..=9 {
            let name = match n {
                1 => format!("daleel-{code}-{stamp}"),
                n => format!("daleel-{code}-{stamp}-{n}"),
            };
            if n < 9 {
                symlink(&victim, stick.path().join(format!("{name}.bundle"))).expect("link");
            }
            for suffix in [".bundle.partial", "-sensitive.bundle.partial"] {
                symlink(&victim, stick.path().join(format!("{name}{suffix}"))).expect("link");
                planted += 1;
            }
        }
    }
    assert!(planted > 0);
    let out = daleel(
        a.path(),
        &["sync", "export", "--out", stick.path().to_str().expect("p")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&victim).expect("victim"),
        "precious"
    );
    let bundle = String::from_utf8(out.stdout).expect("utf8");
    let bundle = Path::new(bundle.trim());
    let meta = std::fs::symlink_metadata(bundle).expect("bundle");
    assert!(
        meta.file_type().is_file() && meta.len() > 0,
        "{}",
        bundle.display()
    );
    // No temporary file is left behind, and every planted link is as it was.
    let names = files_in(stick.path());
    assert!(
        names.iter().all(|n| !n.ends_with(".partial")
            || std::fs::symlink_metadata(stick.path().join(n))
                .expect("m")
                .file_type()
                .is_symlink()),
        "{names:?}"
    );
}

#[cfg(unix)]
#[test]
fn links_pipes_and_devices_on_a_stick_are_skipped_one_line_each_and_the_rest_imports() {
    use std::os::unix::fs::symlink;
    let a = laptop();
    let stick = tempfile::tempdir().expect("stick");
    let s = stick.path().to_str().expect("p");
    // B, trusted by A, trusts A: A's bundle is for B.
    let b = tempfile::tempdir().expect("b");
    let card_a = daleel(a.path(), &["identity", "export", "--out", s]);
    let card_a = String::from_utf8(card_a.stdout).expect("utf8");
    assert!(
        daleel(b.path(), &["trust", "add", "--yes", card_a.trim()])
            .status
            .success()
    );
    let card_b = daleel(b.path(), &["identity", "export", "--out", s]);
    let card_b = String::from_utf8(card_b.stdout).expect("utf8");
    assert!(
        daleel(a.path(), &["trust", "add", "--yes", card_b.trim()])
            .status
            .success()
    );
    std::fs::remove_file(card_a.trim()).expect("rm");
    std::fs::remove_file(card_b.trim()).expect("rm");
    let good = daleel(a.path(), &["sync", "export", "--out", s]);
    assert!(good.status.success(), "{}", stderr(&good));
    // Hostile entries under bundle names: a link to /dev/zero (which says it is empty
    // and never ends), a pipe nobody writes to, and a link to a good bundle.
    let zero = stick.path().join("daleel-ZZZZZ-20261201T000000Z.bundle");
    symlink("/dev/zero", &zero).expect("link");
    let fifo = stick.path().join("daleel-PPPPP-20261201T000000Z.bundle");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    let good_path = String::from_utf8(good.stdout).expect("utf8");
    symlink(
        good_path.trim(),
        stick.path().join("daleel-LLLLL-20261201T000000Z.bundle"),
    )
    .expect("link");

    let out = daleel_guarded(b.path(), &["sync", "import", s], 120).expect("the import hung");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for hostile in ["ZZZZZ", "PPPPP", "LLLLL"] {
        let lines: Vec<&str> = err.lines().filter(|l| l.contains(hostile)).collect();
        assert_eq!(lines.len(), 1, "{err}");
        assert!(lines[0].contains("skipped"), "{err}");
    }
    assert!(err.contains("the others were imported"), "{err}");
    let imported = String::from_utf8(out.stdout).expect("utf8");
    assert!(
        imported.contains(good_path.trim()) && imported.contains(" new"),
        "{imported}"
    );

    // Each other reader of files from a stick: a pipe and a link to /dev/zero are
    // refused at once with a line that names what they are.
    let folder = tempfile::tempdir().expect("folder");
    let csv_fifo = folder.path().join("services.csv");
    assert!(
        Command::new("mkfifo")
            .arg(&csv_fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    let zero_s = zero.to_str().expect("p");
    let fifo_s = fifo.to_str().expect("p");
    for args in [
        vec!["trust", "add", "--yes", zero_s],
        vec!["trust", "add", "--yes", fifo_s],
        vec!["gazetteer", "import", fifo_s],
        vec!["gazetteer", "import", zero_s],
        vec!["services", "import", folder.path().to_str().expect("p")],
        vec!["team", "join", fifo_s, "--yes"],
        vec!["restore", fifo_s, "--yes"],
    ] {
        let out = daleel_guarded(b.path(), &args, 60).unwrap_or_else(|| panic!("hung: {args:?}"));
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains("not a regular file"), "{args:?}: {err}");
    }
}

#[test]
fn every_out_follows_one_rule_a_folder_or_a_file_of_its_kind() {
    let a = laptop();
    let root = tempfile::tempdir().expect("root");
    let missing = root.path().join("no-such-drive");
    let m = missing.to_str().expect("p");
    // Folder commands: an existing folder only; nothing named `missing` is written.
    for args in [
        vec!["sync", "export", "--out", m],
        vec!["backup", "--out", m],
        vec!["services", "export", "--out", m],
        // File commands given what looks like a folder that is not there.
        vec!["export", "needs", "--out", m],
        vec![
            "report",
            "--since",
            "2020-01-01",
            "--until",
            "2030-01-01",
            "--out",
            m,
        ],
        vec!["services", "template", "--out", m],
        vec!["identity", "export", "--out", m],
        vec!["identity", "age-key", "--out", m],
        vec!["team", "request", "--out", m],
    ] {
        let out = daleel(a.path(), &args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(
            err.contains("--out") && err.contains("Nothing was written"),
            "{args:?}: {err}"
        );
        assert!(!daleel::disk::taken(&missing), "{args:?} wrote {m}");
    }
    // A file given as a file of its kind, or a folder given as a folder: written.
    let file = root.path().join("needs.csv");
    let out = daleel(
        a.path(),
        &["export", "needs", "--out", file.to_str().expect("p")],
    );
    assert!(out.status.success() && file.is_file(), "{}", stderr(&out));
    let out = daleel(
        a.path(),
        &["export", "needs", "--out", root.path().to_str().expect("p")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(root.path().join("daleel-needs.csv").is_file());
}
