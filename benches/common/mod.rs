//! What the benchmarks share: memory figures from /proc and the household count to use.

/// A memory figure from /proc/self/status (Linux), in MiB; NaN elsewhere.
fn proc_status_mib(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(f64::NAN)
}

/// Resident memory now.
#[allow(dead_code)]
pub fn rss_mib() -> f64 {
    proc_status_mib("VmRSS:")
}

/// The most resident memory so far.
#[allow(dead_code)]
pub fn peak_rss_mib() -> f64 {
    proc_status_mib("VmHWM:")
}

#[allow(dead_code)]
/// `DALEEL_BENCH_HOUSEHOLDS`, or 100,000 (performance.md's field scale).
pub fn households() -> usize {
    std::env::var("DALEEL_BENCH_HOUSEHOLDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000)
}

/// The worker the benchmarks' laptops open with, at Argon2's least cost: unlocking is
/// timed apart (`cargo bench --bench store`).
#[allow(dead_code)]
pub fn creds() -> daleel::workspace::Credentials {
    daleel::workspace::Credentials::new("Amal H.", "bench passphrase").cheap()
}

/// Runs `command` (a child of the benchmark, or the daleel binary) and gives its standard
/// output; a failure stops the benchmark with the child's standard error.
#[allow(dead_code)]
pub fn stdout_of(command: &mut std::process::Command) -> String {
    let out = command.output().expect("start the child process");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}
