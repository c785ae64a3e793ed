//! `daleel sync tidy FOLDER`: in a shared folder (a network share, a folder a sync tool
//! keeps alike between offices), bundles pile up, and each import reads them all again.
//! Tidying removes, on request only, the bundles every trusted laptop is known to have
//! seen: those whose changes every trusted laptop said it holds (in the bundles it sent),
//! and this laptop holds too. Anything it cannot judge is kept: a bundle for other
//! laptops only, a hand-off, a file that does not verify, one still being written.

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

/// Removes from `folder` the bundles every trusted laptop has seen.
pub fn tidy(store: &Store, me: &Identity, folder: &Path) -> Result<Tidied, StoreError> {
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
    for path in bundle_files(folder).unwrap_or_default() {
        let Ok(bytes) = read_bundle_file(&path) else {
            done.kept += 1;
            continue;
        };
        // This laptop's own bundles are sealed to it too: judged alike.
        let gone = if super::handoff::is_handoff(&bytes) {
            false
        } else {
            bundle::open(&bytes, me, trusted)
                .ok()
                .and_then(|plain| bundle::read(&plain, trusted).ok().map(|b| b.header))
                .is_some_and(|header| seen(&header.watermarks))
        };
        if !gone {
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
