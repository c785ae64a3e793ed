//! `daleel sync tidy FOLDER`: in a shared folder (a network share, a folder a sync tool
//! keeps alike between offices), bundles pile up, and each import reads them all again.
//! Tidying removes, on request only, **this laptop's own** bundles that every trusted
//! laptop is known to have seen: those whose changes every trusted laptop said it holds
//! (in the bundles it sent). Each laptop tidies its own: only the sender knows whom a
//! bundle was for, and another laptop's bundle may be for laptops this one does not
//! trust. Kept as well, whatever the marks say:
//!
//! - the newest of this laptop's bundles (all files of its last export): it carries the
//!   latest team statements (a revocation travels in every bundle's roster, and a
//!   laptop that has missed the others still finds it there);
//! - bundles younger than `min_age` (14 days unless asked): a laptop certified for
//!   sensitive cases that read only the copy with their values withheld reports the
//!   changes as held all the same, and must still find the file with the values;
//! - anything it cannot judge: another laptop's bundle, a hand-off, a file that does
//!   not verify, one still being written.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::bundle;
use super::identity::Identity;
use super::import::{bundle_files, read_bundle_file};
use crate::model::change::OriginId;
use crate::store::{Store, StoreError};

/// What tidying a folder did.
#[derive(Debug, Default)]
pub struct Tidied {
    /// The bundles removed.
    pub removed: Vec<PathBuf>,
    /// The bundles kept (not yet seen by every trusted laptop, or not judged).
    pub kept: usize,
    /// Bundles that could not be removed (a read-only folder, say): kept, with why.
    pub failed: Vec<(PathBuf, std::io::Error)>,
}

/// How old a bundle must be before `tidy` removes it, unless asked otherwise.
pub const MIN_AGE_DAYS: u32 = 14;

/// Removes from `folder` this laptop's bundles every trusted laptop has seen, but the
/// newest and those made less than `min_age_days` ago.
pub fn tidy(
    store: &Store,
    me: &Identity,
    folder: &Path,
    min_age_days: u32,
) -> Result<Tidied, StoreError> {
    let held = store.watermarks()?;
    let knows = store.team_knows()?;
    // Seen by all: every origin's changes up to `marks` are held here and said to be
    // held by every trusted laptop. No trusted laptop: nothing is known, nothing goes.
    let seen = |marks: &BTreeMap<OriginId, u64>| {
        !knows.is_empty()
            && marks.iter().all(|(origin, &seq)| {
                seq == 0
                    || (held.get(origin).copied().unwrap_or(0) >= seq
                        && knows.get(origin).copied().unwrap_or(0) >= seq)
            })
    };
    let trusted = |o: OriginId| o == me.origin() || store.is_trusted(o).unwrap_or(false);
    let mut done = Tidied::default();
    let now = store.now();
    let min_age_ms = i64::from(min_age_days) * crate::model::time::DAY_MS;
    // This laptop's bundles, with when each was made and whether all have seen it.
    let mut own: Vec<(PathBuf, crate::model::Timestamp, bool)> = Vec::new();
    for path in bundle_files(folder).unwrap_or_default() {
        let Ok(bytes) = read_bundle_file(&path) else {
            done.kept += 1;
            continue;
        };
        let mine = !super::handoff::is_handoff(&bytes)
            && bundle::sender_of(&bytes).is_ok_and(|s| s == me.origin());
        let header = mine
            .then(|| {
                bundle::open(&bytes, me, trusted)
                    .ok()
                    .and_then(|plain| bundle::read(&plain, trusted).ok().map(|b| b.header))
            })
            .flatten();
        match header {
            Some(h) => own.push((path, h.made_at, seen(&h.watermarks))),
            None => done.kept += 1,
        }
    }
    let newest = own.iter().map(|(_, made, _)| *made).max();
    for (path, made, seen) in own {
        let old_enough = now.0.saturating_sub(made.0) >= min_age_ms;
        if !seen || !old_enough || Some(made) == newest {
            done.kept += 1;
            continue;
        }
        match std::fs::remove_file(&path) {
            Ok(()) => done.removed.push(path),
            Err(e) => {
                done.kept += 1;
                done.failed.push((path, e));
            }
        }
    }
    Ok(done)
}
