//! `daleel export`: needs, referrals or services as CSV with HXL hashtags, and the 4W
//! table of a period, for coordination.

use std::path::PathBuf;

use clap::Args;

use super::{Failure, tell};
use crate::i18n::Arg;
use crate::model::Date;
use crate::report::export::{Detail, Table};
use crate::workspace::Workspace;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// needs, referrals, services, or 4w (who does what where, for a period).
    table: String,
    /// The file to write: FILE.csv, or FILE.xlsx for an Excel workbook (or a folder).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Write the CSV without the UTF-8 byte-order mark (for tools that mind it; Excel
    /// needs it to read Arabic).
    #[arg(long)]
    no_bom: bool,
    /// The first day of the 4W table's period (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// The last day of the 4W table's period (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
    /// district: add the district (coordinators; audited).
    #[arg(long, value_name = "LEVEL")]
    detail: Option<String>,
    /// Add each row's case code (coordinators; audited).
    #[arg(long)]
    with_case_codes: bool,
    /// GBV and child protection as sub-sectors of their own, with their districts,
    /// instead of counted under Protection at governorate level (coordinators certified
    /// for them; audited).
    #[arg(long)]
    sensitive_subsectors: bool,
}

/// The district, case codes and the sensitive sub-sectors are for coordinators (in a
/// team, a coordinator's laptop).
pub(super) fn coordinator_only(ws: &Workspace, what: &str) -> Result<(), Failure> {
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

/// GBV and child protection apart (`--sensitive-subsectors`): in a team, for a
/// coordinator whose certificate says they are certified for those cases.
pub(super) fn sensitive_only(ws: &Workspace) -> Result<(), Failure> {
    let flag = "--sensitive-subsectors";
    coordinator_only(ws, flag)?;
    let policy = ws.store.policy();
    match policy.member(ws.identity.origin()) {
        Some(c) if !c.sensitive => Err(Failure::of(
            "cli-export-sensitive-only",
            &[("flag", Arg::Str(flag))],
        )),
        _ => Ok(()),
    }
}

/// `--since` and `--until` of a command that counts a period: both given, both dates,
/// in order.
pub(super) fn period(since: Option<&str>, until: Option<&str>) -> Result<(Date, Date), Failure> {
    let date = |text: Option<&str>, flag: &str| {
        let text =
            text.ok_or_else(|| Failure::of("cli-period-missing", &[("flag", Arg::Str(flag))]))?;
        Date::parse(text).ok_or_else(|| {
            Failure::of(
                "cli-report-not-a-date",
                &[("flag", Arg::Str(flag)), ("text", Arg::Str(text))],
            )
        })
    };
    let (since, until) = (date(since, "--since")?, date(until, "--until")?);
    if until < since {
        return Err(Failure::of("cli-report-until-before-since", &[]));
    }
    Ok((since, until))
}

pub fn run(ws: &Workspace, args: &ExportArgs) -> Result<(), Failure> {
    if args.table.trim().eq_ignore_ascii_case("4w") {
        return four_w(ws, args);
    }
    let (table, case_codes) = (args.table.as_str(), args.with_case_codes);
    let table = Table::from_code(table)
        .ok_or_else(|| Failure::of("cli-export-no-such", &[("table", Arg::Str(table))]))?;
    if args.since.is_some() || args.until.is_some() {
        return Err(Failure::of("cli-export-period-4w-only", &[]));
    }
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
    if args.sensitive_subsectors {
        sensitive_only(ws)?;
    }
    let (sheet, rows) = crate::report::export::write(
        &ws.store,
        table,
        Detail {
            district,
            case_codes,
            sensitive: args.sensitive_subsectors,
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

/// `daleel export 4w --since DATE --until DATE --out FILE.csv|FILE.xlsx`.
fn four_w(ws: &Workspace, args: &ExportArgs) -> Result<(), Failure> {
    if args.detail.is_some() || args.with_case_codes {
        return Err(Failure::of("cli-export-4w-no-detail", &[]));
    }
    let (since, until) = period(args.since.as_deref(), args.until.as_deref())?;
    if args.sensitive_subsectors {
        sensitive_only(ws)?;
    }
    // Refused before anything is counted or audited.
    super::out_file(&args.out, "daleel-4w.csv", &["csv", "xlsx"])?;
    let table = crate::report::fourw::build(&ws.store, since, until, args.sensitive_subsectors)?;
    let mut sheet = table.sheet();
    if ws.store.kind()? == Some(crate::store::DatabaseKind::Demo) {
        sheet.mark_demo();
    }
    let activities = table
        .rows
        .iter()
        .filter(|r| r.text[0] == "activity")
        .count();
    let what = if args.sensitive_subsectors {
        "4w export, with GBV and child protection apart"
    } else {
        "4w export"
    };
    ws.store.audit(
        crate::store::audit::AuditAction::Export,
        None,
        what,
        activities as u64,
    )?;
    let out = super::write_sheet(&args.out, "daleel-4w.csv", &sheet, args.no_bom, false)?;
    println!("{}", out.display());
    tell(
        "cli-export-4w-written",
        &[
            ("count", Arg::Num(activities as i64)),
            ("since", Arg::Str(&since.to_string())),
            ("until", Arg::Str(&until.to_string())),
        ],
    );
    Ok(())
}
