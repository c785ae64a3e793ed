//! `daleel referral list|slip|move`: the Referrals screen's moves from the shell, with the
//! same lifecycle rules and the same refusals, and the printable slip.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde::Serialize;
use uuid::Uuid;

use super::{Failure, tell};
use crate::i18n::{Arg, t};
use crate::model::{Household, Move, NotSuccessfulReason, Referral, ReferralStatus};
use crate::workspace::Workspace;

#[derive(Debug, Args)]
pub struct ReferralArgs {
    #[command(subcommand)]
    command: ReferralCommand,
}

#[derive(Debug, Subcommand)]
enum ReferralCommand {
    /// Referrals by due date (soonest first).
    List(ListArgs),
    /// Write a printable inter-agency referral slip (HTML) for an agency that does not
    /// use Daleel: only the details the household consented to share. Audited.
    Slip(SlipArgs),
    /// Move a referral (the same rules as the Referrals screen).
    Move(MoveArgs),
}

#[derive(Debug, Args)]
struct ListArgs {
    /// Only this status: draft, sent, accepted, rejected, completed, closed, cancelled.
    #[arg(long, value_name = "S")]
    status: Option<String>,
    /// Print one JSON array on stdout.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct SlipArgs {
    /// The referral's id (daleel referral list).
    id: String,
    /// The file to write (FILE.html).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

#[derive(Debug, Args)]
struct MoveArgs {
    /// The referral's id (daleel referral list).
    id: String,
    /// sent, accepted, rejected, completed, closed or cancelled.
    status: String,
    /// Why (required to reject, and to close an accepted referral).
    #[arg(long, value_name = "TEXT")]
    reason: Option<String>,
    /// For completed: successful (the default), or why not (client_refused,
    /// lack_of_capacity, no_longer_needed, client_unreachable,
    /// organization_unreachable, other).
    #[arg(long, value_name = "O")]
    outcome: Option<String>,
    /// A note for the history.
    #[arg(long, value_name = "TEXT")]
    note: Option<String>,
}

pub fn run(ws: &Workspace, args: &ReferralArgs) -> Result<(), Failure> {
    match &args.command {
        ReferralCommand::List(a) => list(ws, a),
        ReferralCommand::Slip(a) => slip(ws, a),
        ReferralCommand::Move(a) => move_to(ws, a),
    }
}

#[derive(Serialize)]
struct Row {
    id: String,
    case_code: String,
    service: String,
    organization: String,
    priority: &'static str,
    status: &'static str,
    due: Option<String>,
    overdue: bool,
}

fn list(ws: &Workspace, args: &ListArgs) -> Result<(), Failure> {
    let wanted = match &args.status {
        None => None,
        Some(s) => Some(ReferralStatus::from_code(s).ok_or_else(|| unknown_status(s))?),
    };
    let now = ws.store.now();
    let mut referrals: Vec<Referral> = match wanted {
        Some(s) => ws.store.referrals_in(s)?,
        None => ws.store.all::<Referral>().collect::<Result<_, _>>()?,
    };
    referrals.sort_by_key(|r| (r.due().map(|d| d.0).unwrap_or(i64::MAX), r.id));
    let mut rows = Vec::new();
    for r in &referrals {
        let case_code = ws
            .store
            .get::<Household>(r.household)?
            .map(|h| h.case_code)
            .unwrap_or_default();
        let service = ws
            .store
            .service(r.service)?
            .map(|s| s.name)
            .unwrap_or_default();
        let organization = ws
            .store
            .organization(r.organization)?
            .map(|o| o.short_name().to_string())
            .unwrap_or_default();
        rows.push(Row {
            id: r.id.to_string(),
            case_code,
            service,
            organization,
            priority: r.priority.code(),
            status: r.status().code(),
            due: r.due().map(|d| d.rfc3339()),
            overdue: r.is_overdue(now),
        });
    }
    if args.json {
        println!("{}", serde_json::to_string(&rows)?);
        return Ok(());
    }
    for r in &rows {
        println!(
            "{}  {:<11} {:<9} {:<10} {:<6} {}{}",
            r.id,
            r.case_code,
            r.status,
            r.due.as_deref().map(|d| &d[..10]).unwrap_or("-"),
            super::shown(&r.organization),
            super::shown(&r.service),
            if r.overdue {
                format!("  {}", t("cli-referral-overdue"))
            } else {
                String::new()
            }
        );
    }
    Ok(())
}

/// A status code that names no status.
fn unknown_status(code: &str) -> Failure {
    Failure::of(
        "cli-referral-unknown-status",
        &[
            ("status", Arg::Str(&format!("{code:?}"))),
            ("statuses", Arg::Str(&ReferralStatus::codes())),
        ],
    )
}

fn move_to(ws: &Workspace, args: &MoveArgs) -> Result<(), Failure> {
    let (id, status) = (args.id.as_str(), args.status.as_str());
    let id = Uuid::parse_str(id.trim()).map_err(|_| {
        Failure::of(
            "cli-referral-not-an-id",
            &[("id", Arg::Str(&format!("{id:?}")))],
        )
    })?;
    let to = ReferralStatus::from_code(status).ok_or_else(|| unknown_status(status))?;
    let outcome = match &args.outcome {
        None => None,
        Some(code) => Some(Move::outcome_from_code(code).ok_or_else(|| {
            Failure::of(
                "cli-referral-unknown-outcome",
                &[
                    ("outcome", Arg::Str(&format!("{code:?}"))),
                    ("outcomes", Arg::Str(&NotSuccessfulReason::codes())),
                ],
            )
        })?),
    };
    let mv = Move::to(to, args.reason.clone().unwrap_or_default(), outcome)
        .ok_or_else(|| Failure::of("cli-referral-no-draft", &[]))?;
    // Who moved it, in the history: the worker; else, for a database made before
    // workers, the command line (a fixed word, not translated: it is stored).
    let author = ws
        .store
        .current_worker()?
        .unwrap_or_else(|| "(command line)".into());
    let step = ws
        .store
        .move_referral(&author, id, &mv, args.note.as_deref().unwrap_or(""))?;
    tracing::info!(status = %step.to, "referral moved from the command line");
    tell(
        "cli-referral-moved",
        &[(
            "status",
            Arg::Str(&crate::i18n::labels::referral_status(step.to)),
        )],
    );
    Ok(())
}

/// `daleel referral slip ID --out FILE.html`.
fn slip(ws: &Workspace, args: &SlipArgs) -> Result<(), Failure> {
    let id = args.id.as_str();
    let id = Uuid::parse_str(id.trim())
        .map_err(|_| Failure::of("cli-referral-slip-not-an-id", &[("id", Arg::Str(id))]))?;
    let out = super::out_file(
        &args.out,
        &format!("daleel-slip-{}.html", &id.simple().to_string()[..8]),
        &["html", "htm"],
    )?;
    let out = out.as_path();
    let html = crate::report::slip::slip(&ws.store, id)?;
    // A slip names the household: readable by its owner only.
    super::write_private(out, html.as_bytes())?;
    println!("{}", crate::disk::shown(out));
    tell("cli-referral-slip-written", &[]);
    Ok(())
}
