//! `daleel check`: the database checked against its change log and its audit trail, and
//! repaired where what is wrong can be derived again.

use clap::Args;

use super::{Failure, tell_out};
use crate::i18n::{Arg, t};
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
            tell_out("cli-check-repaired", &[("what", Arg::Str(r))]);
        }
        for p in &problems {
            tell_out("cli-check-problem", &[("problem", Arg::Str(p))]);
        }
        if problems.is_empty() {
            println!("{}", t("cli-check-whole"));
        }
    }
    let count = [("count", Arg::Num(problems.len() as i64))];
    match (problems.is_empty(), repair) {
        (true, _) => Ok(()),
        (false, true) => Err(Failure::of("cli-check-problems", &count)),
        (false, false) => Err(Failure::of("cli-check-problems-repair", &count)),
    }
}
