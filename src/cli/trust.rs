//! `daleel trust add|list|remove`: the devices whose changes this laptop accepts.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::{Failure, confirm, shown, tell};
use crate::i18n::{Arg, tr};
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
    let shown = crate::disk::shown(path);
    let bytes = crate::disk::read_regular(path, CARD_MAX_BYTES).map_err(|e| {
        if e.kind() == std::io::ErrorKind::InvalidData {
            Failure::of("cli-card-too-large", &[("file", Arg::Str(&shown))])
        } else {
            super::cannot_read(&shown, &e)
        }
    })?;
    Card::read(&bytes).map_err(|e| super::refused(&shown, &e))
}

fn add(ws: &Workspace, args: &AddArgs) -> Result<(), Failure> {
    let card = read_card(&args.card)?;
    super::print_card(&card);
    let (code, fingerprint) = (card.code(), card.fingerprint());
    let device = [
        ("code", Arg::Str(&code)),
        ("fingerprint", Arg::Str(&fingerprint)),
    ];
    confirm(&tr("cli-trust-confirm", &device), args.yes)?;
    let new = ws.store.trust(&card)?;
    tracing::info!(code = %card.code(), "device trusted");
    tell(
        if new {
            "cli-trust-added"
        } else {
            "cli-trust-already"
        },
        &device,
    );
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
        tell("cli-trust-none", &[]);
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
            Failure::of(
                "cli-trust-no-such",
                &[("fingerprint", Arg::Str(fingerprint))],
            )
        })?;
    let (code, fingerprint) = (device.code(), device.fingerprint());
    let device = [
        ("code", Arg::Str(&code)),
        ("fingerprint", Arg::Str(&fingerprint)),
    ];
    confirm(&tr("cli-untrust-confirm", &device), args.yes)?;
    ws.store.untrust(&args.fingerprint)?;
    tell("cli-untrusted", &device);
    Ok(())
}
