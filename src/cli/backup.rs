//! `daleel backup`: one encrypted backup file of this laptop's database
//! (docs/recovery.md).

use std::path::PathBuf;

use clap::Args;

use super::{Failure, thousands};
use crate::workspace::Workspace;

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The folder to write it in (a USB drive's, say).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

/// `daleel backup --out DIR`.
pub fn run(ws: &Workspace, args: &BackupArgs) -> Result<(), Failure> {
    let out = args.out.as_path();
    super::out_folder(out)?;
    let key = ws
        .data_key()
        .ok_or(crate::backup::BackupError::NotEncrypted)?;
    let team_key = ws.team().team_key()?;
    let summary =
        crate::backup::write(&ws.store, &ws.identity, key, team_key.as_ref(), out, |_| {})?;
    let [households, needs, referrals] = summary.records;
    println!(
        "Backed up: {} ({} bytes): {} households, {} needs, {} referrals{}.",
        summary.path.display(),
        thousands(summary.bytes),
        thousands(households),
        thousands(needs),
        thousands(referrals),
        if summary.team_key {
            ", and the team key"
        } else {
            ""
        }
    );
    println!(
        "Restoring it needs the passphrase of one of this laptop's workers. Keep it away from the laptop (a drive in a locked cabinet)."
    );
    Ok(())
}
