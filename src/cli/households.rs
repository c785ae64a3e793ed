//! `daleel households search QUERY`: the Intake screen's household search from the shell
//! (the same `HouseholdSearch`: a name in either script and any spelling, a case code, a
//! phone number whatever its prefix). It prints names, so it is a worker's tool: it opens
//! the database with a passphrase like every command, and each search is noted in the
//! audit trail with how many households it showed (never the query or a name). A
//! household merged into another shows as the one kept ("NIN-0042, merged into NIN-0007").

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
