//! Backup and restore (docs/recovery.md), and forks: a restored laptop takes a new
//! identity, its old log still travels, and a copied data folder that signs a second
//! version of a change is refused and shown.

use crate::common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use common::device::{Device, all_trust};
use common::{NOW, household};
use daleel::backup::BackupError;
use daleel::keyring::KeyringError;
use daleel::store::{Edit, FixedClock};
use daleel::workspace::{Workspace, WorkspaceError};

fn backup_of(d: &Device, out: &Path) -> PathBuf {
    let team_key = d.ws.team().team_key().expect("team key");
    daleel::backup::write(
        &d.ws.store,
        &d.ws.identity,
        d.ws.data_key().expect("encrypted"),
        team_key.as_ref(),
        out,
        |_| {},
    )
    .expect("backup")
    .path
}

/// A laptop restored from `backup` into a fresh folder.
fn restored(backup: &Path) -> (Device, daleel::backup::RestoreSummary) {
    let dir = tempfile::tempdir().expect("dir");
    let clock = FixedClock::at(NOW + 60_000);
    let (ws, summary) =
        Workspace::restore(dir.path(), backup, clock.clone(), &common::creds(), |_| {})
            .expect("restore");
    (
        Device {
            _dir: dir,
            ws,
            clock,
        },
        summary,
    )
}

#[test]
fn a_restored_laptop_holds_the_same_records_under_a_new_identity_and_its_old_log_travels() {
    let (a, c) = (Device::new(), Device::new());
    all_trust(&[&a, &c]);
    let stick = tempfile::tempdir().expect("stick");
    let h = household("Fatima Hassan");
    a.save(&[Edit::Household(h.clone())]);
    a.edit_household("worker", h.id, 1_000, |h| h.phone = "0770 000 0001".into());
    // A holds another laptop's changes too: forwarded after the restore as before.
    c.save(&[Edit::Household(household("Omar Saleh"))]);
    a.import(&c.export(stick.path())).expect("import");
    let before = a.ws.store.next_seq().expect("seq");

    let out = tempfile::tempdir().expect("out");
    let file = backup_of(&a, out.path());
    // Encrypted: no name, phone or case code in the file.
    let bytes = std::fs::read(&file).expect("read");
    let code = a.get::<daleel::model::Household>(h.id).case_code;
    assert!(!code.is_empty());
    for needle in [&b"Fatima"[..], b"0770 000 0001", code.as_bytes()] {
        assert!(
            !bytes.windows(needle.len()).any(|w| w == needle),
            "the backup holds {:?} in the clear",
            String::from_utf8_lossy(needle)
        );
    }

    let (b, summary) = restored(&file);
    assert_eq!(b.digest(), a.digest(), "the restored records differ");
    assert_ne!(b.ws.identity.origin(), a.ws.identity.origin());
    assert_eq!(summary.old_origin, a.ws.identity.origin());
    assert_eq!(summary.records[0], 2);
    assert!(b.ws.store.check().expect("check").is_empty());
    // A new numbering under the new identity; the old log is the old identity's.
    assert_eq!(b.ws.store.next_seq().expect("seq"), 1);
    assert_eq!(
        b.ws.store.held(a.ws.identity.origin()).expect("held"),
        before - 1
    );

    // B works on, and a laptop that never held A's changes gets them all from B.
    let fresh = Device::new();
    all_trust(&[&b, &fresh]);
    b.save(&[Edit::Household(household("Layla Karim"))]);
    fresh.trusts(&a);
    fresh.trusts(&c);
    let summary = fresh
        .import(&b.export(tempfile::tempdir().expect("s").path()))
        .expect("import B's bundle");
    assert_eq!(summary.parked, 0);
    assert_eq!(fresh.digest(), b.digest());
    assert_eq!(fresh.ws.store.count::<daleel::model::Household>(), 3);

    // A's own later changes (made after the backup, from another laptop's stick) still
    // merge on B: its log goes on where the backup left it.
    a.edit_household("worker", h.id, 1_000, |h| h.phone = "0770 000 0002".into());
    b.trusts(&a);
    a.trusts(&b);
    let s = b
        .import(&a.export(tempfile::tempdir().expect("s").path()))
        .expect("import A");
    assert!(s.new >= 1, "{s:?}");
    assert_eq!(
        b.get::<daleel::model::Household>(h.id).phone,
        "0770 000 0002"
    );
}

#[test]
fn restoring_needs_a_workers_passphrase_and_a_refused_restore_changes_nothing() {
    let a = Device::new();
    a.save(&[Edit::Household(household("Fatima Hassan"))]);
    let out = tempfile::tempdir().expect("out");
    let file = backup_of(&a, out.path());

    // A laptop with its own database: a wrong passphrase leaves it as it was.
    let target = Device::new();
    target.save(&[Edit::Household(household("Omar Saleh"))]);
    let digest = target.digest();
    let dir = target._dir.path().to_path_buf();
    let Device { _dir, ws, .. } = target;
    drop(ws);
    let wrong = daleel::workspace::Credentials::new("Amal H.", "not the passphrase").cheap();
    let err =
        common::unlocked(|| Workspace::restore(&dir, &file, FixedClock::at(NOW), &wrong, |_| {}))
            .err()
            .expect("a wrong passphrase is refused");
    assert!(
        matches!(
            err,
            WorkspaceError::Backup(BackupError::Keyring(KeyringError::WrongPassphrase))
        ),
        "{err}"
    );
    assert!(!dir.join(daleel::backup::RESTORING_DIR).exists());
    let again =
        Workspace::open_with_clock(&dir, FixedClock::at(NOW), &common::creds()).expect("open");
    assert_eq!(again.store.state_digest().expect("digest"), digest);
    drop(again);

    // The right one replaces it, and the database there before is kept aside whole.
    let (ws, summary) = common::unlocked(|| {
        Workspace::restore(&dir, &file, FixedClock::at(NOW), &common::creds(), |_| {})
    })
    .expect("restore");
    assert_eq!(ws.store.state_digest().expect("d"), a.digest());
    let kept = summary.kept.expect("the old database is kept");
    assert!(kept.join("db").is_dir() && kept.join("device.key").is_file());
    drop(ws);
    // The kept folder opens as it was (moved back by hand, as docs/recovery.md says).
    let back = tempfile::tempdir().expect("back");
    std::fs::rename(kept.join("db"), back.path().join("db")).expect("mv");
    std::fs::rename(kept.join("device.key"), back.path().join("device.key")).expect("mv");
    let old = Workspace::open_with_clock(back.path(), FixedClock::at(NOW), &common::creds())
        .expect("open kept");
    assert_eq!(old.store.state_digest().expect("d"), digest);
    drop(_dir);
}

#[test]
fn a_damaged_or_cut_or_foreign_file_is_refused_with_a_clear_message() {
    let a = Device::new();
    a.save(&[Edit::Household(household("Fatima Hassan"))]);
    let out = tempfile::tempdir().expect("out");
    let file = backup_of(&a, out.path());
    let bytes = std::fs::read(&file).expect("read");
    let creds = common::creds();
    let pass = creds.passphrase.as_deref().map(|s| s.as_str()).expect("p");
    assert!(daleel::backup::verify(&file, Some("Amal H."), pass).expect("whole") > 0);

    let cut = out.path().join("cut.dlbk");
    std::fs::write(&cut, &bytes[..bytes.len() - 100]).expect("w");
    let err = daleel::backup::verify(&cut, Some("Amal H."), pass).expect_err("cut");
    assert!(matches!(err, BackupError::Incomplete { .. }), "{err}");
    assert!(err.to_string().contains("nothing was restored"), "{err}");

    let flipped = out.path().join("flipped.dlbk");
    let mut f = bytes.clone();
    let at = f.len() / 2;
    f[at] ^= 0x40;
    std::fs::write(&flipped, &f).expect("w");
    let err = daleel::backup::verify(&flipped, Some("Amal H."), pass).expect_err("flipped");
    assert!(matches!(err, BackupError::Damaged { .. }), "{err}");

    let bundle = out.path().join("not.dlbk");
    std::fs::write(&bundle, b"DALEEL01 not a backup").expect("w");
    let err = daleel::backup::verify(&bundle, Some("Amal H."), pass).expect_err("foreign");
    assert!(matches!(err, BackupError::NotABackup { .. }), "{err}");
    assert!(err.to_string().contains("choose the .dlbk file"), "{err}");

    // A part claiming 4 GiB is refused before anything is allocated.
    let mut huge = bytes[..9].to_vec();
    huge.extend(u32::MAX.to_le_bytes());
    let claim = out.path().join("huge.dlbk");
    std::fs::write(&claim, &huge).expect("w");
    let err = daleel::backup::verify(&claim, Some("Amal H."), pass).expect_err("huge");
    assert!(matches!(err, BackupError::Damaged { .. }), "{err}");
}

#[test]
fn a_coordinators_backup_brings_the_team_key_and_the_restored_laptop_is_certified() {
    let a = Device::new();
    a.ws.team().init("CRC Mosul", "", true).expect("team");
    let out = tempfile::tempdir().expect("out");
    let file = backup_of(&a, out.path());
    let (b, summary) = restored(&file);
    assert!(summary.team_key.is_some());
    let policy = b.ws.store.policy();
    let cert = policy
        .member(b.ws.identity.origin())
        .expect("the new identity is certified");
    assert_eq!(cert.role, daleel::sync::team::Role::Coordinator);
    assert!(cert.sensitive, "the sensitive-case permission carries over");
    assert!(b.ws.team().team_key().expect("key").is_some());
    // A worker's edit is allowed under the new certificate.
    b.save(&[Edit::Household(household("Layla Karim"))]);
}

#[test]
fn a_restore_over_a_used_folder_brings_its_own_audit_head_and_is_audited() {
    let (a, c) = (Device::new(), Device::new());
    let out = tempfile::tempdir().expect("out");
    a.trusts(&c);
    let file = backup_of(&a, out.path());
    // Audited work after the backup: the restore takes the trail back before it, on
    // purpose, which is no rollback.
    a.ws.store
        .untrust(&c.ws.identity.fingerprint())
        .expect("untrust");
    backup_of(&a, out.path());
    let Device { _dir, ws, .. } = a;
    drop(ws);
    let clock = FixedClock::at(NOW + 60_000);
    let (ws, summary) = common::unlocked(|| {
        Workspace::restore(_dir.path(), &file, clock.clone(), &common::creds(), |_| {})
    })
    .expect("restore");
    assert!(ws.store.check().expect("check").is_empty());
    let trail = ws.store.audit_trail(None).expect("trail");
    let words: Vec<&str> = trail.iter().map(|e| e.action.word()).collect();
    assert_eq!(words, ["trust_add", "restore"], "{trail:?}");
    // The head of the database that was there is kept aside with it.
    let kept = summary.kept.expect("kept aside");
    assert!(kept.join("audit.head").exists());
    assert!(_dir.path().join("audit.head").exists());
}

/// A copy of `d`'s data folder, opened as a second laptop (the mistake a fork comes
/// from): `d` is closed for the copy and opened again.
fn clone_folder(d: Device) -> (Device, Device) {
    let Device { _dir, ws, clock } = d;
    ws.store.flush().expect("flush");
    drop(ws);
    let copy = tempfile::tempdir().expect("copy");
    copy_dir(_dir.path(), copy.path());
    let open = |dir: &Path, clock: Arc<FixedClock>| {
        common::unlocked(|| Workspace::open_with_clock(dir, clock.clone(), &common::creds()))
            .expect("open")
    };
    let ws = open(_dir.path(), clock.clone());
    let clock2 = FixedClock::at(daleel::store::WallClock::now(clock.as_ref()).0);
    let ws2 = open(copy.path(), clock2.clone());
    (
        Device { _dir, ws, clock },
        Device {
            _dir: copy,
            ws: ws2,
            clock: clock2,
        },
    )
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_dir(&entry.path(), &target);
        } else if entry.file_name() != daleel::workspace::LOCK_FILE {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

#[test]
fn a_fork_from_a_copied_folder_is_refused_the_rest_applied_and_both_devices_named() {
    let (a, c, e) = (Device::new(), Device::new(), Device::new());
    all_trust(&[&a, &c, &e]);
    let h = household("Fatima Hassan");
    a.save(&[Edit::Household(h.clone())]);
    let (a, a2) = clone_folder(a);
    assert_eq!(a.ws.identity.origin(), a2.ws.identity.origin());
    // Both copies give their next change the same number, with different values.
    a.edit_household("worker", h.id, 1_000, |h| h.phone = "0770 111 1111".into());
    a2.edit_household("worker", h.id, 2_000, |h| h.phone = "0770 222 2222".into());

    // C holds A's version; E holds the copy's, and makes a change of its own.
    c.import(&a.export(tempfile::tempdir().expect("s").path()))
        .expect("C imports A");
    e.import(&a2.export(tempfile::tempdir().expect("s").path()))
        .expect("E imports the copy");
    let other = household("Omar Saleh");
    e.save(&[Edit::Household(other.clone())]);

    let s = c
        .import(&e.export(tempfile::tempdir().expect("s").path()))
        .expect("C imports E's bundle");
    assert!(s.forked >= 1, "{s:?}");
    // The second version is not applied; the rest of the bundle is.
    assert_eq!(
        c.get::<daleel::model::Household>(h.id).phone,
        "0770 111 1111"
    );
    assert_eq!(
        c.get::<daleel::model::Household>(other.id).head.name,
        "Omar Saleh"
    );
    let forks = c.ws.store.forks().expect("forks");
    assert_eq!(forks.len(), 1, "{forks:?}");
    assert_eq!(forks[0].origin, a.ws.identity.origin());
    assert_eq!(forks[0].sender, e.ws.identity.origin());
    assert_eq!(forks[0].seq, 2);
    assert!(c.ws.store.check().expect("check").is_empty());
    // The coordinator's Queue names the device that signed both and the one that
    // carried the second.
    let shown = queue_text(&c);
    let (signer, carrier) = (a.ws.identity.code(), e.ws.identity.code());
    assert!(
        shown.contains("Forks: 1")
            && shown
                .lines()
                .any(|l| l.contains(&signer) && l.contains(&carrier) && l.contains("not applied")),
        "{shown}"
    );
    // C's next bundle does not carry the second version on.
    let d = Device::new();
    all_trust(&[&c, &d]);
    d.trusts(&a);
    d.trusts(&e);
    d.import(&c.export(tempfile::tempdir().expect("s").path()))
        .expect("D imports C");
    assert_eq!(
        d.get::<daleel::model::Household>(h.id).phone,
        "0770 111 1111"
    );

    // The original laptop sees a change under its own identity that it did not make.
    let s = a
        .import(&a2.export(tempfile::tempdir().expect("s").path()))
        .expect("A imports its copy's bundle");
    assert!(s.forked >= 1, "{s:?}");
    assert_eq!(
        a.get::<daleel::model::Household>(h.id).phone,
        "0770 111 1111"
    );
}

/// The Queue screen of a laptop at 80x24, scrolled to its last row.
fn queue_text(d: &Device) -> String {
    use daleel::tui::{app::App, event::Event, jobs::Runner, keys::Key, theme::Theme};
    use ratatui::crossterm::event::KeyCode;
    d.ws.store.set_worker("Amal H.").expect("worker");
    let mut app = App::new(
        d.ws.store.clone(),
        Theme::plain(),
        Runner::Inline(Vec::new()),
        0,
    )
    .expect("app");
    app.handle_event(Event::Key(Key::new(KeyCode::F(5))));
    app.handle_event(Event::Key(Key::new(KeyCode::End)));
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).expect("terminal");
    terminal
        .draw(|f| daleel::tui::render(&app, f))
        .expect("draw");
    let buffer = terminal.backend().buffer().clone();
    buffer
        .content()
        .chunks(80)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_restore_command_asks_for_a_passphrase_it_cannot_ask_for_and_names_a_wrong_file() {
    let a = tempfile::tempdir().expect("a");
    let run = |dir: &Path, args: &[&str], env: &[(&str, &str)]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_daleel"))
            .env_remove("DALEEL_PASSPHRASE")
            .env_remove("DALEEL_WORKER")
            .envs(env.iter().copied())
            .arg("--data-dir")
            .arg(dir)
            .args(args)
            .stdin(std::process::Stdio::null())
            .output()
            .expect("run")
    };
    let out_dir = tempfile::tempdir().expect("out");
    let made = run(
        a.path(),
        &["backup", "--out", out_dir.path().to_str().expect("p")],
        &common::ENV,
    );
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let file = std::fs::read_dir(out_dir.path())
        .expect("dir")
        .next()
        .expect("file")
        .expect("entry")
        .path();
    let b = tempfile::tempdir().expect("b");
    let out = run(b.path(), &["restore", file.to_str().expect("p")], &[]);
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && e.contains("needs the passphrase"),
        "{e}"
    );
    assert!(!b.path().join("db").exists(), "nothing was made");
    // A bundle or any other file is named as not a backup.
    let other = out_dir.path().join("notes.txt");
    std::fs::write(&other, "hello").expect("w");
    let out = run(
        b.path(),
        &["restore", other.to_str().expect("p")],
        &common::ENV,
    );
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && e.contains("is not a Daleel backup"),
        "{e}"
    );
    // The right passphrase restores it.
    let out = run(
        b.path(),
        &["restore", file.to_str().expect("p")],
        &common::ENV,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("new identity") && text.contains("is whole"),
        "{text}"
    );
}

#[test]
fn two_versions_inside_one_bundle_the_first_is_taken_and_forwarding_stays_sound() {
    use daleel::sync::bundle::{self, Header};
    let a = Device::new();
    let h = household("Fatima Hassan");
    a.save(&[Edit::Household(h.clone())]);
    let (a, a2) = clone_folder(a);
    a.edit_household("worker", h.id, 1_000, |h| h.phone = "0770 111 1111".into());
    a2.edit_household("worker", h.id, 2_000, |h| h.phone = "0770 222 2222".into());
    let (r, d) = (Device::new(), Device::new());
    all_trust(&[&a, &r, &d]);
    // One bundle signed by A's key carrying A's run 1..2, then the copy's change 2.
    let run = |dev: &Device, first: u64, n: usize| -> Vec<Vec<u8>> {
        dev.ws
            .store
            .encoded_changes_of(dev.ws.identity.origin(), first)
            .take(n)
            .collect::<Result<_, _>>()
            .expect("log")
    };
    let (mine, theirs) = (run(&a, 1, 2), run(&a2, 2, 1));
    assert_ne!(mine[1], theirs[0]);
    let header = Header {
        sender: a.ws.identity.origin(),
        kind: daleel::store::DatabaseKind::Real,
        made_at: daleel::model::Timestamp(NOW),
        hlc: Default::default(),
        segments: 2,
        watermarks: Default::default(),
        roster: Vec::new(),
    };
    let mut w = bundle::Writer::new(Vec::new(), &a.ws.identity, &header).expect("writer");
    for (first, changes) in [(1, &mine), (2, &theirs)] {
        let seg = bundle::sign_encoded(&a.ws.identity, first, changes).expect("sign");
        w.segment_encoded(&seg, changes).expect("segment");
    }
    let plain = w.finish().expect("finish").0;
    let s = daleel::sync::import::import_bytes(&r.ws.store, &plain, &r.ws.identity, |_, _| {})
        .expect("import");
    assert_eq!(s.forked, 1, "{s:?}");
    assert_eq!(
        r.get::<daleel::model::Household>(h.id).phone,
        "0770 111 1111"
    );
    assert_eq!(r.ws.store.forks().expect("forks")[0].seq, 2);
    // What R forwards still verifies at a fourth laptop: the second segment was not kept.
    d.trusts(&a);
    let stick = tempfile::tempdir().expect("s");
    d.import(&r.export(stick.path()))
        .expect("R's bundle verifies");
    assert_eq!(
        d.get::<daleel::model::Household>(h.id).phone,
        "0770 111 1111"
    );
    assert_eq!(d.digest(), r.digest());
}
