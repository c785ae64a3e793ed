//! `daleel stats` and `daleel demo`.

use std::io::Write;

use super::{Failure, thousands};
use crate::workspace::Workspace;

pub fn stats(ws: &Workspace, json: bool) -> Result<(), Failure> {
    let s = ws.store.stats(ws.store.now())?;
    if json {
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

pub fn demo(ws: &Workspace, households: usize, seed: u64) -> Result<(), Failure> {
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
