//! `daleel sync export`: one bundle file with this device's changes, written so that a
//! full or read-only stick, or one pulled out mid-write, leaves no file that passes for a
//! bundle: a temporary name without the bundle extension, fsync, rename, and validity
//! from the signed trailer, not from the rename (FAT sticks have no atomic rename).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::bundle::{Header, Writer, sign_encoded};
use super::identity::Identity;
use crate::store::{DatabaseKind, Store, StoreError};

/// Changes per signed segment: one signature check per this many changes on import.
pub const SEGMENT_CHANGES: u64 = 10_000;

/// The extension of a complete bundle.
pub const EXTENSION: &str = "bundle";

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Handoff(#[from] super::handoff::HandoffError),
    #[error(
        "{path} is not a folder: give --out the folder on the USB drive to write the bundle into"
    )]
    NotAFolder { path: PathBuf },
    #[error(
        "no trusted laptop can receive a bundle: bundles are encrypted to the laptops this one trusts; add one with daleel trust add CARD (a card made by this version of Daleel)"
    )]
    NoReceiver,
    #[error(
        "could not write the bundle to {path}: {} (no bundle was left there)", crate::disk::advice(.source)
    )]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The change log lacks changes it says it holds: no bundle is written from it.
fn gap(origin: crate::model::change::OriginId, first: u64) -> StoreError {
    StoreError::LogGap {
        device: super::identity::device_code(origin),
        first,
    }
}

/// The changes `first..=last` of `origin`, as the log holds them: refused with `gap`
/// when the log lacks one.
pub(crate) fn run_of(
    store: &Store,
    origin: crate::model::change::OriginId,
    first: u64,
    last: u64,
) -> Result<Vec<Vec<u8>>, StoreError> {
    let changes: Vec<Vec<u8>> = store
        .encoded_changes_of(origin, first)
        .take((last - first + 1) as usize)
        .collect::<Result<_, _>>()?;
    if changes.len() as u64 != last - first + 1 {
        return Err(gap(origin, first));
    }
    Ok(changes)
}

/// This device's own changes `from..=to`, in signed runs of `SEGMENT_CHANGES`.
pub(crate) fn own_runs(from: u64, to: u64) -> Vec<(u64, u64)> {
    (from..=to)
        .step_by(SEGMENT_CHANGES as usize)
        .map(|first| (first, (first + SEGMENT_CHANGES - 1).min(to)))
        .collect()
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportSummary {
    pub path: PathBuf,
    /// The second file, with the values of sensitive cases, for the team's laptops
    /// certified for them (when some other receiver is not).
    pub sensitive_path: Option<PathBuf>,
    pub changes: u64,
    pub segments: u32,
    pub bytes: u64,
    pub watermarks: BTreeMap<String, u64>,
}

/// Writes a bundle with this device's changes into `dir`. Every export writes a bundle,
/// even with nothing new: it carries the sender's watermarks. (`all` will matter once
/// bundles are imported: until then a device holds only its own changes, and sends them
/// all.)
pub fn export(
    store: &Store,
    identity: &Identity,
    dir: &Path,
    all: bool,
) -> Result<ExportSummary, SyncError> {
    export_reporting(store, identity, dir, all, |_, _| {})
}

/// `export`, telling `progress` (changes written, changes in all) after each segment.
pub fn export_reporting(
    store: &Store,
    identity: &Identity,
    dir: &Path,
    all: bool,
    mut progress: impl FnMut(u64, u64),
) -> Result<ExportSummary, SyncError> {
    if !dir.is_dir() {
        return Err(SyncError::NotAFolder {
            path: dir.to_path_buf(),
        });
    }
    // A sequence number must be durable before a change carrying it leaves the device.
    store.flush()?;
    let me = identity.origin();
    let held = store.watermarks()?;
    let known = if all {
        BTreeMap::new()
    } else {
        store.team_knows()?
    };
    // This device's own changes the team may lack, in signed runs; then other devices'
    // segments, exactly as their origins signed them.
    let own_from = known.get(&me).copied().unwrap_or(0) + 1;
    let own_last = held.get(&me).copied().unwrap_or(0);
    let own = own_runs(own_from, own_last);
    let mut foreign = Vec::new();
    for (origin, last_held) in &held {
        if *origin == me {
            continue;
        }
        let team = known.get(origin).copied().unwrap_or(0);
        for seg in store.segments_of(*origin)? {
            if seg.last <= *last_held && seg.last > team {
                foreign.push(seg);
            }
        }
    }
    // Encrypted to every trusted device that can receive bundles, every team device
    // whose certificate this one holds (partners and revoked devices excepted), and to
    // this one. Team devices not certified for sensitive cases get the changes of GBV
    // and child protection records without their values; those certified for them get
    // a second file with everything.
    let mine = identity.age_identity().to_public();
    let (mut full, mut limited) = (vec![mine.clone()], vec![mine]);
    let mut seen = std::collections::BTreeSet::new();
    let policy = store.policy();
    let team = policy.team_recipients(me);
    let pairwise = store.trusted()?;
    let candidates = pairwise
        .iter()
        .filter(|d| {
            // A device certified as a partner never receives a full team bundle, even
            // when it is also trusted pair-wise; a revoked one receives nothing.
            policy
                .member(d.origin)
                .is_none_or(|c| c.role != super::team::Role::Partner)
                && !policy.revoked.contains_key(&d.origin)
        })
        .map(|d| (d.origin, d.recipient.as_str()))
        .chain(team.iter().map(|(o, r)| (*o, r.as_str())));
    for (origin, recipient) in candidates {
        if let Ok(r) = recipient.parse()
            && seen.insert(origin)
        {
            // A device trusted pair-wise, outside the team, is trusted fully.
            if policy.member(origin).is_none_or(|c| c.sensitive) {
                full.push(r);
            } else {
                limited.push(r);
            }
        }
    }
    if full.len() + limited.len() == 2 {
        return Err(SyncError::NoReceiver);
    }
    // With a receiver not certified for sensitive cases: the needs and referrals whose
    // values may go to it (any other goes without them).
    let open = if limited.len() > 1 {
        Some(store.open_records()?)
    } else {
        None
    };
    let withholding = open.is_some();
    let open = open.unwrap_or_default();
    // Everyone gets one file: with values withheld when some sensitive record exists
    // and some receiver may not read it. The laptops that may get a second file with
    // them (they take the values from it whichever file they import first).
    let mut main = full.clone();
    main.extend(limited.drain(1..));
    let second = (withholding && full.len() > 1).then_some(full);
    let total: u64 = own.iter().map(|(f, l)| l - f + 1).sum::<u64>()
        + foreign.iter().map(|s| s.last - s.first + 1).sum::<u64>();
    progress(0, total);
    let header = Header {
        sender: me,
        kind: store.kind()?.unwrap_or(DatabaseKind::Real),
        made_at: store.now(),
        hlc: store.last_hlc()?,
        segments: (own.len() + foreign.len()) as u32,
        watermarks: held.clone(),
        roster: store.roster()?,
    };
    let stamp = store.now().to_utc().format("%Y%m%dT%H%M%SZ").to_string();
    let base = format!("daleel-{}-{stamp}", identity.code());
    // Names that say only who sent it and when (the threat model's promise): the second
    // file, with the sensitive cases, is told apart by its receivers, not its name.
    let mut names = free_names(dir, &base, 1 + usize::from(second.is_some())).into_iter();
    let mut files = vec![(names.next().unwrap_or_default(), main, withholding)];
    if let Some(full) = second {
        files.push((names.next().unwrap_or_default(), full, false));
    }
    let mut outs: Vec<Out> = Vec::new();
    let result = (|| -> Result<u64, SyncError> {
        for (name, recipients, withhold) in &files {
            outs.push(Out::start(
                dir, name, identity, &header, recipients, *withhold,
            )?);
        }
        let mut carried = 0;
        // Changes go from the log into the file as the log holds them, never decoded
        // whole: only an own change's envelope is read, to hash and sign it (and, for a
        // file with values withheld, each change's envelope, to tell which).
        for (first, last) in &own {
            let changes = run_of(store, me, *first, *last)?;
            carried += changes.len() as u64;
            let header = sign_encoded(identity, *first, &changes).map_err(StoreError::from)?;
            for out in &mut outs {
                out.segment(&header, &changes, &open)?;
            }
            progress(carried, total);
        }
        for seg in &foreign {
            let changes = run_of(store, seg.origin, seg.first, seg.last)?;
            carried += changes.len() as u64;
            for out in &mut outs {
                out.segment(seg, &changes, &open)?;
            }
            progress(carried, total);
        }
        outs[0].finish()?;
        // The second file only when the first withheld something.
        if outs.len() > 1 && outs[0].withheld == 0 {
            // Dropped unfinished: its temporary file is removed.
            outs.remove(1);
        }
        for out in outs.iter_mut().skip(1) {
            out.finish()?;
        }
        // Make the renames durable where the file system allows it (not on Windows/FAT).
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(carried)
    })();
    // On failure, the files not finished are removed as they are dropped.
    let changes = result?;
    for out in &outs {
        let file = out
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        store.audit(
            crate::store::audit::AuditAction::Bundle,
            None,
            &file,
            changes,
        )?;
    }
    store.flush()?;
    Ok(ExportSummary {
        path: outs[0].path.clone(),
        sensitive_path: outs.get(1).map(|o| o.path.clone()),
        changes,
        segments: header.segments,
        bytes: outs[0].bytes,
        watermarks: held
            .iter()
            .map(|(o, s)| (super::identity::device_code(*o), *s))
            .collect(),
    })
}

/// `count` bundle names not taken in `dir`: `base`, then `base-2`, `base-3`, ... (a
/// link or anything else under a name takes it).
pub(crate) fn free_names(dir: &Path, base: &str, count: usize) -> Vec<String> {
    let mut names = Vec::with_capacity(count);
    let mut n = 1;
    while names.len() < count {
        let name = match n {
            1 => format!("{base}.{EXTENSION}"),
            _ => format!("{base}-{n}.{EXTENSION}"),
        };
        if !crate::disk::taken(&dir.join(&name)) {
            names.push(name);
        }
        n += 1;
    }
    names
}

type Sealed = age::stream::StreamWriter<std::io::BufWriter<crate::disk::Partial>>;

/// One bundle file being written: under a new temporary name, renamed once whole (and
/// removed when dropped unfinished).
struct Out<'a> {
    path: PathBuf,
    writer: Option<Writer<'a, Sealed>>,
    /// Whether sensitive records' changes go without their values.
    withhold: bool,
    /// How many went without them.
    withheld: u64,
    bytes: u64,
}

impl<'a> Out<'a> {
    fn start(
        dir: &Path,
        name: &str,
        identity: &'a Identity,
        header: &Header,
        recipients: &[age::x25519::Recipient],
        withhold: bool,
    ) -> Result<Out<'a>, SyncError> {
        let path = dir.join(name);
        let error = |source| SyncError::Write {
            path: path.clone(),
            source,
        };
        // Sealed to its receivers: readable by whoever holds the drive.
        let file =
            crate::disk::Partial::create(&path, crate::disk::Access::Shared).map_err(error)?;
        // The signed bundle goes through the age encryption to its receivers.
        let sealed =
            super::bundle::encrypting(std::io::BufWriter::new(file), identity.origin(), recipients)
                .map_err(error)?;
        let writer = Writer::new(sealed, identity, header).map_err(error)?;
        Ok(Out {
            path,
            writer: Some(writer),
            withhold,
            withheld: 0,
            bytes: 0,
        })
    }

    fn error(&self, source: std::io::Error) -> SyncError {
        SyncError::Write {
            path: self.path.clone(),
            source,
        }
    }

    fn segment(
        &mut self,
        header: &super::bundle::SegmentHeader,
        changes: &[Vec<u8>],
        open: &std::collections::BTreeSet<uuid::Uuid>,
    ) -> Result<(), SyncError> {
        let result = match self.writer.as_mut() {
            Some(w) if self.withhold => {
                let changes = changes
                    .iter()
                    .map(|c| withhold(c, open))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(StoreError::from)?;
                self.withheld += changes
                    .iter()
                    .filter(|c| matches!(c, std::borrow::Cow::Owned(_)))
                    .count() as u64;
                w.segment_encoded(header, &changes)
            }
            Some(w) => w.segment_encoded(header, changes),
            None => Ok(()),
        };
        result.map_err(|e| self.error(e))
    }

    fn finish(&mut self) -> Result<(), SyncError> {
        let Some(w) = self.writer.take() else {
            return Ok(());
        };
        let (sealed, _) = w.finish().map_err(|e| self.error(e))?;
        let out = sealed.finish().map_err(|e| self.error(e))?;
        let file = out.into_inner().map_err(|e| self.error(e.into_error()))?;
        self.bytes = file.written().map_err(|e| self.error(e))?;
        file.keep().map(|_| ()).map_err(|e| self.error(e))
    }
}

/// A change as a laptop not certified for sensitive cases gets it: without its values
/// when it is of a need or referral not known here to be outside the sensitive sectors
/// (its envelope, which the segment's signature covers, unchanged).
fn withhold<'c>(
    encoded: &'c [u8],
    open: &std::collections::BTreeSet<uuid::Uuid>,
) -> Result<std::borrow::Cow<'c, [u8]>, crate::codec::CodecError> {
    use crate::codec;
    use crate::model::change::{Change, Envelope};
    let envelope: Envelope = codec::decode_head::<Change, Envelope>(encoded)?;
    let closed = matches!(envelope.entity.kind.as_str(), "need" | "referral")
        && !open.contains(&envelope.entity.id);
    if !closed {
        return Ok(std::borrow::Cow::Borrowed(encoded));
    }
    let mut change: Change = codec::decode(encoded)?;
    if change.payload.is_none() {
        return Ok(std::borrow::Cow::Borrowed(encoded));
    }
    change.payload = None;
    Ok(std::borrow::Cow::Owned(codec::encode(&change)?))
}
