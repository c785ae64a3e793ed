//! What the sync tests share: the fixed time they start at and a household to carry.

use daleel::model::{
    CaseStatus, Consent, Displacement, DisplacementKind, Household, Location, Person, Timestamp,
};
use uuid::Uuid;

#[allow(dead_code)]
pub mod device;
#[allow(dead_code)]
pub mod keys;
#[allow(dead_code)]
pub mod screen;

/// The wall clock the laptops start at (late 2026).
#[allow(dead_code)]
pub const NOW: i64 = 1_795_950_000_000;

/// An open returnee household in Ninewa that consented to services, headed by `name`.
#[allow(dead_code)]
pub fn household(name: &str) -> Household {
    Household {
        id: Uuid::now_v7(),
        head: Person::new(Uuid::now_v7(), name),
        phone: "0770 000 0000".into(),
        location: Location {
            governorate: "IQG15".into(),
            ..Location::default()
        },
        displacement: Displacement {
            kind: DisplacementKind::Returnee,
            returned_on: None,
        },
        consent: Some(Consent {
            services: true,
            disclosure: false,
            follow_up: true,
            recorded_at: Timestamp(NOW),
            recorded_by: "w".into(),
        }),
        status: CaseStatus::Open,
        created_at: Timestamp(NOW),
        created_by: "w".into(),
        ..Household::default()
    }
}

/// The worker every test laptop opens with, at Argon2's least cost (tests only).
#[allow(dead_code)]
pub fn creds() -> daleel::workspace::Credentials {
    daleel::workspace::Credentials::new("Amal H.", "test passphrase").cheap()
}

/// The same, as the environment of a `daleel` process (a debug build honours
/// `DALEEL_TEST_KDF=cheap`).
#[allow(dead_code)]
pub const ENV: [(&str, &str); 3] = [
    ("DALEEL_WORKER", "Amal H."),
    ("DALEEL_PASSPHRASE", "test passphrase"),
    ("DALEEL_TEST_KDF", "cheap"),
];

/// Retries `f` while the data directory is still locked: sled lets go of its files a
/// moment after a store is dropped, and a killed process's lock a moment after it dies.
#[allow(dead_code)]
pub fn unlocked<T>(
    mut f: impl FnMut() -> Result<T, daleel::workspace::WorkspaceError>,
) -> Result<T, daleel::workspace::WorkspaceError> {
    let started = std::time::Instant::now();
    loop {
        match f() {
            Err(daleel::workspace::WorkspaceError::Locked { .. })
                if started.elapsed() < std::time::Duration::from_secs(10) =>
            {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            other => return other,
        }
    }
}

/// The rows of a CSV file, every cell as text (no header row taken apart).
#[allow(dead_code)]
pub fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes);
    r.records()
        .map(|x| x.expect("row").iter().map(str::to_string).collect())
        .collect()
}

/// Runs the `daleel` binary on the data directory `dir` as a worker of `ENV`.
#[allow(dead_code)]
pub fn daleel(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_daleel"))
        .envs(ENV)
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .expect("run daleel")
}
