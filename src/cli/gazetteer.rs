//! `daleel gazetteer import FILE`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{Failure, tell};
use crate::i18n::Arg;
use crate::workspace::Workspace;

#[derive(Debug, Args)]
pub struct GazetteerArgs {
    #[command(subcommand)]
    command: GazetteerCommand,
}

#[derive(Debug, Subcommand)]
enum GazetteerCommand {
    /// Import districts or sub-districts from a COD-AB style CSV
    /// (adm2_pcode, adm2_en, adm2_ar, adm1_pcode; or adm3_pcode, adm3_en, adm3_ar, adm2_pcode).
    Import(ImportArgs),
}

#[derive(Debug, Args)]
struct ImportArgs {
    /// The CSV file.
    file: PathBuf,
}

pub fn run(ws: &Workspace, args: &GazetteerArgs) -> Result<(), Failure> {
    match &args.command {
        GazetteerCommand::Import(a) => import(ws, a),
    }
}

/// The largest gazetteer file read: Iraq's sub-district file is well under 1 MiB.
const MAX_BYTES: u64 = 16 << 20;

fn import(ws: &Workspace, args: &ImportArgs) -> Result<(), Failure> {
    let file = args.file.as_path();
    let shown = crate::disk::shown(file);
    let at = ("file", Arg::Str(&shown));
    let bytes = crate::disk::read_regular(file, MAX_BYTES).map_err(|e| {
        if e.kind() == std::io::ErrorKind::InvalidData {
            Failure::of(
                "cli-gazetteer-too-large",
                &[at.clone(), ("limit", Arg::Num((MAX_BYTES >> 20) as i64))],
            )
        } else {
            super::cannot_read(&shown, &e)
        }
    })?;
    let text = String::from_utf8(bytes)
        .map_err(|_| Failure::of("cli-gazetteer-not-utf8", std::slice::from_ref(&at)))?;
    let areas = ws.store.gazetteer().parse_csv(&text).map_err(|e| {
        Failure::of(
            "cli-gazetteer-refused",
            &[at.clone(), ("error", Arg::Str(&super::Said::said(&e)))],
        )
    })?;
    let districts = areas.iter().filter(|a| a.level == 2).count();
    let subs = areas.len() - districts;
    ws.store.import_areas(&areas)?;
    tracing::info!(districts, sub_districts = subs, "gazetteer imported");
    tell(
        "cli-gazetteer-imported",
        &[
            ("districts", Arg::Num(districts as i64)),
            ("subs", Arg::Num(subs as i64)),
            at,
        ],
    );
    Ok(())
}
