//! `daleel backup`: one encrypted backup file of this laptop's database
//! (docs/recovery.md).

use std::path::PathBuf;

use clap::Args;

use super::{Failure, tell_out, thousands};
use crate::i18n::Arg;
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
    tell_out(
        if summary.team_key {
            "cli-backup-written-team-key"
        } else {
            "cli-backup-written"
        },
        &[
            ("file", Arg::Str(&crate::disk::shown(&summary.path))),
            ("bytes", Arg::Str(&thousands(summary.bytes))),
            ("households", Arg::Str(&thousands(households))),
            ("needs", Arg::Str(&thousands(needs))),
            ("referrals", Arg::Str(&thousands(referrals))),
        ],
    );
    tell_out("cli-backup-keep", &[]);
    Ok(())
}
