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
    /// Where the data directory's bytes lie: each tree's entries, keys and values, sled's
    /// files around them, and the bytes per household.
    #[arg(long)]
    disk: bool,
}

pub fn run(ws: &Workspace, args: &StatsArgs) -> Result<(), Failure> {
    if args.disk {
        return disk(ws, args.json);
    }
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

/// What the data directory holds, measured (`stats --disk`).
#[derive(Debug, serde::Serialize)]
struct Disk {
    trees: Vec<crate::store::TreeSize>,
    /// Keys and values of every tree.
    records: u64,
    /// sled's files (the `db` folder): the records, sled's own overhead and garbage.
    sled_files: u64,
    /// Everything else in the data directory (the keyring's files, the audit head,
    /// drafts, the lock).
    other_files: u64,
    households: u64,
}

fn disk(ws: &Workspace, json: bool) -> Result<(), Failure> {
    let trees = ws.store.tree_sizes()?;
    let records = trees.iter().map(|t| t.key_bytes + t.value_bytes).sum();
    let sled_files = folder_bytes(&ws.dir.join(crate::store::DB_DIR));
    let other_files = folder_bytes(&ws.dir).saturating_sub(sled_files);
    let households = ws.store.count::<crate::model::Household>() as u64;
    let d = Disk {
        trees,
        records,
        sled_files,
        other_files,
        households,
    };
    if json {
        println!("{}", serde_json::to_string(&d)?);
        return Ok(());
    }
    let mib = |b: u64| format!("{:.1} MiB", b as f64 / (1u64 << 20) as f64);
    println!(
        "{:<26} {:>11} {:>12} {:>12}",
        t("cli-stats-disk-tree"),
        t("cli-stats-disk-entries"),
        t("cli-stats-disk-keys"),
        t("cli-stats-disk-values")
    );
    for tree in d.trees.iter().filter(|t| t.entries > 0) {
        println!(
            "{:<26} {:>11} {:>12} {:>12}",
            tree.name,
            thousands(tree.entries),
            mib(tree.key_bytes),
            mib(tree.value_bytes)
        );
    }
    let all = d.sled_files + d.other_files;
    let per = |b: u64| {
        if d.households == 0 {
            "-".to_string()
        } else {
            format!("{:.1} KiB", b as f64 / d.households as f64 / 1024.0)
        }
    };
    let rows = [
        ("cli-stats-disk-records", d.records),
        ("cli-stats-disk-sled", d.sled_files),
        (
            "cli-stats-disk-overhead",
            d.sled_files.saturating_sub(d.records),
        ),
        ("cli-stats-disk-other", d.other_files),
        ("cli-stats-disk-all", all),
    ];
    let rows: Vec<(String, String)> = rows
        .into_iter()
        .map(|(id, b)| (t(id), format!("{:>12}  {}", mib(b), per(b))))
        .collect();
    super::print_labelled(super::out::Stream::Out, &rows, 0);
    println!(
        "{}",
        tr(
            "cli-stats-disk-households",
            &[("count", Arg::Str(&thousands(d.households)))]
        )
    );
    Ok(())
}

/// The bytes of the regular files under `dir` (links not followed).
fn folder_bytes(dir: &std::path::Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => folder_bytes(&e.path()),
            Ok(t) if t.is_file() => e.metadata().map(|m| m.len()).unwrap_or(0),
            _ => 0,
        })
        .sum()
}
