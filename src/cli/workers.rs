//! `daleel workers`: who can open this laptop's database, each with their own passphrase.

use std::path::Path;

use zeroize::Zeroizing;

use super::{Failure, ask, confirm, read_passphrase_file};
use crate::keyring::MIN_PASSPHRASE;
use crate::workspace::Workspace;

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

pub fn list(ws: &Workspace, json: bool) -> Result<(), Failure> {
    let workers = ws.workers()?;
    let current = ws.store.current_worker()?;
    if json {
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
        println!("{w}{mark}");
    }
    Ok(())
}

pub fn add(ws: &Workspace, name: &str, file: Option<&Path>) -> Result<(), Failure> {
    let passphrase = new_passphrase(file, name)?;
    ws.add_worker(name, &passphrase)?;
    eprintln!("{name} can now open Daleel on this laptop with their own passphrase.");
    Ok(())
}

pub fn remove(ws: &Workspace, name: &str, yes: bool) -> Result<(), Failure> {
    if !ws
        .workers()?
        .iter()
        .any(|w| crate::keyring::fold_name(w) == crate::keyring::fold_name(name))
    {
        return Err(Failure(format!(
            "{name} is not a worker on this laptop: see daleel workers list"
        )));
    }
    confirm(
        &format!(
            "Remove {name}? Their passphrase will no longer open Daleel here (the changes they made keep their name)."
        ),
        yes,
    )?;
    ws.remove_worker(name)?;
    eprintln!("Removed: {name} can no longer open Daleel on this laptop.");
    Ok(())
}

pub fn passphrase(ws: &Workspace, name: &str, file: Option<&Path>) -> Result<(), Failure> {
    let passphrase = new_passphrase(file, name)?;
    ws.set_passphrase(name, &passphrase)?;
    eprintln!("The passphrase of {name} is changed; the old one no longer opens Daleel here.");
    Ok(())
}
