//! `daleel demo`: a synthetic caseload for training and benchmarks.

use std::io::Write;

use clap::Args;

use super::{Failure, thousands};
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
        return Err(Failure("--households must be at least 1".into()));
    }
    let started = std::time::Instant::now();
    let mut last_shown = 0;
    let summary = crate::demo::generate(&ws.store, households, seed, |done| {
        if done - last_shown >= 5_000 || done == households {
            last_shown = done;
            eprint!(
                "\rmaking demo households: {} of {}",
                thousands(done as u64),
                thousands(households as u64)
            );
            let _ = std::io::stderr().flush();
        }
    })?;
    eprintln!();
    tracing::info!(
        households = summary.households,
        needs = summary.needs,
        referrals = summary.referrals,
        "demo caseload made"
    );
    eprintln!(
        "Made a DEMO caseload (seed {seed}) in {:.1} s: {} households, {} needs, {} referrals, {} services from {} organizations.",
        started.elapsed().as_secs_f64(),
        thousands(summary.households as u64),
        thousands(summary.needs as u64),
        thousands(summary.referrals as u64),
        thousands(summary.services as u64),
        thousands(summary.organizations as u64),
    );
    eprintln!("This data directory is now a demo database: it never mixes with real data.");
    Ok(())
}
