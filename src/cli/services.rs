//! `daleel services import|export|template|search`: the service directory from the shell
//! (HSDS folders and the services spreadsheet; the Services screen's search).

use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde::Serialize;

use super::{Failure, tell, tell_out};
use crate::i18n::{Arg, t, tr};
use crate::model::Sector;
use crate::search::services::ServiceSearch;
use crate::workspace::Workspace;

#[derive(Debug, Args)]
pub struct ServicesArgs {
    #[command(subcommand)]
    command: ServicesCommand,
}

#[derive(Debug, Subcommand)]
enum ServicesCommand {
    /// Import a directory: an Open Referral HSDS 3.0 folder (services.csv,
    /// organizations.csv, ...), an HSDS JSON file (FILE.json), or a services spreadsheet
    /// (daleel services template).
    /// Shows what it would add and change, and the problems found, then asks.
    Import(ImportArgs),
    /// Write the directory as HSDS 3.0 tabular files into a folder.
    Export(ExportArgs),
    /// Write the services spreadsheet (one row per service, a line explaining each
    /// column), with the directory's services in it.
    Template(TemplateArgs),
    /// Find services, best match first: fuzzy over name, organization, sector, areas and
    /// description; Arabic spelling variants and Arabic-Indic digits match.
    Search(SearchArgs),
}

#[derive(Debug, Args)]
struct ImportArgs {
    /// The HSDS folder, or the spreadsheet (CSV).
    path: PathBuf,
    /// Apply nothing when any problem is found (exit 1).
    #[arg(long)]
    strict: bool,
    /// Do not ask for confirmation.
    #[arg(long)]
    yes: bool,
}

#[derive(Debug, Args)]
struct ExportArgs {
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

#[derive(Debug, Args)]
struct TemplateArgs {
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

#[derive(Debug, Args)]
struct SearchArgs {
    /// What to look for (several words: each must match).
    #[arg(default_value = "")]
    query: String,
    /// Only this sector (e.g. health, civil_documentation; protection includes its
    /// areas of responsibility).
    #[arg(long, value_name = "S")]
    sector: Option<String>,
    /// Only services that serve this place (a governorate P-code such as IQG15).
    #[arg(long, value_name = "PCODE")]
    governorate: Option<String>,
    /// At most this many results.
    #[arg(long, value_name = "N", default_value_t = 20)]
    limit: usize,
    /// Print one JSON array on stdout.
    #[arg(long)]
    json: bool,
}

pub fn run(ws: &Workspace, args: &ServicesArgs) -> Result<(), Failure> {
    match &args.command {
        ServicesCommand::Import(a) => import(ws, a),
        ServicesCommand::Export(a) => export(ws, a),
        ServicesCommand::Template(a) => template(ws, a),
        ServicesCommand::Search(a) => search(ws, a),
    }
}

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

/// `daleel services search [QUERY] [--sector S] [--governorate PCODE] [--limit N] [--json]`.
fn search(ws: &Workspace, args: &SearchArgs) -> Result<(), Failure> {
    let governorate = args.governorate.as_deref();
    let sector = match &args.sector {
        None => None,
        Some(code) => Some(Sector::from_code(code).ok_or_else(|| {
            Failure::of(
                "cli-services-unknown-sector",
                &[
                    ("sector", Arg::Str(&format!("{code:?}"))),
                    ("sectors", Arg::Str(&Sector::codes())),
                ],
            )
        })?),
    };
    let gazetteer = ws.store.gazetteer();
    if let Some(g) = governorate
        && gazetteer.get(g).is_none()
    {
        return Err(Failure::of(
            "cli-services-unknown-place",
            &[("code", Arg::Str(&format!("{g:?}")))],
        ));
    }
    let mut search =
        ServiceSearch::new(ws.store.services()?, &ws.store.organizations()?, &gazetteer);
    let hits = search.search(&args.query, sector, governorate, args.limit);
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
    if args.json {
        println!("{}", serde_json::to_string(&found)?);
        return Ok(());
    }
    if found.is_empty() {
        tell("cli-services-none", &[]);
        return Ok(());
    }
    let sample = t("cli-services-sample");
    for f in &found {
        let mut flags = Vec::new();
        if f.status != "active" {
            flags.push(f.status);
        }
        if f.sample {
            flags.push(&sample);
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
fn import(ws: &Workspace, args: &ImportArgs) -> Result<(), Failure> {
    let path = args.path.as_path();
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
    for file in &preview.windows_1256 {
        eprintln!(
            "{}",
            tr(
                "cli-households-windows-1256",
                &[("file", Arg::Str(&super::shown(file)))]
            )
        );
    }
    for p in &preview.problems {
        super::print_problem(p);
    }
    // What the files hold that is not kept, so that nothing is dropped unsaid.
    if !preview.not_kept.is_empty() {
        eprintln!("{}", t("cli-services-not-kept"));
        for n in &preview.not_kept {
            let line = match &n.column {
                Some(column) => tr(
                    "cli-services-not-kept-column",
                    &[
                        ("file", Arg::Str(&super::shown(&n.file))),
                        ("column", Arg::Str(&super::shown(column))),
                        ("count", Arg::Num(n.count as i64)),
                    ],
                ),
                None => tr(
                    "cli-services-not-kept-file",
                    &[
                        ("file", Arg::Str(&super::shown(&n.file))),
                        ("count", Arg::Num(n.count as i64)),
                    ],
                ),
            };
            eprintln!("  {line}");
        }
    }
    let count = |n: usize| Arg::Num(n as i64);
    tell_out(
        "cli-services-preview",
        &[
            ("added", count(preview.added.len())),
            ("changed", count(preview.changed.len())),
            ("unchanged", count(preview.unchanged)),
            ("problems", count(preview.problems.len())),
        ],
    );
    for name in &preview.added {
        eprintln!(
            "  {}",
            tr(
                "cli-services-new",
                &[("name", Arg::Str(&super::shown(name)))]
            )
        );
    }
    for name in &preview.changed {
        eprintln!(
            "  {}",
            tr(
                "cli-services-changed",
                &[("name", Arg::Str(&super::shown(name)))]
            )
        );
    }
    if args.strict && !preview.problems.is_empty() {
        return Err(Failure::of(
            "cli-services-strict",
            &[("count", count(preview.problems.len()))],
        ));
    }
    if preview.is_empty() {
        tell("cli-services-nothing", &[]);
        return Ok(());
    }
    super::confirm(
        &tr(
            "cli-services-confirm",
            &[
                ("added", count(preview.added.len())),
                ("changed", count(preview.changed.len())),
            ],
        ),
        args.yes,
    )?;
    let worker = ws.store.current_worker()?.unwrap_or_default();
    let n = crate::directory::apply(&ws.store, &worker, preview)?;
    tracing::info!(records = n, "directory imported");
    tell("cli-services-applied", &[("count", count(n))]);
    Ok(())
}

/// `daleel services export --out DIR`: the directory as HSDS 3.0 tabular files.
fn export(ws: &Workspace, args: &ExportArgs) -> Result<(), Failure> {
    let dir = args.out.as_path();
    super::out_folder(dir)?;
    let (orgs, services) = crate::directory::hsds::write(&ws.store, dir)?;
    println!("{}", dir.display());
    tell(
        "cli-services-exported",
        &[
            ("orgs", Arg::Num(orgs as i64)),
            ("services", Arg::Num(services as i64)),
            ("folder", Arg::Str(&dir.display().to_string())),
        ],
    );
    Ok(())
}

/// `daleel services template --out FILE`: the spreadsheet, with the directory in it.
fn template(ws: &Workspace, args: &TemplateArgs) -> Result<(), Failure> {
    let path = super::out_file(&args.out, "daleel-services.csv", &["csv"])?;
    let bytes = crate::directory::sheet::write(&ws.store)?;
    super::write_atomic(&path, &bytes)?;
    println!("{}", path.display());
    tell("cli-services-template-written", &[]);
    Ok(())
}
