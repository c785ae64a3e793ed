//! Search benchmark: time per keystroke, as a person types, for the service search (the
//! sample directory, 2,000 and 10,000 services) and the household search (100,000
//! households; `DALEEL_BENCH_HOUSEHOLDS` to change). Prints mean and worst; asserts no
//! time. `cargo bench --bench search -- --dump-services FILE` also writes the 10,000
//! service lines that `scripts/compare-fzf.sh` gives to `fzf --filter`. Search never
//! reads the database (it works on the lists the screens hold in memory), so these
//! figures are the same for an encrypted database and one in the clear.

mod common;

use std::time::Instant;

use daleel::demo;
use daleel::model::{Gazetteer, Timestamp, sample};
use daleel::search::households::{HouseholdRow, HouseholdSearch};
use daleel::search::services::ServiceSearch;

const SERVICE_QUERIES: [&str; 5] = [
    "legal aid",
    "health clinic",
    "shelter repair",
    "cash",
    "مساعدة قانونية",
];
const HOUSEHOLD_QUERIES: [&str; 5] = [
    "fatima al-j",
    "احمد الجبوري",
    "0770 12",
    "K7QX2-01",
    "zainab",
];
/// Names typed in another script or spelling than they were recorded in.
const VARIANT_QUERIES: [&str; 4] = ["fatma hasan", "kazim", "abd allah", "جبوري"];

#[path = "common/counting.rs"]
mod counting;
use counting::Counting;

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Types `query` one character at a time, timing each search; returns milliseconds.
fn keystrokes(query: &str, mut search: impl FnMut(&str) -> usize) -> Vec<f64> {
    let mut times = Vec::new();
    let mut typed = String::new();
    for c in query.chars() {
        typed.push(c);
        let t = Instant::now();
        std::hint::black_box(search(&typed));
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    times
}

fn report(label: &str, times: &[f64]) {
    let mean = times.iter().sum::<f64>() / times.len() as f64;
    let worst = times.iter().cloned().fold(0.0, f64::max);
    println!(
        "  {label:<44} mean {mean:>7.3} ms   worst {worst:>7.3} ms   ({} keystrokes)",
        times.len()
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dump = args
        .iter()
        .position(|a| a == "--dump-services")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let households: usize = common::households();
    let today = Timestamp(1_795_000_000_000);
    let gazetteer = Gazetteer::builtin();
    println!("search benchmark: time per keystroke (each query typed letter by letter)");

    let sample = sample::directory();
    let mut directories = vec![(
        "sample directory".to_string(),
        sample.organizations.clone(),
        sample.services.clone(),
    )];
    for n in [2_000, 10_000] {
        let (orgs, services) = demo::services(n, 3, today);
        directories.push((format!("{n} services"), orgs, services));
    }
    for (label, orgs, services) in &directories {
        let mut all = Vec::new();
        let started = Instant::now();
        let mut search = ServiceSearch::new(services.clone(), orgs, &gazetteer);
        let built = started.elapsed().as_secs_f64() * 1e3;
        for q in SERVICE_QUERIES {
            let times = keystrokes(q, |typed| search.search(typed, None, None, 500).len());
            if std::env::var_os("DALEEL_BENCH_VERBOSE").is_some() {
                let shown: Vec<String> = times.iter().map(|t| format!("{t:.1}")).collect();
                println!("    {q:?}: {}", shown.join(" "));
            }
            all.extend(times);
        }
        report(
            &format!("services, {label} (index built in {built:.1} ms)"),
            &all,
        );
    }
    if let Some(path) = dump {
        let (_, orgs, services) = &directories[2];
        let lines: Vec<String> = services
            .iter()
            .map(|s| {
                let org = orgs
                    .iter()
                    .find(|o| o.id == s.organization)
                    .map(|o| format!("{} {}", o.acronym, o.name))
                    .unwrap_or_default();
                format!(
                    "{} | {} | {} | {} | {}",
                    s.name,
                    org,
                    s.sector.label(),
                    s.areas.join(" "),
                    s.description
                )
            })
            .collect();
        std::fs::write(&path, lines.join("\n") + "\n").expect("write the service lines");
        println!("  wrote {} service lines to {path}", lines.len());
    }

    let base = counting::live_bytes();
    let started = Instant::now();
    let rows: Vec<HouseholdRow> = demo::households(households, 9, today)
        .into_iter()
        .enumerate()
        .map(|(i, mut h)| {
            h.case_code = format!("K7QX2-{:04}", i + 1);
            HouseholdRow::from_household(&h)
        })
        .collect();
    let generated = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let mut search = HouseholdSearch::new(rows);
    let built = started.elapsed().as_secs_f64();
    // The rows were given to the search and are gone: what is left is the lists.
    let held = counting::live_bytes().saturating_sub(base);
    println!(
        "  ({households} households generated in {generated:.1} s, indexed in {built:.2} s; the lists hold {:.1} MiB, {} bytes a household)",
        held as f64 / (1024.0 * 1024.0),
        held / households.max(1)
    );
    let mut all = Vec::new();
    for q in HOUSEHOLD_QUERIES {
        let times = keystrokes(q, |typed| search.search(typed, 200).len());
        if std::env::var_os("DALEEL_BENCH_VERBOSE").is_some() {
            let shown: Vec<String> = times.iter().map(|t| format!("{t:.1}")).collect();
            println!("    {q:?}: {}", shown.join(" "));
        }
        all.extend(times);
    }
    report(&format!("households, {households}"), &all);
    let mut all = Vec::new();
    for q in VARIANT_QUERIES {
        all.extend(keystrokes(q, |typed| search.search(typed, 200).len()));
    }
    report(&format!("households, {households}, other spellings"), &all);
    let t = Instant::now();
    let dups = search
        .likely_duplicates("فاطمة الجبوري", Some(1984), "IQG15", None, 5)
        .len();
    println!(
        "  likely duplicates of one name among {households}: {:.2} ms ({dups} found)",
        t.elapsed().as_secs_f64() * 1e3
    );
}
