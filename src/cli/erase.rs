//! `daleel erase`: a household's personal data removed, here and on every laptop the
//! erasure reaches.

use clap::Args;

use super::{Failure, confirm, tell};
use crate::i18n::{Arg, tr};
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
        .ok_or_else(|| Failure::of("cli-erase-no-such", &[("code", Arg::Str(&code))]))?;
    if ws.store.is_erased(household.id)? {
        return Err(Failure::of(
            "cli-erase-already",
            &[("code", Arg::Str(&code))],
        ));
    }
    confirm(
        &tr("cli-erase-confirm", &[("code", Arg::Str(&code))]),
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
    let num = |n: usize| Arg::Num(n as i64);
    tell(
        "cli-erased",
        &[
            ("code", Arg::Str(&done.case_code)),
            ("needs", num(done.needs)),
            ("referrals", num(done.referrals)),
            ("changes", Arg::Num(done.redacted as i64)),
        ],
    );
    Ok(())
}
