//! `daleel sync import`: verify a bundle whole, then stage its changes, then apply them in
//! small transactions with a durable cursor (sync.md, "sled's transactions"). Files on
//! the stick are only read, never changed or deleted.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::bundle::{self, BundleError};
use super::identity::{Identity, device_code, fingerprint};
use crate::model::change::OriginId;
use crate::store::{DatabaseKind, Store, StoreError};

/// The largest bundle file read.
pub const MAX_BUNDLE_BYTES: u64 = 2 << 30;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0}")]
    Bundle(#[from] BundleError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot read it: {0}")]
    Read(std::io::Error),
    /// Demo and real data never mix.
    #[error("{0}")]
    Kind(KindMismatch),
    #[error("an older hand-off than the one already imported: nothing was changed")]
    OlderHandoff,
    #[error(
        "this is a hand-off for a partner agency's laptop: this laptop is not certified as a partner"
    )]
    NotPartner,
}

/// A bundle or a hand-off of the other kind of database (demo or real) than this one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum KindMismatch {
    #[error(
        "this is a {} database and the bundle comes from a {} one: they never mix",
        kind_word(*.here),
        kind_word(*.bundle)
    )]
    Bundle {
        here: DatabaseKind,
        bundle: DatabaseKind,
    },
    #[error("demo (training) and real data never mix: this hand-off is of the other kind")]
    Handoff,
}

impl ImportError {
    /// Whether the file is for other laptops (encrypted to them, or a hand-off for a
    /// partner's laptop): not damaged, not forged, just not this laptop's to import.
    /// Whether the file was skipped for not being a regular file (a link, a pipe or a
    /// device planted under a bundle's name).
    pub fn not_a_file(&self) -> bool {
        matches!(self, ImportError::Read(e) if crate::disk::is_not_regular(e))
    }

    pub fn not_for_me(&self) -> bool {
        matches!(
            self,
            ImportError::Bundle(BundleError::NotForMe { .. }) | ImportError::NotPartner
        )
    }
}

/// What importing one bundle did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub sender_code: String,
    pub sender_fingerprint: String,
    pub new: u64,
    pub known: u64,
    pub parked: u64,
    /// Origins not trusted here: (code, fingerprint, changes skipped).
    pub skipped: Vec<(String, String, u64)>,
    pub conflicts: usize,
    /// Changes kept with no effect that this import added: beyond their origin's role,
    /// and after their origin's revocation (teams).
    pub beyond_role: u64,
    pub revoked: u64,
    /// Team statements (certificates, revocations) new to this device.
    pub statements: usize,
    /// For a coordinator's hand-off (a partner's laptop): the referrals it holds.
    pub handed_off: Option<usize>,
    /// Changes refused as a fork: a second version of changes held (see the Queue).
    pub forked: u64,
}

/// Imports a hand-off (on a partner's laptop).
fn import_handoff(
    store: &Store,
    bytes: &[u8],
    me: &Identity,
) -> Result<ImportSummary, ImportError> {
    let (sender, referrals) = super::handoff::import(store, bytes, me)?;
    Ok(ImportSummary {
        sender_code: device_code(sender),
        sender_fingerprint: fingerprint(sender),
        handed_off: Some(referrals),
        ..ImportSummary::default()
    })
}

fn kind_word(kind: DatabaseKind) -> &'static str {
    match kind {
        DatabaseKind::Real => "real",
        DatabaseKind::Demo => "demo (training)",
    }
}

/// Verifies, stages and applies one bundle's bytes. `progress` hears (changes applied,
/// changes in all) after each applied chunk.
pub fn import_bytes(
    store: &Store,
    bytes: &[u8],
    me: &Identity,
    progress: impl FnMut(u64, u64),
) -> Result<ImportSummary, ImportError> {
    if super::handoff::is_handoff(bytes) {
        return import_handoff(store, bytes, me);
    }
    let plain = bundle::open(bytes, me, may_open(store))?;
    import_plain(store, &plain, progress)
}

/// Imports a bundle file's bytes, letting go of the encrypted bytes once they are
/// decrypted (a bundle is then in memory once, not twice).
fn import_owned(
    store: &Store,
    bytes: Vec<u8>,
    me: &Identity,
    progress: impl FnMut(u64, u64),
) -> Result<ImportSummary, ImportError> {
    if super::handoff::is_handoff(&bytes) {
        return import_handoff(store, &bytes, me);
    }
    let inner = match bundle::open(&bytes, me, may_open(store))? {
        std::borrow::Cow::Owned(inner) => Some(inner),
        std::borrow::Cow::Borrowed(_) => None,
    };
    let plain = match inner {
        Some(inner) => {
            drop(bytes);
            inner
        }
        None => bytes,
    };
    import_plain(store, &plain, progress)
}

/// Whether a bundle from `sender` is worth decrypting: a trusted sender's, or, on a team
/// device, any (a new member's certificate may be inside; the sender is checked again
/// once the bundle's statements are learned).
fn may_open(store: &Store) -> impl Fn(OriginId) -> bool + '_ {
    |o: OriginId| store.is_trusted(o).unwrap_or(false) || store.policy().in_team()
}

/// Verifies, stages and applies a signed bundle (version 1, decrypted).
fn import_plain(
    store: &Store,
    plain: &[u8],
    progress: impl FnMut(u64, u64),
) -> Result<ImportSummary, ImportError> {
    let before = store.policy();
    let (beyond_before, revoked_before) = store.ineffective_counts()?;
    let result = import_checked(store, plain, progress);
    // The statements learned from the header, and those the applied changes carry, may
    // judge changes held before differently (a revocation that came after them): the
    // records are recomputed then, whether or not the bundle itself was taken.
    store.settle_policy(&before)?;
    let mut summary = result?;
    let (beyond_after, revoked_after) = store.ineffective_counts()?;
    summary.beyond_role = beyond_after.saturating_sub(beyond_before);
    summary.revoked = revoked_after.saturating_sub(revoked_before);
    summary.conflicts = store.conflicts()?.len();
    Ok(summary)
}

/// Learns the bundle's team statements, then verifies, stages and applies it.
fn import_checked(
    store: &Store,
    plain: &[u8],
    mut progress: impl FnMut(u64, u64),
) -> Result<ImportSummary, ImportError> {
    // The team statements first: each is signed by its issuer, so they count whatever
    // carried them, and they say which senders and origins the team trusts.
    let learned = store.learn_statements(&bundle::read_header(plain)?.roster)?;
    store.reload_policy()?;
    let trusted = |o: OriginId| store.is_trusted(o).unwrap_or(false);
    let bundle = bundle::read(plain, trusted)?;
    let header = &bundle.header;
    // Demo and real data never mix; an empty database takes the first bundle's kind.
    match store.kind()? {
        Some(kind) if kind != header.kind => {
            return Err(ImportError::Kind(KindMismatch::Bundle {
                here: kind,
                bundle: header.kind,
            }));
        }
        Some(_) => {}
        None => store.set_kind(header.kind)?,
    }
    // The changes stay as the file holds them (checked, not kept decoded), by origin and
    // sequence number: an overlapping segment's copy of a change is dropped.
    let mut taken: BTreeMap<(OriginId, u64), &[u8]> = BTreeMap::new();
    let mut skipped: BTreeMap<OriginId, u64> = BTreeMap::new();
    let mut forked = 0;
    for segment in &bundle.segments {
        let origin = segment.header.origin;
        if !trusted(origin) {
            *skipped.entry(origin).or_default() += segment.changes.len() as u64;
            continue;
        }
        // A run that differs from what this laptop holds under the same numbers (or
        // from an earlier segment of this bundle) is a fork: refused whole (its other
        // changes belong to the second version) and its header not kept for
        // forwarding, and recorded for the queue. The rest of the bundle goes in.
        let first = segment.header.first;
        let differs = (first..).zip(&segment.changes).find_map(|(seq, c)| {
            taken
                .get(&(origin, seq))
                .filter(|t| !crate::store::fork::same_change(t, c))
                .map(|_| seq)
        });
        let fork = match differs {
            Some(seq) => Some(seq),
            None => store.fork_in(origin, first, &segment.changes)?,
        };
        if let Some(seq) = fork {
            let refused = segment.changes.len() as u64;
            store.record_fork(origin, seq, header.sender, refused)?;
            forked += refused;
            continue;
        }
        store.keep_segment(&segment.header)?;
        for (seq, c) in (first..).zip(&segment.changes) {
            taken.entry((origin, seq)).or_insert(c);
        }
    }
    store.learn_watermarks(header.sender, &header.watermarks)?;
    let encoded: Vec<&[u8]> = taken.into_values().collect();
    let total = encoded.len() as u64;
    progress(0, total);
    store.stage(&encoded)?;
    let merged = store.apply_staged(|done| progress(done, total))?;
    store.audit(
        crate::store::audit::AuditAction::Import,
        None,
        &format!("bundle from {}", device_code(header.sender)),
        merged.applied,
    )?;
    store.flush()?;
    Ok(ImportSummary {
        sender_code: device_code(header.sender),
        sender_fingerprint: fingerprint(header.sender),
        new: merged.applied,
        known: merged.known,
        parked: merged.parked,
        skipped: skipped
            .into_iter()
            .map(|(o, n)| (device_code(o), fingerprint(o), n))
            .collect(),
        statements: learned.new,
        forked,
        ..ImportSummary::default()
    })
}

/// What a bundle file would bring, checked whole without changing anything (the Sync
/// screen's list): the number of changes, or the referrals of a hand-off.
pub fn check(store: &Store, bytes: &[u8], me: &Identity) -> Result<Checked, ImportError> {
    if super::handoff::is_handoff(bytes) {
        let h = super::handoff::open(store, bytes, me)?;
        return Ok(Checked::Handoff(h.snapshot.referrals.len()));
    }
    let plain = bundle::open(bytes, me, may_open(store))?;
    // Trusted as the import would trust: with the bundle's team statements learned.
    let policy = store.policy_with(&bundle::read_header(&plain)?.roster)?;
    let trusted = |o: OriginId| policy.member(o).is_some() || store.is_trusted(o).unwrap_or(false);
    let b = bundle::read(&plain, trusted)?;
    Ok(Checked::Changes {
        changes: b.change_count(),
        made_at: b.header.made_at,
    })
}

/// What `check` found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checked {
    /// A bundle: its changes, and when its sender's clock said it was made.
    Changes {
        changes: usize,
        made_at: crate::model::Timestamp,
    },
    Handoff(usize),
}

/// Reads a bundle file (without changing it) and imports it.
pub fn import_file(
    store: &Store,
    path: &Path,
    me: &Identity,
    progress: impl FnMut(u64, u64),
) -> Result<ImportSummary, ImportError> {
    import_owned(store, read_bundle_file(path)?, me, progress)
}

/// A bundle file's bytes: a regular file only (never a link, a pipe or a device), read
/// no further than any bundle may be.
pub fn read_bundle_file(path: &Path) -> Result<Vec<u8>, ImportError> {
    crate::disk::read_regular(path, MAX_BUNDLE_BYTES).map_err(|e| match e.kind() {
        std::io::ErrorKind::InvalidData => ImportError::Bundle(BundleError::OverLimit {
            what: "the file",
            claimed: std::fs::symlink_metadata(path)
                .map(|m| m.len())
                .unwrap_or(0),
            limit: MAX_BUNDLE_BYTES,
        }),
        _ => ImportError::Read(e),
    })
}

/// The bundle files a path names: the file itself, or every `.bundle` file in a folder
/// (sorted by name, so by device and time), less the files a sync tool or a copy is still
/// writing (`passed_over`).
pub fn bundle_files(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == super::export::EXTENSION))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| passed_over(&n.to_string_lossy()))
        })
        .collect();
    files.sort();
    Ok(files)
}

/// Whether a file name in a shared folder is a temporary file of a sync tool or a copy
/// (Syncthing's `.syncthing.NAME.tmp` and `~syncthing~NAME.tmp`, a `NAME.partial` or
/// `NAME.tmp` of a download or of Daleel's own export, a hidden `.NAME`): never read,
/// never reported. The finished file appears under its own name.
pub fn passed_over(name: &str) -> bool {
    let lower = name.to_lowercase();
    name.starts_with('.')
        || name.starts_with('~')
        || lower.ends_with(".tmp")
        || lower.ends_with(".partial")
}

/// How long after its last change a file cut short is taken for one still being
/// written (by another laptop into a shared folder, or a copy under way), and tried again
/// at the next import instead of being refused.
pub const STILL_WRITTEN: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// How far ahead of this laptop's clock a file's time may be and still be taken for
/// one being written (another laptop's clock, on a shared folder, may be ahead). A file
/// dated further ahead is judged as it is: otherwise a damaged file dated in the future
/// would be "still being written" at every import, and never refused.
const CLOCK_AHEAD: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);

/// Whether the file at `path` changed within `STILL_WRITTEN` (or its time is ahead of
/// this laptop's clock by less than `CLOCK_AHEAD`).
fn recently_written(path: &Path) -> bool {
    let Ok(modified) = std::fs::symlink_metadata(path).and_then(|m| m.modified()) else {
        return false;
    };
    match std::time::SystemTime::now().duration_since(modified) {
        Ok(age) => age < STILL_WRITTEN,
        Err(ahead) => ahead.duration() < CLOCK_AHEAD,
    }
}

/// What importing one file of a drive came to. The command line and the screens only
/// display these: the rule for what is an error lives here.
#[derive(Debug)]
pub enum Outcome {
    /// Imported (a bundle, or a hand-off on a partner's laptop).
    Imported(ImportSummary),
    /// Encrypted to other laptops (the caseworkers' second file, a hand-off for a partner
    /// agency, a bundle made before this laptop was trusted): left on the drive for them.
    /// Not an error.
    LeftOnDrive(ImportError),
    /// Not a regular file (a link, a pipe, a device under a bundle's name): skipped.
    Skipped(ImportError),
    /// Refused whole: nothing from it was used.
    Refused(ImportError),
    /// Cut short and changed in the last minutes: still being written (by another laptop
    /// into a shared folder, or a copy under way). Tried again at the next import; not
    /// an error.
    NotYet(ImportError),
    /// One of this laptop's own bundles (in a shared folder): passed over in silence.
    Own,
}

impl Outcome {
    /// Whether the file needs someone's attention (skipped or refused).
    pub fn failed(&self) -> bool {
        matches!(self, Outcome::Skipped(_) | Outcome::Refused(_))
    }

    fn of(result: Result<ImportSummary, ImportError>, path: &Path) -> Outcome {
        match result {
            Ok(summary) => Outcome::Imported(summary),
            // Cut short: a plain bundle says so; an encrypted one's last piece just does
            // not decrypt (age cannot tell a cut from a change). Either, in a file
            // changed in the last minutes, is taken for one still being written.
            Err(e @ ImportError::Bundle(BundleError::Truncated | BundleError::Damaged(_)))
                if recently_written(path) =>
            {
                Outcome::NotYet(e)
            }
            Err(e) if e.not_for_me() => Outcome::LeftOnDrive(e),
            Err(e) if e.not_a_file() => Outcome::Skipped(e),
            Err(e) => Outcome::Refused(e),
        }
    }
}

/// Where an import of several files is: file `n` of `count` (from 1), and that file's
/// changes applied so far of its total (both 0 while it is being checked).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub n: usize,
    pub count: usize,
    pub done: u64,
    pub total: u64,
}

/// Imports the bundle files `files` one after the other (each whole or not at all), and
/// says what each came to; a file refused or skipped does not stop the others.
pub fn import_all(
    store: &Store,
    files: &[PathBuf],
    me: &Identity,
    mut progress: impl FnMut(Step),
) -> Vec<(PathBuf, Outcome)> {
    let count = files.len();
    let mut out = Vec::with_capacity(count);
    for (i, file) in files.iter().enumerate() {
        let n = i + 1;
        progress(Step {
            n,
            count,
            done: 0,
            total: 0,
        });
        let bytes = match read_bundle_file(file) {
            Ok(bytes) => bytes,
            Err(e) => {
                out.push((file.clone(), Outcome::of(Err(e), file)));
                continue;
            }
        };
        if own(&bytes, me) {
            out.push((file.clone(), Outcome::Own));
            continue;
        }
        let result = import_owned(store, bytes, me, |done, total| {
            progress(Step {
                n,
                count,
                done,
                total,
            })
        });
        out.push((file.clone(), Outcome::of(result, file)));
    }
    out
}

/// Whether a bundle file's clear header names this laptop as its sender.
fn own(bytes: &[u8], me: &Identity) -> bool {
    bundle::sender_of(bytes).is_ok_and(|s| s == me.origin())
}

/// A bundle file found on a drive, checked without changing anything.
#[derive(Debug)]
pub struct Inspected {
    pub path: PathBuf,
    pub size: u64,
    /// The sender named in the clear header, when the file has one.
    pub sender: Option<OriginId>,
    /// What it carries, or what an import would come to instead.
    pub check: Result<Checked, Outcome>,
}

/// Checks every bundle file in `folder` (header, trust, signatures), changing nothing:
/// what the Sync screen lists before an import (this laptop's own bundles included: an
/// import passes over them).
pub fn inspect(store: &Store, folder: &Path, me: &Identity) -> Vec<Inspected> {
    let files = bundle_files(folder).unwrap_or_default();
    let mut found = Vec::with_capacity(files.len());
    for path in files {
        let size = std::fs::symlink_metadata(&path)
            .map(|m| m.len())
            .unwrap_or(0);
        let bytes = match read_bundle_file(&path) {
            Ok(b) => b,
            Err(e) => {
                let check = Err(Outcome::of(Err(e), &path));
                found.push(Inspected {
                    path,
                    size,
                    sender: None,
                    check,
                });
                continue;
            }
        };
        let sender = bundle::sender_of(&bytes)
            .ok()
            .or_else(|| super::handoff::sender_of(&bytes));
        let check = check(store, &bytes, me).map_err(|e| Outcome::of(Err(e), &path));
        found.push(Inspected {
            path,
            size,
            sender,
            check,
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::{passed_over, recently_written};

    #[test]
    fn a_file_dated_far_ahead_is_not_taken_for_one_being_written() {
        use std::time::{Duration, SystemTime};
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("daleel-K7QX2-20261206T101500Z.bundle");
        let file = std::fs::File::create(&path).expect("create");
        let now = SystemTime::now();
        for (at, recent) in [
            (now, true),
            (now - Duration::from_secs(60 * 60), false),
            (now + Duration::from_secs(60 * 60), true),
            (now + Duration::from_secs(3 * 24 * 60 * 60), false),
        ] {
            file.set_modified(at).expect("set the time");
            assert_eq!(recently_written(&path), recent, "{at:?}");
        }
    }

    #[test]
    fn sync_tools_temporary_files_are_passed_over_and_bundles_are_not() {
        for name in [
            ".syncthing.daleel-K7QX2-20261206T101500Z.bundle.tmp",
            "~syncthing~daleel-K7QX2-20261206T101500Z.bundle.tmp",
            "daleel-K7QX2-20261206T101500Z.bundle.partial",
            "daleel-K7QX2-20261206T101500Z.bundle.0a1b2c3d.partial",
            "daleel-K7QX2-20261206T101500Z.bundle.TMP",
            ".daleel-K7QX2-20261206T101500Z.bundle",
        ] {
            assert!(passed_over(name), "{name}");
        }
        for name in [
            "daleel-K7QX2-20261206T101500Z.bundle",
            "daleel-K7QX2-20261206T101500Z-2.bundle",
            "daleel-K7QX2-20261206T101500Z.sync-conflict-20261206-101600-ABCDEFG.bundle",
        ] {
            assert!(!passed_over(name), "{name}");
        }
    }
}
