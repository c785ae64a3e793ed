//! `daleel export`: needs, referrals or services as CSV with HXL hashtags, for
//! coordination.

use std::path::PathBuf;

use clap::Args;

use super::{Failure, tell};
use crate::i18n::Arg;
use crate::report::export::{Detail, Table};
use crate::workspace::Workspace;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// needs, referrals or services.
    table: String,
    /// The file to write: FILE.csv, or FILE.xlsx for an Excel workbook (or a folder).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Write the CSV without the UTF-8 byte-order mark (for tools that mind it; Excel
    /// needs it to read Arabic).
    #[arg(long)]
    no_bom: bool,
    /// district: add the district (coordinators; audited).
    #[arg(long, value_name = "LEVEL")]
    detail: Option<String>,
    /// Add each row's case code (coordinators; audited).
    #[arg(long)]
    with_case_codes: bool,
}

/// The district and case codes are for coordinators (in a team, a coordinator's laptop).
fn coordinator_only(ws: &Workspace, what: &str) -> Result<(), Failure> {
    let policy = ws.store.policy();
    match policy.member(ws.identity.origin()) {
        Some(c) if c.role != crate::sync::team::Role::Coordinator => Err(Failure::of(
            "cli-export-coordinators-only",
            &[
                ("flag", Arg::Str(what)),
                ("role", Arg::Str(&crate::tui::labels::role(c.role))),
            ],
        )),
        _ => Ok(()),
    }
}

pub fn run(ws: &Workspace, args: &ExportArgs) -> Result<(), Failure> {
    let (table, case_codes) = (args.table.as_str(), args.with_case_codes);
    let table = Table::from_code(table)
        .ok_or_else(|| Failure::of("cli-export-no-such", &[("table", Arg::Str(table))]))?;
    let district = match args.detail.as_deref() {
        None | Some("governorate") => false,
        Some("district") => true,
        Some(other) => {
            return Err(Failure::of(
                "cli-export-detail",
                &[("detail", Arg::Str(other))],
            ));
        }
    };
    if district {
        coordinator_only(ws, "--detail district")?;
    }
    if case_codes {
        coordinator_only(ws, "--with-case-codes")?;
    }
    let (sheet, rows) = crate::report::export::write(
        &ws.store,
        table,
        Detail {
            district,
            case_codes,
        },
    )?;
    // Case codes point to households: readable by their owner only.
    let out = super::write_sheet(
        &args.out,
        &format!("daleel-{}.csv", table.code()),
        &sheet,
        args.no_bom,
        case_codes,
    )?;
    println!("{}", out.display());
    tell(
        if case_codes {
            "cli-export-written-codes"
        } else {
            "cli-export-written"
        },
        &[("count", Arg::Num(rows as i64))],
    );
    Ok(())
}
