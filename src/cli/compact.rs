//! `daleel compact`: the database written again compactly (issue 20, item 2). sled keeps
//! the old versions of what it rewrote until it reuses their space, so a database that
//! took in a governorate's bundles holds several times its data (`daleel stats --disk`
//! shows how much). Compacting copies every value into a fresh folder, as a re-key does
//! (with a new data key on the way), switches it in crash-safe and deletes the old
//! files. Never done by default: it takes a while on a large database, and needs room
//! for the copy beside the original.

use clap::Args;

use super::{Failure, tell};
use crate::i18n::Arg;
use crate::workspace::{Rekey, Workspace};

#[derive(Debug, Args)]
pub struct CompactArgs {}

pub fn run(ws: Workspace, _args: &CompactArgs) -> Result<(), Failure> {
    let before = ws.store.size_on_disk()?;
    let ws = super::workers::rekey(ws, &Rekey::Compact)?;
    let after = ws.store.size_on_disk()?;
    let mib = |b: u64| format!("{:.1}", b as f64 / (1u64 << 20) as f64);
    tell(
        "cli-compacted",
        &[
            ("before", Arg::Str(&mib(before))),
            ("after", Arg::Str(&mib(after))),
        ],
    );
    Ok(())
}
