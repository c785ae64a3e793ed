//! A shared folder as the drive (issue 19, items 4 and 5; docs/sync.md, "A shared
//! folder"): three laptops write bundles into one folder and import from it, in turns and
//! at the same time, with a sync tool's temporary files and a bundle still being written
//! lying in it. Nothing is refused; all end with the same state digest and a clean
//! `check`; the command line remembers the folder; `sync tidy` removes only bundles every
//! trusted laptop has seen.

use std::path::{Path, PathBuf};

use daleel::model::Timestamp;
use daleel::store::Edit;
use daleel::sync::card::Card;
use daleel::sync::import::{Outcome, bundle_files, import_all};
use daleel::workspace::Workspace;

use crate::common::{self, NOW, daleel, household};

const LAPTOPS: usize = 3;

fn open(dir: &Path) -> Workspace {
    common::unlocked(|| Workspace::open(dir, &common::creds())).expect("open")
}

/// Three laptops, each trusting the other two.
fn laptops() -> (Vec<tempfile::TempDir>, Vec<Workspace>) {
    let dirs: Vec<tempfile::TempDir> = (0..LAPTOPS)
        .map(|_| tempfile::tempdir().expect("dir"))
        .collect();
    let ws: Vec<Workspace> = dirs.iter().map(|d| open(d.path())).collect();
    for a in &ws {
        for b in &ws {
            if a.identity.origin() != b.identity.origin() {
                let card = Card::write(&b.identity, "laptop", Timestamp(NOW)).expect("card");
                a.store
                    .trust(&Card::read(&card).expect("read"))
                    .expect("trust");
            }
        }
    }
    (dirs, ws)
}

/// Records `n` households on a laptop, named after it and the round.
fn record(ws: &Workspace, laptop: usize, round: usize, n: usize) {
    let edits: Vec<Edit> = (0..n)
        .map(|k| Edit::Household(household(&format!("Laptop{laptop} Round{round} Person{k}"))))
        .collect();
    ws.store.apply("w", &edits).expect("record");
}

/// Imports every bundle in `folder`: nothing may be refused or skipped (a bundle still
/// being written is tried again later, this laptop's own are passed over).
fn import_folder(ws: &Workspace, folder: &Path) -> Vec<(PathBuf, Outcome)> {
    let files = bundle_files(folder).expect("list");
    let outcomes = import_all(&ws.store, &files, &ws.identity, |_| {});
    for (file, outcome) in &outcomes {
        assert!(
            !outcome.failed(),
            "{} was refused or skipped: {outcome:?}",
            file.display()
        );
    }
    outcomes
}

fn export(ws: &Workspace, folder: &Path) -> PathBuf {
    daleel::sync::export::export(&ws.store, &ws.identity, folder, false)
        .expect("export")
        .path
}

fn digest(ws: &Workspace) -> Vec<u8> {
    ws.store.state_digest().expect("digest").to_vec()
}

/// What a sync tool and a copy leave in a shared folder while they work: Syncthing's two
/// kinds of temporary file and a download's `.partial`, each holding the beginning of a
/// real bundle.
fn sync_tool_litter(folder: &Path, bundle: &Path) {
    let bytes = std::fs::read(bundle).expect("bundle");
    let name = bundle
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    let part = &bytes[..bytes.len() / 2];
    for litter in [
        format!(".syncthing.{name}.tmp"),
        format!("~syncthing~{name}.tmp"),
        format!("{name}.partial"),
    ] {
        std::fs::write(folder.join(litter), part).expect("litter");
    }
}

#[test]
fn three_laptops_converge_through_one_shared_folder() {
    let shared = tempfile::tempdir().expect("shared");
    let folder = shared.path();
    let (dirs, laptops) = laptops();

    // In turns: each records, writes into the folder and reads what is there.
    for (i, ws) in laptops.iter().enumerate() {
        record(ws, i, 0, 5);
        export(ws, folder);
        let outcomes = import_folder(ws, folder);
        // Its own bundle is passed over in silence, not imported or refused.
        let own = outcomes
            .iter()
            .filter(|(_, o)| matches!(o, Outcome::Own))
            .count();
        assert_eq!(own, 1, "laptop {i}: {outcomes:?}");
    }

    // A bundle another laptop is still writing (in place, as a plain copy to a network
    // share does) and a sync tool's temporary files.
    let first = bundle_files(folder).expect("list")[0].clone();
    sync_tool_litter(folder, &first);
    let full = std::fs::read(&first).expect("bundle");
    let growing = folder.join("daleel-ZZZZ-20990101T000000Z.bundle");
    std::fs::write(&growing, &full[..full.len() * 2 / 3]).expect("half-written");
    let mut waiting = 0;
    for ws in &laptops {
        let outcomes = import_folder(ws, folder);
        let not_yet: Vec<&PathBuf> = outcomes
            .iter()
            .filter(|(_, o)| matches!(o, Outcome::NotYet(_)))
            .map(|(f, _)| f)
            .collect();
        // Tried again later by the two others; its sender passes over its own.
        match not_yet.as_slice() {
            [] => assert!(
                outcomes
                    .iter()
                    .any(|(f, o)| f == &growing && matches!(o, Outcome::Own)),
                "{outcomes:?}"
            ),
            [one] => {
                assert_eq!(*one, &growing);
                waiting += 1;
            }
            more => panic!("more than the half-written bundle waits: {more:?}"),
        }
        let names: Vec<String> = outcomes
            .iter()
            .map(|(f, _)| f.file_name().expect("n").to_string_lossy().into_owned())
            .collect();
        assert!(
            names
                .iter()
                .all(|n| !n.contains("syncthing") && !n.ends_with(".partial")),
            "a sync tool's temporary file was read: {names:?}"
        );
    }

    assert_eq!(waiting, LAPTOPS - 1);

    // At the same time: each laptop records, writes and reads in rounds of its own.
    std::thread::scope(|s| {
        for (i, ws) in laptops.iter().enumerate() {
            s.spawn(move || {
                for round in 1..=4 {
                    record(ws, i, round, 3);
                    export(ws, folder);
                    import_folder(ws, folder);
                }
            });
        }
    });

    // The half-written bundle is finished (the same file, whole at last).
    std::fs::write(&growing, &full).expect("finished");
    // In turns, twice: everything reaches everyone, and each says what it holds.
    for _ in 0..2 {
        for ws in &laptops {
            export(ws, folder);
        }
        for ws in &laptops {
            import_folder(ws, folder);
        }
    }
    let digests: Vec<Vec<u8>> = laptops.iter().map(digest).collect();
    assert!(
        digests.windows(2).all(|w| w[0] == w[1]),
        "the laptops differ after syncing through one folder"
    );
    let households = laptops[0].store.all::<daleel::model::Household>().count();
    assert_eq!(households, LAPTOPS * (5 + 4 * 3));
    drop(laptops);

    for (i, dir) in dirs.iter().enumerate() {
        let check = daleel(dir.path(), &["check"]);
        assert!(
            check.status.success(),
            "check of laptop {i}: {}",
            String::from_utf8_lossy(&check.stdout)
        );
    }

    // The command line: the folder given once is remembered; nothing is "refused".
    let a = dirs[0].path();
    let s = folder.to_str().expect("path");
    let given = daleel(a, &["sync", "import", s]);
    assert!(
        given.status.success(),
        "{}",
        String::from_utf8_lossy(&given.stderr)
    );
    let again = daleel(a, &["sync", "import"]);
    let said = String::from_utf8_lossy(&again.stderr).into_owned();
    assert!(again.status.success(), "{said}");
    assert!(said.contains(s), "the remembered folder is said: {said}");
    assert!(!said.contains("refused"), "{said}");
    let written = daleel(a, &["sync", "export"]);
    assert!(written.status.success());
    let path = String::from_utf8_lossy(&written.stdout).trim().to_string();
    assert!(Path::new(&path).starts_with(folder), "{path}");

    // Tidying: laptop A records more and writes it. Each laptop removes only its own
    // bundles that all have seen, never its newest, and (by default) none made in the
    // last 14 days; the sync tool's files are not Daleel's to remove.
    {
        let ws = open(a);
        record(&ws, 0, 9, 2);
        drop(ws);
    }
    let fresh = daleel(a, &["sync", "export"]);
    assert!(fresh.status.success());
    let fresh = PathBuf::from(String::from_utf8_lossy(&fresh.stdout).trim());
    let nowhere = folder.join("no such folder");
    let missing = daleel(a, &["sync", "tidy", nowhere.to_str().expect("path")]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("Nothing was removed"));
    let before = bundle_files(folder).expect("list");
    let young = daleel(a, &["sync", "tidy", s]);
    assert!(young.status.success());
    assert_eq!(
        bundle_files(folder).expect("list"),
        before,
        "every bundle is younger than 14 days"
    );
    let sender = |p: &PathBuf| {
        let bytes = std::fs::read(p).expect("read");
        daleel::sync::bundle::sender_of(&bytes).expect("a sender")
    };
    let origin_a = sender(&fresh);
    for dir in &dirs {
        let tidy = daleel(dir.path(), &["sync", "tidy", s, "--older-than", "0"]);
        assert!(
            tidy.status.success(),
            "{}",
            String::from_utf8_lossy(&tidy.stderr)
        );
    }
    let left = bundle_files(folder).expect("list");
    let mut senders: Vec<_> = left.iter().map(sender).collect();
    senders.sort();
    senders.dedup();
    assert_eq!(
        (left.len(), senders.len()),
        (3, 3),
        "each laptop's newest bundle is kept, the rest removed: {left:?}"
    );
    assert!(left.contains(&fresh));
    assert_eq!(left.iter().filter(|p| sender(p) == origin_a).count(), 1);
    let litter = format!(
        ".syncthing.{}.tmp",
        first.file_name().expect("n").to_string_lossy()
    );
    assert!(folder.join(litter).exists());
    // What was kept brings the others what they lack: all agree, and check clean.
    for dir in &dirs[1..] {
        let import = daleel(dir.path(), &["sync", "import", s]);
        assert!(
            import.status.success(),
            "{}",
            String::from_utf8_lossy(&import.stderr)
        );
    }
    let after: Vec<Vec<u8>> = dirs.iter().map(|d| digest(&open(d.path()))).collect();
    assert!(
        after.windows(2).all(|w| w[0] == w[1]),
        "the laptops differ after the tidy"
    );
    assert_ne!(after[0], digests[0]);
    for dir in &dirs {
        assert!(daleel(dir.path(), &["check"]).status.success());
    }
}
