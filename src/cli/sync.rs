//! `daleel sync export|import|status|drives|tidy`: bundles (and partner hand-offs)
//! carried between laptops on USB drives, or through a shared folder (a network share, a
//! folder a sync tool such as Syncthing keeps alike). The folder last used (here or on
//! the Sync screen) is remembered: `export` and `import` without one use it.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::{Failure, Said, shown, tell, tell_out};
use crate::i18n::{Arg, t, tr};
use crate::workspace::Workspace;

fn num<T: TryInto<i64>>(n: T) -> Arg<'static> {
    Arg::Num(n.try_into().unwrap_or(i64::MAX))
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    #[command(subcommand)]
    command: SyncCommand,
}

#[derive(Debug, Subcommand)]
enum SyncCommand {
    /// Write one bundle file into a folder (the USB drive) with this laptop's changes.
    /// Prints the bundle's path on stdout.
    Export(ExportArgs),
    /// Import bundle files, or every bundle in a folder. Each is checked whole first;
    /// files are never changed or deleted.
    Import(ImportArgs),
    /// What this laptop holds from each device, who it trusts, and its state digest.
    Status(StatusArgs),
    /// The removable drives found (the folder to give export and import, when it is one).
    Drives,
    /// Remove from a shared folder this laptop's bundles that every trusted laptop has
    /// seen, but its newest (only when asked: export and import never remove anything;
    /// each laptop tidies its own).
    Tidy(TidyArgs),
}

#[derive(Debug, Args)]
struct TidyArgs {
    /// The shared folder.
    folder: PathBuf,
    /// Keep bundles made less than this many days ago, seen or not (a laptop that read
    /// only a copy with sensitive values withheld still needs the other file a while).
    #[arg(long, value_name = "DAYS", default_value_t = crate::sync::tidy::MIN_AGE_DAYS)]
    older_than: u32,
}

#[derive(Debug, Args)]
struct ExportArgs {
    /// The folder to write into (the USB drive, or a shared folder); by default the
    /// folder used last, or the one removable drive plugged in.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Everything this laptop holds, not only what the team is not known to have.
    #[arg(long)]
    all: bool,
    /// A hand-off for a partner agency's certified devices instead: the referrals
    /// addressed to it, what each household consented to disclose, and the service
    /// directory (a coordinator's laptop only).
    #[arg(long, value_name = "ORG", conflicts_with = "all")]
    for_org: Option<String>,
}

#[derive(Debug, Args)]
struct ImportArgs {
    /// Bundle files or folders; by default the folder used last, or the one removable
    /// drive plugged in.
    paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
struct StatusArgs {
    /// Print one JSON object on stdout.
    #[arg(long)]
    json: bool,
}

pub fn run(ws: &Workspace, args: &SyncArgs) -> Result<(), Failure> {
    match &args.command {
        SyncCommand::Export(ExportArgs {
            out,
            for_org: Some(org),
            ..
        }) => export_handoff(ws, &folder(ws, out.as_deref())?, org),
        SyncCommand::Export(ExportArgs { out, all, .. }) => {
            export_bundle(ws, &folder(ws, out.as_deref())?, *all)
        }
        SyncCommand::Import(a) if a.paths.is_empty() => import_bundles(ws, &[folder(ws, None)?]),
        SyncCommand::Import(a) => {
            if let [one] = a.paths.as_slice()
                && one.is_dir()
            {
                remember(ws, one);
            }
            import_bundles(ws, &a.paths)
        }
        SyncCommand::Status(a) => status(ws, a.json),
        SyncCommand::Drives => drives(),
        SyncCommand::Tidy(a) => tidy(ws, &a.folder, a.older_than),
    }
}

/// The folder to write into or read from: the one given (remembered when it is a
/// folder), else the one remembered, else the one removable drive plugged in.
fn folder(ws: &Workspace, given: Option<&Path>) -> Result<PathBuf, Failure> {
    if let Some(dir) = given {
        super::out_folder(dir)?;
        remember(ws, dir);
        return Ok(dir.to_path_buf());
    }
    if let Some(dir) = ws.store.sync_folder()?.filter(|d| d.is_dir()) {
        tell(
            "cli-sync-remembered",
            &[("folder", Arg::Str(&crate::disk::shown(&dir)))],
        );
        return Ok(dir);
    }
    let found = crate::sync::drives::removable();
    if let Some(only) = crate::sync::drives::the_one(&found) {
        return Ok(only.path.clone());
    }
    match found.as_slice() {
        [] => Err(Failure::of("cli-sync-no-folder", &[])),
        many => {
            let list: Vec<String> = many.iter().map(|d| crate::disk::shown(&d.path)).collect();
            Err(Failure::of(
                "cli-sync-which-drive",
                &[("drives", Arg::Str(&list.join(", ")))],
            ))
        }
    }
}

/// Remembers the folder used, for the next export or import and the Sync screen (not
/// being able to is no reason to stop).
fn remember(ws: &Workspace, dir: &Path) {
    let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    if let Err(e) = ws.store.set_sync_folder(&dir) {
        tracing::warn!(error = %e, "the sync folder was not remembered");
    }
}

/// `daleel sync drives`: the removable drives found, one a line (label, then path).
fn drives() -> Result<(), Failure> {
    let found = crate::sync::drives::removable();
    if found.is_empty() {
        tell("cli-sync-no-drives", &[]);
    }
    for d in found {
        println!("{}\t{}", shown(&d.label), crate::disk::shown(&d.path));
    }
    Ok(())
}

/// `daleel sync tidy FOLDER`.
fn tidy(ws: &Workspace, dir: &Path, older_than: u32) -> Result<(), Failure> {
    if !dir.is_dir() {
        return Err(Failure::of(
            "cli-sync-tidy-no-folder",
            &[("folder", Arg::Str(&crate::disk::shown(dir)))],
        ));
    }
    let done = crate::sync::tidy::tidy(&ws.store, &ws.identity, dir, older_than)?;
    for path in &done.removed {
        println!("{}", crate::disk::shown(path));
    }
    for (path, e) in &done.failed {
        eprintln!(
            "daleel: {}",
            tr(
                "cli-sync-tidy-failed",
                &[
                    ("file", Arg::Str(&crate::disk::shown(path))),
                    ("error", Arg::Str(&e.said())),
                ],
            )
        );
    }
    tell(
        "cli-sync-tidied",
        &[
            ("removed", num(done.removed.len())),
            ("kept", num(done.kept)),
        ],
    );
    if done.failed.is_empty() {
        Ok(())
    } else {
        Err(Failure::of(
            "cli-sync-tidy-some-failed",
            &[("count", num(done.failed.len()))],
        ))
    }
}

fn export_bundle(ws: &Workspace, dir: &Path, all: bool) -> Result<(), Failure> {
    let summary = crate::sync::export::export(&ws.store, &ws.identity, dir, all)?;
    tracing::info!(
        changes = summary.changes,
        segments = summary.segments,
        bytes = summary.bytes,
        "bundle exported"
    );
    println!("{}", crate::disk::shown(&summary.path));
    if let Some(second) = &summary.sensitive_path {
        println!("{}", crate::disk::shown(second));
        tell(
            "cli-sync-second-file",
            &[("file", Arg::Str(&crate::disk::shown(second)))],
        );
    }
    tell(
        "cli-sync-exported",
        &[
            ("changes", Arg::Str(&super::thousands(summary.changes))),
            ("segments", num(summary.segments)),
            ("kib", num(summary.bytes.div_ceil(1024))),
            ("code", Arg::Str(&ws.identity.code())),
            ("file", Arg::Str(&crate::disk::shown(&summary.path))),
        ],
    );
    Ok(())
}

fn export_handoff(ws: &Workspace, dir: &Path, org: &str) -> Result<(), Failure> {
    let s = crate::sync::handoff::export_for_org(&ws.store, &ws.identity, org, dir)?;
    tracing::info!(
        referrals = s.referrals,
        bytes = s.bytes,
        "hand-off exported"
    );
    println!("{}", crate::disk::shown(&s.path));
    tell(
        "cli-sync-handoff-written",
        &[
            ("org", Arg::Str(&s.org)),
            ("devices", num(s.devices)),
            ("referrals", num(s.referrals)),
            ("households", num(s.households)),
        ],
    );
    if s.sensitive_left_out > 0 {
        tell(
            "cli-sync-handoff-left-out",
            &[
                ("count", num(s.sensitive_left_out)),
                ("org", Arg::Str(&s.org)),
            ],
        );
    }
    Ok(())
}

fn import_bundles(ws: &Workspace, paths: &[PathBuf]) -> Result<(), Failure> {
    let mut refused = 0;
    let mut files = Vec::new();
    for p in paths {
        match crate::sync::import::bundle_files(p) {
            Ok(f) => files.extend(f),
            Err(e) => {
                eprintln!(
                    "daleel: {}",
                    tr(
                        "cli-sync-folder-unreadable",
                        &[
                            ("folder", Arg::Str(&crate::disk::shown(p))),
                            ("error", Arg::Str(&e.said())),
                        ],
                    )
                );
                refused += 1;
            }
        }
    }
    if files.is_empty() && refused == 0 {
        return Err(Failure::of("cli-sync-no-bundles", &[]));
    }
    use crate::sync::import::Outcome;
    for (file, outcome) in crate::sync::import::import_all(&ws.store, &files, &ws.identity, |_| {})
    {
        let shown = crate::disk::shown(&file);
        let file = ("file", Arg::Str(&shown));
        match outcome {
            Outcome::Imported(s) if s.handed_off.is_some() => {
                tell_out(
                    "cli-sync-imported-handoff",
                    &[
                        file,
                        ("code", Arg::Str(&s.sender_code)),
                        ("fingerprint", Arg::Str(&s.sender_fingerprint)),
                        ("referrals", num(s.handed_off.unwrap_or(0))),
                    ],
                );
            }
            Outcome::Imported(s) => {
                tracing::info!(
                    new = s.new,
                    known = s.known,
                    parked = s.parked,
                    "bundle imported"
                );
                tell_out(
                    "cli-sync-imported",
                    &[
                        file.clone(),
                        ("code", Arg::Str(&s.sender_code)),
                        ("fingerprint", Arg::Str(&s.sender_fingerprint)),
                        ("new", num(s.new)),
                        ("known", num(s.known)),
                        ("parked", num(s.parked)),
                        ("conflicts", num(s.conflicts)),
                    ],
                );
                if s.statements > 0 {
                    tell_out(
                        "cli-sync-statements",
                        &[file.clone(), ("count", num(s.statements))],
                    );
                }
                if s.forked > 0 {
                    tell_out("cli-sync-forked", &[file.clone(), ("count", num(s.forked))]);
                }
                if s.beyond_role + s.revoked > 0 {
                    tell_out(
                        "cli-sync-no-effect",
                        &[
                            file.clone(),
                            ("count", num(s.beyond_role + s.revoked)),
                            ("beyond", num(s.beyond_role)),
                            ("revoked", num(s.revoked)),
                        ],
                    );
                }
                for (code, fp, n) in &s.skipped {
                    tell_out(
                        "cli-sync-skipped",
                        &[
                            file.clone(),
                            ("count", num(*n)),
                            ("code", Arg::Str(code)),
                            ("fingerprint", Arg::Str(fp)),
                        ],
                    );
                }
            }
            Outcome::LeftOnDrive(e) => {
                tell_out("cli-sync-left", &[file, ("error", Arg::Str(&e.said()))]);
            }
            Outcome::NotYet(_) => tell_out("cli-sync-not-yet", &[file]),
            Outcome::Own => {}
            Outcome::Skipped(e) => {
                refused += 1;
                eprintln!("daleel: {shown}: {}", e.said());
            }
            Outcome::Refused(e) => {
                refused += 1;
                eprintln!(
                    "daleel: {}",
                    tr("cli-sync-refused", &[file, ("error", Arg::Str(&e.said()))])
                );
            }
        }
    }
    if refused > 0 {
        return Err(Failure::of(
            "cli-sync-some-refused",
            &[("count", num(refused))],
        ));
    }
    Ok(())
}

fn status(ws: &Workspace, json: bool) -> Result<(), Failure> {
    use crate::sync::identity::{device_code, fingerprint};
    let held = ws.store.watermarks()?;
    let parked = ws.store.parked()?;
    let trusted = ws.store.trusted()?;
    let digest: String = ws
        .store
        .state_digest()?
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let mut origins: Vec<serde_json::Value> = Vec::new();
    let mut all: std::collections::BTreeSet<_> = held.keys().copied().collect();
    all.extend(parked.keys().copied());
    for origin in all {
        origins.push(serde_json::json!({
            "code": device_code(origin),
            "fingerprint": fingerprint(origin),
            "held": held.get(&origin).copied().unwrap_or(0),
            "parked": parked.get(&origin).cloned().unwrap_or_default(),
            "this_device": origin == ws.identity.origin(),
        }));
    }
    let trusted_json: Vec<serde_json::Value> = trusted
        .iter()
        .map(|d| serde_json::json!({"name": d.name, "code": d.code(), "fingerprint": d.fingerprint()}))
        .collect();
    let forks: Vec<serde_json::Value> = ws
        .store
        .forks()?
        .iter()
        .map(|f| {
            serde_json::json!({
                "code": f.code(),
                "fingerprint": fingerprint(f.origin),
                "seq": f.seq,
                "via": f.sender_code(),
                "refused": f.refused,
            })
        })
        .collect();
    if json {
        println!(
            "{}",
            serde_json::json!({"origins": origins, "trusted": trusted_json, "forks": forks, "state_digest": digest})
        );
        return Ok(());
    }
    println!("{}", t("cli-sync-status-held"));
    for o in &origins {
        let gap = o["parked"].as_array().map(|a| a.len()).unwrap_or(0);
        let parked = if gap > 0 {
            tr("cli-sync-status-parked", &[("count", num(gap))])
        } else {
            String::new()
        };
        println!(
            "  {} ({})  {}{parked}",
            o["code"].as_str().unwrap_or(""),
            o["fingerprint"].as_str().unwrap_or(""),
            o["held"]
        );
    }
    tell_out("cli-sync-status-trusted", &[("count", num(trusted.len()))]);
    for d in &trusted {
        println!("  {} ({})  {}", d.code(), d.fingerprint(), shown(&d.name));
    }
    if !forks.is_empty() {
        println!("{}", t("cli-sync-status-forks"));
        for f in &forks {
            println!(
                "  {}",
                tr(
                    "cli-sync-status-fork",
                    &[
                        ("code", Arg::Str(f["code"].as_str().unwrap_or(""))),
                        ("seq", num(f["seq"].as_u64().unwrap_or(0))),
                        ("via", Arg::Str(f["via"].as_str().unwrap_or(""))),
                        ("count", num(f["refused"].as_u64().unwrap_or(0))),
                    ],
                )
            );
        }
    }
    tell_out("cli-sync-status-digest", &[("digest", Arg::Str(&digest))]);
    Ok(())
}
