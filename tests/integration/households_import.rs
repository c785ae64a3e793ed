//! `daleel households import` and `daleel households template`, run as the built binary:
//! registration lists from spreadsheets and KoboToolbox exports, their preview, consent,
//! `--strict`, a second run, likely duplicates, the encodings a list comes in, and a
//! household imported in Arabic found by its Latin spelling.

use std::path::{Path, PathBuf};
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

/// Runs and expects success; stdout and stderr.
fn ok(dir: &Path, args: &[&str]) -> (String, String) {
    let o = daleel(dir, args);
    assert!(
        o.status.success(),
        "{args:?} failed: {}\n{}",
        stderr(&o),
        stdout(&o)
    );
    (stdout(&o), stderr(&o))
}

fn import(dir: &Path, file: &Path, more: &[&str]) -> Output {
    let mut args = vec!["households", "import", file.to_str().expect("path")];
    args.extend_from_slice(more);
    daleel(dir, &args)
}

fn households(dir: &Path) -> u64 {
    let (out, _) = ok(dir, &["stats", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    v["households"].as_u64().expect("households")
}

fn people(dir: &Path) -> u64 {
    let (out, _) = ok(dir, &["stats", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    v["people"].as_u64().expect("people")
}

/// The households a search finds, as JSON objects.
fn search(dir: &Path, query: &str) -> Vec<serde_json::Value> {
    let (out, _) = ok(dir, &["households", "search", query, "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    v.as_array().expect("array").clone()
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

/// No name or phone number of a list in what an import prints.
fn says_no_name(o: &Output, values: &[&str]) {
    let all = format!("{}{}", stdout(o), stderr(o));
    for v in values {
        assert!(!all.contains(v), "{v:?} printed:\n{all}");
    }
}

const HEADER: &str = "head_name,head_name_latin,phone,governorate,household_size,sex,birth_year,population_group,consent\n";

#[test]
fn the_template_filled_in_imports_and_a_second_run_imports_nothing() {
    let (dir, files) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("files"),
    );
    let (out, err) = ok(
        dir.path(),
        &[
            "households",
            "template",
            "--out",
            files.path().to_str().expect("p"),
        ],
    );
    let path = PathBuf::from(out.trim());
    assert_eq!(path, files.path().join("daleel-households.csv"));
    assert!(
        err.contains("the second line explains each column"),
        "{err}"
    );
    let template = std::fs::read_to_string(&path).expect("template");
    assert!(template.starts_with("\u{feff}head_name,head_name_latin,phone,governorate,district,village,household_size,sex,birth_year,population_group,consent,consent_disclosure,consent_follow_up\n"));
    // Filled in as a spreadsheet saves it: the rows below the explaining line.
    let filled = format!(
        "{template}\
         فاطمة حسن علي,,0770 123 4567,Ninewa,,Al-Zanjili,5,female,1984,returnee,yes,yes,yes\n\
         Zainab Kadhim,,0781 555 0000,IQG01,,,2,female,1990,idp_out_of_camp,yes,,\n"
    );
    let list = write(files.path(), "filled.csv", filled);
    let first = import(dir.path(), &list, &["--yes"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let out = stdout(&first);
    assert!(
        out.starts_with("2 to import, 0 already here, 0 repeated in the file, 0 likely duplicates, 0 without consent, 0 problems\n"),
        "{out}"
    );
    let codes: Vec<&str> = out
        .lines()
        .filter_map(|l| l.strip_prefix("line "))
        .collect();
    assert_eq!(codes.len(), 2, "{out}");
    assert!(
        codes[0].starts_with("3: ") && codes[1].starts_with("4: "),
        "{out}"
    );
    assert!(stderr(&first).contains("Imported 2 households"));
    says_no_name(&first, &["فاطمة", "Zainab", "0770", "0781"]);
    assert_eq!(households(dir.path()), 2);
    assert_eq!(
        people(dir.path()),
        7,
        "5 and 2, the unnamed members counted"
    );
    // The second run recognises both rows: nothing is imported twice.
    let second = import(dir.path(), &list, &["--yes"]);
    assert!(second.status.success(), "{}", stderr(&second));
    assert!(
        stdout(&second).starts_with("0 to import, 2 already here"),
        "{}",
        stdout(&second)
    );
    let err = stderr(&second);
    let code = codes[0].trim_start_matches("3: ");
    assert!(
        err.contains(&format!(
            "line 3: already here as {code}: not imported again"
        )),
        "{err}"
    );
    assert!(err.contains("Nothing to import."), "{err}");
    assert_eq!(households(dir.path()), 2);
    // The import is in the audit trail: how many, no names.
    let (trail, _) = ok(dir.path(), &["audit", "--json"]);
    let trail: serde_json::Value = serde_json::from_str(&trail).expect("json");
    let imports: Vec<&serde_json::Value> = trail
        .as_array()
        .expect("array")
        .iter()
        .filter(|e| e["action"] == "households_import")
        .collect();
    assert_eq!(imports.len(), 1, "{trail}");
    assert_eq!(imports[0]["what"], "2 households");
    assert_eq!(imports[0]["count"], 2);
    assert_eq!(imports[0]["worker"], "Amal H.");
}

#[test]
fn a_list_with_or_without_a_byte_order_mark_imports_the_same() {
    let files = tempfile::tempdir().expect("files");
    let rows =
        format!("{HEADER}Huda Salim,,0790 111 2222,Anbar,3,female,1975,host_community,yes\n");
    for (name, bytes) in [
        ("plain.csv", rows.as_bytes().to_vec()),
        (
            "marked.csv",
            [b"\xEF\xBB\xBF".as_slice(), rows.as_bytes()].concat(),
        ),
    ] {
        let dir = tempfile::tempdir().expect("dir");
        let list = write(files.path(), name, bytes);
        let o = import(dir.path(), &list, &["--yes"]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        assert!(
            stdout(&o).starts_with("1 to import"),
            "{name}: {}",
            stdout(&o)
        );
        let found = search(dir.path(), "huda");
        assert_eq!(found.len(), 1, "{name}");
        assert_eq!(
            found[0]["name"], "Huda Salim",
            "{name}: no mark in the name"
        );
        assert_eq!(found[0]["governorate"], "IQG01");
    }
}

#[test]
fn a_kobo_export_imports_through_a_map() {
    let (dir, files) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("files"),
    );
    // The example map shipped with the documentation reads this export.
    let map = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/kobo-map.toml");
    let export = write(
        files.path(),
        "kobo-export.csv",
        "start;end;today;group_hh/hoh_name;group_hh/hoh_name_en;group_hh/hoh_phone;group_loc/governorate;group_loc/village;group_hh/hh_size;group_hh/hoh_sex;group_hh/hoh_birth_year;group_hh/displacement;group_consent/consent_services;group_consent/consent_share;group_consent/consent_contact;_id;_uuid;_submission_time;_index\n\
         2026-10-01T09:00:00.000+03:00;2026-10-01T09:12:00.000+03:00;2026-10-01;أحمد الجبوري;Ahmed Al-Jubouri;+964 790 111 2222;IQG15;حي الزهراء;6;2;1970;idp_ooc;1;1;0;101;6a1f0b;2026-10-01T06:12:00;1\n\
         2026-10-01T09:20:00.000+03:00;2026-10-01T09:31:00.000+03:00;2026-10-01;Layla Hassan;;;IQG15;;1;1;1992;returnee;0;0;0;102;6a1f0c;2026-10-01T06:31:00;2\n",
    );
    let o = import(
        dir.path(),
        &export,
        &["--map", map.to_str().expect("p"), "--yes"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("1 to import, 0 already here, 0 repeated in the file, 0 likely duplicates, 1 without consent, 0 problems"),
        "{}",
        stdout(&o)
    );
    assert!(
        stderr(&o)
            .contains("line 3: no consent (the consent column does not say yes): not imported"),
        "{}",
        stderr(&o)
    );
    let found = search(dir.path(), "ahmed jubouri");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["name"], "أحمد الجبوري");
    assert!(
        search(dir.path(), "layla").is_empty(),
        "no consent: not here"
    );
    assert_eq!(people(dir.path()), 6);
    // Without the map, the export's columns are not Daleel's: refused, saying what to do.
    let o = import(dir.path(), &export, &["--yes"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("kobo-export.csv has no column head_name")
            && stderr(&o).contains("--map MAP.toml"),
        "{}",
        stderr(&o)
    );
    // A map that names a column the export lacks.
    let bad = write(
        files.path(),
        "bad-map.toml",
        "[columns]\nhead_name = \"group_hh/name_of_head\"\n",
    );
    let o = import(
        dir.path(),
        &export,
        &["--map", bad.to_str().expect("p"), "--yes"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("no column \"group_hh/name_of_head\" (the map's [columns] head_name)"),
        "{}",
        stderr(&o)
    );
    let bad = write(files.path(), "typo.toml", "[columns]\nhead_nam = \"x\"\n");
    let o = import(
        dir.path(),
        &export,
        &["--map", bad.to_str().expect("p"), "--yes"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o)
            .contains("typo.toml, line 2: [columns] \"head_nam\" is not a column of Daleel's"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn rows_without_consent_are_not_imported_and_said_so_by_line() {
    let (dir, files) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("files"),
    );
    let list = write(
        files.path(),
        "list.csv",
        format!(
            "{HEADER}\
             Amal Yousif,,,IQG15,1,female,1980,returnee,no\n\
             Huda Salim,,,IQG15,1,female,1981,returnee,\n\
             Noor Ali,,,IQG15,1,female,1982,returnee,نعم\n\
             Sara Omar,,,IQG15,1,female,1983,returnee,بەڵێ\n"
        ),
    );
    let o = import(dir.path(), &list, &["--yes"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("2 to import") && stdout(&o).contains("2 without consent"));
    for line in [2, 3] {
        assert!(
            stderr(&o).contains(&format!("line {line}: no consent")),
            "{}",
            stderr(&o)
        );
    }
    says_no_name(&o, &["Amal", "Huda", "Noor", "Sara"]);
    assert_eq!(households(dir.path()), 2);
    assert!(search(dir.path(), "amal yousif").is_empty());
}

#[test]
fn strict_imports_nothing_when_a_row_is_bad_and_without_it_the_good_rows_go_in() {
    let (dir, files) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("files"),
    );
    let list = write(
        files.path(),
        "list.csv",
        format!(
            "{HEADER}\
             Amal Yousif,,0770 111 1111,IQG15,3,female,1980,returnee,yes\n\
             Huda Salim,,07x0,Atlantis,2,female,1981,returnee,yes\n"
        ),
    );
    let o = import(dir.path(), &list, &["--strict", "--yes"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("problem: list.csv, line 3, column governorate: not a governorate")
            && err.contains("problem: list.csv, line 3, column phone: Use digits only"),
        "{err}"
    );
    assert!(
        err.contains("2 problems (above) and --strict: nothing was imported"),
        "{err}"
    );
    says_no_name(&o, &["Huda", "07x0", "Atlantis"]);
    assert_eq!(households(dir.path()), 0);
    let o = import(dir.path(), &list, &["--yes"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("1 to import"), "{}", stdout(&o));
    assert_eq!(households(dir.path()), 1);
    // Without --yes and no terminal to ask on: refused, nothing imported.
    let more = write(
        files.path(),
        "more.csv",
        format!("{HEADER}Rana Saleh,,,IQG01,1,female,1990,refugee,yes\n"),
    );
    let o = import(dir.path(), &more, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("add --yes"), "{}", stderr(&o));
    assert_eq!(households(dir.path()), 1);
}

#[test]
fn likely_duplicates_within_the_file_and_against_the_database_are_listed_and_held_back() {
    let (dir, files) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("files"),
    );
    let first = write(
        files.path(),
        "first.csv",
        format!("{HEADER}فاطمة حسن علي,,0770 123 4567,IQG15,4,female,1984,returnee,yes\n"),
    );
    let (out, _) = ok(
        dir.path(),
        &["households", "import", first.to_str().expect("p"), "--yes"],
    );
    let code = out
        .lines()
        .find_map(|l| l.strip_prefix("line 2: "))
        .expect("a case code")
        .to_string();
    // The same family written in Latin letters with another prefix to its phone (a likely
    // duplicate of the database's), a family twice in the list (a likely duplicate of an
    // earlier line), and a row that repeats another exactly.
    let second = write(
        files.path(),
        "second.csv",
        format!(
            "{HEADER}\
             Fatma Hasan,,+964 770 123 4567,IQG15,4,female,1984,returnee,yes\n\
             Zainab Kadhim,,0781 555 0000,IQG01,2,female,1990,refugee,yes\n\
             زينب كاظم,,0781 555 0000,IQG01,2,female,1990,refugee,yes\n\
             Omar Saleh,,,IQG08,1,male,1966,host_community,yes\n\
             Omar Saleh,,,IQG08,1,male,1966,host_community,yes\n"
        ),
    );
    let o = import(dir.path(), &second, &["--yes"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("2 to import, 0 already here, 1 repeated in the file, 2 likely duplicates held back, 0 without consent, 0 problems"),
        "{}",
        stdout(&o)
    );
    let err = stderr(&o);
    for said in [
        format!("line 2: likely the same household as {code}: held back"),
        "line 4: likely the same household as line 3 of this file: held back".to_string(),
        "line 6: the same as line 5: not imported twice".to_string(),
    ] {
        assert!(err.contains(&said), "{said:?} in\n{err}");
    }
    says_no_name(&o, &["Fatma", "Zainab", "زينب", "Omar", "0781"]);
    assert_eq!(
        households(dir.path()),
        3,
        "the first, Zainab once, Omar once"
    );
    // Checked, and taken in: the held-back rows go in, the others are already here.
    let o = import(dir.path(), &second, &["--include-duplicates", "--yes"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with(
            "2 to import, 3 already here, 0 repeated in the file, 2 likely duplicates, "
        ),
        "{}",
        stdout(&o)
    );
    assert!(
        stderr(&o).contains("line 2: likely the same household as ")
            && stderr(&o).contains("imported (--include-duplicates)"),
        "{}",
        stderr(&o)
    );
    assert_eq!(households(dir.path()), 5);
    let o = import(dir.path(), &second, &["--include-duplicates", "--yes"]);
    assert!(
        stdout(&o).starts_with("0 to import, 5 already here"),
        "{}",
        stdout(&o)
    );
    assert_eq!(households(dir.path()), 5);
}

/// A list as Excel's "CSV (Comma delimited)" saves it on an Arabic Windows: Windows-1256.
const WINDOWS_1256: &[u8] = b"head_name,phone,governorate,population_group,consent\n\
\xdd\xc7\xd8\xe3\xc9 \xcd\xd3\xe4,0770 123 4567,\xe4\xed\xe4\xe6\xec,returnee,\xe4\xda\xe3\n\
\xdf\xc7\xd9\xe3 \xda\xc8\xcf \xc7\xe1\xe1\xe5,,\xc7\xe1\xc3\xe4\xc8\xc7\xd1,refugee,\xe4\xda\xe3\n";

#[test]
fn a_list_in_windows_1256_is_read_and_other_encodings_are_refused_with_what_to_do() {
    let (dir, files) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("files"),
    );
    let list = write(files.path(), "arabic.csv", WINDOWS_1256);
    let o = import(dir.path(), &list, &["--yes"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("arabic.csv is not UTF-8: it was read as Arabic text in Windows-1256"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).starts_with("2 to import"), "{}", stdout(&o));
    let found = search(dir.path(), "فاطمة حسن");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["name"], "فاطمة حسن");
    assert_eq!(found[0]["governorate"], "IQG15");
    let found = search(dir.path(), "كاظم عبد الله");
    assert_eq!(found[0]["governorate"], "IQG01", "الأنبار");
    // Latin-1 French is neither: refused, saying how to save the file.
    let latin1 = write(
        files.path(),
        "latin1.csv",
        b"head_name,governorate,population_group,consent\nH\xe9l\xe8ne,IQG15,returnee,yes\n",
    );
    let o = import(dir.path(), &latin1, &["--yes"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("latin1.csv is neither UTF-8 text nor Arabic text in Windows-1256")
            && stderr(&o).contains("\"CSV UTF-8 (Comma delimited) (*.csv)\""),
        "{}",
        stderr(&o)
    );
    // A workbook, by its name or by its bytes; a file that is no CSV.
    let xlsx = write(files.path(), "list.xlsx", b"PK\x03\x04");
    let o = import(dir.path(), &xlsx, &["--yes"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("list.xlsx is an Excel workbook: open it in Excel"),
        "{}",
        stderr(&o)
    );
    let renamed = write(files.path(), "renamed.csv", b"PK\x03\x04rest");
    let o = import(dir.path(), &renamed, &["--yes"]);
    assert!(stderr(&o).contains("is an Excel workbook (whatever its name says)"));
    let json = write(files.path(), "list.json", b"[]");
    let o = import(dir.path(), &json, &["--yes"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("list.json is not a CSV file (.csv)"));
    let utf16 = write(files.path(), "unicode.csv", b"\xFF\xFEh\0e\0");
    let o = import(dir.path(), &utf16, &["--yes"]);
    assert!(stderr(&o).contains("is saved as Unicode Text (UTF-16)"));
    assert_eq!(households(dir.path()), 2);
}

#[test]
fn a_household_imported_in_arabic_only_is_found_by_its_latin_spelling() {
    let (dir, files) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("files"),
    );
    let list = write(
        files.path(),
        "list.csv",
        "head_name,governorate,population_group,consent\nفاطمة حسن,نينوى,returnee,yes\n",
    );
    ok(
        dir.path(),
        &["households", "import", list.to_str().expect("p"), "--yes"],
    );
    for typed in ["fatima", "Fatma Hasan", "fatimah hassan"] {
        let found = search(dir.path(), typed);
        assert_eq!(found.len(), 1, "{typed:?}");
        assert_eq!(found[0]["name"], "فاطمة حسن", "{typed:?}");
    }
    let (text, _) = ok(dir.path(), &["households", "search", "fatma"]);
    assert!(text.contains("فاطمة حسن (≈ Fatima Hassan)"), "{text}");
}

#[test]
fn an_unreadable_list_is_refused_in_one_line() {
    let (dir, files) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("files"),
    );
    let o = import(dir.path(), &files.path().join("missing.csv"), &["--yes"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("there is no such file"),
        "{}",
        stderr(&o)
    );
    // A folder named like a list is not a regular file.
    let folder = files.path().join("folder.csv");
    std::fs::create_dir(&folder).expect("mkdir");
    let o = import(dir.path(), &folder, &["--yes"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("folder.csv: it is a folder, not a regular file"),
        "{}",
        stderr(&o)
    );
    let o = daleel(
        dir.path(),
        &["households", "template", "--out", "nowhere/list"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("Nothing was written"), "{}", stderr(&o));
}
