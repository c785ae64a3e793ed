//! `daleel report`: the coordination report (CSV, or one printable HTML page).

use std::path::PathBuf;

use clap::Args;

use super::{Failure, write_atomic};
use crate::report::summary::{By, build};
use crate::workspace::Workspace;

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[arg(long, value_name = "DATE")]
    since: String,
    #[arg(long, value_name = "DATE")]
    until: String,
    /// Groups: sector, governorate, district, subdistrict and/or org, separated by commas.
    #[arg(long, value_name = "LIST", default_value = "sector")]
    by: String,
    /// Add the HXL hashtag row (CSV).
    #[arg(long)]
    hxl: bool,
    /// GBV and child protection as sectors of their own, with their districts, instead
    /// of counted under Protection at governorate level (coordinators certified for
    /// them; audited).
    #[arg(long)]
    sensitive_subsectors: bool,
    /// FILE.csv, FILE.xlsx for an Excel workbook, or FILE.html for one printable page
    /// with charts, in the language of --lang (default: CSV on standard output; a CSV is
    /// the same in every language).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Write the CSV file without the UTF-8 byte-order mark (for tools that mind it;
    /// Excel needs it to read Arabic).
    #[arg(long)]
    no_bom: bool,
}

pub fn run(ws: &Workspace, args: &ReportArgs) -> Result<(), Failure> {
    let (since, until) = super::export::period(Some(&args.since), Some(&args.until))?;
    let by = By::parse(&args.by)?;
    if args.sensitive_subsectors {
        super::export::sensitive_only(ws)?;
    }
    let report = build(&ws.store, since, until, &by, args.sensitive_subsectors)?;
    let out = args
        .out
        .as_deref()
        .map(|p| super::out_file(p, "daleel-report.html", &["html", "htm", "csv", "xlsx"]))
        .transpose()?;
    let out = out.as_deref();
    let html = out.is_some_and(|p| {
        p.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
    });
    let bytes = if html {
        // In the language of --lang (or config.toml), with the digits setting.
        crate::report::html::page(&report, crate::i18n::format::Locale::current()).into_bytes()
    } else if let Some(path) = out {
        // A file: a workbook, or CSV with a byte-order mark for Excel (`--no-bom`).
        let rtl = crate::i18n::language().is_rtl();
        let form = crate::report::sheet::Form::of(path, !args.no_bom, rtl);
        report.sheet(args.hxl).bytes(form)?
    } else {
        // Standard output: no byte-order mark in the middle of a pipe.
        report.sheet(args.hxl).csv(false)?
    };
    ws.store.audit(
        crate::store::audit::AuditAction::Export,
        None,
        if args.sensitive_subsectors {
            "coordination report, with GBV and child protection apart"
        } else {
            "coordination report"
        },
        report.groups.len() as u64,
    )?;
    match out {
        Some(path) => {
            write_atomic(path, &bytes)?;
            println!("{}", path.display());
        }
        None => {
            // CSV on standard output: through the terminal's sanitiser like every line.
            let text = String::from_utf8_lossy(&bytes);
            super::out::write(
                super::out::Stream::Out,
                crate::model::text::for_terminal(&text).as_bytes(),
            );
        }
    }
    Ok(())
}
