//! `daleel households search QUERY`: the Intake screen's household search from the shell
//! (the same `HouseholdSearch`: a name in either script and any spelling, a case code, a
//! phone number whatever its prefix). It prints names, so it is a worker's tool: it opens
//! the database with a passphrase like every command, and each search is noted in the
//! audit trail with how many households it showed (never the query or a name).

use serde::Serialize;
use uuid::Uuid;

use super::Failure;
use crate::model::Household;
use crate::search::households::HouseholdSearch;
use crate::search::names;
use crate::store::audit::AuditAction;
use crate::workspace::Workspace;

#[derive(Serialize)]
struct Found<'a> {
    id: String,
    case_code: &'a str,
    name: &'a str,
    governorate: &'a str,
}

pub fn search(ws: &Workspace, query: &str, limit: usize, json: bool) -> Result<(), Failure> {
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
    let mut found: Vec<Household> = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(h) = ws.store.get::<Household>(id)? {
            found.push(h);
        }
    }
    ws.store.audit(
        AuditAction::View,
        None,
        "household search",
        found.len() as u64,
    )?;
    if json {
        let list: Vec<Found> = found
            .iter()
            .map(|h| Found {
                id: h.id.to_string(),
                case_code: &h.case_code,
                name: &h.head.name,
                governorate: &h.location.governorate,
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
    for h in &found {
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
        println!("{}  {}{latin}{place}", h.case_code, h.head.name);
    }
    Ok(())
}
