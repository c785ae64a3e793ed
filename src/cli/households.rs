//! `daleel households search QUERY`: the Intake screen's household search from the shell
//! (the same `HouseholdSearch`: a name in either script and any spelling, a case code, a
//! phone number whatever its prefix). It prints names, so it is a worker's tool: it opens
//! the database with a passphrase like every command, and each search is noted in the
//! audit trail with how many households it showed (never the query or a name). A
//! household merged into another shows as the one kept ("NIN-0042, merged into NIN-0007").
//!
//! `daleel households import FILE` and `daleel households template`: registration lists
//! in (`intake`). The preview names rows by line and households by case code, never by
//! name.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde::Serialize;
use uuid::Uuid;

use super::{Failure, tell, tell_out};
use crate::i18n::{Arg, t, tr};
use crate::search::households::HouseholdSearch;
use crate::search::names;
use crate::store::audit::AuditAction;
use crate::store::duplicates::Kept;
use crate::workspace::Workspace;

#[derive(Debug, Args)]
pub struct HouseholdsArgs {
    #[command(subcommand)]
    command: HouseholdsCommand,
}

#[derive(Debug, Subcommand)]
enum HouseholdsCommand {
    /// Find households as the Intake screen does, best match first: a name in Arabic or
    /// Latin letters and any spelling (fatima, fatma and فاطمة find each other), a case
    /// code or its beginning, or a phone number whatever its prefix (+964 770…, 0770…).
    /// Prints names: audited (how many were shown, not what was asked).
    Search(SearchArgs),
    /// Import households from a registration list: a CSV file with the template's columns
    /// (daleel households template), or a KoboToolbox or ODK export with --map. Shows what
    /// it would import, the rows already here, the likely duplicates (held back), the rows
    /// without consent (never imported) and each problem by line and column, then asks.
    Import(ImportArgs),
    /// Write the registration list template: its columns, and a line explaining each.
    Template(TemplateArgs),
}

#[derive(Debug, Args)]
struct ImportArgs {
    /// The list: a CSV file, UTF-8 (Excel's "CSV UTF-8") or Arabic in Windows-1256.
    file: PathBuf,
    /// How an export names Daleel's columns and its answers (TOML; see
    /// docs/examples/kobo-map.toml).
    #[arg(long, value_name = "MAP.toml")]
    map: Option<PathBuf>,
    /// Import nothing when any row has a problem (exit 1).
    #[arg(long)]
    strict: bool,
    /// Import the likely duplicates too, once you have checked them.
    #[arg(long)]
    include_duplicates: bool,
    /// Do not ask for confirmation.
    #[arg(long)]
    yes: bool,
}

#[derive(Debug, Args)]
struct TemplateArgs {
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

#[derive(Debug, Args)]
struct SearchArgs {
    /// What to look for (several words: each must match).
    query: String,
    /// At most this many households.
    #[arg(long, value_name = "N", default_value_t = 20)]
    limit: usize,
    /// Print one JSON array on stdout (id, case_code, name, governorate, and found_as:
    /// the case code of a merged household that led to the kept one).
    #[arg(long)]
    json: bool,
}

pub fn run(ws: &Workspace, args: &HouseholdsArgs) -> Result<(), Failure> {
    match &args.command {
        HouseholdsCommand::Search(a) => search(ws, a),
        HouseholdsCommand::Import(a) => import(ws, a),
        HouseholdsCommand::Template(a) => template(a),
    }
}

#[derive(Serialize)]
struct Found<'a> {
    id: String,
    case_code: &'a str,
    name: &'a str,
    governorate: &'a str,
    /// The case code searched for, when that household was merged into this one.
    #[serde(skip_serializing_if = "Option::is_none")]
    found_as: Option<&'a str>,
}

fn search(ws: &Workspace, args: &SearchArgs) -> Result<(), Failure> {
    let (query, limit) = (args.query.as_str(), args.limit);
    if limit == 0 {
        return Err(Failure::of("cli-limit-zero", &[]));
    }
    let mut search = HouseholdSearch::load(&ws.store)?;
    let ids: Vec<Uuid> = if query.trim().is_empty() {
        // As on the screen: the latest households first.
        search.latest(limit)
    } else {
        search
            .search(query, limit)
            .into_iter()
            .map(|i| search.id(i))
            .collect()
    };
    // A household merged into another is shown as the one kept, saying so.
    let found: Vec<Kept> = ws.store.as_kept(&ids)?;
    ws.store.audit(
        AuditAction::View,
        None,
        "household search",
        found.len() as u64,
    )?;
    if args.json {
        let list: Vec<Found> = found
            .iter()
            .map(|k| Found {
                id: k.household.id.to_string(),
                case_code: &k.household.case_code,
                name: &k.household.head.name,
                governorate: &k.household.location.governorate,
                found_as: k.found_as.as_deref(),
            })
            .collect();
        println!("{}", serde_json::to_string(&list)?);
        return Ok(());
    }
    if found.is_empty() {
        tell("cli-households-none", &[]);
        return Ok(());
    }
    let gazetteer = ws.store.gazetteer();
    for Kept {
        household: h,
        found_as,
    } in &found
    {
        // A Latin name as recorded, else the transliteration (marked ≈: it is not stored).
        let latin = if !h.head.latin.is_empty() {
            format!(" ({})", h.head.latin)
        } else {
            names::latin_suggestion(&h.head.name)
                .map(|l| format!(" (≈ {l})"))
                .unwrap_or_default()
        };
        let place = if h.location.governorate.is_empty() {
            String::new()
        } else {
            format!(
                "  {}",
                crate::i18n::format::place_name(
                    &gazetteer,
                    &h.location.governorate,
                    crate::i18n::language()
                )
            )
        };
        let merged = found_as
            .as_ref()
            .map(|alias| {
                let said = tr(
                    "case-merged",
                    &[("alias", Arg::Str(alias)), ("code", Arg::Str(&h.case_code))],
                );
                format!("  ({said})")
            })
            .unwrap_or_default();
        println!("{}  {}{latin}{place}{merged}", h.case_code, h.head.name);
    }
    Ok(())
}

/// Lines as a person reads them: `3, 5, 9`.
fn lines(lines: &[u64]) -> String {
    lines
        .iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// `daleel households import FILE [--map MAP.toml] [--strict] [--include-duplicates]
/// [--yes]`: reads the list, shows what it would do, asks, imports.
fn import(ws: &Workspace, args: &ImportArgs) -> Result<(), Failure> {
    let map = match &args.map {
        Some(path) => Some(crate::intake::ColumnMap::read(path)?),
        None => None,
    };
    let worker = ws.store.current_worker()?.unwrap_or_default();
    let gazetteer = ws.store.gazetteer();
    let importer = crate::intake::Importer {
        worker: &worker,
        now: ws.store.now(),
        gazetteer: &gazetteer,
    };
    let list = crate::intake::read(&args.file, map.as_ref(), &importer)?;
    if list.encoding == crate::intake::Encoding::Windows1256 {
        tell(
            "cli-households-windows-1256",
            &[("file", Arg::Str(&super::shown(&list.file)))],
        );
    }
    let preview = crate::intake::preview(&ws.store, list, args.include_duplicates)?;
    for p in &preview.problems {
        super::print_problem(p);
    }
    let num = |n: u64| Arg::Num(n as i64);
    for line in &preview.no_consent {
        tell("cli-households-no-consent", &[("line", num(*line))]);
    }
    for (line, code) in &preview.already {
        tell(
            "cli-households-already",
            &[("line", num(*line)), ("code", Arg::Str(code))],
        );
    }
    for (line, earlier) in &preview.repeated {
        tell(
            "cli-households-repeated",
            &[("line", num(*line)), ("earlier", num(*earlier))],
        );
    }
    for d in &preview.duplicates {
        let cases = d.cases.join(&t("list-separator"));
        let in_file = tr(
            "cli-households-duplicate-lines",
            &[("lines", Arg::Str(&lines(&d.lines)))],
        );
        let like = match (d.cases.is_empty(), d.lines.is_empty()) {
            (false, true) => cases,
            (true, false) => in_file,
            _ => tr(
                "cli-households-duplicate-both",
                &[("cases", Arg::Str(&cases)), ("lines", Arg::Str(&in_file))],
            ),
        };
        let outcome = t(if preview.include_duplicates {
            "cli-households-duplicate-imported"
        } else {
            "cli-households-duplicate-held"
        });
        tell(
            "cli-households-duplicate",
            &[
                ("line", num(d.line)),
                ("like", Arg::Str(&like)),
                ("outcome", Arg::Str(&outcome)),
            ],
        );
    }
    let count = |n: usize| Arg::Num(n as i64);
    tell_out(
        if preview.include_duplicates || preview.duplicates.is_empty() {
            "cli-households-preview"
        } else {
            "cli-households-preview-held"
        },
        &[
            ("import", count(preview.import.len())),
            ("already", count(preview.already.len())),
            ("repeated", count(preview.repeated.len())),
            ("duplicates", count(preview.duplicates.len())),
            ("consent", count(preview.no_consent.len())),
            ("problems", count(preview.problems.len())),
        ],
    );
    if args.strict && !preview.problems.is_empty() {
        return Err(Failure::of(
            "cli-households-strict",
            &[("count", count(preview.problems.len()))],
        ));
    }
    if preview.is_empty() {
        tell("cli-households-nothing", &[]);
        return Ok(());
    }
    super::confirm(
        &tr(
            "cli-households-confirm",
            &[("count", count(preview.import.len()))],
        ),
        args.yes,
    )?;
    let saved = crate::intake::apply(&ws.store, &worker, preview)?;
    tracing::info!(households = saved.len(), "households imported");
    for (line, code) in &saved {
        tell_out(
            "cli-households-saved",
            &[("line", num(*line)), ("code", Arg::Str(code))],
        );
    }
    tell("cli-households-imported", &[("count", count(saved.len()))]);
    Ok(())
}

/// `daleel households template --out FILE`: the list's columns, for a spreadsheet.
fn template(args: &TemplateArgs) -> Result<(), Failure> {
    let path = super::out_file(&args.out, "daleel-households.csv", &["csv"])?;
    let bytes = crate::intake::template()?;
    super::write_atomic(&path, &bytes)?;
    println!("{}", crate::disk::shown(&path));
    tell("cli-households-template-written", &[]);
    Ok(())
}
