//! `daleel restore`: a database rebuilt from a backup, under a new device identity
//! (docs/recovery.md).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::Args;

use super::{Cli, Failure, confirm, thousands};
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
    eprintln!("Backup of laptop {old}, made {made}.");
    if existing {
        confirm(
            &format!(
                "Replace the database in {} with this backup? The database there now is kept aside, not deleted.",
                dir.display()
            ),
            args.yes,
        )?;
    }
    let mut credentials = Credentials::from_env();
    super::given_credentials(cli, &mut credentials)?;
    if credentials.passphrase.is_none() {
        if !super::on_terminal() {
            return Err(Failure(
                "restoring needs the passphrase of a worker of the laptop backed up: --passphrase-file FILE or DALEEL_PASSPHRASE (and --worker NAME when it had more than one)".into(),
            ));
        }
        credentials.passphrase = Some(super::ask::secret(
            "Passphrase of a worker of the laptop backed up: ",
        )?);
    }
    let terminal = std::io::stderr().is_terminal();
    let progress = |n: u64| {
        if terminal {
            eprint!("\rRestoring: {} entries", thousands(n));
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
            credentials.worker = Some(super::ask::line("Your name: ")?);
            Workspace::restore(dir, file, clock(), &credentials, |_| {})?
        }
        other => other?,
    };
    let [households, needs, referrals] = summary.records;
    println!(
        "Restored the backup of laptop {} made {made}: {} households, {} needs, {} referrals.",
        summary.old_device,
        thousands(households),
        thousands(needs),
        thousands(referrals)
    );
    if let Some(kept) = &summary.kept {
        println!(
            "The database that was here is kept in {}: delete that folder once the restored one is checked.",
            kept.display()
        );
    }
    println!(
        "This laptop has a new identity: code {}, fingerprint {}. (Its old one, {}, is never used again, so that no change number is given twice.)",
        ws.identity.code(),
        ws.identity.fingerprint(),
        summary.old_device
    );
    let problems = ws.store.check()?;
    if problems.is_empty() {
        println!(
            "The restored database is whole: indexes, change logs, records and the audit trail agree."
        );
    } else {
        for p in &problems {
            println!("problem: {p}");
        }
    }
    let policy = ws.store.policy();
    match (ws.store.team()?, policy.member(ws.identity.origin())) {
        (Some(team), Some(_)) => println!(
            "Team \"{}\": this laptop is certified as a coordinator with the team key from the backup.",
            team.name
        ),
        (Some(team), None) => println!(
            "Team \"{}\": this laptop needs a new certificate. Write a request (daleel team request --out DRIVE) and have a coordinator approve it.",
            team.name
        ),
        (None, _) => {}
    }
    if !ws.store.trusted()?.is_empty() {
        println!(
            "The laptops this one exchanged bundles with must trust its new identity: give them its card (daleel identity export --out DRIVE)."
        );
    }
    println!(
        "Then import the latest bundles from the other laptops: they bring back what changed after the backup. If the old laptop was lost or stolen, have a coordinator revoke it (daleel team revoke {}).",
        crate::sync::identity::fingerprint(summary.old_origin)
    );
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Failure(format!(
            "{} problems in the restored database (above): daleel check --repair recomputes what can be derived",
            problems.len()
        )))
    }
}

fn clock() -> std::sync::Arc<dyn crate::store::WallClock> {
    std::sync::Arc::new(crate::store::SystemClock)
}
