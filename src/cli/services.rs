//! `daleel services search QUERY`: the Services screen's search from the shell.

use serde::Serialize;

use super::Failure;
use crate::model::Sector;
use crate::search::services::ServiceSearch;
use crate::workspace::Workspace;

#[derive(Serialize)]
struct Found<'a> {
    id: String,
    name: &'a str,
    organization: String,
    sector: &'a str,
    status: &'a str,
    phone: &'a str,
    areas: &'a [String],
    sample: bool,
}

pub fn search(
    ws: &Workspace,
    query: &str,
    sector: Option<&str>,
    governorate: Option<&str>,
    limit: usize,
    json: bool,
) -> Result<(), Failure> {
    let sector = match sector {
        None => None,
        Some(code) => Some(Sector::from_code(code).ok_or_else(|| {
            Failure(format!(
                "unknown sector {code:?}; use one of: {}",
                Sector::codes()
            ))
        })?),
    };
    let gazetteer = ws.store.gazetteer();
    if let Some(g) = governorate
        && gazetteer.get(g).is_none()
    {
        return Err(Failure(format!(
            "unknown place code {g:?}; use a governorate P-code such as IQG15 (Ninewa) or IQG01 (Anbar)"
        )));
    }
    let mut search =
        ServiceSearch::new(ws.store.services()?, &ws.store.organizations()?, &gazetteer);
    let hits = search.search(query, sector, governorate, limit);
    let found: Vec<Found> = hits
        .iter()
        .map(|&i| {
            let s = &search.services()[i];
            Found {
                id: s.id.to_string(),
                name: &s.name,
                organization: search.org_short(s.organization),
                sector: s.sector.code(),
                status: s.status.code(),
                phone: &s.phone,
                areas: &s.areas,
                sample: crate::model::sample::is_sample_id(s.id),
            }
        })
        .collect();
    if json {
        println!("{}", serde_json::to_string(&found)?);
        return Ok(());
    }
    if found.is_empty() {
        eprintln!("No service matches. Try fewer words, or drop --sector / --governorate.");
        return Ok(());
    }
    for f in &found {
        let mut flags = Vec::new();
        if f.status != "active" {
            flags.push(f.status);
        }
        if f.sample {
            flags.push("SAMPLE");
        }
        let flags = if flags.is_empty() {
            String::new()
        } else {
            format!("  [{}]", flags.join(", "))
        };
        println!(
            "{:<48} {:<7} {:<20} {}{}",
            f.name, f.organization, f.sector, f.phone, flags
        );
    }
    Ok(())
}
