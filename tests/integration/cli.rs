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
        .env_remove("DALEEL_LANG")
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

/// `stats --disk` says where the data directory's bytes lie: what each tree holds, and
/// sled's files around them.
#[test]
fn stats_disk_measures_each_tree_and_the_files_around_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = daleel(dir.path(), &["demo", "--households", "60", "--seed", "2"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v = json(&daleel(dir.path(), &["stats", "--disk", "--json"]));
    let trees = v["trees"].as_array().expect("trees");
    let tree = |name: &str| {
        trees
            .iter()
            .find(|t| t["name"] == name)
            .unwrap_or_else(|| panic!("{name} in {trees:?}"))
    };
    assert_eq!(tree("households")["entries"], 60);
    assert!(tree("changes")["entries"].as_u64().expect("n") >= 60);
    let sum: u64 = trees
        .iter()
        .map(|t| t["key_bytes"].as_u64().expect("k") + t["value_bytes"].as_u64().expect("v"))
        .sum();
    assert_eq!(v["records"].as_u64(), Some(sum));
    assert!(v["sled_files"].as_u64().expect("sled") >= sum, "{v}");
    assert!(
        v["other_files"].as_u64().expect("other") > 0,
        "the keyring and lock at least"
    );
    assert_eq!(v["households"], 60);
    let text = stdout(&daleel(dir.path(), &["stats", "--disk"]));
    assert!(text.contains("households") && text.contains("KiB") && text.contains("MiB"));
}

/// `compact` writes the database again without sled's garbage: every record and the
/// check as before, the worker still opens it, and the trail says so.
#[test]
fn compact_rewrites_the_database_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = daleel(dir.path(), &["demo", "--households", "400", "--seed", "3"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let stats = json(&daleel(dir.path(), &["stats", "--json"]));
    let before = json(&daleel(dir.path(), &["stats", "--disk", "--json"]));
    let out = daleel(dir.path(), &["compact"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("Compacted"), "{}", stderr(&out));
    let after = json(&daleel(dir.path(), &["stats", "--disk", "--json"]));
    // The same records, change log and indexes (the audit trail grew by one entry).
    let tree = |v: &serde_json::Value, name: &str| {
        v["trees"]
            .as_array()
            .expect("trees")
            .iter()
            .find(|t| t["name"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("{name}"))
    };
    for name in ["households", "needs", "referrals", "changes", "versions"] {
        let (b, a) = (tree(&before, name), tree(&after, name));
        assert_eq!(b["entries"], a["entries"], "{name}");
        assert_eq!(b["key_bytes"], a["key_bytes"], "{name}");
    }
    // How much smaller depends on how much garbage sled had kept: a benchmark's figure
    // (docs/performance.md), not a test's.
    assert_eq!(json(&daleel(dir.path(), &["stats", "--json"])), stats);
    let check = daleel(dir.path(), &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    let trail = json(&daleel(dir.path(), &["audit", "--json"]));
    assert!(
        trail
            .as_array()
            .expect("entries")
            .iter()
            .any(|e| e["action"] == "compact"),
        "{trail}"
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
        &["households", "search", "--help"],
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
        stderr(&missing).contains("no such folder"),
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
    // Trusting the receiver is audited too.
    assert_eq!(
        actions,
        ["bundle", "change", "trust_add"].into_iter().collect(),
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
fn households_search_finds_a_household_recorded_in_arabic_only_by_its_latin_spellings() {
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let ws =
            common::unlocked(|| daleel::workspace::Workspace::open(dir.path(), &common::creds()))
                .expect("open");
        // Recorded with its Arabic name only, as a registration list often has it.
        let mut fatima = common::household("فاطمة حسن");
        fatima.phone = "0770 123 4567".into();
        let mut zainab = common::household("Zainab Kadhim");
        zainab.phone = "0781 555 0000".into();
        ws.store
            .apply(
                "Amal H.",
                &[
                    daleel::store::Edit::Household(fatima),
                    daleel::store::Edit::Household(zainab),
                ],
            )
            .expect("save");
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    for typed in [
        "fatima",
        "fatma",
        "Fatimah Hassan",
        "fatma hasan",
        "فاطمه",
        "+964 770 123 4567",
        "00964-770-123",
    ] {
        let v = json(&daleel(
            dir.path(),
            &["households", "search", typed, "--json"],
        ));
        let list = v.as_array().expect("array");
        assert_eq!(list.len(), 1, "{typed:?}: {v}");
        assert_eq!(list[0]["name"], "فاطمة حسن", "{typed:?}");
        assert_eq!(list[0]["governorate"], "IQG15");
        for key in ["id", "case_code"] {
            assert!(
                list[0][key].as_str().is_some_and(|s| !s.is_empty()),
                "{key}"
            );
        }
    }
    // The Latin record by its Arabic spelling.
    let v = json(&daleel(
        dir.path(),
        &["households", "search", "زينب كاظم", "--json"],
    ));
    assert_eq!(v[0]["name"], "Zainab Kadhim", "{v}");
    // Printed for a person: the transliteration marked as not recorded.
    let text = stdout(&daleel(dir.path(), &["households", "search", "fatma"]));
    assert!(text.contains("فاطمة حسن (≈ Fatima Hassan)"), "{text}");
    assert!(text.contains("Ninewa"), "{text}");
    let none = daleel(dir.path(), &["households", "search", "hussein"]);
    assert!(none.status.success());
    assert!(stdout(&none).is_empty());
    assert!(
        stderr(&none).contains("No household matches"),
        "{}",
        stderr(&none)
    );
    let all = json(&daleel(
        dir.path(),
        &["households", "search", "", "--limit", "1", "--json"],
    ));
    assert_eq!(all.as_array().map(Vec::len), Some(1));
    let zero = daleel(dir.path(), &["households", "search", "x", "--limit", "0"]);
    assert_eq!(zero.status.code(), Some(1));
    assert!(stderr(&zero).contains("--limit must be at least 1"));
    // Each search is in the audit trail with what it showed, never what was asked.
    let trail = json(&daleel(dir.path(), &["audit", "--json"]));
    let searches: Vec<&serde_json::Value> = trail
        .as_array()
        .expect("array")
        .iter()
        .filter(|e| e["action"] == "view" && e["what"] == "household search")
        .collect();
    assert_eq!(searches.len(), 11, "{trail}");
    assert_eq!(searches[0]["count"], 1);
    assert!(searches[0]["case_code"].is_null());
    let text = trail.to_string();
    for private in ["فاطمة", "fatma", "Fatimah", "0770", "hussein"] {
        assert!(!text.contains(private), "{private} in {text}");
    }
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

/// The audit trail of a data directory, as `daleel audit --json` prints it.
fn audit_of(dir: &Path) -> Vec<serde_json::Value> {
    json(&daleel(dir, &["audit", "--json"]))
        .as_array()
        .expect("array")
        .clone()
}

/// The entry of `action` whose `what` holds `about`, by the worker of `common::ENV`.
fn audited<'a>(trail: &'a [serde_json::Value], action: &str, about: &str) -> &'a serde_json::Value {
    let e = trail
        .iter()
        .find(|e| e["action"] == action && e["what"].as_str().is_some_and(|w| w.contains(about)))
        .unwrap_or_else(|| panic!("no {action} entry about {about:?} in {trail:#?}"));
    assert_eq!(e["worker"], "Amal H.", "{e}");
    e
}

#[test]
fn workers_trust_and_the_age_key_leave_an_audit_entry_each() {
    let (dir, other, files) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("other"),
        tempfile::tempdir().expect("files"),
    );
    let d = dir.path();
    let f = files.path().to_str().expect("p");
    let phrase = files.path().join("phrase.txt");
    let p = phrase.to_str().expect("p");
    std::fs::write(&phrase, "yousif's own phrase").expect("write");
    ok(
        d,
        &["workers", "add", "Yousif K.", "--new-passphrase-file", p],
    );
    std::fs::write(&phrase, "another phrase for him").expect("write");
    ok(
        d,
        &[
            "workers",
            "passphrase",
            "yousif k.",
            "--new-passphrase-file",
            p,
        ],
    );
    ok(d, &["workers", "remove", "Yousif K.", "--yes"]);
    let age = files.path().join("amal-age.txt");
    ok(
        d,
        &["identity", "age-key", "--out", age.to_str().expect("p")],
    );
    let card = ok(other.path(), &["identity", "export", "--out", f]);
    let them = json(&daleel(other.path(), &["identity", "--json"]));
    let (code, fp) = (
        them["code"].as_str().expect("code"),
        them["fingerprint"].as_str().expect("fingerprint"),
    );
    ok(d, &["trust", "add", &card, "--yes"]);
    ok(d, &["trust", "remove", fp, "--yes"]);
    let trail = audit_of(d);
    // The worker's name as the list keeps it, whatever case it was typed in.
    audited(&trail, "worker_add", "worker Yousif K.");
    audited(&trail, "passphrase", "worker Yousif K.");
    audited(&trail, "worker_remove", "worker Yousif K.");
    audited(&trail, "age_key", "amal-age.txt");
    audited(&trail, "trust_add", code);
    audited(&trail, "trust_remove", fp);
    for e in &trail {
        assert!(e["case_code"].is_null(), "{e}");
    }
}

#[test]
fn team_actions_leave_an_audit_entry_each_on_the_laptop_that_did_them() {
    let (crc, field, stick, spare) = (
        tempfile::tempdir().expect("crc"),
        tempfile::tempdir().expect("field"),
        tempfile::tempdir().expect("stick"),
        tempfile::tempdir().expect("spare"),
    );
    let s = stick.path().to_str().expect("path");
    ok(
        crc.path(),
        &["team", "init", "--name", "CRC Mosul", "--yes"],
    );
    let request = ok(field.path(), &["team", "request", "--out", s]);
    let cert = ok(
        crc.path(),
        &[
            "team", "approve", &request, "--role", "outreach", "--org", "CRC", "--out", s, "--yes",
        ],
    );
    ok(field.path(), &["team", "join", &cert, "--yes"]);
    let field_id = json(&daleel(field.path(), &["identity", "--json"]));
    let (code, fp) = (
        field_id["code"].as_str().expect("code"),
        field_id["fingerprint"].as_str().expect("fingerprint"),
    );
    ok(
        crc.path(),
        &["team", "revoke", fp, "--after-seq", "0", "--yes"],
    );
    let phrase = stick.path().join("phrase.txt");
    std::fs::write(&phrase, "a long team passphrase\n").expect("phrase");
    let p = phrase.to_str().expect("p");
    let saved = ok(
        crc.path(),
        &["team", "save-key", "--out", s, "--key-passphrase-file", p],
    );
    ok(
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
    let trail = audit_of(crc.path());
    audited(&trail, "team_init", "new team key");
    audited(
        &trail,
        "team_approve",
        &format!("device {code} as outreach of CRC"),
    );
    audited(
        &trail,
        "team_revoke",
        &format!("device {code} after its change 0"),
    );
    audited(&trail, "team_save_key", "team key");
    let team_fp = json(&daleel(crc.path(), &["team", "list", "--json"]))["team_key"]
        .as_str()
        .expect("team key")
        .to_string();
    audited(&audit_of(field.path()), "team_join", &team_fp);
    audited(&audit_of(spare.path()), "team_init", "saved file");
}

#[test]
fn a_backup_a_restore_and_a_services_import_leave_an_audit_entry_each() {
    let (dir, stick, other) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("stick"),
        tempfile::tempdir().expect("other"),
    );
    let sheet = stick.path().join("services.csv");
    std::fs::write(
        &sheet,
        "organization,organization_acronym,service,sector,areas\n\
         Mosul Legal Aid,MLA,Legal counselling,hlp,IQG15\n\
         Mosul Legal Aid,MLA,Civil documents,hlp,IQG15\n",
    )
    .expect("write");
    ok(
        dir.path(),
        &["services", "import", sheet.to_str().expect("p"), "--yes"],
    );
    ok(
        dir.path(),
        &["backup", "--out", stick.path().to_str().expect("p")],
    );
    let file = std::fs::read_dir(stick.path())
        .expect("stick")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|e| e == "dlbk"))
        .expect("a backup");
    let name = file
        .file_name()
        .and_then(|n| n.to_str())
        .expect("name")
        .to_string();
    let file = file.to_str().expect("path");
    let trail = audit_of(dir.path());
    let import = audited(&trail, "services_import", "1 organizations, 2 services");
    assert_eq!(import["count"], 3);
    audited(&trail, "backup", &name);
    let old = json(&daleel(dir.path(), &["identity", "--json"]))["code"]
        .as_str()
        .expect("code")
        .to_string();
    ok(other.path(), &["restore", file, "--yes"]);
    let restored = audit_of(other.path());
    audited(&restored, "restore", &format!("backup of {old} made "));
    // The restored trail is the backed-up one, then the restore.
    audited(&restored, "services_import", "2 services");
}

#[test]
fn a_worker_whose_passphrase_another_worker_set_is_told_once_at_the_next_unlock() {
    let dir = tempfile::tempdir().expect("dir");
    let phrase = dir.path().join("phrase.txt");
    let p = phrase.to_str().expect("p");
    std::fs::write(&phrase, "yousif's own phrase").expect("write");
    ok(
        dir.path(),
        &["workers", "add", "Yousif K.", "--new-passphrase-file", p],
    );
    let yousif = |passphrase: &str| {
        daleel_as(
            dir.path(),
            Some("Yousif K."),
            Some(passphrase),
            &["stats", "--json"],
        )
    };
    // Added, not reset: nothing to tell.
    let first = yousif("yousif's own phrase");
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(!stderr(&first).contains("reset"), "{}", stderr(&first));
    std::fs::write(&phrase, "a phrase amal chose").expect("write");
    ok(
        dir.path(),
        &[
            "workers",
            "passphrase",
            "Yousif K.",
            "--new-passphrase-file",
            p,
        ],
    );
    let told = yousif("a phrase amal chose");
    assert!(told.status.success(), "{}", stderr(&told));
    let text = stderr(&told);
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    let yesterday = (chrono::Utc::now() - chrono::Duration::days(1))
        .format("%Y-%m-%d")
        .to_string();
    assert!(
        text.contains("Your passphrase was reset by Amal H. on ")
            && (text.contains(&today) || text.contains(&yesterday)),
        "{text}"
    );
    assert!(json(&told).is_object(), "stdout stays one JSON value");
    // Once.
    let again = yousif("a phrase amal chose");
    assert!(!stderr(&again).contains("reset"), "{}", stderr(&again));
    // Setting one's own passphrase leaves nothing to tell.
    std::fs::write(&phrase, "his very own phrase").expect("write");
    let own = daleel_as(
        dir.path(),
        Some("Yousif K."),
        Some("a phrase amal chose"),
        &[
            "workers",
            "passphrase",
            "Yousif K.",
            "--new-passphrase-file",
            p,
        ],
    );
    assert!(own.status.success(), "{}", stderr(&own));
    assert!(!stderr(&yousif("his very own phrase")).contains("reset"));
}

/// The audit head file's count (the latest chained entry).
fn head_count(dir: &Path) -> u64 {
    let text = std::fs::read_to_string(dir.join("audit.head")).expect("an audit head file");
    text.lines()
        .nth(1)
        .and_then(|l| l.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a count in {text:?}"))
}

#[test]
fn check_reports_a_db_folder_put_back_to_an_earlier_copy_and_not_a_crash_before_the_head_moved() {
    let (dir, stick, cards) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("stick"),
        tempfile::tempdir().expect("cards"),
    );
    let d = dir.path();
    let s = stick.path().to_str().expect("p");
    ok(d, &["demo", "--households", "5"]);
    let _receiver = trusted_receiver(d);
    ok(d, &["backup", "--out", s]);
    let whole = daleel(d, &["check", "--json"]);
    assert_eq!(json(&whole)["whole"], true);
    let before = head_count(d);
    assert!(
        before >= 2,
        "the trust and the backup are chained: {before}"
    );

    // A crash after an entry was written but before its head moved: the head one entry
    // behind is not a rollback, and the next entry moves it on.
    let head_then = std::fs::read(d.join("audit.head")).expect("head");
    ok(d, &["sync", "export", "--out", s]);
    std::fs::write(d.join("audit.head"), &head_then).expect("put the old head back");
    let crashed = daleel(d, &["check"]);
    assert!(crashed.status.success(), "{}", stdout(&crashed));
    ok(d, &["backup", "--out", s]);
    assert_eq!(head_count(d), before + 2);

    // The database folder copied away, audited work done, the copy put back.
    let copy = tempfile::tempdir().expect("copy");
    copy_dir(&d.join("db"), copy.path());
    let other = tempfile::tempdir().expect("other");
    let card = ok(
        other.path(),
        &[
            "identity",
            "export",
            "--out",
            cards.path().to_str().expect("p"),
        ],
    );
    ok(d, &["trust", "add", &card, "--yes"]);
    ok(d, &["backup", "--out", s]);
    std::fs::remove_dir_all(d.join("db")).expect("rm db");
    copy_dir(copy.path(), &d.join("db"));
    let rolled = daleel(d, &["check"]);
    assert_eq!(rolled.status.code(), Some(1));
    let text = stdout(&rolled);
    assert!(
        text.contains("was put back to an earlier copy") && text.contains("at least 2 are gone"),
        "{text}"
    );
    // Used again after it was put back: still reported, and the head stays as evidence.
    ok(d, &["backup", "--out", s]);
    let used = daleel(d, &["check", "--json"]);
    let report = serde_json::from_slice::<serde_json::Value>(&used.stdout).expect("json");
    assert_eq!(report["whole"], false, "{report}");
    assert!(
        report["problems"][0]
            .as_str()
            .is_some_and(|p| p.contains("database folder (db)")),
        "{report}"
    );
    // --repair notes it in the trail and goes on from there.
    let repaired = daleel(d, &["check", "--repair"]);
    assert!(repaired.status.success(), "{}", stdout(&repaired));
    assert!(stdout(&repaired).contains("noted in the audit trail"));
    assert!(daleel(d, &["check"]).status.success());
    let trail = audit_of(d);
    assert!(
        trail.iter().any(|e| e["action"] == "rollback"),
        "{trail:#?}"
    );
}

#[test]
fn check_reports_an_audit_entry_removed_from_the_middle_of_the_chain() {
    let (dir, stick) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("stick"),
    );
    let s = stick.path().to_str().expect("p");
    for _ in 0..4 {
        ok(dir.path(), &["backup", "--out", s]);
    }
    assert!(daleel(dir.path(), &["check"]).status.success());
    let gone = {
        let db = raw_db(dir.path());
        let audit = db.open_tree("audit").expect("tree");
        let (k, _) = audit.iter().nth(1).expect("a second entry").expect("read");
        audit.remove(&k).expect("remove");
        db.flush().expect("flush");
        audit.len()
    };
    assert_eq!(gone, 3);
    let broken = daleel(dir.path(), &["check"]);
    assert_eq!(broken.status.code(), Some(1));
    let text = stdout(&broken);
    assert!(
        text.contains("the audit trail was altered") && text.contains("entry 2 is missing"),
        "{text}"
    );
    let repaired = daleel(dir.path(), &["check", "--repair"]);
    assert!(repaired.status.success(), "{}", stdout(&repaired));
    assert!(daleel(dir.path(), &["check"]).status.success());
    assert!(audit_of(dir.path()).iter().any(|e| e["action"] == "break"));
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
/// Runs `daleel` with its standard output a pipe that is closed before it writes (as
/// `daleel ... | head -0` does): returns its exit status and standard error.
fn with_closed_stdout(dir: &Path, args: &[&str]) -> (std::process::ExitStatus, String) {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_daleel"))
        .envs(common::ENV)
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("DALEEL_DATA_DIR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run daleel");
    // Closed at once: every write of the command finds the reader gone.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    (
        out.status,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn output_into_a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = daleel(dir.path(), &["demo", "--households", "30"]);
    assert!(out.status.success(), "{}", stderr(&out));
    for args in [
        &["services", "search", "--limit", "200"][..],
        &["services", "search", "--json"],
        &["audit"],
        &["audit", "--json"],
        &["referral", "list"],
        &["report", "--since", "2020-01-01", "--until", "2030-01-01"],
    ] {
        let (status, err) = with_closed_stdout(dir.path(), args);
        assert!(
            !err.contains("panicked")
                && !err.contains("Broken pipe")
                && !err.contains("failed printing"),
            "{args:?}: {err}"
        );
        assert_eq!(status.code(), Some(0), "{args:?}: {err}");
    }
    // Another error writing the output is not quiet: a file cut short by a full disk is
    // not taken for a whole one.
    if let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") {
        let out = Command::new(env!("CARGO_BIN_EXE_daleel"))
            .envs(common::ENV)
            .arg("--data-dir")
            .arg(dir.path())
            .args(["audit"])
            .env_remove("DALEEL_DATA_DIR")
            .stdout(full)
            .output()
            .expect("run daleel");
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("could not write the output"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

/// Whether printed bytes hold anything a terminal runs or reorders by: ESC, BEL, CSI
/// (C1) or another control character but a line break, or a direction control.
fn holds_terminal_controls(bytes: &[u8]) -> bool {
    String::from_utf8_lossy(bytes).chars().any(|c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    })
}

#[test]
fn names_with_escape_codes_reach_the_terminal_as_visible_text() {
    use daleel::model::{OrgType, Organization, Sector, Service};
    let dir = tempfile::tempdir().expect("tempdir");
    let title = "Clinic \u{1b}]0;owned\u{7}\u{1b}[2J\u{9b}31m\u{202e}evil";
    let forged_line = "Amal\nFingerprint: 0000-0000\u{1b}[8m";
    {
        // Written past the input checks, as an older laptop's bundle could bring them.
        let ws = daleel::workspace::Workspace::open(dir.path(), &common::creds()).expect("open");
        let org = Organization {
            id: uuid::Uuid::now_v7(),
            name: "Org \u{1b}[31mred".into(),
            acronym: "EV\u{1b}[5m".into(),
            kind: OrgType::Other,
            focal_points: Vec::new(),
            ..Organization::default()
        };
        let service = Service {
            id: uuid::Uuid::now_v7(),
            organization: org.id,
            name: title.into(),
            sector: Sector::Health,
            areas: vec!["IQG15".into()],
            phone: "0770\u{1b}[8m".into(),
            ..Service::default()
        };
        ws.store
            .apply(
                "Amal H.",
                &[
                    daleel::store::Edit::Organization(org),
                    daleel::store::Edit::Service(service),
                ],
            )
            .expect("write");
        let other = daleel::sync::identity::Identity::generate();
        ws.store
            .trust(&daleel::sync::card::Card {
                origin: other.origin(),
                name: forged_line.into(),
                made_at: daleel::model::Timestamp(common::NOW),
                recipient: String::new(),
            })
            .expect("trust");
    }
    let found = daleel(dir.path(), &["services", "search", "clinic evil"]);
    assert!(found.status.success(), "{}", stderr(&found));
    assert!(
        stdout(&found).contains("Clinic \\u001b]0;owned\\u0007"),
        "{}",
        stdout(&found)
    );
    let listed = daleel(dir.path(), &["trust", "list"]);
    let status = daleel(dir.path(), &["sync", "status"]);
    for out in [&found, &listed, &status] {
        assert!(!holds_terminal_controls(&out.stdout), "{}", stdout(out));
        assert!(!holds_terminal_controls(&out.stderr), "{}", stderr(out));
        // The device's name stays on the line of its own fingerprint.
        assert!(
            !stdout(out)
                .lines()
                .any(|l| l.trim_start().starts_with("Fingerprint: 0000")),
            "{}",
            stdout(out)
        );
    }
    // JSON stays JSON and gives the names back exactly.
    for (args, key, wanted) in [
        (
            &["services", "search", "clinic evil", "--json"][..],
            "name",
            title,
        ),
        (&["trust", "list", "--json"], "name", forged_line),
    ] {
        let out = daleel(dir.path(), args);
        assert!(!holds_terminal_controls(&out.stdout), "{}", stdout(&out));
        assert_eq!(json(&out)[0][key], wanted, "{args:?}");
    }
}

#[test]
fn names_and_text_with_hidden_characters_are_refused_at_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let stick = tempfile::tempdir().expect("stick");
    // A card made on another laptop whose name would print a fake fingerprint line and
    // hide the real one.
    let forger = daleel::sync::identity::Identity::generate();
    let card = daleel::sync::card::Card::write(
        &forger,
        "Amal\nFingerprint: 0000-0000-0000\u{1b}[8m",
        daleel::model::Timestamp(common::NOW),
    )
    .expect("card");
    let path = stick.path().join("daleel-FORGE.card");
    std::fs::write(&path, card).expect("write");
    let out = daleel(
        dir.path(),
        &["trust", "add", path.to_str().expect("p"), "--yes"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("device name on the card holds a line break"),
        "{}",
        stderr(&out)
    );
    assert!(
        !stderr(&out).contains("Fingerprint: 0000"),
        "{}",
        stderr(&out)
    );
    assert!(!holds_terminal_controls(&out.stderr));
    assert_eq!(
        json(&daleel(dir.path(), &["trust", "list", "--json"])),
        serde_json::json!([])
    );
    let file = tempfile::NamedTempFile::new().expect("file");
    std::fs::write(file.path(), "a long enough passphrase\n").expect("write");
    for args in [
        &["identity", "--name", "Laptop\u{1b}[2J"][..],
        &["identity", "--name", "\u{202e}3 potpaL"],
        &[
            "workers",
            "add",
            "Huda\u{1b}]0;x\u{7}",
            "--new-passphrase-file",
            file.path().to_str().expect("p"),
        ],
        &["team", "init", "--name", "CRC\u{9b}2J", "--yes"],
    ] {
        let out = daleel(dir.path(), args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("U+"), "{args:?}: {}", stderr(&out));
        assert!(!holds_terminal_controls(&out.stderr), "{args:?}");
    }
    let id = json(&daleel(dir.path(), &["identity", "--json"]));
    assert_eq!(id["name"], "");
    let workers = json(&daleel(dir.path(), &["workers", "list", "--json"]));
    assert_eq!(workers.as_array().map(|a| a.len()), Some(1));
    assert!(
        daleel(dir.path(), &["demo", "--households", "20"])
            .status
            .success()
    );
    let sent = json(&daleel(
        dir.path(),
        &["referral", "list", "--status", "sent", "--json"],
    ));
    let id = sent[0]["id"].as_str().expect("id").to_string();
    let out = daleel(
        dir.path(),
        &[
            "referral",
            "move",
            &id,
            "rejected",
            "--reason",
            "full\u{1b}[8m",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("the reason holds"),
        "{}",
        stderr(&out)
    );
}

/// The words of `text` in Latin letters that are not a code, a path, a flag, a
/// fingerprint or a command's name: English left in a line meant to be Arabic or
/// Kurdish.
fn english_words(text: &str) -> Vec<String> {
    // The program, the command a message names, the languages' codes.
    const CODES: [&str; 6] = ["daleel", "trust", "add", "en", "ar", "ckb"];
    text.split(|c: char| c.is_whitespace() || "()\"'«»[]".contains(c))
        .map(|w| w.trim_matches(|c: char| ".,:;،؛".contains(c)))
        .filter(|w| !w.is_empty())
        .filter(|w| !w.starts_with("--") && !w.contains(['/', '\\']))
        .filter(|w| !CODES.contains(w))
        // A fingerprint (c246-a981-…) or a digest: hexadecimal digits and dashes.
        .filter(|w| !w.chars().all(|c| c.is_ascii_hexdigit() || c == '-'))
        // A word has at least two lower-case Latin letters (codes are upper case).
        .filter(|w| w.chars().filter(|c| c.is_ascii_lowercase()).count() >= 2)
        .map(str::to_string)
        .collect()
}

fn in_arabic_script(text: &str) -> bool {
    text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// Output meant for a person, in Arabic or Kurdish: in that script, without English.
fn assert_spoken(what: &str, text: &str) {
    assert!(
        in_arabic_script(text),
        "{what}: not in Arabic script: {text}"
    );
    let english = english_words(text);
    assert!(
        english.is_empty(),
        "{what}: English words {english:?} in: {text}"
    );
}

/// Issue 17, item 5: with --lang ar or --lang ckb, the command line's messages, table
/// headings and refusals are in that language, from the catalogs; its machine output
/// (JSON, exit codes) is the same in every language.
#[test]
fn the_command_line_speaks_arabic_and_kurdish() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("no-such-list.csv");
    let missing = missing.to_str().expect("path");
    let mut said = Vec::new();
    for lang in ["ar", "ckb"] {
        let run = |args: &[&str]| {
            let mut all = vec!["--lang", lang];
            all.extend_from_slice(args);
            daleel(dir.path(), &all)
        };
        let stats = run(&["stats"]);
        assert!(stats.status.success(), "{}", stderr(&stats));
        assert_spoken(lang, &stdout(&stats));
        assert_eq!(stdout(&stats).lines().count(), 7, "{}", stdout(&stats));
        // Nothing trusted: said on standard error, standard output stays empty.
        let trust = run(&["trust", "list"]);
        assert!(trust.status.success(), "{}", stderr(&trust));
        assert!(stdout(&trust).is_empty());
        assert_spoken(lang, &stderr(&trust));
        let search = run(&["households", "search", "zzzq"]);
        assert!(search.status.success(), "{}", stderr(&search));
        assert_spoken(lang, &stderr(&search));
        // A refusal of the command line's own: one line, exit 1.
        let import = run(&["households", "import", missing]);
        assert_eq!(import.status.code(), Some(1), "{}", stderr(&import));
        let err = stderr(&import);
        assert!(
            err.starts_with("daleel: ") && err.contains(missing),
            "{err}"
        );
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert_spoken(lang, &err);
        // A bad value of a flag: the flag is named, the rest is in the language.
        let limit = run(&["households", "search", "x", "--limit", "0"]);
        assert_eq!(limit.status.code(), Some(1));
        assert!(stderr(&limit).contains("--limit"), "{}", stderr(&limit));
        assert_spoken(lang, &stderr(&limit));
        // Machine output does not change with the language.
        let v = json(&run(&["stats", "--json"]));
        assert_eq!(v["households"], 0);
        assert_eq!(
            json(&run(&["trust", "list", "--json"])),
            serde_json::json!([])
        );
        said.push(stderr(&search));
    }
    assert_ne!(said[0], said[1], "Kurdish is not Arabic");
    // A core error (the store refuses a demo into a database with households): the
    // screens' message where it fits, the command line's own where it names a flag.
    assert!(
        daleel(dir.path(), &["demo", "--households", "3"])
            .status
            .success()
    );
    let again = daleel(dir.path(), &["--lang", "ar", "demo", "--households", "3"]);
    assert_eq!(again.status.code(), Some(1));
    let err = stderr(&again);
    assert!(err.contains("--data-dir") && err.contains('3'), "{err}");
    assert_spoken("ar", &err);
    // English is as it was.
    let en = daleel(dir.path(), &["demo", "--households", "3"]);
    assert!(
        stderr(&en).contains("already holds 3 households"),
        "{}",
        stderr(&en)
    );
}

/// `language = "ar"` in config.toml does what --lang ar does; --lang is over it.
#[test]
fn the_config_files_language_speaks_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let by_flag = daleel(dir.path(), &["--lang", "ar", "stats"]);
    let by_flag_trust = daleel(dir.path(), &["--lang", "ar", "trust", "list"]);
    std::fs::write(dir.path().join("config.toml"), "language = \"ar\"\n").expect("write");
    let by_config = daleel(dir.path(), &["stats"]);
    assert!(by_config.status.success(), "{}", stderr(&by_config));
    assert_spoken("config", &stdout(&by_config));
    assert_eq!(stdout(&by_config), stdout(&by_flag));
    assert_eq!(
        stderr(&daleel(dir.path(), &["trust", "list"])),
        stderr(&by_flag_trust)
    );
    let refused = daleel(dir.path(), &["households", "search", "x", "--limit", "0"]);
    assert_eq!(refused.status.code(), Some(1));
    assert_spoken("config", &stderr(&refused));
    // --lang over the file.
    let english = daleel(dir.path(), &["--lang", "en", "stats"]);
    assert!(
        stdout(&english).contains("Households"),
        "{}",
        stdout(&english)
    );
    assert!(!in_arabic_script(&stdout(&english)));
    // An unknown --lang is refused in the file's language, naming the flag.
    let unknown = daleel(dir.path(), &["--lang", "fr", "stats"]);
    assert_eq!(unknown.status.code(), Some(1));
    let err = stderr(&unknown);
    assert!(err.contains("--lang fr") && in_arabic_script(&err), "{err}");
}
