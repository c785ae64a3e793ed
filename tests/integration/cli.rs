//! The documented commands, run as the built binary on temporary data directories: their
//! output, exit codes, and the one-line errors on bad input.

use std::path::Path;
use std::process::{Command, Output};

use crate::common;

fn daleel(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_daleel"))
        .envs(common::ENV)
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("DALEEL_DATA_DIR")
        .env_remove("DALEEL_LOG")
        .output()
        .expect("run daleel")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "failed: {}", stderr(o));
    serde_json::from_slice(&o.stdout).expect("stdout is exactly one JSON value")
}

#[test]
fn stats_on_a_fresh_directory_reports_the_sample_directory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let v = json(&daleel(dir.path(), &["stats", "--json"]));
    let keys: Vec<&str> = v
        .as_object()
        .expect("object")
        .keys()
        .map(|k| k.as_str())
        .collect();
    let mut expected = vec![
        "households",
        "people",
        "needs",
        "referrals",
        "referrals_by_status",
        "overdue_referrals",
        "services",
        "organizations",
    ];
    expected.sort();
    let mut keys_sorted = keys.clone();
    keys_sorted.sort();
    assert_eq!(keys_sorted, expected);
    let sample = daleel::model::sample::directory();
    assert_eq!(v["services"], sample.services.len() as u64);
    assert_eq!(v["organizations"], sample.organizations.len() as u64);
    assert_eq!(v["households"], 0);
    let statuses = v["referrals_by_status"].as_object().expect("object");
    assert_eq!(statuses.len(), 7);
    assert!(statuses.contains_key("sent") && statuses.contains_key("cancelled"));
    let text = stdout(&daleel(dir.path(), &["stats"]));
    assert!(text.contains("SAMPLE directory"), "{text}");
}

#[test]
fn demo_then_stats_counts_the_demo_households() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = daleel(dir.path(), &["demo", "--households", "300", "--seed", "4"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).is_empty(), "progress and summary go to stderr");
    assert!(stderr(&out).contains("300 households"));
    let v = json(&daleel(dir.path(), &["stats", "--json"]));
    assert_eq!(v["households"], 300);
    assert!(v["people"].as_u64().expect("n") > 300);
    let by_status: u64 = v["referrals_by_status"]
        .as_object()
        .expect("object")
        .values()
        .map(|n| n.as_u64().expect("n"))
        .sum();
    assert_eq!(v["referrals"].as_u64(), Some(by_status));
    assert!(v["services"].as_u64().expect("n") >= 50);
    // A second demo into the same directory is refused.
    let again = daleel(dir.path(), &["demo", "--households", "10"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("already holds 300 households"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn a_second_process_is_told_the_database_is_open_elsewhere() {
    let dir = tempfile::tempdir().expect("tempdir");
    let held = daleel::workspace::Workspace::open(dir.path(), &common::creds())
        .expect("hold the database");
    let out = daleel(dir.path(), &["stats"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("this database is open in another Daleel window"),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    drop(held);
    assert!(daleel(dir.path(), &["stats"]).status.success());
}

#[test]
fn identity_prints_name_code_and_fingerprint_and_keeps_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = json(&daleel(dir.path(), &["identity", "--json"]));
    let obj = first.as_object().expect("object");
    let mut keys: Vec<&String> = obj.keys().collect();
    keys.sort();
    assert_eq!(keys, ["code", "fingerprint", "name"]);
    assert_eq!(first["name"], "");
    assert_eq!(first["code"].as_str().expect("code").len(), 5);
    let named = json(&daleel(
        dir.path(),
        &["identity", "--name", "CRC Mosul laptop 3", "--json"],
    ));
    assert_eq!(named["name"], "CRC Mosul laptop 3");
    assert_eq!(named["fingerprint"], first["fingerprint"]);
    let again = json(&daleel(dir.path(), &["identity", "--json"]));
    assert_eq!(again, named);
    let text = stdout(&daleel(dir.path(), &["identity"]));
    assert!(text.contains(first["fingerprint"].as_str().expect("fp")));
    let bad = daleel(dir.path(), &["identity", "--name", "  "]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("1 to 60 characters"));
}

#[test]
fn gazetteer_import_takes_a_good_file_and_refuses_a_bad_one_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = tempfile::tempdir().expect("tempdir");
    let good = files.path().join("districts.csv");
    std::fs::write(
        &good,
        "adm2_pcode,adm2_en,adm2_ar,adm1_pcode\nIQG15Q01,Mosul,الموصل,IQG15\nIQG01Q01,Ramadi,الرمادي,IQG01\n",
    )
    .expect("write");
    let out = daleel(
        dir.path(),
        &["gazetteer", "import", good.to_str().expect("path")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("Imported 2 districts and 0 sub-districts"));

    let bad = files.path().join("bad.csv");
    std::fs::write(
        &bad,
        "adm3_pcode,adm3_en,adm3_ar,adm2_pcode\nIQG15Q01N01,Mosul Centre,x,IQG15Q01\nIQG15Q09N01,Nowhere,x,IQG15Q09\n",
    )
    .expect("write");
    let out = daleel(
        dir.path(),
        &["gazetteer", "import", bad.to_str().expect("path")],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.contains("line 3, column adm2_pcode: unknown district code \"IQG15Q09\""),
        "{err}"
    );
    assert!(err.contains("nothing was imported"));
    // The bad file's good first row was not kept either.
    {
        let ws = daleel::workspace::Workspace::open(dir.path(), &common::creds()).expect("open");
        let g = ws.store.gazetteer();
        assert!(g.get("IQG15Q01").is_some());
        assert!(g.get("IQG15Q01N01").is_none());
    }

    let missing = daleel(dir.path(), &["gazetteer", "import", "/no/such/file.csv"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("cannot read /no/such/file.csv"));
    let binary = files.path().join("photo.csv");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x41]).expect("write");
    let out = daleel(
        dir.path(),
        &["gazetteer", "import", binary.to_str().expect("p")],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("is not UTF-8 text"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn bad_usage_exits_2_and_help_exists_for_every_command() {
    let dir = tempfile::tempdir().expect("tempdir");
    for args in [
        &["frobnicate"][..],
        &["demo"],
        &["demo", "--households", "many"],
        &["stats", "--jsno"],
    ] {
        let out = daleel(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
    for args in [
        &["--help"][..],
        &["demo", "--help"],
        &["stats", "--help"],
        &["identity", "--help"],
        &["gazetteer", "--help"],
        &["gazetteer", "import", "--help"],
        &["services", "search", "--help"],
    ] {
        let out = daleel(dir.path(), args);
        assert!(out.status.success(), "{args:?}");
        assert!(stdout(&out).contains("Usage: daleel"), "{args:?}");
    }
    let out = daleel(dir.path(), &["--version"]);
    assert_eq!(
        stdout(&out).trim(),
        format!("daleel {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn services_search_finds_best_first_and_filters() {
    let dir = tempfile::tempdir().expect("tempdir");
    let v = json(&daleel(
        dir.path(),
        &["services", "search", "legal", "--json"],
    ));
    let list = v.as_array().expect("array");
    assert!(!list.is_empty());
    for item in list {
        for key in ["id", "name", "organization", "sector"] {
            assert!(item.get(key).is_some(), "{key} in {item}");
        }
    }
    assert!(
        list[0]["name"]
            .as_str()
            .expect("name")
            .to_lowercase()
            .contains("legal"),
        "{}",
        list[0]
    );
    let health = json(&daleel(
        dir.path(),
        &[
            "services",
            "search",
            "--sector",
            "health",
            "--governorate",
            "IQG01",
            "--json",
        ],
    ));
    let health = health.as_array().expect("array");
    assert!(!health.is_empty());
    assert!(health.iter().all(|s| s["sector"] == "health"));
    assert!(health.iter().all(|s| {
        s["areas"]
            .as_array()
            .expect("areas")
            .iter()
            .any(|a| a.as_str().is_some_and(|a| a.starts_with("IQG01")))
    }));
    let limited = json(&daleel(
        dir.path(),
        &["services", "search", "", "--limit", "3", "--json"],
    ));
    assert_eq!(limited.as_array().map(|a| a.len()), Some(3));
    let text = stdout(&daleel(dir.path(), &["services", "search", "civil id"]));
    assert!(text.contains("SAMPLE"), "{text}");
    let bad = daleel(
        dir.path(),
        &["services", "search", "x", "--sector", "plumbing"],
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("unknown sector \"plumbing\"; use one of: protection"),
        "{}",
        stderr(&bad)
    );
    let bad = daleel(
        dir.path(),
        &["services", "search", "x", "--governorate", "IQG99"],
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("unknown place code"));
}

#[test]
fn the_screens_need_a_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = daleel(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("the screens need a terminal"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_bad_config_file_is_named_with_its_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("config.toml"),
        "language = \"en\"\nidle_lock = 3\n",
    )
    .expect("write");
    let out = daleel(dir.path(), &["stats"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("config.toml, line 2: unknown field `idle_lock`"),
        "{err}"
    );
    std::fs::write(dir.path().join("config.toml"), "idle_lock_minutes = 3\n").expect("write");
    assert!(daleel(dir.path(), &["stats"]).status.success());
}

#[test]
fn the_log_file_holds_no_personal_data() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = Command::new(env!("CARGO_BIN_EXE_daleel"))
        .envs(common::ENV)
        .arg("--data-dir")
        .arg(dir.path())
        .args(["demo", "--households", "50"])
        .env("DALEEL_LOG", "trace")
        .output()
        .expect("run");
    assert!(out.status.success());
    let log = std::fs::read_to_string(dir.path().join("daleel.log")).expect("log written");
    assert!(log.contains("demo caseload made"), "{log}");
    let ws = daleel::workspace::Workspace::open(dir.path(), &common::creds()).expect("open");
    for h in ws.store.all::<daleel::model::Household>() {
        let h = h.expect("household");
        assert!(!log.contains(&h.head.name) && !log.contains(&h.phone));
    }
}

#[test]
fn identity_cards_are_exported_trusted_listed_and_removed() {
    let a = tempfile::tempdir().expect("tempdir");
    let b = tempfile::tempdir().expect("tempdir");
    let stick = tempfile::tempdir().expect("stick");
    json(&daleel(
        a.path(),
        &["identity", "--name", "Laptop A", "--json"],
    ));
    let a_id = json(&daleel(a.path(), &["identity", "--json"]));
    let out = daleel(
        a.path(),
        &[
            "identity",
            "export",
            "--out",
            stick.path().to_str().expect("p"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let card = stdout(&out).trim().to_string();
    assert!(
        card.ends_with(&format!(
            "daleel-{}.card",
            a_id["code"].as_str().expect("code")
        )),
        "{card}"
    );
    assert!(stderr(&out).contains(a_id["fingerprint"].as_str().expect("fp")));

    // No terminal and no --yes: refused, nothing trusted.
    let refused = daleel(b.path(), &["trust", "add", &card]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("add --yes"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(
        json(&daleel(b.path(), &["trust", "list", "--json"])),
        serde_json::json!([])
    );

    let added = daleel(b.path(), &["trust", "add", &card, "--yes"]);
    assert!(added.status.success(), "{}", stderr(&added));
    let shown = format!(
        "{} ({})",
        a_id["code"].as_str().expect("c"),
        a_id["fingerprint"].as_str().expect("f")
    );
    assert!(
        stderr(&added).contains(&format!("Now trusted: {shown}")),
        "{}",
        stderr(&added)
    );
    let list = json(&daleel(b.path(), &["trust", "list", "--json"]));
    assert_eq!(list[0]["name"], "Laptop A");
    assert_eq!(list[0]["code"], a_id["code"]);
    assert_eq!(list[0]["fingerprint"], a_id["fingerprint"]);
    let again = daleel(b.path(), &["trust", "add", &card, "--yes"]);
    assert!(stderr(&again).contains("trusted already"));

    // A laptop does not trust its own card.
    let own = daleel(a.path(), &["trust", "add", &card, "--yes"]);
    assert_eq!(own.status.code(), Some(1));
    assert!(stderr(&own).contains("own card"));

    // A changed byte is refused as altered, and the list is unchanged.
    let mut bytes = std::fs::read(&card).expect("card");
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    let bad = stick.path().join("bad.card");
    std::fs::write(&bad, bytes).expect("write");
    let out = daleel(
        b.path(),
        &["trust", "add", bad.to_str().expect("p"), "--yes"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("altered or forged"),
        "{}",
        stderr(&out)
    );
    let not_card = stick.path().join("photo.jpg");
    std::fs::write(&not_card, b"\xff\xd8\xff\xe0 not a card").expect("write");
    let out = daleel(
        b.path(),
        &["trust", "add", not_card.to_str().expect("p"), "--yes"],
    );
    assert!(
        stderr(&out).contains("not a Daleel identity card"),
        "{}",
        stderr(&out)
    );

    let fp = a_id["fingerprint"]
        .as_str()
        .expect("fp")
        .to_uppercase()
        .replace('-', "");
    let gone = daleel(b.path(), &["trust", "remove", &fp, "--yes"]);
    assert!(gone.status.success(), "{}", stderr(&gone));
    assert!(stderr(&gone).contains(&format!("No longer trusted: {shown}")));
    assert_eq!(
        json(&daleel(b.path(), &["trust", "list", "--json"])),
        serde_json::json!([])
    );
    let unknown = daleel(b.path(), &["trust", "remove", "0000-0000", "--yes"]);
    assert_eq!(unknown.status.code(), Some(1));
}

/// Another laptop whose card `dir`'s laptop trusts (bundles are encrypted to it).
fn trusted_receiver(dir: &Path) -> tempfile::TempDir {
    let other = tempfile::tempdir().expect("other");
    let cards = tempfile::tempdir().expect("cards");
    let out = daleel(
        other.path(),
        &[
            "identity",
            "export",
            "--out",
            cards.path().to_str().expect("p"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let card = stdout(&out).trim().to_string();
    let trusted = daleel(dir, &["trust", "add", &card, "--yes"]);
    assert!(trusted.status.success(), "{}", stderr(&trusted));
    other
}

#[test]
fn sync_export_writes_one_verifiable_bundle_and_nothing_half_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let stick = tempfile::tempdir().expect("stick");
    let stick_path = stick.path().to_str().expect("p");
    // Bundles are encrypted to trusted laptops: with none, there is no one to send to.
    let alone = daleel(dir.path(), &["sync", "export", "--out", stick_path]);
    assert_eq!(alone.status.code(), Some(1));
    assert!(
        stderr(&alone).contains("no trusted laptop can receive a bundle")
            && stderr(&alone).contains("daleel trust add"),
        "{}",
        stderr(&alone)
    );
    let _receiver = trusted_receiver(dir.path());
    // Nothing recorded yet: a bundle is still written (it carries the watermarks).
    let empty = daleel(dir.path(), &["sync", "export", "--out", stick_path]);
    assert!(empty.status.success(), "{}", stderr(&empty));
    let first = stdout(&empty).trim().to_string();
    assert!(
        first.ends_with(".bundle") && !first.contains(':'),
        "{first}"
    );
    assert!(
        daleel(dir.path(), &["demo", "--households", "40"])
            .status
            .success()
    );
    let out = daleel(dir.path(), &["sync", "export", "--out", stick_path]);
    assert!(out.status.success(), "{}", stderr(&out));
    let path = stdout(&out).trim().to_string();
    assert_eq!(stdout(&out).lines().count(), 1, "the path alone on stdout");
    assert_ne!(path, first, "a second export gets its own file");
    let names: Vec<String> = std::fs::read_dir(stick.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| n.ends_with(".bundle")),
        "no partial file left: {names:?}"
    );
    let bytes = std::fs::read(&path).expect("bundle");
    let ws = daleel::workspace::Workspace::open(dir.path(), &common::creds()).expect("open");
    let me = ws.identity.origin();
    // Encrypted: no name of the caseload is in the file; the sender can open it too.
    for h in ws.store.all::<daleel::model::Household>().take(10) {
        let name = h.expect("h").head.name;
        assert!(
            !bytes.windows(name.len()).any(|w| w == name.as_bytes()),
            "{name} readable in the bundle"
        );
    }
    let plain = daleel::sync::bundle::open(&bytes, &ws.identity, |o| o == me).expect("opens");
    let bundle = daleel::sync::bundle::read(&plain, |o| o == me).expect("verifies");
    let carried = bundle.change_count();
    assert_eq!(carried, ws.store.change_count());
    assert_eq!(bundle.header.watermarks[&me] as usize, carried);
    assert_eq!(bundle.header.kind, daleel::store::DatabaseKind::Demo);
    drop(ws);
    let missing = daleel(dir.path(), &["sync", "export", "--out", "/no/such/stick"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("is not a folder"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn referrals_are_listed_and_moved_by_the_lifecycle_rules() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(
        daleel(dir.path(), &["demo", "--households", "60"])
            .status
            .success()
    );
    let sent = json(&daleel(
        dir.path(),
        &["referral", "list", "--status", "sent", "--json"],
    ));
    let sent = sent.as_array().expect("array");
    assert!(!sent.is_empty());
    for key in ["id", "case_code", "service", "status", "due"] {
        assert!(sent[0].get(key).is_some(), "{key}");
    }
    assert!(sent.iter().all(|r| r["status"] == "sent"));
    let id = sent[0]["id"].as_str().expect("id").to_string();
    // A refused move says why and what is allowed, and changes nothing.
    let refused = daleel(dir.path(), &["referral", "move", &id, "completed"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("from sent it can become accepted, rejected or cancelled"),
        "{}",
        stderr(&refused)
    );
    let no_reason = daleel(dir.path(), &["referral", "move", &id, "rejected"]);
    assert!(stderr(&no_reason).contains("reason is required"));
    assert!(
        daleel(dir.path(), &["referral", "move", &id, "accepted"])
            .status
            .success()
    );
    let done = daleel(
        dir.path(),
        &[
            "referral",
            "move",
            &id,
            "completed",
            "--outcome",
            "client_refused",
            "--note",
            "called twice",
        ],
    );
    assert!(done.status.success(), "{}", stderr(&done));
    let all = json(&daleel(dir.path(), &["referral", "list", "--json"]));
    let moved = all
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["id"] == id.as_str())
        .expect("listed");
    assert_eq!(moved["status"], "completed");
    let bad = daleel(dir.path(), &["referral", "list", "--status", "lost"]);
    assert_eq!(bad.status.code(), Some(1));
    let bad = daleel(dir.path(), &["referral", "move", "not-an-id", "sent"]);
    assert!(stderr(&bad).contains("is not a referral id"));
}

/// `daleel` as a given worker: `worker` and `passphrase` in place of the usual ones
/// (`None` leaves that variable unset).
fn daleel_as(dir: &Path, worker: Option<&str>, passphrase: Option<&str>, args: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_daleel"));
    c.envs(common::ENV)
        .env_remove("DALEEL_WORKER")
        .env_remove("DALEEL_PASSPHRASE")
        .env_remove("DALEEL_DATA_DIR")
        .env_remove("DALEEL_LOG")
        .arg("--data-dir")
        .arg(dir)
        .args(args);
    if let Some(w) = worker {
        c.env("DALEEL_WORKER", w);
    }
    if let Some(p) = passphrase {
        c.env("DALEEL_PASSPHRASE", p);
    }
    c.output().expect("run daleel")
}

#[test]
fn a_new_database_needs_a_worker_and_a_passphrase_and_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = daleel_as(dir.path(), None, None, &["stats"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("--worker NAME or DALEEL_WORKER") && err.contains("--passphrase-file"),
        "{err}"
    );
    assert!(
        stats_fails_plainly(dir.path()),
        "a refused start leaves nothing half-made"
    );
    // A passphrase file's trailing newline is not part of the passphrase.
    let file = dir.path().join("pass.txt");
    std::fs::write(&file, "river stone 42\n").expect("write");
    let made = daleel_as(
        dir.path(),
        Some("Amal H."),
        None,
        &["--passphrase-file", file.to_str().expect("p"), "stats"],
    );
    assert!(made.status.success(), "{}", stderr(&made));
    let again = daleel_as(dir.path(), None, Some("river stone 42"), &["stats"]);
    assert!(again.status.success(), "{}", stderr(&again));
    let wrong = daleel_as(dir.path(), None, Some("river stone 42\n"), &["stats"]);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        stderr(&wrong).contains("the passphrase is wrong"),
        "{}",
        stderr(&wrong)
    );
    let none = daleel_as(dir.path(), None, None, &["stats"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(
        stderr(&none).contains("this database is encrypted"),
        "{}",
        stderr(&none)
    );
}

#[test]
fn passphrases_that_guessing_tools_try_first_are_refused_wherever_one_is_set() {
    let dir = tempfile::tempdir().expect("tempdir");
    // The first worker.
    for weak in [
        "12345678",
        "password",
        "aaaaaaaaaa",
        "amal2024",
        "daleel123",
    ] {
        let out = daleel_as(dir.path(), Some("Amal H."), Some(weak), &["stats"]);
        assert_eq!(out.status.code(), Some(1), "{weak}");
        let err = stderr(&out);
        assert!(
            err.contains("too easy to guess") && err.contains("three or four ordinary words"),
            "{weak}: {err}"
        );
        assert!(stats_fails_plainly(dir.path()), "nothing was made");
    }
    let amal =
        |args: &[&str]| daleel_as(dir.path(), Some("Amal H."), Some("test passphrase"), args);
    assert!(amal(&["stats"]).status.success());
    // `workers add` and `workers passphrase`, with the reason in the worker's language.
    let file = dir.path().join("new.txt");
    std::fs::write(&file, "Yousif1990\n").expect("write");
    let f = file.to_str().expect("p");
    let out = amal(&["workers", "add", "Yousif", "--new-passphrase-file", f]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("built on your name"),
        "{}",
        stderr(&out)
    );
    let out = amal(&[
        "--lang",
        "ar",
        "workers",
        "add",
        "Yousif",
        "--new-passphrase-file",
        f,
    ]);
    assert!(
        stderr(&out).contains("سهلة التخمين"),
        "in Arabic: {}",
        stderr(&out)
    );
    let list = stdout(&amal(&["workers", "list"]));
    assert_eq!(list.trim(), "Amal H.  (working now)", "nobody was added");
    std::fs::write(&file, "qwertyuiop").expect("write");
    let out = amal(&[
        "workers",
        "passphrase",
        "Amal H.",
        "--new-passphrase-file",
        f,
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("guessing tools try first"),
        "{}",
        stderr(&out)
    );
    assert!(
        amal(&["stats"]).status.success(),
        "the old passphrase still opens"
    );
    std::fs::write(&file, "lemon tractor violin").expect("write");
    let out = amal(&["workers", "add", "Yousif", "--new-passphrase-file", f]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// A database that was never made answers with the same request, not with a half-made one.
fn stats_fails_plainly(dir: &Path) -> bool {
    let out = daleel_as(dir, None, None, &["stats"]);
    !out.status.success() && stderr(&out).contains("needs its first worker")
}

#[test]
fn workers_are_added_listed_given_a_new_passphrase_and_removed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let amal =
        |args: &[&str]| daleel_as(dir.path(), Some("Amal H."), Some("test passphrase"), args);
    assert!(amal(&["stats"]).status.success());
    let file = dir.path().join("yousif.txt");
    std::fs::write(&file, "yousif's own phrase\r\n").expect("write");
    let out = amal(&[
        "workers",
        "add",
        "Yousif K.",
        "--new-passphrase-file",
        file.to_str().expect("p"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let list = json(&amal(&["workers", "list", "--json"]));
    let names: Vec<&str> = list
        .as_array()
        .expect("array")
        .iter()
        .map(|w| w["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["Amal H.", "Yousif K."]);
    // Two workers: the name is needed, and the one who unlocked is the one working.
    let which = daleel_as(dir.path(), None, Some("yousif's own phrase"), &["stats"]);
    assert_eq!(which.status.code(), Some(1));
    assert!(
        stderr(&which).contains("more than one worker"),
        "{}",
        stderr(&which)
    );
    let yousif = |args: &[&str]| {
        daleel_as(
            dir.path(),
            Some("yousif k."),
            Some("yousif's own phrase"),
            args,
        )
    };
    let list = json(&yousif(&["workers", "list", "--json"]));
    assert_eq!(list[1]["current"], serde_json::Value::Bool(true), "{list}");
    let wrong = daleel_as(
        dir.path(),
        Some("Yousif K."),
        Some("test passphrase"),
        &["stats"],
    );
    assert!(
        stderr(&wrong).contains("the passphrase is wrong"),
        "{}",
        stderr(&wrong)
    );
    // A new passphrase replaces the old one.
    std::fs::write(&file, "a brand new phrase").expect("write");
    let out = amal(&[
        "workers",
        "passphrase",
        "Yousif K.",
        "--new-passphrase-file",
        file.to_str().expect("p"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!yousif(&["stats"]).status.success());
    let renewed = daleel_as(
        dir.path(),
        Some("Yousif K."),
        Some("a brand new phrase"),
        &["stats"],
    );
    assert!(renewed.status.success(), "{}", stderr(&renewed));
    // Removing Amal: her passphrase opens nothing; Yousif's still does, alone.
    let out = daleel_as(
        dir.path(),
        Some("Yousif K."),
        Some("a brand new phrase"),
        &["workers", "remove", "Amal H.", "--yes"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!amal(&["stats"]).status.success());
    let alone = daleel_as(
        dir.path(),
        None,
        Some("a brand new phrase"),
        &["workers", "list"],
    );
    assert!(alone.status.success(), "{}", stderr(&alone));
    assert_eq!(stdout(&alone).trim(), "Yousif K.  (working now)");
    let last = daleel_as(
        dir.path(),
        None,
        Some("a brand new phrase"),
        &["workers", "remove", "Yousif K.", "--yes"],
    );
    assert_eq!(last.status.code(), Some(1));
    assert!(
        stderr(&last).contains("cannot remove themselves"),
        "{}",
        stderr(&last)
    );
}

#[test]
fn the_audit_trail_lists_changes_and_bundles_in_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(
        daleel(dir.path(), &["demo", "--households", "20"])
            .status
            .success()
    );
    let _receiver = trusted_receiver(dir.path());
    let stick = tempfile::tempdir().expect("stick");
    let out = daleel(
        dir.path(),
        &["sync", "export", "--out", stick.path().to_str().expect("p")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let all = json(&daleel(dir.path(), &["audit", "--json"]));
    let all = all.as_array().expect("array");
    let actions: std::collections::BTreeSet<&str> = all
        .iter()
        .map(|e| e["action"].as_str().expect("action"))
        .collect();
    assert_eq!(
        actions,
        ["bundle", "change"].into_iter().collect(),
        "{all:?}"
    );
    for e in all {
        for key in ["at", "worker", "action"] {
            assert!(e[key].is_string(), "{key} in {e}");
        }
    }
    let code = all
        .iter()
        .find_map(|e| e["case_code"].as_str())
        .expect("a change of a household")
        .to_string();
    let one = json(&daleel(dir.path(), &["audit", "--case", &code, "--json"]));
    let one = one.as_array().expect("array");
    assert!(!one.is_empty() && one.len() < all.len());
    assert!(one.iter().all(|e| e["case_code"] == code.as_str()));
}

#[test]
fn the_age_tool_opens_a_bundles_encrypted_part_with_the_receivers_identity_file() {
    if Command::new("age").arg("--version").output().is_err() {
        eprintln!("SKIPPED: the age tool is not installed (apt-get install age)");
        return;
    }
    let sender = tempfile::tempdir().expect("sender");
    assert!(
        daleel(sender.path(), &["demo", "--households", "5"])
            .status
            .success()
    );
    let receiver = trusted_receiver(sender.path());
    let stick = tempfile::tempdir().expect("stick");
    let out = daleel(
        sender.path(),
        &["sync", "export", "--out", stick.path().to_str().expect("p")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(stdout(&out).trim()).expect("bundle");
    // docs/bundle-format.md: magic (8), version (2), clear header length (4) and
    // header, then the age file.
    assert_eq!(&bytes[..8], b"DALEELBN");
    assert_eq!(u16::from_le_bytes([bytes[8], bytes[9]]), 2);
    let clear = u32::from_le_bytes(bytes[10..14].try_into().expect("len")) as usize;
    let part = stick.path().join("part.age");
    std::fs::write(&part, &bytes[14 + clear..]).expect("part");
    let key = stick.path().join("key.txt");
    let k = daleel(
        receiver.path(),
        &["identity", "age-key", "--out", key.to_str().expect("p")],
    );
    assert!(k.status.success(), "{}", stderr(&k));
    let opened = Command::new("age")
        .args(["-d", "-i"])
        .arg(&key)
        .arg(&part)
        .output()
        .expect("age");
    assert!(
        opened.status.success(),
        "{}",
        String::from_utf8_lossy(&opened.stderr)
    );
    assert_eq!(&opened.stdout[..8], b"DALEELBN");
    assert_eq!(
        u16::from_le_bytes([opened.stdout[8], opened.stdout[9]]),
        1,
        "inside: the signed bundle"
    );
    // The sender's own key opens it too; a third laptop's does not.
    let third = tempfile::tempdir().expect("third");
    let other_key = stick.path().join("other.txt");
    assert!(
        daleel(
            third.path(),
            &[
                "identity",
                "age-key",
                "--out",
                other_key.to_str().expect("p")
            ]
        )
        .status
        .success()
    );
    let refused = Command::new("age")
        .args(["-d", "-i"])
        .arg(&other_key)
        .arg(&part)
        .output()
        .expect("age");
    assert!(!refused.status.success());
}

#[test]
fn erase_removes_a_households_details_keeps_the_counts_and_asks_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(
        daleel(dir.path(), &["demo", "--households", "10"])
            .status
            .success()
    );
    let before = json(&daleel(dir.path(), &["stats", "--json"]));
    let code = {
        let ws = daleel::workspace::Workspace::open(dir.path(), &common::creds()).expect("open");
        let h = ws
            .store
            .all::<daleel::model::Household>()
            .next()
            .expect("one")
            .expect("h");
        h.case_code
    };
    std::thread::sleep(std::time::Duration::from_millis(300));
    let unasked = daleel(dir.path(), &["erase", &code]);
    assert_eq!(unasked.status.code(), Some(1), "no terminal, no --yes");
    assert!(stderr(&unasked).contains("--yes"), "{}", stderr(&unasked));
    let out = daleel(dir.path(), &["erase", &code, "--yes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("Erased {code}")),
        "{}",
        stderr(&out)
    );
    let after = json(&daleel(dir.path(), &["stats", "--json"]));
    assert_eq!(before["households"], after["households"], "the counts stay");
    assert_eq!(before["needs"], after["needs"]);
    let again = daleel(dir.path(), &["erase", &code, "--yes"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("erased already"),
        "{}",
        stderr(&again)
    );
    let trail = json(&daleel(dir.path(), &["audit", "--case", &code, "--json"]));
    assert!(
        trail
            .as_array()
            .expect("array")
            .iter()
            .any(|e| e["action"] == "erase"),
        "{trail}"
    );
}

#[test]
fn the_log_file_and_the_messages_hold_no_household_name_at_any_level() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_daleel"))
            .envs(common::ENV)
            .env("DALEEL_LOG", "trace")
            .arg("--data-dir")
            .arg(dir.path())
            .args(args)
            .output()
            .expect("run daleel")
    };
    assert!(run(&["demo", "--households", "15"]).status.success());
    let _receiver = trusted_receiver(dir.path());
    let stick = tempfile::tempdir().expect("stick");
    let stick_path = stick.path().to_str().expect("p");
    let (names, phones, code) = {
        let ws = daleel::workspace::Workspace::open(dir.path(), &common::creds()).expect("open");
        let all: Vec<daleel::model::Household> = ws
            .store
            .all::<daleel::model::Household>()
            .map(|h| h.expect("h"))
            .collect();
        (
            all.iter().map(|h| h.head.name.clone()).collect::<Vec<_>>(),
            all.iter().map(|h| h.phone.clone()).collect::<Vec<_>>(),
            all[0].case_code.clone(),
        )
    };
    std::thread::sleep(std::time::Duration::from_millis(300));
    let mut said = String::new();
    for args in [
        vec!["stats"],
        vec!["referral", "list"],
        vec!["sync", "export", "--out", stick_path],
        vec!["sync", "import", stick_path],
        vec!["audit"],
        vec!["erase", code.as_str(), "--yes"],
        vec!["trust", "add", "/no/such/card", "--yes"],
        vec![
            "referral",
            "move",
            "00000000-0000-0000-0000-000000000000",
            "accepted",
        ],
    ] {
        let out = run(&args);
        said.push_str(&stderr(&out));
        if args[0] != "referral" && args[0] != "audit" {
            said.push_str(&stdout(&out));
        }
    }
    let log = std::fs::read_to_string(dir.path().join("daleel.log")).expect("log");
    assert!(!log.is_empty(), "trace-level logging wrote something");
    for name in names.iter().filter(|n| n.chars().count() >= 6) {
        assert!(!log.contains(name.as_str()), "{name} in the log");
        assert!(!said.contains(name.as_str()), "{name} in a message");
    }
    for phone in phones.iter().filter(|p| p.len() >= 7) {
        assert!(!log.contains(phone.as_str()), "{phone} in the log");
    }
}

/// Runs a command that must succeed; returns its stdout, trimmed.
fn ok(dir: &Path, args: &[&str]) -> String {
    let out = daleel(dir, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stdout(&out).trim().to_string()
}

#[test]
fn a_team_is_made_joined_used_and_a_device_revoked_through_the_commands() {
    let (crc, field, stick) = (
        tempfile::tempdir().expect("crc"),
        tempfile::tempdir().expect("field"),
        tempfile::tempdir().expect("stick"),
    );
    let s = stick.path().to_str().expect("path");
    // Changing trust asks first; from a script, --yes is needed.
    let asked = daleel(crc.path(), &["team", "init", "--name", "CRC Mosul"]);
    assert!(!asked.status.success());
    assert!(stderr(&asked).contains("--yes"), "{}", stderr(&asked));
    let team_fp = ok(
        crc.path(),
        &[
            "team",
            "init",
            "--name",
            "CRC Mosul",
            "--sensitive",
            "--yes",
        ],
    );
    assert_eq!(team_fp.split('-').count(), 5, "a fingerprint: {team_fp}");
    let again = daleel(crc.path(), &["team", "init", "--name", "Other", "--yes"]);
    assert!(stderr(&again).contains("one team"), "{}", stderr(&again));

    let request = ok(field.path(), &["team", "request", "--out", s]);
    let bad_role = daleel(
        crc.path(),
        &[
            "team", "approve", &request, "--role", "boss", "--org", "CRC", "--out", s, "--yes",
        ],
    );
    assert!(
        stderr(&bad_role).contains("outreach, coordinator, partner"),
        "{}",
        stderr(&bad_role)
    );
    let cert = ok(
        crc.path(),
        &[
            "team",
            "approve",
            &request,
            "--role",
            "outreach",
            "--org",
            "CRC",
            "--expires",
            "2027-12-31",
            "--out",
            s,
            "--yes",
        ],
    );
    // The certificate is not for the coordinator's own laptop.
    let wrong = daleel(crc.path(), &["team", "join", &cert, "--yes"]);
    assert!(
        stderr(&wrong).contains("another device"),
        "{}",
        stderr(&wrong)
    );
    ok(field.path(), &["team", "join", &cert, "--yes"]);
    let list = json(&daleel(field.path(), &["team", "list", "--json"]));
    assert_eq!(list["team"], "CRC Mosul");
    assert_eq!(list["team_key"], team_fp.as_str());
    assert_eq!(list["members"].as_array().map(|m| m.len()), Some(2));

    // No pairwise trust: the team carries the bundles, here from the CRC to the field.
    ok(crc.path(), &["demo", "--households", "3"]);
    let from_crc = ok(crc.path(), &["sync", "export", "--out", s]);
    ok(field.path(), &["sync", "import", &from_crc]);
    let held = json(&daleel(field.path(), &["stats", "--json"]));
    assert_eq!(held["households"], 3);
    let field_fp = list["members"]
        .as_array()
        .and_then(|m| m.iter().find(|d| d["this_device"] == true))
        .and_then(|d| d["fingerprint"].as_str())
        .expect("the field laptop")
        .to_string();
    // Revoke: the CRC holds no change of the field laptop, so it asks from which on.
    let asks = daleel(crc.path(), &["team", "revoke", &field_fp, "--yes"]);
    assert!(stderr(&asks).contains("--after-seq"), "{}", stderr(&asks));
    ok(
        crc.path(),
        &["team", "revoke", &field_fp, "--after-seq", "0", "--yes"],
    );
    let listed = json(&daleel(crc.path(), &["team", "list", "--json"]));
    let standing = listed["members"]
        .as_array()
        .and_then(|m| m.iter().find(|d| d["fingerprint"] == field_fp.as_str()))
        .and_then(|d| d["standing"].as_str())
        .expect("standing")
        .to_string();
    assert_eq!(standing, "revoked after change 0");
    // A revoked laptop is sent nothing: with no other receiver, no bundle is written.
    let none = daleel(crc.path(), &["sync", "export", "--out", s]);
    assert!(
        stderr(&none).contains("no trusted laptop can receive"),
        "{}",
        stderr(&none)
    );
    let changes = json(&daleel(crc.path(), &["team", "changes", "--json"]));
    assert_eq!(changes.as_array().map(|a| a.len()), Some(0));

    // The team key, saved under a passphrase, makes a new laptop a coordinator of the
    // same team when the first one is lost.
    let phrase = stick.path().join("phrase.txt");
    std::fs::write(&phrase, "a long team passphrase\n").expect("phrase");
    let p = phrase.to_str().expect("p");
    let saved = ok(
        crc.path(),
        &["team", "save-key", "--out", s, "--key-passphrase-file", p],
    );
    let spare = tempfile::tempdir().expect("spare");
    std::fs::write(&phrase, "wrong passphrase\n").expect("phrase");
    let wrong = daleel(
        spare.path(),
        &[
            "team",
            "init",
            "--from-key",
            &saved,
            "--key-passphrase-file",
            p,
            "--yes",
        ],
    );
    assert!(
        stderr(&wrong).contains("passphrase is wrong"),
        "{}",
        stderr(&wrong)
    );
    std::fs::write(&phrase, "a long team passphrase\n").expect("phrase");
    let restored = ok(
        spare.path(),
        &[
            "team",
            "init",
            "--from-key",
            &saved,
            "--key-passphrase-file",
            p,
            "--yes",
        ],
    );
    assert_eq!(restored, team_fp);
    let spare_list = json(&daleel(spare.path(), &["team", "list", "--json"]));
    let me = spare_list["members"]
        .as_array()
        .and_then(|m| m.iter().find(|d| d["this_device"] == true))
        .expect("certified");
    assert_eq!(me["role"], "coordinator");
}

#[test]
fn data_folders_and_sticks_with_spaces_and_arabic_in_their_paths_work() {
    let root = tempfile::tempdir().expect("root");
    let a = root.path().join("laptop one").join("دليل");
    let b = root.path().join("حاسوب ٢");
    let stick = root.path().join("USB stick (E)");
    std::fs::create_dir_all(&stick).expect("stick");
    let stick_s = stick.to_str().expect("stick");
    ok(&a, &["demo", "--households", "20"]);
    let card_b = ok(&b, &["identity", "export", "--out", stick_s]);
    ok(&a, &["trust", "add", &card_b, "--yes"]);
    let card_a = ok(
        &a,
        &[
            "identity",
            "export",
            "--out",
            &format!("{stick_s}/a one.card"),
        ],
    );
    ok(&b, &["trust", "add", &card_a, "--yes"]);
    let bundle = ok(&a, &["sync", "export", "--out", stick_s]);
    assert!(bundle.starts_with(stick_s), "{bundle}");
    ok(&b, &["sync", "import", stick_s]);
    let stats = json(&daleel(&b, &["stats", "--json"]));
    assert_eq!(stats["households"], 20);
}

/// Byte strings no file of a data directory may hold once a worker is removed or a
/// passphrase changed: every key slot of the keyring as it was, and the nonce of every
/// value sealed under the old data key (the device key's among them).
fn old_key_needles(dir: &Path) -> Vec<Vec<u8>> {
    let db = raw_db(dir);
    let mut needles = Vec::new();
    for entry in db.open_tree("keyring").expect("keyring").iter() {
        let (k, v) = entry.expect("entry");
        if k.as_ref() != b"pepper" {
            needles.push(v.to_vec());
        }
    }
    let sealed = daleel::store::Slot::ALL
        .iter()
        .filter(|s| s.sealed())
        .map(|s| s.name())
        .chain(["trust"]);
    for name in sealed {
        for entry in db.open_tree(name).expect("tree").iter() {
            let (_, v) = entry.expect("entry");
            if v.len() >= 40 {
                needles.push(v[..24].to_vec());
            }
        }
    }
    let device = std::fs::read(dir.join("device.key")).expect("key");
    needles.push(device[4..28].to_vec());
    needles
}

/// How many of `needles` some file under `dir` holds (the nonces, all 24 bytes long,
/// looked up in a set; the few slots searched for one by one).
fn held(dir: &Path, needles: &[Vec<u8>]) -> usize {
    fn walk(dir: &Path, needles: &[Vec<u8>], found: &mut std::collections::HashSet<Vec<u8>>) {
        let nonces: std::collections::HashSet<&[u8]> = needles
            .iter()
            .filter(|n| n.len() == 24)
            .map(|n| n.as_slice())
            .collect();
        for entry in std::fs::read_dir(dir).expect("read") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, needles, found);
                continue;
            }
            let bytes = std::fs::read(&path).expect("file");
            for w in bytes.windows(24) {
                if nonces.contains(w) {
                    found.insert(w.to_vec());
                }
            }
            for n in needles.iter().filter(|n| n.len() != 24) {
                if bytes.windows(n.len()).any(|w| w == n.as_slice()) {
                    found.insert(n.clone());
                }
            }
        }
    }
    let mut found = std::collections::HashSet::new();
    walk(dir, needles, &mut found);
    found.len()
}

#[test]
fn a_removed_worker_or_a_changed_passphrase_opens_nothing_left_in_the_data_directory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let amal =
        |args: &[&str]| daleel_as(dir.path(), Some("Amal H."), Some("test passphrase"), args);
    assert!(amal(&["demo", "--households", "60"]).status.success());
    let file = dir.path().join("yousif.txt");
    std::fs::write(&file, "yousif's own phrase").expect("write");
    let f = file.to_str().expect("p");
    assert!(
        amal(&["workers", "add", "Yousif K.", "--new-passphrase-file", f])
            .status
            .success()
    );
    let households = json(&amal(&["stats", "--json"]))["households"].clone();
    let needles = old_key_needles(dir.path());
    let distinct: std::collections::HashSet<&Vec<u8>> = needles.iter().collect();
    assert_eq!(
        held(dir.path(), &needles),
        distinct.len(),
        "the scan finds them"
    );
    let out = amal(&["workers", "remove", "Yousif K.", "--yes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        held(dir.path(), &needles),
        0,
        "nothing under the old key or slots is left"
    );
    assert!(stderr(&out).contains("new key"), "{}", stderr(&out));
    let yousif = daleel_as(
        dir.path(),
        Some("Yousif K."),
        Some("yousif's own phrase"),
        &["stats"],
    );
    assert!(
        stderr(&yousif).contains("the passphrase is wrong"),
        "{}",
        stderr(&yousif)
    );
    assert_eq!(json(&amal(&["stats", "--json"]))["households"], households);
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("e").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !left.iter().any(|n| n.starts_with("rekey")),
        "no copy left aside: {left:?}"
    );
    // A new passphrase: the same for Amal's old one.
    let needles = old_key_needles(dir.path());
    std::fs::write(&file, "lemon tractor violin").expect("write");
    let out = amal(&[
        "workers",
        "passphrase",
        "Amal H.",
        "--new-passphrase-file",
        f,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(held(dir.path(), &needles), 0);
    assert!(stderr(&amal(&["stats"])).contains("the passphrase is wrong"));
    let renewed = daleel_as(
        dir.path(),
        None,
        Some("lemon tractor violin"),
        &["stats", "--json"],
    );
    assert_eq!(
        json(&renewed)["households"],
        households,
        "{}",
        stderr(&renewed)
    );
}

/// Opens a data directory's database with sled directly (after the command that used it
/// has let go of it).
fn raw_db(dir: &Path) -> sled::Db {
    let start = std::time::Instant::now();
    loop {
        match sled::open(dir.join("db")) {
            Ok(db) => return db,
            Err(_) if start.elapsed() < std::time::Duration::from_secs(5) => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(e) => panic!("raw open: {e}"),
        }
    }
}

#[test]
fn check_finds_a_damaged_index_and_records_and_repair_rebuilds_them_from_the_log() {
    let dir = tempfile::tempdir().expect("dir");
    ok(dir.path(), &["demo", "--households", "40"]);
    let whole = daleel(dir.path(), &["check", "--json"]);
    assert!(whole.status.success(), "{}", stderr(&whole));
    assert_eq!(json(&whole)["whole"], true);
    // An index entry and a household record go missing (sealed values need no key to
    // be removed).
    {
        let db = raw_db(dir.path());
        let idx = db.open_tree("idx_households_case_code").expect("idx");
        let (k, _) = idx.first().expect("read").expect("an entry");
        idx.remove(k).expect("remove");
        let households = db.open_tree("households").expect("tree");
        let (k, _) = households.last().expect("read").expect("a household");
        households.remove(k).expect("remove");
        db.flush().expect("flush");
    }
    let broken = daleel(dir.path(), &["check"]);
    assert!(!broken.status.success());
    let text = stdout(&broken);
    assert!(text.contains("idx_households_case_code"), "{text}");
    assert!(text.contains("not what the change log gives"), "{text}");
    let repaired = daleel(dir.path(), &["check", "--repair"]);
    assert!(repaired.status.success(), "{}", stderr(&repaired));
    assert!(stdout(&repaired).contains("repaired: recomputed"));
    let stats = json(&daleel(dir.path(), &["stats", "--json"]));
    assert_eq!(
        stats["households"], 40,
        "the household is back, from the log"
    );
    // A change missing from the log cannot be derived: named, and still wrong.
    {
        let db = raw_db(dir.path());
        let changes = db.open_tree("changes").expect("tree");
        let (k, _) = changes.iter().nth(5).expect("a change").expect("read");
        changes.remove(k).expect("remove");
        db.flush().expect("flush");
    }
    let gap = daleel(dir.path(), &["check", "--repair"]);
    assert!(!gap.status.success());
    assert!(stdout(&gap).contains("lacks 1 changes"), "{}", stdout(&gap));
}
