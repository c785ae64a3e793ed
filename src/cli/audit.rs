//! `daleel audit`: who opened, changed, sent or received what, and when.

use clap::Args;

use super::{Failure, tell};
use crate::i18n::Arg;
use crate::workspace::Workspace;

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Only what concerns this household.
    #[arg(long, value_name = "CASE_CODE")]
    case: Option<String>,
    /// Print one JSON array on stdout.
    #[arg(long)]
    json: bool,
}

pub fn run(ws: &Workspace, args: &AuditArgs) -> Result<(), Failure> {
    let case = args.case.as_deref().map(|c| c.trim().to_uppercase());
    let trail = ws.store.audit_trail(case.as_deref())?;
    let at = |e: &crate::store::audit::AuditEntry| {
        e.at.to_utc().format("%Y-%m-%dT%H:%M:%SZ").to_string()
    };
    if args.json {
        let rows: Vec<serde_json::Value> = trail
            .iter()
            .map(|e| {
                serde_json::json!({
                    "at": at(e),
                    "worker": e.worker,
                    "action": e.action.word(),
                    "case_code": e.case_code,
                    "what": e.what,
                    "count": e.count,
                    "device": e.device,
                })
            })
            .collect();
        println!("{}", serde_json::Value::Array(rows));
        return Ok(());
    }
    if trail.is_empty() {
        match &case {
            Some(c) => tell("cli-audit-none-for", &[("code", Arg::Str(c))]),
            None => tell("cli-audit-none", &[]),
        }
    }
    for e in &trail {
        println!(
            "{}  {:<15} {:<20} {:<12} {} {}",
            at(e),
            e.action.word(),
            super::shown(&e.worker),
            super::shown(e.case_code.as_deref().unwrap_or("-")),
            super::shown(&e.what),
            if e.count == 1 {
                String::new()
            } else {
                format!("({})", e.count)
            }
        );
    }
    Ok(())
}
