//! `daleel stats`: what this laptop holds, counted.

use clap::Args;

use super::{Failure, thousands};
use crate::i18n::labels;
use crate::i18n::{Arg, t, tr};
use crate::model::{NeedStatus, ReferralStatus};
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
    // The built-in SAMPLE directory is named as the directory only while no real one is
    // here; after an import, the sample services still shown are counted (issue 18).
    let services = ws.store.services()?;
    let shown_sample = services
        .iter()
        .filter(|v| crate::model::sample::is_sample_id(v.id))
        .count();
    let sample = if shown_sample == 0 {
        String::new()
    } else if shown_sample == services.len() {
        format!("  {}", t("cli-stats-sample"))
    } else {
        format!(
            "  {}",
            tr(
                "cli-stats-sample-some",
                &[("count", Arg::Num(shown_sample as i64))]
            )
        )
    };
    // Needs and referrals by status, in words: `open 3 · referred 2`.
    let by = |m: &std::collections::BTreeMap<String, u64>, word: &dyn Fn(&str) -> String| {
        m.iter()
            .filter(|(_, n)| **n > 0)
            .map(|(code, n)| {
                tr(
                    "cli-stats-by-status",
                    &[
                        ("status", Arg::Str(&word(code))),
                        ("count", Arg::Str(&thousands(*n))),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let need = |code: &str| {
        NeedStatus::from_code(code).map_or_else(|| code.replace('_', " "), labels::need_status)
    };
    let referral = |code: &str| {
        ReferralStatus::from_code(code)
            .map_or_else(|| code.replace('_', " "), labels::referral_status)
    };
    let rows = [
        ("cli-stats-households", s.households, String::new()),
        ("cli-stats-people", s.people, String::new()),
        (
            "cli-stats-needs",
            s.needs,
            format!("  {}", by(&s.needs_by_status, &need)),
        ),
        (
            "cli-stats-referrals",
            s.referrals,
            format!("  {}", by(&s.referrals_by_status, &referral)),
        ),
        ("cli-stats-overdue", s.overdue_referrals, String::new()),
        ("cli-stats-services", s.services, sample),
        ("cli-stats-organizations", s.organizations, String::new()),
    ];
    let rows: Vec<(String, String)> = rows
        .into_iter()
        .map(|(id, n, after)| (t(id), format!("{:>9}{}", thousands(n), after.trim_end())))
        .collect();
    super::print_labelled(super::out::Stream::Out, &rows, 2);
    Ok(())
}
