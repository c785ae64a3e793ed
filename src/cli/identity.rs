//! `daleel identity`: this laptop's name, device code and fingerprint; its identity card
//! and its age identity file.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::{Failure, tell, write_atomic};
use crate::i18n::{Arg, t};
use crate::sync::card::Card;
use crate::workspace::Workspace;

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct IdentityArgs {
    /// Print one JSON object on stdout.
    #[arg(long)]
    json: bool,
    /// Set the device's name (for example "CRC Mosul laptop 3").
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    #[command(subcommand)]
    command: Option<IdentityCommand>,
}

#[derive(Debug, Subcommand)]
enum IdentityCommand {
    /// Write this laptop's identity card (name, device code, public key) for another
    /// laptop to trust.
    Export(ExportArgs),
    /// Write this laptop's age identity file (the secret key bundles sent to it are
    /// encrypted to), for field support to open a bundle with the age tool
    /// (docs/bundle-format.md). Keep the file as safe as the laptop; delete it after use.
    AgeKey(AgeKeyArgs),
}

#[derive(Debug, Args)]
struct ExportArgs {
    /// The card file to write, or a folder to write `daleel-CODE.card` into.
    #[arg(long, value_name = "PATH")]
    out: PathBuf,
}

#[derive(Debug, Args)]
struct AgeKeyArgs {
    /// The file to write (readable by its owner only).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

pub fn run(ws: &Workspace, args: &IdentityArgs) -> Result<(), Failure> {
    match &args.command {
        Some(IdentityCommand::Export(a)) => export_card(ws, &a.out),
        Some(IdentityCommand::AgeKey(a)) => export_age_key(ws, &a.out),
        None => show(ws, args.json, args.name.as_deref()),
    }
}

/// `daleel identity [--json] [--name NAME]`.
fn show(ws: &Workspace, json: bool, name: Option<&str>) -> Result<(), Failure> {
    if let Some(name) = name {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 60 {
            return Err(Failure::of("cli-identity-name-length", &[]));
        }
        ws.store.set_device_name(name)?;
    }
    let device_name = ws.store.device_name()?;
    if json {
        let out = serde_json::json!({
            "name": device_name,
            "code": ws.identity.code(),
            "fingerprint": ws.identity.fingerprint(),
        });
        println!("{out}");
    } else {
        let shown = if device_name.is_empty() {
            t("cli-identity-no-name")
        } else {
            super::shown(&device_name).into_owned()
        };
        let rows = [
            (t("cli-identity-name"), shown),
            (t("cli-identity-code"), ws.identity.code()),
            (t("cli-identity-fingerprint"), ws.identity.fingerprint()),
        ];
        super::print_labelled(super::out::Stream::Out, &rows, 2);
    }
    Ok(())
}

/// `daleel identity export --out PATH`.
fn export_card(ws: &Workspace, out: &Path) -> Result<(), Failure> {
    let code = ws.identity.code();
    let path = super::out_file(out, &format!("daleel-{code}.card"), &["card"])?;
    let name = ws.store.device_name()?;
    let bytes = Card::write(&ws.identity, &name, ws.store.now())?;
    write_atomic(&path, &bytes)?;
    tracing::info!(code = %code, "identity card written");
    println!("{}", crate::disk::shown(&path));
    tell(
        "cli-identity-card-written",
        &[
            ("code", Arg::Str(&code)),
            ("fingerprint", Arg::Str(&ws.identity.fingerprint())),
        ],
    );
    Ok(())
}

/// `daleel identity age-key --out FILE`.
fn export_age_key(ws: &Workspace, out: &Path) -> Result<(), Failure> {
    let out = &super::out_file(
        out,
        &format!("daleel-{}-age-identity.txt", ws.identity.code()),
        &["txt", "key", "age"],
    )?;
    let secret = {
        use age::secrecy::ExposeSecret;
        let key = ws.identity.age_identity().to_string();
        let mut text = key.expose_secret().to_string();
        text.push('\n');
        zeroize::Zeroizing::new(text)
    };
    crate::disk::write_whole(out, secret.as_bytes(), crate::disk::Access::Owner).map_err(|e| {
        Failure::of(
            "cli-write-failed",
            &[
                ("file", Arg::Str(&crate::disk::shown(out))),
                ("error", Arg::Str(&super::Said::said(&e))),
            ],
        )
    })?;
    tracing::warn!("age identity file written");
    ws.store.audit(
        crate::store::audit::AuditAction::AgeKey,
        None,
        &out.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        1,
    )?;
    println!("{}", crate::disk::shown(out));
    tell(
        "cli-identity-age-key-written",
        &[("code", Arg::Str(&ws.identity.code()))],
    );
    Ok(())
}
