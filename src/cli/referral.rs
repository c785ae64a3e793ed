//! `daleel referral list` and `daleel referral move`: the Referrals screen's moves from the
//! shell, with the same lifecycle rules and the same refusals.

use serde::Serialize;
use uuid::Uuid;

use super::Failure;
use crate::model::{Household, Move, NotSuccessfulReason, Referral, ReferralStatus};
use crate::workspace::Workspace;

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

pub fn list(ws: &Workspace, status: Option<&str>, json: bool) -> Result<(), Failure> {
    let wanted = match status {
        None => None,
        Some(s) => Some(ReferralStatus::from_code(s).ok_or_else(|| {
            Failure(format!(
                "unknown status {s:?}; use one of: {}",
                ReferralStatus::codes()
            ))
        })?),
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
    if json {
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
            if r.overdue { "  OVERDUE" } else { "" }
        );
    }
    Ok(())
}

pub fn move_to(
    ws: &Workspace,
    id: &str,
    status: &str,
    reason: Option<&str>,
    outcome: Option<&str>,
    note: Option<&str>,
) -> Result<(), Failure> {
    let id = Uuid::parse_str(id.trim()).map_err(|_| {
        Failure(format!(
            "{id:?} is not a referral id: see daleel referral list"
        ))
    })?;
    let to = ReferralStatus::from_code(status).ok_or_else(|| {
        Failure(format!(
            "unknown status {status:?}; use one of: {}",
            ReferralStatus::codes()
        ))
    })?;
    let outcome = match outcome {
        None => None,
        Some(code) => Some(Move::outcome_from_code(code).ok_or_else(|| {
            Failure(format!(
                "unknown outcome {code:?}; use successful or one of: {}",
                NotSuccessfulReason::codes()
            ))
        })?),
    };
    let mv = Move::to(to, reason.unwrap_or("").to_string(), outcome)
        .ok_or_else(|| Failure("a referral cannot go back to draft".into()))?;
    let author = ws
        .store
        .current_worker()?
        .unwrap_or_else(|| "(command line)".into());
    let step = ws
        .store
        .move_referral(&author, id, &mv, note.unwrap_or(""))?;
    tracing::info!(status = %step.to, "referral moved from the command line");
    eprintln!("The referral is now {}.", step.to);
    Ok(())
}

/// `daleel referral slip ID --out FILE.html`.
pub fn slip(ws: &Workspace, id: &str, out: &std::path::Path) -> Result<(), Failure> {
    let id = Uuid::parse_str(id.trim()).map_err(|_| {
        Failure(format!(
            "\"{id}\" is not a referral id: copy one from daleel referral list"
        ))
    })?;
    let out = super::out_file(
        out,
        &format!("daleel-slip-{}.html", &id.simple().to_string()[..8]),
        &["html", "htm"],
    )?;
    let out = out.as_path();
    let html = crate::report::slip::slip(&ws.store, id)?;
    // A slip names the household: readable by its owner only.
    super::write_private(out, html.as_bytes())?;
    println!("{}", out.display());
    eprintln!("Wrote the referral slip: print it, or give it to the receiving agency.");
    Ok(())
}
