//! The 4W table (issue 18, item 7), HXL that validates (item 5) and disclosure control
//! that holds (item 6), on demo caseloads: through the command line as a coordinator
//! runs it, and through the library for the figures.

use daleel::model::Date;
use daleel::report::disclosure::{Relation, recoverable, small};
use daleel::report::export::{Detail, Table, write};
use daleel::report::fourw::{self, COLUMNS, COUNTS, GROUPS, SEX_AGE, TEXT};
use daleel::report::summary::{self, By, COUNT_COLUMNS, build};
use daleel::report::valid_hxl_row;

use crate::common;
use common::device::Device;

/// The rows of a CSV, read as a coordinator's tool would, less what marks a demo
/// caseload's files (the byte-order mark and the `demo` column, checked in report.rs):
/// every table here is of a demo caseload.
fn lines(bytes: &[u8]) -> Vec<Vec<String>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut rows = common::csv_rows(bytes);
    if rows.first().is_some_and(|h| h[0] == "demo") {
        for r in &mut rows {
            r.remove(0);
        }
    }
    rows
}

/// What libhxl's default schema would say of a CSV with its hashtags on the second
/// line: the hashtag row is valid HXL, every column is tagged, and the columns that
/// hold numbers (`#affected`, `#reached`, `#inneed`, `#targeted`, `#population`, and
/// any `+num`) hold numbers or nothing.
fn hxl_problems(bytes: &[u8]) -> Vec<String> {
    let all = lines(bytes);
    let mut problems = Vec::new();
    let Some(tags) = all.get(1) else {
        return vec!["no hashtag row".into()];
    };
    let cells: Vec<&str> = tags.iter().map(String::as_str).collect();
    if !valid_hxl_row(&cells) {
        problems.push(format!("not a hashtag row: {cells:?}"));
    }
    for (i, tag) in tags.iter().enumerate() {
        let tag = tag.replace(' ', "");
        if tag.is_empty() {
            problems.push(format!("column {} untagged", all[0][i]));
            continue;
        }
        let hashtag = tag.split('+').next().unwrap_or("");
        let numeric = [
            "#affected",
            "#reached",
            "#inneed",
            "#targeted",
            "#population",
        ]
        .contains(&hashtag)
            || tag.split('+').any(|a| a == "num");
        if !numeric {
            continue;
        }
        for row in &all[2..] {
            let cell = row[i].as_str();
            if !cell.is_empty() && cell.parse::<f64>().is_err() {
                problems.push(format!("{}: {cell:?} is not a number", all[0][i]));
            }
        }
    }
    problems
}

fn demo(households: usize) -> Device {
    let d = Device::new();
    daleel::demo::generate(&d.ws.store, households, 7, |_| {}).expect("demo");
    d
}

fn period(d: &Device) -> (Date, Date) {
    (
        Date::parse("2020-01-01").expect("a date"),
        d.ws.store.now().date(),
    )
}

/// Every CSV writer's hashtag row, and numbers only where HXL wants numbers: the
/// coordination exports, the report and the 4W.
#[test]
fn every_coordination_csv_is_hxl_that_validates() {
    let d = demo(300);
    let (since, until) = period(&d);
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for table in [Table::Needs, Table::Referrals, Table::Services] {
        for detail in [
            Detail::default(),
            Detail {
                district: true,
                case_codes: true,
                sensitive: true,
            },
        ] {
            let (sheet, _) = write(&d.ws.store, table, detail).expect("export");
            files.push((
                format!("{table:?} {detail:?}"),
                sheet.csv(false).expect("csv"),
            ));
        }
    }
    for by in [
        vec![By::Sector],
        vec![By::Sector, By::Governorate, By::Org],
        vec![By::District, By::Subdistrict],
    ] {
        let report = build(&d.ws.store, since, until, &by, false).expect("report");
        files.push((format!("report {by:?}"), report.csv(true).expect("csv")));
    }
    let table = fourw::build(&d.ws.store, since, until, false).expect("4w");
    files.push(("4w".into(), table.csv().expect("csv")));
    for (what, bytes) in &files {
        let problems = hxl_problems(bytes);
        assert!(problems.is_empty(), "{what}: {problems:#?}");
        let text = String::from_utf8_lossy(bytes);
        assert!(!text.contains("<5"), "{what}: a suppressed cell is empty");
        assert!(
            !text.contains("#affected"),
            "{what}: nobody here is counted as affected"
        );
    }
    // The report names places by P-code, down to the level asked for (the demo places
    // households by governorate, and the built-in gazetteer has no districts: some are
    // given a district and a sub-district P-code).
    let ids: Vec<(uuid::Uuid, String)> =
        d.ws.store
            .all::<daleel::model::Household>()
            .map(|h| h.expect("h"))
            .map(|h| (h.id, h.location.governorate))
            .take(60)
            .collect();
    for (id, gov) in ids {
        d.edit_household("w", id, 1, |h| {
            h.location.district = Some(format!("{gov}Q01"));
            h.location.sub_district = Some(format!("{gov}Q01N01"));
        });
    }
    let report = build(
        &d.ws.store,
        since,
        until,
        &[By::District, By::Subdistrict],
        false,
    )
    .expect("report");
    let csv = lines(&report.csv(true).expect("csv"));
    assert_eq!(
        csv[1][..4],
        ["#adm2 +code", "#adm2 +name", "#adm3 +code", "#adm3 +name"]
    );
    assert!(
        csv[2..]
            .iter()
            .any(|r| r[0].starts_with("IQG") && r[0].len() > 5)
    );
    // Lists in the HXL list convention: a +list column's items separated by commas.
    let (services, _) = write(&d.ws.store, Table::Services, Detail::default()).expect("export");
    let services = lines(&services.csv(false).expect("csv"));
    let govs = services[1]
        .iter()
        .position(|t| t.contains("+list"))
        .expect("a list column");
    assert!(
        services[2..]
            .iter()
            .all(|r| !r[govs].contains(' ') && r[govs].split(',').all(|c| c.starts_with("IQG")))
    );
}

/// The relations a reader of the report could use, over the values as written
/// (`None` for an empty cell): whether any gives a hidden cell back by subtraction.
fn subtractable(values: &[Option<u64>], relations: &[Relation]) -> Vec<String> {
    let mut out = Vec::new();
    for r in relations {
        let cells: Vec<usize> = r.totals.iter().chain(&r.parts).copied().collect();
        let hidden: Vec<usize> = cells
            .iter()
            .copied()
            .filter(|c| values[*c].is_none())
            .collect();
        if hidden.len() == 1 {
            out.push(format!("cell {} from {r:?}", hidden[0]));
        }
    }
    out
}

/// The finding, and its fix: with small counts alone hidden, some are worked out
/// from the others; with `disclosure::protect`, none is, by one subtraction or by
/// solving the relations together.
#[test]
fn the_report_hides_no_cell_that_subtraction_gives_back() {
    let d = demo(500);
    let (since, until) = period(&d);
    let report = build(
        &d.ws.store,
        since,
        until,
        &[By::Sector, By::Governorate, By::Org],
        false,
    )
    .expect("report");
    let width = COUNT_COLUMNS + 1;
    let values: Vec<u64> = report.groups.values().flat_map(summary::counts).collect();
    let relations: Vec<Relation> = (0..report.groups.len())
        .flat_map(|g| summary::relations(&values, g * width))
        .collect();
    // Before: small counts hidden alone, in the CSV's columns (the referrals' total,
    // drawn on the page, was not written in the CSV).
    let primary: Vec<bool> = values
        .iter()
        .enumerate()
        .map(|(i, v)| small(*v) && i % width != summary::REFERRALS_TOTAL)
        .collect();
    let found = recoverable(&primary, &relations);
    let hidden_before = primary.iter().filter(|h| **h).count();
    println!(
        "small counts alone: {} of {hidden_before} hidden cells worked out",
        found.len()
    );
    assert!(
        !found.is_empty(),
        "a 500-household caseload has small counts that the totals give away"
    );
    // After: as written in the CSV.
    let flags = report.hidden();
    let after: Vec<bool> = flags
        .values()
        .flat_map(|f| f[..width].iter().copied())
        .collect();
    println!(
        "with complementary suppression: {} cells hidden, {} worked out",
        after.iter().filter(|h| **h).count(),
        recoverable(&after, &relations).len()
    );
    assert!(recoverable(&after, &relations).is_empty());
    let shown: Vec<Option<u64>> = values
        .iter()
        .zip(&after)
        .map(|(v, h)| (!h).then_some(*v))
        .collect();
    assert_eq!(subtractable(&shown, &relations), Vec::<String>::new());
    for (v, h) in values.iter().zip(&after) {
        assert!(!small(*v) || *h, "{v} shown");
    }
}

/// Reads a 4W CSV back: its header, hashtags and rows, each row's counts (`None` when
/// hidden) and the columns its `suppressed` cell names.
struct Written {
    header: Vec<String>,
    tags: Vec<String>,
    rows: Vec<(Vec<String>, Vec<Option<u64>>)>,
}

fn read_4w(bytes: &[u8]) -> Written {
    let all = lines(bytes);
    let header = all[0].clone();
    let tags = all[1].clone();
    let rows = all[2..]
        .iter()
        .map(|r| {
            let counts: Vec<Option<u64>> = r[TEXT..TEXT + COUNTS]
                .iter()
                .map(|c| (!c.is_empty()).then(|| c.parse().expect("a count")))
                .collect();
            let named: Vec<&str> = r[TEXT + COUNTS]
                .split(',')
                .filter(|c| !c.is_empty())
                .collect();
            for (i, c) in counts.iter().enumerate() {
                assert_eq!(
                    c.is_none(),
                    named.contains(&COLUMNS[TEXT + i].0),
                    "{r:?}: the suppressed column names exactly the empty cells"
                );
            }
            (r.clone(), counts)
        })
        .collect();
    Written { header, tags, rows }
}

/// `daleel export 4w` on a demo caseload, as a coordinator runs it: the cluster's
/// columns and hashtags, activities then deduplicated totals, no small count shown and
/// none worked out from the sums the table shows, GBV and child protection folded into
/// Protection at governorate level, the export audited.
#[test]
fn export_4w_writes_the_cluster_table_of_a_demo_caseload() {
    let dir = tempfile::tempdir().expect("dir");
    let out = common::daleel(dir.path(), &["demo", "--households", "400"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files = tempfile::tempdir().expect("out");
    let file = files.path().join("4w.csv");
    let file_arg = file.to_string_lossy().into_owned();
    let run = |extra: &[&str]| {
        let mut args = vec![
            "export",
            "4w",
            "--since",
            "2020-01-01",
            "--until",
            "2030-12-31",
            "--out",
            file_arg.as_str(),
        ];
        args.extend(extra);
        common::daleel(dir.path(), &args)
    };
    let out = run(&[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("Wrote the 4W table of 2020-01-01 to 2030-12-31"),
        "{said}"
    );
    let bytes = std::fs::read(&file).expect("written");
    assert!(
        hxl_problems(&bytes).is_empty(),
        "{:#?}",
        hxl_problems(&bytes)
    );
    let w = read_4w(&bytes);
    for (name, tag) in [
        ("reporting_organization", "#org+reporting"),
        ("implementing_organization", "#org+impl"),
        ("sector", "#sector"),
        ("sub_sector", "#subsector"),
        ("admin1_pcode", "#adm1+code"),
        ("admin3_pcode", "#adm3+code"),
        ("people_reached", "#reached+ind+total"),
        ("girls", "#reached+ind+f+children"),
        ("idps", "#reached+ind+idps"),
        ("suppressed", "#meta +suppressed +list"),
    ] {
        let i = w.header.iter().position(|h| h == name).expect(name);
        assert_eq!(w.tags[i], tag);
    }
    let activities = w.rows.iter().filter(|(r, _)| r[0] == "activity").count();
    let totals: Vec<&(Vec<String>, Vec<Option<u64>>)> =
        w.rows.iter().filter(|(r, _)| r[0] == "total").collect();
    assert!(activities > 10, "{activities} activities");
    assert_eq!(totals.last().expect("a total").0[3], "(all)");
    // A 400-household caseload split this finely has small counts: hidden, and named.
    let hidden: usize = w
        .rows
        .iter()
        .map(|(_, c)| c.iter().filter(|c| c.is_none()).count())
        .sum();
    assert!(hidden > 0);
    println!(
        "4W: {activities} activities, {} rows, {hidden} cells hidden",
        w.rows.len()
    );
    for (row, counts) in &w.rows {
        for c in counts.iter().flatten() {
            assert!(!small(*c), "{c} shown in {row:?}");
        }
        // The sums each row shows: none with exactly one cell hidden, and where all
        // are shown they add up.
        for part in [SEX_AGE, GROUPS] {
            let cells: Vec<Option<u64>> = std::iter::once(counts[0])
                .chain(part.clone().map(|c| counts[c]))
                .collect();
            assert_ne!(
                cells.iter().filter(|c| c.is_none()).count(),
                1,
                "{row:?}: one hidden cell in {part:?}"
            );
            if cells.iter().all(Option::is_some) {
                let sum: u64 = cells[1..].iter().flatten().sum();
                assert_eq!(Some(sum), cells[0], "{row:?}");
            }
        }
        // Not without a coordinator's flag: GBV and child protection, or their place
        // below the governorate.
        assert!(
            !["GBV", "Child Protection"].contains(&row[4].as_str()),
            "{row:?}"
        );
        // Folded in with general protection, which goes to governorate level with
        // them: no folded row looks different from a general protection one.
        if row[3] == "Protection" && row[4] == "General Protection" {
            assert!(row[6].is_empty() && row[7].is_empty(), "{row:?}");
        }
        assert!(!(row[3] == "Protection" && row[4].is_empty()), "{row:?}");
    }
    assert!(
        w.rows.iter().any(|(r, _)| r[3] == "Protection"
            && r[4] == "General Protection"
            && r[0] == "activity"),
        "the demo has protection referrals, GBV and child protection among them"
    );
    // As a workbook: the same cells, the counts as numbers, a hidden one empty.
    let book_file = files.path().join("4w.xlsx");
    let book_arg = book_file.to_string_lossy().into_owned();
    let out = common::daleel(
        dir.path(),
        &[
            "export",
            "4w",
            "--since",
            "2020-01-01",
            "--until",
            "2030-12-31",
            "--out",
            &book_arg,
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    {
        use calamine::{Data, Reader, Xlsx, open_workbook};
        let mut book: Xlsx<_> = open_workbook(&book_file).expect("a workbook");
        let name = book.sheet_names()[0].clone();
        let range = book.worksheet_range(&name).expect("the sheet");
        let rows: Vec<&[Data]> = range.rows().collect();
        assert_eq!(rows.len(), w.rows.len() + 2);
        // The demo column first, then the table's.
        let total = 1 + TEXT;
        assert_eq!(rows[1][total], Data::String("#reached+ind+total".into()));
        for (row, (_, counts)) in rows[2..].iter().zip(&w.rows) {
            match (&row[total], counts[0]) {
                (Data::Float(n), Some(c)) => assert_eq!(*n, c as f64),
                (Data::Empty, None) => {}
                (cell, c) => panic!("{cell:?} for {c:?}"),
            }
        }
    }
    // Outside a team this laptop is its own coordinator: the sub-sectors apart, audited.
    let out = run(&["--sensitive-subsectors"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let apart = read_4w(&std::fs::read(&file).expect("written"));
    assert!(
        apart
            .rows
            .iter()
            .any(|(r, _)| r[4] == "GBV" || r[4] == "Child Protection")
    );
    let report_file = files.path().join("report.csv");
    let out = common::daleel(
        dir.path(),
        &[
            "report",
            "--since",
            "2020-01-01",
            "--until",
            "2030-12-31",
            "--sensitive-subsectors",
            "--out",
            &report_file.to_string_lossy(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let audit = common::daleel(dir.path(), &["audit", "--json"]);
    let trail: serde_json::Value = serde_json::from_slice(&audit.stdout).expect("json");
    let whats: Vec<&str> = trail
        .as_array()
        .expect("entries")
        .iter()
        .filter_map(|e| e["what"].as_str())
        .collect();
    assert!(whats.contains(&"4w export"), "{whats:?}");
    assert!(
        whats.contains(&"4w export, with GBV and child protection apart"),
        "{whats:?}"
    );
    assert!(
        whats.contains(&"coordination report, with GBV and child protection apart"),
        "{whats:?}"
    );
}

/// A period missing, not a date or backwards, a period on another export, and the
/// sensitive sub-sectors on a laptop not certified for them: each refused with what to
/// do, and nothing written.
#[test]
fn export_4w_refuses_a_bad_period_and_an_uncertified_flag() {
    let dir = tempfile::tempdir().expect("dir");
    let out = common::daleel(dir.path(), &["demo", "--households", "20"]);
    assert!(out.status.success());
    let files = tempfile::tempdir().expect("out");
    let file = files.path().join("4w.csv");
    let f = file.to_string_lossy().into_owned();
    for (args, said) in [
        (
            vec!["export", "4w", "--until", "2026-01-01", "--out", &f],
            "--since is missing: give the period as --since YYYY-MM-DD --until YYYY-MM-DD",
        ),
        (
            vec!["export", "4w", "--since", "2026-01-01", "--out", &f],
            "--until is missing",
        ),
        (
            vec![
                "export",
                "4w",
                "--since",
                "2026-13-01",
                "--until",
                "2026-12-31",
                "--out",
                &f,
            ],
            "--since 2026-13-01 is not a date: give it as YYYY-MM-DD",
        ),
        (
            vec![
                "export",
                "4w",
                "--since",
                "2026-06-01",
                "--until",
                "2026-01-01",
                "--out",
                &f,
            ],
            "--until is before --since",
        ),
        (
            vec!["export", "needs", "--since", "2026-01-01", "--out", &f],
            "--since and --until are for export 4w",
        ),
        (
            vec!["export", "5w", "--out", &f],
            "give needs, referrals, services or 4w",
        ),
    ] {
        let out = common::daleel(dir.path(), &args);
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(said), "{args:?}: {err}");
        assert!(!file.exists(), "{args:?}");
    }
    // A team's coordinator not certified for GBV and child-protection cases.
    let out = common::daleel(
        dir.path(),
        &["team", "init", "--name", "CRC Mosul", "--yes"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for args in [
        vec![
            "export",
            "4w",
            "--since",
            "2020-01-01",
            "--until",
            "2030-01-01",
            "--out",
            &f,
            "--sensitive-subsectors",
        ],
        vec![
            "report",
            "--since",
            "2020-01-01",
            "--until",
            "2030-01-01",
            "--out",
            &f,
            "--sensitive-subsectors",
        ],
        vec!["export", "needs", "--out", &f, "--sensitive-subsectors"],
    ] {
        let out = common::daleel(dir.path(), &args);
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("--sensitive-subsectors is for coordinators certified for GBV"),
            "{err}"
        );
        assert!(!file.exists());
    }
    // Without the flag, the same coordinator writes it.
    let out = common::daleel(
        dir.path(),
        &[
            "export",
            "4w",
            "--since",
            "2020-01-01",
            "--until",
            "2030-01-01",
            "--out",
            &f,
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The needs export and the report fold GBV and child protection into Protection, with
/// no district, unless asked for them apart.
#[test]
fn gbv_and_child_protection_rows_leave_aggregated_only() {
    let d = demo(300);
    let (since, until) = period(&d);
    let detail = Detail {
        district: true,
        case_codes: false,
        sensitive: false,
    };
    let (sheet, _) = write(&d.ws.store, Table::Needs, detail).expect("export");
    let rows = lines(&sheet.csv(false).expect("csv"));
    let sector = rows[0].iter().position(|c| c == "sector").expect("sector");
    let district = rows[0]
        .iter()
        .position(|c| c == "district_pcode")
        .expect("district");
    assert!(
        rows[2..]
            .iter()
            .all(|r| r[sector] != "gbv" && r[sector] != "child_protection")
    );
    let (apart, _) = write(
        &d.ws.store,
        Table::Needs,
        Detail {
            sensitive: true,
            ..detail
        },
    )
    .expect("export");
    let apart = lines(&apart.csv(false).expect("csv"));
    let sensitive: Vec<&Vec<String>> = apart[2..]
        .iter()
        .filter(|r| r[sector] == "gbv" || r[sector] == "child_protection")
        .collect();
    assert!(
        !sensitive.is_empty(),
        "the demo has GBV and child-protection needs"
    );
    // The folded rows are the sensitive ones, as Protection without their district.
    let protection_without_district = rows[2..]
        .iter()
        .filter(|r| r[sector] == "protection" && r[district].is_empty())
        .count();
    assert!(protection_without_district >= sensitive.len());
    let report = build(
        &d.ws.store,
        since,
        until,
        &[By::Sector, By::District],
        false,
    )
    .expect("report");
    assert!(
        report
            .groups
            .keys()
            .all(|k| k[0] != "gbv" && k[0] != "child_protection")
    );
    assert!(
        report
            .groups
            .keys()
            .any(|k| k[0] == "protection" && k[1].is_empty())
    );
    let apart = build(&d.ws.store, since, until, &[By::Sector], true).expect("report");
    assert!(apart.groups.keys().any(|k| k[0] == "gbv"));
}
