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
            super::shown(f.name),
            super::shown(&f.organization),
            f.sector,
            super::shown(f.phone),
            flags
        );
    }
    Ok(())
}

/// `daleel services import PATH [--strict] [--yes]`: an HSDS folder, or a spreadsheet
/// of services. Shows what it would do, asks, applies. Exit 0 when the good rows were
/// applied (problems reported); with `--strict`, any problem means nothing is applied.
pub fn import(
    ws: &Workspace,
    path: &std::path::Path,
    strict: bool,
    yes: bool,
) -> Result<(), Failure> {
    let gazetteer = ws.store.gazetteer();
    let json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let incoming = if path.is_dir() {
        crate::directory::hsds::read(path, &gazetteer)
    } else if json {
        crate::directory::hsds::read_json(path, &gazetteer)
    } else {
        crate::directory::sheet::read(path, &gazetteer, &ws.store.organizations()?)
    }
    .map_err(Failure::from)?;
    let preview = crate::directory::preview(&ws.store, incoming)?;
    for p in &preview.problems {
        eprintln!("problem: {p}");
    }
    println!(
        "{} added, {} changed, {} unchanged, {} problems",
        preview.added.len(),
        preview.changed.len(),
        preview.unchanged,
        preview.problems.len()
    );
    for name in &preview.added {
        eprintln!("  new: {}", super::shown(name));
    }
    for name in &preview.changed {
        eprintln!("  changed: {}", super::shown(name));
    }
    if strict && !preview.problems.is_empty() {
        return Err(Failure(format!(
            "{} problems (above) and --strict: nothing was applied; correct the files and import again",
            preview.problems.len()
        )));
    }
    if preview.is_empty() {
        eprintln!("Nothing to change: the directory already holds all of it.");
        return Ok(());
    }
    super::confirm(
        &format!(
            "Apply {} new and {} changed records to the directory?",
            preview.added.len(),
            preview.changed.len()
        ),
        yes,
    )?;
    let worker = ws.store.current_worker()?.unwrap_or_default();
    let n = crate::directory::apply(&ws.store, &worker, preview)?;
    tracing::info!(records = n, "directory imported");
    eprintln!("Applied {n} records; they reach other laptops with the next bundles.");
    Ok(())
}

/// `daleel services export --out DIR`: the directory as HSDS 3.0 tabular files.
pub fn export(ws: &Workspace, dir: &std::path::Path) -> Result<(), Failure> {
    super::out_folder(dir)?;
    let (orgs, services) = crate::directory::hsds::write(&ws.store, dir)?;
    println!("{}", dir.display());
    eprintln!(
        "Wrote {orgs} organizations and {services} services as HSDS 3.0 tabular files in {}.",
        dir.display()
    );
    Ok(())
}

/// `daleel services template --out FILE`: the spreadsheet, with the directory in it.
pub fn template(ws: &Workspace, out: &std::path::Path) -> Result<(), Failure> {
    let path = super::out_file(out, "daleel-services.csv", &["csv"])?;
    let bytes = crate::directory::sheet::write(&ws.store)?;
    super::write_atomic(&path, &bytes)?;
    println!("{}", path.display());
    eprintln!(
        "Wrote the services spreadsheet: the second line explains each column. Edit it in a spreadsheet, save as CSV, and import it with daleel services import."
    );
    Ok(())
}
