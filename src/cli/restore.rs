//! `daleel restore`: a database rebuilt from a backup, under a new device identity
//! (docs/recovery.md).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::Args;

use super::{Cli, Failure, confirm, tell, tell_out, thousands};
use crate::i18n::{Arg, t, tr};
use crate::workspace::{Credentials, Workspace};

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup file (.dlbk).
    file: PathBuf,
    /// Do not ask for confirmation.
    #[arg(long)]
    yes: bool,
}

/// `daleel restore FILE [--yes]`: runs before the data directory is opened (its database
/// may be the one that will not open).
pub fn run(cli: &Cli, dir: &Path, args: &RestoreArgs) -> Result<(), Failure> {
    let file = args.file.as_path();
    let reader = crate::backup::Reader::open(file)?;
    let made = reader.header.made_at.to_utc().format("%Y-%m-%d %H:%M UTC");
    let old = reader.header.device.clone();
    drop(reader);
    let existing = dir.join(crate::workspace::DB_DIR).exists();
    let made = made.to_string();
    tell(
        "cli-restore-backup-of",
        &[("device", Arg::Str(&old)), ("made", Arg::Str(&made))],
    );
    if existing {
        confirm(
            &tr(
                "cli-restore-confirm",
                &[("folder", Arg::Str(&crate::disk::shown(dir)))],
            ),
            args.yes,
        )?;
    }
    let mut credentials = Credentials::from_env();
    super::given_credentials(cli, &mut credentials)?;
    if credentials.passphrase.is_none() {
        if !super::on_terminal() {
            return Err(Failure::of("cli-restore-needs-passphrase", &[]));
        }
        credentials.passphrase = Some(super::ask::secret(&format!(
            "{} ",
            t("cli-restore-passphrase")
        ))?);
    }
    let terminal = std::io::stderr().is_terminal();
    let progress = |n: u64| {
        if terminal {
            eprint!(
                "\r{}",
                tr(
                    "cli-restore-progress",
                    &[("count", Arg::Str(&thousands(n)))]
                )
            );
        }
    };
    let result = Workspace::restore(dir, file, clock(), &credentials, progress);
    if terminal {
        eprintln!();
    }
    let (ws, summary) = match result {
        Err(crate::workspace::WorkspaceError::Keyring(
            crate::keyring::KeyringError::WhichWorker,
        )) if super::on_terminal() => {
            credentials.worker = Some(super::ask::line(&format!("{} ", t("startup-name")))?);
            Workspace::restore(dir, file, clock(), &credentials, |_| {})?
        }
        other => other?,
    };
    let [households, needs, referrals] = summary.records;
    tell_out(
        "cli-restored",
        &[
            ("device", Arg::Str(&summary.old_device)),
            ("made", Arg::Str(&made)),
            ("households", Arg::Str(&thousands(households))),
            ("needs", Arg::Str(&thousands(needs))),
            ("referrals", Arg::Str(&thousands(referrals))),
        ],
    );
    if let Some(kept) = &summary.kept {
        tell_out(
            "cli-restore-kept",
            &[("folder", Arg::Str(&crate::disk::shown(kept)))],
        );
    }
    tell_out(
        "cli-restore-new-identity",
        &[
            ("code", Arg::Str(&ws.identity.code())),
            ("fingerprint", Arg::Str(&ws.identity.fingerprint())),
            ("old", Arg::Str(&summary.old_device)),
        ],
    );
    let problems = ws.store.check()?;
    if problems.is_empty() {
        tell_out("cli-restore-whole", &[]);
    } else {
        for p in &problems {
            tell_out("cli-check-problem", &[("problem", Arg::Str(p))]);
        }
    }
    let policy = ws.store.policy();
    match (ws.store.team()?, policy.member(ws.identity.origin())) {
        (Some(team), Some(_)) => tell_out(
            "cli-restore-team-certified",
            &[("team", Arg::Str(&super::shown(&team.name)))],
        ),
        (Some(team), None) => tell_out(
            "cli-restore-team-request",
            &[("team", Arg::Str(&super::shown(&team.name)))],
        ),
        (None, _) => {}
    }
    if !ws.store.trusted()?.is_empty() {
        tell_out("cli-restore-trust-again", &[]);
    }
    tell_out(
        "cli-restore-then",
        &[(
            "fingerprint",
            Arg::Str(&crate::sync::identity::fingerprint(summary.old_origin)),
        )],
    );
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Failure::of(
            "cli-restore-problems",
            &[("count", Arg::Num(problems.len() as i64))],
        ))
    }
}

fn clock() -> std::sync::Arc<dyn crate::store::WallClock> {
    std::sync::Arc::new(crate::store::SystemClock)
}
