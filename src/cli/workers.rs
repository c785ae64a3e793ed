//! `daleel workers`: who can open this laptop's database, each with their own passphrase.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use zeroize::Zeroizing;

use super::{Failure, ask, confirm, read_passphrase_file, tell};
use crate::i18n::{Arg, t, tr};
use crate::keyring::MIN_PASSPHRASE;
use crate::workspace::{Rekey, Workspace};

#[derive(Debug, Args)]
pub struct WorkersArgs {
    #[command(subcommand)]
    command: WorkersCommand,
}

#[derive(Debug, Subcommand)]
enum WorkersCommand {
    /// The workers of this laptop.
    List(ListArgs),
    /// Let another worker open Daleel here with their own passphrase (asked on the
    /// terminal, or --new-passphrase-file).
    Add(AddArgs),
    /// Take workers' passphrases away (not yourself, not the last worker): the
    /// database is encrypted again under a new key, and the files under the old one are
    /// deleted.
    Remove(RemoveArgs),
    /// Set a worker's passphrase: the database is encrypted again under a new key, and
    /// the files under the old one are deleted.
    Passphrase(PassphraseArgs),
}

#[derive(Debug, Args)]
struct ListArgs {
    /// Print one JSON array on stdout.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct AddArgs {
    name: String,
    /// A file holding the new worker's passphrase (its trailing newline is not part
    /// of it).
    #[arg(long, value_name = "FILE")]
    new_passphrase_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct RemoveArgs {
    #[arg(required = true, value_name = "NAME")]
    names: Vec<String>,
    /// Do not ask for confirmation.
    #[arg(long)]
    yes: bool,
}

#[derive(Debug, Args)]
struct PassphraseArgs {
    name: String,
    /// A file holding the new passphrase (its trailing newline is not part of it).
    #[arg(long, value_name = "FILE")]
    new_passphrase_file: Option<PathBuf>,
}

/// Removing a worker and setting a passphrase re-key the database, which takes the
/// workspace.
pub fn run(ws: Workspace, args: &WorkersArgs) -> Result<(), Failure> {
    match &args.command {
        WorkersCommand::List(a) => list(&ws, a),
        WorkersCommand::Add(a) => add(&ws, a),
        WorkersCommand::Remove(a) => remove(ws, a),
        WorkersCommand::Passphrase(a) => passphrase(ws, a),
    }
}

/// A new passphrase: from `--new-passphrase-file`, or typed twice on the terminal.
pub(super) fn new_passphrase(
    file: Option<&Path>,
    whose: &str,
) -> Result<Zeroizing<String>, Failure> {
    if let Some(file) = file {
        return read_passphrase_file(file);
    }
    if !super::on_terminal() {
        return Err(Failure::of("cli-new-passphrase-no-terminal", &[]));
    }
    tell(
        "cli-new-passphrase-of",
        &[
            ("whose", Arg::Str(whose)),
            ("min", Arg::Num(MIN_PASSPHRASE as i64)),
        ],
    );
    loop {
        let first = ask::secret(&format!("{} ", t("cli-new-passphrase")))?;
        if let Err(weak) = crate::keyring::check_passphrase(whose, &first) {
            eprintln!("{}", weak.message());
            continue;
        }
        let again = ask::secret(&format!("{} ", t("cli-new-passphrase-again")))?;
        if *first == *again {
            return Ok(first);
        }
        tell("startup-passphrases-differ", &[]);
    }
}

fn list(ws: &Workspace, args: &ListArgs) -> Result<(), Failure> {
    let workers = ws.workers()?;
    let current = ws.store.current_worker()?;
    if args.json {
        let rows: Vec<serde_json::Value> = workers
            .iter()
            .map(|w| {
                serde_json::json!({
                    "name": w,
                    "current": current.as_deref() == Some(w.as_str()),
                })
            })
            .collect();
        println!("{}", serde_json::Value::Array(rows));
        return Ok(());
    }
    for w in &workers {
        let mark = if current.as_deref() == Some(w.as_str()) {
            format!("  {}", t("cli-workers-current"))
        } else {
            String::new()
        };
        println!("{}{mark}", super::shown(w));
    }
    Ok(())
}

fn add(ws: &Workspace, args: &AddArgs) -> Result<(), Failure> {
    let name = args.name.as_str();
    let passphrase = new_passphrase(args.new_passphrase_file.as_deref(), name)?;
    ws.add_worker(name, &passphrase)?;
    tell("cli-workers-added", &[("name", Arg::Str(name))]);
    Ok(())
}

fn remove(ws: Workspace, args: &RemoveArgs) -> Result<(), Failure> {
    let names = &args.names;
    let workers = ws.workers()?;
    for name in names {
        if !workers
            .iter()
            .any(|w| crate::keyring::fold_name(w) == crate::keyring::fold_name(name))
        {
            return Err(Failure::of(
                "cli-workers-no-such",
                &[("name", Arg::Str(name))],
            ));
        }
    }
    let list = names.join(&t("list-separator"));
    let names_arg = [("names", Arg::Str(&list))];
    confirm(&tr("cli-workers-remove-confirm", &names_arg), args.yes)?;
    rekey(ws, &Rekey::Remove(names.to_vec()))?;
    tell("cli-workers-removed", &names_arg);
    Ok(())
}

fn passphrase(ws: Workspace, args: &PassphraseArgs) -> Result<(), Failure> {
    let name = args.name.as_str();
    let passphrase = new_passphrase(args.new_passphrase_file.as_deref(), name)?;
    let change = Rekey::Passphrase {
        name: name.to_string(),
        passphrase,
    };
    rekey(ws, &change)?;
    tell("cli-workers-passphrase-set", &[("name", Arg::Str(name))]);
    Ok(())
}

/// Re-keys the database for `change`, with a text gauge on the terminal (a line at the
/// end for a script). Names the databases a restore kept aside in the data directory:
/// they are not re-keyed, and still open with the passphrases of then.
pub(super) fn rekey(ws: Workspace, change: &Rekey) -> Result<Workspace, Failure> {
    let kept: Vec<String> = std::fs::read_dir(&ws.dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with("before-restore-"))
                .collect()
        })
        .unwrap_or_default();
    let ws = rekey_with_gauge(ws, change)?;
    for folder in kept {
        tell(
            "cli-workers-kept-aside",
            &[(
                "folder",
                Arg::Str(&crate::disk::shown(&ws.dir.join(folder))),
            )],
        );
    }
    Ok(ws)
}

fn rekey_with_gauge(ws: Workspace, change: &Rekey) -> Result<Workspace, Failure> {
    let terminal = std::io::stderr().is_terminal();
    let mut finished = false;
    ws.rekey(change, |done, all| {
        if finished {
            return;
        }
        finished = done >= all;
        if !terminal {
            if finished {
                tell("cli-rekeyed", &[("all", Arg::Num(all as i64))]);
            }
            return;
        }
        let width = 30;
        let filled = (done * width).checked_div(all).unwrap_or(width).min(width);
        eprint!(
            "\r{}",
            tr(
                "cli-rekeying",
                &[
                    (
                        "gauge",
                        Arg::Str(&format!(
                            "[{}{}]",
                            "#".repeat(filled as usize),
                            ".".repeat((width - filled) as usize)
                        ))
                    ),
                    ("done", Arg::Num(done as i64)),
                    ("all", Arg::Num(all as i64)),
                ],
            )
        );
        if finished {
            eprintln!();
        }
    })
    .map_err(|n| Failure::from(n.error))
}
