//! `daleel demo`: a synthetic caseload for training and benchmarks.

use std::io::Write;

use clap::Args;

use super::{Failure, tell, thousands};
use crate::i18n::{Arg, tr};
use crate::workspace::Workspace;

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// How many households to make.
    #[arg(long, value_name = "N")]
    households: usize,
    /// The seed: the same seed gives the same caseload.
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
}

pub fn run(ws: &Workspace, args: &DemoArgs) -> Result<(), Failure> {
    let (households, seed) = (args.households, args.seed);
    if households == 0 {
        return Err(Failure::of("cli-demo-zero", &[]));
    }
    let started = std::time::Instant::now();
    let mut last_shown = 0;
    // A gauge redrawn in place on a terminal; a log or a pipe gets the summary only
    // (a carriage return there shows as `\u000d`).
    let terminal = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let summary = crate::demo::generate(&ws.store, households, seed, |done| {
        if terminal && (done - last_shown >= 5_000 || done == households) {
            last_shown = done;
            eprint!(
                "\r{}",
                tr(
                    "cli-demo-making",
                    &[
                        ("done", Arg::Str(&thousands(done as u64))),
                        ("all", Arg::Str(&thousands(households as u64))),
                    ],
                )
            );
            let _ = std::io::stderr().flush();
        }
    })?;
    if terminal {
        eprintln!();
    }
    tracing::info!(
        households = summary.households,
        needs = summary.needs,
        referrals = summary.referrals,
        "demo caseload made"
    );
    let n = |n: usize| thousands(n as u64);
    tell(
        "cli-demo-made",
        &[
            ("seed", Arg::Str(&seed.to_string())),
            (
                "seconds",
                Arg::Str(&format!("{:.1}", started.elapsed().as_secs_f64())),
            ),
            ("households", Arg::Str(&n(summary.households))),
            ("needs", Arg::Str(&n(summary.needs))),
            ("referrals", Arg::Str(&n(summary.referrals))),
            ("services", Arg::Str(&n(summary.services))),
            ("organizations", Arg::Str(&n(summary.organizations))),
        ],
    );
    tell("cli-demo-note", &[]);
    Ok(())
}
