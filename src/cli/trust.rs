//! `daleel trust add|list|remove`: the devices whose changes this laptop accepts.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::{Failure, confirm, shown};
use crate::sync::card::{CARD_MAX_BYTES, Card};
use crate::workspace::Workspace;

#[derive(Debug, Args)]
pub struct TrustArgs {
    #[command(subcommand)]
    command: TrustCommand,
}

#[derive(Debug, Subcommand)]
enum TrustCommand {
    /// Trust the device of an identity card, after comparing its fingerprint with its owner.
    Add(AddArgs),
    /// List the trusted devices.
    List(ListArgs),
    /// Stop trusting a device.
    Remove(RemoveArgs),
}

#[derive(Debug, Args)]
struct AddArgs {
    /// The card file.
    card: PathBuf,
    /// Do not ask (for scripts): the fingerprint was checked another way.
    #[arg(long)]
    yes: bool,
}

#[derive(Debug, Args)]
struct ListArgs {
    /// Print one JSON array on stdout.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct RemoveArgs {
    /// Its fingerprint, as `daleel trust list` shows it.
    fingerprint: String,
    /// Do not ask (for scripts).
    #[arg(long)]
    yes: bool,
}

pub fn run(ws: &Workspace, args: &TrustArgs) -> Result<(), Failure> {
    match &args.command {
        TrustCommand::Add(a) => add(ws, a),
        TrustCommand::List(a) => list(ws, a),
        TrustCommand::Remove(a) => remove(ws, a),
    }
}

fn read_card(path: &Path) -> Result<Card, Failure> {
    let shown = path.display();
    let bytes = crate::disk::read_regular(path, CARD_MAX_BYTES).map_err(|e| {
        if e.kind() == std::io::ErrorKind::InvalidData {
            Failure(format!(
                "{shown} is not an identity card: it is far larger than one"
            ))
        } else {
            Failure(format!("cannot read {shown}: {e}"))
        }
    })?;
    Card::read(&bytes).map_err(|e| Failure(format!("{shown}: {e}; nothing was changed")))
}

fn add(ws: &Workspace, args: &AddArgs) -> Result<(), Failure> {
    let card = read_card(&args.card)?;
    let name = if card.name.is_empty() {
        "(no name)".into()
    } else {
        shown(&card.name)
    };
    eprintln!("Device:      {name}");
    eprintln!("Code:        {}", card.code());
    eprintln!("Fingerprint: {}", card.fingerprint());
    confirm(
        &format!(
            "Trust {} ({})? Compare the fingerprint with the laptop's owner first.",
            card.code(),
            card.fingerprint()
        ),
        args.yes,
    )?;
    let new = ws.store.trust(&card)?;
    tracing::info!(code = %card.code(), "device trusted");
    if new {
        eprintln!("Now trusted: {} ({}).", card.code(), card.fingerprint());
    } else {
        eprintln!(
            "{} ({}) was trusted already.",
            card.code(),
            card.fingerprint()
        );
    }
    Ok(())
}

fn list(ws: &Workspace, args: &ListArgs) -> Result<(), Failure> {
    let trusted = ws.store.trusted()?;
    if args.json {
        let list: Vec<serde_json::Value> = trusted
            .iter()
            .map(|d| {
                serde_json::json!({
                    "name": d.name,
                    "code": d.code(),
                    "fingerprint": d.fingerprint(),
                    "added": d.added_at.rfc3339(),
                })
            })
            .collect();
        println!("{}", serde_json::Value::Array(list));
        return Ok(());
    }
    if trusted.is_empty() {
        eprintln!(
            "No device is trusted yet: import another laptop's card with daleel trust add CARD."
        );
    }
    for d in &trusted {
        println!("{}  {}  {}", d.code(), d.fingerprint(), shown(&d.name));
    }
    Ok(())
}

fn remove(ws: &Workspace, args: &RemoveArgs) -> Result<(), Failure> {
    let fingerprint = args.fingerprint.as_str();
    let device = ws
        .store
        .trusted_by_fingerprint(fingerprint)?
        .ok_or_else(|| {
            Failure(format!(
                "no trusted device has the fingerprint {fingerprint}: see daleel trust list"
            ))
        })?;
    confirm(
        &format!(
            "Stop trusting {} ({})? Its changes that arrive later will be skipped.",
            device.code(),
            device.fingerprint()
        ),
        args.yes,
    )?;
    ws.store.untrust(fingerprint)?;
    eprintln!(
        "No longer trusted: {} ({}).",
        device.code(),
        device.fingerprint()
    );
    Ok(())
}
