//! `daleel stats`: what this laptop holds, counted.

use clap::Args;

use super::{Failure, thousands};
use crate::workspace::Workspace;

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Print one JSON object on stdout.
    #[arg(long)]
    json: bool,
}

pub fn run(ws: &Workspace, args: &StatsArgs) -> Result<(), Failure> {
    let s = ws.store.stats(ws.store.now())?;
    if args.json {
        println!("{}", serde_json::to_string(&s)?);
        return Ok(());
    }
    let sample = if ws.store.uses_sample_directory()? {
        "  (the built-in SAMPLE directory)"
    } else {
        ""
    };
    let by = |m: &std::collections::BTreeMap<String, u64>| {
        m.iter()
            .filter(|(_, n)| **n > 0)
            .map(|(k, n)| format!("{} {}", k.replace('_', " "), thousands(*n)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!("Households         {:>9}", thousands(s.households));
    println!("People             {:>9}", thousands(s.people));
    println!(
        "Needs              {:>9}  {}",
        thousands(s.needs),
        by(&s.needs_by_status)
    );
    println!(
        "Referrals          {:>9}  {}",
        thousands(s.referrals),
        by(&s.referrals_by_status)
    );
    println!("Overdue referrals  {:>9}", thousands(s.overdue_referrals));
    println!("Services           {:>9}{sample}", thousands(s.services));
    println!("Organizations      {:>9}", thousands(s.organizations));
    Ok(())
}
