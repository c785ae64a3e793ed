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

use super::Failure;
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
        return Err(Failure("--limit must be at least 1".into()));
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
        eprintln!(
            "No household matches. Try fewer words or another spelling, a phone number, or a case code."
        );
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
            format!("  {}", gazetteer.name(&h.location.governorate))
        };
        let merged = found_as
            .as_ref()
            .map(|alias| format!("  ({alias}, merged into {})", h.case_code))
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
        eprintln!(
            "{} is not UTF-8: it was read as Arabic text in Windows-1256 (what Excel's \"CSV (Comma delimited)\" writes on an Arabic Windows). Next time, save it as \"CSV UTF-8\".",
            super::shown(&list.file)
        );
    }
    let preview = crate::intake::preview(&ws.store, list, args.include_duplicates)?;
    for p in &preview.problems {
        eprintln!("problem: {p}");
    }
    for line in &preview.no_consent {
        eprintln!("line {line}: no consent (the consent column does not say yes): not imported");
    }
    for (line, code) in &preview.already {
        eprintln!("line {line}: already here as {code}: not imported again");
    }
    for (line, earlier) in &preview.repeated {
        eprintln!("line {line}: the same as line {earlier}: not imported twice");
    }
    for d in &preview.duplicates {
        let mut like = Vec::new();
        if !d.cases.is_empty() {
            like.push(d.cases.join(", "));
        }
        if !d.lines.is_empty() {
            like.push(format!("line {} of this file", lines(&d.lines)));
        }
        eprintln!(
            "line {}: likely the same household as {}: {}",
            d.line,
            like.join(" and "),
            if preview.include_duplicates {
                "imported (--include-duplicates)"
            } else {
                "held back (check it; --include-duplicates imports it)"
            }
        );
    }
    println!(
        "{} to import, {} already here, {} repeated in the file, {} likely duplicates{}, {} without consent, {} problems",
        preview.import.len(),
        preview.already.len(),
        preview.repeated.len(),
        preview.duplicates.len(),
        if preview.include_duplicates || preview.duplicates.is_empty() {
            ""
        } else {
            " held back"
        },
        preview.no_consent.len(),
        preview.problems.len()
    );
    if args.strict && !preview.problems.is_empty() {
        return Err(Failure(format!(
            "{} problems (above) and --strict: nothing was imported; correct the file and import it again",
            preview.problems.len()
        )));
    }
    if preview.is_empty() {
        eprintln!("Nothing to import.");
        return Ok(());
    }
    super::confirm(
        &format!("Import {} households?", preview.import.len()),
        args.yes,
    )?;
    let saved = crate::intake::apply(&ws.store, &worker, preview)?;
    tracing::info!(households = saved.len(), "households imported");
    for (line, code) in &saved {
        println!("line {line}: {code}");
    }
    eprintln!(
        "Imported {} households (their case codes above, by line); they reach other laptops with the next bundles.",
        saved.len()
    );
    Ok(())
}

/// `daleel households template --out FILE`: the list's columns, for a spreadsheet.
fn template(args: &TemplateArgs) -> Result<(), Failure> {
    let path = super::out_file(&args.out, "daleel-households.csv", &["csv"])?;
    let bytes = crate::intake::template()?;
    super::write_atomic(&path, &bytes)?;
    println!("{}", path.display());
    eprintln!(
        "Wrote the registration list template: the second line explains each column. Fill one row per household in a spreadsheet, save it as \"CSV UTF-8\", and import it with daleel households import."
    );
    Ok(())
}
