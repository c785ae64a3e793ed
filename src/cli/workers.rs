//! `daleel workers`: who can open this laptop's database, each with their own passphrase.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use zeroize::Zeroizing;

use super::{Failure, ask, confirm, read_passphrase_file};
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
        return Err(Failure(
            "no terminal to type the new passphrase on: give it with --new-passphrase-file FILE"
                .into(),
        ));
    }
    eprintln!(
        "The new passphrase of {whose} (at least {MIN_PASSPHRASE} characters, not easy to guess, not shown):"
    );
    loop {
        let first = ask::secret("New passphrase: ")?;
        if let Err(weak) = crate::keyring::check_passphrase(whose, &first) {
            eprintln!("{}", weak.message());
            continue;
        }
        let again = ask::secret("The same again: ")?;
        if *first == *again {
            return Ok(first);
        }
        eprintln!("The two passphrases differ: try again.");
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
            "  (working now)"
        } else {
            ""
        };
        println!("{}{mark}", super::shown(w));
    }
    Ok(())
}

fn add(ws: &Workspace, args: &AddArgs) -> Result<(), Failure> {
    let name = args.name.as_str();
    let passphrase = new_passphrase(args.new_passphrase_file.as_deref(), name)?;
    ws.add_worker(name, &passphrase)?;
    eprintln!("{name} can now open Daleel on this laptop with their own passphrase.");
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
            return Err(Failure(format!(
                "{name} is not a worker on this laptop: see daleel workers list"
            )));
        }
    }
    let list = names.join(", ");
    confirm(
        &format!(
            "Remove {list}? Their passphrase will no longer open Daleel here (the changes they made keep their name). The database is encrypted again under a new key, which takes a while on a large caseload."
        ),
        args.yes,
    )?;
    rekey(ws, &Rekey::Remove(names.to_vec()))?;
    eprintln!(
        "Removed: {list} can no longer open Daleel on this laptop. The database is encrypted under a new key and the files under the old one are deleted; a copy or a backup made before now still opens with their passphrase."
    );
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
    eprintln!(
        "The passphrase of {name} is changed, and the database is encrypted under a new key: the old passphrase opens nothing in this data directory (a copy or a backup made before now still opens with it)."
    );
    Ok(())
}

/// Re-keys the database for `change`, with a text gauge on the terminal (a line at the
/// end for a script). Names the databases a restore kept aside in the data directory:
/// they are not re-keyed, and still open with the passphrases of then.
fn rekey(ws: Workspace, change: &Rekey) -> Result<Workspace, Failure> {
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
        eprintln!(
            "Note: {} holds the database a restore replaced; it is not re-keyed and still opens with the passphrases of then: delete it once you no longer need it.",
            ws.dir.join(folder).display()
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
                eprintln!("Re-keyed the database: {all} values.");
            }
            return;
        }
        let width = 30;
        let filled = (done * width).checked_div(all).unwrap_or(width).min(width);
        eprint!(
            "\rEncrypting the database under a new key: [{}{}] {done} of {all} values",
            "#".repeat(filled as usize),
            ".".repeat((width - filled) as usize)
        );
        if finished {
            eprintln!();
        }
    })
    .map_err(|n| Failure::from(n.error))
}
