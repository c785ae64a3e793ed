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
    #[error(
        "{path} is not a folder: give --out the folder on the USB drive to write the bundle into"
    )]
    NotAFolder { path: PathBuf },
    #[error(
        "no trusted laptop can receive a bundle: bundles are encrypted to the laptops this one trusts; add one with daleel trust add CARD (a card made by this version of Daleel)"
    )]
    NoReceiver,
    #[error(
        "could not write the bundle to {path}: {source}; check that the drive is plugged in, not full and not read-only (no bundle was left there)"
    )]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The change log lacks changes it says it holds: no bundle is written from it.
fn gap(origin: crate::model::change::OriginId, first: u64) -> StoreError {
    StoreError::Invalid(format!(
        "the change log of {} lacks changes from sequence number {first} on: no bundle was written",
        super::identity::device_code(origin)
    ))
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportSummary {
    pub path: PathBuf,
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
    let own: Vec<(u64, u64)> = (own_from..=own_last)
        .step_by(SEGMENT_CHANGES as usize)
        .map(|first| (first, (first + SEGMENT_CHANGES - 1).min(own_last)))
        .collect();
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
    // this one.
    let mut recipients: Vec<age::x25519::Recipient> = vec![identity.age_identity().to_public()];
    let mut seen = std::collections::BTreeSet::new();
    let policy = store.policy();
    let team = policy.team_recipients(me);
    let pairwise = store.trusted()?;
    let candidates = pairwise
        .iter()
        .filter(|d| {
            // A device certified as a partner never receives a full team bundle, even
            // when it is also trusted pair-wise.
            policy
                .member(d.origin)
                .is_none_or(|c| c.role != super::team::Role::Partner)
        })
        .map(|d| (d.origin, d.recipient.as_str()))
        .chain(team.iter().map(|(o, r)| (*o, r.as_str())));
    for (origin, recipient) in candidates {
        if let Ok(r) = recipient.parse()
            && seen.insert(origin)
        {
            recipients.push(r);
        }
    }
    if recipients.len() == 1 {
        return Err(SyncError::NoReceiver);
    }
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
    let mut name = format!("{base}.{EXTENSION}");
    let mut n = 2;
    while dir.join(&name).exists() {
        name = format!("{base}-{n}.{EXTENSION}");
        n += 1;
    }
    let path = dir.join(&name);
    let partial = dir.join(format!("{name}.partial"));
    let write_error = |source| SyncError::Write {
        path: path.clone(),
        source,
    };
    let result = (|| -> Result<(u64, u64), SyncError> {
        let file = std::fs::File::create(&partial).map_err(write_error)?;
        // The signed bundle goes through the age encryption to its receivers.
        let sealed = super::bundle::encrypting(std::io::BufWriter::new(file), me, &recipients)
            .map_err(write_error)?;
        let mut w = Writer::new(sealed, identity, &header).map_err(write_error)?;
        let mut carried = 0;
        // Changes go from the log into the file as the log holds them, never decoded
        // whole: only an own change's envelope is read, to hash and sign it.
        for (first, last) in &own {
            let changes: Vec<Vec<u8>> = store
                .encoded_changes_of(me, *first)
                .take((last - first + 1) as usize)
                .collect::<Result<_, _>>()?;
            if changes.len() as u64 != last - first + 1 {
                return Err(gap(me, *first).into());
            }
            carried += changes.len() as u64;
            let header = sign_encoded(identity, *first, &changes).map_err(StoreError::from)?;
            w.segment_encoded(&header, &changes).map_err(write_error)?;
            progress(carried, total);
        }
        for seg in &foreign {
            let changes: Vec<Vec<u8>> = store
                .encoded_changes_of(seg.origin, seg.first)
                .take((seg.last - seg.first + 1) as usize)
                .collect::<Result<_, _>>()?;
            if changes.len() as u64 != seg.last - seg.first + 1 {
                return Err(gap(seg.origin, seg.first).into());
            }
            carried += changes.len() as u64;
            w.segment_encoded(seg, &changes).map_err(write_error)?;
            progress(carried, total);
        }
        let (sealed, _) = w.finish().map_err(write_error)?;
        let out = sealed.finish().map_err(write_error)?;
        let file = out.into_inner().map_err(|e| write_error(e.into_error()))?;
        let bytes = file.metadata().map_err(write_error)?.len();
        file.sync_all().map_err(write_error)?;
        drop(file);
        std::fs::rename(&partial, &path).map_err(write_error)?;
        // Make the rename durable where the file system allows it (not on Windows/FAT).
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok((bytes, carried))
    })();
    if let Ok((_, changes)) = &result {
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        store.audit(
            crate::store::audit::AuditAction::Bundle,
            None,
            &file,
            *changes,
        )?;
        store.flush()?;
    }
    match result {
        Ok((bytes, changes)) => Ok(ExportSummary {
            path,
            changes,
            segments: header.segments,
            bytes,
            watermarks: held
                .iter()
                .map(|(o, s)| (super::identity::device_code(*o), *s))
                .collect(),
        }),
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            Err(e)
        }
    }
}
