//! `daleel sync export|import|status`: bundles (and partner hand-offs) carried between
//! laptops on USB drives.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::{Failure, shown};
use crate::workspace::Workspace;

#[derive(Debug, Args)]
pub struct SyncArgs {
    #[command(subcommand)]
    command: SyncCommand,
}

#[derive(Debug, Subcommand)]
enum SyncCommand {
    /// Write one bundle file into a folder (the USB drive) with this laptop's changes.
    /// Prints the bundle's path on stdout.
    Export(ExportArgs),
    /// Import bundle files, or every bundle in a folder. Each is checked whole first;
    /// files are never changed or deleted.
    Import(ImportArgs),
    /// What this laptop holds from each device, who it trusts, and its state digest.
    Status(StatusArgs),
}

#[derive(Debug, Args)]
struct ExportArgs {
    /// The folder to write into.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Everything this laptop holds, not only what the team is not known to have.
    #[arg(long)]
    all: bool,
    /// A hand-off for a partner agency's certified devices instead: the referrals
    /// addressed to it, what each household consented to disclose, and the service
    /// directory (a coordinator's laptop only).
    #[arg(long, value_name = "ORG", conflicts_with = "all")]
    for_org: Option<String>,
}

#[derive(Debug, Args)]
struct ImportArgs {
    /// Bundle files or folders.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
struct StatusArgs {
    /// Print one JSON object on stdout.
    #[arg(long)]
    json: bool,
}

pub fn run(ws: &Workspace, args: &SyncArgs) -> Result<(), Failure> {
    match &args.command {
        SyncCommand::Export(ExportArgs {
            out,
            for_org: Some(org),
            ..
        }) => export_handoff(ws, out, org),
        SyncCommand::Export(ExportArgs { out, all, .. }) => export_bundle(ws, out, *all),
        SyncCommand::Import(a) => import_bundles(ws, &a.paths),
        SyncCommand::Status(a) => status(ws, a.json),
    }
}

fn export_bundle(ws: &Workspace, dir: &Path, all: bool) -> Result<(), Failure> {
    super::out_folder(dir)?;
    let summary = crate::sync::export::export(&ws.store, &ws.identity, dir, all)?;
    tracing::info!(
        changes = summary.changes,
        segments = summary.segments,
        bytes = summary.bytes,
        "bundle exported"
    );
    println!("{}", summary.path.display());
    if let Some(second) = &summary.sensitive_path {
        println!("{}", second.display());
        eprintln!(
            "Wrote a second file, {}, with the GBV and child protection cases, for the laptops certified for them only.",
            second.display()
        );
    }
    eprintln!(
        "Wrote {} changes in {} signed segments ({} KiB) from {} to {}.",
        super::thousands(summary.changes),
        summary.segments,
        summary.bytes.div_ceil(1024),
        ws.identity.code(),
        summary.path.display()
    );
    Ok(())
}

fn export_handoff(ws: &Workspace, dir: &Path, org: &str) -> Result<(), Failure> {
    super::out_folder(dir)?;
    let s = crate::sync::handoff::export_for_org(&ws.store, &ws.identity, org, dir)?;
    tracing::info!(
        referrals = s.referrals,
        bytes = s.bytes,
        "hand-off exported"
    );
    println!("{}", s.path.display());
    eprintln!(
        "Wrote a hand-off for {} ({} partner devices): {} referrals of {} households, with only what each household consented to disclose, and the service directory.",
        s.org, s.devices, s.referrals, s.households
    );
    if s.sensitive_left_out > 0 {
        eprintln!(
            "Left out {} GBV or child protection referrals: not every device of {} is certified for sensitive cases.",
            s.sensitive_left_out, s.org
        );
    }
    Ok(())
}

fn import_bundles(ws: &Workspace, paths: &[PathBuf]) -> Result<(), Failure> {
    let mut refused = 0;
    let mut files = Vec::new();
    for p in paths {
        match crate::sync::import::bundle_files(p) {
            Ok(f) => files.extend(f),
            Err(e) => {
                eprintln!("daleel: {}: cannot read the folder: {e}", p.display());
                refused += 1;
            }
        }
    }
    if files.is_empty() && refused == 0 {
        return Err(Failure(
            "no bundle files found there (they end in .bundle)".into(),
        ));
    }
    use crate::sync::import::Outcome;
    for (file, outcome) in crate::sync::import::import_all(&ws.store, &files, &ws.identity, |_| {})
    {
        let shown = crate::disk::shown(&file);
        match outcome {
            Outcome::Imported(s) if s.handed_off.is_some() => {
                println!(
                    "{shown}: hand-off from {} ({}): {} referrals for this organization",
                    s.sender_code,
                    s.sender_fingerprint,
                    s.handed_off.unwrap_or(0)
                );
            }
            Outcome::Imported(s) => {
                tracing::info!(
                    new = s.new,
                    known = s.known,
                    parked = s.parked,
                    "bundle imported"
                );
                println!(
                    "{shown}: from {} ({}): {} new, {} already known, {} parked, {} conflicts open",
                    s.sender_code, s.sender_fingerprint, s.new, s.known, s.parked, s.conflicts
                );
                if s.statements > 0 {
                    println!(
                        "{shown}: learned {} team statements (certificates, revocations)",
                        s.statements
                    );
                }
                if s.forked > 0 {
                    println!(
                        "{shown}: {} changes refused as a fork: a second, different version of changes this laptop holds, signed under the same laptop's identity (its data folder was copied; see the Queue and docs/recovery.md)",
                        s.forked
                    );
                }
                if s.beyond_role + s.revoked > 0 {
                    println!(
                        "{shown}: {} changes kept with no effect: {} beyond their device's role, {} after a revocation (daleel team changes)",
                        s.beyond_role + s.revoked,
                        s.beyond_role,
                        s.revoked
                    );
                }
                for (code, fp, n) in &s.skipped {
                    println!("{shown}: skipped {n} changes of {code} ({fp}): not trusted here");
                }
            }
            Outcome::LeftOnDrive(e) => {
                println!("{shown}: for other laptops, left on the drive ({e})");
            }
            Outcome::Skipped(e) => {
                refused += 1;
                eprintln!("daleel: {shown}: {e}");
            }
            Outcome::Refused(e) => {
                refused += 1;
                eprintln!("daleel: {shown}: refused: {e}; nothing from it was used");
            }
        }
    }
    if refused > 0 {
        return Err(Failure(format!(
            "{refused} refused or skipped (see above); the others were imported"
        )));
    }
    Ok(())
}

fn status(ws: &Workspace, json: bool) -> Result<(), Failure> {
    use crate::sync::identity::{device_code, fingerprint};
    let held = ws.store.watermarks()?;
    let parked = ws.store.parked()?;
    let trusted = ws.store.trusted()?;
    let digest: String = ws
        .store
        .state_digest()?
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let mut origins: Vec<serde_json::Value> = Vec::new();
    let mut all: std::collections::BTreeSet<_> = held.keys().copied().collect();
    all.extend(parked.keys().copied());
    for origin in all {
        origins.push(serde_json::json!({
            "code": device_code(origin),
            "fingerprint": fingerprint(origin),
            "held": held.get(&origin).copied().unwrap_or(0),
            "parked": parked.get(&origin).cloned().unwrap_or_default(),
            "this_device": origin == ws.identity.origin(),
        }));
    }
    let trusted_json: Vec<serde_json::Value> = trusted
        .iter()
        .map(|d| serde_json::json!({"name": d.name, "code": d.code(), "fingerprint": d.fingerprint()}))
        .collect();
    let forks: Vec<serde_json::Value> = ws
        .store
        .forks()?
        .iter()
        .map(|f| {
            serde_json::json!({
                "code": f.code(),
                "fingerprint": fingerprint(f.origin),
                "seq": f.seq,
                "via": f.sender_code(),
                "refused": f.refused,
            })
        })
        .collect();
    if json {
        println!(
            "{}",
            serde_json::json!({"origins": origins, "trusted": trusted_json, "forks": forks, "state_digest": digest})
        );
        return Ok(());
    }
    println!("Held, per device (highest change without a gap):");
    for o in &origins {
        let gap = o["parked"].as_array().map(|a| a.len()).unwrap_or(0);
        let parked = if gap > 0 {
            format!(", {gap} parked after a gap")
        } else {
            String::new()
        };
        println!(
            "  {} ({})  {}{parked}",
            o["code"].as_str().unwrap_or(""),
            o["fingerprint"].as_str().unwrap_or(""),
            o["held"]
        );
    }
    println!("Trusted devices: {}", trusted.len());
    for d in &trusted {
        println!("  {} ({})  {}", d.code(), d.fingerprint(), shown(&d.name));
    }
    if !forks.is_empty() {
        println!("Forks (two different changes under one laptop's identity; docs/recovery.md):");
        for f in &forks {
            println!(
                "  {} change {}: a second version via {}, not applied ({} changes)",
                f["code"].as_str().unwrap_or(""),
                f["seq"],
                f["via"].as_str().unwrap_or(""),
                f["refused"]
            );
        }
    }
    println!("State digest: {digest}");
    Ok(())
}
