//! `daleel erase`: a household's personal data removed, here and on every laptop the
//! erasure reaches.

use clap::Args;

use super::{Failure, confirm};
use crate::workspace::Workspace;

#[derive(Debug, Args)]
pub struct EraseArgs {
    /// The household's case code, e.g. K7QX2-0007.
    case_code: String,
    /// Do not ask for confirmation.
    #[arg(long)]
    yes: bool,
}

pub fn run(ws: &Workspace, args: &EraseArgs) -> Result<(), Failure> {
    let code = args.case_code.trim().to_uppercase();
    let household = ws
        .store
        .household_by_case_code(&code)?
        .ok_or_else(|| Failure(format!("no household has the case code {code}")))?;
    if ws.store.is_erased(household.id)? {
        return Err(Failure(format!("{code} was erased already")));
    }
    confirm(
        &format!(
            "Erase {code}? Its names, phone, village, members' details, answers and notes are removed from this laptop, and from every laptop this erasure reaches with the next bundles; the anonymous counts stay. Backups made before now are the only copy left. This cannot be undone."
        ),
        args.yes,
    )?;
    let worker = ws.store.current_worker()?.unwrap_or_default();
    let done = ws.store.erase(&worker, household.id)?;
    tracing::info!(
        needs = done.needs,
        referrals = done.referrals,
        redacted = done.redacted,
        "household erased"
    );
    eprintln!(
        "Erased {}: the household, {} needs and {} referrals keep only what counts them; {} changes of the log no longer hold their values. Send a bundle so that the other laptops erase it too.",
        done.case_code, done.needs, done.referrals, done.redacted
    );
    Ok(())
}
