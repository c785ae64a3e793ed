//! `daleel check`: the database checked against its change log and its audit trail, and
//! repaired where what is wrong can be derived again.

use clap::Args;

use super::Failure;
use crate::workspace::Workspace;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Print one JSON object on stdout.
    #[arg(long)]
    json: bool,
    /// Recompute what can be derived (records, indexes, versions, conflicts) from
    /// the log, note a broken or rolled-back audit trail in the trail itself, and say
    /// what was done.
    #[arg(long)]
    repair: bool,
}

/// `daleel check [--json] [--repair]`.
pub fn run(ws: &Workspace, args: &CheckArgs) -> Result<(), Failure> {
    let (json, repair) = (args.json, args.repair);
    let repaired = if repair {
        ws.store.repair()?
    } else {
        Vec::new()
    };
    let problems = ws.store.check()?;
    if json {
        println!(
            "{}",
            serde_json::json!({"problems": problems, "repaired": repaired, "whole": problems.is_empty()})
        );
    } else {
        for r in &repaired {
            println!("repaired: {r}");
        }
        for p in &problems {
            println!("problem: {p}");
        }
        if problems.is_empty() {
            println!(
                "The database is whole: indexes, change logs, records and the audit trail agree."
            );
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Failure(format!(
            "{} problems (above){}",
            problems.len(),
            if repair {
                ""
            } else {
                ": daleel check --repair recomputes what can be derived"
            }
        )))
    }
}
